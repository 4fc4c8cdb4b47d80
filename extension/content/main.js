// Wiring: which compose box is active, when to ask for an analysis, what to show, and
// which events to report. Listeners sit on the document in the capture phase and are
// passive: the site's own handlers run exactly as before, and no keystroke waits on us.
// Events from inside open shadow roots reach the document retargeted to their host, so
// composedPath()[0] (deepTarget) recovers the real compose box.
// The one exception is the send-time hold (hold.js): a send of a draft already judged
// too soon is stopped once, on the window, before the site or our own listeners see it.

import { editableBox, skeleton } from "../lib/skeleton.js";
import { Panel } from "./panel.js";
import { HOLD_DEFAULTS, HOLD_SWITCHES, HoldPrompt, OUTCOME, focusEnd, holdReason, holdsVerdict, replayKey } from "./hold.js";
import { DeepObserver, closestDeep, deepActiveElement, deepTarget } from "./shadow.js";

export const DEBOUNCE_MS = 250;
// After Enter, a send shows as the box emptying; wait this long before deciding.
const SEND_CONFIRM_MS = 600;
// More new items than this at once is a thread (re)loading, not messages arriving.
const ARRIVAL_BURST = 5;
// Shadow roots attached after their host was inserted produce no mutation: look again.
const SHADOW_RECHECK_MS = 2000;
// A verdict still stands for a send if the draft only grew by this much since it was
// judged (the last word typed within the pause); the send never waits for a new one.
const HOLD_STALE_CHARS = 16;

/**
 * The content script's brain, for one page and one site adapter. `transport` carries
 * messages to the background service worker: `analyze(draft)` and `event(event)`, both
 * returning promises of `{ok, result?, offline?, reason?}`.
 */
export class Coach {
  constructor(doc, adapter, transport, { debounceMs = DEBOUNCE_MS, now = () => new Date(), newId, holds } = {}) {
    this.doc = doc;
    this.view = doc.defaultView;
    this.adapter = adapter;
    this.transport = transport;
    this.debounceMs = debounceMs;
    this.now = now;
    this.newId = newId || (() => this.view.crypto.randomUUID());
    this.panel = new Panel(doc);
    this.editor = null;
    this.timer = null;
    this.seq = 0;
    this.last = null; // {text, verdict, score, asked, headline} of the newest result shown
    this.lastSent = null; // {text, at} to report one send once (Enter, then a click)
    this.hint = null; // the last "Invite … to connect" button clicked
    this.lists = new WeakMap(); // message list -> {seen: Set<id>, seenEls: WeakSet, key}
    this.listRefs = new Set();
    this.onTiming = null; // test hook: (ms from last input to result shown) => void
    this.lastInputAt = 0;
    this.holds = { ...HOLD_DEFAULTS, ...(holds || {}) }; // per-verdict switches (storage keys)
    this.prompt = new HoldPrompt(doc);
    this.held = new WeakMap(); // editor -> {outcome}: this draft was held once already
    this.replaying = false; // "Send anyway" is replaying the user's own send
    this.confirming = false; // ...one whose report waits for the box to empty
    this._holdHandlers = {
      keydown: (e) => this.onSendIntent(e),
      click: (e) => this.onSendIntent(e),
    };
    this._handlers = {
      focusin: (e) => this.onFocus(e),
      input: (e) => this.onInput(e),
      keydown: (e) => this.onKeydown(e),
      click: (e) => this.onClick(e),
    };
  }

  start() {
    for (const [type, fn] of Object.entries(this._handlers)) {
      this.doc.addEventListener(type, fn, { capture: true, passive: true });
    }
    for (const [type, fn] of Object.entries(this._holdHandlers)) this.view.addEventListener(type, fn, { capture: true });
    this.observer = new DeepObserver(this.doc, (nodes, roots, removed) => this.onAdded(nodes, roots, removed), {
      ignore: (el) => el === this.panel.host, // our own panel's changes are not the site's
    });
    for (const root of this.observer.start()) this.scanLists(root);
    this.recheck = this.view.setInterval(() => this.recheckShadowHosts(), SHADOW_RECHECK_MS);
    const active = deepActiveElement(this.doc);
    const editor = active && this.adapter.composerFor(active);
    if (editor) this.activate(editor, true);
    return this;
  }

