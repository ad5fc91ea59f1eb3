// Human labels for the API's enum values and dates as precisely as they are known ("July 2024", never
// "1 Jul 2024" for a month), as the server's EnumLabels and _IncidentDate write them. The lists of values and
// their labels come from /api/vocabulary.

import { call } from './api.js';

let vocabulary = null;

/** The server's vocabulary (kinds, assessments, precisions, ACLED event types), read once per page. */
export const loadVocabulary = () => (vocabulary ??= call('GET', '/api/vocabulary'));

/** The label of a value in one of the vocabulary's lists, or the value in words. */
export const labelOf = (terms, value) => terms?.find((t) => t.value === value)?.label ?? words(value);

/** "armedGroup" → "armed group", "casualtyFigure" → "casualty figure". */
export const words = (value) => (value ?? '').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** An ISO date ("2024-07-01") shown only as precisely as it is known. */
export function displayDate(iso, precision) {
  if (!iso) return '';
  const [y, m, d] = iso.split('-').map(Number);
  switch (precision) {
    case 'year': return String(y);
    case 'month': return `${MONTHS[m - 1]} ${y}`;
    case 'approximate': return `about ${d} ${MONTHS[m - 1]} ${y}`;
    default: return `${d} ${MONTHS[m - 1]} ${y}`;
  }
}
