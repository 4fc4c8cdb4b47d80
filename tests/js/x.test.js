// The X adapter on the X fixture pages (the same ones the end-to-end tests serve to
// Chromium), in jsdom: the classic inbox and drawer (Draft.js), the newer chat UI
// (a textarea under /i/chat/), the post and reply composers, and the coach wired to it.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { Coach } from "../../extension/content/main.js";
import { ADAPTERS } from "../../extension/content/sites/index.js";
import { matchingSelector } from "../../extension/content/sites/dom.js";
import * as x from "../../extension/content/sites/x.js";
import { FIXTURES, loadFixture, typeInto, waitFor } from "./helpers.js";

const page = (name, url) => loadFixture(join("..", "x", name), url);
const CLASSIC = "https://x.com/messages/1500000001-1600000002";
const CHAT = "https://x.com/i/chat/1500000001-1700000003";

function only(list) {
  assert.equal(list.length, 1, `expected one compose box, found ${list.length}`);
  return list[0];
}

/** A message arrives the way the fixture pages build one (their <template>s). */
function arrive(doc, direction, body, uuid = "9a1b2c3d-0000-4000-8000-000000000001") {
  const html = doc.querySelector(`template[data-fixture-message="${direction}"]`).innerHTML
    .replaceAll("__UUID__", uuid)
    .replaceAll("__TIME__", "2025-03-01T10:00:00.000Z")
    .replaceAll("__TEXT__", body);
  const holder = doc.createElement("div");
  holder.innerHTML = html.trim();
  const node = holder.firstElementChild;
  doc.querySelector("[data-fixture-list]").append(node);
  return node;
}

/** Type into a Draft.js editor the way Draft renders it: one block per line. */
function typeDraftJs(editor, text) {
  const doc = editor.ownerDocument;
  const contents = doc.createElement("div");
  contents.setAttribute("data-contents", "true");
  text.split("\n").forEach((line, i) => {
    const block = doc.createElement("div");
    block.setAttribute("data-block", "true");
    block.setAttribute("data-offset-key", `k${i}-0-0`);
    const inner = doc.createElement("div");
    inner.className = "public-DraftStyleDefault-block public-DraftStyleDefault-ltr";
    const span = doc.createElement("span");
    span.setAttribute("data-offset-key", `k${i}-0-0`);
    if (line) {
      const t = doc.createElement("span");
      t.setAttribute("data-text", "true");
      t.textContent = line;
      span.append(t);
    } else {
      const br = doc.createElement("br");
      br.setAttribute("data-text", "true");
      span.append(br);
    }
    inner.append(span);
    block.append(inner);
    contents.append(block);
  });
  editor.replaceChildren(contents);
  editor.dispatchEvent(new doc.defaultView.InputEvent("input", { bubbles: true, composed: true }));
}

describe("X adapter: classic inbox (Draft.js)", () => {
  const dom = page("messages-classic.html", CLASSIC);
  const doc = dom.window.document;
  const editor = only(x.findComposers(doc));

  it("finds the DM editor, from any node inside it", () => {
    assert.equal(editor.getAttribute("data-testid"), "dmComposerTextInput");
    assert.equal(x.composerFor(editor.querySelector("span")), editor);
    assert.equal(x.composerFor(doc.querySelector(".public-DraftEditorPlaceholder-inner")), null);
  });

  it("writes to the person in the open conversation, not the ones in the inbox list", () => {
    assert.deepEqual(x.describe(editor, doc), {
      kind: "message",
      site: "x",
      recipient: { profile_url: "https://x.com/noraquinn", name: "Nora Quinn", headline: null },
      thread_url: "https://x.com/messages/1500000001-1600000002",
    });
  });

  it("sends on Enter and on the Send button once it is enabled", () => {
    assert.equal(x.enterSends(editor), true);
    const [send] = x.sendButtons(editor);
    assert.equal(send.getAttribute("data-testid"), "dmComposerSendButton");
    assert.equal(x.isSendClick(send, editor), false, "a disabled button sends nothing");
    send.disabled = false;
    send.removeAttribute("aria-disabled");
    assert.equal(x.isSendClick(send, editor), true);
    assert.equal(x.isSendClick(doc.querySelector('[aria-label="Conversation info"]'), editor), false);
  });

  it("reads a Draft.js draft with one line per block, emoji intact", () => {
    typeDraftJs(editor, "Hi Nora,\n\nHow is the 🌍 grid project going?");
    assert.equal(x.readDraft(editor), "Hi Nora,\n\nHow is the 🌍 grid project going?");
  });

  it("tells her messages from yours, and skips the profile card and date rows", () => {
    const [list] = x.findMessageLists(doc);
    assert.equal(list.getAttribute("data-testid"), "DmActivityViewport", "the outermost list");
    const thread = x.describeThread(list, doc);
    assert.equal(thread.recipient.profile_url, "https://x.com/noraquinn");
    const read = x.messageItems(list).map((item) => x.readMessage(item, thread.recipient, "k"));
    assert.deepEqual(
      read.map((m) => [m.incoming, m.text]),
      [
        [false, ""],
        [false, ""],
        [true, "Thanks for the follow! Saw your post on heat pumps."],
        [false, "Glad you liked it."],
      ],
    );
    assert.match(read[2].id, /^x-msg:[0-9a-f]{16}$/);
    const again = x.readMessage(x.messageItems(list)[2].cloneNode(true), thread.recipient, "k");
    assert.equal(again.id, read[2].id, "a re-render keeps the id");
    assert.notEqual(x.readMessage(x.messageItems(list)[2], thread.recipient, "other").id, read[2].id);
  });
});

