// The tag panel: opens at a selection, the type is chosen with A / I / C (or a click), records are searched
// by name or alias as you type, and Enter saves the highlighted choice: an existing record or a new one.

import { searchRecords } from './api.js';
import { el, placeBelow } from './dom.js';

const TYPES = [
  { type: 'actor', key: 'a', label: 'Actor' },
  { type: 'incident', key: 'i', label: 'Incident' },
  { type: 'claim', key: 'c', label: 'Claim' },
];

const KINDS = {
  actor: ['other', 'state', 'stateForces', 'armedGroup', 'politicalParty', 'governmentBody', 'mediaOutlet', 'person', 'organisation'],
  claim: ['other', 'responsibility', 'denial', 'accusation', 'threat', 'casualtyFigure'],
};

export class TagPanel {
  /** onSave({type, entityId} | {type, newEntity}) resolves when saved, rejects with a message to show. */
  constructor({ onSave, onClose }) {
    this.onSave = onSave;
    this.onClose = onClose;
    this.type = null;
    this.options = [];
    this.active = 0;
    this.searchToken = 0;

    this.quote = el('div', { class: 'tag-quote small text-muted text-truncate' });
    this.typeButtons = TYPES.map(({ type, key, label }) =>
      el('button', { type: 'button', class: `btn btn-sm btn-outline-secondary type-${type}`, 'data-type': type, 'aria-keyshortcuts': key.toUpperCase(), 'aria-pressed': 'false' },
        el('kbd', { text: key.toUpperCase() }), ` ${label}`));
    this.input = el('input', {
      class: 'form-control form-control-sm tag-search', type: 'text', autocomplete: 'off', role: 'combobox',
      'aria-autocomplete': 'list', 'aria-controls': 'tag-results', 'aria-expanded': 'false', 'aria-label': 'Search records or name a new one',
      placeholder: 'Choose a type first (A / I / C)',
    });
    this.input.disabled = true;
    this.list = el('ul', { class: 'list-group list-group-flush tag-results', id: 'tag-results', role: 'listbox' });
    this.kind = el('select', { class: 'form-select form-select-sm tag-kind', 'aria-label': 'Kind of the new record' });
    this.kind.hidden = true;
    this.error = el('div', { class: 'tag-error text-danger small', role: 'alert' });
    this.panel = el('div', { class: 'tag-panel card shadow', role: 'dialog', 'aria-label': 'Tag the selection', id: 'tag-panel' },
      el('div', { class: 'card-body p-2' },
        this.quote,
        el('div', { class: 'btn-group btn-group-sm my-2 tag-types', role: 'group', 'aria-label': 'Record type' }, ...this.typeButtons),
        this.input, this.list, this.kind, this.error,
        el('div', { class: 'small text-muted mt-1', text: '↑ ↓ choose · Enter saves · Esc cancels' })));
    this.panel.hidden = true;
    document.body.append(this.panel);

    for (const button of this.typeButtons) button.addEventListener('click', () => this.setType(button.dataset.type));
    this.input.addEventListener('input', () => this.search());
    this.panel.addEventListener('keydown', (event) => this.onKey(event));
    this.list.addEventListener('mousedown', (event) => event.preventDefault());
    this.list.addEventListener('click', (event) => {
      const item = event.target.closest('[data-index]');
      if (item) {
        this.active = Number(item.dataset.index);
        this.save();
      }
    });
  }

  get isOpen() {
    return !this.panel.hidden;
  }

  /** Opens at rect for a quote; name is prefilled from the selection; type may be preset (re-pointing). */
  open({ quote, rect, type = null, title = 'Tag' }) {
    this.name = quote.trim();
    this.quote.textContent = `${title}: \u201c${quote}\u201d`;
    this.error.textContent = '';
    this.type = null;
    this.input.value = this.name;
    this.input.disabled = true;
    this.list.replaceChildren();
    this.kind.hidden = true;
    this.typeButtons.forEach((b) => b.setAttribute('aria-pressed', 'false'));
    placeBelow(this.panel, rect);
    if (type) this.setType(type);
    else this.typeButtons[0].focus();
  }

  close() {
    if (this.panel.hidden) return;
    this.panel.hidden = true;
    this.onClose?.();
  }

