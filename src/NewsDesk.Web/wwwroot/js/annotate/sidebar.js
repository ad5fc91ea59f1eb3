// The side panel: the article's mentions grouped by record, the same markup as the server's
// (Shared/Components/ArticleMentions). Built with textContent only.

import { recordUrl } from './store.js';

export function renderSidebar(container, countElement, store) {
  const groups = store.groups();
  countElement.textContent = `(${store.byId.size})`;
  if (groups.length === 0) {
    const empty = document.createElement('p');
    empty.className = 'text-muted small mention-empty';
    empty.textContent = 'No mentions yet. Select some text to tag it.';
    container.replaceChildren(empty);
    return;
  }
  container.replaceChildren(...groups.map(renderGroup));
}

function renderGroup(group) {
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
    list.append(item);
  }
  section.append(heading, list);
  return section;
}
