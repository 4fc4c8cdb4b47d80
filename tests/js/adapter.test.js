import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { JSDOM } from "jsdom";
import { matchingSelector } from "../../extension/content/sites/dom.js";
import * as linkedin from "../../extension/content/sites/linkedin.js";
import { loadFixture, typeInto, waitFor } from "./helpers.js";

const LI = "https://www.linkedin.com";

function only(list) {
  assert.equal(list.length, 1, `expected one compose box, found ${list.length}`);
  return list[0];
}

describe("LinkedIn adapter: messaging page", () => {
  const dom = loadFixture("messaging-thread.html", `${LI}/messaging/thread/2-MjA0ZTk1/`);
  const doc = dom.window.document;
  const editor = only(linkedin.findComposers(doc));

  it("finds the msg-form compose box, not its placeholder", () => {
    assert.ok(editor.classList.contains("msg-form__contenteditable"));
    assert.equal(linkedin.composerFor(editor.querySelector("p")), editor, "a paragraph inside resolves to the editor");
    assert.equal(linkedin.composerFor(doc.querySelector(".msg-form__placeholder")), null);
  });

  it("reads the recipient from the thread header, normalised", () => {
    const facts = linkedin.describe(editor, doc);
    assert.equal(facts.kind, "message");
    assert.equal(facts.site, "linkedin");
    assert.deepEqual(facts.recipient, {
      profile_url: "https://www.linkedin.com/in/jane-doe-123/",
      name: "Jane Doe",
      headline: "Head of Platform at Acme Robotics",
    });
    assert.equal(facts.thread_url, "https://www.linkedin.com/messaging/thread/2-MjA0ZTk1/");
  });

  it("knows the Send button, and that Enter does not send here", () => {
    const [send] = linkedin.sendButtons(editor);
    assert.ok(send.classList.contains("msg-form__send-button"));
    assert.equal(linkedin.sendButtons(editor).length, 1, "the send-options toggle is not a send button");
    send.disabled = false;
    assert.equal(linkedin.isSendClick(send, editor), true);
    assert.equal(linkedin.isSendClick(doc.querySelector(".msg-form__send-toggle"), editor), false);
    assert.equal(linkedin.enterSends(editor), false);
  });

  it("reads the draft with one line per paragraph", () => {
    typeInto(editor, "Hi Jane,\n\nHow is the 🤖 launch going?");
    assert.equal(linkedin.readDraft(editor), "Hi Jane,\n\nHow is the 🤖 launch going?");
  });

  it("tells incoming messages from your own, with ids from the message urn", () => {
    const [list] = linkedin.findMessageLists(doc);
    assert.ok(list.classList.contains("msg-s-message-list"), "the outermost list");
    const items = linkedin.messageItems(list);
    assert.equal(items.length, 2);
    const thread = linkedin.describeThread(list, doc);
    const [theirs, mine] = items.map((item) => linkedin.readMessage(item, thread.recipient, "k"));
    assert.equal(theirs.incoming, true);
    assert.equal(mine.incoming, false);
    assert.equal(theirs.id, "linkedin-msg:urn:li:msg_message:(urn:li:fsd_profile:ACoAA1,2-MjA0ZTk1-1)");
    assert.equal(theirs.text, "Thanks for connecting! Loved your talk at the meetup.");
    assert.equal(linkedin.listContaining(items[0]), list);
  });

  it("derives a stable id from thread, time and text when there is no urn", () => {
    const [list] = linkedin.findMessageLists(doc);
    const item = linkedin.messageItems(list)[0];
    const copy = item.cloneNode(true);
    copy.querySelector("[data-event-urn]").removeAttribute("data-event-urn");
    const a = linkedin.readMessage(copy, null, "thread-1");
    const b = linkedin.readMessage(copy.cloneNode(true), null, "thread-1");
    const c = linkedin.readMessage(copy, null, "thread-2");
    assert.match(a.id, /^linkedin-msg:[0-9a-f]{16}$/);
    assert.equal(a.id, b.id, "a re-render keeps its id");
    assert.notEqual(a.id, c.id);
  });

  it("gives the same id from the urn alone as from reading the whole message", () => {
    const [list] = linkedin.findMessageLists(doc);
    const item = linkedin.messageItems(list)[0];
    assert.equal(linkedin.messageId(item, "k"), linkedin.readMessage(item, null, "k").id);
    const long = item.cloneNode(true);
    long.querySelector("[data-event-urn]").setAttribute("data-event-urn", `urn:li:msg_message:${"x".repeat(200)}`);
    assert.match(linkedin.messageId(long, "k"), /^linkedin-msg:[0-9a-f]{16}$/, "a urn too long is hashed");
    assert.equal(linkedin.messageId(long, "k"), linkedin.readMessage(long, null, "k").id);
    const none = item.cloneNode(true);
    none.querySelector("[data-event-urn]").removeAttribute("data-event-urn");
    assert.equal(linkedin.messageId(none, "k"), linkedin.readMessage(none, null, "k").id);
  });

  it("finds a message list that is itself the root, and stays out of shadow roots when asked", () => {
    const [list] = linkedin.findMessageLists(doc);
    assert.deepEqual(linkedin.findMessageLists(list, { deep: false }), [list]);
    const host = doc.createElement("div");
    host.attachShadow({ mode: "open" }).append(list.cloneNode(true));
    doc.body.append(host);
    assert.deepEqual(linkedin.findMessageLists(host, { deep: false }), []);
    assert.equal(linkedin.findMessageLists(host).length, 1, "deep by default");
    host.remove();
  });
});

