// Record forms (actors, incidents, claims): every <select data-picker> becomes the same server-side type-ahead
// picker the tag panel uses, keyboard operable and quick with 20,000 actors. The select stays and is posted as before.

import { enhanceSelect } from '../annotate/picker.js';

for (const select of document.querySelectorAll('select[data-picker]')) enhanceSelect(select);
