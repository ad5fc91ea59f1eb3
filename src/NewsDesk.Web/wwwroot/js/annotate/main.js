// Annotation page: selection -> tag panel -> save -> repaint. Offsets are UTF-16 code units into the stored
// article text (JavaScript string indices), computed from DOM positions by text-index.js. Viewers get the same
// highlights, cards and side panel, read-only. Every change can be undone (Ctrl+Z) and redone (Ctrl+Shift+Z).

import { call } from './api.js';
import { MentionCard } from './mention-card.js';
import { paintParagraph, setLabels } from './paint.js';
import { ShortcutsDialog } from './shortcuts.js';
import { readRemovedQuotes, renderSidebar } from './sidebar.js';
import { RecordEditor } from './record-editor.js';
import { MentionStore } from './store.js';
import { TagPanel } from './tag-panel.js';
import { TextIndex } from './text-index.js';
import { Toast } from './toast.js';
import { UndoStack } from './undo.js';
import { nextWord, previousWord, snapToWords } from './words.js';
import { fold } from './text-fold.js';

const body = document.getElementById('article-body');
if (body) await start(body);

async function start(body) {
  const began = performance.now();
  const articleId = body.dataset.articleId;
  const index = new TextIndex(body);
  const store = new MentionStore();
  const status = document.getElementById('annotate-status');
  const groups = document.getElementById('mention-groups');
  const count = document.getElementById('mention-count');
  const canEdit = document.querySelector('meta[name="annotate-can-edit"]')?.content === 'true';
  const siteName = body.dataset.siteName ?? '';
  const toast = new Toast();
  const history = new UndoStack();
  const removedIn = readRemovedQuotes(groups);
  let pending = null; // the span being tagged: {start, end, quote}
  let repointing = null; // the mention being re-pointed
  let cursor = null; // keyboard selection {start, end}, absolute offsets
  let lastMentionId = null;

  const announce = (message) => { status.textContent = message; };

  const repaint = (paragraphs) => {
    for (const p of paragraphs) paintParagraph(p, store.overlapping(p.start, p.end));
    renderSidebar(groups, count, store, removedIn);
  };

  const select = (start, end) => {
    const range = index.rangeOf(start, end);
    if (!range) return;
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    range.startContainer.parentElement?.scrollIntoView?.({ block: 'nearest' });
  };

  const tagPanel = new TagPanel({
    onSave: async (choice) => {
      const began = performance.now();
      if (choice.create) {
        // A new incident or claim with its details: the record first, then the mention pointing to it.
        const record = await call('POST', `/api/${choice.type}s`, choice.create);
        choice = { type: choice.type, entityId: record.id };
      }
      const target = choice.entityId !== undefined ? { entityType: choice.type, entityId: choice.entityId } : { entityType: choice.type, newEntity: choice.newEntity };
      const before = repointing;
      const mention = before
        ? await repoint(before, target)
        : await call('POST', `/api/articles/${articleId}/mentions`, { start: pending.start, end: pending.end, quote: pending.quote, ...target });
      store.put(mention);
      repaint(index.paragraphsIn(mention.start, mention.end));
      body.dataset.tagMs = (performance.now() - began).toFixed(1);
      lastMentionId = mention.id;
      if (before) history.push(repointStep(before, mention));
      else history.push(createStep(mention));
      announce(`${before ? 'Re-pointed' : 'Tagged'} \u201c${mention.quote}\u201d as ${mention.entityType} ${mention.entityName}.`);
      window.getSelection().removeAllRanges();
      pending = null;
      repointing = null;
    },
    onClose: () => {
      repointing = null;
      body.focus({ preventScroll: true });
    },
  });

  /** Re-points with the version this page last saw; if someone changed the mention since, shows theirs and keeps it. */
  const repoint = async (mention, target) => {
    try {
      return await call('PATCH', `/api/mentions/${mention.id}`, { ...target, version: mention.version });
    } catch (error) {
      if (error.status === 409) {
        const current = error.problem?.current ?? await call('GET', `/api/mentions/${mention.id}`);
        store.put(current);
        repointing = current;
        repaint(index.paragraphsIn(current.start, current.end));
        announce(error.message);
      }
      throw error;
    }
  };

  /** Deletes with the version this page saw; if someone re-pointed it since, shows their change and deletes nothing. */
  const remove = async (mention) => {
    try {
      await call('DELETE', `/api/mentions/${mention.id}?version=${mention.version}`);
    } catch (error) {
      if (error.status === 409 && error.problem?.current) {
        store.put(error.problem.current);
        repaint(index.paragraphsIn(mention.start, mention.end));
        announce(error.message);
      }
      throw error;
    }
    store.remove(mention.id);
    repaint(index.paragraphsIn(mention.start, mention.end));
  };

  /** Tags the span of a mention again (an undone delete, a redone create): the mention comes back under a new id. */
  const recreate = async (mention) => {
    const back = await call('POST', `/api/articles/${articleId}/mentions`,
      { start: mention.start, end: mention.end, quote: mention.quote, entityType: mention.entityType, entityId: mention.entityId });
    if (removedIn.has(mention.id)) removedIn.set(back.id, removedIn.get(mention.id)); // the same quote, still gone from the latest version
    store.put(back);
    repaint(index.paragraphsIn(back.start, back.end));
    return back;
  };

  const current = (mention) => store.get(mention.id) ?? mention;

  // Undo steps hold the mention as last seen; a recreated one replaces it, so a later step finds the new id.
  const createStep = (mention) => {
    let latest = mention;
    return {
      label: `tagging \u201c${mention.quote}\u201d`,
      undo: async () => { await remove(current(latest)); },
      redo: async () => { latest = await recreate(latest); },
    };
  };
  const deleteStep = (mention) => {
    let latest = mention;
    return {
      label: `deleting \u201c${mention.quote}\u201d`,
      undo: async () => { latest = await recreate(latest); },
      redo: async () => { await remove(current(latest)); },
    };
  };
  const repointStep = (before, after) => ({
    label: `re-pointing \u201c${before.quote}\u201d`,
    undo: async () => { store.put(await repoint(current(after), { entityType: before.entityType, entityId: before.entityId })); repaint(index.paragraphsIn(before.start, before.end)); },
    redo: async () => { store.put(await repoint(current(after), { entityType: after.entityType, entityId: after.entityId })); repaint(index.paragraphsIn(after.start, after.end)); },
  });

  const undoOrRedo = async (redo) => {
    try {
      const label = redo ? await history.redo() : await history.undo();
      const message = label ? `${redo ? 'Redone' : 'Undone'}: ${label}.` : `Nothing to ${redo ? 'redo' : 'undo'}.`;
      announce(message);
      toast.show(message);
    } catch (error) {
      announce(error.message);
      toast.show(error.message);
    }
  };

  // An incident's or claim's fields edited beside the text; its mentions show the new name at once.
  const editor = new RecordEditor({
    onSaved: (type, record) => {
      const name = record.title ?? record.text;
      const touched = store.all().filter((m) => m.entityType === type && m.entityId === record.id);
      for (const m of touched) store.put({ ...m, entityName: name });
      repaint([...new Set(touched.flatMap((m) => index.paragraphsIn(m.start, m.end)))]);
      announce(`Saved ${type} “${name}” (version ${record.version}).`);
    },
    onClose: () => body.focus({ preventScroll: true }),
  });

  const card = new MentionCard({
    readOnly: !canEdit,
    removedIn,
    onEdit: async (mention) => {
      const range = index.rangeOf(mention.start, mention.end);
      await editor.open({ type: mention.entityType, id: mention.entityId, rect: range.getBoundingClientRect(), context: contextOf(mention, index.paragraphAt(mention.start)) });
    },
    onNavigate: (direction) => moveMention(direction),
    onDelete: async (mention) => {
      await remove(mention);
      history.push(deleteStep(mention));
      const message = `Deleted the mention \u201c${mention.quote}\u201d. Undone? Ctrl+Z`;
      announce(message);
      toast.show(message);
    },
    onRepoint: (mention) => {
      repointing = mention;
      const range = index.rangeOf(mention.start, mention.end);
      const paragraph = index.paragraphAt(mention.start);
      tagPanel.open({ quote: mention.quote, rect: range.getBoundingClientRect(), type: mention.entityType, title: 'Re-point', context: contextOf(mention, paragraph) });
    },
    onClose: () => body.focus({ preventScroll: true }),
  });

  const openCard = (mentions, rect) => {
    if (mentions.length === 0) return;
    tagPanel.close();
    editor.close();
    lastMentionId = mentions[0].id;
    card.open(mentions, rect);
  };

  /**
   * What the tag panel should know around a span: the records already tagged on an overlapping span (listed first),
   * the actors tagged inside it (perpetrator / claimant in one key), the incident tagged in the same paragraph and
   * the article's outlet when it is a known actor (a new claim's defaults).
   */
  const contextOf = (span, paragraph) => {
    const overlapping = store.overlapping(span.start, span.end).filter((m) => m.id !== span.id);
    const seen = new Set();
    const tagged = [];
    for (const m of overlapping.sort((a, b) => Number(b.start === span.start && b.end === span.end) - Number(a.start === span.start && a.end === span.end))) {
      const key = `${m.entityType}:${m.entityId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      tagged.push({ type: m.entityType, id: m.entityId, name: m.entityName, sameSpan: m.start === span.start && m.end === span.end });
    }
    const actorsInSpan = [...new Map(overlapping.filter((m) => m.entityType === 'actor' && m.start >= span.start && m.end <= span.end)
      .map((m) => [m.entityId, { id: m.entityId, name: m.entityName }])).values()];
    const incident = paragraph ? store.overlapping(paragraph.start, paragraph.end).find((m) => m.entityType === 'incident') : null;
    return { tagged, actorsInSpan, paragraphIncident: incident ? { id: incident.entityId, name: incident.entityName } : null, outlet };
  };

  // The article's site as an outlet actor (exact name or alias, a media outlet), the default relaying outlet of new claims.
  let outlet = null;
  if (canEdit && siteName) {
    call('GET', `/api/actors?limit=5&q=${encodeURIComponent(siteName)}`).then((actors) => {
      const match = actors.find((a) => a.kind === 'mediaOutlet' && [a.name, ...a.aliases].some((n) => fold(n) === fold(siteName)));
      if (match) outlet = { id: match.id, name: match.name };
    }).catch(() => {});
  }

  /** Snaps a span to whole words inside one paragraph and opens the tag panel; refuses whitespace. */
  const beginTagging = (start, end) => {
    if (!canEdit) return;
    const paragraph = index.paragraphAt(start) ?? index.paragraphsIn(start, end)[0];
    if (!paragraph) return;
    let clipped = false;
    if (end > paragraph.end) {
      end = paragraph.end;
      clipped = true;
    }
    const snapped = snapToWords(paragraph.text, Math.max(0, start - paragraph.start), end - paragraph.start);
    if (!snapped) {
      announce('Only whitespace is selected: nothing to tag.');
      return;
    }
    const span = { start: paragraph.start + snapped.start, end: paragraph.start + snapped.end };
    span.quote = paragraph.text.slice(snapped.start, snapped.end);
    pending = span;
    repointing = null;
    cursor = { start: span.start, end: span.end };
    select(span.start, span.end);
    card.close();
    const range = index.rangeOf(span.start, span.end);
    tagPanel.open({ quote: span.quote, rect: range.getBoundingClientRect(), context: contextOf(span, paragraph) });
    if (clipped) announce('A mention stays within one paragraph: the selection was cut at the paragraph end.');
  };

  body.addEventListener('mouseup', (event) => {
    if (event.button !== 0) return;
    const selection = window.getSelection();
    if (selection.rangeCount === 0 || selection.isCollapsed) {
      const segment = event.target.closest?.('.m[data-mentions]');
      if (segment) {
        const mentions = segment.dataset.mentions.split(' ').map(Number).map((id) => store.get(id)).filter(Boolean);
        openCard(mentions.sort((a, b) => (a.end - a.start) - (b.end - b.start)), segment.getBoundingClientRect());
      }
      return;
    }
    const range = selection.getRangeAt(0);
    const start = index.toOffsetNear(range.startContainer, range.startOffset, 'start');
    const end = index.toOffsetNear(range.endContainer, range.endOffset, 'end');
    if (start === null || end === null || end <= start) {
      if (start !== null && end !== null) announce('Only whitespace is selected: nothing to tag.');
      return;
    }
    beginTagging(start, end);
  });

  groups.addEventListener('click', (event) => {
    const button = event.target.closest('.mention-link');
    if (!button) return;
    const mention = store.get(Number(button.dataset.mentionId));
    if (!mention) return;
    const range = index.rangeOf(mention.start, mention.end);
    range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    openCard([mention], range.getBoundingClientRect());
  });

  // Keyboard-only tagging: a word cursor over the text, driven by the shortcuts listed on the page.
  body.addEventListener('focus', () => {
    // Only keyboard focus starts the word cursor; a mouse press is about to make its own selection.
    if (!body.matches(':focus-visible')) return;
    if (!cursor && !tagPanel.isOpen && !card.isOpen && index.paragraphs.length) {
      const first = nextWord(index.paragraphs[0].text, 0);
      if (first) {
        cursor = { start: index.paragraphs[0].start + first.start, end: index.paragraphs[0].start + first.end };
        select(cursor.start, cursor.end);
      }
    }
  });

  body.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const handled = onTextKey(event);
    if (handled) event.preventDefault();
  });

  const moveWord = (direction, extend) => {
    if (!cursor) return;
    const from = direction > 0 ? cursor.end : cursor.start;
    let paragraph = index.paragraphAt(from);
    if (!paragraph) return;
    let word = direction > 0 ? nextWord(paragraph.text, from - paragraph.start) : previousWord(paragraph.text, from - paragraph.start);
    if (!word && !extend) {
      paragraph = index.paragraphs[paragraph.index + direction];
      if (!paragraph) return;
      word = direction > 0 ? nextWord(paragraph.text, 0) : previousWord(paragraph.text, paragraph.text.length);
    }
    if (!word) return;
    const start = paragraph.start + word.start;
    const end = paragraph.start + word.end;
    if (!extend) cursor = { start, end };
    else if (direction > 0) cursor = { start: cursor.start, end };
    else {
      // Shift+Left shrinks the selection by its last word, never below one word.
      const last = previousWord(paragraph.text, cursor.end - paragraph.start);
      const shrunk = last && paragraph.start + last.start > cursor.start ? previousWord(paragraph.text, last.start) : null;
      if (shrunk && paragraph.start + shrunk.end > cursor.start) cursor = { start: cursor.start, end: paragraph.start + shrunk.end };
    }
    select(cursor.start, cursor.end);
  };

  const moveParagraph = (direction) => {
    const current = cursor ? index.paragraphAt(cursor.start) : null;
    const target = current ? index.paragraphs[current.index + direction] : index.paragraphs[0];
    if (!target) return;
    const word = nextWord(target.text, 0);
    if (!word) return;
    cursor = { start: target.start + word.start, end: target.start + word.end };
    select(cursor.start, cursor.end);
  };

  const moveMention = (direction) => {
    const all = store.all();
    if (all.length === 0) return;
    const at = all.findIndex((m) => m.id === lastMentionId);
    let next;
    if (at >= 0) next = all[(at + direction + all.length) % all.length];
    else {
      const from = cursor?.start ?? 0;
      next = direction > 0 ? all.find((m) => m.start >= from) ?? all[0] : all.findLast((m) => m.start < from) ?? all.at(-1);
    }
    cursor = { start: next.start, end: next.end };
    const range = index.rangeOf(next.start, next.end);
    range.startContainer.parentElement?.scrollIntoView({ block: 'nearest' });
    openCard([next], range.getBoundingClientRect());
  };

  function onTextKey(event) {
    switch (event.key) {
      case 'ArrowRight': moveWord(1, event.shiftKey); return true;
      case 'ArrowLeft': moveWord(-1, event.shiftKey); return true;
      case 'ArrowDown': moveParagraph(1); return true;
      case 'ArrowUp': moveParagraph(-1); return true;
      case ']': moveMention(1); return true;
      case '[': moveMention(-1); return true;
      case 'Enter':
      case 't':
      case 'T': {
        const selection = window.getSelection();
        if (selection.rangeCount && !selection.isCollapsed && body.contains(selection.anchorNode)) {
          const range = selection.getRangeAt(0);
          const start = index.toOffsetNear(range.startContainer, range.startOffset, 'start');
          const end = index.toOffsetNear(range.endContainer, range.endOffset, 'end');
          if (start !== null && end !== null && end > start) beginTagging(start, end);
        } else if (cursor) beginTagging(cursor.start, cursor.end);
        return true;
      }
      case 'Escape':
        window.getSelection().removeAllRanges();
        cursor = null;
        return true;
      default:
        return false;
    }
  }

  const shortcuts = new ShortcutsDialog(document.getElementById('annotate-shortcuts'));
  const labelsToggle = document.getElementById('toggle-labels');
  const showLabels = (on) => {
    labelsToggle.checked = on;
    setLabels(body, on);
    localStorage.setItem('newsdesk.labels', on ? '1' : '0');
  };
  labelsToggle.addEventListener('change', () => showLabels(labelsToggle.checked));
  showLabels(localStorage.getItem('newsdesk.labels') === '1');
  document.getElementById('show-shortcuts').addEventListener('click', () => shortcuts.toggle());

  document.addEventListener('keydown', (event) => {
    const typing = event.target.matches?.('input, textarea, select, [contenteditable]');
    if (event.key === 'Escape') {
      tagPanel.close();
      card.close();
      editor.close();
    } else if (canEdit && (event.ctrlKey || event.metaKey) && !event.altKey && (event.key === 'z' || event.key === 'Z' || event.key === 'y') && !typing) {
      event.preventDefault();
      undoOrRedo(event.key === 'y' || event.shiftKey);
    } else if (!typing && !event.ctrlKey && !event.metaKey && !event.altKey && (event.key === 'n' || event.key === 'N') && !tagPanel.isOpen && !card.isOpen && !editor.isOpen) {
      const next = document.getElementById('next-in-queue');
      if (next) {
        event.preventDefault();
        window.location.assign(next.href);
      }
    } else if (!typing && !event.ctrlKey && !event.metaKey && !event.altKey && event.key === '?') {
      event.preventDefault();
      shortcuts.toggle();
    } else if (!typing && !event.ctrlKey && !event.metaKey && !event.altKey && (event.key === 'l' || event.key === 'L') && !tagPanel.isOpen) {
      event.preventDefault();
      showLabels(!labelsToggle.checked);
    }
  });
  document.addEventListener('mousedown', (event) => {
    if (tagPanel.isOpen && !tagPanel.panel.contains(event.target)) tagPanel.close();
    if (card.isOpen && !card.panel.contains(event.target)) card.close();
    if (editor.isOpen && !editor.panel.contains(event.target)) editor.close();
  });

  // Mentions made elsewhere on the page (accepted suggestions, js/suggest/) are painted like our own.
  document.addEventListener('newsdesk:mentions-added', (event) => {
    for (const m of event.detail) {
      store.put(m);
      repaint(index.paragraphsIn(m.start, m.end));
    }
  });
  store.reset(await call('GET', `/api/articles/${articleId}/mentions`));
  // First paint: bucket mentions by paragraph once; untouched paragraphs keep the server's plain text.
  const buckets = new Map();
  for (const m of store.all()) {
    for (const p of index.paragraphsIn(m.start, m.end)) {
      if (!buckets.has(p)) buckets.set(p, []);
      buckets.get(p).push(m);
    }
  }
  for (const [p, mentions] of buckets) paintParagraph(p, mentions);
  renderSidebar(groups, count, store, removedIn);
  const renderMs = performance.now() - began;
  body.dataset.renderMs = renderMs.toFixed(1);
  body.dataset.annotateReady = 'true';
}
