import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { SITES, siteOfUrl } from "../../extension/lib/sites.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const ext = join(root, "extension");
const manifest = JSON.parse(readFileSync(join(ext, "manifest.json"), "utf8"));

describe("manifest.json", () => {
  it("is Manifest V3 with a background for Chrome and for Firefox", () => {
    assert.equal(manifest.manifest_version, 3);
    assert.equal(manifest.background.service_worker, "background.js");
    assert.deepEqual(manifest.background.scripts, ["background.js"]);
    assert.equal(manifest.background.type, "module");
    assert.match(manifest.browser_specific_settings.gecko.id, /@/);
    // The oldest Firefox the Firefox tests run in: host permissions granted at install
    // need 127, data_collection_permissions 140.
    assert.ok(Number.parseFloat(manifest.browser_specific_settings.gecko.strict_min_version) >= 140);
  });

  it("asks for the supported sites and the local companion, nothing else", () => {
    assert.deepEqual(manifest.host_permissions.sort(), [
      "http://127.0.0.1/*", "https://twitter.com/*", "https://www.facebook.com/messages/*",
      "https://www.linkedin.com/*", "https://www.messenger.com/*", "https://x.com/*",
    ]);
    assert.deepEqual(manifest.permissions.sort(), ["alarms", "storage"]);
    const matches = manifest.content_scripts.flatMap((c) => c.matches);
    for (const m of matches) assert.ok(manifest.host_permissions.includes(m), `${m} is a host permission`);
  });

  it("carries the companion's version, as package.json does (pyproject.toml is the one place)", () => {
    const version = readFileSync(join(root, "pyproject.toml"), "utf8").match(/^version\s*=\s*"([^"]+)"/m)[1];
    assert.equal(manifest.version, version);
    assert.equal(JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version, version);
  });

  it("exposes no file to web pages, so no page can tell the extension is installed", () => {
    assert.equal(manifest.web_accessible_resources, undefined);
    assert.deepEqual(manifest.content_scripts.flatMap((c) => c.js), ["content/bundle.js"]);
  });

  it("lists per site the same origins the manifest asks for, so access is checked site by site", () => {
    const origins = SITES.flatMap((s) => s.origins).sort();
    assert.deepEqual(origins, manifest.host_permissions.filter((o) => !o.startsWith("http://127.0.0.1")).sort());
    assert.deepEqual(origins, manifest.content_scripts.flatMap((c) => c.matches).sort());
    assert.equal(siteOfUrl("https://www.linkedin.com/messaging/thread/1/"), "linkedin");
    assert.equal(siteOfUrl("https://twitter.com/messages"), "x");
    assert.equal(siteOfUrl("https://www.facebook.com/messages/t/1"), "messenger");
    assert.equal(siteOfUrl("https://www.facebook.com/feed"), null);
    assert.equal(siteOfUrl("not a url"), null);
  });

  it("names only files that exist", () => {
    const files = [
      manifest.background.service_worker,
      manifest.action.default_popup,
      manifest.options_ui.page,
      ...manifest.content_scripts.flatMap((c) => c.js),
      ...Object.values(manifest.icons),
      "try/try.html",
    ];
    for (const f of files) assert.ok(existsSync(join(ext, f)), f);
  });

  it("passes web-ext lint with no errors and no warning but the cross-browser background one", { timeout: 120_000 }, () => {
    const bin = join(root, "node_modules", ".bin", "web-ext");
    const run = spawnSync(bin, ["lint", "--source-dir", ext, "--output", "json", "--no-input"], { encoding: "utf8" });
    const report = JSON.parse(run.stdout);
    const errors = report.errors.map((e) => `${e.code} ${e.file || ""}: ${e.message}`);
    assert.deepEqual(errors, []);
    assert.equal(report.summary.errors, 0);
    // Chromium needs background.service_worker, Firefox ignores it (and says so).
    const warnings = report.warnings.map((w) => w.code).filter((c) => c !== "BACKGROUND_SERVICE_WORKER_IGNORED");
    assert.deepEqual(warnings, []);
    assert.equal(report.notices.length, 0);
  });
});
