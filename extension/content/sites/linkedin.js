// The LinkedIn adapter: where the compose boxes are, who they write to, how a message
// is sent, and which messages arrive. Every selector lives in SELECTORS below, most
// specific first, each with fallbacks (class names, then roles and aria labels): LinkedIn
// renames classes now and then, and renders its overlay, post composer and invitation
// dialog inside `div#interop-outlet`'s open shadow root (see ../shadow.js).

import { closestDeep, querySelectorAllDeep } from "../shadow.js";
import * as dom from "./dom.js";
import { any, editingHost, first, hashString, parseUrl, text } from "./dom.js";

export { readDraft } from "../draft.js";

export const SELECTORS = {
  // Compose surfaces, tried in this order; the first whose editor matches wins.
  surfaces: [
    {
      kind: "connection_note",
      editor: [
        "textarea#custom-message",
        "textarea.send-invite__custom-message",
        "textarea.connect-button-send-invite__custom-message",
        '[role="dialog"] textarea[name="message"]',
        ".artdeco-modal textarea[name=\"message\"]",
      ],
      container: [".send-invite", ".artdeco-modal", '[role="dialog"]'],
      send: [
        'button[aria-label="Send now"]',
        'button[aria-label="Send invitation"]',
        'button[aria-label="Send"]',
        ".artdeco-modal__actionbar button.artdeco-button--primary",
      ],
    },
    {
      kind: "message", // becomes "inmail" when the form has a subject line
      // Each entry: the page it serves; where and when (our last comparison) it was seen.
      // tests/js/adapter.test.js says which entry matched each fixture.
      editor: [
        // /messaging/thread/…, the overlay bubbles (in #interop-outlet's shadow root) and
        // InMail. Seen: public extension code (LinkedGuard, DM assistants); fixtures
        // messaging-thread.html, overlay-shadow.html, inmail.html, 2026-12.
        '.msg-form__contenteditable[contenteditable="true"]',
        // The same pages if the editor's class is renamed: the textbox in the form.
        '.msg-form [role="textbox"][contenteditable="true"]',
        // The same pages if the form's class is renamed too: the editor's label.
        '[contenteditable="true"][aria-label^="Write a message"]',
        // A plain textarea in the form (lighter builds); not seen live.
        '.msg-form textarea[name="message"]',
      ],
      container: [
        "form.msg-form",
        ".msg-form",
        ".msg-overlay-conversation-bubble",
        ".msg-compose-form",
        "form",
      ],
      send: [
        "button.msg-form__send-button",
        "button.msg-form__send-btn",
        'button[type="submit"]',
      ],
      enterToggle: ["button.msg-form__send-toggle", ".msg-form__send-toggle"],
    },
    {
      kind: "comment",
      editor: [
        ".comments-comment-box [contenteditable=\"true\"]",
        ".comments-comment-texteditor [contenteditable=\"true\"]",
        ".comments-comment-box-comment__text-editor [contenteditable=\"true\"]",
        '[contenteditable="true"][aria-label*="comment" i]',
      ],
      container: ["form.comments-comment-box__form", ".comments-comment-box", ".comments-comment-texteditor", "form"],
      send: ["button.comments-comment-box__submit-button", "button.comments-comment-box__submit-button--cr", 'button[type="submit"]'],
    },
    {
      kind: "post",
      editor: [
        ".share-creation-state__editor [contenteditable=\"true\"]",
        ".share-box [contenteditable=\"true\"]",
        '[role="dialog"] .ql-editor[contenteditable="true"]',
        '[contenteditable="true"][aria-label*="creating content" i]',
      ],
      container: [".share-box", ".share-creation-state", '[role="dialog"]', ".artdeco-modal"],
      send: ["button.share-actions__primary-action", 'button[aria-label="Post"]'],
    },
  ],
  inmailSubject: [".msg-form__subject", 'input[name="subject"]', '[aria-label="Subject"]'],
  // Where one conversation lives: the thread pane or an overlay bubble.
  conversation: [
    ".msg-overlay-conversation-bubble",
    ".msg-convo-wrapper",
    ".msg-thread",
    ".scaffold-layout__detail",
    '[data-view-name="message-thread"]',
  ],
  // The other person, in a conversation's header.
  recipientLink: [
    "a.msg-thread__link-to-profile",
    ".msg-overlay-bubble-header__title a[href*=\"/in/\"]",
    ".msg-overlay-bubble-header a[href*=\"/in/\"]",
    ".msg-entity-lockup a[href*=\"/in/\"]",
    ".msg-title-bar a[href*=\"/in/\"]",
    ".msg-compose-form .artdeco-pill a[href*=\"/in/\"]",
  ],
  recipientName: [
    ".msg-entity-lockup__entity-title",
    ".msg-overlay-bubble-header__title",
    "#thread-detail-jump-target",
    ".msg-title-bar h2",
    ".msg-thread__link-to-profile",
    ".msg-compose-form .artdeco-pill",
  ],
  recipientHeadline: [
    ".msg-thread__headline",
    ".msg-entity-lockup__entity-info",
    ".msg-overlay-bubble-header__subtitle",
    ".msg-overlay-bubble-header__details .t-12",
    ".msg-title-bar .t-12",
  ],
  threadLink: ['a[href*="/messaging/thread/"]'],
  // A profile page (for the "Add a note" dialog opened from it).
  profileName: ["main h1", ".pv-top-card h1", "h1.text-heading-xlarge", "h1"],
  profileHeadline: [".pv-text-details__left-panel .text-body-medium", "main .text-body-medium.break-words", ".pv-top-card .text-body-medium"],
  // "Invite Jane Doe to connect" — remembered so the note knows whom it goes to.
  inviteButton: 'button[aria-label^="Invite "][aria-label$=" to connect"]',
  // The messages of an open thread.
  messageList: [".msg-s-message-list-content", ".msg-s-message-list", '[role="list"].msg-s-message-list-content'],
  messageItem: ["li.msg-s-message-list__event", ".msg-s-event-listitem"],
  messageEvent: [".msg-s-event-listitem", "[data-event-urn]"],
  messageBody: [".msg-s-event-listitem__body", ".msg-s-event-listitem__message-bubble", "p"],
  messageIncoming: [".msg-s-event-listitem--other"],
  messageOwn: [".msg-s-message-group--is-sender", ".msg-s-event-listitem--self"],
  messageSender: [".msg-s-message-group__name", ".msg-s-message-group__profile-link"],
  messageTime: ["time", ".msg-s-message-group__timestamp", ".msg-s-message-list__time-heading"],
};

