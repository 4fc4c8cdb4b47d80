// The content script's wiring (content/main.js) on fixture pages in jsdom. The transport
// to the background worker is replaced by a recorder that answers like the companion's
// API shape; the real round trip is covered by the end-to-end tests in Chromium.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Coach } from "../../extension/content/main.js";
import * as linkedin from "../../extension/content/sites/linkedin.js";
import { loadFixture, typeInto, waitFor } from "./helpers.js";

const LI = "https://www.linkedin.com";

/** One turn of the event loop: pending promise continuations and mutation records run. */
const tick = () => new Promise((resolve) => setImmediate(resolve));

/**
 * Wait until the coach's observer has taken in every mutation so far: the records are
 * delivered (a macrotask later) and its idle-time batch has run to the end.
 */
async function settled(coach) {
  await tick();
  const o = coach.observer;
  await waitFor(() => !o.scheduled && !o.batch && o.pending.length === 0, "the page's changes to be taken in");
}

function recorder({ gates = [] } = {}) {
  const calls = { analyze: [], event: [] };
  let n = 0;
  return {
    calls,
    offline: false,
    answered: 0, // answers handed back so far
    async analyze(draft) {
      calls.analyze.push(draft);
      await gates[n++]; // a test may hold an answer back
      this.answered += 1;
      if (this.offline) return { ok: false, offline: true, reason: "down" };
      // The verdict echoes the draft so a test can tell which answer was shown.
      return { ok: true, result: { verdict: draft.text.includes("call") ? "ask_first" : "ok", score: draft.text.length, headline: draft.text, findings: [] } };
    },
    async event(event) {
      calls.event.push(event);
      return { ok: true };
    },
  };
}

function start(name, url, transport) {
  const dom = loadFixture(name, url);
  let id = 0;
  const coach = new Coach(dom.window.document, linkedin, transport, { debounceMs: 20, newId: () => `id-${++id}` }).start();
  return { dom, doc: dom.window.document, coach };
}

