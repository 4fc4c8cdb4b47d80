// The DOM helpers the site adapters share (extension/content/sites/dom.js), on small pages
// built in jsdom. Each helper takes the selector lists an adapter passes it, so these
// pages use made-up class names: nothing here depends on a site's markup.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { JSDOM } from "jsdom";
import {
  any,
  clickedButton,
  clickSends,
  composersIn,
  editingHost,
  first,
  hashString,
  itemContaining,
  itemsIn,
  itemsOf,
  listContaining,
  matchesAny,
  messageListFunctions,
  nearestHolding,
  outermostAncestor,
  outermostMatches,
  parseUrl,
  surfaceOf,
  text,
} from "../../extension/content/sites/dom.js";

function page(body) {
  return new JSDOM(`<!doctype html><body>${body}</body>`).window.document;
}

const $ = (doc, sel) => doc.querySelector(sel);

describe("selector lists", () => {
  it("any() joins a list into one selector group", () => {
    assert.equal(any([".a", "#b", "[c]"]), ".a, #b, [c]");
  });

  it("first() tries the selectors in order, not in document order", () => {
    const doc = page('<p class="late">1</p><p class="early">2</p>');
    assert.equal(first(doc, [".early", ".late"]).textContent, "2");
    assert.equal(first(doc, [".none", ".late"]).textContent, "1");
    assert.equal(first(doc, [".none"]), null);
  });

  it("first() answers null for no scope, or one that cannot be searched", () => {
    assert.equal(first(null, ["p"]), null);
    assert.equal(first(page("<p>hi</p>").createTextNode("x"), ["p"]), null);
  });

  it("matchesAny() skips a selector the engine cannot parse and keeps the rest", () => {
    const doc = page('<div class="box" aria-label="Box"></div>');
    const box = $(doc, ".box");
    assert.equal(matchesAny(box, ["div[", ".box"]), true);
    assert.equal(matchesAny(box, ["div[", ".other"]), false);
    assert.equal(matchesAny(box, []), false);
  });

  it("text() folds white space and answers '' for no element", () => {
    const doc = page("<p>  Jane \n\n  <b>Doe</b>\t</p>");
    assert.equal(text($(doc, "p")), "Jane Doe");
    assert.equal(text(null), "");
  });
});

describe("compose boxes", () => {
  const SURFACES = [
    { kind: "note", editor: ["textarea.note"] },
    { kind: "message", editor: ['.chat [contenteditable="true"]', '[role="textbox"]'] },
  ];

  it("surfaceOf() picks the first surface whose editor selectors match", () => {
    const doc = page('<textarea class="note"></textarea><div class="chat"><div contenteditable="true" role="textbox"></div></div><div id="other" contenteditable="true"></div>');
    assert.equal(surfaceOf($(doc, "textarea"), SURFACES).kind, "note");
    assert.equal(surfaceOf($(doc, ".chat [contenteditable]"), SURFACES).kind, "message");
    assert.equal(surfaceOf($(doc, "#other"), SURFACES), null);
  });

  it("editingHost() climbs from a text node or a paragraph to the outermost editable element", () => {
    const doc = page('<div id="editor" contenteditable="true"><div contenteditable=""><p id="line">Hello</p></div></div>');
    const editor = $(doc, "#editor");
    assert.equal(editingHost($(doc, "#line")), editor);
    assert.equal(editingHost($(doc, "#line").firstChild), editor);
    assert.equal(editingHost(editor), editor);
  });

  it("editingHost() takes a textarea as it is, and finds nothing outside an editor", () => {
    const doc = page('<textarea></textarea><p id="plain">text</p><div contenteditable="false"><p id="off">x</p></div>');
    assert.equal(editingHost($(doc, "textarea")), $(doc, "textarea"));
    assert.equal(editingHost($(doc, "#plain")), null);
    assert.equal(editingHost($(doc, "#off")), null);
    assert.equal(editingHost(null), null);
  });

  it("editingHost() knows contenteditable=plaintext-only", () => {
    const doc = page('<div id="e" contenteditable="plaintext-only"><span id="s">x</span></div>');
    assert.equal(editingHost($(doc, "#s")), $(doc, "#e"));
  });

  it("composersIn() keeps what composerFor accepts, each editor once", () => {
    const doc = page('<div class="chat"><div id="a" contenteditable="true" role="textbox"><p>x</p></div></div><div id="b" role="textbox"></div>');
    const seen = [];
    const composerFor = (el) => {
      seen.push(el.id);
      return el.id === "a" ? el : null;
    };
    const found = composersIn(doc, [SURFACES[1].editor, ['[contenteditable="true"]']], composerFor);
    assert.deepEqual(found, [$(doc, "#a")]);
    assert.deepEqual(seen, ["a", "b", "a"]);
  });

  it("composersIn() skips a group the engine cannot parse, and searches open shadow roots when deep", () => {
    const doc = page('<div id="outlet"></div><textarea id="light" class="note"></textarea>');
    const shadow = $(doc, "#outlet").attachShadow({ mode: "open" });
    shadow.innerHTML = '<textarea id="inside" class="note"></textarea>';
    const groups = [["textarea["], ["textarea.note"]];
    const ids = (list) => list.map((el) => el.id);
    assert.deepEqual(ids(composersIn(doc, groups, (el) => el)), ["light"]);
    assert.deepEqual(ids(composersIn(doc, groups, (el) => el, { deep: true })), ["light", "inside"]);
  });
});

