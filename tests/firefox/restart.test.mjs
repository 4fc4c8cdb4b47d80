// Events the companion could not take yet survive a browser restart, and go through once
// it answers: the queue lives in extension storage (without the messages' text).
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { SKIP, ask, launch, openExtensionPage } from "./browser.mjs";
import { Companion, ROOT, waitFor } from "./companion.mjs";

// Temporary add-ons are removed when Firefox quits; this keeps their storage, as a
// normally installed add-on keeps it across restarts.
const PREFS = { "extensions.webextensions.keepStorageOnUninstall": true };

describe("the offline queue across a browser restart", { skip: SKIP, timeout: 300_000 }, () => {
  const profile = mkdtempSync(join(tmpdir(), "askfirst-firefox-profile-"));
  const companion = new Companion();
  after(async () => {
    await companion.dispose();
    rmSync(profile, { recursive: true, force: true });
  });

  async function withFirefox(steps) {
    const browser = await launch({ userDataDir: profile, prefs: PREFS });
    try {
      await browser.installExtension(join(ROOT, "extension"));
      const page = await openExtensionPage(browser, "options/options.html");
      return await steps(page);
    } finally {
      await browser.close();
    }
  }

  it("keeps a send made while unpaired, text-free, and delivers it after pairing", async () => {
    const text = "Lovely to meet you at the workshop yesterday, Ines!";
    await withFirefox(async (page) => {
      const reply = await ask(page, {
        type: "event",
        event: {
          id: "fx-restart-1",
          type: "message_sent",
          at: new Date().toISOString(),
          site: "linkedin",
          recipient: { profile_url: "https://www.linkedin.com/in/ines-moreau-4/", name: "Ines Moreau" },
          text,
        },
      });
      assert.equal(reply.offline, true);
      assert.equal((await ask(page, { type: "outbox" })).queued, 1);
    });

    await companion.start();
    await withFirefox(async (page) => {
      assert.equal((await ask(page, { type: "outbox" })).queued, 1, "the queue outlived the restart");
      const stored = JSON.stringify(await page.evaluate(() => browser.storage.local.get(null)));
      assert.ok(!stored.includes("workshop"), "no message text in extension storage");
      const paired = await ask(page, { type: "pair", code: companion.pairCode(), port: companion.port });
      assert.equal(paired.ok, true, JSON.stringify(paired));
      const { token } = await page.evaluate(() => browser.storage.local.get("token"));
      const event = await waitFor(async () => {
        const [status, body] = await companion.call("GET", "/contacts/linkedin:ines-moreau-4", { token });
        return status === 200 && body.events.find((e) => e.id === "fx-restart-1");
      }, "the queued event to reach the companion");
      assert.equal(event.text ?? null, null);
      await waitFor(async () => (await ask(page, { type: "outbox" })).queued === 0, "the queue to empty");
    });
  });
});
