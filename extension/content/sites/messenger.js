// The Messenger adapter: www.messenger.com and www.facebook.com/messages. Meta's web
// clients write with a Lexical editor (`div[contenteditable][role="textbox"]
// [data-lexical-editor]`, aria-label "Message"; older builds: Draft.js, "Type a
// message..." with role="combobox"), send on Enter or with a role="button" div labelled "Press enter to send"
// (or "Send"), and list messages as `role="row"` in a grid labelled "Messages in
// conversation with …" (older builds: `[data-scope="messages_table"]` cells). Class names
// are generated (`x1lliihq …`), so the selectors below key on roles, aria labels,
// data-scope/data-testid attributes and link shapes, most specific first.

import * as dom from "./dom.js";
import { any, editingHost, first, hashString, parseUrl, text } from "./dom.js";

export { readDraft } from "../draft.js";

export const site = "messenger";

export const SELECTORS = {
  // Compose boxes, most specific first. Each entry notes the page it serves and where it
  // was last seen (the date we last compared it with markup from that page): when Meta
  // changes the markup, the generic entries at the end still find a box inside the
  // conversation, and tests/js/messenger.test.js says which entry matched each fixture.
  editor: [
    // messenger.com/t/… and facebook.com/messages/(e2ee/)t/… (Lexical), labelled
    // "Message". Last seen: fixtures messenger-thread.html, facebook-e2ee.html, 2026-12.
    '[contenteditable="true"][role="textbox"][aria-label="Message"]',
    // The same Lexical editor under another label or role. Last seen: same, 2026-12.
    '[contenteditable="true"][data-lexical-editor="true"]',
    // Older messenger.com/t/… (Draft.js): "Type a message..." on a role="combobox"
    // editor with aria-autocomplete="list". Last seen: public extension code that keys on
    // this label (fairlanguage-extension), and fixture messenger-legacy.html, 2026-12.
    '[contenteditable="true"][aria-label^="Type a message"]',
    '[contenteditable="true"][aria-placeholder^="Type a message"]',
    // Labels that start with "Message" ("Message", "Message Jane", "Message…"), on either
    // host. Last seen: the label the current builds use, 2026-12.
    '[contenteditable="true"][aria-label^="Message"]',
    // Generic, for markup not yet seen: inside the conversation, an editor with a textbox
    // or combobox role, any editable box, or a plain textarea (lighter builds).
    '[role="main"] [contenteditable="true"][role="textbox"]',
    '[role="main"] [contenteditable="true"][role="combobox"]',
    '[role="main"] [contenteditable="true"]',
    '[role="main"] textarea',
    "main textarea",
  ],
  send: [
    '[aria-label="Press enter to send"]',
    '[aria-label="Press Enter to send"]',
    '[role="button"][aria-label="Send"]',
    'button[aria-label="Send"]',
    '[data-testid="send-button"]',
  ],
  conversation: ['[role="main"]', "main"],
  // The person's name at the top of the thread.
  headerName: ['[role="main"] h2', '[role="main"] [role="heading"]', '[role="main"] h1'],
  messageList: [
    '[role="grid"][aria-label^="Messages in conversation"]',
    '[aria-label^="Messages in conversation"]',
    '[role="main"] [role="grid"]',
    '[role="main"] [role="log"]',
  ],
  messageItem: ['[role="row"]', '[data-scope="messages_table"]', '[role="gridcell"]'],
  messageOwn: ['[data-testid="outgoing_message"]', '[data-testid="message-container"][data-outgoing="true"]'],
  messageIncoming: ['[data-testid="incoming_message"]'],
  senderLabel: ["h5", "h6", '[data-scope="messages_table"] [role="heading"]'],
  messageTime: ["time", "abbr[aria-label]", '[data-scope="date_break"]'],
};

// Paths on facebook.com that are features, not people (profiles.py refuses the first few).
const RESERVED = new Set([
  "messages", "groups", "pages", "events", "watch", "marketplace", "home.php", "login", "t", "e2ee",
  "photo", "photo.php", "photos", "stories", "reel", "reels", "friends", "notifications", "settings",
  "help", "privacy", "policies", "bookmarks", "gaming", "hashtag", "share", "sharer", "sharer.php",
  "l.php", "search", "ads", "business", "saved", "memories", "fundraisers", "story.php", "permalink.php",
]);
const NAME = /^[a-z0-9.]{1,100}$/;

/**
 * The profile a Facebook or Messenger link points to, as the companion keys it:
 * `https://www.facebook.com/<name>` or `https://www.facebook.com/profile.php?id=<digits>`.
 * Messenger's `/t/<id>` thread links count (for one-to-one threads the id is the
 * person's); anything else is null.
 */
