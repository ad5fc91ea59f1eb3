// `?` shows or hides the list of keyboard shortcuts (the page's own table, so there is one list).

export class ShortcutsDialog {
  constructor(details) {
    this.details = details;
  }

  toggle() {
    if (!this.details) return;
    this.details.open = !this.details.open;
    if (this.details.open) {
      this.details.scrollIntoView({ block: 'nearest' });
      this.details.querySelector('summary')?.focus();
    }
  }
}
