// The panel beside the compose box: a small badge (verdict colour, a short label, the
// score) that opens into a card with every finding. Its host element is appended to
// <body> — never inside the editor, whose DOM belongs to the site's editor framework —
// and positioned with `position: fixed` beside the box, where it covers neither the box,
// nor the conversation's header, nor the site's buttons (see placeBox). Everything
// visible lives in a shadow root, so the site's CSS cannot reach it and its CSS cannot
// reach the site. It never takes focus by itself: a press on its buttons leaves the caret
// in the editor, and only the keyboard shortcut (or Tab, once inside) moves focus into it.

import { mapSpan, wordContext } from "./spans.js";

// What users see: the same names as in the README's table of verdicts.
export const VERDICT_LABELS = {
  premature: "Too soon to pitch",
  wait: "Wait before following up",
  pitch_heavy: "Reads like a pitch",
  ask_first: "Ask about them first",
  ok: "Looks good",
};

// A draft judged `ok` can still carry a warning; the badge then names it.
const RULE_LABELS = {
  "greeting.wrong_name": "Wrong name?",
};

// Alt+Shift+A (Option+Shift+A on a Mac), read from the physical key so it works with any
// keyboard layout: opens the card; pressed again, moves focus into it; from the card,
// returns to the message. Escape in the card returns to the message too.
export const SHORTCUT = { code: "KeyA", altKey: true, shiftKey: true, label: "Alt+Shift+A" };

// Colours: white text on each tone, and each tone as text on white, are at least 4.5:1
// (WCAG AA for normal text); tests/js/panel.test.js computes the ratios.
export const TONES = {
  stop: "#b42318",
  warn: "#93370d",
  ok: "#067647",
  quiet: "#475467",
};
export const INK = { text: "#1d2226", muted: "#475467", background: "#ffffff", mark: "#fef0c7" };

const SEVERITY_ORDER = { stop: 0, warn: 1, info: 2 };
const CARD_WIDTH = 380;
const NARROW_CARD_WIDTHS = [320, 270];
const GAP = 6;

export const OFFLINE_FIX = "Start the companion: askfirst serve, then pair in the extension's options.";
const UNPAIRED_FIX = "Pair the extension with the companion in its options.";

// What the panel must never cover, besides the compose box itself. Looked for around the
// box: headers (the other person's name and title) and the site's controls.
export const AVOID = {
  headers: [
    "header",
    '[role="banner"]',
    "h1",
    "h2",
    "h3",
    '[role="heading"]',
    '[class*="header"]',
    '[class*="title-bar"]',
    '[class*="titlebar"]',
  ],
  controls: [
    "button",
    '[role="button"]',
    "a[href]",
    "input:not([type=hidden])",
    "select",
    "textarea",
    '[contenteditable="true"]',
    '[role="textbox"]',
  ],
  // Words beside the box (its label, a privacy line): covered only when nothing else works.
  text: ["label", "p", "small"],
};

