// The background service worker (Chrome) / background script (Firefox): the only code
// that talks to the companion. Content scripts and the extension's pages send it
// messages; it answers with `{ok, ...}` replies (see lib/companion.js).

import { Companion } from "./lib/companion.js";
import { diagnose } from "./lib/diagnosis.js";
import { Outbox, forCompanion, worthRetrying } from "./lib/outbox.js";
import { siteAccess, siteOfUrl } from "./lib/sites.js";

const api = globalThis.browser && globalThis.browser.runtime ? globalThis.browser : globalThis.chrome;
const companion = new Companion(api.storage.local, (...args) => fetch(...args));
const outbox = new Outbox(api.storage.local);
// Per-tab facts that must outlive the background's unloading but not the browser session.
const session = api.storage.session || memoryStorage();

const REFRESH_ALARM = "askfirst-refresh";
// Imports happen outside the browser (`askfirst import`): a cheap poll (the companion
// keeps /followups encoded until its data changes) keeps the badge up to date. Sends,
// done and snooze refresh it at once.
const REFRESH_MINUTES = 0.5;
const ALL_SITES = { linkedin: true, x: true, messenger: true };

// What a content script (running inside a web page) may ask for. Pairing, settings and
// follow-ups belong to the extension's own pages.
const CONTENT_SCRIPT_TYPES = new Set(["analyze", "event", "config", "composer", "diagnose"]);
// A diagnosis this recent answers the panel's offline notices without asking again.
const DIAGNOSIS_FRESH_MS = 10_000;

