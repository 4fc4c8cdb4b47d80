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
 * @param {object} status  the background's reply to `status` (or an `{ok: false}` failure)
 * @returns {{state: string, tone: "ok"|"warn"|"error", title: string, detail: string,
 *            command?: string, usePort?: number}}
 */
export function diagnose(status) {
  if (!status || !status.ok) {
    return {
      state: "broken",
      tone: "error",
      title: "The extension could not check the companion",
      detail: (status && status.error && status.error.message) || "Its background worker did not answer. Reload the extension.",
    };
  }
  // A newer background may word it itself; it knows more than we can infer.
  if (status.diagnosis && status.diagnosis.state) return status.diagnosis;

  const port = status.port || DEFAULT_PORT;
  const code = status.error && status.error.code;
  if (status.paired) {
    return {
      state: "paired",
      tone: "ok",
      title: "Paired",
      detail: `Paired with the companion${status.version ? ` ${status.version}` : ""} on port ${port}.`,
    };
  }
  if (status.pairedPort && status.pairedPort !== port) {
    return {
      state: "port_changed",
      tone: "warn",
      title: "Paired, but the port changed",
      detail: `This browser is paired with the companion on port ${status.pairedPort}, but Ask First is looking on port ${port}, where nothing answers.`,
      usePort: status.pairedPort,
    };
  }
  if (status.reachable || code === "forbidden_origin" || status.httpStatus === 401) {
    const why =
      code === "forbidden_origin"
        ? `The companion on port ${port} is running, but it is paired with another browser or profile.`
        : status.hasToken
          ? `The companion on port ${port} is running, but no longer accepts this browser's pairing (it was paired again, or its data was reset).`
          : `The companion on port ${port} is running, but this browser is not paired with it yet.`;
    return {
      state: "not_paired",
      tone: "warn",
      title: "Running, not paired with this browser",
      detail: `${why} Run this, then type the code into Pairing code in the options and press Pair:`,
      command: "askfirst pair",
    };
  }
  if (status.httpStatus) {
    return {
      state: "not_askfirst",
      tone: "error",
      title: `Something else answers on port ${port}`,
      detail: `It is not the Ask First companion (HTTP ${status.httpStatus}). Enter the port that ${"`askfirst serve`"} printed, or start the companion:`,
      command: serveCommand(port),
    };
  }
  return {
    state: "not_running",
    tone: "error",
    title: "Companion not running",
    detail: status.hasToken
      ? `Nothing answers on port ${port}. Start it in a terminal (if it runs on another port now, enter that port in the options):`
      : `Nothing answers on port ${port}. Start it in a terminal:`,
    command: serveCommand(port),
  };
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