export function normalizeProfileUrl(href, base = "https://www.facebook.com/") {
  const url = parseUrl(href, base);
  if (!url) return null;
  const host = url.hostname.toLowerCase();
  const messenger = /(^|\.)messenger\.com$/.test(host);
  if (!messenger && !/^(www\.|m\.|web\.)?facebook\.com$/.test(host)) return null;
  const segments = url.pathname.split("/").filter(Boolean).map((s) => decodeURIComponent(s));
  let name = null;
  if (segments[0] === "profile.php") name = /^\d+$/.test(url.searchParams.get("id") || "") ? url.searchParams.get("id") : null;
  else if (messenger && segments[0] === "t" && segments.length >= 2) name = segments[1].toLowerCase();
  else if (messenger && segments[0] === "e2ee" && segments[1] === "t" && segments.length >= 3) name = segments[2].toLowerCase();
  else if (segments.length === 1 && !RESERVED.has(segments[0].toLowerCase())) name = segments[0].toLowerCase();
  if (!name || !NAME.test(name)) return null;
  return /^\d+$/.test(name) ? `https://www.facebook.com/profile.php?id=${name}` : `https://www.facebook.com/${name}`;
}

/** The thread id in `/t/<id>`, `/e2ee/t/<id>`, `/messages/t/<id>` or `/messages/e2ee/t/<id>`. */
function threadIdOf(pathname) {
  const m = (pathname || "").match(/^(?:\/messages)?(?:\/e2ee)?\/t\/([A-Za-z0-9._-]{1,100})\/?/);
  return m ? m[1] : null;
}

/** The thread's canonical URL, on the host the user is using. */
export function normalizeThreadUrl(href) {
  const url = parseUrl(href);
  const id = url && threadIdOf(url.pathname);
  if (!id) return null;
  const e2ee = /\/e2ee\/t\//.test(url.pathname) ? "e2ee/" : "";
  if (/(^|\.)messenger\.com$/i.test(url.hostname)) return `https://www.messenger.com/${e2ee}t/${id}/`;
  if (/(^|\.)facebook\.com$/i.test(url.hostname)) return `https://www.facebook.com/messages/${e2ee}t/${id}/`;
  return null;
}

export function matchesLocation(loc) {
  if (/^(www\.)?messenger\.com$/i.test(loc.hostname)) return true;
  return /^(www\.)?facebook\.com$/i.test(loc.hostname) && /^\/messages(\/|$)/.test(loc.pathname);
}

/** The pages where a compose box is surely a message: an unrecognised one there is our miss. */
export function messagingPage(loc) {
  return matchesLocation(loc);
}

// facebook.com is one page app: once the user leaves /messages for the feed, its comment
// boxes use the same editor. Only compose boxes on a messages page are coached.
function onMessagesPage(doc) {
  const loc = doc.location;
  return !loc || matchesLocation(loc);
}

/** The compose box `el` is in (or is), or null when it is not one we coach. */
export function composerFor(el) {
  const editor = editingHost(el);
  if (!editor || !dom.matchesAny(editor, SELECTORS.editor)) return null;
  return onMessagesPage(editor.ownerDocument) ? editor : null;
}

export function findComposers(root) {
  return dom.composersIn(root, [SELECTORS.editor], composerFor);
}

export function kindOf(editor) {
  return composerFor(editor) ? "message" : null;
}

/** The send control beside `editor`: the nearest ancestor that holds one decides. */
export function sendButtons(editor) {
  return dom.nearestHolding(editor, SELECTORS.send);
}

export function isSendClick(target, editor) {
  return dom.clickSends(target, () => sendButtons(editor));
}

/** Messenger sends on a plain Enter (Shift+Enter is a new line), whatever the button says. */
export function enterSends(editor) {
  return kindOf(editor) === "message";
}

function conversationOf(el) {
  return el.closest(any(SELECTORS.conversation)) || el.ownerDocument.body;
}

function messagesArea(convo) {
  return first(convo, SELECTORS.messageList);
}

// Links to people in the thread's header: the main column minus the messages (a link
// someone pasted into a message is not the person you write to).
function headerProfiles(convo) {
  const area = messagesArea(convo);
  const found = [];
  const names = new Map();
  for (const a of convo.querySelectorAll("a[href]")) {
    if (area && area.contains(a)) continue;
    if (a.closest('[contenteditable="true"]')) continue;
    const url = normalizeProfileUrl(a.getAttribute("href"), a.ownerDocument.baseURI);
    if (!url || found.includes(url)) continue;
    found.push(url);
    names.set(url, text(a));
  }
  return { found, names };
}

// People whose avatars sit beside messages in the thread: one means a one-to-one chat.
function senderProfiles(convo) {
  const area = messagesArea(convo);
  const found = [];
  if (!area) return found;
  for (const a of area.querySelectorAll("a[href]")) {
    if (a.closest('[dir="auto"]')) continue; // a link inside a message's text
    const url = normalizeProfileUrl(a.getAttribute("href"), a.ownerDocument.baseURI);
    if (url && !found.includes(url)) found.push(url);
  }
  return found;
}