const handlers = {
  async analyze({ draft }) {
    const reply = await companion.analyze(draft);
    if (reply.ok) return { ok: true, result: reply.data };
    if (reply.offline) {
      const d = await recentDiagnosis();
      return { ...reply, state: d.state, message: d.message, fix: d.fix };
    }
    return reply;
  },

  async event({ event }) {
    // The text goes to the companion only when the user chose to keep texts there.
    const { storeText } = await api.storage.local.get("storeText");
    const reply = await companion.postEvent(forCompanion(event, storeText === true));
    if (reply.ok) {
      flushOutbox();
      refreshBadge();
      return { ok: true, created: reply.data && reply.data.created };
    }
    // Down or not paired: keep it (without its text) and deliver later, so no send is
    // lost; a server error (5xx) is kept the same way. A refused event (4xx) would be
    // refused again: drop it.
    if (worthRetrying(reply)) await outbox.add(event);
    return reply;
  },

  async config(message, sender) {
    // A content script asks once as it starts on a page: what it saw on the last page is gone.
    if (sender.tab) await session.set({ [tabKey(sender.tab.id)]: { site: siteOfUrl(sender.url || ""), running: true, unknown: null } });
    const { sites } = await api.storage.local.get("sites");
    return { ok: true, sites: { ...ALL_SITES, ...(sites || {}) } };
  },

  async composer({ recognised, site, skeleton }, sender) {
    if (!sender.tab) return { ok: false, error: { message: "Only a page's content script reports compose boxes." } };
    const key = tabKey(sender.tab.id);
    const { [key]: known } = await session.get(key);
    const unknown = recognised ? null : { site: String(site), skeleton: String(skeleton).slice(0, 64_000), at: Date.now() };
    await session.set({ [key]: { site: siteOfUrl(sender.url || ""), ...known, running: true, unknown } });
    return { ok: true };
  },

  async diagnose({ port }, sender) {
    if (!isExtensionPage(sender)) port = undefined; // a content script asks about the saved port only
    companion.retryNow();
    const diagnosis = await diagnoseNow(port);
    if (!port && diagnosis.state === "paired") flushOutbox();
    return { ok: true, diagnosis };
  },

  async siteAccess() {
    return { ok: true, sites: await siteAccess(api.permissions) };
  },

  async pageStatus({ tabId }) {
    const id = Number(tabId);
    if (!Number.isInteger(id)) return { ok: false, error: { message: "pageStatus needs the tab's id." } };
    const { [tabKey(id)]: known } = await session.get(tabKey(id));
    const unknown = known ? known.unknown : null;
    let site = known ? known.site : null;
    try {
      const tab = await api.tabs.get(id);
      site = siteOfUrl(tab.url || "") || site;
    } catch {
      // The tab is gone, or its URL is not ours to read: what the content script said stands.
    }
    const access = site ? (await siteAccess(api.permissions)).find((s) => s.site === site) : null;
    return {
      ok: true,
      tabId: id,
      site,
      running: Boolean(known && known.running),
      granted: access ? access.granted : null,
      unknownComposer: Boolean(unknown),
      report: unknown ? bugReport(unknown) : null,
    };
  },

  async outbox() {
    return { ok: true, queued: await outbox.size() };
  },

  async status() {
    companion.retryNow();
    const { port, token } = await companion.settings();
    const health = await companion.health();
    const out = { ok: true, port, reachable: health.ok, hasToken: Boolean(token), version: null, paired: false };
    if (!health.ok) return { ...out, diagnosis: await diagnoseNow() };
    out.version = health.data.version;
    if (token) {
      const probe = await companion.getSettings();
      out.paired = probe.ok;
      if (probe.ok) await cacheSettings(probe.data);
    }
    return { ...out, diagnosis: await diagnoseNow() };
  },

  async pair({ code, port }) {
    const reply = await companion.pair(code, port);
    if (reply.ok) {
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

  // "Today" and "tomorrow" are the companion's: it reads them in the user's time zone
  // setting, which the browser's clock may not share.
  async followups({ date }) {
    const reply = await companion.followups(date, { force: true });
    if (reply.ok) setBadge(reply.data.count);
    return reply;
  },

  async done({ id }) {
    const reply = await companion.done(id);
    refreshBadge();
    return reply;
  },

  async snooze({ id, until }) {
    const reply = await companion.snooze(id, until);
    refreshBadge();
    return reply;
  },

  async getSettings() {
    const reply = await companion.getSettings();
    if (reply.ok) await cacheSettings(reply.data);
    return reply;
  },

  async insights() {
    return companion.request("/insights", { force: true, timeoutMs: 15_000 });
  },

  async putSettings({ settings }) {
    const reply = await companion.putSettings(settings);
    if (reply.ok) await cacheSettings(reply.data);
    return reply;
  },
};

async function cacheSettings(settings) {
  if (!settings) return;
  const cached = { storeText: settings.store_text === true };
  if (settings.sites) cached.sites = settings.sites;
  await api.storage.local.set(cached);
}

function flushOutbox() {
  // Queued events keep their client ids, so one delivered twice is a no-op upstream.
  return outbox.flush((event) => companion.postEvent(event));
}

const tabKey = (tabId) => `tab:${tabId}`;

function bugReport({ site, skeleton }) {
  const version = api.runtime.getManifest().version;
  return [
    `Ask First ${version}: a compose box it does not recognise.`,
    `Site: ${site}. Browser: ${navigator.userAgent.replace(/\s+/g, " ")}`,
    "The page's structure around the box (no text, names or URLs):",
    "",
    skeleton,
  ].join("\n");
}

let lastDiagnosis = null;
async function diagnoseNow(port) {
  const d = await diagnose(companion, { port });
  if (!port) lastDiagnosis = { ...d, at: Date.now() };
  return d;
}

async function recentDiagnosis() {
  if (lastDiagnosis && Date.now() - lastDiagnosis.at < DIAGNOSIS_FRESH_MS) return lastDiagnosis;
  return diagnoseNow();
}

/** Tell the extension's open pages (popup, options, try) what changed. */
function broadcast(message) {
  Promise.resolve(api.runtime.sendMessage(message)).catch(() => {}); // no page open: nobody to tell
}

function memoryStorage() {
  const data = new Map();
  return {
    async get(key) {
      return data.has(key) ? { [key]: data.get(key) } : {};
    },
    async set(items) {
      for (const [k, v] of Object.entries(items)) data.set(k, v);
    },
    async remove(key) {
      data.delete(key);
    },
  };
}

function setBadge(count) {
  const text = count > 0 ? String(Math.min(count, 99)) : "";
  api.action.setBadgeText({ text });
  api.action.setBadgeBackgroundColor({ color: "#b54708" });
  api.action.setTitle({ title: count > 0 ? `Ask First: ${count} follow-up${count === 1 ? "" : "s"} today` : "Ask First" });
}

async function refreshBadge() {
  const reply = await companion.followups();
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
  handler(message, sender).then(sendResponse, (err) => sendResponse({ ok: false, error: { message: String(err) } }));
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
  // Settings changed elsewhere (the CLI, another browser) reach the cache, "keep the text" included.
  companion.getSettings({ force: false }).then((reply) => reply.ok && cacheSettings(reply.data));
});

// A new port or a new pairing: look again at once, and tell whichever page is open.
api.storage.onChanged.addListener((changes, area) => {
  if (area !== "local" || !(changes.port || changes.token)) return;
  companion.retryNow();
  diagnoseNow().then((diagnosis) => {
    if (diagnosis.state === "paired") flushOutbox(); // what waited for this companion goes now
    broadcast({ type: "diagnosis", diagnosis });
  });
});

// Site access granted or revoked (in the browser's own settings too): pages re-ask.
const announceAccess = () => siteAccess(api.permissions).then((sites) => broadcast({ type: "siteAccess", sites }));
api.permissions.onAdded.addListener(announceAccess);
api.permissions.onRemoved.addListener(announceAccess);
api.tabs.onRemoved.addListener((tabId) => session.remove(tabKey(tabId)));
