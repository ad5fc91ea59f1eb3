// Annotation page: selection -> tag panel -> save -> repaint. Offsets are UTF-16 code units into the stored
// article text (JavaScript string indices), computed from DOM positions by text-index.js.

import { call } from './api.js';
import { MentionCard } from './mention-card.js';
import { paintParagraph } from './paint.js';
import { renderSidebar } from './sidebar.js';
import { MentionStore } from './store.js';
import { TagPanel } from './tag-panel.js';
import { TextIndex } from './text-index.js';
import { nextWord, previousWord, snapToWords } from './words.js';

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
  let pending = null; // the span being tagged: {start, end, quote}
  let repointing = null; // the mention being re-pointed
  let cursor = null; // keyboard selection {start, end}, absolute offsets
  let lastMentionId = null;

  const announce = (message) => { status.textContent = message; };

  const repaint = (paragraphs) => {
    for (const p of paragraphs) paintParagraph(p, store.overlapping(p.start, p.end));
    renderSidebar(groups, count, store);
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
      const target = choice.entityId !== undefined ? { entityType: choice.type, entityId: choice.entityId } : { entityType: choice.type, newEntity: choice.newEntity };
      const mention = repointing
        ? await repoint(repointing, target)
        : await call('POST', `/api/articles/${articleId}/mentions`, { start: pending.start, end: pending.end, quote: pending.quote, ...target });
      store.put(mention);
      repaint(index.paragraphsIn(mention.start, mention.end));
      lastMentionId = mention.id;
      announce(`${repointing ? 'Re-pointed' : 'Tagged'} \u201c${mention.quote}\u201d as ${mention.entityType} ${mention.entityName}.`);
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

  const card = new MentionCard({
    onDelete: async (mention) => {
      try {
        await call('DELETE', `/api/mentions/${mention.id}?version=${mention.version}`);
      } catch (error) {
        // Someone re-pointed it since this page read it: show their change instead of deleting over it.
        if (error.status === 409 && error.problem?.current) {
          store.put(error.problem.current);
          repaint(index.paragraphsIn(mention.start, mention.end));
          announce(error.message);
        }
        throw error;
      }
      store.remove(mention.id);
      repaint(index.paragraphsIn(mention.start, mention.end));
      announce(`Deleted the mention \u201c${mention.quote}\u201d.`);
    },
    onRepoint: (mention) => {
      repointing = mention;
      const range = index.rangeOf(mention.start, mention.end);
      tagPanel.open({ quote: mention.quote, rect: range.getBoundingClientRect(), type: mention.entityType, title: 'Re-point' });
    },
    onClose: () => body.focus({ preventScroll: true }),
  });

  const openCard = (mentions, rect) => {
    if (mentions.length === 0) return;
    tagPanel.close();
    lastMentionId = mentions[0].id;
    card.open(mentions, rect);
  };

  /** Snaps a span to whole words inside one paragraph and opens the tag panel; refuses whitespace. */
  const beginTagging = (start, end) => {
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
    tagPanel.open({ quote: span.quote, rect: range.getBoundingClientRect() });
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

  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      tagPanel.close();
      card.close();
    }
  });
  document.addEventListener('mousedown', (event) => {
    if (tagPanel.isOpen && !tagPanel.panel.contains(event.target)) tagPanel.close();
    if (card.isOpen && !card.panel.contains(event.target)) card.close();
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
  renderSidebar(groups, count, store);
  const renderMs = performance.now() - began;
  body.dataset.renderMs = renderMs.toFixed(1);
  body.dataset.annotateReady = 'true';
}