describe("X adapter: twitter.com", () => {
  it("is the same site, and its links are folded into x.com", () => {
    const dom = page("messages-classic.html", "https://twitter.com/messages/1500000001-1600000002");
    const doc = dom.window.document;
    assert.ok(x.matchesLocation(dom.window.location));
    const facts = x.describe(only(x.findComposers(doc)), doc);
    assert.equal(facts.recipient.profile_url, "https://x.com/noraquinn");
    assert.equal(facts.thread_url, "https://x.com/messages/1500000001-1600000002");
  });
});

describe("X adapter: the newer chat UI under /i/chat/", () => {
  const dom = page("chat-new.html", CHAT);
  const doc = dom.window.document;
  const editor = only(x.findComposers(doc));

  it("coaches the plain textarea and reads the header's @handle", () => {
    assert.equal(editor.tagName, "TEXTAREA");
    assert.deepEqual(x.describe(editor, doc), {
      kind: "message",
      site: "x",
      recipient: { profile_url: "https://x.com/samir_dev", name: "Samir Haddad", headline: null },
      thread_url: CHAT,
    });
    assert.equal(x.enterSends(editor), true);
    assert.equal(x.sendButtons(editor)[0].getAttribute("data-testid"), "dm-composer-send-button");
    typeInto(editor, "Thanks Samir!\nOne more question?");
    assert.equal(x.readDraft(editor), "Thanks Samir!\nOne more question?");
  });

  it("keys messages by their UUID and knows who wrote them", () => {
    const [list] = x.findMessageLists(doc);
    assert.equal(list.getAttribute("data-testid"), "dm-conversation-panel");
    const thread = x.describeThread(list, doc);
    const read = x.messageItems(list).map((item) => x.readMessage(item, thread.recipient, "k"));
    assert.deepEqual(
      read.map((m) => [m.id, m.incoming, m.text]),
      [
        [read[0].id, false, ""],
        ["x-msg:7d0c3a52-3f7e-4d38-9a53-5a0e8f1c2b11", true, "Hey! Happy to help with the migration questions."],
        ["x-msg:0b6e1a7c-9c1d-4b2e-8f0a-2d4c6e8f0a13", false, "Thank you, that would be great."],
      ],
    );
  });

  it("has no single recipient in a group conversation", () => {
    const group = page("chat-new.html", CHAT).window.document;
    const link = group.querySelector('[data-testid="dm-conversation-header"] a');
    link.insertAdjacentHTML("afterend", '<a href="/ines_moreau">Ines</a>');
    const facts = x.describe(only(x.findComposers(group)), group);
    assert.equal(facts.recipient.profile_url, null, "two people: no contact to key events on");
  });
});

