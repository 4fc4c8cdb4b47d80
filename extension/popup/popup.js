// The toolbar popup: what stands between the browser and the companion (one diagnosis,
// the same as the options page), sites the browser no longer gives access to, a page whose
// message box Ask First cannot see, and today's follow-ups with open / done / snooze.
import { api, ask, explain } from "../lib/messages.js";
import { localDate } from "../lib/dates.js";
import { diagnose, renderDiagnosis } from "../options/diagnosis.js";
import { missingAccess, renderAccess, watchAccess } from "../options/site-access.js";

const $ = (id) => document.getElementById(id);

const KIND_LABELS = {
  reply: "Reply",
  say_hello: "Say hello",
  met_follow_up: "Met in person",
  nudge: "Nudge",
  keep_in_touch: "Keep in touch",
};
// A day's slack is normal (a reply owed since yesterday is still today's job); colour is
// kept for what has slipped for days, so that it still means something.
const REALLY_LATE_DAYS = 2;
const STATUS_PILLS = {
  paired: "Companion connected",
  not_running: "Companion offline",
  not_paired: "Not paired",
  port_changed: "Port changed",
  not_companion: "Wrong port",
  broken: "Extension error",
};

function say(text) {
  $("message").textContent = text;
  $("message").hidden = !text;
}

function daysLate(f) {
  if (typeof f.days_overdue === "number") return f.days_overdue;
  if (!f.overdue || !f.due) return 0;
  const [y, m, d] = f.due.split("-").map(Number);
  const [ty, tm, td] = localDate().split("-").map(Number);
  return Math.round((Date.UTC(ty, tm - 1, td) - Date.UTC(y, m - 1, d)) / 86_400_000);
}

function whenLabel(late) {
  if (late <= 0) return "today";
  if (late === 1) return "since yesterday";
  return `${late} days late`;
}

async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Older Firefox refuses the async clipboard in extension popups: the classic way.
    const area = Object.assign(document.createElement("textarea"), { value: text });
    document.body.append(area);
    area.select();
    const done = document.execCommand("copy");
    area.remove();
    return done;
  }
}

function item(f) {
  const li = document.createElement("li");
  li.className = "followup";
  li.dataset.followupId = f.id;
  const contact = f.contact || {};
  const late = daysLate(f);
  const reallyLate = late >= REALLY_LATE_DAYS;
  li.dataset.late = String(reallyLate);
  const head = document.createElement("div");
  head.className = "head";
  const who = document.createElement("span");
  who.className = "who";
  who.textContent = contact.name || contact.profile_url || contact.key || "Someone";
  const due = document.createElement("span");
  due.className = reallyLate ? "due late" : "due";
  due.textContent = `${KIND_LABELS[f.kind] || f.kind} · ${whenLabel(late)}`;
  due.title = `Due ${f.due}`;
  head.append(who, due);
  const reason = document.createElement("p");
  reason.className = "reason";
  reason.textContent = f.reason || "";
  li.append(head, reason);
  if (f.suggestion) {
    const s = document.createElement("blockquote");
    s.className = "suggestion";
    s.textContent = f.suggestion;
    li.append(s);
  }
  const actions = document.createElement("div");
  actions.className = "actions";
  const button = (label, onClick, title) => {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = label;
    b.setAttribute("aria-label", `${label}: ${who.textContent}`);
    if (title) b.title = title;
    b.addEventListener("click", onClick);
    actions.append(b);
    return b;
  };
  const url = f.open_url || contact.profile_url;
  if (url) button("Open", () => api.tabs.create({ url }), "Open the conversation");
  if (f.suggestion) {
    const copy = button("Copy opener", async () => {
      copy.textContent = (await copyText(f.suggestion)) ? "Copied" : "Copy failed";
    });
  }
  button("Done", () => settle(li, "done", f.id));
  button("Snooze", () => settle(li, "snooze", f.id), "Until tomorrow");
  li.append(actions);
  return li;
}

