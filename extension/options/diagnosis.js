// What stands between this browser and the companion, worded once so that the options
// page, the popup and the try page always say the same thing (and the same fix).
//
// Input: the background's `status` reply, whose `diagnosis` (lib/diagnosis.js) holds the
// facts and the sentence the panel on a site shows too. Output: plain data the pages
// render: a title, that sentence with what to do, and the command to run.
import { DEFAULT_PORT } from "../lib/companion.js";

/** The command that starts the companion where the extension looks for it. */
export function serveCommand(port) {
  return Number(port) && Number(port) !== DEFAULT_PORT ? `askfirst serve --port ${port}` : "askfirst serve";
}

const broken = (detail) => ({ state: "broken", tone: "error", title: "The extension could not check the companion", detail });

/**
 * @param {object} status  the background's reply to `status` (or an `{ok: false}` failure)
 * @param {{onOptionsPage?: boolean}} [where]  the fields are on the page itself
 * @returns {{state: string, tone: "ok"|"warn"|"error", title: string, detail: string,
 *            command?: string, usePort?: number}}
 */
export function diagnose(status, { onOptionsPage = false } = {}) {
  if (!status || !status.ok) {
    return broken((status && status.error && status.error.message) || "Its background worker did not answer. Reload the extension.");
  }
  const f = status.diagnosis;
  if (!f || !f.state) return broken("Reload the extension.");
  const where = onOptionsPage ? "below" : "in the options";
  const port = f.port || DEFAULT_PORT;
  const said = f.message ? `${f.message} ` : "";
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
        detail: `${said}Use the port it answers on:`,
        usePort: f.foundPort,
      };
    case "not_paired":
      return {
        state: "not_paired",
        tone: "warn",
        title: "Running, not paired with this browser",
        detail: `${said}Run this, then type the code into Pairing code ${where} and press Pair:`,
        command: "askfirst pair",
      };
    case "not_companion":
      return {
        state: "not_companion",
        tone: "error",
        title: `Something else answers on port ${port}`,
        detail: `${said}Enter the port that askfirst serve printed, or start the companion:`,
        command: serveCommand(port),
      };
    default:
      return {
        state: "not_running",
        tone: "error",
        title: "Companion not running",
        detail: `${said}Start it in a terminal (if it runs on another port, enter that port ${where}):`,
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
