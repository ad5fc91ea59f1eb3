// The side panel's list of suggestions: one focusable row each, with its buttons. Names are set as text, never HTML.

export function renderList(container, suggestions, current) {
  const rows = document.createDocumentFragment();
  suggestions.forEach((s, i) => {
    const row = document.createElement('li');
    row.className = `suggestion-row list-group-item px-2 py-1${s === current ? ' active-suggestion' : ''}`;
    row.tabIndex = s === current ? 0 : -1;
    row.dataset.index = i;
    row.setAttribute('aria-selected', s === current ? 'true' : 'false');
    row.setAttribute('role', 'option');

    const what = document.createElement('div');
    what.className = 'small';
    const kind = document.createElement('span');
    kind.className = `badge me-1 suggestion-badge-${s.entityType}`;
    kind.textContent = s.entityType === 'claim' ? `claim${s.kind ? ` · ${s.kind}` : ''}` : 'actor';
    const quote = document.createElement('bdi');
    quote.className = 'suggestion-quote';
    quote.textContent = s.quote.length > 90 ? `${s.quote.slice(0, 89)}\u2026` : s.quote;
    what.append(kind, quote);

    const detail = document.createElement('div');
    detail.className = 'small text-muted';
    detail.textContent = s.entityType === 'actor'
      ? (s.entityId === null ? `ambiguous: ${s.candidates.map((c) => c.name).join(' or ')}` : s.candidates[0].name)
      : s.reason;

    const buttons = document.createElement('div');
    buttons.className = 'd-flex flex-wrap gap-1 mt-1';
    if (s.entityType === 'actor' && s.entityId === null) {
      for (const c of s.candidates) buttons.append(button(`Accept as ${c.name}`, 'accept', i, c.entityId));
    } else {
      buttons.append(button('Accept', 'accept', i));
    }
    buttons.append(button('Reject', 'reject', i));
    if (s.entityType === 'actor' && s.entityId !== null) buttons.append(button('Tag every occurrence', 'accept-record', i));
    row.append(what, detail, buttons);
    rows.append(row);
  });
  container.replaceChildren(rows);
}

function button(label, action, index, entityId) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'btn btn-outline-secondary btn-sm py-0';
  b.dataset.action = action;
  b.dataset.index = index;
  if (entityId !== undefined) b.dataset.entityId = entityId;
  b.textContent = label;
  b.tabIndex = -1;
  return b;
}
