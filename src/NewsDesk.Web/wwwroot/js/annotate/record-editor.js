// Edits an existing incident's or claim's fields beside the text (E on a mention's card), without a trip to the
// record's form: the same fields a new record gets in the tag panel (record-details.js), saved with a PATCH that
// carries the version read when the editor opened. When someone saved the record meanwhile the server refuses (409):
// their version replaces the fields and the message says so, so nobody's change is overwritten unseen.

import { call } from './api.js';
import { el, placeNear } from './dom.js';
import { loadVocabulary } from './labels.js';
import { RecordDetails } from './record-details.js';
import { recordUrl } from './store.js';

export class RecordEditor {
  /** onSaved(type, record) after a save; onClose() when the editor closes. */
  constructor({ onSaved, onClose }) {
    this.onSaved = onSaved;
    this.onClose = onClose;
    this.record = null;
    this.heading = el('div', { class: 'small fw-semibold mb-1 record-editor-heading' });
    this.nameLabel = el('label', { class: 'form-label small mb-0', for: 'edit-name' });
    this.name = el('input', { class: 'form-control form-control-sm', type: 'text', id: 'edit-name', dir: 'auto', autocomplete: 'off' });
    this.details = new RecordDetails({ prefix: 'edit', label: 'Fields of the record' });
    this.error = el('div', { class: 'record-editor-error text-danger small', role: 'alert' });
    this.saveButton = el('button', { type: 'button', class: 'btn btn-primary btn-sm record-editor-save', 'aria-keyshortcuts': 'Control+Enter', text: 'Save' });
    this.cancelButton = el('button', { type: 'button', class: 'btn btn-outline-secondary btn-sm', text: 'Cancel' });
    this.formLink = el('a', { class: 'small ms-auto record-editor-form', text: 'all fields (form)' });
    this.panel = el('div', { class: 'record-editor card shadow', role: 'dialog', 'aria-label': 'Edit the record', id: 'record-editor' },
      el('div', { class: 'card-body p-2' }, this.heading, this.nameLabel, this.name, this.details.element, this.error,
        el('div', { class: 'd-flex gap-1 mt-2 align-items-center' }, this.saveButton, this.cancelButton, this.formLink),
        el('div', { class: 'small text-muted mt-1', text: 'Tab moves through the fields · Ctrl+Enter saves · Esc cancels' })));
    this.panel.hidden = true;
    document.body.append(this.panel);
    this.saveButton.addEventListener('click', () => this.save());
    this.cancelButton.addEventListener('click', () => this.close());
    this.panel.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        this.close();
      } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey || event.target === this.name)) {
        event.preventDefault();
        this.save();
      }
    });
  }

  get isOpen() {
    return !this.panel.hidden;
  }

  /** Reads the record (and so its version now) and shows its fields near rect; context as the tag panel's. */
  async open({ type, id, rect, context = {} }) {
    this.type = type;
    this.context = { actorsInSpan: [], ...context };
    this.error.textContent = 'Loading\u2026';
    this.heading.textContent = `Edit ${type}`;
    this.nameLabel.textContent = type === 'incident' ? 'Title' : 'Claim (paraphrase)';
    this.formLink.href = `${recordUrl(type, id)}/edit`;
    placeNear(this.panel, rect);
    const [vocabulary, record] = await Promise.all([loadVocabulary(), call('GET', `/api/${type}s/${id}`)]);
    this.vocabulary = vocabulary;
    this.show(record);
    this.error.textContent = '';
    placeNear(this.panel, rect);
    this.name.focus();
  }

  show(record) {
    this.record = record;
    this.name.value = record.title ?? record.text ?? '';
    this.details.hide();
    this.details.show(this.type, this.vocabulary, this.context);
    this.details.fill(record);
    this.panel.dataset.version = String(record.version);
  }

  close() {
    if (this.panel.hidden) return;
    this.panel.hidden = true;
    this.onClose?.();
  }

  async save() {
    if (!this.record) return;
    const name = this.name.value.trim();
    if (!name) {
      this.error.textContent = this.type === 'incident' ? 'An incident needs a title.' : 'A claim needs its text.';
      return;
    }
    this.error.textContent = 'Saving\u2026';
    try {
      const saved = await call('PATCH', `/api/${this.type}s/${this.record.id}`, { ...this.details.fields(name), version: this.record.version });
      this.error.textContent = '';
      this.record = saved;
      this.close();
      this.onSaved?.(this.type, saved);
    } catch (error) {
      if (error.status === 409 && error.problem?.current) {
        // Theirs replaces what was typed: the message says so, and saving again starts from their version.
        this.show(error.problem.current);
        this.onSaved?.(this.type, error.problem.current);
      }
      this.error.textContent = error.message;
    }
  }
}