function nameOf(convo, fromLink) {
  if (fromLink) return fromLink.slice(0, 120);
  const heading = first(convo, SELECTORS.headerName.map((s) => s.replace('[role="main"] ', "")));
  if (heading && text(heading)) return text(heading).slice(0, 120);
  const area = messagesArea(convo);
  const label = area ? area.getAttribute("aria-label") || "" : "";
  const m = label.match(/^Messages in conversation with (.+)$/);
  return m ? m[1].trim().slice(0, 120) : "";
}

/** The person a thread is with: `{profile_url, name, headline}`; no URL in a group. */
function recipientInConversation(convo, doc) {
  const { found, names } = headerProfiles(convo);
  const senders = senderProfiles(convo);
  let profileUrl = null;
  if (found.length === 1) profileUrl = found[0];
  else if (!found.length && senders.length === 1) profileUrl = senders[0];
  else if (!found.length && !senders.length) {
    // Nothing links to them yet (a new thread): a one-to-one thread's id is theirs.
    const id = threadIdOf(doc.location ? doc.location.pathname : "");
    profileUrl = id && /^\d+$/.test(id) ? `https://www.facebook.com/profile.php?id=${id}` : null;
  }
  if (senders.length > 1) profileUrl = null; // several people write here: a group
  const name = nameOf(convo, profileUrl ? names.get(profileUrl) : "") || null;
  return { profile_url: profileUrl, name, headline: null };
}

export function describe(editor, doc = editor.ownerDocument) {
  const kind = kindOf(editor);
  if (!kind) return { kind, site, recipient: null, thread_url: null };
  const convo = conversationOf(editor);
  return {
    kind,
    site,
    recipient: recipientInConversation(convo, doc),
    thread_url: normalizeThreadUrl(doc.location ? doc.location.href : null),
  };
}

// --- incoming messages ------------------------------------------------------------

/**
 * The message lists of open threads and their items (see dom.messageListFunctions); an
 * item inside another item of the same selector is part of that message.
 */
export const { findMessageLists, messageItems, itemsIn, listContaining, itemContaining } = dom.messageListFunctions(
  SELECTORS,
  { outermostItems: true },
);

const LABELS = 'h1, h2, h3, h4, h5, h6, [role="heading"], time, abbr, a, [aria-hidden="true"], button, [role="button"]';

// The message's own words: the outermost dir="auto" blocks that are not the sender's
// label, a time stamp or a control.
function bodyOf(item) {
  const blocks = [...item.querySelectorAll('[dir="auto"]')].filter((el) => !el.closest(LABELS));
  const outer = blocks.filter((el) => !blocks.some((other) => other !== el && other.contains(el)));
  return outer.map(text).filter(Boolean).join("\n");
}

function senderLabel(item) {
  return text(first(item, SELECTORS.senderLabel));
}

function isIncoming(item, recipient) {
  if (item.matches(any(SELECTORS.messageOwn)) || item.querySelector(any(SELECTORS.messageOwn))) return false;
  if (item.matches(any(SELECTORS.messageIncoming)) || item.querySelector(any(SELECTORS.messageIncoming))) return true;
  const label = senderLabel(item);
  if (/^you( sent)?$/i.test(label)) return false;
  const name = recipient && recipient.name;
  if (name && label && (label === name || label === `${name} sent` || name.startsWith(`${label} `))) return true;
  // Their avatar, a link to their profile, sits beside their messages only.
  if (recipient && recipient.profile_url) {
    for (const a of item.querySelectorAll("a[href]")) {
      if (a.closest('[dir="auto"]')) continue;
      if (normalizeProfileUrl(a.getAttribute("href"), a.ownerDocument.baseURI) === recipient.profile_url) return true;
    }
  }
  return false;
}

/**
 * What one row says: `{id, incoming, text, time}`. Messenger puts no message id in the
 * page, so the id is derived from the thread, the time label, the text and the row
 * before it (two "ok"s in one thread stay two messages); a re-render keeps it.
 */
export function readMessage(item, recipient, threadKey = "") {
  const body = bodyOf(item);
  const { id, time } = identify(item, threadKey, body);
  return { id, incoming: Boolean(body) && isIncoming(item, recipient), text: body, time };
}

function identify(item, threadKey, body) {
  const timeEl = first(item, SELECTORS.messageTime);
  const time = timeEl ? timeEl.getAttribute("datetime") || timeEl.getAttribute("aria-label") || text(timeEl) : "";
  // The previous message's words, not its whole row: "Seen" and "Sent" labels come and go.
  const prev = item.previousElementSibling ? bodyOf(item.previousElementSibling).slice(0, 80) : "";
  return { id: `messenger-msg:${hashString(`${threadKey}\n${time}\n${prev}\n${body}`)}`, time };
}

/** The id readMessage gives `item`, without working out who wrote it. */
export function messageId(item, threadKey = "") {
  return identify(item, threadKey, bodyOf(item)).id;
}

export function describeThread(list, doc = list.ownerDocument) {
  const convo = conversationOf(list);
  return {
    site,
    recipient: recipientInConversation(convo, doc),
    thread_url: normalizeThreadUrl(doc.location ? doc.location.href : null),
  };
}
