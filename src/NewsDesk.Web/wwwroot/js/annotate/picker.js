// A type-ahead picker of records (actors, incidents, claims) searched on the server as you type, so it works with
// 20,000 actors: ↑ ↓ choose, Enter picks, Backspace in the empty box removes the last pick, Esc closes the list.
// One picker or many (chips). Used by the tag panel and, through enhanceSelect, by every record form.

import { searchRecords } from './api.js';
import { el } from './dom.js';

let pickers = 0;

export class RecordPicker {
  /** type: 'actor' | 'incident' | 'claim'; onChange(values) after every pick or removal. */
  constructor({ type, label, multiple = false, onChange = null, limit = 8 }) {
    this.type = type;
    this.multiple = multiple;
    this.onChange = onChange;
    this.limit = limit;
    this.values = [];
    this.options = [];
    this.active = -1;
    this.token = 0;
    const id = `picker-${++pickers}`;
    this.chips = el('span', { class: 'picker-chips' });
    this.input = el('input', {
      class: 'form-control form-control-sm picker-input', type: 'text', id, autocomplete: 'off', role: 'combobox', dir: 'auto',
      'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': `${id}-list`, placeholder: `Search ${type}s…`,
    });
    this.list = el('ul', { class: 'list-group picker-list', id: `${id}-list`, role: 'listbox', 'aria-label': label });
    this.list.hidden = true;
    this.element = el('div', { class: 'picker', 'data-picker-type': type },
      el('label', { class: 'form-label small mb-0', for: id, text: label }), this.chips, this.input, this.list);
    this.input.addEventListener('input', () => this.search());
    this.input.addEventListener('keydown', (event) => this.onKey(event));
    this.input.addEventListener('blur', () => setTimeout(() => this.closeList(), 150));
    this.list.addEventListener('mousedown', (event) => event.preventDefault());
    this.list.addEventListener('click', (event) => {
      const item = event.target.closest('[data-index]');
      if (item) this.pick(this.options[Number(item.dataset.index)]);
    });
    this.chips.addEventListener('click', (event) => {
      const button = event.target.closest('[data-remove]');
      if (button) this.remove(Number(button.dataset.remove));
    });
  }

  /** The picked records, [{id, name}]. */
  get value() {
    return this.values;
  }

  /** The id of the single pick (or null). */
  get id() {
    return this.values[0]?.id ?? null;
  }

  set(records) {
    this.values = this.multiple ? [...records] : records.slice(0, 1);
    this.render();
  }

  add(record) {
    if (!record || this.values.some((v) => v.id === record.id)) return;
    this.values = this.multiple ? [...this.values, record] : [record];
    this.render();
    this.onChange?.(this.values);
  }

  remove(id) {
    this.values = this.values.filter((v) => v.id !== id);
    this.render();
    this.onChange?.(this.values);
  }

  render() {
    this.chips.replaceChildren(...this.values.map((v) => el('span', { class: 'badge text-bg-light border picker-chip me-1', 'data-id': String(v.id) },
      el('bdi', { text: v.name }), ' ',
      el('button', { type: 'button', class: 'btn-close picker-remove', 'data-remove': String(v.id), 'aria-label': `Remove ${v.name}` }))));
  }

  async search() {
    const query = this.input.value.trim();
    const token = ++this.token;
    if (!query) {
      this.closeList();
      return;
    }
    const began = performance.now();
    let records = [];
    try {
      records = await searchRecords(this.type, query, this.limit);
    } catch {
      records = [];
    }
    if (token !== this.token) return;
    this.lastSearchMs = performance.now() - began;
    this.element.dataset.searchMs = this.lastSearchMs.toFixed(1);
    this.options = records.map((r) => ({ id: r.id, name: r.name ?? r.title ?? r.text }));
    this.active = this.options.length ? 0 : -1;
    this.renderList();
  }

  renderList() {
    this.list.replaceChildren(...this.options.map((o, index) => {
      const item = el('li', { class: 'list-group-item list-group-item-action py-1 small', role: 'option', id: `${this.list.id}-${index}`, 'data-index': String(index) },
        el('bdi', { text: o.name }));
      item.classList.toggle('active', index === this.active);
      item.setAttribute('aria-selected', String(index === this.active));
      return item;
    }));
    if (this.options.length === 0) this.list.append(el('li', { class: 'list-group-item py-1 small text-muted', text: 'No match.' }));
    this.list.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
    this.input.setAttribute('aria-activedescendant', this.active >= 0 ? `${this.list.id}-${this.active}` : '');
  }

  closeList() {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
  }

  get listOpen() {
    return !this.list.hidden && this.options.length > 0;
  }

  pick(option) {
    if (!option) return;
    this.add(option);
    this.input.value = '';
    this.options = [];
    this.closeList();
    this.input.focus();
  }

  onKey(event) {
    if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && this.options.length) {
      event.preventDefault();
      event.stopPropagation();
      this.active = (this.active + (event.key === 'ArrowDown' ? 1 : -1) + this.options.length) % this.options.length;
      this.renderList();
    } else if (event.key === 'Enter' && this.listOpen) {
      event.preventDefault();
      event.stopPropagation();
      this.pick(this.options[this.active]);
    } else if (event.key === 'Escape' && !this.list.hidden) {
      event.preventDefault();
      event.stopPropagation();
      this.closeList();
    } else if (event.key === 'Backspace' && this.input.value === '' && this.values.length) {
      event.preventDefault();
      this.remove(this.values.at(-1).id);
    }
  }
}

/**
 * Replaces a record form's <select data-picker="actor" multiple> (rendered with only its chosen options, never all
 * 20,000 actors) with a picker that keeps the select's options in step, so the form posts the same field as before.
 */
export function enhanceSelect(select) {
  const label = document.querySelector(`label[for="${select.id}"]`);
  const picker = new RecordPicker({
    type: select.dataset.picker,
    label: label?.textContent ?? select.name,
    multiple: select.multiple,
    onChange: (values) => {
      select.replaceChildren(...values.map((v) => el('option', { value: String(v.id), selected: 'selected', text: v.name })));
      if (!select.multiple && values.length === 0) select.append(el('option', { value: '', selected: 'selected', text: '' }));
    },
  });
  picker.set([...select.selectedOptions].filter((o) => o.value).map((o) => ({ id: Number(o.value), name: o.textContent })));
  select.hidden = true;
  select.setAttribute('aria-hidden', 'true');
  select.tabIndex = -1;
  label?.setAttribute('hidden', '');
  select.after(picker.element);
  return picker;
}
