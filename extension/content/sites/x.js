// The X adapter (x.com, formerly twitter.com): direct messages in the classic inbox and
// in the drawer (a Draft.js editor, data-testid="dmComposerTextInput"), direct messages in
// the newer chat UI under /i/chat/… (a plain <textarea data-testid="dm-composer-textarea">),
// and the post and reply composers (data-testid="tweetTextarea_0"). X's class names are
// generated (`css-175oi2r r-…`) and change with every build, so every selector below keys
// on data-testid, roles, aria labels and link shapes, most specific first, with fallbacks.

import * as dom from "./dom.js";
import { any, editingHost, first, hashString, parseUrl, text } from "./dom.js";

export { readDraft } from "../draft.js";

export const site = "x";

export const SELECTORS = {
  surfaces: [
    {
      kind: "message",
      // Each entry: the page it serves; where and when (our last comparison) it was seen.
      // tests/js/x.test.js says which entry matched each fixture.
      editor: [
        // x.com/messages/… and the DM drawer on every page (Draft.js). Seen: public
        // automation notes and code; fixtures messages-classic.html, home-drawer.html, 2026-12.
        '[data-testid="dmComposerTextInput"]',
        // x.com/i/chat/…, the newer chat UI. Seen: public code excerpts; fixture chat-new.html, 2026-12.
        'textarea[data-testid="dm-composer-textarea"]',
        // x.com/i/chat/…, a variant named in public code excerpts; not in our fixtures.
        '[data-testid="chatComposerTextInput"]',
        // Generic, for markup not yet seen: a box inside the conversation or the drawer.
        '[data-testid="dm-conversation-panel"] textarea',
        '[data-testid="DmActivityContainer"] [role="textbox"][contenteditable="true"]',
        '[data-testid="DMDrawer"] [role="textbox"][contenteditable="true"]',
        '[data-testid="DMConversationView"] [role="textbox"][contenteditable="true"]',
        'section[aria-labelledby="detail-header"] [role="textbox"][contenteditable="true"]',
        '[data-testid="dm-conversation-panel"] [contenteditable="true"]',
      ],
      send: [
        '[data-testid="dmComposerSendButton"]',
        '[data-testid="dm-composer-send-button"]',
        '[data-testid="chatComposerSendButton"]',
      ],
    },
    {
      kind: "post", // "comment" when it answers a post (see kindOf)
      editor: [
        '[contenteditable="true"][data-testid^="tweetTextarea_"]',
        '[data-testid^="tweetTextarea_"] [contenteditable="true"]',
        'textarea[data-testid^="tweetTextarea_"]',
      ],
      send: ['[data-testid="tweetButtonInline"]', '[data-testid="tweetButton"]'],
    },
  ],
  // Where one conversation lives, outermost last: the chat panel, the classic detail
  // section, the drawer at the bottom right of every page.
  conversation: [
    '[data-testid="dm-conversation-panel"]',
    '[data-testid="DMConversationView"]',
    'section[aria-labelledby="detail-header"]',
    '[data-testid="DMDrawer"]',
    '[data-testid="DmActivityContainer"]',
  ],
  header: [
    '[data-testid="dm-conversation-header"]',
    '[data-testid="DMConversationHeader"]',
    '[data-testid="chat-conversation-header"]',
    '[data-testid="DMDrawerHeader"]',
    "#detail-header",
  ],
  // A link to the other person: their avatar beside their messages, the profile card at
  // the top of a classic conversation.
  avatarLink: ['a[data-testid="DM_Conversation_Avatar"]', '[data-testid="DM_Conversation_Avatar"] a'],
  profileCard: ['[data-testid="DmActivityViewport"] a[href]', '[data-testid="UserCell"] a[href]'],
  // The signed-in user's own profile link, so it is never mistaken for the other person.
  self: ['a[data-testid="AppTabBar_Profile_Link"]', '[data-testid="SideNav_AccountSwitcher_Button"]'],
  messageList: [
    '[data-testid="dm-conversation-panel"]',
    '[data-testid="DmScrollerContainer"]',
    '[data-testid="DmActivityViewport"]',
  ],
  // Items are the list's sibling-level rows: one per message, plus date separators.
  messageItem: ["[data-dm-item-key]", '[data-testid="cellInnerDiv"]', '[data-testid="messageEntry"]'],
  messageRow: ["[data-dm-message-row]", '[data-testid="messageEntry"]'],
  messageText: [
    '[data-testid^="message-text-"]',
    '[data-testid="dm-message-text"]',
    '[data-testid="messageEntryText"]',
    '[data-testid="tweetText"]',
  ],
  messageOwn: ['[data-testid="outgoingMessage"]', '[data-direction="outgoing"]', '[data-is-outgoing="true"]'],
  messageIncoming: ['[data-direction="incoming"]', '[data-is-outgoing="false"]'],
  messageTime: ["time"],
};

