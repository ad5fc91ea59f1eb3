// The tag panel: opens beside a selection, the type is chosen with A / I / C (or 1 / 2 / 3, or a click), records
// are searched by name or alias as you type, and Enter saves the highlighted choice: an existing record or a new one.
// Right by default: the records already tagged on an overlapping span come first, and the preselected option is an
// exact name or alias match (case and accents folded) or "Create new"; a match inside a longer name is only offered.
// A new incident or claim gets its main fields here (record-details.js), so it needs no second visit to a form.
// Alt+1..9 in the search box saves the n-th option (the numbers are shown beside the first nine).

import { searchRecords } from './api.js';
import { el, placeNear } from './dom.js';
import { displayDate, labelOf, loadVocabulary } from './labels.js';
import { RecordDetails } from './record-details.js';
import { fold } from './text-fold.js';

const TYPES = [
  { type: 'actor', key: 'a', digit: '1', label: 'Actor' },
  { type: 'incident', key: 'i', digit: '2', label: 'Incident' },
  { type: 'claim', key: 'c', digit: '3', label: 'Claim' },
];

export class TagPanel {
  /**
   * onSave({type, entityId} | {type, newEntity} | {type, create: fields}) resolves when saved, rejects with a message.
   * context() gives what the page knows around the selection (see main.js): tagged records, actors in the span, ...
   */
  constructor({ onSave, onClose }) {
    this.onSave = onSave;
    this.onClose = onClose;
    this.type = null;
    this.options = [];
    this.active = 0;
    this.searchToken = 0;
    this.context = { tagged: [] };
    this.vocabulary = null;
    loadVocabulary().then((v) => { this.vocabulary = v; }).catch(() => {});

    this.quote = el('div', { class: 'tag-quote small text-muted text-truncate', dir: 'auto' });
    this.typeButtons = TYPES.map(({ type, key, digit, label }) =>
      el('button', { type: 'button', class: `btn btn-sm btn-outline-secondary type-${type}`, 'data-type': type, 'aria-keyshortcuts': `${key.toUpperCase()} ${digit}`, 'aria-pressed': 'false' },
        el('kbd', { text: key.toUpperCase() }), ` ${label}`));
    this.input = el('input', {
      class: 'form-control form-control-sm tag-search', type: 'text', autocomplete: 'off', role: 'combobox', dir: 'auto',
      'aria-autocomplete': 'list', 'aria-controls': 'tag-results', 'aria-expanded': 'false', 'aria-label': 'Search records or name a new one',
      placeholder: 'Choose a type first (A / I / C)',
    });
    this.input.disabled = true;
    this.list = el('ul', { class: 'list-group list-group-flush tag-results', id: 'tag-results', role: 'listbox' });
    this.kind = el('select', { class: 'form-select form-select-sm tag-kind', 'aria-label': 'Kind of the new record' });
    this.kind.hidden = true;
    this.details = new RecordDetails();
    this.error = el('div', { class: 'tag-error text-danger small', role: 'alert' });
    this.panel = el('div', { class: 'tag-panel card shadow', role: 'dialog', 'aria-label': 'Tag the selection', id: 'tag-panel' },
      el('div', { class: 'card-body p-2' },
        this.quote,
        el('div', { class: 'btn-group btn-group-sm my-2 tag-types', role: 'group', 'aria-label': 'Record type' }, ...this.typeButtons),
        this.input, this.list, this.kind, this.details.element, this.error,
        el('div', { class: 'small text-muted mt-1', text: '↑ ↓ choose · Enter saves (Ctrl+Enter from any field) · Tab to the details · Esc cancels' })));
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

  /**
   * Opens at rect for a quote; the name is prefilled from the selection; type may be preset (re-pointing).
   * context: {tagged: [{type, id, name, sameSpan}], actorsInSpan: [{id, name}], paragraphIncident: {id, name}?, outlet: {id, name}?}
   */
  open({ quote, rect, type = null, title = 'Tag', context = {} }) {
    this.name = quote.trim();
    this.context = { tagged: [], actorsInSpan: [], ...context };
    this.repointing = title !== 'Tag';
    this.quote.textContent = `${title}: \u201c${quote}\u201d`;
    this.error.textContent = '';
    this.type = null;
    this.input.value = this.name;
    this.input.disabled = true;
    this.options = [];
    this.list.replaceChildren();
    this.kind.hidden = true;
    this.details.hide();
    this.typeButtons.forEach((b) => b.setAttribute('aria-pressed', 'false'));
    const began = performance.now();
    placeNear(this.panel, rect);
    this.panel.dataset.openMs = (performance.now() - began).toFixed(1);
    if (type) this.setType(type);
    else this.typeButtons[0].focus();
  }

  close() {
    if (this.panel.hidden) return;
    this.panel.hidden = true;
    this.onClose?.();
  }

  async setType(type) {
    this.type = type;
    if (!this.vocabulary) {
      this.vocabulary = await loadVocabulary().catch((error) => {
        this.error.textContent = error.message;
        return null;
      });
    }
    this.typeButtons.forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.type === type)));
    this.input.disabled = false;
    this.input.placeholder = type === 'claim' ? 'Search claims or paraphrase a new one' : `Search ${type}s or name a new one`;
    const kinds = type === 'actor' ? this.vocabulary?.actorKinds : type === 'claim' && this.repointing ? this.vocabulary?.claimKinds : null;
    this.kind.replaceChildren(...(kinds ?? []).map((k) => el('option', { value: k.value, text: k.label })));
    if (kinds) this.kind.value = 'other';
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
      // Actors are searched folded on the server; incidents and claims match case (for ASCII) but not accents, so a
      // query typed with accents also searches them without.
      const folded = fold(query);
      const [asTyped, unaccented] = await Promise.all([
        query ? searchRecords(this.type, query) : [],
        query && this.type !== 'actor' && folded !== query.toLowerCase() ? searchRecords(this.type, folded) : [],
      ]);
      records = [...asTyped, ...unaccented.filter((r) => !asTyped.some((t) => t.id === r.id))];
    } catch (error) {
      this.error.textContent = error.message;
    }
    if (token !== this.searchToken) return; // a newer keystroke already searched
    const tagged = this.context.tagged.filter((t) => t.type === this.type);
    const taggedIds = new Set(tagged.map((t) => t.id));
    this.options = [
      ...tagged.map((t) => ({ tagged: t, record: records.find((r) => r.id === t.id) ?? { id: t.id, name: t.name } })),
      ...records.filter((r) => !taggedIds.has(r.id)).map((r) => ({ record: r })),
    ];
    if (query) this.options.push({ create: query });
    const wanted = fold(query);
    const exact = this.options.findIndex((o) => o.record && (fold(nameOf(o.record)) === wanted || (o.record.aliases ?? []).some((a) => fold(a) === wanted)));
    this.active = exact >= 0 ? exact : this.options.length - 1;
    this.renderOptions();
  }

  renderOptions() {
    this.list.replaceChildren(...this.options.map((option, index) => {
      const item = el('li', { class: 'list-group-item list-group-item-action py-1 small', role: 'option', id: `tag-option-${index}`, 'data-index': String(index) });
      if (option.create) {
        item.classList.add('tag-create');
        item.append(el('span', { class: 'fw-semibold', text: `Create new ${this.type}: ` }), el('bdi', { text: `\u201c${option.create}\u201d` }));
      } else {
        if (option.tagged) {
          item.classList.add('tag-tagged');
          item.append(el('span', { class: 'badge text-bg-secondary me-1', text: option.tagged.sameSpan ? 'tagged on this span' : 'tagged here' }));
        }
        item.append(el('bdi', { class: 'fw-semibold', text: nameOf(option.record) }));
        const extra = describe(option.record, this.vocabulary);
        if (extra) item.append(el('span', { class: 'text-muted', text: ` \u00b7 ${extra}` }));
      }
      if (index < 9) {
        // At the end, so an option's text still starts with the record's name.
        item.setAttribute('aria-keyshortcuts', `Alt+${index + 1}`);
        item.append(el('kbd', { class: 'tag-option-key float-end', title: `Alt+${index + 1}`, text: String(index + 1) }));
      }
      const selected = index === this.active;
      item.classList.toggle('active', selected);
      item.setAttribute('aria-selected', String(selected));
      return item;
    }));
    this.input.setAttribute('aria-expanded', String(this.options.length > 0));
    this.input.setAttribute('aria-activedescendant', this.options.length ? `tag-option-${this.active}` : '');
    const creating = Boolean(this.options[this.active]?.create);
    this.kind.hidden = !(creating && this.kind.options.length);
    if (creating && !this.repointing && (this.type === 'incident' || this.type === 'claim')) this.details.show(this.type, this.vocabulary, this.context);
    else this.details.hide();
  }

  onKey(event) {
    const inText = event.target === this.input || event.target === this.kind;
    const inField = event.target.matches?.('input, select, textarea');
    const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
    const byKey = TYPES.find((t) => t.key === event.key.toLowerCase() || t.digit === event.key);
    if (event.key === 'Escape') {
      event.preventDefault();
      this.close();
    } else if (!inField && plain && byKey) {
      event.preventDefault();
      this.setType(byKey.type);
    } else if (event.target === this.input && event.altKey && !event.ctrlKey && /^[1-9]$/.test(event.key)) {
      event.preventDefault();
      this.chooseNumber(Number(event.key));
    } else if (event.target === this.input && (event.key === 'ArrowDown' || event.key === 'ArrowUp') && this.options.length) {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      this.active = (this.active + step + this.options.length) % this.options.length;
      this.renderOptions();
    } else if (event.key === 'Enter' && (inText || event.ctrlKey || (inField && event.target.type !== 'button'))) {
      event.preventDefault();
      this.save();
    }
  }

  /** Alt+n: the n-th option, after the options caught up with what was typed; saved at once. */
  async chooseNumber(n) {
    if (this.searchPending()) await this.search();
    if (n > this.options.length) return;
    this.active = n - 1;
    this.renderOptions();
    await this.save();
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
    let choice;
    if (!option.create) choice = { type: this.type, entityId: option.record.id };
    else if (this.details.visible) choice = { type: this.type, create: this.details.fields(option.create) };
    else choice = { type: this.type, newEntity: { name: option.create, kind: this.kind.hidden ? undefined : this.kind.value } };
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

function describe(record, vocabulary) {
  if (record.aliases) return [labelOf(vocabulary?.actorKinds, record.kind), record.country, ...record.aliases.slice(0, 3)].filter(Boolean).join(', ');
  if (record.title !== undefined) return [displayDateOf(record), record.location, record.country].filter(Boolean).join(', ');
  if (record.text !== undefined) return [labelOf(vocabulary?.claimKinds, record.kind), record.claimant?.name].filter(Boolean).join(', ');
  return '';
}

const displayDateOf = (incident) => displayDate(incident.date, incident.datePrecision);
