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

// One slice of the work that follows a burst of mutations: long enough to finish a
// typical batch at once, short enough that a page re-rendering thousands of nodes never
// holds the main thread (our budget: no task over 50 ms).
const SLICE_MS = 8;
// Idle callbacks run after the frame is painted, so our bookkeeping never lengthens the
// frame in which the site lays out what it just added; the timeout bounds the delay.
const IDLE_TIMEOUT_MS = 150;

/**
 * Watch `doc` and every open shadow root for added nodes. `onAdded(nodes, roots, removed)`
 * gets batches: the outermost added elements (a node inside another added node is not
 * repeated), the open shadow roots newly found under them (observed from then on), and
 * whether anything was removed. The batch is handled in idle time, in slices: a thread of
 * 500 messages rendering costs one walk over what was added, never over the page.
 * `ignore(element)` names hosts whose shadow roots are none of our business (our panel).
 */
export class DeepObserver {
  constructor(doc, onAdded, { schedule, ignore = () => false, sliceMs = SLICE_MS } = {}) {
    this.doc = doc;
    this.onAdded = onAdded;
    this.ignore = ignore;
    this.sliceMs = sliceMs;
    this.roots = new WeakSet();
    this.pending = [];
    this.removed = false;
    this.batch = null; // {nodes, removed, queue: [subtrees to walk], walker, roots: []}
    this.scheduled = false;
    const view = doc.defaultView;
    this.now = () => (view.performance ? view.performance.now() : Date.now());
    this.schedule =
      schedule ||
      (view.requestIdleCallback
        ? (fn) => view.requestIdleCallback(fn, { timeout: IDLE_TIMEOUT_MS })
        : (fn) => view.setTimeout(fn, 16));
    this.observer = new view.MutationObserver((records) => this._record(records));
  }

  /** Observe the document and every open shadow root in it; returns them all. */
  start() {
    return this.observeTree(this.doc);
  }

  /** Observe one root (the document or an open shadow root); returns true if new. */
  observe(root) {
    if (!root || this.roots.has(root) || (root.host && this.ignore(root.host))) return false;
    this.roots.add(root);
    this.observer.observe(root, { childList: true, subtree: true });
    return true;
  }

  /** Observe `root` and the open shadow roots below it; returns those new to us. */
  observeTree(root) {
    if (!this.observe(root)) return [];
    const found = [root];
    for (const shadow of collectShadowRoots(root.nodeType === 9 ? root.documentElement || root : root)) {
      if (this.observe(shadow)) found.push(shadow);
    }
    return found;
  }

  stop() {
    this.observer.disconnect();
    this.pending = [];
    this.batch = null;
  }

  _record(records) {
    for (const r of records) {
      for (const n of r.addedNodes) if (n.nodeType === 1) this.pending.push(n);
      if (r.removedNodes.length) this.removed = true;
    }
    this._wake();
  }

  _wake() {
    if (this.scheduled) return;
    this.scheduled = true;
    this.schedule(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  /** Take in the mutations so far; run the walk for at most one slice. */
  flush() {
    const until = this.now() + this.sliceMs;
    if (!this.batch) {
      if (!this.pending.length && !this.removed) return;
      const nodes = outermost(this.pending.filter((n) => n.isConnected && !this.ignore(n)));
      this.batch = { nodes, removed: this.removed, queue: [...nodes], walker: null, roots: [] };
      this.pending = [];
      this.removed = false;
    }
    const batch = this.batch;
    let steps = 0;
    while (batch.walker || batch.queue.length) {
      if (!batch.walker) {
        const top = batch.queue.shift();
        if (top.nodeType === 1) this._found(top.shadowRoot, batch);
        batch.walker = this.doc.createTreeWalker(top, 1 /* SHOW_ELEMENT */);
      }
      const el = batch.walker.nextNode();
      if (!el) {
        batch.walker = null;
        continue;
      }
      this._found(el.shadowRoot, batch);
      // Reading the clock per element would cost more than the walk itself.
      if (++steps % 128 === 0 && this.now() > until) {
        this._wake();
        return;
      }
    }
    this.batch = null;
    this.onAdded(batch.nodes.filter((n) => n.isConnected), batch.roots, batch.removed);
    if (this.pending.length || this.removed) this._wake();
  }

  _found(shadow, batch) {
    if (shadow && this.observe(shadow)) {
      batch.roots.push(shadow);
      batch.queue.push(shadow); // its own subtree may hold more roots
    }
  }
}

/** Drop every node that lies inside another one of `nodes` (same tree only). */
function outermost(nodes) {
  if (nodes.length < 2) return nodes;
  const all = new Set(nodes);
  const kept = new Set();
  for (const node of all) {
    let inside = false;
    for (let up = node.parentNode; up && !inside; up = up.parentNode) inside = all.has(up);
    if (!inside) kept.add(node);
  }
  return [...kept];
}
