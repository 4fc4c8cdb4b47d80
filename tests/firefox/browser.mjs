// Debian's Firefox ESR driven over WebDriver BiDi by puppeteer-core (no geckodriver, no
// browser download), with the unpacked extension installed as a temporary add-on.
// Every web request is answered from the fixture pages or aborted: nothing leaves the
// machine. The background's calls to the companion on 127.0.0.1 are not intercepted.
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import puppeteer from "puppeteer-core";
import { ROOT, waitFor } from "./companion.mjs";

export const FIREFOX = process.env.ASKFIRST_FIREFOX || "/usr/bin/firefox-esr";
export const EXTENSION = join(ROOT, "extension");
export const ARTIFACTS = join(ROOT, "tests", "e2e", "artifacts", "firefox");
export const GECKO_ID = JSON.parse(readFileSync(join(EXTENSION, "manifest.json"), "utf8")).browser_specific_settings.gecko.id;
// The moz-extension:// host is random per profile: pinned, so tests can open its pages.
export const UUID = "6f1c9a52-1d2b-4c3e-9f4a-0a5f1e7c0b11";
export const ORIGIN = `moz-extension://${UUID}`;

export const SKIP = existsSync(FIREFOX) ? false : `Firefox ESR is not installed at ${FIREFOX} (apt-get install firefox-esr)`;

/** Fixture pages by host and path: `{"www.linkedin.com": {"/feed/": "/abs/path.html"}}`. */
export function fixtureRoutes(pages) {
  return (request) => {
    const url = new URL(request.url());
    if (url.hostname === "127.0.0.1") return request.continue();
    const file = url.protocol === "https:" && pages[url.hostname] && pages[url.hostname][url.pathname];
    if (typeof file === "string") {
      const type = file.endsWith(".js") ? "application/javascript" : "text/html; charset=utf-8";
      return request.respond({ status: 200, contentType: type, body: readFileSync(file) });
    }
    if (file && typeof file === "object") return request.respond({ status: 200, contentType: "text/html; charset=utf-8", body: file.body });
    if (url.protocol === "https:" && pages[url.hostname]) return request.respond({ status: 404, contentType: "text/plain", body: "not in the fixtures" });
    return request.abort(); // nothing leaves this machine
  };
}

export async function launch({ userDataDir, prefs = {} } = {}) {
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: FIREFOX,
    headless: true,
    userDataDir,
    // Tabs on moz-extension:// pages need this; setViewport does not work over BiDi on ESR.
    args: ["--remote-allow-system-access"],
    defaultViewport: { width: 1280, height: 900 },
    extraPrefsFirefox: {
      "extensions.webextensions.uuids": JSON.stringify({ [GECKO_ID]: UUID }),
      ...prefs,
    },
  });
  return browser;
}

/**
 * Open one of the extension's pages in a new tab. Firefox sends no navigation events
 * for extension pages, so the navigation is started, not awaited, and the new document
 * is polled for instead.
 */
export async function openExtensionPage(browser, path) {
  const page = await browser.newPage();
  const url = `${ORIGIN}/${path}`;
  page.goto(url).catch(() => {});
  await waitFor(
    () => page.evaluate(() => location.href + "\n" + document.readyState).then((s) => s === `${url}\ncomplete`),
    `${path} to load`,
    { timeoutMs: 20_000 },
  );
  return page;
}

/** A message to the background, sent from an extension page (as the popup would). */
export function ask(page, message) {
  return page.evaluate((m) => browser.runtime.sendMessage(m), message);
}

export async function screenshot(page, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}
