// Maps between DOM positions in the article body and offsets into the stored article text.
// The server renders each paragraph as exactly Article.Text[start, start + length) with data-start = start,
// so an offset is the paragraph's start plus the lengths of the text nodes before the position (TreeWalker),
// never a search for the selected string.

export class TextIndex {
  constructor(body) {
    this.body = body;
    this.paragraphs = [...body.querySelectorAll('p[data-start]')].map((el, i) => {
      const start = Number(el.dataset.start);
      const text = el.textContent;
      return { el, index: i, start, end: start + text.length, text };
    });
    this.byElement = new Map(this.paragraphs.map((p) => [p.el, p]));
  }

  /** The paragraph containing offset (its end counts as inside), or null between paragraphs. */
  paragraphAt(offset) {
    let lo = 0;
    let hi = this.paragraphs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const p = this.paragraphs[mid];
      if (offset < p.start) hi = mid - 1;
      else if (offset > p.end) lo = mid + 1;
      else return p;
    }
    return null;
  }

  /** Paragraphs a span [start, end) touches, in order. */
  paragraphsIn(start, end) {
    const found = [];
    let lo = 0;
    let hi = this.paragraphs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.paragraphs[mid].end <= start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.paragraphs.length && this.paragraphs[i].start < end; i++) found.push(this.paragraphs[i]);
    return found;
  }

  paragraphOf(node) {
    const el = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
    const p = el?.closest?.('p[data-start]');
    return p ? this.byElement.get(p) ?? null : null;
  }

  /** Text offset of a DOM boundary point inside a paragraph, or null when the point is outside every paragraph. */
  toOffset(container, offset) {
    const paragraph = this.paragraphOf(container);
    return paragraph ? paragraph.start + lengthBefore(paragraph.el, container, offset) : null;
  }

  /**
   * Text offset of a boundary point anywhere in the body: a point between paragraphs (triple click, a drag that
   * ends in the margin) moves to the next paragraph's start (side "start") or the previous one's end ("end").
   */
  toOffsetNear(container, offset, side) {
    const inside = this.toOffset(container, offset);
    if (inside !== null) return inside;
    const point = document.createRange();
    point.setStart(container, offset);
    if (side === 'start') {
      const next = this.paragraphs.find((p) => point.comparePoint(p.el, 0) >= 0);
      return next ? next.start : null;
    }
    const previous = this.paragraphs.findLast((p) => point.comparePoint(p.el, p.el.childNodes.length) <= 0);
    return previous ? previous.end : null;
  }

  /** The DOM boundary point of a text offset (inside the paragraph containing it). */
  toDom(offset) {
    const paragraph = this.paragraphAt(offset);
    if (!paragraph) return null;
    let remaining = offset - paragraph.start;
    const walker = document.createTreeWalker(paragraph.el, NodeFilter.SHOW_TEXT);
    let last = null;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (remaining <= node.length) return { node, offset: remaining };
      remaining -= node.length;
      last = node;
    }
    return last ? { node: last, offset: last.length } : { node: paragraph.el, offset: 0 };
  }

  /** A DOM Range covering the text span [start, end). */
  rangeOf(start, end) {
    const from = this.toDom(start);
    const to = this.toDom(end);
    if (!from || !to) return null;
    const range = document.createRange();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    return range;
  }
}

/** Sum of the lengths of the paragraph's text nodes before the boundary point (container, offset). */
function lengthBefore(paragraphEl, container, offset) {
  const walker = document.createTreeWalker(paragraphEl, NodeFilter.SHOW_TEXT);
  let total = 0;
  if (container.nodeType === Node.TEXT_NODE) {
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node === container) return total + offset;
      total += node.length;
    }
    return total;
  }
  // An element boundary: the point sits before its child at index offset (or at its end).
  const boundary = container.childNodes[offset] ?? null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (boundary && (boundary === node || boundary.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING)) return total;
    if (!boundary && !container.contains(node) && container.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) return total;
    total += node.length;
  }
  return total;
}