  stop() {
    for (const [type, fn] of Object.entries(this._handlers)) this.doc.removeEventListener(type, fn, { capture: true });
    for (const [type, fn] of Object.entries(this._holdHandlers)) this.view.removeEventListener(type, fn, { capture: true });
    this.prompt.close(null);
    if (this.observer) this.observer.stop();
    this.view.clearInterval(this.recheck);
    this.view.clearTimeout(this.timer);
    this.panel.destroy();
  }

  // --- compose boxes -------------------------------------------------------------

  editorFrom(event) {
    return this.adapter.composerFor(deepTarget(event));
  }

  onFocus(event) {
    // The composed path names every open shadow root on the way: observe them.
    for (const node of event.composedPath ? event.composedPath() : []) {
      if (node && node.host && node.nodeType === 11) for (const root of this.observer.observeTree(node)) this.scanLists(root);
    }
    const editor = this.editorFrom(event);
    if (editor) this.activate(editor, true);
  }

  onInput(event) {
    const editor = this.editorFrom(event);
    if (!editor) {
      this.noticeUnknown(deepTarget(event));
      return;
    }
    this.activate(editor, false);
    if (this.prompt.open && this.held.has(editor)) this.prompt.close("edit"); // typing is editing
    this.lastInputAt = this.view.performance.now();
    this.schedule();
  }

  activate(editor, analyzeNow) {
    if (this.editor === editor) return;
    this.editor = editor;
    this.tellComposer({ recognised: true });
    this.last = null;
    this.seq += 1; // answers about the previous box are stale now
    this.panel.clear();
    this.panel.attachTo(editor);
    if (analyzeNow && this.adapter.readDraft(editor).trim()) this.schedule();
  }

  /**
   * Typing into a box no adapter selector matched, on a page where it can only be a
   * message: tell the background (once per box), with the page's structure around it
   * for a bug report, so the popup can say Ask First cannot see this message box.
   */
  noticeUnknown(target) {
    const box = editableBox(target);
    if (!box || !this.adapter.messagingPage || !this.adapter.messagingPage(this.doc.location)) return;
    if (deepActiveElement(this.doc) !== box && !box.contains(deepActiveElement(this.doc))) return;
    this.unknownBoxes = this.unknownBoxes || new WeakSet();
    if (this.unknownBoxes.has(box)) return;
    this.unknownBoxes.add(box);
    this.tellComposer({ recognised: false, site: this.adapter.site, skeleton: skeleton(box) });
  }

  tellComposer(report) {
    if (report.recognised && this.toldRecognised) return;
    if (report.recognised) this.toldRecognised = true;
    if (this.transport.composer) Promise.resolve(this.transport.composer(report)).catch(() => {});
  }

  schedule() {
    this.view.clearTimeout(this.timer);
    this.timer = this.view.setTimeout(() => this.analyze(), this.debounceMs);
  }

  async analyze() {
    const editor = this.editor;
    if (!editor || !editor.isConnected) return;
    const text = this.adapter.readDraft(editor);
    const seq = ++this.seq;
    if (!text.trim()) {
      this.last = null;
      this.held.delete(editor); // an emptied box starts a new draft
      this.panel.clear();
      return;
    }
    const facts = this.adapter.describe(editor, this.doc, this.hint);
    const draft = { text, kind: facts.kind, site: facts.site, recipient: facts.recipient };
    let reply;
    try {
      reply = await this.transport.analyze(draft);
    } catch (err) {
      reply = { ok: false, offline: true, reason: "down", message: String(err) };
    }
    if (seq !== this.seq || editor !== this.editor) return; // a newer draft wins
    if (reply && reply.ok) {
      const metrics = reply.result.metrics || {};
      this.last = {
        text,
        verdict: reply.result.verdict,
        score: reply.result.score,
        headline: reply.result.headline,
        asked: typeof metrics.questions_about_them === "number" ? metrics.questions_about_them > 0 : undefined,
      };
      this.panel.showResult(reply.result, text);
      if (this.onTiming && this.lastInputAt) this.onTiming(this.view.performance.now() - this.lastInputAt);
    } else if (reply && reply.offline) {
      this.last = null;
      // The reply also carries the background's diagnosis: {state, message, fix}.
      this.panel.showOffline(reply.reason === "unpaired" ? "unpaired" : "down", reply);
    } else {
      // The companion refused this draft (too long, unsupported): say nothing rather than guess.
      this.last = null;
      this.panel.clear();
    }
  }

