// Suggestions on the article page: what the knowledge base finds (GET /api/articles/{id}/suggestions), drawn as
// dashed outlines over the text and listed in the side panel. Keys in the list: ↑ ↓ (or J K) move, Enter or Y
// accepts, N rejects (remembered, not offered again), A tags every occurrence of that record. Accepted suggestions
// become normal mentions; the annotation scripts paint them on the 'newsdesk:mentions-added' event.

import { call } from '../annotate/api.js';
import { TextIndex } from '../annotate/text-index.js';
import { OutlineLayer } from './outline.js';
import { renderList } from './list.js';

const panel = document.getElementById('suggestions');
const body = document.getElementById('article-body');
if (panel && body) start(panel, body);

async function start(panel, body) {
  const articleId = body.dataset.articleId;
  const list = panel.querySelector('#suggestion-list');
  const count = panel.querySelector('#suggestion-count');
  const status = panel.querySelector('#suggestion-status');
  const acceptAll = panel.querySelector('#suggestions-accept-all');
  const outlines = new OutlineLayer(body, new TextIndex(body));
  let suggestions = [];
  let current = null;

  const render = (focus) => {
    renderList(list, suggestions, current);
    outlines.show(suggestions, current);
    count.textContent = String(suggestions.length);
    acceptAll.disabled = !suggestions.some((s) => s.entityType === 'actor' && s.entityId !== null);
    if (focus && current) list.querySelector(`[data-index="${suggestions.indexOf(current)}"]`)?.focus();
  };

  const load = async (focus = false) => {
    const keep = current ? { start: current.start, end: current.end, type: current.entityType } : null;
    suggestions = await call('GET', `/api/articles/${articleId}/suggestions`);
    current = (keep && suggestions.find((s) => s.start >= keep.start)) ?? suggestions[0] ?? null;
    render(focus);
    panel.dataset.suggestionsReady = 'true';
  };

  const added = (mentions) => document.dispatchEvent(new CustomEvent('newsdesk:mentions-added', { detail: mentions }));
  const say = (message) => { status.textContent = message; };

  const accept = async (s, entityId) => {
    const target = s.entityType === 'actor'
      ? { entityType: 'actor', entityId: entityId ?? s.entityId }
      : { entityType: 'claim', newEntity: { name: s.quote.replace(/^["\u201C\u00AB]|["\u201D\u00BB]$/g, '').slice(0, 4000), kind: s.kind ?? 'other', claimantId: s.claimantId ?? null } };
    if (target.entityType === 'actor' && target.entityId == null) {
      say('Several actors have this name: choose one with its Accept button.');
      return;
    }
    const mention = await call('POST', `/api/articles/${articleId}/suggestions/accept`, { start: s.start, end: s.end, quote: s.quote, ...target, deniesClaimId: s.denies?.[0]?.entityId ?? null });
    added([mention]);
    say(`Tagged \u201c${mention.quote}\u201d as ${mention.entityName}.`);
    await load(true);
  };

  const reject = async (s) => {
    await call('POST', `/api/articles/${articleId}/suggestions/reject`, { start: s.start, end: s.end, entityType: s.entityType, entityId: s.entityId });
    say(`Rejected \u201c${s.quote}\u201d; it is not offered again in this article.`);
    await load(true);
  };

  const acceptRecord = async (entityId) => {
    const result = await call('POST', `/api/articles/${articleId}/suggestions/accept-all`, entityId == null ? {} : { entityId });
    added(result.mentions);
    say(`Tagged ${result.created} mention${result.created === 1 ? '' : 's'}.`);
    await load(true);
  };

  const run = async (work) => {
    try {
      await work();
    } catch (error) {
      say(error.message);
    }
  };

  list.addEventListener('click', (event) => {
    const b = event.target.closest('button[data-action]');
    const row = event.target.closest('.suggestion-row');
    if (row) current = suggestions[Number(row.dataset.index)] ?? current;
    if (!b) {
      render(true);
      return;
    }
    const s = suggestions[Number(b.dataset.index)];
    if (b.dataset.action === 'accept') run(() => accept(s, b.dataset.entityId ? Number(b.dataset.entityId) : undefined));
    else if (b.dataset.action === 'reject') run(() => reject(s));
    else run(() => acceptRecord(s.entityId));
  });

  // Keys act on the current row only while the list has focus, so the page's own keys (N: next article, T: tag) are untouched elsewhere.
  list.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || !current) return;
    const at = suggestions.indexOf(current);
    const key = event.key.toLowerCase();
    let handled = true;
    if (key === 'arrowdown' || key === 'j') current = suggestions[Math.min(at + 1, suggestions.length - 1)];
    else if (key === 'arrowup' || key === 'k') current = suggestions[Math.max(at - 1, 0)];
    else if (key === 'enter' || key === 'y') run(() => accept(current));
    else if (key === 'n') run(() => reject(current));
    else if (key === 'a' && current.entityType === 'actor' && current.entityId !== null) run(() => acceptRecord(current.entityId));
    else handled = false;
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
      if (key.startsWith('arrow') || key === 'j' || key === 'k') {
        render(true);
        outlines.layer.querySelector('.suggestion-current')?.scrollIntoView?.({ block: 'nearest' });
      }
    }
  });

  acceptAll.addEventListener('click', () => run(() => acceptRecord(null)));
  await run(() => load());
}
