// Options: the companion's port, pairing with a one-time code, and the settings the
// companion keeps (sites, waiting windows, whether to store message text).
import { HOLD_DEFAULTS } from "../content/hold.js";
import { api, ask, explain } from "../lib/messages.js";

const $ = (id) => document.getElementById(id);
const NUMBERS = ["wait_days", "followup_days", "say_hello_days", "nudge_days", "max_nudges"];
const SITES = ["linkedin", "x", "messenger"];

function setSettingsEnabled(enabled) {
  const form = $("settings");
  form.setAttribute("aria-disabled", String(!enabled));
  for (const el of form.elements) el.disabled = !enabled;
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

async function loadSites() {
  const { sites } = await api.storage.local.get("sites").catch(() => ({}));
  for (const site of SITES) $(`site-${site}`).checked = !sites || sites[site] !== false;
}

async function saveSites() {
  const sites = sitesChosen();
  await api.storage.local.set({ sites });
  const reply = await ask("putSettings", { settings: { sites } });
  $("sites-status").textContent = reply.ok
    ? "Sites saved."
    : "Sites saved in the extension; the companion gets them once it runs and is paired.";
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

// The user may type and pair before the first status check answers: its answer must not
// overwrite what they did.
let touched = false;

async function showStatus() {
  const { port } = await api.storage.local.get("port").catch(() => ({}));
  if (port && !touched) $("port").value = port;
  const status = await ask("status");
  if (touched) return;
  if (status.ok && status.paired) {
    $("pair-status").textContent = `Paired with the companion on port ${status.port}.`;
    await loadSettings();
  } else {
    $("pair-status").textContent =
      status.ok && status.reachable
        ? `The companion is running on port ${status.port}. Enter a code from askfirst pair to connect.`
        : `No companion answers on port ${status.port || $("port").value}. Start it with: askfirst serve`;
    setSettingsEnabled(false);
  }
}

async function pair() {
  touched = true;
  const port = $("port").value.trim();
  const code = $("code").value.trim();
  if (!/^\d{6}$/.test(code)) {
    $("pair-status").textContent = "The pairing code has 6 digits: run askfirst pair to get one.";
    return;
  }
  $("pair").disabled = true;
  $("pair-status").textContent = "Connecting…";
  const set = await ask("setPort", { port });
  const reply = set.ok ? await ask("pair", { code, port: Number(port) }) : set;
  $("pair").disabled = false;
  if (reply.ok) {
    $("code").value = "";
    $("pair-status").textContent = "Paired";
    // Switches set before pairing win over the companion's defaults.
    await ask("putSettings", { settings: { sites: sitesChosen() } });
    await loadSettings();
  } else if (reply.offline) {
    $("pair-status").textContent = `No companion answers on port ${port}. Start it with: askfirst serve`;
  } else {
    $("pair-status").textContent = `That did not work: ${explain(reply)}`;
  }
}

async function save(event) {
  event.preventDefault();
  $("save-status").textContent = "Saving…";
  const settings = { sites: {} };
  for (const name of NUMBERS) {
    const value = $(name).value.trim();
    if (value !== "") settings[name] = Number(value);
  }
  for (const site of SITES) settings.sites[site] = $(`site-${site}`).checked;
  settings.store_text = $("store_text").checked;
  const reply = await ask("putSettings", { settings });
  $("save-status").textContent = reply.ok ? "Saved" : `Not saved: ${explain(reply)}`;
  if (reply.ok) fill(reply.data);
}

$("pair").addEventListener("click", pair);
$("code").addEventListener("keydown", (e) => {
  if (e.key === "Enter") pair();
});
$("port").addEventListener("input", () => {
  touched = true;
});
$("port").addEventListener("change", () => ask("setPort", { port: $("port").value.trim() }));
$("settings").addEventListener("submit", save);
for (const site of SITES) $(`site-${site}`).addEventListener("change", saveSites);
for (const input of document.querySelectorAll("#holds input")) input.addEventListener("change", saveHold);
setSettingsEnabled(false);
loadHolds();
loadSites().then(showStatus);
