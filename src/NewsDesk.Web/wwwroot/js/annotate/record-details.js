// The main fields of a new incident or claim, filled in the tag panel so the record needs no second visit to a form.
// Incident: date + precision, place, ACLED event type and sub-type, fatalities, perpetrators and targets (type-ahead
// over actors; the actors tagged inside the selection are one click or key away). Claim: claimant, relaying outlet
// (the article's site when it is a known outlet), kind, incident (the one tagged in the same paragraph), assessment.

import { el } from './dom.js';
import { RecordPicker } from './picker.js';

export class RecordDetails {
  constructor() {
    this.element = el('fieldset', { class: 'tag-details border-top mt-2 pt-2', 'aria-label': 'Details of the new record' });
    this.element.hidden = true;
    this.type = null;
  }

  get visible() {
    return !this.element.hidden;
  }

  hide() {
    this.element.hidden = true;
  }

  /** Builds the fields for a new record of type, with defaults from what the page knows around the selection. */
  show(type, vocabulary, context) {
    if (this.visible && this.type === type && this.context === context) return;
    this.type = type;
    this.context = context;
    this.element.replaceChildren(...(type === 'incident' ? this.incidentFields(vocabulary, context) : this.claimFields(vocabulary, context)));
    this.element.hidden = false;
  }

  incidentFields(vocabulary, context) {
    this.date = el('input', { class: 'form-control form-control-sm', type: 'date', id: 'detail-date' });
    this.precision = select('detail-precision', vocabulary?.datePrecisions ?? [], 'day');
    this.place = el('input', { class: 'form-control form-control-sm', type: 'text', id: 'detail-place', dir: 'auto' });
    this.eventType = select('detail-type', [{ value: '', label: '—' }, ...(vocabulary?.eventTypes ?? [])], '');
    this.subType = select('detail-subtype', [{ value: '', label: '—' }], '');
    this.eventType.addEventListener('change', () => {
      const type = vocabulary?.eventTypes.find((t) => t.value === this.eventType.value);
      this.subType.replaceChildren(...[{ value: '', label: '—' }, ...(type?.subTypes ?? []).map((s) => ({ value: s, label: s }))]
        .map((o) => el('option', { value: o.value, text: o.label })));
    });
    this.fatalities = el('input', { class: 'form-control form-control-sm', type: 'number', min: '0', id: 'detail-fatalities' });
    this.perpetrators = new RecordPicker({ type: 'actor', label: 'Perpetrators', multiple: true });
    this.targets = new RecordPicker({ type: 'actor', label: 'Targets', multiple: true });
    const quick = (context.actorsInSpan ?? []).flatMap((actor, i) => [
      el('button', { type: 'button', class: 'btn btn-outline-secondary btn-sm detail-as-perpetrator', 'data-actor-id': String(actor.id), text: `${i + 1}: ${actor.name} as perpetrator`, 'aria-keyshortcuts': `Alt+${i + 1}` }),
      el('button', { type: 'button', class: 'btn btn-outline-secondary btn-sm detail-as-target', 'data-actor-id': String(actor.id), text: `${actor.name} as target` }),
    ]);
    const quickRow = el('div', { class: 'd-flex flex-wrap gap-1 my-1 detail-quick', 'aria-label': 'Actors tagged in the selection' }, ...quick);
    quickRow.addEventListener('click', (event) => {
      const button = event.target.closest('button[data-actor-id]');
      if (!button) return;
      const actor = context.actorsInSpan.find((a) => a.id === Number(button.dataset.actorId));
      (button.classList.contains('detail-as-perpetrator') ? this.perpetrators : this.targets).add(actor);
    });
    // Alt+1..9 adds the n-th actor tagged in the selection as perpetrator, from any field.
    this.element.onkeydown = (event) => {
      const n = Number(event.key);
      if (event.altKey && n >= 1 && n <= (context.actorsInSpan ?? []).length) {
        event.preventDefault();
        this.perpetrators.add(context.actorsInSpan[n - 1]);
      }
    };
    return [
      el('div', { class: 'row g-1' },
        col('col-7', label('detail-date', 'Date'), this.date), col('col-5', label('detail-precision', 'Precision'), this.precision),
        col('col-12', label('detail-place', 'Place'), this.place),
        col('col-7', label('detail-type', 'Event type'), this.eventType), col('col-5', label('detail-fatalities', 'Fatalities'), this.fatalities),
        col('col-12', label('detail-subtype', 'Sub-event type'), this.subType)),
      quickRow, this.perpetrators.element, this.targets.element,
    ];
  }

  claimFields(vocabulary, context) {
    this.claimant = new RecordPicker({ type: 'actor', label: 'Claimant' });
    this.relayedBy = new RecordPicker({ type: 'actor', label: 'Relayed by' });
    if (context.outlet) this.relayedBy.set([context.outlet]);
    if (context.actorsInSpan?.length) this.claimant.set([context.actorsInSpan[0]]);
    this.claimKind = select('detail-kind', vocabulary?.claimKinds ?? [], 'other');
    this.incident = new RecordPicker({ type: 'incident', label: 'Incident' });
    if (context.paragraphIncident) this.incident.set([context.paragraphIncident]);
    this.assessment = select('detail-assessment', vocabulary?.assessments ?? [], 'unverified');
    return [
      this.claimant.element, this.relayedBy.element,
      el('div', { class: 'row g-1' }, col('col-6', label('detail-kind', 'Kind'), this.claimKind), col('col-6', label('detail-assessment', 'Assessment'), this.assessment)),
      this.incident.element,
    ];
  }

  /** The request body for POST /api/incidents or /api/claims, named as typed in the panel. */
  fields(name) {
    if (this.type === 'incident') {
      return {
        title: name,
        date: this.date.value || null,
        datePrecision: this.date.value ? this.precision.value : 'unknown',
        location: this.place.value.trim() || null,
        type: this.eventType.value || null,
        subType: this.subType.value || null,
        fatalities: this.fatalities.value === '' ? null : Number(this.fatalities.value),
        perpetratorIds: this.perpetrators.value.map((a) => a.id),
        targetIds: this.targets.value.map((a) => a.id),
      };
    }
    return {
      text: name,
      claimantId: this.claimant.id,
      relayedById: this.relayedBy.id,
      kind: this.claimKind.value,
      incidentId: this.incident.id,
      assessment: this.assessment.value,
    };
  }
}

function select(id, options, value) {
  const element = el('select', { class: 'form-select form-select-sm', id }, ...options.map((o) => el('option', { value: o.value, text: o.label })));
  element.value = value;
  return element;
}

const label = (id, text) => el('label', { class: 'form-label small mb-0', for: id, text });
const col = (cls, ...children) => el('div', { class: cls }, ...children);