/** `https://www.linkedin.com/in/<slug>/`, or null for anything that is not a profile. */
export function normalizeProfileUrl(href, base = "https://www.linkedin.com/") {
  const url = parseUrl(href, base);
  if (!url || !/(^|\.)linkedin\.com$/i.test(url.hostname)) return null;
  const m = url.pathname.match(/^\/in\/([^/]+)/i);
  if (!m) return null;
  return `https://www.linkedin.com/in/${m[1].toLowerCase()}/`;
}

/** The thread's canonical URL, from a `/messaging/thread/<id>/` path. */
export function normalizeThreadUrl(href, base = "https://www.linkedin.com/") {
  const url = parseUrl(href, base);
  const m = url && url.pathname.match(/^\/messaging\/thread\/([^/]+)/);
  return m ? `https://www.linkedin.com/messaging/thread/${m[1]}/` : null;
}

export const site = "linkedin";

export function matchesLocation(loc) {
  return /(^|\.)linkedin\.com$/i.test(loc.hostname);
}

/** The pages where a compose box is surely a message: an unrecognised one there is our miss. */
export function messagingPage(loc) {
  return matchesLocation(loc) && /^\/messaging(\/|$)/.test(loc.pathname);
}

const surfaceOf = (editor) => dom.surfaceOf(editor, SELECTORS.surfaces);

/** The compose box `el` is in (or is), or null when it is not one we coach. */
export function composerFor(el) {
  const editor = editingHost(el);
  return editor && surfaceOf(editor) ? editor : null;
}

/** Every compose box under `root`, open shadow roots included. */
export function findComposers(root) {
  // One selector at a time: some use the `i` flag, which not every engine parses.
  const each = SELECTORS.surfaces.flatMap((s) => s.editor.map((sel) => [sel]));
  return dom.composersIn(root, each, composerFor, { deep: true });
}

function containerOf(editor, surface) {
  for (const sel of surface.container) {
    const hit = closestDeep(editor, sel);
    if (hit) return hit;
  }
  return editor.parentElement;
}

export function kindOf(editor) {
  const surface = surfaceOf(editor);
  if (!surface) return null;
  if (surface.kind === "message") {
    const form = containerOf(editor, surface);
    if (first(form, SELECTORS.inmailSubject)) return "inmail";
  }
  return surface.kind;
}

function conversationOf(el) {
  return closestDeep(el, any(SELECTORS.conversation));
}

// Headers hold the name plus status text ("Active now", screen-reader hints) in child
// elements: take the element's own text, else its first child that has any.
function nameText(el) {
  if (!el) return "";
  const own = [...el.childNodes]
    .filter((n) => n.nodeType === 3)
    .map((n) => n.data)
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
  if (own) return own.slice(0, 120);
  for (const child of el.children) {
    if (child.matches('.visually-hidden, .a11y-text, [aria-hidden="true"], .msg-overlay-bubble-header__badge')) continue;
    const t = nameText(child);
    if (t) return t;
  }
  return "";
}