  // --- sending ---------------------------------------------------------------------

  /**
   * A send about to happen (Enter where Enter sends, or a click on a send button): hold it
   * once when the verdict in hand says so, and let "Send anyway" replay the very same
   * action. Runs on the window in the capture phase, ahead of the site's handlers.
   */
  onSendIntent(event) {
    if (this.replaying) return;
    let editor;
    let anchor = null;
    let replay;
    if (event.type === "keydown") {
      if (event.key !== "Enter" || event.shiftKey || event.isComposing || event.altKey) return;
      if (event.ctrlKey || event.metaKey) return; // whether that sends is the site's setting: no hold
      editor = this.editorFrom(event);
      if (!editor || !this.adapter.enterSends(editor)) return;
      const target = deepTarget(event);
      // A replayed key is untrusted and a site may ignore it, so a click on the visible send
      // button comes first, and the send counts only once the box empties.
      replay = (text) => {
        this.confirming = true;
        try {
          const button = this.visibleSendButton(editor);
          if (button) button.click();
          else {
            focusEnd(editor);
            target.dispatchEvent(replayKey(this.view, event));
          }
        } finally {
          this.confirming = false;
        }
        this.confirmSend(editor, text);
      };
    } else {
      editor = this.editor;
      const target = deepTarget(event);
      if (!editor || !editor.isConnected || !this.adapter.isSendClick(target, editor)) return;
      anchor = closestDeep(target, 'button, [role="button"]') || target;
      replay = () => anchor.click();
    }
    if (this.held.has(editor)) return; // never twice for the same draft
    const text = this.adapter.readDraft(editor);
    if (!text.trim()) return;
    const known = this.verdictInHand(editor, text);
    if (!known || !holdsVerdict(known.verdict, this.holds)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    const state = { outcome: null };
    this.held.set(editor, state);
    anchor = anchor || this.visibleSendButton(editor) || editor;
    this.prompt.show(anchor, holdReason(known.verdict, known.headline)).then((choice) => {
      if (choice === "send") {
        state.outcome = OUTCOME.sentAnyway;
        this.replaying = true;
        try {
          replay(text);
        } finally {
          this.replaying = false;
        }
      } else if (choice === "edit") {
        state.outcome = OUTCOME.edited;
        if (editor.isConnected) focusEnd(editor);
      }
    });
  }

  /** The verdict already shown for this draft, or null: a send never waits for a new one. */
  verdictInHand(editor, text) {
    const last = this.last;
    if (!last || editor !== this.editor) return null;
    const now = text.trim();
    const judged = last.text.trim();
    if (now === judged) return last;
    if (now.startsWith(judged) && now.length - judged.length <= HOLD_STALE_CHARS) return last;
    return null;
  }

  visibleSendButton(editor) {
    const buttons = this.adapter.sendButtons ? this.adapter.sendButtons(editor) : [];
    return buttons.find((b) => b.isConnected && b.getClientRects().length > 0) || null;
  }

  onKeydown(event) {
    if (this.confirming) return; // a replayed send counts once the box empties
    if (event.key !== "Enter" || event.shiftKey || event.isComposing || event.altKey) return;
    const editor = this.editorFrom(event);
    if (!editor) return;
    const text = this.adapter.readDraft(editor);
    if (!text.trim()) return;
    if (!event.ctrlKey && !event.metaKey && this.adapter.enterSends(editor)) {
      this.reportSend(editor, text);
      return;
    }
    // Otherwise Enter may or may not send (Ctrl+Enter, custom settings).
    this.confirmSend(editor, text);
  }

  /**
   * Report `text` as sent if the box empties (or goes away) right after: proof the site sent
   * it. The verdict and hold are taken now, as the emptied box forgets them.
   */
  confirmSend(editor, text) {
    const seen = { held: this.held.get(editor), known: this.last && this.last.text === text ? this.last : null };
    this.view.setTimeout(() => {
      if (!editor.isConnected || !this.adapter.readDraft(editor).trim()) this.reportSend(editor, text, seen);
    }, SEND_CONFIRM_MS);
  }

  onClick(event) {
    const target = deepTarget(event);
    const hint = this.adapter.inviteHint ? this.adapter.inviteHint(target, this.doc) : null;
    if (hint) this.hint = hint;
    if (this.confirming) return; // a replayed send counts once the box empties
    const editor = this.editor;
    if (!editor || !editor.isConnected || !this.adapter.isSendClick(target, editor)) return;
    const text = this.adapter.readDraft(editor);
    if (text.trim()) this.reportSend(editor, text);
  }

  reportSend(editor, text, seen = null) {
    const at = this.now();
    if (this.lastSent && this.lastSent.text === text && at - this.lastSent.at < 2000) return;
    this.lastSent = { text, at };
    const held = seen ? seen.held : this.held.get(editor);
    if (held) {
      if (this.held.get(editor) === held) this.held.delete(editor); // sent: the next draft may be held again
      this.prompt.close(null);
    }
    const facts = this.adapter.describe(editor, this.doc, this.hint);
    if (!["message", "inmail", "connection_note"].includes(facts.kind)) return;
    if (!facts.recipient || !facts.recipient.profile_url) return;
    const known = seen ? seen.known : this.last && this.last.text === text ? this.last : null;
    const event = {
      id: this.newId(),
      type: "message_sent",
      at: at.toISOString(),
      site: facts.site,
      recipient: facts.recipient,
      text,
    };
    if (known) {
      event.verdict = known.verdict;
      event.score = known.score;
      if (known.asked !== undefined) event.asked = known.asked;
    }
    // After a hold: what the user chose (a send while the prompt is still open is "anyway").
    if (held) event.hold = held.outcome || OUTCOME.sentAnyway;
    if (facts.thread_url) event.thread_url = facts.thread_url;
    this.sendEvent(event);
  }

  sendEvent(event) {
    Promise.resolve(this.transport.event(event)).catch(() => {});
  }

  // --- incoming messages ------------------------------------------------------------

  /**
   * A batch of added elements (the outermost of each insertion) and new shadow roots, in
   * idle time. The work is proportional to what was added: a message arriving in a thread
   * of 500 reads one message, not 500.
   */
  onAdded(nodes, roots, removed) {
    for (const root of roots) this.scanLists(root);
    if (this.editor && !this.editor.isConnected) {
      this.editor = null;
      this.panel.clear();
    }
    if (!this.adapter.findMessageLists) return;
    const touched = new Map();
    const listOfParent = new Map(); // siblings added together share one lookup
    for (const node of nodes) {
      if (!node.isConnected) continue;
      if (this.editor && this.editor.contains(node)) continue; // typing: nothing to see
      const lists = this.adapter.findMessageLists(node, { deep: false });
      const parent = node.parentNode;
      if (!listOfParent.has(parent)) listOfParent.set(parent, this.adapter.listContaining(node));
      const own = listOfParent.get(parent);
      if (own && this.lists.has(own)) {
        const items = this.adapter.itemsIn(node);
        const inside = items.length ? items : [this.adapter.itemContaining(node)].filter(Boolean);
        if (!touched.has(own)) touched.set(own, []);
        touched.get(own).push(...inside);
      }
      for (const list of lists) this.snapshot(list);
    }
    for (const [list, items] of touched) this.arrivals(list, items);
    if (removed) for (const list of this.listRefs) if (!list.isConnected) this.listRefs.delete(list);
  }

  /** Take in the message lists directly under `root` (each open shadow root is scanned on its own). */
  scanLists(root) {
    if (!this.adapter.findMessageLists) return;
    for (const list of this.adapter.findMessageLists(root, { deep: false })) if (!this.lists.has(list)) this.snapshot(list);
  }

  recheckShadowHosts() {
    for (const host of this.doc.querySelectorAll(this.adapter.shadowHosts || "#interop-outlet")) {
      if (host.shadowRoot) for (const root of this.observer.observeTree(host.shadowRoot)) this.scanLists(root);
    }
  }

  /** Everything already in a thread when it opens is history, not news. */
  snapshot(list, thread = this.adapter.describeThread(list, this.doc)) {
    const key = threadKey(thread);
    const state = { seen: new Set(), seenEls: new WeakSet(), key };
    this.remember(state, this.adapter.messageItems(list), thread);
    this.lists.set(list, state);
    this.listRefs.add(list);
  }

  remember(state, items, thread) {
    // Only the ids matter here; an adapter may know them without reading whole messages.
    const idOf = this.adapter.messageId
      ? (item) => this.adapter.messageId(item, state.key)
      : (item) => this.adapter.readMessage(item, thread.recipient, state.key).id;
    for (const item of items) {
      state.seenEls.add(item);
      state.seen.add(idOf(item));
    }
  }

  arrivals(list, items) {
    const state = this.lists.get(list);
    const thread = this.adapter.describeThread(list, this.doc);
    const key = threadKey(thread);
    const fresh = [...new Set(items)].filter((item) => !state.seenEls.has(item));
    if (key !== state.key) {
      this.snapshot(list, thread); // another thread in the same list: its history is not news
      return;
    }
    if (fresh.length > ARRIVAL_BURST) {
      this.remember(state, fresh, thread); // the thread (re)loading: report nothing
      return;
    }
    for (const item of fresh) {
      // Older messages loaded above the ones on screen are history too.
      let trailing = true;
      for (let n = item.nextElementSibling; n; n = n.nextElementSibling) {
        if (state.seenEls.has(n)) {
          trailing = false;
          break;
        }
      }
      state.seenEls.add(item);
      const msg = this.adapter.readMessage(item, thread.recipient, key);
      if (state.seen.has(msg.id)) continue;
      state.seen.add(msg.id);
      if (!trailing || !msg.incoming || !msg.text) continue;
      if (!thread.recipient || !thread.recipient.profile_url) continue;
      const event = {
        id: msg.id,
        type: "message_received",
        at: this.now().toISOString(),
        site: thread.site,
        recipient: thread.recipient,
        text: msg.text,
      };
      if (thread.thread_url) event.thread_url = thread.thread_url;
      this.sendEvent(event);
    }
  }
}

function threadKey(thread) {
  return `${thread.thread_url || ""}|${(thread.recipient && thread.recipient.profile_url) || ""}`;
}

/** Messages to the background service worker, the only part that talks to the companion. */
export function runtimeTransport(runtime) {
  const ask = (message) =>
    runtime.sendMessage(message).then(
      (reply) => reply || { ok: false, offline: true, reason: "down" },
      (err) => ({ ok: false, offline: true, reason: "down", message: String(err) }),
    );
  return {
    analyze: (draft) => ask({ type: "analyze", draft }),
    event: (event) => ask({ type: "event", event }),
    config: () => ask({ type: "config" }),
    composer: (report) => ask({ type: "composer", ...report }),
  };
}

/** Entry point for the content script loader: pick the adapter for this page, start. */
export async function boot(adapters, doc = document) {
  const api = globalThis.browser && globalThis.browser.runtime ? globalThis.browser : globalThis.chrome;
  const adapter = adapters.find((a) => a.matchesLocation(doc.location));
  if (!adapter) return null;
  const transport = runtimeTransport(api.runtime);
  const config = await transport.config();
  if (config && config.ok && config.sites && config.sites[adapter.site] === false) return null;
  const storage = api.storage && api.storage.local;
  const holds = storage ? await storage.get(HOLD_DEFAULTS).catch(() => HOLD_DEFAULTS) : HOLD_DEFAULTS;
  const coach = new Coach(doc, adapter, transport, { holds }).start();
  if (api.storage && api.storage.onChanged) {
    // The options page flips a switch: it applies to the next send, no reload needed.
    api.storage.onChanged.addListener((changes, area) => {
      if (area !== "local") return;
      for (const key of Object.values(HOLD_SWITCHES)) {
        if (key in changes) coach.holds[key] = changes[key].newValue ?? HOLD_DEFAULTS[key];
      }
    });
  }
  return coach;
}
