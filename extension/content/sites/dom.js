// DOM helpers the site adapters share. None of them knows a site: each takes the selector
// lists it reads from the calling adapter's own SELECTORS table (most specific first, as
// the adapters write them), so a site's markup stays described in one place, its adapter.

import { querySelectorAllDeep } from "../shadow.js";

/** What makes an element an editing host; `[contenteditable]` alone is "true" too. */
export const EDITABLE = '[contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"]';

/** A selector list as one selector group, for matches(), closest() and querySelectorAll(). */
export const any = (selectors) => selectors.join(", ");

/** An element's text with white space folded, "" for none. */
export const text = (el) => (el ? el.textContent.replace(/\s+/g, " ").trim() : "");

/** The first element under `scope` that matches, trying the selectors in order. */
export function first(scope, selectors) {
  if (!scope || typeof scope.querySelector !== "function") return null;
  for (const sel of selectors) {
    const hit = scope.querySelector(sel);
    if (hit) return hit;
  }
  return null;
}

/** Whether `el` matches one of the selectors. */
export function matchesAny(el, selectors) {
  for (const sel of selectors) {
    try {
      if (el.matches(sel)) return true;
    } catch {
      // A selector this engine does not know (e.g. the `i` flag): skip it, keep the rest.
    }
  }
  return false;
}

/** The first of `selectors` that `el` matches (which fallback entry found it), or null. */
export function matchingSelector(el, selectors) {
  for (const sel of selectors) if (matchesAny(el, [sel])) return sel;
  return null;
}

/** The first of `surfaces` (`{editor: [selectors], …}`) whose editor selectors `editor` matches. */
export function surfaceOf(editor, surfaces) {
  for (const surface of surfaces) if (matchesAny(editor, surface.editor)) return surface;
  return null;
}

/** The editing host for a node inside a compose box (or the textarea itself). */
export function editingHost(node) {
  const el = node && node.nodeType !== 1 ? node.parentElement : node;
  if (!el) return null;
  if (el.tagName === "TEXTAREA") return el;
  let host = el.closest(EDITABLE);
  if (!host) return null;
  // Climb to the outermost editable element: that is the editor, not one of its paragraphs.
  for (let up = host.parentElement; up; up = up.parentElement) {
    if (up.matches(EDITABLE)) host = up;
    else break;
  }
  return host;
}

/**
 * Every compose box under `root`: the elements each group of selectors finds, passed
 * through the adapter's `composerFor`, each once. A group whose selectors this engine
 * cannot parse is skipped. With `deep`, open shadow roots below are searched too.
 */
export function composersIn(root, groups, composerFor, { deep = false } = {}) {
  const found = new Set();
  for (const group of groups) {
    let hits;
    try {
      hits = deep ? querySelectorAllDeep(root, any(group)) : root.querySelectorAll(any(group));
    } catch {
      continue;
    }
    for (const el of hits) {
      const editor = composerFor(el);
      if (editor) found.add(editor);
    }
  }
  return [...found];
}

/**
 * The elements matching `selectors` held by the nearest of `editor`'s ancestors (up to
 * `maxDepth` levels) that holds any: sites that wrap a composer in anonymous divs still
 * put its send button within a few levels of it.
 */
export function nearestHolding(editor, selectors, maxDepth = 16) {
  const sel = any(selectors);
  for (let up = editor.parentElement, depth = 0; up && depth < maxDepth; up = up.parentElement, depth++) {
    const hits = up.querySelectorAll(sel);
    if (hits.length) return [...hits];
  }
  return [];
}

/** The enabled button (or role="button") a click on `target` landed in, or null. */
export function clickedButton(target) {
  const el = target && (target.nodeType === 1 ? target : target.parentElement);
  const button = el && el.closest('button, [role="button"]');
  if (!button || button.disabled || button.getAttribute("aria-disabled") === "true") return null;
  return button;
}

/**
 * Whether a click on `target` landed on an enabled button that `sendButtons()` lists; the
 * list is only asked for when the click hit a button at all.
 */