describe("send buttons", () => {
  it("nearestHolding() answers the matches in the nearest ancestor that holds any", () => {
    const doc = page(`
      <div id="page"><button class="send" id="far">Send</button>
        <div><div><div id="editor" contenteditable="true"></div></div>
          <button class="send" id="near">Send</button><span class="alt" id="near2"></span>
        </div>
      </div>`);
    const editor = $(doc, "#editor");
    assert.deepEqual(nearestHolding(editor, [".send", ".alt"]).map((b) => b.id), ["near", "near2"]);
    assert.deepEqual(nearestHolding(editor, [".none"]), []);
  });

  it("nearestHolding() climbs no higher than maxDepth levels", () => {
    const doc = page('<button class="send"></button><div><div><div><textarea></textarea></div></div></div>');
    const editor = $(doc, "textarea");
    assert.equal(nearestHolding(editor, [".send"], 3).length, 0);
    assert.equal(nearestHolding(editor, [".send"], 4).length, 1);
  });

  it("clickedButton() finds the button or role=button around a click, unless it is disabled", () => {
    const doc = page(`
      <button id="b"><span id="icon">→</span></button>
      <div role="button" id="r">Send</div>
      <button id="off" disabled><span id="offIcon">x</span></button>
      <div role="button" aria-disabled="true" id="ariaOff">Send</div>
      <p id="plain">no</p>`);
    assert.equal(clickedButton($(doc, "#icon")), $(doc, "#b"));
    assert.equal(clickedButton($(doc, "#r").firstChild), $(doc, "#r"));
    assert.equal(clickedButton($(doc, "#offIcon")), null);
    assert.equal(clickedButton($(doc, "#ariaOff")), null);
    assert.equal(clickedButton($(doc, "#plain")), null);
    assert.equal(clickedButton(null), null);
  });
  it("clickSends() is true for a click on one of the send buttons, and asks for them only after a button click", () => {
    const doc = page('<button id="send"><b id="icon">→</b></button><button id="other">Other</button><p id="plain">x</p>');
    let asked = 0;
    const sendButtons = () => {
      asked += 1;
      return [$(doc, "#send")];
    };
    assert.equal(clickSends($(doc, "#icon"), sendButtons), true);
    assert.equal(clickSends($(doc, "#other"), sendButtons), false);
    assert.equal(asked, 2);
    assert.equal(clickSends($(doc, "#plain"), sendButtons), false);
    assert.equal(asked, 2, "a click on no button does not look for send buttons");
  });
});