const STYLE = `
:host { all: initial; }
.panel { box-sizing: border-box; font: 13px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; color: ${INK.text}; }
.panel[hidden] { display: none; }
.panel[data-tone="stop"] { --tone: ${TONES.stop}; }
.panel[data-tone="warn"] { --tone: ${TONES.warn}; }
.panel[data-tone="ok"] { --tone: ${TONES.ok}; }
.panel[data-tone="quiet"] { --tone: ${TONES.quiet}; }
.badge { display: inline-flex; align-items: center; gap: 6px; max-width: 260px; font: inherit; font-size: 12px;
  font-weight: 600; color: #fff; background: var(--tone); border: 0; border-radius: 999px; padding: 3px 5px 3px 10px;
  cursor: pointer; box-shadow: 0 1px 4px rgba(0,0,0,.25); white-space: nowrap; }
.badge .label { overflow: hidden; text-overflow: ellipsis; }
.badge .score { background: #fff; color: var(--tone); border-radius: 999px; padding: 0 6px; font-variant-numeric: tabular-nums; }
.badge .score:empty { display: none; }
.badge .chevron { font-size: 10px; padding-right: 3px; }
.panel[data-expanded="true"] { width: ${CARD_WIDTH}px; max-width: calc(100vw - 16px); background: ${INK.background};
  border: 1px solid #c9ced3; border-radius: 10px; box-shadow: 0 6px 20px rgba(0,0,0,.18); overflow: hidden; }
.panel[data-expanded="true"] .badge { display: flex; width: 100%; max-width: none; border-radius: 0; box-shadow: none;
  padding: 6px 8px 6px 12px; font-size: 13px; }
.panel[data-expanded="true"] .badge .label { flex: 1; text-align: left; }
.badge:focus-visible, button:focus-visible { outline: 2px solid #1570ef; outline-offset: 2px; }
.body { box-sizing: border-box; padding: 6px 12px 8px; overflow: auto; }
.body[hidden] { display: none; }
.headline { margin: 0 0 6px; }
.headline[hidden] { display: none; }
.headline[hidden] + ol > li:first-child { border-top: 0; padding-top: 2px; }
ol { margin: 0; padding: 0; list-style: none; }
li { margin: 0; padding: 6px 0; border-top: 1px solid #eaecf0; }
li p { margin: 0; }
li .message { font-weight: 600; }
li[data-severity="info"] .message { font-weight: 400; }
.sev { display: inline-block; min-width: 34px; margin-right: 6px; font-size: 10.5px; font-weight: 700; text-transform: uppercase;
  letter-spacing: .02em; color: ${TONES.quiet}; }
li[data-severity="stop"] .sev { color: ${TONES.stop}; }
li[data-severity="warn"] .sev { color: ${TONES.warn}; }
.quote { color: ${INK.muted}; font-size: 12px; margin-top: 2px; }
mark { background: ${INK.mark}; color: ${INK.text}; border-radius: 2px; padding: 0 1px; }
.suggestion { color: ${INK.text}; margin-top: 3px; }
.suggestion .try { font-weight: 600; }
.question { display: flex; align-items: flex-start; gap: 8px; margin-top: 4px; padding: 4px 6px; background: #f2f4f7; border-radius: 6px; }
.question q { flex: 1; quotes: "“" "”"; user-select: text; }
.copy { font: inherit; font-size: 12px; color: #344054; background: #fff; border: 1px solid #98a2b3; border-radius: 6px;
  padding: 0 8px; cursor: pointer; flex: none; }
.tip { color: ${INK.muted}; }
.hint { margin: 6px 0 0; font-size: 11.5px; color: ${INK.muted}; }
kbd { font: inherit; font-weight: 600; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
`;

/** An element with attributes (`text` sets its text) and children; empty children are skipped. */
export function el(doc, tag, attrs = {}, children = []) {
  const node = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "text") node.textContent = v;
    else node.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined && c !== "") node.append(c);
  return node;
}

/** Every finding, most severe first (the order among equals is kept). */
export function sortFindings(findings) {
  return [...(findings || [])].sort(
    (a, b) => (SEVERITY_ORDER[a.severity] ?? 3) - (SEVERITY_ORDER[b.severity] ?? 3),
  );
}

/** The questions a suggestion offers, in “curly quotes”, and the text around them. */
export function splitSuggestion(suggestion) {
  const parts = [];
  const re = /“([^”]+)”/g;
  let at = 0;
  for (let m = re.exec(suggestion); m; m = re.exec(suggestion)) {
    if (m.index > at) parts.push({ text: suggestion.slice(at, m.index) });
    parts.push({ question: m[1].trim() });
    at = m.index + m[0].length;
  }
  if (at < suggestion.length) parts.push({ text: suggestion.slice(at) });
  return parts;
}

/** `text` with every occurrence of the `phrases` wrapped in <mark>; null if none occurs. */
function markPhrases(doc, text, phrases) {
  const wanted = [...new Set(phrases.map((p) => p.replace(/\s+/g, " ").trim()).filter((p) => p.length > 1))];
  const hits = [];
  for (const p of wanted) {
    const i = text.indexOf(p);
    if (i >= 0) hits.push([i, i + p.length]);
  }
  if (!hits.length) return null;
  hits.sort((a, b) => a[0] - b[0]);
  const out = [];
  let at = 0;
  for (const [s, e] of hits) {
    if (s < at) continue;
    out.push(text.slice(at, s), el(doc, "mark", { text: text.slice(s, e) }));
    at = e;
  }
  out.push(text.slice(at));
  return out;
}

