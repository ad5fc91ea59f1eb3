// The main fields of a new incident or claim, filled in the tag panel so the record needs no second visit to a form.
// Incident: date + precision, place, ACLED event type and sub-type, fatalities, perpetrators and targets (type-ahead
// over actors; the actors tagged inside the selection are one click or key away). Claim: claimant, relaying outlet
// (the article's site when it is a known outlet), kind, incident (the one tagged in the same paragraph), assessment.
// An incident is offered the dates and places found in the selection's sentence (cues.js), one click or key each,
// and its place field looks towns up in the gazetteer as you type (places/place-suggestions.js), as the form's does.
// The record editor (record-editor.js) uses the same fields, filled from an existing record, under its own id prefix.

import { CueChoices, fieldsOf } from './cues.js';
import { el } from './dom.js';
import { RecordPicker } from './picker.js';
import { attachPlaceSuggestions } from '../places/place-suggestions.js';

export class RecordDetails {
  /** prefix: the start of the fields' ids ("detail": the tag panel's; the record editor has its own). */
  constructor({ prefix = 'detail', label: name = 'Details of the new record' } = {}) {
    this.prefix = prefix;
    this.element = el('fieldset', { class: 'tag-details border-top mt-2 pt-2', 'aria-label': name });
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

  /** Shows an existing record's values (the API's incident or claim) in the fields built by show(). */
  fill(record) {
    if (this.type === 'incident') {
      this.date.value = record.date ?? '';
      this.precision.value = record.datePrecision ?? 'day';
      this.place.value = record.location ?? '';
      this.country.value = record.country ?? '';
      this.located = null;
      this.eventType.value = record.type ?? '';
      this.showSubTypes(record.subType);
      this.fatalities.value = record.fatalities ?? '';
      this.perpetrators.set(record.perpetrators ?? []);
      this.targets.set(record.targets ?? []);
    } else {
      this.claimant.set(record.claimant ? [record.claimant] : []);
      this.relayedBy.set(record.relayedBy ? [record.relayedBy] : []);
      this.claimKind.value = record.kind ?? 'other';
      this.incident.set(record.incident ? [record.incident] : []);
      this.assessment.value = record.assessment ?? 'unverified';
    }
  }

  /** The ACLED sub-types of the chosen event type, keeping a value set elsewhere (a form's free text) as an option. */
  showSubTypes(value = '') {
    const type = this.vocabulary?.eventTypes.find((t) => t.value === this.eventType.value);
    const values = [...(type?.subTypes ?? [])];
    if (value && !values.includes(value)) values.push(value);
    this.subType.replaceChildren(...[{ value: '', label: '—' }, ...values.map((s) => ({ value: s, label: s }))]
      .map((o) => el('option', { value: o.value, text: o.label })));
    this.subType.value = value ?? '';
  }

  incidentFields(vocabulary, context) {
    const id = (name) => `${this.prefix}-${name}`;
    this.vocabulary = vocabulary;
    this.date = el('input', { class: 'form-control form-control-sm', type: 'date', id: id('date') });
    this.precision = select(id('precision'), vocabulary?.datePrecisions ?? [], 'day');
    this.place = el('input', { class: 'form-control form-control-sm', type: 'text', id: id('place'), dir: 'auto' });
    this.country = el('input', { class: 'form-control form-control-sm', type: 'text', id: id('country'), dir: 'auto' });
    this.located = null; // the gazetteer place a cue or the type-ahead gave: its regions and coordinates go with the place's name
    const suggestions = el('ul', { class: 'list-group place-suggestions', id: id('place-suggestions'), role: 'listbox' });
    suggestions.hidden = true;
    attachPlaceSuggestions({
      input: this.place,
      list: suggestions,
      onChoose: (place) => {
        this.country.value = place.country ?? '';
        this.located = {
          location: place.name, country: place.country, admin1: place.admin1, admin2: place.admin2,
          latitude: place.latitude, longitude: place.longitude, geoPrecision: place.geoPrecision,
        };
      },
    });
    this.cues = new CueChoices({ onAccept: (cue) => this.applyCue(cue) });
    Promise.resolve(context.cues ?? []).then((cues) => {
      if (this.context === context) this.cues.set(cues);
    });
    this.eventType = select(id('type'), [{ value: '', label: '—' }, ...(vocabulary?.eventTypes ?? [])], '');
    this.subType = select(id('subtype'), [{ value: '', label: '—' }], '');
    this.eventType.addEventListener('change', () => this.showSubTypes());
    this.fatalities = el('input', { class: 'form-control form-control-sm', type: 'number', min: '0', id: id('fatalities') });
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
        col('col-7', label(id('date'), 'Date'), this.date), col('col-5', label(id('precision'), 'Precision'), this.precision),
        col('col-7 position-relative', label(id('place'), 'Place'), this.place, suggestions), col('col-5', label(id('country'), 'Country'), this.country),
        col('col-12 small text-muted place-attribution', el('span', { text: 'Towns as you type. Places from GeoNames (geonames.org), CC BY 4.0.' })),
        col('col-7', label(id('type'), 'Event type'), this.eventType), col('col-5', label(id('fatalities'), 'Fatalities'), this.fatalities),
        col('col-12', label(id('subtype'), 'Sub-event type'), this.subType)),
      this.cues.element, quickRow, this.perpetrators.element, this.targets.element,
    ];
  }

  /** Fills the date and precision, or the place (with its country, region and coordinates), from an accepted cue. */
  applyCue(cue) {
    const fields = fieldsOf(cue);
    if (cue.type === 'date') {
      this.date.value = fields.date;
      this.precision.value = fields.datePrecision;
      return;
    }
    if (fields.location) {
      this.place.value = fields.location;
      this.located = fields;
    } else if (this.located?.country !== fields.country) this.located = null;
    this.country.value = fields.country ?? '';
  }

  /** Alt+D / Alt+P from any field of the panel: the next date or place cue. True if handled. */
  handleCueKey(event) {
    return this.visible && this.type === 'incident' && this.cues.handleKey(event);
  }

  claimFields(vocabulary, context) {
    const id = (name) => `${this.prefix}-${name}`;
    this.claimant = new RecordPicker({ type: 'actor', label: 'Claimant' });
    this.relayedBy = new RecordPicker({ type: 'actor', label: 'Relayed by' });
    if (context.outlet) this.relayedBy.set([context.outlet]);
    if (context.actorsInSpan?.length) this.claimant.set([context.actorsInSpan[0]]);
    this.claimKind = select(id('kind'), vocabulary?.claimKinds ?? [], 'other');
    this.incident = new RecordPicker({ type: 'incident', label: 'Incident' });
    if (context.paragraphIncident) this.incident.set([context.paragraphIncident]);
    this.assessment = select(id('assessment'), vocabulary?.assessments ?? [], 'unverified');
    return [
      this.claimant.element, this.relayedBy.element,
      el('div', { class: 'row g-1' }, col('col-6', label(id('kind'), 'Kind'), this.claimKind), col('col-6', label(id('assessment'), 'Assessment'), this.assessment)),
      this.incident.element,
    ];
  }

  /** The request body for POST /api/incidents or /api/claims (or a PATCH of those fields), named as typed in the panel. */
  fields(name) {
    if (this.type === 'incident') {
      return {
        title: name,
        date: this.date.value || null,
        datePrecision: this.date.value ? this.precision.value : 'unknown',
        location: this.place.value.trim() || null,
        country: this.country.value.trim() || null,
        // A place typed over an accepted cue no longer has that cue's region and coordinates.
        ...(this.located && this.located.location === this.place.value.trim()
          ? {
            admin1: this.located.admin1, admin2: this.located.admin2 ?? null,
            latitude: this.located.latitude, longitude: this.located.longitude, geoPrecision: this.located.geoPrecision,
          }
          : {}),
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