describe("message lists and items", () => {
  const LIST = [".list", '[role="log"]'];
  const ITEM = [".item", '[role="row"]'];
  const NESTED = `
    <main id="main">
      <div class="list" id="outer">
        <div role="log" id="inner">
          <div class="item" id="m1"><div role="row" id="m1row"><span id="m1text">Hi</span></div></div>
          <div class="item" id="m2"><span>There</span></div>
        </div>
      </div>
      <div role="log" id="other"><div role="row" id="r1"></div><div role="row" id="r2"><div role="row" id="r2in"></div></div></div>
    </main>`;
  const ids = (list) => list.map((el) => el.id);

  it("outermostMatches() leaves out lists nested in another list", () => {
    const doc = page(NESTED);
    assert.deepEqual(ids(outermostMatches(doc, LIST)), ["outer", "other"]);
    assert.deepEqual(ids(outermostMatches($(doc, "#outer"), LIST)), ["outer"], "the root itself counts");
    assert.deepEqual(ids(outermostMatches($(doc, "#m1"), LIST)), []);
  });

  it("outermostMatches() searches open shadow roots only when deep", () => {
    const doc = page('<div id="host"></div>');
    $(doc, "#host").attachShadow({ mode: "open" }).innerHTML = '<div class="list" id="shadowed"></div>';
    assert.deepEqual(ids(outermostMatches(doc, LIST)), []);
    assert.deepEqual(ids(outermostMatches(doc, LIST, { deep: true })), ["shadowed"]);
  });

  it("outermostAncestor() and listContaining() answer the outermost list around a node", () => {
    const doc = page(NESTED);
    assert.equal(outermostAncestor($(doc, "#m1text"), LIST).id, "outer");
    assert.equal(outermostAncestor($(doc, "#inner"), LIST).id, "outer", "the element itself counts");
    assert.equal(outermostAncestor($(doc, "#main"), LIST), null);
    assert.equal(listContaining($(doc, "#m1"), LIST).id, "outer");
    assert.equal(listContaining($(doc, "#outer"), LIST), null, "an added list is not in a list");
    assert.equal(listContaining(doc.createElement("div"), LIST), null, "a detached node");
  });

  it("itemsOf() answers the matches of the first selector that finds any", () => {
    const doc = page(NESTED);
    assert.deepEqual(ids(itemsOf($(doc, "#outer"), ITEM)), ["m1", "m2"]);
    assert.deepEqual(ids(itemsOf($(doc, "#other"), ITEM)), ["r1", "r2", "r2in"]);
    assert.deepEqual(ids(itemsOf($(doc, "#other"), ITEM, { outermost: true })), ["r1", "r2"]);
    assert.deepEqual(itemsOf($(doc, "#m2"), ITEM), []);
  });

  it("itemsIn() answers an added item itself, or the items it holds", () => {
    const doc = page(NESTED);
    assert.deepEqual(ids(itemsIn($(doc, "#m1"), ITEM)), ["m1"]);
    assert.deepEqual(ids(itemsIn($(doc, "#inner"), ITEM)), ["m1", "m2"], "the first selector that finds any wins");
    assert.deepEqual(ids(itemsIn($(doc, "#other"), ITEM)), ["r1", "r2", "r2in"]);
    assert.deepEqual(itemsIn($(doc, "#m1text"), ITEM), []);
  });

  it("itemsIn() with one selector group answers every level that matches", () => {
    const doc = page(NESTED);
    assert.deepEqual(ids(itemsIn($(doc, "#inner"), [any(ITEM)])), ["m1", "m1row", "m2"]);
  });

  it("itemContaining() tries the selectors in order; as one group the nearest match wins", () => {
    const doc = page(NESTED);
    assert.equal(itemContaining($(doc, "#m1text"), ITEM).id, "m1");
    assert.equal(itemContaining($(doc, "#m1text"), [any(ITEM)]).id, "m1row");
    assert.equal(itemContaining($(doc, "#r1"), ITEM).id, "r1");
    assert.equal(itemContaining($(doc, "#main"), ITEM), null);
  });
});