describe("X adapter: posts, replies and the messages drawer", () => {
  it("on the home page: a post to the public, and a DM in the drawer", () => {
    const dom = page("home-drawer.html", "https://x.com/home");
    const doc = dom.window.document;
    const editors = x.findComposers(doc);
    assert.equal(editors.length, 2);
    const post = editors.find((e) => e.getAttribute("data-testid") === "tweetTextarea_0");
    const dm = editors.find((e) => e.getAttribute("data-testid") === "dmComposerTextInput");
    assert.deepEqual(x.describe(post, doc), { kind: "post", site: "x", recipient: null, thread_url: null });
    assert.equal(x.enterSends(post), false, "Enter in a post is a new line");
    assert.equal(x.sendButtons(post)[0].getAttribute("data-testid"), "tweetButtonInline");
    assert.deepEqual(x.describe(dm, doc), {
      kind: "message",
      site: "x",
      recipient: { profile_url: "https://x.com/lena_ops", name: "Lena Park", headline: null },
      thread_url: null,
    });
    assert.equal(x.sendButtons(dm)[0].getAttribute("data-testid"), "dmComposerSendButton", "the drawer's own button");
  });

  it("on a post's page, the reply box is a comment", () => {
    const dom = page("status-reply.html", "https://x.com/noraquinn/status/1790000000000000001");
    const editor = only(x.findComposers(dom.window.document));
    assert.equal(x.kindOf(editor), "comment");
    assert.equal(x.enterSends(editor), false);
  });
});

describe("X adapter: profile URLs the companion accepts", () => {
  it("normalises handles to https://x.com/<handle>, and refuses pages that are not people", () => {
    const cases = {
      "/NoraQuinn": "https://x.com/noraquinn",
      "https://twitter.com/Nora_Q?ref_src=twsrc": "https://x.com/nora_q",
      "https://mobile.x.com/nora_q/": "https://x.com/nora_q",
      "/home": null,
      "/messages": null,
      "/i/chat/1-2": null,
      "/noraquinn/status/1790000000000000001": null,
      "/this_handle_is_too_long": null,
      "https://example.com/noraquinn": null,
    };
    for (const [href, want] of Object.entries(cases)) assert.equal(x.normalizeProfileUrl(href), want, href);
    assert.equal(x.normalizeThreadUrl("https://twitter.com/messages/1-2/"), "https://x.com/messages/1-2");
    assert.equal(x.normalizeThreadUrl("https://x.com/i/chat/requests"), null);
  });

  it("is the adapter the content script picks on x.com and twitter.com, and the manifest matches them", () => {
    const manifest = JSON.parse(readFileSync(join(FIXTURES, "..", "..", "..", "..", "extension", "manifest.json"), "utf8"));
    for (const host of ["x.com", "twitter.com"]) {
      assert.equal(ADAPTERS.find((a) => a.matchesLocation({ hostname: host, pathname: "/home" })), x);
      assert.ok(manifest.content_scripts[0].matches.includes(`https://${host}/*`));
      assert.ok(manifest.host_permissions.includes(`https://${host}/*`));
    }
  });
});

function recorder() {
  const calls = { analyze: [], event: [] };
  return {
    calls,
    async analyze(draft) {
      calls.analyze.push(draft);
      return { ok: true, result: { verdict: "ok", score: 3, headline: "", findings: [] } };
    },
    async event(event) {
      calls.event.push(event);
      return { ok: true };
    },
  };
}