export function clickSends(target, sendButtons) {
  const button = clickedButton(target);
  return Boolean(button) && sendButtons().includes(button);
}

/** The outermost element matching `selectors` that is `el` or holds it (they nest). */
export function outermostAncestor(el, selectors) {
  const sel = any(selectors);
  let found = el.closest(sel);
  for (let up = found && found.parentElement; up && (up = up.closest(sel)); up = up.parentElement) found = up;
  return found;
}

/**
 * The elements matching `selectors` in `root`, `root` itself included, leaving out those
 * nested in another match. With `deep`, open shadow roots below are searched too.
 */
export function outermostMatches(root, selectors, { deep = false } = {}) {
  const sel = any(selectors);
  const hits = deep ? querySelectorAllDeep(root, sel) : [...root.querySelectorAll(sel)];
  if (root.nodeType === 1 && root.matches(sel)) hits.unshift(root);
  return hits.filter((el) => !el.parentElement || !el.parentElement.closest(sel));
}

/**
 * The items of `list`: every match of the first selector that finds any. With
 * `outermost`, items nested in another item of that selector are left out.
 */
export function itemsOf(list, selectors, { outermost = false } = {}) {
  for (const sel of selectors) {
    const items = list.querySelectorAll(sel);
    if (!items.length) continue;
    return outermost ? [...items].filter((el) => !el.parentElement.closest(sel)) : [...items];
  }
  return [];
}

/** Is `el` (an added node) an item, or does it hold some? The first selector that finds any wins. */
export function itemsIn(el, selectors) {
  for (const sel of selectors) {
    if (el.matches(sel)) return [el];
    const inside = el.querySelectorAll(sel);
    if (inside.length) return [...inside];
  }
  return [];
}

/** The item `node` is in (or is), by the first selector that finds one, or null. */
export function itemContaining(node, selectors) {
  for (const sel of selectors) {
    const hit = node.closest(sel);
    if (hit) return hit;
  }
  return null;
}

/** The outermost list an added node went into (not the node itself), or null. */
export function listContaining(node, selectors) {
  return node.parentElement ? outermostAncestor(node.parentElement, selectors) : null;
}

/**
 * The adapter functions through which the content script takes in message lists, bound
 * to an adapter's `selectors.messageList` and `selectors.messageItem`:
 *   findMessageLists(root, {deep}) the outermost lists under `root`, `root` included;
 *   messageItems(list)             a list's items, by the first item selector that finds any;
 *   itemsIn(el)                    an added node that is an item, or the items it holds;
 *   listContaining(node)           the outermost list an added node went into;
 *   itemContaining(node)           the item an added node belongs to.
 * Options: `deep`, whether findMessageLists searches open shadow roots when the caller
 * does not say; `outermostItems`, leave out items nested in another item; `oneItemGroup`,
 * itemsIn and itemContaining take the item selectors as one group (every level that
 * matches; the nearest holder) rather than one after another.
 */
export function messageListFunctions(selectors, { deep = false, outermostItems = false, oneItemGroup = false } = {}) {
  const lists = selectors.messageList;
  const items = oneItemGroup ? [any(selectors.messageItem)] : selectors.messageItem;
  return {
    findMessageLists: (root, { deep: searchShadows = deep } = {}) => outermostMatches(root, lists, { deep: searchShadows }),
    messageItems: (list) => itemsOf(list, selectors.messageItem, { outermost: outermostItems }),
    itemsIn: (el) => itemsIn(el, items),
    listContaining: (node) => listContaining(node, lists),
    itemContaining: (node) => itemContaining(node, items),
  };
}

/** `href` resolved against `base` as a URL, or null when it is none. */
export function parseUrl(href, base) {
  if (!href) return null;
  try {
    return new URL(href, base);
  } catch {
    return null;
  }
}

/**
 * 16 hex digits that stand for `s`: FNV-1a, 32 bits, twice with different seeds. Stable
 * across sessions and browsers (message ids must survive a reload); no crypto needed.
 */
export function hashString(s) {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0).toString(16).padStart(8, "0") + (b >>> 0).toString(16).padStart(8, "0");
}
