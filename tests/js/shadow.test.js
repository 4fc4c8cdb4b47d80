// DeepObserver (content/shadow.js): what a page adds, across open shadow roots, in batches
// whose cost follows what was added and is cut into slices.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { JSDOM } from "jsdom";
import { DeepObserver } from "../../extension/content/shadow.js";
import { sleep } from "./helpers.js";

function page() {
  return new JSDOM("<!doctype html><body><main></main></body>", { pretendToBeVisual: true }).window.document;
}

/** A DeepObserver whose batches run when the test says so, recording what they report. */
function watch(doc, options = {}) {
  const queue = [];
  const reports = [];
  const observer = new DeepObserver(doc, (nodes, roots, removed) => reports.push({ nodes, roots, removed }), {
    schedule: (fn) => queue.push(fn),
    ...options,
  });
  const run = async () => {
    await sleep(0); // mutation records are delivered in a microtask
    let calls = 0;
    while (queue.length) {
      queue.shift()();
      calls += 1;
    }
    return calls;
  };
  return { observer, reports, run };
}

describe("DeepObserver", () => {
  it("reports each insertion once, by its outermost element", async () => {
    const doc = page();
    const { observer, reports, run } = watch(doc);
    observer.start();
    const ul = doc.createElement("ul");
    doc.querySelector("main").append(ul);
    const items = Array.from({ length: 3 }, () => doc.createElement("li"));
    ul.append(...items);
    items[0].append(doc.createElement("p")); // inside something added in the same batch
    await run();
    assert.equal(reports.length, 1);
    assert.deepEqual(reports[0].nodes, [ul]);
  });

  it("finds open shadow roots in what was added, and hears what happens inside them", async () => {
    const doc = page();
    const { observer, reports, run } = watch(doc);
    observer.start();
    const outer = doc.createElement("div");
    const inner = doc.createElement("div");
    outer.attachShadow({ mode: "open" }).append(inner);
    inner.attachShadow({ mode: "open" }).append(doc.createElement("span"));
    doc.body.append(outer);
    await run();
    assert.deepEqual(reports[0].roots, [outer.shadowRoot, inner.shadowRoot]);
    const deep = doc.createElement("b");
    inner.shadowRoot.append(deep);
    await run();
    assert.deepEqual(reports[1].nodes, [deep]);
  });

  it("leaves alone the hosts it is told to ignore", async () => {
    const doc = page();
    const own = doc.createElement("div");
    own.attachShadow({ mode: "open" });
    const { observer, reports, run } = watch(doc, { ignore: (el) => el === own });
    observer.start();
    doc.body.append(own);
    await run();
    assert.deepEqual(reports[0].nodes, []);
    assert.deepEqual(reports[0].roots, []);
    own.shadowRoot.append(doc.createElement("p"));
    await run();
    assert.equal(reports.length, 1, "changes inside an ignored host's shadow root are not reported");
  });

  it("cuts a long walk into slices and still reports the batch whole, once", async () => {
    const doc = page();
    const { observer, reports, run } = watch(doc, { sliceMs: 0 });
    observer.start();
    const list = doc.createElement("ul");
    for (let i = 0; i < 1000; i++) list.append(doc.createElement("li"));
    const host = doc.createElement("span");
    host.attachShadow({ mode: "open" });
    list.lastElementChild.append(host); // the last element of the walk
    doc.body.append(list);
    const calls = await run();
    assert.ok(calls > 2, `one walk over 1000 elements in ${calls} slices`);
    assert.equal(reports.length, 1);
    assert.deepEqual(reports[0].nodes, [list]);
    assert.deepEqual(reports[0].roots, [host.shadowRoot]);
  });

  it("says when something was removed, with nothing added", async () => {
    const doc = page();
    const { observer, reports, run } = watch(doc);
    observer.start();
    doc.querySelector("main").remove();
    await run();
    assert.deepEqual(reports, [{ nodes: [], roots: [], removed: true }]);
  });
});
