// The send-time hold (content/hold.js, wired in content/main.js) on LinkedIn fixture pages
// in jsdom. The page's own send handlers are stand-ins that count sends; the end-to-end
// tests run the same flows against the companion in Chromium.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Coach } from "../../extension/content/main.js";
import { HOLD_DEFAULTS, holdReason, holdsVerdict } from "../../extension/content/hold.js";
import * as linkedin from "../../extension/content/sites/linkedin.js";
import { loadFixture, typeInto, waitFor } from "./helpers.js";

const LI = "https://www.linkedin.com";
const PITCH = "I'd love to show you our platform. Can we book a 15-minute demo this week?";
const HEADLINE = "You connected 3 minutes ago. Wait a few days, and open with a question about them.";

function companion(verdict = "premature") {
  const calls = { analyze: [], event: [] };
  return {
    calls,
    offline: false,
    async analyze(draft) {
      calls.analyze.push(draft);
      if (this.offline) return { ok: false, offline: true, reason: "down" };
      const v = typeof verdict === "function" ? verdict(draft.text) : verdict;
      return { ok: true, result: { verdict: v, score: 80, headline: HEADLINE, findings: [], metrics: { questions_about_them: 0 } } };
    },
    async event(event) {
      calls.event.push(event);
      return { ok: true };
    },
  };
}

/** A thread page whose "site" sends on a click on Send (or on Enter), counting sends. */
function thread(transport, { enter = false, holds } = {}) {
  const [name, path] = enter ? ["messaging-enter.html", "2-ZmVlZGJh"] : ["messaging-thread.html", "2-MjA0ZTk1"];
  const dom = loadFixture(name, `${LI}/messaging/thread/${path}/`);
  const doc = dom.window.document;
  const editor = doc.querySelector(".msg-form__contenteditable");
  const sent = [];
  const siteSend = (e) => {
    e.preventDefault();
    sent.push(editor.innerText ?? editor.textContent);
    editor.innerHTML = "<p><br></p>";
    editor.dispatchEvent(new dom.window.Event("input", { bubbles: true })); // as an editor does
  };
  if (enter) editor.addEventListener("keydown", (e) => e.key === "Enter" && !e.shiftKey && siteSend(e));
  else {
    const button = doc.querySelector(".msg-form__send-button");
    button.disabled = false;
    button.addEventListener("click", siteSend);
  }
  let id = 0;
  const coach = new Coach(doc, linkedin, transport, { debounceMs: 10, newId: () => `id-${++id}`, holds }).start();
  return { dom, doc, editor, sent, coach };
}

const prompt = (doc) => doc.querySelector("[data-askfirst-hold]");
const button = (doc, name) => [...prompt(doc).shadowRoot.querySelectorAll("button")].find((b) => b.textContent === name);
const clickSend = (doc) => doc.querySelector(".msg-form__send-button").click();
const pressEnter = (dom, editor) =>
  editor.dispatchEvent(new dom.window.KeyboardEvent("keydown", { key: "Enter", code: "Enter", keyCode: 13, bubbles: true, cancelable: true, composed: true }));

/** Type `text` and wait until the companion's answer on it is in the coach's hands. */
async function judged(t, editor, text) {
  editor.focus();
  typeInto(editor, text);
  await waitFor(() => t.calls.analyze.some((d) => d.text === text), "the draft to be judged");
}