// Paths under x.com that are pages, not people (profiles.py refuses the same ones).
const RESERVED = new Set([
  "home", "messages", "i", "search", "explore", "settings", "notifications", "compose", "intent",
  "login", "logout", "signup", "tos", "privacy", "jobs", "bookmarks", "lists", "communities",
  "premium", "verified", "grok", "hashtag", "share", "account", "about",
]);
const HANDLE = /^@?([A-Za-z0-9_]{1,15})$/;

/** The handle an x.com / twitter.com link points to (`/jdoe`, `https://twitter.com/JDoe`), or null. */
export function handleFromHref(href, base = "https://x.com/") {
  const url = parseUrl(href, base);
  if (!url || !/^(.+\.)?(x|twitter)\.com$/i.test(url.hostname)) return null;
  const segments = url.pathname.split("/").filter(Boolean);
  if (segments.length !== 1) return null; // /jdoe/status/1 is a post, not the person
  const m = segments[0].match(HANDLE);
  if (!m || RESERVED.has(m[1].toLowerCase())) return null;
  return m[1].toLowerCase();
}

/** `https://x.com/<handle>` (twitter.com folded into x.com), or null for anything else. */
export function normalizeProfileUrl(href, base) {
  const handle = handleFromHref(href, base);
  return handle ? `https://x.com/${handle}` : null;
}

/** A conversation's canonical URL: `/messages/<a>-<b>` (classic) or `/i/chat/<id>` (new). */
export function normalizeThreadUrl(href, base = "https://x.com/") {
  const url = parseUrl(href, base);
  if (!url || !/^(.+\.)?(x|twitter)\.com$/i.test(url.hostname)) return null;
  const classic = url.pathname.match(/^\/messages\/(\d{1,30}-\d{1,30})\/?$/);
  if (classic) return `https://x.com/messages/${classic[1]}`;
  const chat = url.pathname.match(/^\/i\/chat\/([A-Za-z0-9_-]{1,200})\/?$/);
  if (chat && !["new", "compose", "requests", "settings", "pin"].includes(chat[1])) return `https://x.com/i/chat/${chat[1]}`;
  return null;
}

export function matchesLocation(loc) {
  return /^(www\.|mobile\.)?(x|twitter)\.com$/i.test(loc.hostname);
}

/** The pages where a compose box is surely a message: an unrecognised one there is our miss. */
export function messagingPage(loc) {
  return matchesLocation(loc) && /^\/(messages|i\/chat)(\/|$)/.test(loc.pathname);
}

const surfaceOf = (editor) => dom.surfaceOf(editor, SELECTORS.surfaces);

/** The compose box `el` is in (or is), or null when it is not one we coach. */
export function composerFor(el) {
  const editor = editingHost(el);
  return editor && surfaceOf(editor) ? editor : null;
}

/** Every compose box under `root` (X renders none in shadow roots). */
export function findComposers(root) {
  return dom.composersIn(root, SELECTORS.surfaces.map((s) => s.editor), composerFor);
}

/**
 * The buttons that send what `editor` holds. X wraps composers in anonymous divs, so
 * instead of naming a form the walk climbs from the editor to the nearest ancestor that
 * holds one of the surface's send buttons.
 */
export function sendButtons(editor) {
  const surface = surfaceOf(editor);
  return surface ? dom.nearestHolding(editor, surface.send) : [];
}

/** Whether a click on `target` sends `editor`'s draft. */
export function isSendClick(target, editor) {
  return dom.clickSends(target, () => sendButtons(editor));
}

