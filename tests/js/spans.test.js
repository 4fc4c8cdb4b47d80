import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { codePointToIndex, mapSpan, segment } from "../../extension/content/spans.js";

// The companion counts Unicode code points (Python's str indices); JS counts UTF-16 units.
const cp = (s) => [...s].length;

describe("code points to UTF-16 indices", () => {
  it("is the identity for ASCII", () => {
    assert.equal(codePointToIndex("hello world", 6), 6);
  });

  it("counts an emoji as one code point but two units", () => {
    const text = "👋 Hi Jane, can we book a call?";
    const start = cp("👋 Hi Jane, can we ");
    assert.equal(codePointToIndex(text, start), "👋 Hi Jane, can we ".length);
    assert.equal(codePointToIndex(text, start), start + 1);
  });

  it("leaves precomposed accents alone", () => {
    const text = "José, ¿tienes 15 minutos?";
    assert.equal(codePointToIndex(text, 6), 6);
  });

  it("counts combining marks as their own code points, as Python does", () => {
    const text = "Jose\u0301 Garci\u0301a: book a demo";
    const start = cp("Jose\u0301 Garci\u0301a: ");
    assert.equal(codePointToIndex(text, start), start);
    assert.equal(text.slice(codePointToIndex(text, start), codePointToIndex(text, start + 11)), "book a demo");
  });

  it("steps over surrogate pairs and ZWJ sequences unit by unit", () => {
    const text = "👨‍👩‍👧 family 𝒳 and then: schedule a meeting";
    const quote = "schedule a meeting";
    const start = cp(text.slice(0, text.indexOf(quote)));
    const mapped = mapSpan(text, { start, end: start + cp(quote), quote });
    assert.deepEqual(mapped, { start: text.indexOf(quote), end: text.indexOf(quote) + quote.length, text: quote });
  });

  it("clamps offsets outside the text", () => {
    assert.equal(codePointToIndex("abc", -4), 0);
    assert.equal(codePointToIndex("a😀", 99), 3);
  });

  it("never splits a lone surrogate into two code points", () => {
    const lone = "a\ud83dz";
    assert.equal(codePointToIndex(lone, 2), 2);
  });
});

describe("mapSpan", () => {
  it("rejects a span whose quote is no longer there (a stale answer)", () => {
    assert.equal(mapSpan("hello there", { start: 0, end: 5, quote: "howdy" }), null);
  });

  it("rejects empty and malformed spans", () => {
    assert.equal(mapSpan("abc", { start: 2, end: 2 }), null);
    assert.equal(mapSpan("abc", { start: "0", end: 2 }), null);
    assert.equal(mapSpan("abc", null), null);
  });
});

describe("segment", () => {
  it("cuts the text into marked and plain pieces, merging overlaps", () => {
    const text = "🚀 We help companies like yours. Book a demo!";
    const a = text.indexOf("We help");
    const pieces = segment(text, [
      { start: cp(text.slice(0, a)), end: cp(text.slice(0, a)) + 7 },
      { start: cp(text.slice(0, a)) + 3, end: cp(text.slice(0, a)) + "We help companies like yours.".length },
      { start: cp(text.slice(0, text.indexOf("Book"))), end: cp(text) - 1, quote: "Book a demo" },
    ]);
    assert.deepEqual(pieces, [
      { text: "🚀 ", marked: false },
      { text: "We help companies like yours.", marked: true },
      { text: " ", marked: false },
      { text: "Book a demo", marked: true },
      { text: "!", marked: false },
    ]);
    assert.equal(pieces.map((p) => p.text).join(""), text);
  });
});