  setType(type) {
    this.type = type;
    this.typeButtons.forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.type === type)));
    this.input.disabled = false;
    this.input.placeholder = type === 'claim' ? 'Search claims or paraphrase a new one' : `Search ${type}s or name a new one`;
    this.kind.replaceChildren(...(KINDS[type] ?? []).map((k) => el('option', { value: k, text: k })));
    this.input.focus();
    this.input.select();
    this.search();
  }

  async search() {
    if (!this.type) return;
    const token = ++this.searchToken;
    const query = this.input.value.trim();
    let records = [];
    try {
      records = query ? await searchRecords(this.type, query) : [];
    } catch (error) {
      this.error.textContent = error.message;
    }
    if (token !== this.searchToken) return; // a newer keystroke already searched
    const lower = query.toLowerCase();
    const exact = records.findIndex((r) => nameOf(r).toLowerCase() === lower || (r.aliases ?? []).some((a) => a.toLowerCase() === lower));
    this.options = records.map((r) => ({ record: r }));
    if (query) this.options.push({ create: query });
    this.active = exact >= 0 ? exact : 0;
    this.renderOptions();
  }

  renderOptions() {
    this.list.replaceChildren(...this.options.map((option, index) => {
      const item = el('li', { class: 'list-group-item list-group-item-action py-1 small', role: 'option', id: `tag-option-${index}`, 'data-index': String(index) });
      if (option.create) {
        item.classList.add('tag-create');
        item.append(el('span', { class: 'fw-semibold', text: `Create new ${this.type}: ` }), `\u201c${option.create}\u201d`);
      } else {
        item.append(el('span', { class: 'fw-semibold', text: nameOf(option.record) }));
        const extra = describe(option.record);
        if (extra) item.append(el('span', { class: 'text-muted', text: ` \u00b7 ${extra}` }));
      }
      const selected = index === this.active;
      item.classList.toggle('active', selected);
      item.setAttribute('aria-selected', String(selected));
      return item;
    }));
    this.input.setAttribute('aria-expanded', String(this.options.length > 0));
    this.input.setAttribute('aria-activedescendant', this.options.length ? `tag-option-${this.active}` : '');
    this.kind.hidden = !(this.options[this.active]?.create && KINDS[this.type]);
  }

  onKey(event) {
    const inText = event.target === this.input || event.target === this.kind;
    if (event.key === 'Escape') {
      event.preventDefault();
      this.close();
    } else if (!inText && !event.ctrlKey && !event.metaKey && !event.altKey && TYPES.some((t) => t.key === event.key.toLowerCase())) {
      event.preventDefault();
      this.setType(TYPES.find((t) => t.key === event.key.toLowerCase()).type);
    } else if (event.target === this.input && (event.key === 'ArrowDown' || event.key === 'ArrowUp') && this.options.length) {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      this.active = (this.active + step + this.options.length) % this.options.length;
      this.renderOptions();
    } else if (event.key === 'Enter' && inText) {
      event.preventDefault();
      this.save();
    }
  }

  async save() {
    if (!this.type) {
      this.error.textContent = 'Choose a type first: A actor, I incident, C claim.';
      return;
    }
    if (this.searchPending()) await this.search();
    const option = this.options[this.active];
    if (!option) {
      this.error.textContent = 'Type a name to search or create a record.';
      return;
    }
    const choice = option.create
      ? { type: this.type, newEntity: { name: option.create, kind: this.kind.hidden ? undefined : this.kind.value } }
      : { type: this.type, entityId: option.record.id };
    this.error.textContent = 'Saving\u2026';
    try {
      await this.onSave(choice);
      this.error.textContent = '';
      this.close();
    } catch (error) {
      this.error.textContent = error.message;
    }
  }

  /** True when the options do not reflect the input yet (Enter pressed right after typing). */
  searchPending() {
    const query = this.input.value.trim();
    const create = this.options.find((o) => o.create);
    return query !== '' && create?.create !== query;
  }
}

const nameOf = (record) => record.name ?? record.title ?? record.text ?? '';

function describe(record) {
  if (record.aliases) return [record.kind, record.country, ...record.aliases.slice(0, 3)].filter(Boolean).join(', ');
  if (record.title) return [record.date, record.location, record.country].filter(Boolean).join(', ');
  return [record.kind, record.claimant?.name].filter(Boolean).join(', ');
}
