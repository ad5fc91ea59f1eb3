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
 * completed. Returns null for a selection of whitespace only.
 */
export function snapToWords(text, start, end) {
  start = Math.max(0, Math.min(start, text.length));
  end = Math.max(start, Math.min(end, text.length));
  if (splitsPair(text, start)) start -= 1;
  if (splitsPair(text, end)) end += 1;
  while (start < end && SPACE.test(charAt(text, start))) start += charAt(text, start).length;
  while (end > start && SPACE.test(charBefore(text, end))) end -= charBefore(text, end).length;
  if (start >= end) return null;
  if (isWordAt(text, start)) {
    while (isWordBefore(text, start)) start -= charBefore(text, start).length;
  }
  if (isWordBefore(text, end)) {
    while (isWordAt(text, end)) end += charAt(text, end).length;
  }
  return { start, end };
}

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
