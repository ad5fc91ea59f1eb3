// Incident cues: the dates and places the server found in the sentence of a selection (GET /api/articles/{id}/cues,
// dates already resolved against the article's date with their precision), offered as an incident's date and place.
// Offered, never filled in unasked (right by default): a click, or Alt+D / Alt+P (the next date / place each press),
// accepts one. The tag panel shows them for a new incident and for an existing one tagged without a date or place;
// the record editor for the incident of a mention.

import { el } from './dom.js';
import { displayDate } from './labels.js';

/** The cues of the sentences a span touches, those inside the span first, then the nearest; one per date or place. */
export function cuesNear(cues, span) {
  const distance = (c) => (c.end <= span.start ? span.start - c.end : c.start >= span.end ? c.start - span.end : 0);
  const seen = new Set();
  return cues
    .filter((c) => c.sentenceStart < span.end && c.sentenceEnd > span.start)
    .sort((a, b) => distance(a) - distance(b) || a.start - b.start)
    .filter((c) => {
      const key = c.type === 'date' ? `date:${c.date}:${c.precision}` : `place:${c.place}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** What a cue sets, named as an incident request names it; a gazetteer town is located at ACLED geo-precision 1. */
export function fieldsOf(cue) {
  if (cue.type === 'date') return { date: cue.date, datePrecision: cue.precision };
  if (cue.type === 'country') return { country: cue.country };
  return { location: cue.place, country: cue.country, admin1: cue.admin1, latitude: cue.latitude, longitude: cue.longitude, geoPrecision: 1 };
}

const KEYS = { date: 'KeyD', place: 'KeyP' };
const kindOf = (cue) => (cue.type === 'date' ? 'date' : 'place');

/** A row of cue buttons; onAccept(cue) when one is accepted (it is then shown pressed, the others of its kind not). */
export class CueChoices {
  constructor({ onAccept, label = 'Found in this sentence' }) {
    this.onAccept = onAccept;
    this.cues = [];
    this.accepted = { date: null, place: null };
    this.buttons = el('div', { class: 'd-flex flex-wrap gap-1' });
    this.element = el('div', { class: 'incident-cues my-1', role: 'group', 'aria-label': label },
      el('div', { class: 'small text-muted', text: `${label} (Alt+D date, Alt+P place):` }), this.buttons);
    this.element.hidden = true;
    this.buttons.addEventListener('mousedown', (event) => event.preventDefault()); // the focus stays in the field being typed
    this.buttons.addEventListener('click', (event) => {
      const button = event.target.closest('button[data-cue]');
      if (button) this.accept(this.cues[Number(button.dataset.cue)]);
    });
  }

  /** Shows these cues (already chosen for the span); kinds: which of date / place may be offered. */
  set(cues, { date = true, place = true } = {}) {
    this.cues = cues.filter((c) => (kindOf(c) === 'date' ? date : place));
    this.accepted = { date: null, place: null };
    this.buttons.replaceChildren(...this.cues.map((cue, i) => el('button', {
      type: 'button', class: `btn btn-outline-secondary btn-sm incident-cue cue-${kindOf(cue)}`, 'data-cue': String(i), 'aria-pressed': 'false',
      title: `\u201c${cue.quote}\u201d in the text`, text: describe(cue),
    })));
    this.element.hidden = this.cues.length === 0;
  }

  clear() {
    this.set([]);
  }

  /** Accepts a cue: its kind's button shows pressed and onAccept fills the fields. */
  accept(cue) {
    if (!cue) return;
    const kind = kindOf(cue);
    this.accepted[kind] = cue;
    for (const button of this.buttons.children) {
      const other = this.cues[Number(button.dataset.cue)];
      if (kindOf(other) === kind) button.setAttribute('aria-pressed', String(other === cue));
    }
    this.onAccept?.(cue);
  }

  /** Alt+D / Alt+P: accepts the next date or place cue (the first, then the one after the accepted). True if handled. */
  handleKey(event) {
    if (this.element.hidden || !event.altKey || event.ctrlKey || event.metaKey) return false;
    const kind = Object.keys(KEYS).find((k) => KEYS[k] === event.code);
    if (!kind) return false;
    const ofKind = this.cues.filter((c) => kindOf(c) === kind);
    if (ofKind.length === 0) return false;
    event.preventDefault();
    const at = ofKind.indexOf(this.accepted[kind]);
    this.accept(ofKind[(at + 1) % ofKind.length]);
    return true;
  }

  /** The fields of the accepted cues, as an incident request names them. */
  fields() {
    return Object.assign({}, ...Object.values(this.accepted).filter(Boolean).map(fieldsOf));
  }
}

function describe(cue) {
  if (cue.type === 'date') return `Date: ${displayDate(cue.date, cue.precision)}`;
  if (cue.type === 'country') return `Country: ${cue.country}`;
  return `Place: ${cue.place}${cue.country ? `, ${cue.country}` : ''}`;
}
