// The extension in Debian's Firefox ESR against the real companion: install, pairing
// through the options page, verdicts on LinkedIn's pages (the overlay in its shadow root
// too), a send recorded without its text, the popup's follow-ups, the offline notice and
// queue, revoked site access, and that no page can fetch the extension's files.
import assert from "node:assert/strict";
import { createServer, request as httpRequest } from "node:http";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { ORIGIN, SKIP, ask, fixtureRoutes, launch, openExtensionPage, screenshot } from "./browser.mjs";
import { Companion, ROOT, freePort, waitFor } from "./companion.mjs";

const LI = "https://www.linkedin.com";
const FIX = join(ROOT, "tests", "e2e", "fixtures", "linkedin");
const PAGES = {
  "www.linkedin.com": {
    "/messaging/thread/2-MjA0ZTk1/": join(FIX, "messaging-thread.html"),
    "/messaging/thread/2-ZmVlZGJh/": join(FIX, "messaging-enter.html"),
    "/feed/": join(FIX, "overlay-shadow.html"),
    "/__fixture__/fixture.js": join(FIX, "fixture.js"),
  },
};
const PITCH =
  "Hi, I'm the founder of Acme, we help companies like yours cut hiring costs by 40%. " +
  "Our platform is trusted by 200+ clients. Do you have 15 minutes this week for a quick call?";
const PANEL = "[data-askfirst-panel]";

/** The first element matching `selector` in the page or any open shadow root, once there is one. */
async function deep(page, selector, timeout = 15_000) {
  const handle = await page.waitForFunction(
    (sel) => {
      const find = (root) => {
        const hit = root.querySelector(sel);
        if (hit) return hit;
        for (const el of root.querySelectorAll("*")) {
          const inner = el.shadowRoot && find(el.shadowRoot);
          if (inner) return inner;
        }
        return null;
      };
      return find(document);
    },
    { timeout, polling: 100 },
    selector,
  );
  return handle.asElement();
}

