// A bug report for a compose box Ask First does not recognise: the shape of the page
// around the box, so a maintainer can write a fixture and a selector from it. It holds
// only structure (tag names, roles, aria labels, data-testid, class names and whether an
// element is editable), never text, names or URLs: aria labels and test ids are scrubbed
// of capitalised words after the first (names), digits (ids) and anything URL-shaped.

const LEVELS_UP = 6; // ancestors of the box whose subtree is described
const MAX_DEPTH = 12; // below that ancestor
const MAX_ELEMENTS = 400;
const MAX_CLASSES = 6;
const SKIP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "PATH", "IMG", "VIDEO", "AUDIO", "CANVAS", "IFRAME"]);

/**
 * Capitalised words that name a control, kept in a label; any other capitalised word may be
 * someone's name ("Marta Silva", "Jane Okafor is typing"), wherever it stands, so it goes.
 */
const UI_WORDS = new Set(
  [
    "I", "OK", "Write", "Send", "Message", "Messages", "Type", "Search", "New", "Close", "Open",
    "Reply", "Attach", "Add", "Post", "Compose", "Edit", "Delete", "Cancel", "Start", "Chat",
    "Comment", "Choose", "Insert", "Emoji", "GIF", "More", "Back", "Next", "Press", "Enter",
    "Share", "Like", "Menu", "Settings", "Minimize", "Expand", "Conversation", "Text", "Aa",
  ].map((w) => w.toLowerCase()),
);

/** The word without punctuation around it ("Write…" -> "write"). */
const bare = (w) => w.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "").toLowerCase();

/** A label with the person-shaped and URL-shaped parts replaced by "*". */
export function scrubLabel(label) {
  const words = String(label).replace(/\s+/g, " ").trim().slice(0, 120).split(" ");
  return words
    .map((w) => {
      if (/[/@:]|www\.|\.(com|net|org)\b/i.test(w)) return "*";
      if (/\d/.test(w)) return "*";
      if (/^\P{L}*\p{Lu}/u.test(w) && !UI_WORDS.has(bare(w))) return "*";
      return w;
    })
    .join(" ")
    .replace(/(\* ?)+\*/g, "*");
}

/** A class or test id without the digits that make it one element's id (ember123). */
const scrubToken = (t) => t.replace(/\d{2,}/g, "0").replace(/[^\w-]/g, "").slice(0, 60);

function describeElement(el, box) {
  const parts = [el.tagName.toLowerCase()];
  const classes = [...el.classList].map(scrubToken).filter(Boolean).slice(0, MAX_CLASSES);
  if (classes.length) parts[0] += "." + classes.join(".");
  const role = el.getAttribute("role");
  if (role) parts.push(`[role=${scrubToken(role)}]`);
  const label = el.getAttribute("aria-label");
  if (label) parts.push(`[aria-label="${scrubLabel(label)}"]`);
  const placeholder = el.getAttribute("aria-placeholder") || (el.tagName === "TEXTAREA" ? el.getAttribute("placeholder") : null);
  if (placeholder) parts.push(`[placeholder="${scrubLabel(placeholder)}"]`);
  const testid = el.getAttribute("data-testid");
  if (testid) parts.push(`[data-testid="${scrubToken(testid)}"]`);
  const editable = el.getAttribute("contenteditable");
  if (editable !== null) parts.push(`[contenteditable=${scrubToken(editable) || "true"}]`);
  if (el.hasAttribute("data-lexical-editor")) parts.push("[data-lexical-editor]");
  if (el.tagName === "BUTTON" && el.getAttribute("type")) parts.push(`[type=${scrubToken(el.getAttribute("type"))}]`);
  if (el === box) parts.push("  <-- the box being typed in");
  return parts.join(" ");
}

/** The element or shadow host one level up from `node`, across shadow boundaries. */
function parentAcross(node) {
  if (node.parentElement) return node.parentElement;
  const root = node.getRootNode ? node.getRootNode() : null;
  return root && root.host ? root.host : null;
}

/**
 * The structure around `box` as indented lines: from its ancestor `levelsUp` levels up,
 * each element on a line, open shadow roots included, at most `maxElements` lines.
 */
export function skeleton(box, { levelsUp = LEVELS_UP, maxDepth = MAX_DEPTH, maxElements = MAX_ELEMENTS } = {}) {
  let top = box;
  for (let i = 0; i < levelsUp; i++) {
    const up = parentAcross(top);
    if (!up || up.tagName === "BODY" || up.tagName === "HTML") break;
    top = up;
  }
  const lines = [];
  const ancestors = new Set();
  for (let n = box; n; n = parentAcross(n)) ancestors.add(n);
  const walk = (el, depth) => {
    if (lines.length >= maxElements || SKIP.has(el.tagName.toUpperCase())) return;
    lines.push("  ".repeat(depth) + describeElement(el, box));
    if (depth >= maxDepth && !ancestors.has(el)) return;
    if (el.shadowRoot) {
      lines.push("  ".repeat(depth + 1) + "#shadow-root (open)");
      for (const child of el.shadowRoot.children) walk(child, depth + 2);
    }
    for (const child of el.children) walk(child, depth + 1);
  };
  walk(top, 0);
  if (lines.length >= maxElements) lines.push("… (cut)");
  return lines.join("\n");
}

/** The editing host (`[contenteditable]` or `textarea`) an input event landed in, or null. */
export function editableBox(node) {
  const el = node && node.nodeType !== 1 ? node.parentElement : node;
  if (!el || typeof el.closest !== "function") return null;
  if (el.tagName === "TEXTAREA") return el;
  let host = el.closest('[contenteditable]:not([contenteditable="false"])');
  if (!host) return null;
  for (let up = host.parentElement; up && up.matches('[contenteditable]:not([contenteditable="false"])'); up = up.parentElement) host = up;
  return host;
}