/** `…whole words <mark>phrase</mark> whole words…` for one span of the draft, or null. */
function quoteNode(doc, draft, span) {
  const mapped = mapSpan(draft, span);
  if (!mapped) return span && span.quote ? el(doc, "p", { class: "quote" }, ["“", el(doc, "mark", { text: span.quote }), "”"]) : null;
  const ctx = wordContext(draft, mapped.start, mapped.end);
  return el(doc, "p", { class: "quote" }, [
    ctx.clippedBefore ? "…" : "",
    ctx.before,
    el(doc, "mark", { text: mapped.text.replace(/\s+/g, " ") }),
    ctx.after,
    ctx.clippedAfter ? "…" : "",
  ]);
}

/** Badge colour: the verdict's, or the worst finding's when the verdict is `ok`. */
export function toneOf(verdict, findings) {
  const severities = new Set((findings || []).map((f) => f.severity));
  if (verdict === "premature" || verdict === "wait" || severities.has("stop")) return "stop";
  if (verdict !== "ok" || severities.has("warn")) return "warn";
  return "ok";
}

/** The badge's words: the verdict, or for an `ok` draft the warning it still carries. */
export function labelOf(verdict, findings) {
  if (verdict === "ok") {
    const worst = sortFindings(findings).find((f) => f.severity === "stop" || f.severity === "warn");
    if (worst) return RULE_LABELS[worst.rule] || "Check before sending";
  }
  return VERDICT_LABELS[verdict] || verdict;
}

// --- placement ----------------------------------------------------------------------------

const area = (a, b) =>
  Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) *
  Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));
const rect = (left, top, width, height) => ({ left, top, width, height, right: left + width, bottom: top + height });

/**
 * Where to put a `size` box beside `box` (the compose box): the first of the `sides`
 * where it covers no `hard` rectangle (the box, headers, the site's buttons) and stays in
 * the viewport, preferring spots that cover no `soft` one (other links and controls).
 * On each side it starts at the box's edge and steps past what is in its way. Returns
 * `{left, top, side, maxHeight}`; maxHeight is set when the box had to be shortened.
 */
