// Options: the companion's port, pairing with a one-time code, the sites (and whether the
// browser still gives access to them), the send-time hold, and the settings the companion
// keeps.
import { HOLD_DEFAULTS } from "../content/hold.js";
import { api, ask, explain } from "../lib/messages.js";
import { diagnose, renderDiagnosis } from "./diagnosis.js";
import { SITES, missingAccess, renderAccess, watchAccess } from "./site-access.js";

const $ = (id) => document.getElementById(id);
const NUMBERS = ["wait_days", "followup_days", "say_hello_days", "nudge_days", "max_nudges"];
const PORT_CHECK_DELAY_MS = 400;
const HERE = { onOptionsPage: true };

function setSettingsEnabled(enabled) {
  const form = $("settings");
  form.setAttribute("aria-disabled", String(!enabled));
  for (const el of form.elements) el.disabled = !enabled;
  $("settings-note").hidden = enabled;
}

function fill(settings) {
  for (const name of NUMBERS) if (settings[name] !== undefined) $(name).value = settings[name];
  for (const site of SITES) $(`site-${site}`).checked = !settings.sites || settings.sites[site] !== false;
  $("store_text").checked = Boolean(settings.store_text);
}

/** The site switches: kept in the extension (so they work before pairing), on by default. */
function sitesChosen() {
  return Object.fromEntries(SITES.map((site) => [site, $(`site-${site}`).checked]));
}

async function loadSaved() {
  const { sites, port } = await api.storage.local.get(["sites", "port"]).catch(() => ({}));
  for (const site of SITES) $(`site-${site}`).checked = !sites || sites[site] !== false;
  showPort(port);
}

/** Show the saved port, unless the user is already at the field (a test typing fast, too). */
function showPort(port) {
  if (port && !portEdited && document.activeElement !== $("port")) $("port").value = port;
}

async function saveSites() {
  const sites = sitesChosen();
  await api.storage.local.set({ sites });
  const reply = await ask("putSettings", { settings: { sites } });
  $("sites-status").textContent = reply.ok
    ? "Sites saved."
    : "Sites saved in the extension; the companion gets them once it runs and is paired.";
  showAccess();
}

/** Per site: nothing when the browser gives access, else a line and an "Allow access" button. */
async function showAccess() {
  const missing = await missingAccess(api, sitesChosen());
  for (const site of SITES) {
    const slot = document.querySelector(`[data-access-for="${site}"]`);
    renderAccess(slot, api, missing.filter((m) => m.site === site), () => showAccess());
  }
}

/** The send-time hold's per-verdict switches: extension storage, read by the content script. */
async function loadHolds() {
  const stored = await api.storage.local.get(HOLD_DEFAULTS).catch(() => HOLD_DEFAULTS);
  for (const input of document.querySelectorAll("#holds input")) input.checked = Boolean(stored[input.name]);
}

async function saveHold(event) {
  await api.storage.local.set({ [event.target.name]: event.target.checked });
  $("holds-status").textContent = "Saved: it applies to your next send.";
}

async function loadSettings() {
  const reply = await ask("getSettings");
  setSettingsEnabled(reply.ok);
  if (reply.ok) fill(reply.data);
}

/** The banner: the diagnosis, or the outcome of the last Pair press, with its fix. */
function showBanner(d) {
  const el = renderDiagnosis($("pair-status"), d);
  if (d.usePort) {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = `Use port ${d.usePort}`;
    b.addEventListener("click", () => {
      $("port").value = d.usePort;
      checkPort();
    });
    el.append(b);
  }
}

// A newer check supersedes an older one (the user typing a port digit by digit), and the
// field shows the saved port only until the user types in it.
let checks = 0;
let portEdited = false;

async function check() {
  const mine = ++checks;
  const status = await ask("status");
  if (mine !== checks) return;
  if (status.ok) showPort(status.port);
  showBanner(diagnose(status, HERE));
  if (status.ok && status.paired) await loadSettings();
  else setSettingsEnabled(false);
}

function portError(text) {
  $("port").setAttribute("aria-invalid", String(Boolean(text)));
  $("port-hint").textContent = text || "";
  if (!text) $("port-hint").replaceChildren("8731 unless you started it with ", Object.assign(document.createElement("code"), { textContent: "--port" }));
  $("port-hint").classList.toggle("field-error", Boolean(text));
}

/** The port field changed: save it and look again, so the banner always matches the field. */
async function checkPort() {
  const port = $("port").value.trim();
  const set = await ask("setPort", { port });
  if (!set.ok) {
    checks++;
    portError(explain(set));
    return false;
  }
  portError("");
  await check();
  return true;
}

let portTimer = null;
function portTyped() {
  portEdited = true;
  clearTimeout(portTimer);
  portTimer = setTimeout(checkPort, PORT_CHECK_DELAY_MS);
}

async function pair() {
  const code = $("code").value.trim();
  if (!/^\d{6}$/.test(code)) {
    showBanner({ state: "pair_failed", tone: "error", title: "Not paired", detail: "The pairing code has 6 digits. Run this to get one:", command: "askfirst pair" });
    $("code").focus();
    return;
  }
  clearTimeout(portTimer);
  checks++; // a status check still under way must not overwrite what Pair says
  $("pair").disabled = true;
  showBanner({ state: "pairing", tone: "wait", title: "Pairing…", detail: "" });
  const port = $("port").value.trim();
  const set = await ask("setPort", { port });
  if (!set.ok) portError(explain(set));
  const reply = set.ok ? await ask("pair", { code, port: Number(port) }) : set;
  $("pair").disabled = false;
  if (reply.ok) {
    $("code").value = "";
    // Switches set before pairing win over the companion's defaults.
    await ask("putSettings", { settings: { sites: sitesChosen() } });
    await check();
  } else if (reply.offline) {
    showBanner(diagnose(await ask("status"), HERE));
  } else {
    showBanner({ state: "pair_failed", tone: "error", title: "Not paired", detail: `That did not work: ${explain(reply)}` });
  }
}

async function save(event) {
  event.preventDefault();
  $("save-status").dataset.tone = "wait";
  $("save-status").textContent = "Saving…";
  const settings = { sites: sitesChosen() };
  for (const name of NUMBERS) {
    const value = $(name).value.trim();
    if (value !== "") settings[name] = Number(value);
  }
  settings.store_text = $("store_text").checked;
  const reply = await ask("putSettings", { settings });
  $("save-status").dataset.tone = reply.ok ? "ok" : "error";
  $("save-status").textContent = reply.ok ? "Saved" : `Not saved: ${explain(reply)}`;
  if (reply.ok) fill(reply.data);
  else if (reply.error && reply.error.field && $(reply.error.field)) $(reply.error.field).focus();
}

$("pair").addEventListener("click", pair);
$("code").addEventListener("keydown", (e) => {
  if (e.key === "Enter") pair();
});
$("port").addEventListener("input", portTyped);
$("port").addEventListener("change", () => {
  clearTimeout(portTimer);
  checkPort();
});
$("settings").addEventListener("submit", save);
for (const site of SITES) $(`site-${site}`).addEventListener("change", saveSites);
for (const input of document.querySelectorAll("#holds input")) input.addEventListener("change", saveHold);
watchAccess(api, () => showAccess());
setSettingsEnabled(false);
loadHolds();
loadSaved().then(() => Promise.all([check(), showAccess()]));
