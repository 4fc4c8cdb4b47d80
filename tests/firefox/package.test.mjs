// scripts/build-extension.sh: one package per browser, the companion's version, the
// licence inside, each manifest fit for its browser, and the Firefox package installs.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { SKIP, ask, launch, openExtensionPage } from "./browser.mjs";
import { ROOT } from "./companion.mjs";

const VERSION = readFileSync(join(ROOT, "pyproject.toml"), "utf8").match(/^version\s*=\s*"([^"]+)"/m)[1];

/** `{name: text}` of the files in a zip (python's zipfile: no zip library in node). */
function unzip(file) {
  const run = spawnSync("python3", ["-c", `
import json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
print(json.dumps({n: z.read(n).decode("utf-8", "replace") for n in z.namelist() if not n.endswith("/")}))
`, file], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout);
}

describe("scripts/build-extension.sh", { timeout: 300_000 }, () => {
  const out = mkdtempSync(join(tmpdir(), "askfirst-dist-"));
  let build;

  before(() => {
    build = spawnSync(join(ROOT, "scripts", "build-extension.sh"), ["--out-dir", out], { cwd: ROOT, encoding: "utf8" });
  });
  after(() => rmSync(out, { recursive: true, force: true }));

  it("builds both packages, the Firefox one with no lint error or warning", () => {
    assert.equal(build.status, 0, build.stdout + build.stderr);
    assert.match(build.stdout, /web-ext lint: 0 errors, 0 warnings/);
    for (const b of ["chromium", "firefox"]) assert.ok(existsSync(join(out, `askfirst-${b}-${VERSION}.zip`)), b);
  });

  it("gives each browser its own manifest, at the companion's version, with the licence", () => {
    const chromium = unzip(join(out, `askfirst-chromium-${VERSION}.zip`));
    const firefox = unzip(join(out, `askfirst-firefox-${VERSION}.zip`));
    const cm = JSON.parse(chromium["manifest.json"]);
    const fm = JSON.parse(firefox["manifest.json"]);
    assert.equal(cm.version, VERSION);
    assert.equal(fm.version, VERSION);
    assert.deepEqual(cm.background, { service_worker: "background.js", type: "module" });
    assert.equal(cm.browser_specific_settings, undefined);
    assert.deepEqual(fm.background, { scripts: ["background.js"], type: "module" });
    assert.equal(fm.browser_specific_settings.gecko.id, "askfirst@askfirst.local");
    const licence = existsSync(join(ROOT, "LICENSE"));
    assert.equal("LICENSE" in chromium, licence);
    assert.equal("LICENSE" in firefox, licence);
    for (const files of [chromium, firefox]) {
      assert.equal(files["content/bundle.js"], readFileSync(join(ROOT, "extension", "content", "bundle.js"), "utf8"));
    }
  });

  it("installs the Firefox package in Firefox ESR", { skip: SKIP }, async () => {
    const browser = await launch();
    try {
      assert.equal(await browser.installExtension(join(out, `askfirst-firefox-${VERSION}.zip`)), "askfirst@askfirst.local");
      const page = await openExtensionPage(browser, "popup/popup.html");
      assert.equal(await page.evaluate(() => browser.runtime.getManifest().version), VERSION);
      assert.equal((await ask(page, { type: "siteAccess" })).ok, true);
    } finally {
      await browser.close();
    }
  });
});