export function placeBox(size, box, { hard = [], soft = [], viewport, sides, gap = GAP, maxSlide = Infinity }) {
  const vw = viewport.width;
  const vh = viewport.height;
  const inView = (r) => r.left >= gap - 0.5 && r.top >= gap - 0.5 && r.right <= vw - gap + 0.5 && r.bottom <= vh - gap + 0.5;
  const blockers = (r) => hard.filter((h) => area(r, h) > 0);
  const clampX = (x) => Math.min(Math.max(gap, x), vw - size.width - gap);
  const clampY = (y) => Math.min(Math.max(gap, y), vh - size.height - gap);
  const candidates = [];
  for (const side of sides) {
    const [dir, align] = side.split("-");
    let r;
    if (dir === "above") r = rect(align === "left" ? clampX(box.left) : clampX(box.right - size.width), box.top - gap - size.height, size.width, size.height);
    else if (dir === "below") r = rect(align === "left" ? clampX(box.left) : clampX(box.right - size.width), box.bottom + gap, size.width, size.height);
    else if (dir === "left") r = rect(box.left - gap - size.width, align === "top" ? clampY(box.top) : clampY(box.bottom - size.height), size.width, size.height);
    else r = rect(box.right + gap, align === "top" ? clampY(box.top) : clampY(box.bottom - size.height), size.width, size.height);
    // Step past whatever is in the way, outwards from the box.
    const start = { left: r.left, top: r.top };
    let tooFar = false;
    for (let i = 0; i < 8; i++) {
      const hit = blockers(r);
      if (!hit.length) break;
      if (dir === "above") r = rect(r.left, Math.min(...hit.map((h) => h.top)) - gap - size.height, size.width, size.height);
      else if (dir === "below") r = rect(r.left, Math.max(...hit.map((h) => h.bottom)) + gap, size.width, size.height);
      else if (dir === "left") r = rect(Math.min(...hit.map((h) => h.left)) - gap - size.width, r.top, size.width, size.height);
      else r = rect(Math.max(...hit.map((h) => h.right)) + gap, r.top, size.width, size.height);
      tooFar = Math.abs(r.left - start.left) + Math.abs(r.top - start.top) > maxSlide;
      if (tooFar) break; // no longer beside the box
    }
    const hardArea = blockers(r).reduce((s, h) => s + area(r, h), 0);
    const softArea = soft.reduce((s, o) => s + area(r, o), 0);
    candidates.push({ side, r, hardArea, softArea, fits: inView(r) && !tooFar });
  }
  const clean = candidates.filter((c) => c.fits && c.hardArea === 0);
  let pick = clean.find((c) => c.softArea === 0) || clean.sort((a, b) => a.softArea - b.softArea)[0];
  let maxHeight = null;
  if (!pick) {
    // Nowhere for the whole box: above or below the compose box, shortened to the room
    // between it and the nearest thing in the way (the card then scrolls).
    // Each free stretch of the column above or below the box, nearest first.
    const room = [];
    for (const side of sides.filter((s) => /^(above|below)/.test(s))) {
      const [dir, align] = side.split("-");
      const left = align === "left" ? clampX(box.left) : clampX(box.right - size.width);
      const column = rect(left, 0, size.width, vh);
      const inColumn = hard.filter((h) => area(column, h) > 0);
      if (dir === "above") {
        let bottom = box.top - gap;
        for (const h of inColumn.filter((o) => o.bottom <= box.top).sort((a, b) => b.bottom - a.bottom)) {
          if (h.bottom + gap < bottom) room.push({ side, top: h.bottom + gap, bottom, left });
          bottom = Math.min(bottom, h.top - gap);
        }
        if (bottom > gap) room.push({ side, top: gap, bottom, left });
      } else {
        let top = box.bottom + gap;
        for (const h of inColumn.filter((o) => o.top >= box.bottom).sort((a, b) => a.top - b.top)) {
          if (h.top - gap > top) room.push({ side, top, bottom: h.top - gap, left });
          top = Math.max(top, h.bottom + gap);
        }
        if (top < vh - gap) room.push({ side, top, bottom: vh - gap, left });
      }
    }
    for (const g of room) g.height = g.bottom - g.top;
    const best = room.sort((a, b) => b.height - a.height)[0];
    if (best) best.r = rect(best.left, best.side.startsWith("above") ? best.bottom - Math.min(best.height, size.height) : best.top, size.width, best.height);
    if (best && best.height >= 96) {
      if (best.height < size.height) maxHeight = Math.floor(best.height);
      pick = { side: best.side, r: best.r };
    } else {
      pick = candidates.sort((a, b) => a.hardArea - b.hardArea || Number(b.fits) - Number(a.fits))[0];
      pick = { side: pick.side, r: rect(clampX(pick.r.left), clampY(pick.r.top), size.width, size.height) };
    }
  }
  return { left: Math.round(pick.r.left), top: Math.round(pick.r.top), side: pick.side, maxHeight };
}

const BADGE_SIDES = ["above-right", "below-right", "left-bottom", "right-bottom", "above-left", "below-left"];
const CARD_SIDES = ["left-bottom", "right-bottom", "above-right", "below-right", "above-left", "below-left", "left-top", "right-top"];

/** The element above `node`, crossing out of a shadow root to its host. */
function parentOf(node) {
  return node.parentElement || (node.parentNode && node.parentNode.host) || null;
}

function visibleRect(node) {
  const r = node.getBoundingClientRect();
  return r.width > 0 && r.height > 0 ? r : null;
}

// --- the panel ----------------------------------------------------------------------------

