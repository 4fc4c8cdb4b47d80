// When the site's markup changes under the adapter: typing into a compose box no selector
// matches, on a messaging page, is reported with a structure-only skeleton of the page.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Coach } from "../../extension/content/main.js";
import * as linkedin from "../../extension/content/sites/linkedin.js";
import { scrubLabel, skeleton } from "../../extension/lib/skeleton.js";
import { waitFor } from "../firefox/companion.mjs";
import { loadFixture, typeInto } from "./helpers.js";

const THREAD = "https://www.linkedin.com/messaging/thread/2-ZmFrZQ==/";

function transport() {
  const reports = [];
  return {
    reports,
    analyze: async () => ({ ok: true, result: { verdict: "ok", score: 90, findings: [] } }),
    event: async () => ({ ok: true }),
    composer: async (report) => reports.push(report),
  };
}

/** The messaging fixture after a redesign the adapter has not caught up with. */
function redesigned(url = THREAD) {
  const dom = loadFixture("messaging-thread.html", url);
  const doc = dom.window.document;
  const box = doc.querySelector(".msg-form__contenteditable");
  box.className = "composer-v2__input";
  box.setAttribute("aria-label", "Write to Ada Lovelace");
  box.removeAttribute("role");
  doc.querySelector("form.msg-form").className = "composer-v2";
  return { dom, doc, box };
}

/** Every text node's words, link and image URL and attribute value a page shows about people. */
function pageSecrets(doc) {
  const words = new Set();
  const walker = doc.createTreeWalker(doc.body, 4 /* SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    for (const w of n.data.split(/\s+/)) if (w.length >= 4 && /^\p{L}/u.test(w)) words.add(w);
  }
  for (const a of doc.querySelectorAll("[href], [src]")) words.add(a.getAttribute("href") || a.getAttribute("src"));
  return [...words];
}

describe("an unrecognised compose box", () => {
  it("is reported once, with a skeleton and no text, names or URLs", () => {
    const { dom, doc, box } = redesigned();
    const t = transport();
    const coach = new Coach(doc, linkedin, t, { debounceMs: 10 }).start();
    box.focus();
    typeInto(box, "Hello Ada, quick question about your talk");
    typeInto(box, "Hello Ada, quick question about your talk!");
    coach.stop();
    assert.equal(t.reports.length, 1);
    const [report] = t.reports;
    assert.equal(report.recognised, false);
    assert.equal(report.site, "linkedin");
    assert.match(report.skeleton, /div\.composer-v2__input \[aria-label="Write to \*"\] \[contenteditable=true\]\s+<-- the box/);
    assert.match(report.skeleton, /form\.composer-v2/);
    assert.match(report.skeleton, /button\.msg-form__send-button/);
    for (const secret of [...pageSecrets(doc), "Hello", "Ada", "Lovelace", "https://", "/in/"]) {
      assert.ok(!report.skeleton.includes(secret), `the skeleton holds ${JSON.stringify(secret)}`);
    }
    dom.window.close();
  });

  it("is not reported off a messaging page, nor when the box is recognised", () => {
    const elsewhere = redesigned("https://www.linkedin.com/feed/");
    const t1 = transport();
    const c1 = new Coach(elsewhere.doc, linkedin, t1).start();
    elsewhere.box.focus();
    typeInto(elsewhere.box, "Hello");
    c1.stop();
    assert.deepEqual(t1.reports, []);

    const dom = loadFixture("messaging-thread.html", THREAD);
    const t2 = transport();
    const c2 = new Coach(dom.window.document, linkedin, t2).start();
    const box = dom.window.document.querySelector(".msg-form__contenteditable");
    box.focus();
    typeInto(box, "Hello");
    c2.stop();
    assert.deepEqual(t2.reports, [{ recognised: true }]);
  });
});

describe("the skeleton", () => {
  it("keeps the words that describe a control and drops names, numbers and URLs", () => {
    assert.equal(scrubLabel("Write a message…"), "Write a message…");
    assert.equal(scrubLabel("Type a message..."), "Type a message...");
    assert.equal(scrubLabel("Messages in conversation with Jane Doe"), "Messages in conversation with *");
    assert.equal(scrubLabel("Open profile of https://x.com/jane 42"), "Open profile of *");
    assert.equal(scrubLabel("Search Messenger"), "Search *");
  });

  it("drops a name that opens the label, keeping the control words", () => {
    assert.equal(scrubLabel("Marta Silva"), "*");
    assert.equal(scrubLabel("Jane Okafor is typing"), "* is typing");
    assert.equal(scrubLabel("Message Marta Silva"), "Message *");
    assert.equal(scrubLabel("Reply to (Marta)"), "Reply to *");
    assert.equal(scrubLabel("Send"), "Send");
  });

  it("describes open shadow roots too", async () => {
    const dom = loadFixture("overlay-shadow.html", "https://www.linkedin.com/messaging/");
    const doc = dom.window.document;
    const host = doc.querySelector("#interop-outlet");
    const box = await waitFor(() => host.shadowRoot.querySelector('[contenteditable="true"]'), "the overlay");
    const out = skeleton(box, { levelsUp: 30 });
    assert.match(out, /#shadow-root \(open\)/);
    assert.match(out, /<-- the box/);
    dom.window.close();
  });
});