/** Facts the page shows about the person a conversation is with. */
function recipientInConversation(convo, doc) {
  const link = first(convo, SELECTORS.recipientLink);
  let profileUrl = link ? normalizeProfileUrl(link.getAttribute("href"), doc.baseURI) : null;
  const nameEl = first(convo, SELECTORS.recipientName);
  const name = nameText(nameEl) || nameText(link);
  if (!profileUrl) {
    // Fallback: the profile link of the first message the other person sent.
    const incoming = first(convo, SELECTORS.messageIncoming);
    const group = incoming && incoming.closest(".msg-s-message-group, li");
    const a = group && group.querySelector('a[href*="/in/"]');
    profileUrl = a ? normalizeProfileUrl(a.getAttribute("href"), doc.baseURI) : null;
  }
  const headline = text(first(convo, SELECTORS.recipientHeadline));
  return { profile_url: profileUrl, name: name || null, headline: headline || null };
}

function recipientOnProfilePage(doc) {
  const profileUrl = normalizeProfileUrl(doc.location ? doc.location.href : doc.baseURI);
  if (!profileUrl) return null;
  return {
    profile_url: profileUrl,
    name: text(first(doc, SELECTORS.profileName)) || null,
    headline: text(first(doc, SELECTORS.profileHeadline)) || null,
  };
}

/**
 * Remember whom a "Connect" button invites, so the note that follows knows its
 * recipient on search and "My network" pages (the dialog itself names nobody's URL).
 */
export function inviteHint(target, doc) {
  const button = target && closestDeep(target, SELECTORS.inviteButton);
  if (!button) return null;
  const m = button.getAttribute("aria-label").match(/^Invite (.+) to connect$/);
  let profileUrl = null;
  for (let up = button.parentElement, i = 0; up && i < 10 && !profileUrl; up = up.parentElement, i++) {
    const a = up.querySelector('a[href*="/in/"]');
    if (a) profileUrl = normalizeProfileUrl(a.getAttribute("href"), doc.baseURI);
  }
  return { profile_url: profileUrl, name: m ? m[1] : null, headline: null };
}

/**
 * Who `editor` writes to and where: `{kind, site, recipient, thread_url}`. `hint` is the
 * last invite button clicked (see inviteHint).
 */
export function describe(editor, doc = editor.ownerDocument, hint = null) {
  const kind = kindOf(editor);
  let recipient = null;
  let threadUrl = normalizeThreadUrl(doc.location ? doc.location.href : null);
  if (kind === "connection_note") {
    const onPage = recipientOnProfilePage(doc);
    recipient = hint && (hint.profile_url || !onPage) ? hint : onPage;
    if (!recipient || !recipient.name) {
      const dialog = closestDeep(editor, any(SELECTORS.surfaces[0].container));
      const m = text(dialog).match(/invitation to ([^.?!]+?)(?: by adding| by|[.?!])/i);
      if (m) recipient = { ...(recipient || { profile_url: null, headline: null }), name: m[1].trim() };
    }
    if (recipient && recipient.name && !recipient.profile_url) {
      // The Connect button was clicked before we were listening: find it by the name.
      const button = querySelectorAllDeep(doc, SELECTORS.inviteButton).find(
        (b) => b.getAttribute("aria-label") === `Invite ${recipient.name} to connect`,
      );
      const found = button && inviteHint(button, doc);
      if (found && found.profile_url) recipient = found;
    }
    threadUrl = null;
  } else if (kind === "message" || kind === "inmail") {
    const convo = conversationOf(editor);
    recipient = convo ? recipientInConversation(convo, doc) : null;
    if (!recipient || !recipient.profile_url) recipient = recipientOnProfilePage(doc) || recipient;
    const link = convo && first(convo, SELECTORS.threadLink);
    const fromBubble = link && normalizeThreadUrl(link.getAttribute("href"), doc.baseURI);
    if (convo && convo.matches(".msg-overlay-conversation-bubble")) threadUrl = fromBubble || null;
    else threadUrl = threadUrl || fromBubble || null;
  }
  return { kind, site, recipient, thread_url: threadUrl };
}

function isShown(el) {
  if (!el || el.hidden || el.disabled) return false;
  const style = el.ownerDocument.defaultView.getComputedStyle(el);
  return style.display !== "none" && style.visibility !== "hidden";
}

/** The buttons that send what `editor` holds. */
export function sendButtons(editor) {
  const surface = surfaceOf(editor);
  if (!surface) return [];
  const scope = containerOf(editor, surface);
  const found = new Set();
  for (const sel of surface.send) for (const b of scope.querySelectorAll(sel)) found.add(b);
  for (const b of scope.querySelectorAll("button")) {
    const label = (b.getAttribute("aria-label") || b.textContent || "").trim();
    if (/^(send|send now|send invitation|post|comment|reply)$/i.test(label)) found.add(b);
  }
  for (const sel of surface.enterToggle || []) for (const b of scope.querySelectorAll(sel)) found.delete(b);
  return [...found];
}