export class Panel {
  /** @param {Document} doc */
  constructor(doc) {
    this.doc = doc;
    this.offered = new Set();
    this.anchor = null;
    this.expanded = false;
    this.autoOpened = false; // a stop-level finding opened the card once for this draft
    this.announced = "";
    this.savedRange = null;
    this.host = el(doc, "div", { "data-askfirst-panel": "" });
    // Inline styles on the host beat the site's stylesheet without touching it. The host
    // stays rendered (at zero size when idle) so its live region is heard from the start.
    this.host.style.cssText =
      "position:fixed;z-index:2147483000;top:0;left:0;display:block;margin:0;padding:0;border:0;width:auto;height:auto;";
    this.root = this.host.attachShadow({ mode: "open" });
    this.root.append(el(doc, "style", { text: STYLE }));
    // Outside the part that opens and closes: heard whether the card is open or not.
    this.status = el(doc, "div", { class: "sr", role: "status", "aria-live": "polite", "aria-atomic": "true" });
    this.notice = el(doc, "div", { class: "sr", "aria-live": "polite" });
    this.label = el(doc, "span", { class: "label" });
    this.scoreChip = el(doc, "span", { class: "score", "aria-hidden": "true" });
    this.chevron = el(doc, "span", { class: "chevron", "aria-hidden": "true", text: "▸" });
    this.badge = el(doc, "button", {
      type: "button",
      class: "badge",
      "aria-expanded": "false",
      "aria-controls": "askfirst-card",
      "aria-keyshortcuts": SHORTCUT.label,
      title: `Ask First — ${SHORTCUT.label}`,
    }, [this.label, this.scoreChip, this.chevron]);
    this.headline = el(doc, "p", { class: "headline" });
    this.list = el(doc, "ol", { class: "findings", "aria-label": "What Ask First noticed" });
    this.hint = el(doc, "p", { class: "hint" }, [
      el(doc, "kbd", { text: SHORTCUT.label }),
      " opens the card, then moves into it · ",
      el(doc, "kbd", { text: "Esc" }),
      " back to your message",
    ]);
    this.body = el(doc, "div", { class: "body", id: "askfirst-card", role: "region", "aria-label": "Ask First" },
      [this.headline, this.list, this.hint]);
    this.body.hidden = true;
    this.panel = el(doc, "div", { class: "panel", "data-tone": "quiet", "data-expanded": "false" },
      [this.badge, this.body]);
    this.panel.hidden = true;
    this.root.append(this.status, this.notice, this.panel);

    // A press on a button must not move focus out of the editor mid-sentence; a press on
    // text does nothing special, so a suggestion can be selected and copied by hand too.
    this.root.addEventListener("mousedown", (e) => {
      const path = e.composedPath();
      if (path.some((n) => n.tagName === "BUTTON")) e.preventDefault();
    });
    this.badge.addEventListener("click", () => {
      const fromKeyboard = this.root.activeElement === this.badge;
      this.setExpanded(!this.expanded);
      if (!this.expanded && fromKeyboard) this.returnFocus();
    });
    this.root.addEventListener("keydown", (e) => {
      if (e.key === "Escape") {
        e.preventDefault();
        this.setExpanded(false);
        this.returnFocus();
      }
    });
    this.list.addEventListener("click", (e) => {
      const button = e.target.closest && e.target.closest("button.copy");
      if (button) this.copy(button);
    });
    this._onViewport = () => this.schedulePosition();
    this._onKey = (e) => this.onShortcut(e);
    const View = doc.defaultView;
    this.resizeObserver = View && View.ResizeObserver ? new View.ResizeObserver(() => this.schedulePosition()) : null;
  }

  // --- state ------------------------------------------------------------------------

  get visible() {
    return !this.panel.hidden && this.host.isConnected;
  }

  /** Backwards-compatible name: collapsed = not expanded. */
  get collapsed() {
    return !this.expanded;
  }

  setCollapsed(collapsed) {
    this.setExpanded(!collapsed);
  }

  setExpanded(expanded) {
    this.expanded = expanded;
    this.body.hidden = !expanded;
    this.panel.dataset.expanded = String(expanded);
    this.badge.setAttribute("aria-expanded", String(expanded));
    this.chevron.textContent = expanded ? "▾" : "▸";
    this.schedulePosition();
  }

  /** Place the panel beside `anchor` (the compose box) and keep it there. */
  attachTo(anchor) {
    if (anchor !== this.anchor) {
      this.autoOpened = false;
      if (this.resizeObserver) {
        this.resizeObserver.disconnect();
        this.resizeObserver.observe(anchor);
        this.resizeObserver.observe(this.panel);
        const scope = this.scopeOf(anchor);
        if (scope) this.resizeObserver.observe(scope);
      }
    }
    this.anchor = anchor;
    if (!this.host.isConnected) {
      (this.doc.body || this.doc.documentElement).append(this.host);
      const view = this.doc.defaultView;
      view.addEventListener("scroll", this._onViewport, { passive: true, capture: true });
      view.addEventListener("resize", this._onViewport, { passive: true });
      this.doc.addEventListener("keydown", this._onKey, { capture: true });
    }
    this.schedulePosition();
  }

