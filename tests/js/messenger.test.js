// The Messenger adapter on the Messenger fixture pages (the same ones the end-to-end tests
// serve to Chromium), in jsdom: messenger.com and facebook.com/messages with Meta's
// Lexical editor, an older messenger.com build, and the coach wired to it.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { Coach } from "../../extension/content/main.js";
import { ADAPTERS } from "../../extension/content/sites/index.js";
import { matchingSelector } from "../../extension/content/sites/dom.js";
import * as messenger from "../../extension/content/sites/messenger.js";
import { FIXTURES, loadFixture, typeInto, waitFor } from "./helpers.js";

const page = (name, url) => loadFixture(join("..", "messenger", name), url);
const MARTA = "https://www.messenger.com/t/100004567890123/";
const DANIEL = "https://www.facebook.com/messages/e2ee/t/7200000000000001/";
const PRIYA = "https://www.messenger.com/t/priya.nair.5/";

function only(list) {
  assert.equal(list.length, 1, `expected one compose box, found ${list.length}`);
  return list[0];
}

function arrive(doc, direction, body) {
  const html = doc.querySelector(`template[data-fixture-message="${direction}"]`).innerHTML.replaceAll("__TEXT__", body);
  const holder = doc.createElement("div");
  holder.innerHTML = html.trim();
  const node = holder.firstElementChild;
  doc.querySelector("[data-fixture-list]").append(node);
  return node;
}

describe("Messenger adapter: messenger.com (Lexical)", () => {
  const dom = page("messenger-thread.html", MARTA);
  const doc = dom.window.document;
  const editor = only(messenger.findComposers(doc));

  it("finds the Lexical editor labelled Message", () => {
    assert.equal(editor.getAttribute("data-lexical-editor"), "true");
    assert.equal(messenger.composerFor(editor.querySelector("p")), editor);
  });

  it("writes to the person in the header, keyed by their Facebook profile", () => {
    assert.deepEqual(messenger.describe(editor, doc), {
      kind: "message",
      site: "messenger",
      recipient: { profile_url: "https://www.facebook.com/marta.silva.77", name: "Marta Silva", headline: null },
      thread_url: MARTA,
    });
  });

  it("sends on Enter and with the Press-enter-to-send button, not with Send a like", () => {
    assert.equal(messenger.enterSends(editor), true);
    const buttons = messenger.sendButtons(editor);
    assert.deepEqual(buttons.map((b) => b.getAttribute("aria-label")), ["Press enter to send"]);
    assert.equal(messenger.isSendClick(buttons[0], editor), true);
    assert.equal(messenger.isSendClick(doc.querySelector('[aria-label="Send a like"]'), editor), false);
  });

  it("reads a Lexical draft, one paragraph per line", () => {
    typeInto(editor, "Hi Marta,\n\nHow was the 🚢 conference?");
    assert.equal(messenger.readDraft(editor), "Hi Marta,\n\nHow was the 🚢 conference?");
  });

  it("tells her messages from yours; date rows carry no text", () => {
    const [list] = messenger.findMessageLists(doc);
    assert.equal(list.getAttribute("aria-label"), "Messages in conversation with Marta Silva");
    const thread = messenger.describeThread(list, doc);
    const read = messenger.messageItems(list).map((item) => messenger.readMessage(item, thread.recipient, "k"));
    assert.deepEqual(
      read.map((m) => [m.incoming, m.text]),
      [
        [false, ""],
        [true, "Thanks for connecting! Your talk on supply chains was great."],
        [false, "Thank you, Marta!"],
      ],
    );
    assert.match(read[1].id, /^messenger-msg:[0-9a-f]{16}$/);
    const items = messenger.messageItems(list);
    assert.equal(messenger.readMessage(items[1], thread.recipient, "k").id, read[1].id, "stable across reads");
  });

  it("gives two identical replies in one thread two ids", () => {
    const d = page("messenger-thread.html", MARTA).window.document;
    arrive(d, "in", "ok");
    arrive(d, "out", "Great, see you then");
    arrive(d, "in", "ok");
    const [list] = messenger.findMessageLists(d);
    const oks = messenger.messageItems(list).map((i) => messenger.readMessage(i, null, "k")).filter((m) => m.text === "ok");
    assert.equal(oks.length, 2);
    assert.notEqual(oks[0].id, oks[1].id);
  });
});

