import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { JSDOM } from "jsdom";
import {
  INK,
  OFFLINE_FIX,
  Panel,
  SHORTCUT,
  TONES,
  VERDICT_LABELS,
  labelOf,
  placeBox,
  sortFindings,
  splitSuggestion,
  toneOf,
} from "../../extension/content/panel.js";
import { wordContext } from "../../extension/content/spans.js";

const cp = (s) => [...s].length;

function page() {
  const dom = new JSDOM(`<body><form class="msg-form"><div class="msg-form__contenteditable" contenteditable="true"><p>x</p></div></form></body>`, {
    pretendToBeVisual: true,
  });
  const doc = dom.window.document;
  return { doc, editor: doc.querySelector("[contenteditable]") };
}

const DRAFT = "Hi Zoë 👋 I'm the founder of Acme. Do you have 15 minutes for a quick call?";
const RESULT = {
  verdict: "premature",
  score: 82,
  headline: "You connected 5 minutes ago. Wait a few days, and open with a question about them.",
  findings: [
    { rule: "length", severity: "info", message: "Short and sweet.", suggestion: "Keep it.", spans: [] },
    {
      rule: "call_to_action",
      severity: "stop",
      message: "You ask for a call right after connecting.",
      suggestion: "Ask what they are working on instead: “Zoë, what are you building these days?”",
      spans: [{ start: cp(DRAFT.slice(0, DRAFT.indexOf("15 minutes"))), end: cp(DRAFT.slice(0, DRAFT.indexOf("15 minutes"))) + 10, quote: "15 minutes" }],
    },
    {
      rule: "self_focus",
      severity: "warn",
      message: "It is about you.",
      suggestion: "Ask about them first: “Zoë, what are you building these days?” “What got you into design?”",
      spans: [{ start: cp("Hi Zoë 👋 "), end: cp("Hi Zoë 👋 I'm the founder"), quote: "I'm the founder" }],
    },
  ],
};
const PITCH = { ...RESULT, verdict: "pitch_heavy", findings: RESULT.findings.filter((f) => f.severity !== "stop") };

function shown(result = RESULT, draft = DRAFT) {
  const { doc, editor } = page();
  const panel = new Panel(doc);
  panel.attachTo(editor);
  panel.showResult(result, draft);
  return { doc, editor, panel, $: (sel) => panel.root.querySelector(sel), $$: (sel) => [...panel.root.querySelectorAll(sel)] };
}