  /** Show one analysis result for `draft` (the exact text that was analysed). */
  showResult(result, draft) {
    const doc = this.doc;
    const verdict = result.verdict;
    const findings = sortFindings(result.findings);
    this.host.removeAttribute("data-askfirst-offline");
    this.host.setAttribute("data-askfirst-verdict", verdict);
    this.host.setAttribute("data-askfirst-score", String(result.score));
    const label = labelOf(verdict, findings);
    this.panel.dataset.tone = toneOf(verdict, findings);
    this.label.textContent = label;
    this.scoreChip.textContent = String(result.score);
    this.badge.setAttribute("aria-label", `${label}, pitch score ${result.score} of 100`);
    this.badge.title = `Ask First — ${SHORTCUT.label}`;
    // An `ok` draft that still carries a warning: say the warning, not "Nothing to flag".
    const worst = findings.find((f) => f.severity === "stop" || f.severity === "warn");
    const headline = verdict === "ok" && worst ? worst.message : result.headline || "";
    this.headline.textContent = verdict === "ok" && worst ? "" : headline;
    this.headline.hidden = !this.headline.textContent;
    this.offered = new Set(); // each question is offered once, under the first finding that suggests it
    this.list.replaceChildren(...findings.map((f) => this.findingItem(f, draft)));
    this.panel.hidden = false;
    // Heard when the verdict changes, not at every keystroke that moves the score.
    const stop = /[.?!]$/.test(label) ? "" : ".";
    this.announce(`Ask First: ${label}${stop} ${headline}`.trim(), `${verdict}|${label}`);
    if (!this.autoOpened && !this.expanded && findings.some((f) => f.severity === "stop")) {
      this.autoOpened = true;
      this.setExpanded(true);
    }
    this.schedulePosition();
  }

  findingItem(f, draft) {
    const doc = this.doc;
    const li = el(doc, "li", { "data-rule": f.rule || "", "data-severity": f.severity || "" });
    const severity = { stop: "Stop", warn: "Check", info: "Tip" }[f.severity] || "Note";
    const spans = f.spans || [];
    const message = f.message || "";
    const marked = markPhrases(doc, message, spans.map((s) => s.quote || ""));
    const sev = el(doc, "span", { class: "sev" }, [severity, el(doc, "span", { class: "sr", text: ": " })]);
    li.append(el(doc, "p", { class: "message" }, [sev, ...(marked || [message])]));
    if (f.severity === "info") {
      // Tips stay on one short paragraph: what and what instead.
      if (f.suggestion) li.firstChild.append(el(doc, "span", { class: "tip", text: ` ${f.suggestion}` }));
      return li;
    }
    // The phrase in its sentence, unless the message already quotes it.
    if (!marked && spans.length) {
      const q = quoteNode(doc, draft, spans[0]);
      if (q) li.append(q);
    }
    if (f.suggestion) li.append(this.suggestionNode(f.suggestion));
    return li;
  }

  suggestionNode(suggestion) {
    const doc = this.doc;
    const p = el(doc, "div", { class: "suggestion" });
    const parts = splitSuggestion(suggestion);
    const lead = [];
    for (const part of parts) {
      if (part.text !== undefined) {
        const t = part.text.replace(/^[\s:]+|[\s:]+$/g, "");
        if (t) lead.push(t);
        continue;
      }
      if (this.offered.has(part.question)) continue;
      this.offered.add(part.question);
      if (lead.length) p.append(el(doc, "p", {}, [el(doc, "span", { class: "try", text: "Try: " }), lead.splice(0).join(" ")]));
      p.append(el(doc, "p", { class: "question" }, [
        el(doc, "q", { text: part.question }),
        el(doc, "button", { type: "button", class: "copy", "data-copy": part.question, "aria-label": `Copy: ${part.question}`, text: "Copy" }),
      ]));
    }
    if (lead.length) p.append(el(doc, "p", {}, [el(doc, "span", { class: "try", text: "Try: " }), lead.join(" ")]));
    return p;
  }

