// The one diagnosis every page shows, against the real companion on loopback.
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { after, before, describe, it } from "node:test";
import { Companion as Client } from "../../extension/lib/companion.js";
import { diagnose } from "../../extension/lib/diagnosis.js";
import { explain } from "../../extension/lib/messages.js";
import { Companion, freePort } from "../firefox/companion.mjs";

/** Extension storage as the browser keeps it: values go through JSON. */
function storageArea(initial = {}) {
  const data = new Map(Object.entries(initial).map(([k, v]) => [k, JSON.stringify(v)]));
  return {
    async get(keys) {
      const out = {};
      for (const k of [keys].flat()) if (data.has(k)) out[k] = JSON.parse(data.get(k));
      return out;
    },
    async set(items) {
      for (const [k, v] of Object.entries(items)) data.set(k, JSON.stringify(v));
    },
    async remove(keys) {
      for (const k of [keys].flat()) data.delete(k);
    },
  };
}

describe("diagnose()", () => {
  const companion = new Companion();
  let token;

  before(async () => {
    await companion.start();
    const client = new Client(storageArea({ port: companion.port }), fetch);
    const paired = await client.pair(companion.pairCode());
    assert.ok(paired.ok, JSON.stringify(paired));
    token = (await client.storage.get("token")).token;
  });
  after(() => companion.dispose());

  const clientWith = (items) => new Client(storageArea(items), fetch);

  it("says paired when the companion accepts this browser's token", async () => {
    const d = await diagnose(clientWith({ port: companion.port, token }));
    assert.equal(d.state, "paired");
    assert.equal(d.fix, null);
  });

  it("says not running when nothing answers on the port", async () => {
    const port = await freePort();
    const d = await diagnose(clientWith({ port, token }));
    assert.equal(d.state, "not_running");
    assert.match(d.message, new RegExp(`port ${port}`));
    assert.match(d.fix, /askfirst serve/);
  });

  it("says not paired when there is no token yet", async () => {
    const d = await diagnose(clientWith({ port: companion.port }));
    assert.deepEqual([d.state, d.refusal], ["not_paired", "no_token"]);
    assert.match(d.fix, /askfirst pair/);
    // What the pages show: the diagnosis, never "not running" for a running companion.
    const line = explain({ ok: false, offline: true, reason: "unpaired", state: d.state, message: d.message, fix: d.fix });
    assert.match(line, /is running but not paired with this browser\. Run askfirst pair/);
  });

  it("says not paired when the companion refuses the token (401)", async () => {
    const d = await diagnose(clientWith({ port: companion.port, token: "0".repeat(64) }));
    assert.deepEqual([d.state, d.refusal], ["not_paired", "token"]);
  });

  it("says the port changed when the companion answers where this browser paired", async () => {
    const port = await freePort();
    const d = await diagnose(clientWith({ port, token, pairedPort: companion.port }));
    assert.equal(d.state, "port_changed");
    assert.equal(d.foundPort, companion.port);
    assert.match(d.fix, new RegExp(`port to ${companion.port}`));
  });

  it("checks a port the user is typing before it is saved", async () => {
    const elsewhere = await freePort();
    const client = clientWith({ port: elsewhere, token });
    assert.equal((await diagnose(client, { port: companion.port })).state, "paired");
    assert.equal((await diagnose(client)).state, "not_running");
  });

  it("says not paired, with another browser, when the companion refuses this one's origin (403)", async () => {
    const other = new Companion();
    try {
      await other.start();
      const firstBrowser = "moz-extension://0b5e0a4e-1111-4d4d-8888-aaaaaaaaaaaa";
      const [status, body] = await other.call("POST", "/pair", { body: { code: other.pairCode() }, headers: { Origin: firstBrowser } });
      assert.equal(status, 200, JSON.stringify(body));
      // This browser holds a token (copied, or from before a re-pairing) but has its own origin.
      const thisBrowser = (url, init) => fetch(url, { ...init, headers: { ...init.headers, Origin: "moz-extension://0b5e0a4e-2222-4d4d-8888-bbbbbbbbbbbb" } });
      const client = new Client(storageArea({ port: other.port, token: body.token }), thisBrowser);
      const d = await diagnose(client);
      assert.deepEqual([d.state, d.refusal], ["not_paired", "other_browser"]);
      assert.match(d.message, /paired with another browser/);
    } finally {
      await other.dispose();
    }
  });

  it("tells another program on the port from the companion", async () => {
    const server = createServer((req, res) => res.end("<html>hello</html>"));
    await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const d = await diagnose(clientWith({ port: server.address().port, token }));
      assert.equal(d.state, "not_companion");
    } finally {
      server.close();
    }
  });
});
