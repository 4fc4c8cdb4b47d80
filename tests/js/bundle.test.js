// The content script the browser loads is one generated file; it must be what its module
// sources build today, or the extension would run code nobody reviewed.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

describe("content/bundle.js", () => {
  it("is up to date with its sources (run scripts/build-content.sh)", { timeout: 60_000 }, () => {
    const run = spawnSync(join(root, "scripts", "build-content.sh"), ["--stdout"], { encoding: "utf8", cwd: root });
    assert.equal(run.status, 0, run.stderr);
    const committed = readFileSync(join(root, "extension", "content", "bundle.js"), "utf8");
    assert.ok(committed === run.stdout, "extension/content/bundle.js is stale: run scripts/build-content.sh");
  });

  it("loads nothing at run time and holds no module syntax", () => {
    const code = readFileSync(join(root, "extension", "content", "bundle.js"), "utf8");
    assert.doesNotMatch(code, /\bimport\s*\(/);
    assert.doesNotMatch(code, /^\s*(import|export)\s/m);
    assert.doesNotMatch(code, /runtime\.getURL/);
  });
});
