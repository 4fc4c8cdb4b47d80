// Events waiting for the companion while it is down or not paired. They live in
// extension storage so a browser restart loses no send, which is why they never hold
// message text: the user's words are not written to the browser's disk, whatever the
// "keep the text" setting says. The queue is bounded in count and age, so a companion
// that never comes back costs a little space, not a growing pile.

export const OUTBOX_KEY = "outbox";
export const OUTBOX_MAX_EVENTS = 300;
export const OUTBOX_MAX_AGE_MS = 14 * 24 * 60 * 60 * 1000;

/** Every field of an event that holds words someone wrote. */
const TEXT_FIELDS = ["text"];

/** The event without message text. */
export function withoutText(event) {
  const out = { ...event };
  for (const f of TEXT_FIELDS) delete out[f];
  return out;
}

/** The event as the companion may receive it: its text only when the user keeps texts. */
export function forCompanion(event, keepText) {
  return keepText ? event : withoutText(event);
}

/**
 * Whether an undelivered event should wait for another try. Only a 4xx means the
 * companion read the event and refused it (it would refuse it again); a 5xx or no
 * reply at all is the companion's trouble, and dropping the event would lose a send.
 */
export function worthRetrying(reply) {
  if (!reply) return true;
  if (reply.ok) return false;
  if (reply.offline) return true;
  return !(typeof reply.status === "number" && reply.status >= 400 && reply.status < 500);
}

export class Outbox {
  /**
   * @param {{get: Function, set: Function}} storage  storage.local
   * @param {{now?: () => number, maxEvents?: number, maxAgeMs?: number}} [options]
   */
  constructor(storage, { now = () => Date.now(), maxEvents = OUTBOX_MAX_EVENTS, maxAgeMs = OUTBOX_MAX_AGE_MS } = {}) {
    this.storage = storage;
    this.now = now;
    this.maxEvents = maxEvents;
    this.maxAgeMs = maxAgeMs;
    this.busy = Promise.resolve(); // one read-modify-write at a time
  }

  /** The queued entries (`{event, queuedAt}`), oldest first, expired ones left out. */
  async entries() {
    const { [OUTBOX_KEY]: stored } = await this.storage.get(OUTBOX_KEY);
    return this.prune(Array.isArray(stored) ? stored : []);
  }

  prune(entries) {
    const oldest = this.now() - this.maxAgeMs;
    return entries
      .map((e) => (e && !e.event && typeof e.id === "string" ? { event: e, queuedAt: this.now() } : e)) // the old bare format
      .filter((e) => e && e.event && typeof e.event.id === "string" && Number(e.queuedAt) >= oldest)
      .map((e) => ({ event: withoutText(e.event), queuedAt: Number(e.queuedAt) }))
      .slice(-this.maxEvents);
  }

  locked(fn) {
    const run = this.busy.then(fn, fn);
    this.busy = run.catch(() => {});
    return run;
  }

  /** Queue an event (its text dropped); one already queued under its id is not repeated. */
  add(event) {
    return this.locked(async () => {
      const entries = await this.entries();
      if (!entries.some((e) => e.event.id === event.id)) entries.push({ event: withoutText(event), queuedAt: this.now() });
      await this.storage.set({ [OUTBOX_KEY]: this.prune(entries) });
    });
  }

  async size() {
    return (await this.entries()).length;
  }

  /**
   * Offer each queued event to `post` (resolving to a companion reply), oldest first.
   * Delivered and refused (4xx) events leave the queue; one met by an offline reply or a
   * server error stays, and the rest wait for the next flush (the companion is in trouble).
   */
  flush(post) {
    return this.locked(async () => {
      const entries = await this.entries();
      const left = [];
      let down = false;
      for (const entry of entries) {
        if (down) {
          left.push(entry);
          continue;
        }
        const reply = await post(entry.event);
        if (worthRetrying(reply)) {
          left.push(entry);
          down = true;
        }
      }
      await this.storage.set({ [OUTBOX_KEY]: this.prune(left) });
      return { sent: entries.length - left.length, left: left.length };
    });
  }
}