describe("Ask First in Firefox ESR", { skip: SKIP, timeout: 300_000 }, () => {
  const companion = new Companion();
  let browser;
  let pairedToken = null;

  before(async () => {
    await companion.start();
    browser = await launch();
    const id = await browser.installExtension(join(ROOT, "extension"));
    assert.equal(id, "askfirst@askfirst.local");
  });

  after(async () => {
    if (browser) await browser.close();
    await companion.dispose();
  });

  /** A LinkedIn fixture page in a new tab, every other request answered or aborted. */
  async function linkedinPage(path, extra = {}, inBrowser = browser) {
    const page = await inBrowser.newPage();
    await page.setRequestInterception(true);
    const pages = { "www.linkedin.com": { ...PAGES["www.linkedin.com"], ...extra } };
    page.on("request", fixtureRoutes(pages));
    await page.goto(LI + path);
    return page;
  }

  async function typeDraft(page, selector, text) {
    const box = await deep(page, selector);
    await box.click();
    await page.keyboard.type(text);
  }

  async function panelVerdict(page) {
    const panel = await deep(page, `${PANEL}[data-askfirst-verdict]`, 20_000);
    return panel.evaluate((el) => ({ verdict: el.dataset.askfirstVerdict, score: Number(el.dataset.askfirstScore) }));
  }

  /** The id of the tab most recently opened (tabs get increasing ids). */
  async function newestTabId(extensionPage) {
    const tabs = await extensionPage.evaluate(() => browser.tabs.query({}));
    return Math.max(...tabs.map((t) => t.id));
  }

  /** Pair as a user does: the options page, the port, the code from `askfirst pair`, Pair. */
  async function pairThroughOptions() {
    const options = await openExtensionPage(browser, "options/options.html");
    const port = await options.$("#port");
    await port.click({ count: 3 });
    await port.type(String(companion.port));
    await options.type("#code", companion.pairCode());
    await options.click("#pair");
    await options.waitForFunction(() => /\bPaired\b/.test(document.body.innerText), { timeout: 20_000 });
    await screenshot(options, "options-paired");
    const { token, port: saved } = await options.evaluate(() => browser.storage.local.get(["token", "port"]));
    await options.close();
    assert.equal(saved, companion.port);
    assert.match(token, /^[0-9a-f]{64}$/);
    pairedToken = token;
    return token;
  }

  const paired = async () => pairedToken || pairThroughOptions();

  async function eventsOf(key) {
    const [status, body] = await companion.call("GET", `/contacts/${key}`, { token: await paired() });
    return status === 200 ? body.events : [];
  }

  it("installs with access to every supported site, and answers its pages", async () => {
    const page = await openExtensionPage(browser, "popup/popup.html");
    const reply = await ask(page, { type: "siteAccess" });
    assert.deepEqual(reply.sites.map((s) => [s.site, s.granted]), [["linkedin", true], ["x", true], ["messenger", true]]);
    await screenshot(page, "popup-installed");
    await page.close();
  });

  it("pairs through the options page; the diagnosis then says paired", async () => {
    await pairThroughOptions();
    const page = await openExtensionPage(browser, "options/options.html");
    const { diagnosis } = await ask(page, { type: "diagnose" });
    assert.equal(diagnosis.state, "paired", diagnosis.message);
    await page.close();
  });

  it("shows a verdict on the messaging page and records the send without its text", async () => {
    await paired();
    const page = await linkedinPage("/messaging/thread/2-MjA0ZTk1/");
    await typeDraft(page, ".msg-form__contenteditable", PITCH);
    const shown = await panelVerdict(page);
    assert.equal(shown.verdict, "pitch_heavy");
    await screenshot(page, "linkedin-messaging-panel");
    await page.click("button.msg-form__send-button");
    const event = await waitFor(
      async () => (await eventsOf("linkedin:jane-doe-123")).find((e) => e.type === "message_sent"),
      "the send to reach the companion",
    );
    assert.deepEqual([event.verdict, event.score], [shown.verdict, shown.score]);
    assert.equal(event.recipient.profile_url, "https://www.linkedin.com/in/jane-doe-123/");
    assert.equal(event.text ?? null, null, "no message text unless the user keeps texts");
    await page.close();
  });

  it("shows a verdict in the chat overlay inside #interop-outlet's shadow root", async () => {
    await paired();
    const page = await linkedinPage("/feed/");
    assert.equal(await page.$(".msg-form__contenteditable"), null, "invisible to a page-wide querySelector");
    await typeDraft(page, ".msg-form__contenteditable", "Congrats on the new role! How are the first weeks going?");
    const shown = await panelVerdict(page);
    assert.match(shown.verdict, /^(ok|ask_first|wait|premature|pitch_heavy)$/);
    const inShadow = await page.$eval("#interop-outlet", (host) => Boolean(host.shadowRoot.querySelector("[data-askfirst-panel]")) || Boolean(document.querySelector("[data-askfirst-panel]")));
    assert.ok(inShadow);
    await screenshot(page, "linkedin-overlay-panel");
    await page.close();
  });

  it("lists a due follow-up in the popup", async () => {
    const token = await paired();
    const fiveDaysAgo = new Date(Date.now() - 5 * 86_400_000).toISOString();
    const [status] = await companion.call("POST", "/events", {
      token,
      body: {
        id: "fx-connected-ada",
        type: "connected",
        at: fiveDaysAgo,
        recipient: { profile_url: "https://www.linkedin.com/in/ada-okoro-1/", name: "Ada Okoro" },
      },
    });
    assert.ok(status === 201 || status === 200, `event refused: ${status}`);
    const popup = await openExtensionPage(browser, "popup/popup.html");
    await popup.waitForFunction(() => document.body.innerText.includes("Ada Okoro"), { timeout: 20_000 });
    await screenshot(popup, "popup-followups");
    await popup.close();
  });

  it("offline: says so in the panel, queues the send without its text, delivers it when back", async () => {
    await paired();
    const options = await openExtensionPage(browser, "options/options.html");
    const deadPort = await freePort();
    // Open pages hear the new diagnosis as soon as the port changes.
    await options.evaluate(() => {
      window.heard = [];
      browser.runtime.onMessage.addListener((m) => {
        if (m.type === "diagnosis") window.heard.push(m.diagnosis);
      });
    });
    await options.evaluate((p) => browser.storage.local.set({ port: p }), deadPort);
    const heard = await waitFor(() => options.evaluate((p) => window.heard.find((d) => d.port === p), deadPort), "the re-check");
    assert.deepEqual([heard.state, heard.foundPort], ["port_changed", companion.port]);
    const page = await linkedinPage("/messaging/thread/2-ZmVlZGJh/");
    try {
      const secret = "Thanks Ravi, the numbers you shared (17 and 23) were really helpful!";
      await typeDraft(page, ".msg-form__contenteditable", secret);
      const notice = await deep(page, "[data-askfirst-offline]", 20_000);
      assert.ok(notice);
      const d = (await ask(options, { type: "diagnose" })).diagnosis;
      assert.equal(d.state, "port_changed", "the companion still answers where this browser paired");
      assert.equal(d.foundPort, companion.port);
      await screenshot(page, "linkedin-offline-notice");
      await page.keyboard.press("Enter");
      await waitFor(async () => (await ask(options, { type: "outbox" })).queued >= 1, "the send to be queued");
      const local = JSON.stringify(await options.evaluate(() => browser.storage.local.get(null)));
      const session = JSON.stringify(await options.evaluate(() => browser.storage.session.get(null)));
      for (const part of ["Thanks Ravi", "numbers you shared", "really helpful"]) {
        assert.ok(!local.includes(part) && !session.includes(part), `"${part}" is in extension storage`);
      }
    } finally {
      await options.evaluate((p) => browser.storage.local.set({ port: p }), companion.port);
    }
    const event = await waitFor(
      async () => (await eventsOf("linkedin:ravi-kumar-7")).find((e) => e.type === "message_sent"),
      "the queued send to be delivered once the port is right again",
      { timeoutMs: 30_000 },
    );
    assert.equal(event.text ?? null, null);
    assert.equal((await ask(options, { type: "outbox" })).queued, 0);
    await page.close();
    await options.close();
  });

  it("sends no message text to the companion unless the user keeps texts", async () => {
    const token = await paired();
    // A recording relay in front of the real companion shows what the extension sends.
    const bodies = [];
    const relay = createServer((req, res) => {
      const chunks = [];
      req.on("data", (c) => chunks.push(c));
      req.on("end", () => {
        const body = Buffer.concat(chunks);
        if (req.url.startsWith("/api/v1/events")) bodies.push(body.toString());
        const headers = { ...req.headers, host: `127.0.0.1:${companion.port}` };
        const up = httpRequest({ host: "127.0.0.1", port: companion.port, method: req.method, path: req.url, headers }, (r) => {
          res.writeHead(r.statusCode, r.headers);
          r.pipe(res);
        });
        up.on("error", () => res.writeHead(502).end());
        up.end(body);
      });
    });
    await new Promise((resolve) => relay.listen(0, "127.0.0.1", resolve));
    const options = await openExtensionPage(browser, "options/options.html");
    await options.evaluate((p) => browser.storage.local.set({ port: p }), relay.address().port);
    const send = async (text) => {
      const page = await linkedinPage("/messaging/thread/2-MjA0ZTk1/");
      await typeDraft(page, ".msg-form__contenteditable", text);
      await panelVerdict(page);
      await page.click("button.msg-form__send-button");
      // A follow-up to Jane may be held as too soon (the earlier tests wrote to her): the
      // user's "Send anyway" lets it go, and what reaches the companion is what we check.
      await waitFor(async () => {
        if (bodies.some((b) => JSON.parse(b).recipient)) return true;
        await page.evaluate(() => {
          const hold = document.querySelector("[data-askfirst-hold]");
          hold?.shadowRoot?.querySelector("button.send")?.click();
        });
        return false;
      }, "the send to pass the relay");
      await page.close();
    };
    try {
      await send("Good to hear from you, Jane: shall we talk about the offsite?");
      assert.equal(bodies.length, 1);
      assert.equal(JSON.parse(bodies[0]).text, undefined, bodies[0]);
      assert.ok(!bodies[0].includes("offsite"));

      // The user turns on "keep the text" in the options: now the companion gets it and keeps it.
      await options.click("#store_text");
      await options.click("#save");
      await waitFor(() => options.evaluate(() => browser.storage.local.get("storeText").then((r) => r.storeText === true)), "the setting to be saved");
      bodies.length = 0;
      await send("Thanks Jane, the offsite plan looks great.");
      assert.equal(JSON.parse(bodies[0]).text, "Thanks Jane, the offsite plan looks great.");
      const events = await eventsOf("linkedin:jane-doe-123");
      assert.ok(events.some((e) => e.text === "Thanks Jane, the offsite plan looks great."));
    } finally {
      await companion.call("PUT", "/settings", { token, body: { store_text: false } });
      await options.evaluate((p) => browser.storage.local.set({ port: p, storeText: false }), companion.port);
      await options.close();
      relay.close();
    }
  });

  it("no page can fetch the extension's files by their static URL", async () => {
    const page = await linkedinPage("/messaging/thread/2-MjA0ZTk1/");
    const results = await page.evaluate(async (origin) => {
      const out = {};
      for (const path of ["manifest.json", "content/bundle.js", "content/main.js", "content/panel.js", "lib/page.css", "icons/icon-16.png"]) {
        try {
          const r = await fetch(`${origin}/${path}`);
          out[path] = `status ${r.status}`;
        } catch {
          out[path] = "refused";
        }
      }
      return out;
    }, ORIGIN);
    for (const [path, result] of Object.entries(results)) assert.equal(result, "refused", `${path}: ${result}`);
    await page.close();
  });

  it("reports revoked site access, and then stays off the site", async () => {
    // A browser of its own: access, once revoked, comes back only by the user's gesture.
    const own = await launch();
    try {
      await own.installExtension(join(ROOT, "extension"));
      const options = await openExtensionPage(own, "options/options.html");
      const open = async () => {
        const page = await linkedinPage("/messaging/thread/2-MjA0ZTk1/", {}, own);
        return [page, await newestTabId(options)];
      };
      // With access, the content script starts on the page.
      const [before, beforeTab] = await open();
      await waitFor(async () => (await ask(options, { type: "pageStatus", tabId: beforeTab })).running, "the content script to start");
      await before.close();

      const removed = await options.evaluate(() => browser.permissions.remove({ origins: ["https://www.linkedin.com/*"] }));
      assert.equal(removed, true);
      const { sites } = await ask(options, { type: "siteAccess" });
      assert.deepEqual(sites.map((s) => [s.site, s.granted]), [["linkedin", false], ["x", true], ["messenger", true]]);
      const [page, tabId] = await open();
      await typeDraft(page, ".msg-form__contenteditable", PITCH);
      // The site's own script has seen the draft (it enables Send); ours never started.
      await page.waitForSelector("button.msg-form__send-button:not([disabled])");
      const status = await ask(options, { type: "pageStatus", tabId });
      assert.deepEqual([status.ok, status.running, status.unknownComposer], [true, false, false]);
      assert.equal(await page.$(PANEL), null);
      await screenshot(page, "linkedin-access-revoked");
    } finally {
      await own.close();
    }
  });

  it("on a messaging page whose box no selector knows, reports it with a skeleton and no text", async () => {
    await paired();
    const { readFileSync } = await import("node:fs");
    const html = readFileSync(join(FIX, "messaging-thread.html"), "utf8")
      .replace('class="msg-form__contenteditable ', 'class="composer-next__input ')
      .replace('aria-label="Write a message…"', 'aria-label="Reply to Jane Doe"')
      .replace(/role="textbox"/, "")
      .replace('<form class="msg-form ', '<form class="composer-next ');
    const page = await linkedinPage("/messaging/thread/2-bmV4dA/", { "/messaging/thread/2-bmV4dA/": { body: html } });
    const options = await openExtensionPage(browser, "popup/popup.html");
    const tabId = await newestTabId(options) - 1; // the LinkedIn tab, opened just before
    await waitFor(async () => (await ask(options, { type: "pageStatus", tabId })).running, "the content script to start");
    await typeDraft(page, ".composer-next__input", "Hello Jane, about your talk at the meetup");
    const status = await waitFor(async () => {
      const s = await ask(options, { type: "pageStatus", tabId });
      return s.unknownComposer ? s : null;
    }, "the unknown compose box to be reported");
    assert.equal(status.site, "linkedin");
    assert.match(status.report, /composer-next__input[^\n]*<-- the box/);
    assert.match(status.report, /\[aria-label="Reply to \*"\]/);
    for (const secret of ["Hello", "Jane", "Doe", "meetup", "linkedin.com", "/in/", "2-bmV4dA"]) {
      assert.ok(!status.report.includes(secret), `the report holds ${secret}`);
    }
    await page.close();
    await options.close();
  });
});

