// The queue of events kept while the companion is away: never any text, bounded in count
// and age, and made of plain stored data (it outlives the background and the browser).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { OUTBOX_KEY, Outbox, forCompanion, withoutText, worthRetrying } from "../../extension/lib/outbox.js";

/** Extension storage as the browser keeps it: values go through JSON, as on disk. */
function storageArea() {
  const data = new Map();
  return {
    data,
    async get(key) {
      return data.has(key) ? { [key]: JSON.parse(data.get(key)) } : {};
    },
    async set(items) {
      for (const [k, v] of Object.entries(items)) data.set(k, JSON.stringify(v));
    },
  };
}

const SECRET = "Hi Jane, would you like a demo of our product?";
const event = (id, extra = {}) => ({
  id,
  type: "message_sent",
  at: "2026-12-01T10:00:00Z",
  site: "linkedin",
  recipient: { profile_url: "https://www.linkedin.com/in/jane-doe", name: "Jane Doe" },
  text: SECRET,
  verdict: "pitch_heavy",
  score: 30,
  ...extra,
});

describe("events and their text", () => {
  it("go to the companion without text unless the user keeps texts", () => {
    assert.equal(forCompanion(event("a"), false).text, undefined);
    assert.equal(forCompanion(event("a"), undefined).text, undefined);
    assert.equal(forCompanion(event("a"), true).text, SECRET);
    assert.deepEqual(Object.keys(withoutText(event("a"))).sort(), ["at", "id", "recipient", "score", "site", "type", "verdict"]);
  });
});

describe("Outbox", () => {
  it("never writes message text to storage", async () => {
    const storage = storageArea();
    const outbox = new Outbox(storage);
    await outbox.add(event("a"));
    await outbox.add(event("b", { type: "message_received" }));
    const written = [...storage.data.values()].join("\n");
    assert.ok(!written.includes(SECRET), written);
    assert.equal(await outbox.size(), 2);
  });

  it("strips text from events an older version queued", async () => {
    const storage = storageArea();
    await storage.set({ [OUTBOX_KEY]: [event("old")] });
    const outbox = new Outbox(storage);
    await outbox.add(event("new"));
    assert.ok(![...storage.data.values()].join("").includes(SECRET));
    assert.deepEqual((await outbox.entries()).map((e) => e.event.id), ["old", "new"]);
  });

  it("keeps an event once, however often it is queued", async () => {
    const outbox = new Outbox(storageArea());
    await Promise.all([outbox.add(event("a")), outbox.add(event("a")), outbox.add(event("b"))]);
    assert.deepEqual((await outbox.entries()).map((e) => e.event.id), ["a", "b"]);
  });

  it("is bounded in count: the oldest go first", async () => {
    const outbox = new Outbox(storageArea(), { maxEvents: 3 });
    for (const id of ["a", "b", "c", "d", "e"]) await outbox.add(event(id));
    assert.deepEqual((await outbox.entries()).map((e) => e.event.id), ["c", "d", "e"]);
  });

  it("is bounded in age: events queued too long ago are dropped", async () => {
    let now = 1_000_000;
    const storage = storageArea();
    const outbox = new Outbox(storage, { now: () => now, maxAgeMs: 1000 });
    await outbox.add(event("a"));
    now += 600;
    await outbox.add(event("b"));
    now += 600;
    assert.deepEqual((await outbox.entries()).map((e) => e.event.id), ["b"]);
    await outbox.add(event("c"));
    assert.deepEqual(JSON.parse(storage.data.get(OUTBOX_KEY)).map((e) => e.event.id), ["b", "c"]);
  });

  it("is read back by a new Outbox on the same storage (a restarted browser)", async () => {
    const storage = storageArea();
    await new Outbox(storage).add(event("a"));
    assert.deepEqual((await new Outbox(storage).entries()).map((e) => e.event.id), ["a"]);
  });

  it("delivers oldest first, keeps what meets an offline companion, drops what is refused", async () => {
    const outbox = new Outbox(storageArea());
    for (const id of ["ok1", "refused", "ok2", "down", "later"]) await outbox.add(event(id));
    const offered = [];
    const result = await outbox.flush(async (e) => {
      offered.push(e.id);
      if (e.id === "refused") return { ok: false, status: 422, error: {} };
      if (e.id === "down") return { ok: false, offline: true, reason: "down" };
      assert.equal(e.text, undefined);
      return { ok: true };
    });
    assert.deepEqual(offered, ["ok1", "refused", "ok2", "down"]);
    assert.deepEqual(result, { sent: 3, left: 2 });
    assert.deepEqual((await outbox.entries()).map((e) => e.event.id), ["down", "later"]);
  });

  it("keeps an event met by a server error and stops there, as when the companion is down", async () => {
    for (const status of [500, 503]) {
      const outbox = new Outbox(storageArea());
      for (const id of ["ok1", "broken", "later"]) await outbox.add(event(id));
      const offered = [];
      const result = await outbox.flush(async (e) => {
        offered.push(e.id);
        if (e.id === "broken") return { ok: false, status, error: {} };
        return { ok: true };
      });
      assert.deepEqual(offered, ["ok1", "broken"]);
      assert.deepEqual(result, { sent: 1, left: 2 });
      assert.deepEqual((await outbox.entries()).map((e) => e.event.id), ["broken", "later"]);
    }
  });

  it("retries offline, 5xx and status-less failures, never 4xx or successes", () => {
    assert.equal(worthRetrying({ ok: false, offline: true, reason: "down" }), true);
    assert.equal(worthRetrying({ ok: false, status: 500, error: {} }), true);
    assert.equal(worthRetrying({ ok: false, status: 503, error: {} }), true);
    assert.equal(worthRetrying({ ok: false, error: {} }), true);
    assert.equal(worthRetrying(undefined), true);
    assert.equal(worthRetrying({ ok: false, status: 400, error: {} }), false);
    assert.equal(worthRetrying({ ok: false, status: 422, error: {} }), false);
    assert.equal(worthRetrying({ ok: true, status: 201 }), false);
  });
});