  async copy(button) {
    const text = button.dataset.copy;
    const ok = await copyText(this.doc, text);
    button.textContent = ok ? "Copied" : "Select and copy";
    this.notice.textContent = ok ? "Copied to the clipboard." : "Could not copy; select the question and copy it.";
    const view = this.doc.defaultView;
    view.setTimeout(() => {
      if (button.isConnected) button.textContent = "Copy";
    }, 1500);
  }

  announce(text, key) {
    if (key === this.announced) return;
    this.announced = key;
    this.status.textContent = text;
  }

  /**
   * Say, once and quietly, that the companion cannot be reached (or is not paired) and
   * how to fix it. Later calls keep the state but do not re-open a dismissed notice.
   */
  showOffline(reason = "down") {
    const first = !this.host.hasAttribute("data-askfirst-offline");
    this.host.removeAttribute("data-askfirst-verdict");
    this.host.removeAttribute("data-askfirst-score");
    this.host.setAttribute("data-askfirst-offline", reason);
    this.panel.dataset.tone = "quiet";
    const title = reason === "unpaired" ? "Ask First is not paired" : "Ask First is offline";
    const fix = reason === "unpaired" ? UNPAIRED_FIX : OFFLINE_FIX;
    this.label.textContent = title;
    this.scoreChip.textContent = "";
    this.badge.setAttribute("aria-label", title);
    this.badge.title = fix;
    this.headline.textContent = fix;
    this.list.replaceChildren();
    this.announce(`${title}. ${fix}`, `offline|${reason}`);
    if (first) this.panel.hidden = false;
    this.schedulePosition();
  }

  /** Nothing to say (empty draft): hide, but stay attached for the next draft. */
  clear() {
    this.host.removeAttribute("data-askfirst-verdict");
    this.host.removeAttribute("data-askfirst-score");
    this.panel.hidden = true;
    this.autoOpened = false;
    if (this.expanded) this.setExpanded(false);
  }

  destroy() {
    const view = this.doc.defaultView;
    view.removeEventListener("scroll", this._onViewport, { capture: true });
    view.removeEventListener("resize", this._onViewport);
    this.doc.removeEventListener("keydown", this._onKey, { capture: true });
    if (this.resizeObserver) this.resizeObserver.disconnect();
    this.host.remove();
    this.anchor = null;
  }

  // --- keyboard -----------------------------------------------------------------------

  onShortcut(e) {
    if (e.code !== SHORTCUT.code || e.altKey !== SHORTCUT.altKey || e.shiftKey !== SHORTCUT.shiftKey) return;
    if (e.ctrlKey || e.metaKey || !this.visible) return;
    const path = e.composedPath ? e.composedPath() : [e.target];
    const inPanel = path.includes(this.host);
    const inBox = Boolean(this.anchor) && path.includes(this.anchor);
    if (!inPanel && !inBox) return;
    e.preventDefault(); // no "Å" typed into the message
    if (inPanel) {
      this.setExpanded(false);
      this.returnFocus();
    } else if (!this.expanded) {
      this.setExpanded(true);
    } else {
      this.saveSelection();
      this.badge.focus();
    }
  }

  saveSelection() {
    const anchor = this.anchor;
    if (!anchor || anchor.tagName === "TEXTAREA" || anchor.tagName === "INPUT") return;
    const root = anchor.getRootNode();
    const sel = root.getSelection ? root.getSelection() : this.doc.getSelection();
    this.savedRange = sel && sel.rangeCount ? sel.getRangeAt(0).cloneRange() : null;
  }

  /** Back to the compose box, with the caret where it was. */
  returnFocus() {
    const anchor = this.anchor;
    if (!anchor || !anchor.isConnected) return;
    anchor.focus({ preventScroll: true });
    const range = this.savedRange;
    this.savedRange = null;
    if (range && anchor.contains(range.startContainer)) {
      const sel = this.doc.getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
    }
  }

  // --- position -----------------------------------------------------------------------

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