async function settle(li, type, id) {
  for (const b of li.querySelectorAll("button")) b.disabled = true;
  const reply = await ask(type, { id });
  if (!reply.ok) {
    say(explain(reply));
    for (const b of li.querySelectorAll("button")) b.disabled = false;
    return;
  }
  li.remove();
  if (!$("followups").children.length) showEmpty("all_done");
}

/** Nothing due: say which kind of nothing, and for a fresh install, how to fill it. */
function showEmpty(state) {
  const box = $("empty");
  box.dataset.state = state;
  const title = document.createElement("strong");
  const text = document.createElement("p");
  const parts = [title, text];
  if (state === "no_contacts") {
    title.textContent = "Nothing imported yet";
    text.textContent =
      "Ask First learns who to follow up with from your messages. Import your LinkedIn data export " +
      "(LinkedIn: Settings → Data privacy → Get a copy of your data) in a terminal:";
    const cmd = Object.assign(document.createElement("code"), { className: "command", textContent: "askfirst import linkedin PATH" });
    const after = Object.assign(document.createElement("p"), {
      className: "hint",
      textContent: "PATH is the .zip LinkedIn sends you, its folder, or Connections.csv. Messages you send from now on count too.",
    });
    parts.push(cmd, after);
  } else if (state === "all_done") {
    title.textContent = "All done for today";
    text.textContent = "Nobody is waiting on you. A good moment to congratulate someone or ask how their project is going.";
  } else {
    title.textContent = "Nothing due today";
    text.textContent = "If you have not imported your LinkedIn data export yet, do it in a terminal:";
    parts.push(Object.assign(document.createElement("code"), { className: "command", textContent: "askfirst import linkedin PATH" }));
  }
  box.replaceChildren(...parts);
  box.hidden = false;
}

/** The tab the popup was opened over (`?tab=` when the popup is opened as a page). */
async function currentTabId() {
  const given = Number(new URLSearchParams(location.search).get("tab"));
  if (given) return given;
  const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true }).catch(() => []);
  return tab ? tab.id : null;
}

async function showComposerProblem() {
  const tabId = await currentTabId();
  if (tabId === null) return;
  const reply = await ask("pageStatus", { tabId });
  if (!reply.ok || !reply.unknownComposer) return;
  $("composer").hidden = false;
  $("copy-report").addEventListener("click", async () => {
    const ok = typeof reply.report === "string" && (await copyText(reply.report));
    $("copy-status").textContent = ok ? "Copied. Paste it into a bug report." : "Could not copy the report.";
  });
}

async function showAccess() {
  const { sites } = await api.storage.local.get("sites").catch(() => ({}));
  const missing = await missingAccess(api, sites || null);
  const box = $("access");
  renderAccess(box, api, missing, () => showAccess());
  if (missing.length) {
    box.prepend(Object.assign(document.createElement("strong"), {
      className: "diagnosis-title",
      textContent: "Site access is off",
    }));
  }
}

async function showFollowups() {
  const reply = await ask("followups");
  if (!reply.ok) {
    say(explain(reply));
    return;
  }
  const list = [...reply.data.followups].sort((a, b) => daysLate(b) - daysLate(a) || a.due.localeCompare(b.due));
  $("followups").replaceChildren(...list.map(item));
  if (!list.length) showEmpty(reply.data.state || "unknown");
}

async function load() {
  const status = await ask("status");
  const d = diagnose(status);
  $("status").textContent = STATUS_PILLS[d.state] || d.title;
  $("status").dataset.tone = d.tone;
  if (d.state !== "paired") {
    const el = renderDiagnosis($("diagnosis"), d);
    const open = Object.assign(document.createElement("button"), { type: "button", textContent: "Open the options" });
    open.addEventListener("click", () => api.runtime.openOptionsPage());
    el.append(open);
    return;
  }
  await showFollowups();
}

watchAccess(api, () => showAccess());
load();
showAccess();
showComposerProblem();