describe("LinkedIn adapter: Enter-to-send variant", () => {
  const dom = loadFixture("messaging-enter.html", `${LI}/messaging/thread/2-ZmVlZGJh/`);
  const editor = only(linkedin.findComposers(dom.window.document));

  it("has no Send button, so Enter sends", () => {
    assert.deepEqual(linkedin.sendButtons(editor), []);
    assert.equal(linkedin.enterSends(editor), true);
    assert.equal(linkedin.describe(editor).recipient.profile_url, "https://www.linkedin.com/in/ravi-kumar-7/");
  });
});

describe("LinkedIn adapter: chat overlay inside #interop-outlet's shadow root", () => {
  it("is invisible to querySelector but found by the adapter", async () => {
    const dom = loadFixture("overlay-shadow.html", `${LI}/feed/`);
    const doc = dom.window.document;
    // The fixture renders the overlay late, as LinkedIn does.
    await waitFor(() => linkedin.findComposers(doc).length, "the overlay");
    assert.equal(doc.querySelector(".msg-form__contenteditable"), null);
    const editor = only(linkedin.findComposers(doc));
    assert.ok(editor.getRootNode().host.matches("#interop-outlet"));
    const facts = linkedin.describe(editor, doc);
    assert.equal(facts.kind, "message");
    assert.deepEqual(facts.recipient, {
      profile_url: "https://www.linkedin.com/in/sam-lee-42/",
      name: "Sam Lee",
      headline: "Founder at Brightpath Analytics",
    });
    assert.equal(facts.thread_url, "https://www.linkedin.com/messaging/thread/2-c2FtbGVl/");
    const [list] = linkedin.findMessageLists(doc);
    assert.ok(list, "the overlay's message list is found through the shadow root");
    assert.equal(linkedin.describeThread(list, doc).recipient.name, "Sam Lee");
  });

  it("also handles the older light-DOM overlay with its older send button", () => {
    const dom = loadFixture("overlay-legacy.html", `${LI}/feed/`);
    const editor = only(linkedin.findComposers(dom.window.document));
    const facts = linkedin.describe(editor);
    assert.equal(facts.recipient.profile_url, "https://www.linkedin.com/in/maria-garcia-3/");
    assert.equal(facts.recipient.name, "Maria Garcia", "screen-reader status text is not part of the name");
    assert.equal(facts.recipient.headline, "Recruiter at Northwind");
    assert.ok(linkedin.sendButtons(editor)[0].classList.contains("msg-form__send-btn"));
  });
});

describe("LinkedIn adapter: InMail", () => {
  it("recognises the subject line", () => {
    const dom = loadFixture("inmail.html", `${LI}/in/olivia-chen-88/`);
    const editor = only(linkedin.findComposers(dom.window.document));
    const facts = linkedin.describe(editor);
    assert.equal(facts.kind, "inmail");
    assert.equal(facts.recipient.profile_url, "https://www.linkedin.com/in/olivia-chen-88/");
    assert.equal(facts.recipient.name, "Olivia Chen");
  });
});

describe("LinkedIn adapter: connection-request notes", () => {
  it("on a profile page, the note goes to the profile's owner", () => {
    const dom = loadFixture("invite-profile.html", `${LI}/in/priya-shah-9/`);
    const doc = dom.window.document;
    const editor = only(linkedin.findComposers(doc));
    assert.equal(editor.id, "custom-message");
    const facts = linkedin.describe(editor, doc);
    assert.equal(facts.kind, "connection_note");
    assert.deepEqual(facts.recipient, {
      profile_url: "https://www.linkedin.com/in/priya-shah-9/",
      name: "Priya Shah",
      headline: "VP Engineering at Lumen Health · Mentor",
    });
    const send = doc.querySelector('button[aria-label="Send now"]');
    assert.equal(linkedin.isSendClick(send, editor), true);
    assert.equal(linkedin.isSendClick(doc.querySelector('button[aria-label="Add a note"]'), editor), false);
  });

  it("on a search page, the note goes to whoever's Connect button was clicked", () => {
    const dom = loadFixture("invite-search.html", `${LI}/search/results/people/?keywords=product`);
    const doc = dom.window.document;
    const editor = only(linkedin.findComposers(doc));
    assert.equal(editor.getAttribute("name"), "message");
    const button = doc.querySelector('button[aria-label="Invite Tom Baker to connect"]');
    const hint = linkedin.inviteHint(button.querySelector("span"), doc);
    assert.deepEqual(hint, { profile_url: "https://www.linkedin.com/in/tom-baker-5/", name: "Tom Baker", headline: null });
    const facts = linkedin.describe(editor, doc, hint);
    assert.equal(facts.kind, "connection_note");
    assert.equal(facts.recipient.profile_url, "https://www.linkedin.com/in/tom-baker-5/");
    assert.ok(linkedin.isSendClick(editor.getRootNode().querySelector('button[aria-label="Send invitation"]'), editor));
  });
});

