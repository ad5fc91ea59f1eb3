// A short message at the foot of the page ("Deleted … Undone? Ctrl+Z"), announced to screen readers, gone after a while.

import { el } from './dom.js';

export class Toast {
  constructor() {
    this.text = el('span', { class: 'annotate-toast-text' });
    this.element = el('div', { class: 'annotate-toast shadow', id: 'annotate-toast', role: 'status', 'aria-live': 'polite' }, this.text);
    this.element.hidden = true;
    document.body.append(this.element);
    this.timer = 0;
  }

  show(message, milliseconds = 8000) {
    this.text.textContent = message;
    this.element.hidden = false;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => { this.element.hidden = true; }, milliseconds);
  }
}
