// The toolbar popup: the companion's status and today's follow-ups, overdue first, each
// with open / done / snooze.
import { api, ask, explain } from "../lib/messages.js";

const $ = (id) => document.getElementById(id);

const KIND_LABELS = {
  reply: "Reply",
  say_hello: "Say hello",
  met_follow_up: "Met in person",
  nudge: "Nudge",
  keep_in_touch: "Keep in touch",
};

function say(text) {
  $("message").textContent = text;
  $("message").hidden = !text;
}

function item(f) {
  const li = document.createElement("li");
  li.className = "followup";
  li.dataset.followupId = f.id;
  const contact = f.contact || {};
  const head = document.createElement("div");
  const who = document.createElement("span");
  who.className = "who";
  who.textContent = contact.name || contact.profile_url || contact.key || "Someone";
  const due = document.createElement("span");
  due.className = f.overdue ? "due overdue" : "due";
  due.textContent = `${KIND_LABELS[f.kind] || f.kind} · ${f.overdue ? `overdue since ${f.due}` : "due today"}`;
  head.append(who, due);
  const reason = document.createElement("p");
  reason.className = "reason";
  reason.textContent = f.reason || "";
  li.append(head, reason);
  if (f.suggestion) {
    const s = document.createElement("p");
    s.className = "suggestion";
    s.textContent = f.suggestion;
    li.append(s);
  }
  const actions = document.createElement("div");
  actions.className = "actions";
  const button = (label, name, onClick) => {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = label;
    b.setAttribute("aria-label", `${label}: ${who.textContent}`);
    b.addEventListener("click", onClick);
    actions.append(b);
    return b;
  };
  const url = f.open_url || contact.profile_url;
  if (url) button("Open", "open", () => api.tabs.create({ url }));
  button("Done", "done", () => settle(li, "done", f.id));
  button("Snooze", "snooze", () => settle(li, "snooze", f.id));
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
  if (!$("followups").children.length) say("All done for today.");
}

async function load() {
  const status = await ask("status");
  if (!status.ok || !status.reachable) {
    $("status").textContent = "Companion offline";
    say(`The companion is not running on port ${status.port || "8731"}. Start it with: askfirst serve`);
    return;
  }
  if (!status.paired) {
    $("status").textContent = `Companion ${status.version || ""} running, not connected`;
    say("Pair the extension first: run `askfirst pair` and enter the code in the options.");
    return;
  }
  $("status").textContent = `Companion ${status.version || ""} connected`;
  const reply = await ask("followups");
  if (!reply.ok) {
    say(explain(reply));
    return;
  }
  const list = [...reply.data.followups].sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.due.localeCompare(b.due));
  $("followups").replaceChildren(...list.map(item));
  if (!list.length) say("Nobody to follow up with today. Good moment to congratulate someone or ask how their project is going.");
}

load();