describe("the coach on X", () => {
  it("asks about a DM with its recipient, reports Enter as a send, and new messages as received", async () => {
    const t = recorder();
    const dom = page("messages-classic.html", CLASSIC);
    const doc = dom.window.document;
    let id = 0;
    const coach = new Coach(doc, x, t, { debounceMs: 20, newId: () => `id-${++id}` }).start();
    const editor = doc.querySelector('[data-testid="dmComposerTextInput"]');
    typeDraftJs(editor, "How did the launch go?");
    await waitFor(() => t.calls.analyze.length, "the draft to be judged");
    assert.deepEqual(t.calls.analyze[0], {
      text: "How did the launch go?",
      kind: "message",
      site: "x",
      recipient: { profile_url: "https://x.com/noraquinn", name: "Nora Quinn", headline: null },
    });
    editor.dispatchEvent(new dom.window.KeyboardEvent("keydown", { key: "Enter", bubbles: true, composed: true }));
    await waitFor(() => t.calls.event.length, "the send to be reported");
    assert.equal(t.calls.event.length, 1);
    assert.deepEqual(
      [t.calls.event[0].type, t.calls.event[0].recipient.profile_url, t.calls.event[0].verdict, t.calls.event[0].thread_url],
      ["message_sent", "https://x.com/noraquinn", "ok", CLASSIC],
    );
    arrive(doc, "out", "How did the launch go?");
    arrive(doc, "in", "It went well, thanks!");
    await waitFor(() => t.calls.event.some((e) => e.type === "message_received"), "her message to be reported");
    const received = t.calls.event.filter((e) => e.type === "message_received");
    assert.equal(received.length, 1, "only her message is news; yours and the history are not");
    assert.equal(received[0].text, "It went well, thanks!");
    assert.match(received[0].id, /^x-msg:/);
    coach.stop();
  });

  it("does not report a post as a message to anyone", async () => {
    const t = recorder();
    const dom = page("home-drawer.html", "https://x.com/home");
    const doc = dom.window.document;
    const coach = new Coach(doc, x, t, { debounceMs: 20 }).start();
    const post = doc.querySelector('[data-testid="tweetTextarea_0"]');
    typeDraftJs(post, "We just shipped v2 of our platform. Book a demo!");
    await waitFor(() => t.calls.analyze.length, "the post to be judged");
    assert.equal(t.calls.analyze[0].kind, "post");
    assert.equal(t.calls.analyze[0].recipient, null);
    const button = doc.querySelector('[data-testid="tweetButtonInline"]');
    button.disabled = false;
    button.click(); // a send is reported as its click is dispatched, so none came by now is none
    assert.equal(t.calls.event.length, 0);
    coach.stop();
  });
});

describe("X and Messenger adapters: messageId", () => {
  it("is the id readMessage gives, for every row of every fixture", async () => {
    const messenger = await import("../../extension/content/sites/messenger.js");
    const pages = [
      [x, "x", "messages-classic.html", CLASSIC],
      [x, "x", "chat-new.html", CHAT],
      [x, "x", "home-drawer.html", "https://x.com/home"],
      [messenger, "messenger", "messenger-thread.html", "https://www.messenger.com/t/100004567890123/"],
      [messenger, "messenger", "facebook-e2ee.html", "https://www.facebook.com/messages/e2ee/t/7200000000000001/"],
      [messenger, "messenger", "messenger-legacy.html", "https://www.messenger.com/t/priya.nair.5/"],
    ];
    for (const [adapter, folder, name, url] of pages) {
      const doc = loadFixture(join("..", folder, name), url).window.document;
      for (const list of adapter.findMessageLists(doc)) {
        const thread = adapter.describeThread(list, doc);
        for (const item of adapter.messageItems(list)) {
          assert.equal(adapter.messageId(item, "k"), adapter.readMessage(item, thread.recipient, "k").id, name);
        }
      }
    }
  });
});

describe("X adapter: which selector entry finds the message box", () => {
  const message = x.SELECTORS.surfaces.find((s) => s.kind === "message").editor;

  it("names the entry that matched each fixture", () => {
    for (const [name, url, expected] of [
      ["messages-classic.html", CLASSIC, '[data-testid="dmComposerTextInput"]'],
      ["chat-new.html", CHAT, 'textarea[data-testid="dm-composer-textarea"]'],
    ]) {
      const dom = page(name, url);
      const editor = only(x.findComposers(dom.window.document));
      assert.equal(matchingSelector(editor, message), expected, name);
      dom.window.close();
    }
    const drawer = page("home-drawer.html", "https://x.com/home");
    const dm = x.findComposers(drawer.window.document).filter((e) => x.kindOf(e) === "message");
    assert.equal(matchingSelector(only(dm), message), '[data-testid="dmComposerTextInput"]');
    drawer.window.close();
  });

  it("still finds the classic composer inside the conversation once its test id is gone", () => {
    const dom = page("messages-classic.html", CLASSIC);
    const doc = dom.window.document;
    doc.querySelector('[data-testid="dmComposerTextInput"]').removeAttribute("data-testid");
    const editor = only(x.findComposers(doc));
    assert.equal(matchingSelector(editor, message), '[data-testid="DmActivityContainer"] [role="textbox"][contenteditable="true"]');
    assert.equal(x.describe(editor, doc).kind, "message");
    dom.window.close();
  });
});