/** Whether a click on `target` sends `editor`'s draft. */
export function isSendClick(target, editor) {
  const button = target && closestDeep(target, "button");
  return Boolean(button) && !button.disabled && sendButtons(editor).includes(button);
}

/**
 * Whether a plain Enter sends the message: LinkedIn's "Press Enter to Send" mode shows no
 * send button, only the send-options toggle.
 */
export function enterSends(editor) {
  const kind = kindOf(editor);
  if (kind !== "message" && kind !== "inmail") return false;
  return !sendButtons(editor).some(isShown);
}

/**
 * The message lists of open threads and their items (see dom.messageListFunctions).
 * Lists nest (.msg-s-message-list > ul.msg-s-message-list-content): the outermost counts.
 * findMessageLists searches open shadow roots unless told `deep: false`, as the content
 * script does (it visits each shadow root on its own). Added nodes are matched against
 * the item selectors as one group: an added wrapper yields the <li>s and the events
 * inside them, and the nearest of either holds a node.
 */
export const { findMessageLists, messageItems, itemsIn, listContaining, itemContaining } = dom.messageListFunctions(
  SELECTORS,
  { deep: true, oneItemGroup: true },
);

function senderOf(item) {
  const own = first(item, SELECTORS.messageSender);
  if (own) return own;
  for (let prev = item.previousElementSibling, i = 0; prev && i < 50; prev = prev.previousElementSibling, i++) {
    const hit = first(prev, SELECTORS.messageSender);
    if (hit) return hit;
  }
  return null;
}

/**
 * What one message item says: `{id, incoming, text, time}`. The id comes from LinkedIn's
 * message urn when present, else from the thread, time and text, so a re-render of the
 * same message keeps its id.
 */
export function readMessage(item, recipient, threadKey = "") {
  const ev = eventOf(item);
  const urn = urnOf(item, ev);
  const body = text(first(ev, SELECTORS.messageBody) || ev);
  const time = text(first(item, SELECTORS.messageTime));
  let incoming;
  if (ev.matches(any(SELECTORS.messageIncoming)) || item.matches(any(SELECTORS.messageIncoming))) incoming = true;
  else if (ev.closest(any(SELECTORS.messageOwn))) incoming = false;
  else {
    const sender = senderOf(item);
    const href = sender && (sender.getAttribute("href") || (sender.querySelector("a") || {}).href);
    const senderUrl = href ? normalizeProfileUrl(href) : null;
    if (senderUrl && recipient && recipient.profile_url) incoming = senderUrl === recipient.profile_url;
    else incoming = Boolean(sender && recipient && recipient.name && text(sender) === recipient.name);
  }
  return { id: idFrom(urn, threadKey, time, body), incoming, text: body, time };
}

/**
 * The id readMessage would give `item`, read from its urn alone when it has one: taking
 * in a thread of 500 messages then costs one attribute lookup per message.
 */
export function messageId(item, threadKey = "") {
  const urn = urnOf(item, eventOf(item));
  return urn ? idFrom(urn) : readMessage(item, null, threadKey).id;
}

function eventOf(item) {
  return item.matches(any(SELECTORS.messageEvent)) ? item : first(item, SELECTORS.messageEvent) || item;
}

function urnOf(item, ev) {
  const urnEl = ev.hasAttribute("data-event-urn") ? ev : item.querySelector("[data-event-urn]");
  return urnEl ? urnEl.getAttribute("data-event-urn") : null;
}

function idFrom(urn, threadKey, time, body) {
  // The companion takes ids of up to 200 characters; a longer urn is hashed instead.
  if (urn) return urn.length <= 180 ? `linkedin-msg:${urn}` : `linkedin-msg:${hashString(urn)}`;
  return `linkedin-msg:${hashString(`${threadKey}\n${time}\n${body}`)}`;
}

/** Facts about the conversation a message list belongs to. */
export function describeThread(list, doc = list.ownerDocument) {
  const convo = conversationOf(list);
  const recipient = convo ? recipientInConversation(convo, doc) : null;
  const link = convo && first(convo, SELECTORS.threadLink);
  const threadUrl =
    (convo && !convo.matches(".msg-overlay-conversation-bubble") && normalizeThreadUrl(doc.location && doc.location.href)) ||
    (link && normalizeThreadUrl(link.getAttribute("href"), doc.baseURI)) ||
    null;
  return { site, recipient, thread_url: threadUrl };
}

/** Hosts whose open shadow roots hold LinkedIn's overlay UI (attached after insertion). */
export const shadowHosts = '#interop-outlet, [data-testid="interop-shadowdom"]';