describe("the send-time hold", () => {
  it("holds a premature send by button, says why, and 'Send anyway' sends it exactly once", async () => {
    const t = companion();
    const { doc, editor, sent, coach } = thread(t);
    await judged(t, editor, PITCH);
    clickSend(doc);
    assert.equal(sent.length, 0, "the site's handler did not run");
    assert.ok(prompt(doc), "the prompt is shown");
    assert.match(prompt(doc).shadowRoot.textContent, /connected 3 minutes ago/);
    assert.equal(t.calls.event.length, 0, "a held send is not reported");
    button(doc, "Send anyway").click();
    await waitFor(() => t.calls.event.length === 1, "the send to be reported");
    assert.deepEqual(sent, [PITCH]);
    assert.equal(prompt(doc), null);
    assert.equal(t.calls.event.length, 1);
    assert.equal(t.calls.event[0].hold, "sent_anyway");
    assert.equal(t.calls.event[0].verdict, "premature");
    assert.equal(t.calls.event[0].asked, false);
    coach.stop();
  });

  it("'Edit' sends nothing, returns focus to the draft with its text, and never holds it twice", async () => {
    const t = companion();
    const { doc, editor, sent, coach } = thread(t);
    await judged(t, editor, PITCH);
    clickSend(doc);
    button(doc, "Edit").click();
    await waitFor(() => prompt(doc) === null, "the prompt to close");
    assert.equal(sent.length, 0);
    assert.equal(prompt(doc), null);
    assert.equal(editor.textContent, PITCH);
    assert.equal(doc.activeElement, editor);
    clickSend(doc); // the same draft, sent after all: no second hold
    await waitFor(() => t.calls.event.length === 1, "the send to be reported");
    assert.deepEqual(sent, [PITCH]);
    assert.equal(t.calls.event.length, 1);
    assert.equal(t.calls.event[0].hold, "edited");
    coach.stop();
  });

  it("replays a held Enter on the box, so a site that sends on Enter sends once", async () => {
    const t = companion("wait");
    const { dom, doc, editor, sent, coach } = thread(t, { enter: true });
    await judged(t, editor, "Just following up on my last message about the demo.");
    pressEnter(dom, editor);
    assert.equal(sent.length, 0);
    assert.ok(prompt(doc));
    button(doc, "Send anyway").click();
    await waitFor(() => t.calls.event.length === 1, "the send to be reported once the box empties");
    assert.equal(sent.length, 1);
    assert.equal(t.calls.event.length, 1);
    assert.equal(t.calls.event[0].hold, "sent_anyway");
    coach.stop();
  });

  it("after a replayed Enter the site ignored, reports no send", async () => {
    const t = companion("wait");
    const { dom, doc, editor, coach } = thread(t); // this site sends on its button only, not on Enter
    coach.adapter = { ...linkedin, enterSends: () => true };
    await judged(t, editor, "Just following up on my last message about the demo.");
    pressEnter(dom, editor);
    assert.ok(prompt(doc));
    let checks = 0;
    const confirmSend = coach.confirmSend.bind(coach);
    coach.confirmSend = (box, text) => {
      confirmSend(box, text);
      dom.window.setTimeout(() => checks++, 600); // queued behind the check, same delay
    };
    button(doc, "Send anyway").click();
    await waitFor(() => checks === 1, "the send check to run");
    assert.equal(editor.textContent.includes("Just following up"), true, "the box still holds the draft");
    assert.equal(t.calls.event.length, 0, "an unsent message is not reported");
    coach.stop();
  });

  it("Escape on the prompt is Edit", async () => {
    const t = companion();
    const { dom, doc, editor, sent, coach } = thread(t);
    await judged(t, editor, PITCH);
    clickSend(doc);
    const box = prompt(doc).shadowRoot.querySelector("[role=alertdialog]");
    box.dispatchEvent(new dom.window.KeyboardEvent("keydown", { key: "Escape", bubbles: true, composed: true }));
    await waitFor(() => prompt(doc) === null, "the prompt to close");
    assert.equal(prompt(doc), null);
    assert.equal(sent.length, 0);
    assert.equal(editor.textContent, PITCH);
    coach.stop();
  });

  it("lets the send through untouched when the verdict is switched off, fine, or not in hand", async () => {
    for (const [verdict, holds, offline] of [
      ["premature", { holdPremature: false }, false],
      ["ok", undefined, false],
      ["ask_first", undefined, false],
      ["pitch_heavy", undefined, false], // off unless the user chose it
      ["premature", undefined, true], // companion down: no verdict in hand
    ]) {
      const t = companion(verdict);
      t.offline = offline;
      const { doc, editor, sent, coach } = thread(t, { holds });
      await judged(t, editor, PITCH);
      clickSend(doc);
      assert.equal(prompt(doc), null, `${verdict} ${JSON.stringify(holds)} offline=${offline}`);
      assert.deepEqual(sent, [PITCH]);
      coach.stop();
    }
  });

  it("holds pitch_heavy when the user switched it on", async () => {
    const t = companion("pitch_heavy");
    const { doc, editor, sent, coach } = thread(t, { holds: { holdPitchHeavy: true } });
    await judged(t, editor, PITCH);
    clickSend(doc);
    assert.ok(prompt(doc));
    assert.equal(sent.length, 0);
    coach.stop();
  });

  it("never waits for an answer: a send before the verdict arrives goes through", async () => {
    const t = companion();
    const { doc, editor, sent, coach } = thread(t);
    editor.focus();
    typeInto(editor, PITCH);
    clickSend(doc); // within the pause: nothing judged yet
    assert.equal(prompt(doc), null);
    assert.deepEqual(sent, [PITCH]);
    coach.stop();
  });

  it("a verdict for the draft minus its last few characters still stands; a different draft does not", async () => {
    let n = 0;
    const t = companion(() => (n++ === 0 ? "premature" : "ok"));
    const { doc, editor, sent, coach } = thread(t);
    await judged(t, editor, PITCH.slice(0, -6));
    typeInto(editor, PITCH); // typed within the pause, no new answer yet
    clickSend(doc);
    assert.ok(prompt(doc), "held on the verdict in hand");
    button(doc, "Edit").click();
    await waitFor(() => prompt(doc) === null, "the prompt to close");
    typeInto(editor, "Totally different words now, nothing like before at all here.");
    clickSend(doc);
    assert.equal(prompt(doc), null);
    assert.equal(sent.length, 1);
    coach.stop();
  });
});

describe("hold helpers", () => {
  it("switches default to premature and wait on, pitch_heavy off", () => {
    assert.deepEqual(HOLD_DEFAULTS, { holdPremature: true, holdWait: true, holdPitchHeavy: false });
    assert.equal(holdsVerdict("premature", {}), true);
    assert.equal(holdsVerdict("wait", { holdWait: false }), false);
    assert.equal(holdsVerdict("pitch_heavy", {}), false);
    assert.equal(holdsVerdict("ask_first", { holdPremature: true }), false);
  });

  it("the reason is the analysis's headline, or the verdict's gist", () => {
    assert.equal(holdReason("wait", "  Your message from Tuesday has no reply yet. "), "Your message from Tuesday has no reply yet.");
    assert.match(holdReason("premature", ""), /too soon/);
  });
});
