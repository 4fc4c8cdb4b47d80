// The companion client (lib/companion.js) against the real companion on loopback.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { Companion as Client } from "../../extension/lib/companion.js";
import { Companion } from "../firefox/companion.mjs";

function storageArea(initial = {}) {
  const data = new Map(Object.entries(initial));
  return {
    async get(keys) {
      const out = {};
      for (const k of [keys].flat()) if (data.has(k)) out[k] = data.get(k);
      return out;
    },
    async set(items) {
      for (const [k, v] of Object.entries(items)) data.set(k, v);
    },
    async remove(keys) {
      for (const k of [keys].flat()) data.delete(k);
    },
  };
}

describe("the follow-ups poll", () => {
  const companion = new Companion();
  let storage;

  before(async () => {
    await companion.start();
    storage = storageArea({ port: companion.port });
    const paired = await new Client(storage, fetch).pair(companion.pairCode());
    assert.ok(paired.ok, JSON.stringify(paired));
  });
  after(() => companion.dispose());

  it("sends the last ETag back, and on 304 Not Modified answers with the list it has", async () => {
    const seen = []; // what the companion answered over HTTP
    const client = new Client(storage, async (url, init) => {
      const response = await fetch(url, init);
      seen.push([new URL(url).pathname, response.status, init.headers["If-None-Match"] || null]);
      return response;
    });
    const first = await client.followups();
    assert.ok(first.ok, JSON.stringify(first));
    assert.ok(first.etag, "the companion tags the list");
    const second = await client.followups();
    assert.equal(second.ok, true);
    assert.deepEqual(second.data, first.data);
    assert.deepEqual(seen, [
      ["/api/v1/followups", 200, null],
      ["/api/v1/followups", 304, first.etag],
    ]);

    // Something changes: the next poll gets the new list, not the one in hand.
    const at = new Date(Date.now() - 3 * 86_400_000).toISOString();
    const posted = await client.postEvent({
      id: "etag-test-1",
      type: "message_received",
      at,
      site: "linkedin",
      recipient: { profile_url: "https://www.linkedin.com/in/etag-test-1/", name: "Etag Test" },
    });
    assert.ok(posted.ok, JSON.stringify(posted));
    const third = await client.followups();
    assert.equal(seen.at(-1)[1], 200);
    assert.notEqual(third.etag, first.etag);
    assert.notDeepEqual(third.data, first.data);
  });
});