/** In direct messages a plain Enter sends (Shift+Enter is a new line); in posts it does not. */
export function enterSends(editor) {
  return kindOf(editor) === "message";
}

function isReply(editor) {
  const [button] = sendButtons(editor);
  if (button && /^reply$/i.test(text(button))) return true;
  const dialog = editor.closest('[role="dialog"]');
  if (dialog && /\bReplying to\b/.test(dialog.textContent)) return true;
  const placeholder = editor.parentElement && editor.parentElement.closest(".DraftEditor-root");
  const hint = (placeholder && text(placeholder.querySelector(".public-DraftEditorPlaceholder-inner"))) || editor.getAttribute("placeholder") || "";
  if (/\breply\b/i.test(hint)) return true;
  // The inline box under a post on its own page answers that post.
  const loc = editor.ownerDocument.location;
  return !dialog && Boolean(loc) && /^\/[^/]+\/status\/\d+/.test(loc.pathname);
}

export function kindOf(editor) {
  const surface = surfaceOf(editor);
  if (!surface) return null;
  if (surface.kind === "post" && isReply(editor)) return "comment";
  return surface.kind;
}

// The outermost conversation container: the classic inbox nests DmActivityContainer in
// the section that holds the header, the drawer nests it under its own header.
function conversationOf(el) {
  return dom.outermostAncestor(el, SELECTORS.conversation);
}

function ownHandle(doc) {
  const el = first(doc, SELECTORS.self);
  if (!el) return null;
  const fromLink = el.tagName === "A" ? handleFromHref(el.getAttribute("href")) : null;
  if (fromLink) return fromLink;
  const m = el.textContent.match(/@([A-Za-z0-9_]{1,15})/);
  return m ? m[1].toLowerCase() : null;
}

function handlesIn(scope, selectors, own) {
  const found = [];
  for (const a of scope.querySelectorAll(any(selectors))) {
    const handle = handleFromHref(a.getAttribute("href"));
    if (handle && handle !== own && !found.includes(handle)) found.push(handle);
  }
  return found;
}

// "@jdoe" written out in the header or the profile card, when no link says it.
function handleInText(scope, own) {
  for (const el of scope.querySelectorAll("span, div")) {
    if (el.childElementCount) continue;
    const m = el.textContent.trim().match(/^@([A-Za-z0-9_]{1,15})$/);
    if (m && m[1].toLowerCase() !== own) return m[1].toLowerCase();
  }
  return null;
}

// The header's display name: its heading, else its first text that is not the @handle.
function nameIn(header) {
  if (!header) return "";
  const heading = header.matches("h1, h2, [role=heading]") ? header : header.querySelector('h1, h2, [role="heading"]');
  const scope = heading || header;
  for (const el of scope.querySelectorAll("span, div, a")) {
    if (el.childElementCount) continue;
    const t = text(el);
    if (t && !t.startsWith("@") && !/^(verified account|active now|online)$/i.test(t)) return t.slice(0, 120);
  }
  const t = text(scope);
  return t && !t.startsWith("@") ? t.slice(0, 120) : "";
}

/** The person a conversation is with: `{profile_url, name, headline}`; no URL in a group. */
function recipientInConversation(convo, doc) {
  const own = ownHandle(doc);
  // The classic inbox puts the header beside the conversation, not in it: look in the
  // page's main column too (never for the drawer, which floats over another page).
  const column = convo.matches('[data-testid="DMDrawer"]') ? null : convo.closest('main, [role="main"]');
  const header = first(convo, SELECTORS.header) || first(column, SELECTORS.header);
  let handles = header ? handlesIn(header, ["a[href]"], own) : [];
  if (!handles.length) handles = handlesIn(convo, SELECTORS.avatarLink, own);
  if (!handles.length) handles = handlesIn(convo, SELECTORS.profileCard, own);
  if (!handles.length) {
    const written = (header && handleInText(header, own)) || handleInText(convo, own);
    if (written) handles = [written];
  }
  const name = nameIn(header) || null;
  // Several people: a group conversation has no single recipient to key events on.
  const profileUrl = handles.length === 1 ? `https://x.com/${handles[0]}` : null;
  return { profile_url: profileUrl, name, headline: null };
}

