// The side panel: the article's mentions grouped by record, the same markup as the server's
// (Shared/Components/ArticleMentions). Built with textContent only. A mention whose quote a later version of the
// article no longer contains says so ("quote removed in version 3"); the server works that out, the page keeps it.

import { recordUrl } from './store.js';

/** The server's flags of removed quotes, read from its rendering of the panel before the script replaces it: id → version. */
export function readRemovedQuotes(container) {
  return new Map([...container.querySelectorAll('[data-removed-in]')].map((b) => [Number(b.dataset.mentionId), b.dataset.removedIn]));
}

export function renderSidebar(container, countElement, store, removedIn = new Map()) {
  const groups = store.groups();
  countElement.textContent = `(${store.byId.size})`;
  if (groups.length === 0) {
    const empty = document.createElement('p');
    empty.className = 'text-muted small mention-empty';
    empty.textContent = 'No mentions yet. Select some text to tag it.';
    container.replaceChildren(empty);
    return;
  }
  container.replaceChildren(...groups.map((group) => renderGroup(group, removedIn)));
}

function renderGroup(group, removedIn) {
  const section = document.createElement('section');
  section.className = 'mention-group';
  section.dataset.type = group.type;
  section.dataset.entityId = String(group.id);

  const heading = document.createElement('h3');
  const badge = document.createElement('span');
  badge.className = `badge type-badge type-${group.type}`;
  badge.textContent = group.type;
  const link = document.createElement('a');
  link.href = recordUrl(group.type, group.id);
  link.textContent = group.name;
  const count = document.createElement('small');
  count.textContent = `(${group.mentions.length})`;
  heading.append(badge, ' ', link, ' ', count);

  const list = document.createElement('ul');
  for (const m of group.mentions) {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'mention-link';
    button.dataset.mentionId = String(m.id);
    button.textContent = `\u201c${m.quote}\u201d`;
    item.append(button);
    const removed = removedIn.get(m.id);
    if (removed) {
      button.dataset.removedIn = removed;
      const note = document.createElement('span');
      note.className = 'mention-removed';
      note.textContent = `quote removed in version ${removed}`;
      item.append(' ', note);
    }
    list.append(item);
  }
  section.append(heading, list);
  return section;
}
