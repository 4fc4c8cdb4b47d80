// The panel beside the compose box. Its host element is appended to <body> — never
// inside the editor, whose DOM belongs to the site's editor framework — and positioned
// with `position: fixed` next to the box. Everything visible lives in a shadow root, so
// the site's CSS cannot reach it and its CSS cannot reach the site. It never calls
// focus(), and a mouse press on it does not take focus away from the editor.

import { mapSpan } from "./spans.js";

export const VERDICT_LABELS = {
  premature: "Too soon to pitch",
  wait: "Wait before following up",
  pitch_heavy: "Reads like a pitch",
  ask_first: "Ask about them first",
  ok: "Looks good",
};

const SEVERITY_ORDER = { stop: 0, warn: 1, info: 2 };
const MAX_FINDINGS = 3;
const CONTEXT_CHARS = 24;

export const OFFLINE_FIX = "Start the companion: askfirst serve, then pair in the extension's options.";

const STYLE = `
:host { all: initial; }
.card { box-sizing: border-box; font: 13px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif;
  color: #1d2226; background: #fff; border: 1px solid #c9ced3; border-left: 4px solid var(--tone);
  border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.14); padding: 8px 10px; max-height: 45vh; overflow: auto; }
.card[data-tone="stop"] { --tone: #b42318; }
.card[data-tone="warn"] { --tone: #b54708; }
.card[data-tone="ok"] { --tone: #067647; }
.card[data-tone="quiet"] { --tone: #667085; }
header { display: flex; align-items: center; gap: 8px; }
.title { font-weight: 600; flex: 1; }
.score { color: #475467; font-size: 12px; white-space: nowrap; }
button { font: inherit; font-size: 12px; color: #344054; background: #f2f4f7; border: 1px solid #d0d5dd;
  border-radius: 6px; padding: 1px 8px; cursor: pointer; }
button:focus-visible { outline: 2px solid #1570ef; outline-offset: 1px; }
.headline { margin: 6px 0 0; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
ol { margin: 6px 0 0; padding-left: 18px; }
li { margin: 4px 0; }
li p { margin: 2px 0; }
.quote { color: #475467; }
mark { background: #fef0c7; color: inherit; border-radius: 2px; padding: 0 1px; }
.suggestion { color: #344054; }
.suggestion::before { content: "Try: "; font-weight: 600; }
.body[hidden] { display: none; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

function el(doc, tag, attrs = {}, children = []) {
  const node = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "text") node.textContent = v;
    else node.setAttribute(k, v);
  }
  for (const c of children) if (c) node.append(c);
  return node;
}

/** Findings worth showing, most severe first; `info` tips only when nothing else fired. */
export function topFindings(findings) {
  const sorted = [...(findings || [])].sort(
    (a, b) => (SEVERITY_ORDER[a.severity] ?? 3) - (SEVERITY_ORDER[b.severity] ?? 3),
  );
  const serious = sorted.filter((f) => f.severity === "stop" || f.severity === "warn");
  return (serious.length ? serious : sorted).slice(0, MAX_FINDINGS);
}

/** `…context <mark>phrase</mark> context…` for one span of the draft. */
function quoteNode(doc, draft, span) {
  const p = el(doc, "p", { class: "quote" });
  const mapped = mapSpan(draft, span);
  if (!mapped) {
    if (span && span.quote) p.append("“", el(doc, "mark", { text: span.quote }), "”");
    return span && span.quote ? p : null;
  }
  let from = Math.max(0, mapped.start - CONTEXT_CHARS);
  let to = Math.min(draft.length, mapped.end + CONTEXT_CHARS);
  // Never cut a surrogate pair in half at the edges of the context.
  if (from > 0 && /[\udc00-\udfff]/.test(draft[from])) from -= 1;
  if (to < draft.length && /[\udc00-\udfff]/.test(draft[to])) to += 1;
  const before = draft.slice(from, mapped.start).replace(/\s+/g, " ");
  const after = draft.slice(mapped.end, to).replace(/\s+/g, " ");
  p.append(from > 0 ? "…" : "", before, el(doc, "mark", { text: mapped.text }), after, to < draft.length ? "…" : "");
  return p;
}

function toneOf(verdict, findings) {
  if (verdict === "ok") return "ok";
  if (verdict === "premature" || (findings || []).some((f) => f.severity === "stop")) return "stop";
  return "warn";
}

export class Panel {
  /** @param {Document} doc */
  constructor(doc) {
    this.doc = doc;
    this.anchor = null;
    this.collapsed = false;
    this.host = el(doc, "div", { "data-askfirst-panel": "" });
    // Inline styles on the host beat the site's stylesheet without touching it.
    this.host.style.cssText =
      "position:fixed;z-index:2147483000;width:340px;max-width:calc(100vw - 16px);top:0;left:0;display:none;margin:0;padding:0;border:0;";
    this.root = this.host.attachShadow({ mode: "open" });
    this.root.append(el(doc, "style", { text: STYLE }));
    this.card = el(doc, "section", { class: "card", "aria-label": "Ask First", "data-tone": "quiet" });
    this.title = el(doc, "span", { class: "title" });
    this.score = el(doc, "span", { class: "score" });
    this.toggle = el(doc, "button", { type: "button", "aria-expanded": "true", text: "Hide" });
    this.status = el(doc, "p", { class: "headline", role: "status", "aria-live": "polite" });
    this.list = el(doc, "ol", { class: "findings", "aria-label": "What to change" });
    this.body = el(doc, "div", { class: "body", id: "askfirst-body" }, [this.status, this.list]);
    this.toggle.setAttribute("aria-controls", "askfirst-body");
    this.card.append(el(doc, "header", {}, [this.title, this.score, this.toggle]), this.body);
    this.root.append(this.card);
    // A press on the panel must not move focus out of the editor mid-sentence.
    this.card.addEventListener("mousedown", (e) => e.preventDefault());
    this.toggle.addEventListener("click", () => this.setCollapsed(!this.collapsed));
    this._onViewport = () => this.schedulePosition();
  }

  setCollapsed(collapsed) {
    this.collapsed = collapsed;
    this.body.hidden = collapsed;
    this.toggle.setAttribute("aria-expanded", String(!collapsed));
    this.toggle.textContent = collapsed ? "Show" : "Hide";
    this.schedulePosition();
  }

  /** Place the panel beside `anchor` (the compose box) and keep it there. */
  attachTo(anchor) {
    this.anchor = anchor;
    if (!this.host.isConnected) {
      (this.doc.body || this.doc.documentElement).append(this.host);
      const view = this.doc.defaultView;
      view.addEventListener("scroll", this._onViewport, { passive: true, capture: true });
      view.addEventListener("resize", this._onViewport, { passive: true });
    }
    this.schedulePosition();
  }

  /** Show one analysis result for `draft` (the exact text that was analysed). */
  showResult(result, draft) {
    const doc = this.doc;
    const verdict = result.verdict;
    this.host.removeAttribute("data-askfirst-offline");
    this.host.setAttribute("data-askfirst-verdict", verdict);
    this.host.setAttribute("data-askfirst-score", String(result.score));
    this.card.dataset.tone = toneOf(verdict, result.findings);
    this.title.textContent = VERDICT_LABELS[verdict] || verdict;
    this.score.textContent = `pitch ${result.score}/100`;
    this.score.setAttribute("aria-label", `Pitch score ${result.score} out of 100`);
    const headline = result.headline || "";
    // Only a changed message is announced: the live region is not rewritten per keystroke.
    // The verdict's name is read out with it but not shown twice (the title shows it).
    const label = VERDICT_LABELS[verdict] || verdict;
    if (this.status.textContent !== `${label}. ${headline}`) {
      this.status.replaceChildren(el(doc, "span", { class: "sr-only", text: `${label}. ` }), headline);
    }
    const items = topFindings(result.findings).map((f) => {
      const li = el(doc, "li", { "data-rule": f.rule || "", "data-severity": f.severity || "" });
      li.append(el(doc, "p", { class: "message", text: f.message || "" }));
      for (const span of (f.spans || []).slice(0, 2)) {
        const q = quoteNode(doc, draft, span);
        if (q) li.append(q);
      }
      if (f.suggestion) li.append(el(doc, "p", { class: "suggestion", text: f.suggestion }));
      return li;
    });
    this.list.replaceChildren(...(verdict === "ok" ? items.slice(0, 1) : items));
    this.host.style.display = "block";
    this.schedulePosition();
  }

  /**
   * Say, once and quietly, that the companion cannot be reached (or is not paired) and
   * how to fix it. Later calls keep the state but do not re-open a collapsed notice.
   */
  showOffline(reason = "down") {
    const first = !this.host.hasAttribute("data-askfirst-offline");
    this.host.removeAttribute("data-askfirst-verdict");
    this.host.removeAttribute("data-askfirst-score");
    this.host.setAttribute("data-askfirst-offline", reason);
    this.card.dataset.tone = "quiet";
    this.title.textContent = reason === "unpaired" ? "Ask First is not paired" : "Ask First is offline";
    this.score.textContent = "";
    this.score.removeAttribute("aria-label");
    const message = reason === "unpaired" ? "Pair the extension with the companion in its options." : OFFLINE_FIX;
    if (this.status.textContent !== message) this.status.textContent = message;
    this.list.replaceChildren();
    if (first) this.host.style.display = "block";
    this.schedulePosition();
  }

  /** Nothing to say (empty draft): hide, but stay attached for the next result. */
  clear() {
    this.host.removeAttribute("data-askfirst-verdict");
    this.host.removeAttribute("data-askfirst-score");
    this.host.style.display = "none";
  }

  get visible() {
    return this.host.style.display !== "none";
  }

  destroy() {
    const view = this.doc.defaultView;
    view.removeEventListener("scroll", this._onViewport, { capture: true });
    view.removeEventListener("resize", this._onViewport);
    this.host.remove();
    this.anchor = null;
  }

  schedulePosition() {
    if (this._positionQueued) return;
    this._positionQueued = true;
    const view = this.doc.defaultView;
    const run = () => {
      this._positionQueued = false;
      this.position();
    };
    if (view.requestAnimationFrame) view.requestAnimationFrame(run);
    else setTimeout(run, 0);
  }

  /** Above the box's right edge when there is room, else below it; inside the viewport. */
  position() {
    if (!this.anchor || !this.visible) return;
    if (!this.anchor.isConnected) {
      this.host.style.display = "none";
      return;
    }
    const view = this.doc.defaultView;
    const box = this.anchor.getBoundingClientRect();
    const own = this.host.getBoundingClientRect();
    const width = own.width || 340;
    const height = own.height || 0;
    const vw = view.innerWidth || 1024;
    const vh = view.innerHeight || 768;
    const gap = 8;
    let left = Math.min(Math.max(gap, box.right - width), vw - width - gap);
    let top = box.top - height - gap;
    if (top < gap) top = Math.min(box.bottom + gap, vh - height - gap);
    left = Math.max(gap, left);
    top = Math.max(gap, top);
    this.host.style.left = `${Math.round(left)}px`;
    this.host.style.top = `${Math.round(top)}px`;
  }
}
