// Draws suggestions as dashed outlines in a layer over the article text, never inside it: the text nodes (and so
// every offset and selection) stay exactly as the annotation scripts painted them.

export class OutlineLayer {
  constructor(body, index) {
    this.body = body;
    this.index = index;
    this.layer = document.createElement('div');
    this.layer.className = 'suggestion-layer';
    this.layer.setAttribute('aria-hidden', 'true');
    body.parentElement.style.position = 'relative';
    body.parentElement.append(this.layer);
    this.suggestions = [];
    this.current = null;
    let queued = false;
    const redraw = () => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(() => { queued = false; this.draw(); });
    };
    new MutationObserver(redraw).observe(body, { childList: true, subtree: true });
    window.addEventListener('resize', redraw);
  }

  show(suggestions, current) {
    this.suggestions = suggestions;
    this.current = current;
    this.draw();
  }

  draw() {
    const origin = this.layer.parentElement.getBoundingClientRect();
    const boxes = document.createDocumentFragment();
    for (const s of this.suggestions) {
      const range = this.index.rangeOf(s.start, s.end);
      if (!range) continue;
      for (const rect of range.getClientRects()) {
        const box = document.createElement('div');
        box.className = `suggestion-box suggestion-${s.entityType}${s === this.current ? ' suggestion-current' : ''}${s.entityId === null && s.entityType === 'actor' ? ' suggestion-ambiguous' : ''}`;
        box.style.left = `${rect.left - origin.left}px`;
        box.style.top = `${rect.top - origin.top}px`;
        box.style.width = `${rect.width}px`;
        box.style.height = `${rect.height}px`;
        box.dataset.start = s.start;
        boxes.append(box);
      }
    }
    this.layer.replaceChildren(boxes);
  }
}
