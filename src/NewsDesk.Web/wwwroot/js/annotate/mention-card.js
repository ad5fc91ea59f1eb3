// The card shown for a clicked highlight: every mention covering that spot, each with its record, a re-point
// action (R), a delete action (Delete; undone with Ctrl+Z) and, for incidents and claims, an edit of the record's
// fields (E). Read-only for viewers: the record, no actions. [ and ] move to the previous / next mention while it is
// open; 1-9 go to the n-th mention of the card.

import { el, placeNear } from './dom.js';
import { recordUrl } from './store.js';

export class MentionCard {
  /** removedIn: mention id → the article version that no longer contains its quote. */
  constructor({ onRepoint, onDelete, onEdit, onClose, onNavigate, readOnly = false, removedIn = new Map() }) {
    this.removedIn = removedIn;
    this.onRepoint = onRepoint;
    this.onEdit = onEdit;
    this.onDelete = onDelete;
    this.onClose = onClose;
    this.onNavigate = onNavigate;
    this.readOnly = readOnly;
    this.list = el('ul', { class: 'list-unstyled mb-0' });
    this.error = el('div', { class: 'text-danger small', role: 'alert' });
    this.panel = el('div', { class: 'mention-card card shadow', role: 'dialog', 'aria-label': 'Mention', id: 'mention-card' },
      el('div', { class: 'card-body p-2' }, this.list, this.error,
        el('div', { class: 'small text-muted mt-1', text: readOnly ? '[ ] previous / next · Esc closes' : 'R re-point · E edit the record · Delete removes (Ctrl+Z undoes) · [ ] previous / next · Esc closes' })));
    this.panel.hidden = true;
    document.body.append(this.panel);
    this.panel.addEventListener('keydown', (event) => this.onKey(event));
    this.panel.addEventListener('click', (event) => {
      const button = event.target.closest('button[data-action]');
      if (button) this.act(button.dataset.action, Number(button.closest('[data-mention-id]').dataset.mentionId));
    });
  }

  get isOpen() {
    return !this.panel.hidden;
  }

  open(mentions, rect) {
    this.mentions = mentions;
    this.error.textContent = '';
    this.list.replaceChildren(...mentions.map((m) => el('li', { class: 'mention-card-item py-1', tabindex: '0', 'data-mention-id': String(m.id) },
      el('div', {},
        el('span', { class: `badge type-badge type-${m.entityType}`, text: m.entityType }), ' ',
        el('a', { href: recordUrl(m.entityType, m.entityId), class: 'record-link', text: m.entityName })),
      el('div', { class: 'small text-muted text-truncate', text: `\u201c${m.quote}\u201d [${m.start}, ${m.end})` }),
      ...(this.removedIn.has(m.id) ? [el('div', { class: 'mention-removed', text: `quote removed in version ${this.removedIn.get(m.id)}` })] : []),
      ...(this.readOnly ? [] : [el('div', { class: 'btn-group btn-group-sm mt-1' },
        el('button', { type: 'button', class: 'btn btn-outline-secondary', 'data-action': 'repoint', 'aria-keyshortcuts': 'R', text: 'Re-point' }),
        ...(m.entityType === 'actor' ? [] : [el('button', { type: 'button', class: 'btn btn-outline-secondary', 'data-action': 'edit', 'aria-keyshortcuts': 'E', text: `Edit ${m.entityType}` })]),
        el('button', { type: 'button', class: 'btn btn-outline-danger', 'data-action': 'delete', 'aria-keyshortcuts': 'Delete', text: 'Delete' }))]))));
    placeNear(this.panel, rect);
    this.list.querySelector('li')?.focus();
  }

  close() {
    if (this.panel.hidden) return;
    this.panel.hidden = true;
    this.onClose?.();
  }

  async act(action, id) {
    const mention = this.mentions.find((m) => m.id === id);
    if (!mention) return;
    try {
      if (action === 'delete') {
        await this.onDelete(mention);
        this.close();
      } else if (action === 'edit') {
        if (mention.entityType === 'actor') return;
        this.panel.hidden = true;
        await this.onEdit(mention);
      } else {
        this.panel.hidden = true;
        this.onRepoint(mention);
      }
    } catch (error) {
      this.error.textContent = error.message;
    }
  }

  onKey(event) {
    const item = event.target.closest?.('[data-mention-id]') ?? this.list.querySelector('li');
    const id = item ? Number(item.dataset.mentionId) : null;
    if (event.key === 'Escape') {
      event.preventDefault();
      this.close();
    } else if ((event.key === ']' || event.key === '[') && this.onNavigate) {
      event.preventDefault();
      this.onNavigate(event.key === ']' ? 1 : -1);
    } else if (/^[1-9]$/.test(event.key) && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      this.list.querySelectorAll('li')[Number(event.key) - 1]?.focus();
    } else if (this.readOnly) {
      // Viewers: no actions.
    } else if ((event.key === 'Delete' || event.key === 'Backspace') && id !== null) {
      event.preventDefault();
      this.act('delete', id);
    } else if (event.key.toLowerCase() === 'r' && id !== null && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      this.act('repoint', id);
    } else if (event.key.toLowerCase() === 'e' && id !== null && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      this.act('edit', id);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const items = [...this.list.querySelectorAll('li')];
      const next = items[(items.indexOf(item) + (event.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length];
      next?.focus();
    }
  }
}
