// Paints mentions into paragraphs. Each paragraph is split at every mention boundary into segments, each
// carrying the set of mentions that cover it (the approach of brat and doccano), so nested and overlapping
// spans stay visible and the text nodes still add up to the paragraph's text: offsets never move.

const TYPES = ['actor', 'incident', 'claim'];

/** Repaints one paragraph with the mentions that overlap it. */
export function paintParagraph(paragraph, mentions) {
  const { el, start, text } = paragraph;
  if (mentions.length === 0) {
    el.replaceChildren(document.createTextNode(text));
    return;
  }
  const clamp = (offset) => Math.max(0, Math.min(text.length, offset - start));
  const cuts = new Set([0, text.length]);
  for (const m of mentions) {
    cuts.add(clamp(m.start));
    cuts.add(clamp(m.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const fragment = document.createDocumentFragment();
  for (let k = 0; k < points.length - 1; k++) {
    const a = points[k];
    const b = points[k + 1];
    const piece = text.slice(a, b);
    const covering = mentions.filter((m) => clamp(m.start) < b && clamp(m.end) > a);
    if (covering.length === 0) {
      fragment.append(piece);
      continue;
    }
    fragment.append(segment(piece, covering, a, b, clamp));
  }
  el.replaceChildren(fragment);
}

function segment(piece, covering, a, b, clamp) {
  const span = document.createElement('span');
  span.className = 'm';
  for (const type of TYPES) {
    if (covering.some((m) => m.entityType === type)) span.classList.add(`m-${type}`);
  }
  if (covering.length > 1) span.classList.add(covering.length > 2 ? 'm-depth3' : 'm-depth2');
  if (covering.some((m) => clamp(m.start) === a)) span.classList.add('m-begin');
  if (covering.some((m) => clamp(m.end) === b)) span.classList.add('m-end');
  span.dataset.mentions = covering.map((m) => m.id).join(' ');
  // The compact label of the mentions that begin here, drawn by CSS (::before) only while labels are on: it is not
  // a text node, so offsets and selections never see it.
  const beginning = covering.filter((m) => clamp(m.start) === a);
  if (beginning.length) {
    span.dataset.label = beginning.map((m) => shorten(m.entityName)).join(' | ');
    span.dataset.labelType = beginning[0].entityType;
  }
  // title is plain text: a record name with markup shows as characters, never as HTML.
  span.title = covering.map((m) => `${m.entityType}: ${m.entityName}`).join('\n');
  span.textContent = piece;
  return span;
}

const shorten = (name) => (name.length <= 28 ? name : `${name.slice(0, 27)}\u2026`);

/** Shows or hides the labels on spans (the L key, the Labels switch). */
export function setLabels(body, on) {
  body.classList.toggle('show-labels', on);
}
