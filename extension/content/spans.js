// The companion reports spans in Unicode code points of the draft; JavaScript strings
// index UTF-16 code units. An emoji or any astral character is one code point but two
// code units, so using the companion's offsets directly would shift every highlight
// after it. Combining marks and accented letters are one code unit per code point, so
// they need no correction — but they must not be normalised either (NFC would change
// the length), which is why the draft is sent and mapped exactly as read.

/**
 * Convert a code-point offset in `text` to a UTF-16 index. Offsets past the end clamp
 * to `text.length`; negative offsets clamp to 0.
 * @param {string} text
 * @param {number} codePoint
 * @returns {number}
 */
export function codePointToIndex(text, codePoint) {
  if (!(codePoint > 0)) return 0;
  let index = 0;
  let seen = 0;
  while (index < text.length && seen < codePoint) {
    const unit = text.charCodeAt(index);
    const isHighSurrogate = unit >= 0xd800 && unit <= 0xdbff;
    const next = index + 1 < text.length ? text.charCodeAt(index + 1) : 0;
    index += isHighSurrogate && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
    seen += 1;
  }
  return index;
}

/**
 * Map one `{start, end, quote}` span (code points) to `{start, end, text}` in UTF-16
 * indices of `text`. Returns null for an empty or out-of-range span, or when the draft
 * no longer holds the quoted phrase there (the user kept typing since the request).
 * @param {string} text
 * @param {{start: number, end: number, quote?: string}} span
 * @returns {{start: number, end: number, text: string} | null}
 */
export function mapSpan(text, span) {
  if (!span || !Number.isInteger(span.start) || !Number.isInteger(span.end)) return null;
  if (span.end <= span.start || span.start < 0) return null;
  const start = codePointToIndex(text, span.start);
  const end = codePointToIndex(text, span.end);
  if (end <= start) return null;
  const covered = text.slice(start, end);
  if (typeof span.quote === "string" && span.quote !== covered) return null;
  return { start, end, text: covered };
}

/**
 * Cut `text` into plain and marked pieces for the given spans (code points), merging
 * overlaps, so a renderer can wrap the marked pieces in <mark>.
 * @param {string} text
 * @param {Array<{start: number, end: number, quote?: string}>} spans
 * @returns {Array<{text: string, marked: boolean}>}
 */
export function segment(text, spans) {
  const ranges = (spans || [])
    .map((s) => mapSpan(text, s))
    .filter(Boolean)
    .sort((a, b) => a.start - b.start);
  const merged = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ start: r.start, end: r.end });
  }
  const pieces = [];
  let at = 0;
  for (const r of merged) {
    if (r.start > at) pieces.push({ text: text.slice(at, r.start), marked: false });
    pieces.push({ text: text.slice(r.start, r.end), marked: true });
    at = r.end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), marked: false });
  return pieces;
}

/**
 * The words around `text[start, end)` (UTF-16 indices), about `reach` characters on each
 * side, cut only at white space: a quote never starts or ends in the middle of a word
 * (or of an emoji). `clippedBefore` / `clippedAfter` say whether text was left out.
 * @param {string} text
 * @param {number} start
 * @param {number} end
 * @param {number} [reach]
 * @returns {{before: string, after: string, clippedBefore: boolean, clippedAfter: boolean}}
 */
export function wordContext(text, start, end, reach = 28) {
  let from = Math.max(0, start - reach);
  if (from > 0) {
    const gap = text.slice(from, start).search(/\s/);
    from = gap < 0 ? start : from + gap;
  }
  let to = Math.min(text.length, end + reach);
  if (to < text.length) {
    const tail = text.slice(end, to);
    const gap = Math.max(tail.lastIndexOf(" "), tail.lastIndexOf("\n"), tail.lastIndexOf("\t"));
    to = /\s/.test(text[to]) ? to : gap < 0 ? end : end + gap;
  }
  const squeeze = (s) => s.replace(/\s+/g, " ");
  return {
    before: squeeze(text.slice(from, start)).replace(/^ /, ""),
    after: squeeze(text.slice(end, to)).replace(/ $/, ""),
    clippedBefore: from > 0,
    clippedAfter: to < text.length,
  };
}
