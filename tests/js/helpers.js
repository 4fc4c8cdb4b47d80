// Shared set-up for the extension's unit tests: LinkedIn fixture pages (the same ones the
// end-to-end tests serve to Chromium) loaded into jsdom.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { JSDOM } from "jsdom";

const here = dirname(fileURLToPath(import.meta.url));
export const FIXTURES = join(here, "..", "e2e", "fixtures", "linkedin");

/**
 * Load a fixture page at `url`. Inline scripts run (they build the shadow roots, as
 * LinkedIn's own scripts do); the behaviour script of the e2e fixtures is not loaded.
 */
export function loadFixture(name, url) {
  const html = readFileSync(join(FIXTURES, name), "utf8").replace(/<script src="[^"]*"><\/script>/g, "");
  const dom = new JSDOM(html, {
    url,
    runScripts: "dangerously",
    pretendToBeVisual: true,
    beforeParse(window) {
      window.fixtureWire = () => {};
    },
  });
  return dom;
}

/** Wait for timers in the page (jsdom runs them on node's clock). */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Wait until `check()` is truthy, polling, and return its value; fail after `timeout` ms.
 * Generous on purpose: a busy machine may take long, and a passing test never waits more
 * than it needs.
 */
export async function waitFor(check, what, timeout = 20_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

/** Put `text` into a compose box the way an editor does: one <p> per line, then `input`. */
export function typeInto(editor, text) {
  const doc = editor.ownerDocument;
  if (editor.tagName === "TEXTAREA") editor.value = text;
  else {
    editor.replaceChildren(
      ...text.split("\n").map((line) => {
        const p = doc.createElement("p");
        if (line) p.textContent = line;
        else p.append(doc.createElement("br"));
        return p;
      }),
    );
  }
  const view = doc.defaultView;
  editor.dispatchEvent(new view.InputEvent("input", { bubbles: true, composed: true }));
}
