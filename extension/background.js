// The background service worker (Chrome) / background script (Firefox): the only code
// that talks to the companion. Content scripts and the extension's pages send it
// messages; it answers with `{ok, ...}` replies (see lib/companion.js).

import { Companion, DEFAULT_PORT } from "./lib/companion.js";
import { addDays, localDate } from "./lib/dates.js";

const api = globalThis.browser && globalThis.browser.runtime ? globalThis.browser : globalThis.chrome;
const companion = new Companion(api.storage.local, (...args) => fetch(...args));

const REFRESH_ALARM = "askfirst-refresh";
// Imports happen outside the browser (`askfirst import`): a cheap poll (the companion
// keeps /followups encoded until its data changes) keeps the badge up to date. Sends,
// done and snooze refresh it at once.
const REFRESH_MINUTES = 0.5;
const OUTBOX_LIMIT = 500;
const ALL_SITES = { linkedin: true, x: true, messenger: true };

// What a content script (running inside a web page) may ask for. Pairing, settings and
// follow-ups belong to the extension's own pages.
const CONTENT_SCRIPT_TYPES = new Set(["analyze", "event", "config"]);

const handlers = {
  async analyze({ draft }) {
    const reply = await companion.analyze(draft);
    return reply.ok ? { ok: true, result: reply.data } : reply;
  },

  async event({ event }) {
    const reply = await companion.postEvent(event);
    if (reply.ok) {
      flushOutbox();
      refreshBadge();
      return { ok: true, created: reply.data && reply.data.created };
    }
    // Down or not paired: keep it and deliver later, so no send is lost. A refused event
    // (4xx) would be refused again: drop it.
    if (reply.offline) await enqueue(event);
    return reply;
  },

  async config() {
    const { sites } = await api.storage.local.get("sites");
    return { ok: true, sites: { ...ALL_SITES, ...(sites || {}) } };
  },

  async status() {
    companion.retryNow();
    const { port, token } = await companion.settings();
    const health = await companion.health();
    const out = { ok: true, port, reachable: health.ok, hasToken: Boolean(token), version: null, paired: false };
    // The HTTP status tells "not running" (none) from "running, refuses this browser" (403).
    out.httpStatus = health.status || null;
    out.error = health.error || null;
    if (!health.ok) {
      if (token && health.offline) out.pairedPort = await findPairedPort(port, token);
      return out;
    }
    out.version = health.data.version;
    if (token) {
      const probe = await companion.getSettings();
      out.paired = probe.ok;
      if (probe.ok) await cacheSettings(probe.data);
      else [out.httpStatus, out.error] = [probe.status || 401, probe.error || { code: "unauthorized", message: probe.message }];
    }
    return out;
  },

  async pair({ code, port }) {
    const reply = await companion.pair(code, port);
    if (reply.ok) {
      await api.storage.local.set({ pairedPort: (await companion.settings()).port });
      const settings = await companion.getSettings();
      if (settings.ok) await cacheSettings(settings.data);
      flushOutbox();
      refreshBadge();
    }
    return reply;
  },

  async setPort({ port }) {
    const n = Number(port);
    if (!Number.isInteger(n) || n < 1 || n > 65535) return { ok: false, error: { message: "A port is a number from 1 to 65535." } };
    await api.storage.local.set({ port: n });
    companion.retryNow();
    return { ok: true };
  },

  async followups({ date }) {
    const reply = await companion.followups(date || localDate(), { force: true });
    if (reply.ok) setBadge(reply.data.count);
    return reply;
  },

  async done({ id }) {
    const reply = await companion.done(id);
    refreshBadge();
    return reply;
  },

  async snooze({ id, until }) {
    const reply = await companion.snooze(id, until || localDate(addDays(new Date(), 1)));
    refreshBadge();
    return reply;
  },

  async getSettings() {
    const reply = await companion.getSettings();
    if (reply.ok) await cacheSettings(reply.data);
    return reply;
  },

  async putSettings({ settings }) {
    const reply = await companion.putSettings(settings);
    if (reply.ok) await cacheSettings(reply.data);
    return reply;
  },
};

// Nothing answers where we look, yet we hold a token: the companion may run on the port we
// paired with, or the default one. Two loopback probes, each refused at once when closed.
async function findPairedPort(port, token) {
  const { pairedPort } = await api.storage.local.get("pairedPort");
  for (const p of new Set([Number(pairedPort) || DEFAULT_PORT, DEFAULT_PORT])) {
    if (p === port) continue;
    const elsewhere = new Companion({ get: async () => ({ port: p, token }), set: async () => {} }, (...a) => fetch(...a));
    if ((await elsewhere.getSettings()).ok) return p;
  }
  return null;
}

async function cacheSettings(settings) {
  if (settings && settings.sites) await api.storage.local.set({ sites: settings.sites });
}

async function enqueue(event) {
  const { outbox = [] } = await api.storage.local.get("outbox");
  if (outbox.some((e) => e.id === event.id)) return;
  outbox.push(event);
  await api.storage.local.set({ outbox: outbox.slice(-OUTBOX_LIMIT) });
}

let flushing = null;
function flushOutbox() {
  // One flush at a time; events keep their client ids, so a repeat is a no-op upstream.
  flushing =
    flushing ||
    (async () => {
      const { outbox = [] } = await api.storage.local.get("outbox");
      const left = [];
      for (const event of outbox) {
        const reply = await companion.postEvent(event);
        if (!reply.ok && reply.offline) left.push(event);
      }
      const { outbox: now = [] } = await api.storage.local.get("outbox");
      const added = now.filter((e) => !outbox.some((o) => o.id === e.id));
      await api.storage.local.set({ outbox: [...left, ...added] });
    })().finally(() => {
      flushing = null;
    });
  return flushing;
}

function setBadge(count) {
  const text = count > 0 ? String(Math.min(count, 99)) : "";
  api.action.setBadgeText({ text });
  api.action.setBadgeBackgroundColor({ color: "#b54708" });
  api.action.setTitle({ title: count > 0 ? `Ask First: ${count} follow-up${count === 1 ? "" : "s"} today` : "Ask First" });
}

async function refreshBadge() {
  const reply = await companion.followups(localDate());
  if (reply.ok) setBadge(reply.data.count);
  else if (reply.offline) {
    api.action.setBadgeText({ text: "" });
    api.action.setTitle({ title: reply.reason === "unpaired" ? "Ask First: not paired" : "Ask First: companion offline" });
  }
}

function isExtensionPage(sender) {
  return typeof sender.url === "string" && sender.url.startsWith(api.runtime.getURL(""));
}

api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  const handler = message && Object.hasOwn(handlers, message.type) ? handlers[message.type] : null;
  const allowed = sender.id === api.runtime.id && (isExtensionPage(sender) || CONTENT_SCRIPT_TYPES.has(message.type));
  if (!handler || !allowed) return false;
  handler(message).then(sendResponse, (err) => sendResponse({ ok: false, error: { message: String(err) } }));
  return true; // the reply comes asynchronously
});

function ensureAlarm() {
  api.alarms.create(REFRESH_ALARM, { periodInMinutes: REFRESH_MINUTES, delayInMinutes: 0.1 });
}

api.runtime.onInstalled.addListener(ensureAlarm);
api.runtime.onStartup.addListener(ensureAlarm);
api.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name !== REFRESH_ALARM) return;
  flushOutbox();
  refreshBadge();
  // Alarms come at most every 30 s; two more looks while the worker is awake anyway keep
  // the badge within about 10 s of an import. Each is one loopback request for a cached body.
  for (const ms of [10_000, 20_000]) setTimeout(refreshBadge, ms);
});