describe("Messenger adapter: facebook.com/messages, end-to-end encrypted thread", () => {
  const dom = page("facebook-e2ee.html", DANIEL);
  const doc = dom.window.document;
  const editor = only(messenger.findComposers(doc));

  it("takes the header's relative profile link, not the user's own or a pasted link", () => {
    assert.deepEqual(messenger.describe(editor, doc), {
      kind: "message",
      site: "messenger",
      recipient: { profile_url: "https://www.facebook.com/daniel.okafor", name: "Daniel Okafor", headline: null },
      thread_url: DANIEL,
    });
    assert.equal(messenger.sendButtons(editor)[0].getAttribute("aria-label"), "Send");
  });

  it("knows his message by his avatar beside it", () => {
    const [list] = messenger.findMessageLists(doc);
    const thread = messenger.describeThread(list, doc);
    const [msg] = messenger.messageItems(list).map((i) => messenger.readMessage(i, thread.recipient, "k"));
    assert.equal(msg.incoming, true);
    assert.equal(msg.text, "Good to meet you at the robotics meetup! See example.org");
  });

  it("coaches nothing once the single-page app has left /messages", () => {
    const feed = page("facebook-e2ee.html", "https://www.facebook.com/").window.document;
    assert.deepEqual(messenger.findComposers(feed), []);
    assert.equal(messenger.matchesLocation({ hostname: "www.facebook.com", pathname: "/groups/1" }), false);
  });

  it("falls back to the thread id for a new one-to-one thread, and refuses groups", () => {
    const fresh = page("facebook-e2ee.html", "https://www.facebook.com/messages/t/100007000000001/").window.document;
    for (const a of fresh.querySelectorAll('[role="main"] a')) a.remove();
    const facts = messenger.describe(only(messenger.findComposers(fresh)), fresh);
    assert.equal(facts.recipient.profile_url, "https://www.facebook.com/profile.php?id=100007000000001");
    const group = page("facebook-e2ee.html", DANIEL).window.document;
    group.querySelector('[role="main"] h2').closest("a").remove();
    const row = group.querySelector('[role="row"]');
    row.insertAdjacentHTML("afterend", row.outerHTML.replaceAll("/daniel.okafor/", "/aiko.tanaka/"));
    assert.equal(messenger.describe(only(messenger.findComposers(group)), group).recipient.profile_url, null);
  });
});

describe("Messenger adapter: an older messenger.com build", () => {
  const dom = page("messenger-legacy.html", PRIYA);
  const doc = dom.window.document;
  const editor = only(messenger.findComposers(doc));

  it("finds the Draft.js composer and its Send link-button", () => {
    assert.equal(editor.getAttribute("aria-label"), "Type a message...");
    assert.equal(editor.getAttribute("role"), "combobox");
    assert.equal(matchingSelector(editor, messenger.SELECTORS.editor), '[contenteditable="true"][aria-label^="Type a message"]');
    const facts = messenger.describe(editor, doc);
    assert.equal(facts.recipient.profile_url, "https://www.facebook.com/priya.nair.5");
    assert.equal(facts.recipient.name, "Priya Nair");
    assert.equal(facts.thread_url, PRIYA);
    assert.equal(messenger.sendButtons(editor)[0].textContent, "Send");
  });

  it("reads messages_table cells marked incoming and outgoing", () => {
    const [list] = messenger.findMessageLists(doc);
    const thread = messenger.describeThread(list, doc);
    const read = messenger.messageItems(list).map((i) => messenger.readMessage(i, thread.recipient, "k"));
    assert.deepEqual(read.map((m) => [m.incoming, m.text]), [
      [true, "Hi! Thanks for the intro at the conference."],
      [false, "My pleasure, Priya."],
    ]);
  });
});

describe("Messenger adapter: profile URLs the companion accepts", () => {
  it("normalises Facebook and Messenger links, and refuses features that are not people", () => {
    const cases = {
      "https://www.facebook.com/Marta.Silva.77/": "https://www.facebook.com/marta.silva.77",
      "/daniel.okafor/": "https://www.facebook.com/daniel.okafor",
      "https://www.facebook.com/profile.php?id=100004567890123&sk=about": "https://www.facebook.com/profile.php?id=100004567890123",
      "https://www.facebook.com/100004567890123": "https://www.facebook.com/profile.php?id=100004567890123",
      "https://www.messenger.com/t/100004567890123/": "https://www.facebook.com/profile.php?id=100004567890123",
      "https://m.facebook.com/marta.silva.77": "https://www.facebook.com/marta.silva.77",
      "/marketplace/": null,
      "/messages/t/100004567890123/": null,
      "https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.org%2F": null,
      "/groups/123/": null,
      "https://example.org/marta": null,
    };
    for (const [href, want] of Object.entries(cases)) assert.equal(messenger.normalizeProfileUrl(href), want, href);
  });

  it("is the adapter the content script picks on its pages, and the manifest matches them", () => {
    const manifest = JSON.parse(readFileSync(join(FIXTURES, "..", "..", "..", "..", "extension", "manifest.json"), "utf8"));
    const pick = (hostname, pathname) => ADAPTERS.find((a) => a.matchesLocation({ hostname, pathname }));
    assert.equal(pick("www.messenger.com", "/t/1/"), messenger);
    assert.equal(pick("www.facebook.com", "/messages/t/1/"), messenger);
    assert.equal(pick("www.facebook.com", "/"), undefined);
    assert.ok(manifest.content_scripts[0].matches.includes("https://www.messenger.com/*"));
    assert.ok(manifest.content_scripts[0].matches.includes("https://www.facebook.com/messages/*"));
    assert.ok(!manifest.host_permissions.includes("https://www.facebook.com/*"), "not all of Facebook");
  });
});

