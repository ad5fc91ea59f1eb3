// Word boundaries on a paragraph's text. Offsets are UTF-16 code units (JavaScript string indices, the same
// as C#'s), and every step moves by a whole code point, so no result ever falls inside a surrogate pair.

const LETTER = /[\p{L}\p{N}\p{M}\p{Pc}]/u;
const APOSTROPHE = /['\u2019]/u;
const SPACE = /\s/u;

const isHigh = (code) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code) => code >= 0xdc00 && code <= 0xdfff;

/** True when offset falls between the two halves of a surrogate pair. */
export function splitsPair(text, offset) {
  return offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));
}

/** The code point starting at i, as a string of length 1 or 2. */
function charAt(text, i) {
  return String.fromCodePoint(text.codePointAt(i));
}

/** The code point ending at i. */
function charBefore(text, i) {
  return i >= 2 && isLow(text.charCodeAt(i - 1)) && isHigh(text.charCodeAt(i - 2)) ? text.slice(i - 2, i) : text[i - 1];
}

/** Letters, digits and marks are word characters; an apostrophe is one only between letters (Kata'ib). */
function isWordAt(text, i) {
  if (i < 0 || i >= text.length) return false;
  const ch = charAt(text, i);
  if (LETTER.test(ch)) return true;
  return APOSTROPHE.test(ch) && i > 0 && LETTER.test(charBefore(text, i)) && i + 1 < text.length && LETTER.test(charAt(text, i + 1));
}

function isWordBefore(text, i) {
  return i > 0 && isWordAt(text, i - charBefore(text, i).length);
}

/**
 * Snaps [start, end) to whole words: leading and trailing whitespace is dropped, a partly selected word is
 * completed, and what a name never ends with is left out: a possessive ("Joe Biden's" is "Joe Biden") and
 * punctuation outside the words ("in January," is "in January"), unless it closes a bracket or quote the span
 * opens. Never splits a character as readers see it (an accent, an emoji with its skin tone). Returns null for a
 * selection of whitespace only.
 */
export function snapToWords(text, start, end) {
  start = Math.max(0, Math.min(start, text.length));
  end = Math.max(start, Math.min(end, text.length));
  start = clusterStart(text, start);
  end = clusterEnd(text, end);
  while (start < end && SPACE.test(charAt(text, start))) start += charAt(text, start).length;
  while (end > start && SPACE.test(charBefore(text, end))) end -= charBefore(text, end).length;
  if (start >= end) return null;
  if (isWordAt(text, start)) {
    while (isWordBefore(text, start)) start -= charBefore(text, start).length;
  }
  if (isWordBefore(text, end)) {
    while (isWordAt(text, end)) end += charAt(text, end).length;
  }
  return trimToName(text, start, end);
}

const PAIRS = { '(': ')', '[': ']', '{': '}', '"': '"', '\u201c': '\u201d', '\u2018': '\u2019', '\u00ab': '\u00bb', "'": "'" };
const POSSESSIVE = /^['\u2019][sS]$/u;

/** Drops a trailing possessive and unpaired punctuation at either end; keeps the span when nothing would be left. */
function trimToName(text, start, end) {
  const original = { start, end };
  for (let changed = true; changed && start < end;) {
    changed = false;
    if (end - start > 2 && POSSESSIVE.test(text.slice(end - 2, end)) && isWordBefore(text, end - 2) && !isWordAt(text, end)) {
      end -= 2;
      changed = true;
    }
    const first = charAt(text, start);
    const last = charBefore(text, end);
    const paired = PAIRS[first] !== undefined && PAIRS[first] === last && end - start > first.length;
    if (!paired && !isWordBefore(text, end) && !SPACE.test(last)) {
      end -= last.length;
      changed = true;
    } else if (!paired && !isWordAt(text, start) && !SPACE.test(first)) {
      start += first.length;
      changed = true;
    }
    while (start < end && SPACE.test(charAt(text, start))) start += charAt(text, start).length;
    while (end > start && SPACE.test(charBefore(text, end))) end -= charBefore(text, end).length;
  }
  return start < end ? { start, end } : original;
}

// Grapheme clusters (an accent on its letter, 👍🏽, 🇮🇶) are read around the offset only: paragraphs can be long.
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const CLUSTER_WINDOW = 64;

function clusterAround(text, i) {
  if (i <= 0 || i >= text.length) return null;
  const from = Math.max(0, i - CLUSTER_WINDOW);
  for (const { index, segment } of graphemes.segment(text.slice(from, Math.min(text.length, i + CLUSTER_WINDOW)))) {
    const a = from + index;
    const b = a + segment.length;
    if (a < i && i < b) return { a, b };
    if (a >= i) break;
  }
  return null;
}

/** The start of the character containing offset i (i itself when it is a boundary). */
export const clusterStart = (text, i) => clusterAround(text, i)?.a ?? i;

/** The end of the character containing offset i (i itself when it is a boundary). */
export const clusterEnd = (text, i) => clusterAround(text, i)?.b ?? i;

/** The first word starting at or after from, or null. */
export function nextWord(text, from) {
  let i = Math.max(0, from);
  if (splitsPair(text, i)) i += 1;
  while (i < text.length && !isWordAt(text, i)) i += charAt(text, i).length;
  if (i >= text.length) return null;
  let j = i;
  while (j < text.length && isWordAt(text, j)) j += charAt(text, j).length;
  return { start: i, end: j };
}

/** The last word ending at or before before, or null. */
export function previousWord(text, before) {
  let j = Math.min(text.length, before);
  if (splitsPair(text, j)) j -= 1;
  while (j > 0 && !isWordBefore(text, j)) j -= charBefore(text, j).length;
  if (j <= 0) return null;
  let i = j;
  while (isWordBefore(text, i)) i -= charBefore(text, i).length;
  return { start: i, end: j };
}
