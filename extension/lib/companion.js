// The client for the companion's HTTP API (`/api/v1` on 127.0.0.1). Only the
// background service worker uses it: content scripts are subject to the page's CORS and
// must never hold the token. When the companion is down, calls fail fast for a while
// (exponential backoff) instead of costing a connection attempt per keystroke.

export const DEFAULT_PORT = 8731;
const BACKOFF_START_MS = 500;
const BACKOFF_MAX_MS = 30_000;
const TIMEOUT_MS = 4_000;

/** A reply the extension's pages understand: `{ok: true, data}` or `{ok: false, ...}`. */
export const offline = (reason, message) => ({ ok: false, offline: true, reason, message });

export class Companion {
  /**
   * @param {{get: Function, set: Function, remove: Function}} storage  chrome.storage.local
   * @param {typeof fetch} fetchImpl
   */
  constructor(storage, fetchImpl, { now = () => Date.now() } = {}) {
    this.storage = storage;
    this.fetch = fetchImpl;
    this.now = now;
    this.failures = 0;
    this.downUntil = 0;
  }

  async settings() {
    const { port, token } = await this.storage.get(["port", "token"]);
    return { port: Number(port) || DEFAULT_PORT, token: token || null };
  }

  async base() {
    const { port } = await this.settings();
    return `http://127.0.0.1:${port}/api/v1`;
  }

  isBackingOff() {
    return this.now() < this.downUntil;
  }

  /** Forget the backoff: the user asked for something (opened the popup, changed the port). */
  retryNow() {
    this.downUntil = 0;
  }

  /**
   * One API call. Resolves to `{ok: true, status, data}`, or `{ok: false, offline: true,
   * reason: "down" | "unpaired"}`, or `{ok: false, status, error}` for a refused request.
   */
  async request(path, { method = "GET", body, auth = true, force = false, timeoutMs = TIMEOUT_MS, port: at, etag } = {}) {
    const saved = await this.settings();
    const { token } = saved;
    const port = Number(at) || saved.port;
    if (auth && !token) return offline("unpaired", "Not paired yet: pair in the extension's options.");
    if (!force && this.isBackingOff()) return offline("down", "The companion is not running.");
    const headers = { Accept: "application/json" };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (auth) headers.Authorization = `Bearer ${token}`;
    if (etag) headers["If-None-Match"] = etag;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    let response;
    try {
      response = await this.fetch(`http://127.0.0.1:${port}/api/v1${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: controller.signal,
        credentials: "omit",
        cache: "no-store", // no HTTP cache: a 304 comes back to followups(), which keeps the body
      });
    } catch (err) {
      if (at && at !== saved.port) return offline("down", "The companion is not running."); // a probe elsewhere
      this.failures += 1;
      this.downUntil = this.now() + Math.min(BACKOFF_MAX_MS, BACKOFF_START_MS * 2 ** (this.failures - 1));
      return offline("down", "The companion is not running.");
    } finally {
      clearTimeout(timer);
    }
    if (!at || at === saved.port) {
      this.failures = 0;
      this.downUntil = 0;
    }
    if (response.status === 304) return { ok: false, status: 304, notModified: true };
    let data = null;
    try {
      data = await response.json();
    } catch {
      data = null;
    }
    if (response.ok) return { ok: true, status: response.status, data, etag: response.headers.get("ETag") };
    if (response.status === 401 && auth) return offline("unpaired", "The pairing is no longer valid: pair again in the options.");
    const error = (data && data.error) || { code: "http_" + response.status, message: response.statusText };
    return { ok: false, status: response.status, error };
  }

  health({ force = true, port } = {}) {
    return this.request("/health", { auth: false, force, port, timeoutMs: 2_000 });
  }

  /** Exchange a one-time code for a token, kept in extension storage. */
  async pair(code, port) {
    if (port) await this.storage.set({ port: Number(port) });
    this.retryNow();
    const reply = await this.request("/pair", { method: "POST", body: { code: String(code).trim() }, auth: false, force: true });
    if (!reply.ok) return reply;
    if (!reply.data || typeof reply.data.token !== "string") {
      return { ok: false, status: reply.status, error: { code: "bad_reply", message: "The companion sent no token." } };
    }
    const { port: pairedPort } = await this.settings();
    await this.storage.set({ token: reply.data.token, pairedAt: new Date().toISOString(), pairedPort });
    return { ok: true, status: reply.status, data: { paired: true } };
  }

  analyze(draft) {
    return this.request("/analyze", { method: "POST", body: draft, timeoutMs: 2_000 });
  }

  postEvent(event) {
    return this.request("/events", { method: "POST", body: event });
  }

  /**
   * Today's follow-ups (or `date`'s). The badge asks every few seconds: the list last seen
   * goes back with its ETag, and an unchanged list comes back as a bodiless 304.
   */
  async followups(date, { force = false } = {}) {
    const q = date ? `?date=${encodeURIComponent(date)}` : "";
    const path = `/followups${q}`;
    const { port, token } = await this.settings();
    const key = `${port}|${token}|${path}`;
    const last = this.lastFollowups && this.lastFollowups.key === key ? this.lastFollowups : null;
    const reply = await this.request(path, { force, etag: last ? last.etag : undefined });
    if (reply.notModified && last) return { ok: true, status: 200, data: last.data, cached: true };
    this.lastFollowups = reply.ok && reply.etag ? { key, etag: reply.etag, data: reply.data } : null;
    return reply;
  }

  done(id) {
    return this.request(`/followups/${encodeURIComponent(id)}/done`, { method: "POST", body: {}, force: true });
  }

  snooze(id, until) {
    const body = until ? { until } : {};
    return this.request(`/followups/${encodeURIComponent(id)}/snooze`, { method: "POST", body, force: true });
  }

  getSettings({ force = true, port } = {}) {
    return this.request("/settings", { force, port });
  }

  putSettings(changes) {
    return this.request("/settings", { method: "PUT", body: changes, force: true });
  }
}