describe("the panel", () => {
  it("lives in a shadow root on a host appended to <body>, outside the editor", () => {
    const { doc, editor, panel } = shown();
    const host = doc.querySelector("[data-askfirst-panel]");
    assert.equal(host, panel.host);
    assert.equal(host.parentElement, doc.body);
    assert.equal(editor.contains(host), false);
    assert.ok(host.shadowRoot, "open shadow root");
    assert.equal(host.querySelector("*"), null, "nothing in the light DOM for site CSS to reach");
  });

  it("is a badge with the verdict's name and the score, carried as attributes too", () => {
    const { panel, $ } = shown(PITCH);
    assert.equal(panel.host.getAttribute("data-askfirst-verdict"), "pitch_heavy");
    assert.equal(panel.host.getAttribute("data-askfirst-score"), "82");
    assert.equal($(".badge .label").textContent, "Reads like a pitch");
    assert.equal($(".badge .score").textContent, "82");
    assert.equal($(".badge").getAttribute("aria-label"), "Reads like a pitch, pitch score 82 of 100");
    assert.equal($(".badge").getAttribute("aria-expanded"), "false", "a warning leaves it closed");
    assert.equal($(".body").hidden, true);
    assert.equal(panel.visible, true);
  });

  it("opens by itself once per draft for a stop-level finding, never taking focus", () => {
    const { doc, editor, panel, $ } = shown();
    editor.focus();
    assert.equal($(".badge").getAttribute("aria-expanded"), "true");
    $(".badge").click(); // the user closes it
    panel.showResult(RESULT, DRAFT);
    assert.equal(panel.expanded, false, "not re-opened while the same draft is written");
    panel.clear(); // sent or emptied: the next draft may open it again
    panel.showResult(RESULT, DRAFT);
    assert.equal(panel.expanded, true);
    assert.equal(doc.activeElement, editor);
  });

  it("lists every finding, most severe first, tips last", () => {
    const { $$ } = shown();
    assert.deepEqual($$("li").map((li) => li.dataset.rule), ["call_to_action", "self_focus", "length"]);
    assert.deepEqual($$("li").map((li) => li.dataset.severity), ["stop", "warn", "info"]);
  });

  it("marks the quoted phrases; emoji and accents before a span do not shift it", () => {
    const { $$ } = shown();
    assert.deepEqual($$("mark").map((m) => m.textContent), ["15 minutes", "I'm the founder"]);
    assert.match($$("li")[1].querySelector(".quote").textContent, /👋 I'm the founder of Acme/);
  });

  it("quotes whole words only", () => {
    const draft = "Hi Dana, I came across your profile and loved it. We help companies like yours cut freight costs by 30% this year.";
    const start = draft.indexOf("cut freight");
    const { $ } = shown({ verdict: "pitch_heavy", score: 70, headline: "", findings: [
      { rule: "x", severity: "warn", message: "Offer.", suggestion: "", spans: [{ start, end: start + 17, quote: "cut freight costs" }] },
    ] }, draft);
    const quote = $(".quote").textContent;
    const inner = quote.replace(/^…|…$/g, "");
    assert.ok(draft.includes(inner), quote);
    const words = new Set(draft.split(/\s+/));
    const [firstWord, ...rest] = inner.split(" ");
    assert.ok(words.has(firstWord), `starts on a whole word: ${quote}`);
    assert.ok(words.has(rest[rest.length - 1]), `ends on a whole word: ${quote}`);
  });

  it("offers each suggested question once, with a Copy button", () => {
    const { $$ } = shown();
    const copies = $$("button.copy");
    assert.deepEqual(copies.map((b) => b.dataset.copy), ["Zoë, what are you building these days?", "What got you into design?"]);
    assert.deepEqual(copies.map((b) => b.getAttribute("aria-label")), copies.map((b) => `Copy: ${b.dataset.copy}`));
  });

  it("copies a question with the Clipboard API", async () => {
    const { doc, $ } = shown();
    const written = [];
    Object.defineProperty(doc.defaultView.navigator, "clipboard", { value: { writeText: async (t) => written.push(t) }, configurable: true });
    const button = $("button.copy");
    await new Promise((resolve) => {
      button.click();
      setTimeout(resolve, 0);
    });
    assert.deepEqual(written, ["Zoë, what are you building these days?"]);
    assert.equal(button.textContent, "Copied");
  });

  it("cancels a press on its buttons (the caret stays in the editor) but not on its text", () => {
    const { doc, $ } = shown();
    const press = (node) => {
      const e = new doc.defaultView.MouseEvent("mousedown", { bubbles: true, cancelable: true, composed: true });
      node.dispatchEvent(e);
      return e.defaultPrevented;
    };
    assert.equal(press($(".badge")), true);
    assert.equal(press($("button.copy")), true);
    assert.equal(press($(".question q")), false, "a question can be selected by hand");
    assert.equal(press($("li .message")), false);
  });

  it("announces the verdict politely from outside the part that opens and closes", () => {
    const { panel, $ } = shown(PITCH);
    const status = $('[role="status"]');
    assert.equal(status.getAttribute("aria-live"), "polite");
    assert.equal(status.closest(".body"), null);
    assert.equal(status.closest(".panel"), null);
    assert.match(status.textContent, /Reads like a pitch\. You connected 5 minutes ago/);
    status.textContent = "";
    panel.showResult({ ...PITCH, score: 83 }, DRAFT);
    assert.equal(status.textContent, "", "a new score alone is not read out again");
    panel.showResult({ ...RESULT, verdict: "ok", findings: [] }, DRAFT);
    assert.match(status.textContent, /Looks good/);
  });

  it("opens with Alt+Shift+A from the editor, then moves into the card; Escape goes back", () => {
    const { doc, editor, panel, $ } = shown(PITCH);
    editor.focus();
    const key = (target, init) => {
      const e = new doc.defaultView.KeyboardEvent("keydown", { bubbles: true, cancelable: true, composed: true, ...init });
      target.dispatchEvent(e);
      return e;
    };
    const shortcut = { code: SHORTCUT.code, key: "A", altKey: true, shiftKey: true };
    assert.equal(key(editor, shortcut).defaultPrevented, true, "no character typed");
    assert.equal(panel.expanded, true);
    assert.equal(doc.activeElement, editor, "opening does not take focus");
    key(editor, shortcut);
    assert.equal(panel.root.activeElement, $(".badge"), "pressed again: into the card");
    key($(".badge"), { key: "Escape" });
    assert.equal(panel.expanded, false);
    assert.equal(doc.activeElement, editor);
    assert.equal(key(editor, { code: "KeyA", key: "a" }).defaultPrevented, false, "plain typing is left alone");
    assert.equal(key(doc.body, shortcut).defaultPrevented, false, "only from the compose box or the panel");
  });

  it("says once, quietly, that the companion is offline and how to fix it", () => {
    const { panel, $ } = shown();
    panel.showOffline("down");
    assert.equal(panel.host.getAttribute("data-askfirst-offline"), "down");
    assert.equal(panel.host.hasAttribute("data-askfirst-verdict"), false, "no stale verdict");
    assert.match($('[role="status"]').textContent, new RegExp(OFFLINE_FIX.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
    panel.clear();
    panel.showOffline("down");
    assert.equal(panel.visible, false, "not shown again while still offline");
    panel.showResult(RESULT, DRAFT);
    assert.equal(panel.host.hasAttribute("data-askfirst-offline"), false);
  });

  it("names a warning on an ok draft instead of saying it looks good", () => {
    const wrong = { rule: "greeting.wrong_name", severity: "warn", message: "The greeting says “Dana”, but this message goes to Jane Okafor.", suggestion: "", spans: [] };
    assert.equal(labelOf("ok", [wrong]), "Wrong name?");
    assert.equal(toneOf("ok", [wrong]), "warn");
    assert.equal(labelOf("ok", []), "Looks good");
    assert.equal(toneOf("ok", [{ severity: "info" }]), "ok");
    assert.equal(labelOf("pitch_heavy", [wrong]), VERDICT_LABELS.pitch_heavy);
    const { $ } = shown({ verdict: "ok", score: 0, headline: "Nothing to flag.", findings: [wrong] }, "Hi Dana, congrats!");
    assert.equal($(".headline").hidden, true, "no “Nothing to flag” above a warning");
    assert.match($('[role="status"]').textContent, /Wrong name\? The greeting says “Dana”, but this message goes to Jane Okafor/);
    assert.equal(toneOf("wait", []), "stop");
  });
});

describe("placement", () => {
  const view = { width: 1280, height: 900 };
  const r = (left, top, width, height) => ({ left, top, width, height, right: left + width, bottom: top + height });
  const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

  it("puts the badge just above the box's right edge when nothing is there", () => {
    const box = r(300, 500, 600, 80);
    const spot = placeBox({ width: 150, height: 26 }, box, { hard: [box], viewport: view, sides: ["above-right", "below-right"] });
    assert.deepEqual([spot.left, spot.top, spot.side], [750, 500 - 6 - 26, "above-right"]);
  });

  it("steps past a header or buttons in the way, and never covers them", () => {
    const box = r(300, 100, 600, 80);
    const header = r(300, 20, 600, 74);
    const send = r(830, 186, 70, 30);
    const spot = placeBox({ width: 150, height: 26 }, box, { hard: [box, header, send], viewport: view, sides: ["above-right", "below-right"], maxSlide: 64 });
    const placed = r(spot.left, spot.top, 150, 26);
    for (const o of [box, header, send]) assert.equal(overlaps(placed, o), false, JSON.stringify({ spot, o }));
    assert.equal(spot.side, "below-right");
    assert.equal(spot.top, 186 + 30 + 6);
  });

  it("prefers a spot that covers no other control", () => {
    const box = r(300, 500, 600, 80);
    const link = r(800, 470, 100, 20);
    const spot = placeBox({ width: 150, height: 26 }, box, { hard: [box], soft: [link], viewport: view, sides: ["above-right", "above-left"] });
    assert.equal(spot.side, "above-left");
  });

  it("stays inside the viewport", () => {
    const box = r(0, 0, 1280, 900);
    const spot = placeBox({ width: 380, height: 400 }, box, { hard: [box], viewport: view, sides: ["left-bottom", "above-right"] });
    assert.ok(spot.left >= 0 && spot.top >= 0 && spot.left + 380 <= 1280 && spot.top + 400 <= 900, JSON.stringify(spot));
  });

  it("shortens a card that fits nowhere whole to the room above the box", () => {
    const box = r(200, 600, 880, 100);
    const header = r(200, 40, 880, 60);
    const send = r(200, 706, 880, 40);
    const spot = placeBox({ width: 380, height: 800 }, box, { hard: [box, header, send], viewport: view, sides: ["left-bottom", "above-right", "below-right"] });
    assert.equal(spot.side, "above-right");
    assert.equal(spot.top, 106);
    assert.equal(spot.maxHeight, 600 - 6 - 106);
  });
});

describe("text helpers", () => {
  it("finds the questions in a suggestion", () => {
    assert.deepEqual(splitSuggestion("Ask first: “How is it going?” “What's next?”"), [
      { text: "Ask first: " },
      { question: "How is it going?" },
      { text: " " },
      { question: "What's next?" },
    ]);
    assert.deepEqual(splitSuggestion("Cut the résumé lines."), [{ text: "Cut the résumé lines." }]);
  });

  it("cuts context at white space, never inside a word or an emoji", () => {
    const text = "I came across your profile 🚀🚀 and we help companies like yours grow.";
    const s = text.indexOf("we help");
    const ctx = wordContext(text, s, s + 7, 12);
    assert.equal(ctx.before, "🚀🚀 and ");
    assert.equal(ctx.after, " companies");
    assert.equal(ctx.clippedBefore, true);
    assert.equal(ctx.clippedAfter, true);
    assert.deepEqual(wordContext("Buy now", 0, 3), { before: "", after: " now", clippedBefore: false, clippedAfter: false });
  });

  it("sorts by severity, keeping the order among equals", () => {
    const f = (rule, severity) => ({ rule, severity });
    assert.deepEqual(sortFindings([f("a", "info"), f("b", "warn"), f("c", "stop"), f("d", "warn")]).map((x) => x.rule), ["c", "b", "d", "a"]);
  });
});

describe("colours", () => {
  const lum = (hex) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => {
    const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };

  it("meet WCAG AA (4.5:1) for every tone, as text on white and under white text", () => {
    for (const [name, tone] of Object.entries(TONES)) {
      assert.ok(ratio(tone, "#ffffff") >= 4.5, `${name}: ${ratio(tone, "#ffffff").toFixed(2)}`);
    }
    assert.ok(ratio(INK.text, INK.mark) >= 4.5);
    assert.ok(ratio(INK.muted, INK.background) >= 4.5);
    assert.ok(ratio(INK.muted, "#f2f4f7") >= 4.5, "muted text on the question chips");
  });
});
