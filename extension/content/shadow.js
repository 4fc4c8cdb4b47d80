// Open shadow roots are invisible to document.querySelector and to a MutationObserver on
// document.body: LinkedIn renders its messaging overlay, post composer and invitation
// dialog inside `div#interop-outlet`'s open shadow root. This module keeps the set of
// open shadow roots seen so far, finds elements across all of them, and reports new
// ones so the caller can observe them too. Closed roots stay closed, by design.

/** The element where an event really happened, even inside an open shadow root. */
export function deepTarget(event) {
  const path = typeof event.composedPath === "function" ? event.composedPath() : [];
  return path.length ? path[0] : event.target;
}

/** The focused element, descending through open shadow roots. */
export function deepActiveElement(doc) {
  let el = doc.activeElement;
  while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/** Every open shadow root inside `node` (its own included), depth first. */
export function collectShadowRoots(node, into = []) {
  const start = node.nodeType === 1 ? node : null;
  if (start && start.shadowRoot) {
    into.push(start.shadowRoot);
    collectShadowRoots(start.shadowRoot, into);
  }
  if (typeof node.querySelectorAll !== "function") return into;
  // A TreeWalker visits each element once without building a NodeList of all of them.
  const doc = node.ownerDocument || node;
  const walker = doc.createTreeWalker(node, 1 /* SHOW_ELEMENT */);
  for (let el = walker.nextNode(); el; el = walker.nextNode()) {
    if (el.shadowRoot) {
      into.push(el.shadowRoot);
      collectShadowRoots(el.shadowRoot, into);
    }
  }
  return into;
}

/** querySelectorAll over `root` and every open shadow root below it. */
export function querySelectorAllDeep(root, selector) {
  const found = [...root.querySelectorAll(selector)];
  for (const shadow of collectShadowRoots(root)) {
    if (shadow !== root) found.push(...shadow.querySelectorAll(selector));
  }
  return found;
}

/** Like Element.closest, but continues from a shadow root to its host. */
export function closestDeep(el, selector) {
  let node = el;
  while (node) {
    if (node.nodeType === 1) {
      const hit = node.closest(selector);
      if (hit) return hit;
    }
    const root = node.getRootNode ? node.getRootNode() : null;
    node = root && root.host ? root.host : null;
  }
  return null;
}

/**
 * Watch `doc` and every open shadow root for added nodes. `onAdded(nodes, roots)` gets
 * batches (one per animation frame at most) so a burst of mutations — a thread of 500
 * messages rendering — costs one pass, and only over what was added.
 */
export class DeepObserver {
  constructor(doc, onAdded, { schedule } = {}) {
    this.doc = doc;
    this.onAdded = onAdded;
    this.roots = new WeakSet();
    this.pending = [];
    this.scheduled = false;
    const view = doc.defaultView;
    this.schedule =
      schedule ||
      ((fn) => (view && view.requestAnimationFrame ? view.requestAnimationFrame(fn) : setTimeout(fn, 16)));
    this.observer = new (view.MutationObserver)((records) => this._record(records));
  }

  start() {
    this.observe(this.doc);
    for (const root of collectShadowRoots(this.doc.documentElement || this.doc)) this.observe(root);
  }

  /** Observe one root (the document or an open shadow root); returns true if new. */
  observe(root) {
    if (!root || this.roots.has(root)) return false;
    this.roots.add(root);
    this.observer.observe(root, { childList: true, subtree: true });
    return true;
  }

  stop() {
    this.observer.disconnect();
  }

  _record(records) {
    for (const r of records) {
      for (const n of r.addedNodes) if (n.nodeType === 1) this.pending.push(n);
      if (r.removedNodes.length) this.pending.removed = true;
    }
    if (this.scheduled) return;
    this.scheduled = true;
    this.schedule(() => this.flush());
  }

  flush() {
    this.scheduled = false;
    const nodes = this.pending;
    this.pending = [];
    const newRoots = [];
    for (const node of nodes) {
      if (!node.isConnected) continue;
      for (const root of collectShadowRoots(node)) if (this.observe(root)) newRoots.push(root);
    }
    this.onAdded(nodes, newRoots, Boolean(nodes.removed));
  }
}