describe("the coach", () => {
  it("asks about the draft after a pause, with kind and recipient, and shows the answer", async () => {
    const t = recorder();
    const { doc, coach } = start("messaging-thread.html", `${LI}/messaging/thread/2-MjA0ZTk1/`, t);
    const editor = doc.querySelector(".msg-form__contenteditable");
    typeInto(editor, "Could we hop on a call");
    typeInto(editor, "Could we hop on a call?");
    const host = doc.querySelector("[data-askfirst-panel]");
    await waitFor(() => host.hasAttribute("data-askfirst-verdict"), "the answer to be shown");
    assert.equal(t.calls.analyze.length, 1, "one request per pause, not per keystroke");
    assert.deepEqual(t.calls.analyze[0], {
      text: "Could we hop on a call?",
      kind: "message",
      site: "linkedin",
      recipient: { profile_url: "https://www.linkedin.com/in/jane-doe-123/", name: "Jane Doe", headline: "Head of Platform at Acme Robotics" },
    });
    assert.equal(host.getAttribute("data-askfirst-verdict"), "ask_first");
    coach.stop();
  });

  it("drops a stale answer: the newer draft wins", async () => {
    // The first answer is held back until the second one has been shown.
    let releaseFirst;
    const held = new Promise((resolve) => (releaseFirst = resolve));
    const t = recorder({ gates: [held] });
    const { doc, coach } = start("messaging-thread.html", `${LI}/messaging/thread/2-MjA0ZTk1/`, t);
    const editor = doc.querySelector(".msg-form__contenteditable");
    typeInto(editor, "Can we book a call");
    const host = doc.querySelector("[data-askfirst-panel]");
    await waitFor(() => t.calls.analyze.length === 1, "the first request");
    typeInto(editor, "Congrats on the launch!");
    await waitFor(() => host.hasAttribute("data-askfirst-verdict"), "the second answer to be shown");
    releaseFirst();
    await waitFor(() => t.answered === 2, "the first (stale) answer to arrive");
    await tick(); // the coach's own continuation after that answer
    assert.equal(t.calls.analyze.length, 2);
    assert.equal(host.getAttribute("data-askfirst-verdict"), "ok");
    assert.equal(host.getAttribute("data-askfirst-score"), String("Congrats on the launch!".length));
    coach.stop();
  });

  it("reports a send by button with recipient, verdict and score", async () => {
    const t = recorder();
    const { doc, coach } = start("messaging-thread.html", `${LI}/messaging/thread/2-MjA0ZTk1/`, t);
    const editor = doc.querySelector(".msg-form__contenteditable");
    typeInto(editor, "Can we book a call?");
    const host = doc.querySelector("[data-askfirst-panel]");
    await waitFor(() => host.hasAttribute("data-askfirst-verdict"), "the answer to be shown");
    const send = doc.querySelector(".msg-form__send-button");
    send.disabled = false;
    send.click();
    await waitFor(() => t.calls.event.length > 0, "the send to be reported");
    assert.equal(t.calls.event.length, 1);
    const [event] = t.calls.event;
    assert.equal(event.type, "message_sent");
    assert.equal(event.id, "id-1");
    assert.equal(event.recipient.profile_url, "https://www.linkedin.com/in/jane-doe-123/");
    assert.equal(event.verdict, "ask_first");
    assert.equal(event.score, "Can we book a call?".length);
    assert.equal(event.thread_url, "https://www.linkedin.com/messaging/thread/2-MjA0ZTk1/");
    assert.match(event.at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    coach.stop();
  });

  it("reports a send by Enter when the box has no Send button", async () => {
    const t = recorder();
    const { doc, dom, coach } = start("messaging-enter.html", `${LI}/messaging/thread/2-ZmVlZGJh/`, t);
    const editor = doc.querySelector(".msg-form__contenteditable");
    typeInto(editor, "Thanks Ravi!");
    editor.dispatchEvent(new dom.window.KeyboardEvent("keydown", { key: "Enter", bubbles: true, composed: true }));
    editor.dispatchEvent(new dom.window.KeyboardEvent("keydown", { key: "Enter", shiftKey: true, bubbles: true }));
    await waitFor(() => t.calls.event.length > 0, "the send to be reported");
    assert.equal(t.calls.event.length, 1);
    assert.equal(t.calls.event[0].recipient.name, "Ravi Kumar");
    coach.stop();
  });

  it("reports only messages that arrive after the thread opened, once each", async () => {
    const t = recorder();
    const { doc, coach } = start("messaging-thread.html", `${LI}/messaging/thread/2-MjA0ZTk1/`, t);
    const ul = doc.querySelector(".msg-s-message-list-content");
    const template = ul.firstElementChild;
    await settled(coach);
    assert.equal(t.calls.event.length, 0, "history is not news");
    const arrive = (urn, body) => {
      const li = template.cloneNode(true);
      li.querySelector("[data-event-urn]").setAttribute("data-event-urn", urn);
      li.querySelector(".msg-s-event-listitem__body").textContent = body;
      ul.append(li);
      return li;
    };
    const li = arrive("urn:li:msg_message:new-1", "Would love to chat next week");
    await settled(coach);
    assert.equal(t.calls.event.length, 1);
    assert.deepEqual(
      { type: t.calls.event[0].type, id: t.calls.event[0].id, who: t.calls.event[0].recipient.profile_url },
      { type: "message_received", id: "linkedin-msg:urn:li:msg_message:new-1", who: "https://www.linkedin.com/in/jane-doe-123/" },
    );
    // LinkedIn re-renders the same message: same urn, no second event.
    li.replaceWith(li.cloneNode(true));
    await settled(coach);
    assert.equal(t.calls.event.length, 1);
    // Older messages loaded above the visible ones are history too.
    const old = template.cloneNode(true);
    old.querySelector("[data-event-urn]").setAttribute("data-event-urn", "urn:li:msg_message:old-0");
    ul.prepend(old);
    await settled(coach);
    assert.equal(t.calls.event.length, 1);
    coach.stop();
  });

  it("on a thread of 500, a re-render and older messages are history; a new message is news", async () => {
    const t = recorder();
    const { doc, coach } = start("thread-500.html", `${LI}/messaging/thread/2-bG9uZw/`, t);
    try {
      const ul = doc.querySelector(".msg-s-message-list-content");
      assert.equal(ul.children.length, 500);
      ul.replaceChildren(...[...ul.children].map((li) => li.cloneNode(true)));
      await settled(coach);
      const older = [...ul.children].slice(0, 100).map((li, i) => {
        const copy = li.cloneNode(true);
        copy.querySelector("[data-event-urn]").setAttribute("data-event-urn", `urn:li:msg_message:older-${i}`);
        return copy;
      });
      ul.prepend(...older);
      await settled(coach);
      assert.equal(t.calls.event.length, 0, "nothing new arrived");
      const last = ul.lastElementChild.cloneNode(true);
      last.querySelector("[data-event-urn]").setAttribute("data-event-urn", "urn:li:msg_message:new-500");
      last.querySelector(".msg-s-event-listitem__body").textContent = "Are you free on Friday?";
      ul.append(last);
      await settled(coach);
      assert.deepEqual(
        t.calls.event.map((e) => [e.type, e.id, e.text]),
        [["message_received", "linkedin-msg:urn:li:msg_message:new-500", "Are you free on Friday?"]],
      );
    } finally {
      coach.stop(); // a failure must not leave its timers running
    }
  });

  it("takes in the threads already inside open shadow roots when it starts", async () => {
    const t = recorder();
    const dom = loadFixture("messaging-thread.html", `${LI}/messaging/thread/2-MjA0ZTk1/`);
    const doc = dom.window.document;
    const convo = doc.querySelector(".msg-convo-wrapper");
    const host = doc.createElement("div");
    convo.replaceWith(host);
    host.attachShadow({ mode: "open" }).append(convo);
    const coach = new Coach(doc, linkedin, t, { debounceMs: 20 }).start();
    try {
      const ul = convo.querySelector(".msg-s-message-list-content");
      const template = ul.querySelector(".msg-s-event-listitem--other").closest("li");
      const li = template.cloneNode(true);
      li.querySelector("[data-event-urn]").setAttribute("data-event-urn", "urn:li:msg_message:in-shadow");
      ul.append(li);
      await settled(coach);
      assert.deepEqual(t.calls.event.map((e) => e.id), ["linkedin-msg:urn:li:msg_message:in-shadow"]);
    } finally {
      coach.stop();
    }
  });

  it("finds the overlay in a shadow root rendered after start, and says when offline", async () => {
    const t = recorder();
    t.offline = true;
    const { doc, coach } = start("overlay-shadow.html", `${LI}/feed/`, t);
    const outlet = doc.getElementById("interop-outlet");
    const editorIn = () => outlet.shadowRoot && outlet.shadowRoot.querySelector(".msg-form__contenteditable");
    await waitFor(editorIn, "the fixture to render the overlay"); // late, as LinkedIn does
    await settled(coach);
    const editor = editorIn();
    typeInto(editor, "Hello Sam");
    const host = doc.querySelector("[data-askfirst-panel]");
    await waitFor(() => host && host.hasAttribute("data-askfirst-offline"), "the offline notice");
    assert.equal(t.calls.analyze[0].recipient.profile_url, "https://www.linkedin.com/in/sam-lee-42/");
    assert.equal(host.getAttribute("data-askfirst-offline"), "down");
    assert.equal(linkedin.readDraft(editor), "Hello Sam", "the draft is untouched");
    coach.stop();
  });
});
