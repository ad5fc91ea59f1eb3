// Undo and redo of this page's mention changes (create, re-point, delete), each step through the same JSON API,
// so every undo is audited like any change. A step is {label, undo, redo}; undo and redo are async and may
// replace ids (a deleted mention comes back under a new id). A failed step stays where it was and says why.

export class UndoStack {
  constructor() {
    this.done = [];
    this.undone = [];
    this.busy = false;
  }

  /** Records a change just made; a new change forgets what was undone. */
  push(step) {
    this.done.push(step);
    this.undone = [];
  }

  get canUndo() {
    return this.done.length > 0;
  }

  get canRedo() {
    return this.undone.length > 0;
  }

  /** Undoes the last change; resolves with its label, or null when there is nothing to undo. */
  async undo() {
    return this.move(this.done, this.undone, 'undo');
  }

  async redo() {
    return this.move(this.undone, this.done, 'redo');
  }

  async move(from, to, action) {
    if (this.busy || from.length === 0) return null;
    this.busy = true;
    const step = from.at(-1);
    try {
      await step[action]();
      from.pop();
      to.push(step);
      return step.label;
    } finally {
      this.busy = false;
    }
  }
}