describe("messageListFunctions", () => {
  const SELECTORS = { messageList: [".list", '[role="log"]'], messageItem: [".item", '[role="row"]'] };
  const PAGE = `
    <div class="list" id="list">
      <div class="item" id="m1"><div role="row" id="m1row"><span id="t1">Hi</span></div></div>
      <div class="item" id="m2"><div class="item" id="m2in"></div></div>
    </div>
    <div id="host"></div>`;
  const ids = (list) => list.map((el) => el.id);

  function setUp() {
    const doc = page(PAGE);
    $(doc, "#host").attachShadow({ mode: "open" }).innerHTML = '<div role="log" id="shadowed"></div>';
    return doc;
  }

  it("binds the list helpers to an adapter's selectors", () => {
    const doc = setUp();
    const f = messageListFunctions(SELECTORS);
    assert.deepEqual(ids(f.findMessageLists(doc)), ["list"]);
    assert.deepEqual(ids(f.messageItems($(doc, "#list"))), ["m1", "m2", "m2in"]);
    assert.deepEqual(ids(f.itemsIn($(doc, "#list"))), ["m1", "m2", "m2in"]);
    assert.equal(f.listContaining($(doc, "#m1")).id, "list");
    assert.equal(f.itemContaining($(doc, "#t1")).id, "m1");
  });

  it("deep: findMessageLists searches open shadow roots unless the caller says deep: false", () => {
    const doc = setUp();
    const shallow = messageListFunctions(SELECTORS);
    const deep = messageListFunctions(SELECTORS, { deep: true });
    assert.deepEqual(ids(shallow.findMessageLists(doc)), ["list"]);
    assert.deepEqual(ids(shallow.findMessageLists(doc, { deep: true })), ["list", "shadowed"]);
    assert.deepEqual(ids(deep.findMessageLists(doc)), ["list", "shadowed"]);
    assert.deepEqual(ids(deep.findMessageLists(doc, { deep: false })), ["list"]);
  });

  it("outermostItems: an item nested in another item is part of it", () => {
    const doc = setUp();
    const f = messageListFunctions(SELECTORS, { outermostItems: true });
    assert.deepEqual(ids(f.messageItems($(doc, "#list"))), ["m1", "m2"]);
  });

  it("oneItemGroup: added nodes yield every level that matches, and the nearest item holds a node", () => {
    const doc = setUp();
    const f = messageListFunctions(SELECTORS, { oneItemGroup: true });
    assert.deepEqual(ids(f.itemsIn($(doc, "#list"))), ["m1", "m1row", "m2", "m2in"]);
    assert.equal(f.itemContaining($(doc, "#t1")).id, "m1row");
    assert.deepEqual(ids(f.messageItems($(doc, "#list"))), ["m1", "m2", "m2in"], "listing a thread still goes selector by selector");
  });
});

describe("parseUrl", () => {
  it("resolves against the base, and answers null for nothing or a non-URL", () => {
    assert.equal(parseUrl("/in/jdoe/", "https://www.linkedin.com/").href, "https://www.linkedin.com/in/jdoe/");
    assert.equal(parseUrl("https://x.com/jdoe").hostname, "x.com");
    assert.equal(parseUrl("", "https://x.com/"), null);
    assert.equal(parseUrl(null), null);
    assert.equal(parseUrl("/relative"), null);
    assert.equal(parseUrl("http://[bad", "https://x.com/"), null);
  });
});

describe("hashString", () => {
  it("its first half is 32-bit FNV-1a (the published test vectors)", () => {
    // http://www.isthe.com/chongo/tech/comp/fnv/ — FNV-1a 32: "" → 811c9dc5, "a" → e40c292c,
    // "foobar" → bf9cf968.
    assert.equal(hashString("").slice(0, 8), "811c9dc5");
    assert.equal(hashString("a").slice(0, 8), "e40c292c");
    assert.equal(hashString("foobar").slice(0, 8), "bf9cf968");
  });

  it("gives the ids the adapters gave before it was shared (stored message ids stay valid)", () => {
    // Values computed with the adapters' own copies before they moved here.
    assert.equal(hashString(""), "811c9dc55ad1e806");
    assert.equal(hashString("a"), "e40c292c41c902f3");
    assert.equal(hashString("thread\n10:00\nHi there"), "f3fa6ef597d98b2c");
    assert.equal(hashString("héllo ✓"), "0579d2da5e4502b3");
  });

  it("is 16 hex digits and tells near strings apart", () => {
    assert.match(hashString("x".repeat(10000)), /^[0-9a-f]{16}$/);
    assert.notEqual(hashString("ok\nok"), hashString("ok\nok "));
  });
});
