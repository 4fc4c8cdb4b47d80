// The send-time hold: a small prompt anchored to the send button that stops one send of
// a draft the coach already judged too soon or too pushy, and offers "Send anyway" and
// "Edit". The decision uses only the verdict already in hand, so a send never waits on
// the companion; "Send anyway" replays the user's own action (a click on the same button,
// or the same Enter on the same box), so the site sends exactly as it would have.
// Like the panel, the prompt lives in a shadow root on <body>, out of the site's reach.

import { el } from "./panel.js";

/** Extension storage keys of the per-verdict switches, and their defaults. */
export const HOLD_SWITCHES = {
  premature: "holdPremature",
  wait: "holdWait",
  pitch_heavy: "holdPitchHeavy",
};
export const HOLD_DEFAULTS = { holdPremature: true, holdWait: true, holdPitchHeavy: false };

/** What the user did after a hold, as recorded on the message_sent event. */
export const OUTCOME = { sentAnyway: "sent_anyway", edited: "edited" };

const FALLBACK_REASON = {
  premature: "It is too soon to pitch: wait a few days, and open with a question about them.",
  wait: "Your last message has no reply yet: wait, or add something of value instead of repeating.",
  pitch_heavy: "This reads like an elevator pitch: ask about them first.",
};

/** Whether `verdict` is held under `switches` (storage values over the defaults). */
export function holdsVerdict(verdict, switches = HOLD_DEFAULTS) {
  const key = HOLD_SWITCHES[verdict];
  if (!key) return false;
  return key in switches ? Boolean(switches[key]) : Boolean(HOLD_DEFAULTS[key]);
}

/** The one line the prompt shows: the analysis's own headline, else the verdict's gist. */
export function holdReason(verdict, headline) {
  const line = String(headline || "").trim();
  return line || FALLBACK_REASON[verdict] || "Take another look before you send this.";
}

const STYLE = `
:host { all: initial; }
.hold { box-sizing: border-box; width: 320px; max-width: calc(100vw - 16px);
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d2226; background: #fff;
  border: 1px solid #c9ced3; border-left: 4px solid #b42318; border-radius: 8px;
  box-shadow: 0 6px 20px rgba(0,0,0,.18); padding: 10px 12px; }
.title { margin: 0; font-weight: 600; }
.why { margin: 4px 0 8px; }
.actions { display: flex; gap: 8px; justify-content: flex-end; }
button { font: inherit; border-radius: 6px; padding: 3px 10px; cursor: pointer; border: 1px solid #d0d5dd;
  background: #f2f4f7; color: #344054; }
button.edit { background: #1570ef; border-color: #1570ef; color: #fff; }
button:focus-visible { outline: 2px solid #1570ef; outline-offset: 2px; }
`;

const GAP = 8;

/** The prompt itself. `show()` resolves with "send" or "edit" once the user chooses. */
export class HoldPrompt {
  constructor(doc) {
    this.doc = doc;
    this.view = doc.defaultView;
    this.host = null;
    this.anchor = null;
    this.resolve = null;
    this._place = () => this.place();
  }

  get open() {
    return Boolean(this.host);
  }

  show(anchor, reason) {
    this.close(null);
    const doc = this.doc;
    const host = doc.createElement("div");
    host.setAttribute("data-askfirst-hold", "");
    host.style.cssText = "position:fixed;z-index:2147483647;top:0;left:0;";
    const root = host.attachShadow({ mode: "open" });
    const send = el(doc, "button", { type: "button", class: "send", text: "Send anyway" });
    const edit = el(doc, "button", { type: "button", class: "edit", text: "Edit" });
    const box = el(doc, "div", { class: "hold", role: "alertdialog", "aria-labelledby": "t", "aria-describedby": "w" }, [
      el(doc, "p", { class: "title", id: "t", text: "Send this now?" }),
      el(doc, "p", { class: "why", id: "w", text: reason }),
      el(doc, "div", { class: "actions" }, [send, edit]),
    ]);
    root.append(el(doc, "style", { text: STYLE }), box);
    // The prompt's own clicks and keys are not the site's business.
    for (const type of ["click", "keydown", "mousedown", "pointerdown"]) {
      host.addEventListener(type, (e) => e.stopPropagation());
    }
    send.addEventListener("click", () => this.close("send"));
    edit.addEventListener("click", () => this.close("edit"));
    box.addEventListener("keydown", (e) => {
      if (e.key === "Escape") {
        e.preventDefault();
        this.close("edit");
      }
    });
    doc.body.append(host);
    this.host = host;
    this.anchor = anchor;
    this.place();
    this.view.addEventListener("resize", this._place, { passive: true });
    this.view.addEventListener("scroll", this._place, { passive: true, capture: true });
    // Focus goes to the safe choice: a second impatient Enter edits, it does not send.
    edit.focus({ preventScroll: true });
    return new Promise((resolve) => {
      this.resolve = resolve;
    });
  }

  /** Above the send button, right edges aligned; below it when there is no room above. */
  place() {
    if (!this.host || !this.anchor) return;
    const view = this.view;
    const r = this.anchor.getBoundingClientRect();
    const box = this.host.getBoundingClientRect();
    const width = box.width || 320;
    const height = box.height || 100;
    let top = r.top - height - GAP;
    if (top < GAP) top = r.bottom + GAP;
    top = Math.max(GAP, Math.min(top, view.innerHeight - height - GAP));
    const left = Math.max(GAP, Math.min(r.right - width, view.innerWidth - width - GAP));
    this.host.style.top = `${Math.round(top)}px`;
    this.host.style.left = `${Math.round(left)}px`;
  }

  /** Close with `choice` ("send", "edit", or null when dismissed by the coach). */
  close(choice) {
    if (!this.host) return;
    this.view.removeEventListener("resize", this._place);
    this.view.removeEventListener("scroll", this._place, { capture: true });
    this.host.remove();
    this.host = null;
    this.anchor = null;
    const resolve = this.resolve;
    this.resolve = null;
    if (resolve) resolve(choice);
  }
}

/** A KeyboardEvent like `e`, to replay an Enter the user pressed. */
export function replayKey(view, e) {
  const init = {
    key: e.key,
    code: e.code,
    location: e.location,
    ctrlKey: e.ctrlKey,
    metaKey: e.metaKey,
    shiftKey: e.shiftKey,
    altKey: e.altKey,
    keyCode: e.keyCode,
    which: e.which,
    bubbles: true,
    cancelable: true,
    composed: true,
  };
  const out = new view.KeyboardEvent(e.type, init);
  // Older handlers still read keyCode/which, which some engines ignore in the init dict.
  for (const k of ["keyCode", "which"]) {
    if (out[k] !== e[k]) Object.defineProperty(out, k, { value: e[k] });
  }
  return out;
}

/** Put the caret at the end of a compose box (textarea or contenteditable). */
export function focusEnd(editor) {
  editor.focus({ preventScroll: false });
  if (editor.tagName === "TEXTAREA" || editor.tagName === "INPUT") {
    const n = editor.value.length;
    editor.setSelectionRange(n, n);
    return;
  }
  const doc = editor.ownerDocument;
  const sel = doc.getSelection && doc.getSelection();
  if (!sel) return;
  const range = doc.createRange();
  range.selectNodeContents(editor);
  range.collapse(false);
  sel.removeAllRanges();
  sel.addRange(range);
}
