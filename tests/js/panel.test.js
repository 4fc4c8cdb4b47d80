import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { JSDOM } from "jsdom";
import { OFFLINE_FIX, Panel, topFindings } from "../../extension/content/panel.js";

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
    { rule: "length", severity: "info", message: "Short and sweet.", suggestion: "", spans: [] },
    {
      rule: "call_to_action",
      severity: "stop",
      message: "You ask for a call right after connecting.",
      suggestion: "Ask what they are working on instead.",
      spans: [{ start: cp(DRAFT.slice(0, DRAFT.indexOf("15 minutes"))), end: cp(DRAFT.slice(0, DRAFT.indexOf("15 minutes"))) + 10, quote: "15 minutes" }],
    },
    {
      rule: "self_focus",
      severity: "warn",
      message: "It is about you.",
      suggestion: "Say one thing about them.",
      spans: [{ start: cp("Hi Zoë 👋 "), end: cp("Hi Zoë 👋 I'm the founder"), quote: "I'm the founder" }],
    },
  ],
};

describe("the panel", () => {
  it("lives in a shadow root on a host appended to <body>, outside the editor", () => {
    const { doc, editor } = page();
    const panel = new Panel(doc);
    panel.attachTo(editor);
    panel.showResult(RESULT, DRAFT);
    const host = doc.querySelector("[data-askfirst-panel]");
    assert.equal(host, panel.host);
    assert.equal(host.parentElement, doc.body);
    assert.equal(editor.contains(host), false);
    assert.ok(host.shadowRoot, "open shadow root");
    assert.equal(host.querySelector("*"), null, "nothing in the light DOM for site CSS to reach");
  });

  it("carries the verdict and score as attributes", () => {
    const { doc, editor } = page();
    const panel = new Panel(doc);
    panel.attachTo(editor);
    panel.showResult(RESULT, DRAFT);
    assert.equal(panel.host.getAttribute("data-askfirst-verdict"), "premature");
    assert.equal(panel.host.getAttribute("data-askfirst-score"), "82");
    assert.equal(panel.host.style.display, "block");
    assert.match(panel.root.querySelector(".title").textContent, /Too soon/);
  });

  it("shows serious findings first, with suggestions and the quoted phrases marked", () => {
    const { doc, editor } = page();
    const panel = new Panel(doc);
    panel.attachTo(editor);
    panel.showResult(RESULT, DRAFT);
    const items = [...panel.root.querySelectorAll("li")];
    assert.deepEqual(items.map((li) => li.dataset.rule), ["call_to_action", "self_focus"], "info tips hidden when warnings exist");
    const marks = [...panel.root.querySelectorAll("mark")].map((m) => m.textContent);
    assert.deepEqual(marks, ["15 minutes", "I'm the founder"], "emoji and accents before a span do not shift it");
    assert.match(items[0].querySelector(".suggestion").textContent, /Ask what they are working on/);
    assert.match(items[1].querySelector(".quote").textContent, /👋 I'm the founder of Acme/);
  });

  it("is a polite live region, with a collapse button that says its state", () => {
    const { doc, editor } = page();
    const panel = new Panel(doc);
    panel.attachTo(editor);
    panel.showResult(RESULT, DRAFT);
    const status = panel.root.querySelector('[role="status"]');
    assert.equal(status.getAttribute("aria-live"), "polite");
    assert.match(status.textContent, /connected 5 minutes ago/);
    const toggle = panel.root.querySelector("button");
    assert.equal(toggle.getAttribute("aria-expanded"), "true");
    toggle.click();
    assert.equal(toggle.getAttribute("aria-expanded"), "false");
    assert.equal(panel.root.querySelector(".body").hidden, true);
    assert.equal(panel.host.getAttribute("data-askfirst-verdict"), "premature", "collapsing keeps the verdict");
  });

  it("never takes focus", () => {
    const { doc, editor } = page();
    editor.focus();
    const panel = new Panel(doc);
    panel.attachTo(editor);
    panel.showResult(RESULT, DRAFT);
    panel.showOffline();
    assert.equal(doc.activeElement, editor);
    const press = new doc.defaultView.MouseEvent("mousedown", { bubbles: true, cancelable: true });
    panel.root.querySelector(".card").dispatchEvent(press);
    assert.equal(press.defaultPrevented, true, "a click on the panel leaves the caret in the editor");
  });

  it("says once, quietly, that the companion is offline and how to fix it", () => {
    const { doc, editor } = page();
    const panel = new Panel(doc);
    panel.attachTo(editor);
    panel.showResult(RESULT, DRAFT);
    panel.showOffline("down");
    assert.equal(panel.host.getAttribute("data-askfirst-offline"), "down");
    assert.equal(panel.host.hasAttribute("data-askfirst-verdict"), false, "no stale verdict");
    assert.equal(panel.root.querySelector('[role="status"]').textContent, OFFLINE_FIX);
    panel.setCollapsed(true);
    panel.clear();
    panel.showOffline("down");
    assert.equal(panel.visible, false, "not shown again while still offline");
    panel.showResult(RESULT, DRAFT);
    assert.equal(panel.host.hasAttribute("data-askfirst-offline"), false);
  });

  it("keeps ok quiet: one tip at most", () => {
    const { doc, editor } = page();
    const panel = new Panel(doc);
    panel.attachTo(editor);
    panel.showResult({ verdict: "ok", score: 8, headline: "", findings: [RESULT.findings[0], { ...RESULT.findings[0], rule: "b" }] }, "Congrats!");
    assert.equal(panel.host.getAttribute("data-askfirst-verdict"), "ok");
    assert.equal(panel.root.querySelectorAll("li").length, 1);
  });
});

describe("topFindings", () => {
  it("orders by severity and keeps three", () => {
    const f = (rule, severity) => ({ rule, severity });
    const top = topFindings([f("a", "info"), f("b", "warn"), f("c", "stop"), f("d", "warn"), f("e", "warn")]);
    assert.deepEqual(top.map((x) => x.rule), ["c", "b", "d"]);
  });
});
