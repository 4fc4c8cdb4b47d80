// What stands between this browser and the companion, worded once so that the options
// page, the popup and the try page always say the same thing (and the same fix).
//
// Input: the background's `status` reply. Output: plain data the pages render.

export const DEFAULT_PORT = 8731;

/** The command that starts the companion where the extension looks for it. */
export function serveCommand(port) {
  return Number(port) && Number(port) !== DEFAULT_PORT ? `askfirst serve --port ${port}` : "askfirst serve";
}

/**
 * The facts behind the diagnosis: `{state, port, version, foundPort?, refusal?, message?}`.
 * A background that diagnoses itself sends them as `status.diagnosis`; otherwise they
 * come from the status fields and the HTTP status of its checks.
 */
function facts(status) {
  if (status.diagnosis && status.diagnosis.state) return { port: status.port, ...status.diagnosis };
  const base = { port: status.port || DEFAULT_PORT, version: status.version || null };
  const code = status.error && status.error.code;
  if (status.paired) return { ...base, state: "paired" };
  if (status.pairedPort && status.pairedPort !== base.port) return { ...base, state: "port_changed", foundPort: status.pairedPort };
  if (status.reachable || code === "forbidden_origin" || status.httpStatus === 401) {
    const refusal = code === "forbidden_origin" ? "other_browser" : status.hasToken ? "token" : "no_token";
    return { ...base, state: "not_paired", refusal };
  }
  if (status.httpStatus) return { ...base, state: "not_companion" };
  return { ...base, state: "not_running" };
}

const WHY_NOT_PAIRED = {
  no_token: (port) => `The companion on port ${port} is running, but this browser is not paired with it yet.`,
  other_browser: (port) => `The companion on port ${port} is running, but it is paired with another browser or profile.`,
  token: (port) => `The companion on port ${port} is running, but no longer accepts this browser's pairing (it was paired again, or its data was reset).`,
};

/**
 * @param {object} status  the background's reply to `status` (or an `{ok: false}` failure)
 * @param {{onOptionsPage?: boolean}} [where]  the fields are on the page itself
 * @returns {{state: string, tone: "ok"|"warn"|"error", title: string, detail: string,
 *            command?: string, usePort?: number}}
 */
export function diagnose(status, { onOptionsPage = false } = {}) {
  const where = onOptionsPage ? "below" : "in the options";
  if (!status || !status.ok) {
    return {
      state: "broken",
      tone: "error",
      title: "The extension could not check the companion",
      detail: (status && status.error && status.error.message) || "Its background worker did not answer. Reload the extension.",
    };
  }
  const f = facts(status);
  const port = f.port || DEFAULT_PORT;
  // The background's sentence, when it has one, so the panel on a site says the same.
  const said = (fallback) => f.message || fallback;
  switch (f.state) {
    case "paired":
      return {
        state: "paired",
        tone: "ok",
        title: "Paired",
        detail: `Paired with the companion${f.version ? ` ${f.version}` : ""} on port ${port}.`,
      };
    case "port_changed":
      return {
        state: "port_changed",
        tone: "warn",
        title: "Paired, but the port changed",
        detail: said(`Nothing answers on port ${port}, but the companion this browser is paired with answers on port ${f.foundPort}.`),
        usePort: f.foundPort,
      };
    case "not_paired":
      return {
        state: "not_paired",
        tone: "warn",
        title: "Running, not paired with this browser",
        detail: `${said((WHY_NOT_PAIRED[f.refusal] || WHY_NOT_PAIRED.no_token)(port))} Run this, then type the code into Pairing code ${where} and press Pair:`,
        command: "askfirst pair",
      };
    case "not_companion":
      return {
        state: "not_companion",
        tone: "error",
        title: `Something else answers on port ${port}`,
        detail: `${said(`Another program answers on port ${port}: it is not the Ask First companion.`)} Enter the port that askfirst serve printed, or start the companion:`,
        command: serveCommand(port),
      };
    default:
      return {
        state: "not_running",
        tone: "error",
        title: "Companion not running",
        detail: `${said(`Nothing answers on port ${port}.`)} Start it in a terminal (if it runs on another port, enter that port ${where}):`,
        command: serveCommand(port),
      };
  }
}

/**
 * Render a diagnosis into `el` (a container the page owns): a title, a sentence, and the
 * command to run, if any. Returns the element so callers can add their own buttons.
 */
export function renderDiagnosis(el, d) {
  el.dataset.state = d.state;
  el.dataset.tone = d.tone;
  const title = document.createElement("strong");
  title.className = "diagnosis-title";
  title.textContent = d.title;
  const detail = document.createElement("span");
  detail.className = "diagnosis-detail";
  detail.textContent = d.detail;
  const parts = [title, detail];
  if (d.command) {
    const cmd = document.createElement("code");
    cmd.className = "diagnosis-command";
    cmd.textContent = d.command;
    parts.push(cmd);
  }
  el.replaceChildren(...parts);
  el.hidden = false;
  return el;
}