/**
 * Who `editor` writes to and where: `{kind, site, recipient, thread_url}`. Posts and
 * replies go to the public, so they carry no recipient.
 */
export function describe(editor, doc = editor.ownerDocument) {
  const kind = kindOf(editor);
  if (kind !== "message") return { kind, site, recipient: null, thread_url: null };
  const convo = conversationOf(editor);
  const recipient = convo ? recipientInConversation(convo, doc) : null;
  const inDrawer = Boolean(editor.closest('[data-testid="DMDrawer"]'));
  const threadUrl = inDrawer ? null : normalizeThreadUrl(doc.location ? doc.location.href : null);
  return { kind, site, recipient, thread_url: threadUrl };
}

// --- incoming messages ------------------------------------------------------------

/** The message lists of open conversations and their items (see dom.messageListFunctions). */
export const { findMessageLists, messageItems, itemsIn, listContaining, itemContaining } =
  dom.messageListFunctions(SELECTORS);

function messageBody(row) {
  const el = first(row, SELECTORS.messageText);
  if (el) return text(el);
  // No text element (an older build): the row's text without its time stamp.
  const clone = row.cloneNode(true);
  for (const t of clone.querySelectorAll("time, [aria-hidden=\"true\"]")) t.remove();
  return text(clone);
}

function isIncoming(item, row, recipient) {
  if (row.matches(any(SELECTORS.messageOwn)) || item.querySelector(any(SELECTORS.messageOwn))) return false;
  if (row.matches(any(SELECTORS.messageIncoming)) || item.querySelector(any(SELECTORS.messageIncoming))) return true;
  // X shows the sender's avatar, a link to their profile, beside the other person's
  // messages only; your own have none.
  const handle = recipient && recipient.profile_url ? handleFromHref(recipient.profile_url) : null;
  for (const a of item.querySelectorAll("a[href]")) {
    const linked = handleFromHref(a.getAttribute("href"));
    if (!linked) continue;
    if (handle ? linked === handle : a.matches(any(SELECTORS.avatarLink))) return true;
  }
  return false;
}

/**
 * What one message item says: `{id, incoming, text, time}`. The new chat UI numbers its
 * messages (data-dm-message-row="<uuid>"); the classic one does not, so the id is then
 * derived from the thread, time and text, and a re-render keeps it.
 */
export function readMessage(item, recipient, threadKey = "") {
  const row = item.matches(any(SELECTORS.messageRow)) ? item : first(item, SELECTORS.messageRow);
  if (!row) return { id: messageId(item, threadKey), incoming: false, text: "", time: "" };
  const body = messageBody(row);
  const timeEl = first(item, SELECTORS.messageTime);
  const time = timeEl ? timeEl.getAttribute("datetime") || text(timeEl) : "";
  return { id: idFor(row, threadKey, time, body), incoming: isIncoming(item, row, recipient), text: body, time };
}

function idFor(row, threadKey, time, body) {
  const uuid = row.getAttribute("data-dm-message-row");
  return uuid && uuid.length <= 180 ? `x-msg:${uuid}` : `x-msg:${hashString(`${threadKey}\n${time}\n${body}`)}`;
}

/** The id readMessage gives `item`, without working out who wrote it. */
export function messageId(item, threadKey = "") {
  const row = item.matches(any(SELECTORS.messageRow)) ? item : first(item, SELECTORS.messageRow);
  if (!row) return `x-msg:${hashString(`${threadKey}\n${text(item)}`)}`;
  const timeEl = first(item, SELECTORS.messageTime);
  const time = timeEl ? timeEl.getAttribute("datetime") || text(timeEl) : "";
  return idFor(row, threadKey, time, row.hasAttribute("data-dm-message-row") ? "" : messageBody(row));
}

/** Facts about the conversation a message list belongs to. */
export function describeThread(list, doc = list.ownerDocument) {
  const convo = conversationOf(list) || list;
  const recipient = recipientInConversation(convo, doc);
  const inDrawer = Boolean(list.closest('[data-testid="DMDrawer"]'));
  const threadUrl = inDrawer ? null : normalizeThreadUrl(doc.location ? doc.location.href : null);
  return { site, recipient, thread_url: threadUrl };
}