  /** The part of the page the compose box belongs to: the nearest ancestor with a heading. */
  scopeOf(anchor) {
    const headers = AVOID.headers.join(",");
    for (let up = parentOf(anchor); up; up = parentOf(up)) {
      if (up === this.doc.body || up === this.doc.documentElement) return up;
      if (up.querySelector(headers)) return up;
    }
    return this.doc.body;
  }

  /** What the panel must not cover (`hard`) and would rather not cover (`soft`). */
  obstacles(anchor) {
    const hard = [];
    const soft = [];
    const own = visibleRect(anchor);
    if (own) hard.push(own);
    const scope = this.scopeOf(anchor);
    // The compose form: the nearest ancestor holding a button (send, attach, …).
    let form = parentOf(anchor);
    while (form && form !== scope && !form.querySelector('button, [role="button"]')) form = parentOf(form);
    const seen = new Set([anchor]);
    const take = (nodes, into) => {
      for (const n of nodes) {
        // A wrapper around the box (a form with "header" in its class name) is not in the way.
        if (seen.has(n) || n === this.host || n.contains(anchor)) continue;
        seen.add(n);
        const r = visibleRect(n);
        if (r) into.push(r);
      }
    };
    if (scope) take(scope.querySelectorAll(AVOID.headers.join(",")), hard);
    if (form) take(form.querySelectorAll([...AVOID.controls, ...AVOID.text].join(",")), hard);
    if (scope) take(scope.querySelectorAll([...AVOID.controls, ...AVOID.text].join(",")), soft);
    return { hard, soft };
  }

  position() {
    if (!this.anchor || !this.visible) return;
    if (!this.anchor.isConnected) {
      this.panel.hidden = true;
      return;
    }
    const view = this.doc.defaultView;
    const box = this.anchor.getBoundingClientRect();
    const viewport = { width: view.innerWidth || 1024, height: view.innerHeight || 768 };
    const { hard, soft } = this.obstacles(this.anchor);
    const place = () => {
      // Measure at the natural size: a card shortened for one spot may fit another.
      this.body.style.maxHeight = "";
      const own = this.panel.getBoundingClientRect();
      const size = { width: own.width || (this.expanded ? CARD_WIDTH : 160), height: own.height || 28 };
      const spot = placeBox(size, box, {
        hard,
        soft,
        viewport,
        sides: this.expanded ? CARD_SIDES : BADGE_SIDES,
        maxSlide: this.expanded ? 240 : 64,
      });
      return { size, spot };
    };
    this.panel.style.width = "";
    let { size, spot } = place();
    // A narrower, taller card beside the box may show everything where the wide one can't.
    for (const width of this.expanded ? NARROW_CARD_WIDTHS : []) {
      if (!spot.maxHeight) break;
      this.panel.style.width = `${width}px`;
      const narrow = place();
      if (!narrow.spot.maxHeight) ({ size, spot } = narrow);
    }
    if (spot.maxHeight) {
      this.panel.style.width = "";
      ({ size, spot } = place());
    }
    if (spot.maxHeight) {
      const chrome = size.height - this.body.getBoundingClientRect().height;
      this.body.style.maxHeight = `${Math.max(48, spot.maxHeight - chrome)}px`;
    }
    this.host.style.left = `${spot.left}px`;
    this.host.style.top = `${spot.top}px`;
    this.host.dataset.askfirstSide = spot.side;
  }
}

/**
 * Put `text` on the clipboard: the async Clipboard API where the page allows it, else the
 * `copy` event of execCommand (still within the click, so the browser allows it).
 */
export async function copyText(doc, text) {
  const nav = doc.defaultView && doc.defaultView.navigator;
  try {
    if (nav && nav.clipboard && nav.clipboard.writeText) {
      await nav.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Blocked by the page's permissions policy, or no focus: try the copy event.
  }
  let done = false;
  const onCopy = (e) => {
    e.clipboardData.setData("text/plain", text);
    e.preventDefault();
    done = true;
  };
  doc.addEventListener("copy", onCopy, true);
  try {
    doc.execCommand("copy");
  } catch {
    done = false;
  } finally {
    doc.removeEventListener("copy", onCopy, true);
  }
  return done;
}