describe("the coach on Messenger", () => {
  it("asks with the recipient, reports Enter as a send and her new message as received", async () => {
    const calls = { analyze: [], event: [] };
    const transport = {
      async analyze(draft) {
        calls.analyze.push(draft);
        return { ok: true, result: { verdict: "ask_first", score: 40, headline: "", findings: [] } };
      },
      async event(event) {
        calls.event.push(event);
        return { ok: true };
      },
    };
    const dom = page("messenger-thread.html", MARTA);
    const doc = dom.window.document;
    const coach = new Coach(doc, messenger, transport, { debounceMs: 20, newId: () => "sent-1" }).start();
    const editor = doc.querySelector("[data-lexical-editor]");
    typeInto(editor, "Could we set up a call?");
    await waitFor(() => calls.analyze.length, "the draft to be judged");
    assert.equal(calls.analyze[0].site, "messenger");
    assert.equal(calls.analyze[0].recipient.profile_url, "https://www.facebook.com/marta.silva.77");
    editor.dispatchEvent(new dom.window.KeyboardEvent("keydown", { key: "Enter", bubbles: true, composed: true }));
    await waitFor(() => calls.event.length, "the send to be reported");
    assert.deepEqual(
      calls.event.map((e) => [e.type, e.id, e.recipient.profile_url, e.verdict, e.thread_url]),
      [["message_sent", "sent-1", "https://www.facebook.com/marta.silva.77", "ask_first", MARTA]],
    );
    arrive(doc, "out", "Could we set up a call?");
    arrive(doc, "in", "Sure, Thursday works.");
    await waitFor(() => calls.event.some((e) => e.type === "message_received"), "her message to be reported");
    const received = calls.event.filter((e) => e.type === "message_received");
    assert.deepEqual(received.map((e) => [e.text, e.recipient.name]), [["Sure, Thursday works.", "Marta Silva"]]);
    coach.stop();
  });
});

describe("Messenger adapter: which selector entry finds the compose box", () => {
  it("names the entry that matched each fixture", () => {
    const cases = [
      ["messenger-thread.html", MARTA, '[contenteditable="true"][role="textbox"][aria-label="Message"]'],
      ["facebook-e2ee.html", DANIEL, '[contenteditable="true"][role="textbox"][aria-label="Message"]'],
      ["messenger-legacy.html", PRIYA, '[contenteditable="true"][aria-label^="Type a message"]'],
    ];
    for (const [name, url, expected] of cases) {
      const dom = page(name, url);
      const editor = only(messenger.findComposers(dom.window.document));
      assert.equal(matchingSelector(editor, messenger.SELECTORS.editor), expected, name);
      dom.window.close();
    }
  });

  // The legacy page with its composer changed the ways Meta's builds have differed: other
  // labels, the textbox or combobox role, no label at all, a plain textarea.
  const variants = [
    ['aria-label="Type a message…" role="textbox"', '[contenteditable="true"][aria-label^="Type a message"]'],
    ['aria-label="Message Priya" role="combobox"', '[contenteditable="true"][aria-label^="Message"]'],
    ['aria-placeholder="Type a message..."', '[contenteditable="true"][aria-placeholder^="Type a message"]'],
    ['role="textbox"', '[role="main"] [contenteditable="true"][role="textbox"]'],
    ['role="combobox"', '[role="main"] [contenteditable="true"][role="combobox"]'],
    ["", '[role="main"] [contenteditable="true"]'],
  ];
  for (const [attrs, expected] of variants) {
    it(`finds a contenteditable composer with ${attrs || "no role or label"}`, () => {
      const dom = page("messenger-legacy.html", PRIYA);
      const doc = dom.window.document;
      const old = doc.querySelector('[aria-label="Type a message..."]');
      const box = doc.createElement("div");
      box.innerHTML = `<div contenteditable="true" ${attrs}></div>`;
      old.replaceWith(box.firstElementChild);
      const editor = only(messenger.findComposers(doc));
      assert.equal(matchingSelector(editor, messenger.SELECTORS.editor), expected);
      assert.equal(messenger.describe(editor, doc).recipient.profile_url, "https://www.facebook.com/priya.nair.5");
      dom.window.close();
    });
  }

  it("finds a plain textarea inside the conversation, and nothing outside it", () => {
    const dom = page("messenger-legacy.html", PRIYA);
    const doc = dom.window.document;
    doc.querySelector('[aria-label="Type a message..."]').replaceWith(doc.createElement("textarea"));
    const outside = doc.createElement("textarea");
    doc.body.prepend(outside);
    const editor = only(messenger.findComposers(doc));
    assert.equal(matchingSelector(editor, messenger.SELECTORS.editor), '[role="main"] textarea');
    assert.equal(messenger.composerFor(outside), null);
    dom.window.close();
  });
});