describe("LinkedIn adapter: comments and posts", () => {
  const dom = new JSDOM(
    `<main>
      <form class="comments-comment-box__form"><div class="comments-comment-texteditor"><div class="ql-editor" contenteditable="true" role="textbox" aria-label="Text editor for creating comment"><p>Great point</p></div></div>
        <button class="comments-comment-box__submit-button" type="submit">Comment</button></form>
      <div role="dialog" class="artdeco-modal share-box"><div class="share-creation-state__editor"><div class="ql-editor" contenteditable="true" role="textbox" aria-label="Text editor for creating content"><p>Hiring!</p></div></div></div>
    </main>`,
    { url: `${LI}/feed/` },
  );
  it("classifies each editor by where it sits", () => {
    const kinds = linkedin.findComposers(dom.window.document).map((e) => linkedin.kindOf(e));
    assert.deepEqual(kinds.sort(), ["comment", "post"]);
  });
});

describe("profile URLs", () => {
  it("normalise to https://www.linkedin.com/in/<slug>/", () => {
    assert.equal(linkedin.normalizeProfileUrl("/in/Jane-Doe-123?trk=abc"), "https://www.linkedin.com/in/jane-doe-123/");
    assert.equal(linkedin.normalizeProfileUrl("http://linkedin.com/in/jane/details/"), "https://www.linkedin.com/in/jane/");
    assert.equal(linkedin.normalizeProfileUrl("https://evil.example/in/jane/"), null);
    assert.equal(linkedin.normalizeProfileUrl("/company/acme/"), null);
  });
});

describe("LinkedIn adapter: a note whose Connect click we did not see", () => {
  it("finds the invitee's card from the name the dialog shows", () => {
    const dom = loadFixture("invite-search.html", `${LI}/search/results/people/`);
    const doc = dom.window.document;
    const editor = only(linkedin.findComposers(doc));
    editor.getRootNode().querySelector("[data-fixture-invitee-name]").textContent = "Ana López";
    const facts = linkedin.describe(editor, doc, null);
    assert.deepEqual(facts.recipient, { profile_url: "https://www.linkedin.com/in/ana-lopez-77/", name: "Ana López", headline: null });
  });
});

describe("LinkedIn adapter: which selector entry finds the message box", () => {
  const message = linkedin.SELECTORS.surfaces.find((s) => s.kind === "message").editor;

  it("names the entry that matched each fixture", async () => {
    for (const [name, path] of [
      ["messaging-thread.html", "/messaging/thread/2-MjA0ZTk1/"],
      ["messaging-enter.html", "/messaging/thread/2-ZmVlZGJh/"],
      ["inmail.html", "/in/olivia-chen-88/"],
      ["overlay-shadow.html", "/feed/"],
    ]) {
      const dom = loadFixture(name, `${LI}${path}`);
      const doc = dom.window.document;
      await waitFor(() => linkedin.findComposers(doc).length, `the compose box of ${name}`); // the overlay comes late
      const editor = only(linkedin.findComposers(doc));
      assert.equal(matchingSelector(editor, message), '.msg-form__contenteditable[contenteditable="true"]', name);
      dom.window.close();
    }
  });

  it("falls back to the textbox role, then to the label, as classes are renamed", () => {
    const dom = loadFixture("messaging-thread.html", `${LI}/messaging/thread/2-MjA0ZTk1/`);
    const doc = dom.window.document;
    const box = doc.querySelector(".msg-form__contenteditable");
    box.classList.remove("msg-form__contenteditable");
    assert.equal(matchingSelector(only(linkedin.findComposers(doc)), message), '.msg-form [role="textbox"][contenteditable="true"]');
    doc.querySelector("form.msg-form").className = "composer";
    assert.equal(matchingSelector(only(linkedin.findComposers(doc)), message), '[contenteditable="true"][aria-label^="Write a message"]');
    dom.window.close();
  });
});
