// What is wrong between the extension and the companion, in one place, so the options
// page, the popup, the try page and the panel all say the same thing. The states:
//   paired         the companion answers on the port and accepts this browser's token;
//   not_running    nothing answers on the port (nor where it answered before);
//   not_paired     it answers but does not accept this browser (no token, a token from
//                  an earlier pairing, or it was paired with another browser: 401/403);
//   port_changed   nothing on the port, but the companion answers on the port this
//                  browser paired on (or the default one): the port setting is stale;
//   not_companion  something answers on the port, but it is not Ask First.

import { DEFAULT_PORT } from "./companion.js";

export const STATES = ["paired", "not_running", "not_paired", "port_changed", "not_companion"];

const isCompanion = (reply) => Boolean(reply && reply.ok && reply.data && reply.data.status === "ok" && reply.data.version);
const refused = (reply) => Boolean(reply && !reply.ok && (reply.status === 401 || reply.status === 403 || reply.reason === "unpaired"));

/**
 * Diagnose the link to the companion on `port` (the saved port when not given). Resolves
 * to `{state, port, message, fix, version, foundPort?, refusal?}`: `message` says what is
 * wrong, `fix` what to do about it, both plain sentences for any page to show.
 */
export async function diagnose(companion, { port } = {}) {
  const saved = await companion.settings();
  const at = Number(port) || saved.port;
  const out = (state, fields) => ({ state, port: at, version: null, ...fields, ...WORDS[state]({ port: at, ...fields }) });

  const health = await companion.health({ port: at });
  if (health.ok && !isCompanion(health)) return out("not_companion", {});
  if (health.ok) {
    const version = health.data.version;
    if (!saved.token) return out("not_paired", { version, refusal: "no_token" });
    const probe = await companion.getSettings({ port: at });
    if (probe.ok) return out("paired", { version });
    if (refused(probe)) return out("not_paired", { version, refusal: probe.status === 403 ? "other_browser" : "token" });
    return out("not_paired", { version, refusal: "error" });
  }
  // A 401/403 from /health: a companion that refuses this browser outright.
  if (refused(health)) return out("not_paired", { refusal: health.status === 403 ? "other_browser" : "token" });
  if (health.status) return out("not_companion", {});

  const { pairedPort } = await companion.storage.get("pairedPort");
  for (const other of new Set([Number(pairedPort) || null, DEFAULT_PORT])) {
    if (!other || other === at) continue;
    const elsewhere = await companion.health({ port: other });
    if (isCompanion(elsewhere)) return out("port_changed", { version: elsewhere.data.version, foundPort: other });
  }
  return out("not_running", {});
}

const WORDS = {
  paired: ({ port }) => ({ message: `Connected to the companion on port ${port}.`, fix: null }),
  not_running: ({ port }) => ({
    message: `No companion answers on port ${port}.`,
    fix: "Start it with: askfirst serve (or askfirst service install, to start it with your computer).",
  }),
  not_paired: ({ port, refusal }) => ({
    message:
      refusal === "other_browser"
        ? `The companion on port ${port} is running but is paired with another browser.`
        : refusal === "token"
          ? `The companion on port ${port} is running but no longer accepts this browser's pairing.`
          : `The companion on port ${port} is running but not paired with this browser.`,
    fix: "Run askfirst pair and enter the code in the extension's options.",
  }),
  port_changed: ({ port, foundPort }) => ({
    message: `Nothing answers on port ${port}, but the companion answers on port ${foundPort}.`,
    fix: `Set the companion port to ${foundPort} in the extension's options.`,
  }),
  not_companion: ({ port }) => ({
    message: `Another program answers on port ${port}: it is not the Ask First companion.`,
    fix: "Enter the port that askfirst serve prints, or start the companion on another port.",
  }),
};
