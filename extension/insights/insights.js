// The Insights page: the companion's /insights answer (through the background worker,
// the only part that talks to it), as a table of reply rates and weekly SVG charts.

import { weeklyChart } from "./charts.js";

const api = globalThis.browser && globalThis.browser.runtime ? globalThis.browser : globalThis.chrome;
const FEW_WARNING = (few) => `Fewer than ${few} messages: too few to read much into.`;
const pct = (v) => `${Math.round(v * 100)}%`;

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "text") node.textContent = v;
    else node.setAttribute(k, v);
  }
  node.append(...children.filter((c) => c != null));
  return node;
}

function rateRow(r, few) {
  const cells = r.messages
    ? [
        el("td", { class: "pct" }, `${r.percent}%`, el("span", { class: "bar", style: `width:${Math.round(r.rate * 120)}px`, "aria-hidden": "true" })),
        el("td", {}, `${r.replied.toLocaleString()} of ${r.messages.toLocaleString()}`, r.few ? el("span", { class: "few", text: FEW_WARNING(few) }) : null),
      ]
    : [el("td", { class: "pct", text: "–" }), el("td", { class: "muted", text: "no messages yet" })];
  return el("tr", { "data-rate": r.key }, el("th", { scope: "row", text: r.label }), ...cells);
}

function renderRates(report) {
  const { reply_rates: rates, few } = report;
  const table = document.getElementById("rates");
  for (const body of table.querySelectorAll("tbody")) body.remove();
  const group = (title, rows, name) =>
    el("tbody", { "data-group": name }, el("tr", { class: "group" }, el("th", { colspan: "3", scope: "rowgroup", text: title })), ...rows.map((r) => rateRow(r, few)));
  table.append(
    group("All", [rates.overall], "overall"),
    group("By verdict when you sent it", rates.by_verdict, "verdict"),
    group("By whether you asked a question about them", rates.by_asked, "asked"),
  );
  document.getElementById("still-open").textContent = rates.still_open
    ? `; ${rates.still_open} sent in the last ${report.window_days} days are not counted yet`
    : "";
}

const CHARTS = [
  { title: "Messages sent", series: [{ label: "sent", color: "#1570ef", value: (w) => w.sent }] },
  { title: "Median pitch score", line: true, max: 100, series: [{ label: "median score", color: "#b42318", value: (w) => w.median_score }], note: "0 = all about them, 100 = pure pitch" },
  { title: "Share that asked about them", line: true, percent: true, format: pct, series: [{ label: "asked about them", color: "#067647", value: (w) => w.asked_share }] },
  { title: "Replies received", series: [{ label: "replies", color: "#6941c6", value: (w) => w.replies }] },
  {
    title: "Follow-ups done on time",
    series: [
      { label: "on time", color: "#067647", value: (w) => w.followups_on_time },
      { label: "late or not done", color: "#fda29b", value: (w) => w.followups_due - w.followups_on_time },
    ],
    note: "written by the day they were due",
  },
  {
    title: "Sends held, and what you did",
    series: [
      { label: "edited", color: "#1570ef", value: (w) => w.edited },
      { label: "sent anyway", color: "#f79009", value: (w) => w.sent_anyway },
    ],
  },
];

function renderCharts(report) {
  const box = document.getElementById("charts");
  box.replaceChildren(
    ...CHARTS.map((c) => {
      const legend = c.series.length > 1
        ? el("div", { class: "legend" }, ...c.series.map((s) => el("span", { style: `--c:${s.color}`, text: s.label })))
        : null;
      return el(
        "figure",
        { "data-chart": c.title },
        el("figcaption", {}, c.title, c.note ? el("span", { class: "muted", text: ` (${c.note})` }) : null),
        weeklyChart(document, { ...c, weeks: report.weeks }),
        legend,
      );
    }),
  );
}

function renderScoring(scoring) {
  const p = document.getElementById("scoring");
  p.hidden = !scoring;
  if (!scoring) return;
  const left = scoring.total - scoring.done;
  p.textContent = scoring.running
    ? `Still scoring your imported history: ${left.toLocaleString()} of ${scoring.total.toLocaleString()} sent messages are not counted yet. Reload in a minute.`
    : `${left.toLocaleString()} imported messages were not scored (the scoring stopped). Import the export again to finish.`;
}

async function load() {
  const status = document.getElementById("status");
  let reply;
  try {
    reply = await api.runtime.sendMessage({ type: "insights" });
  } catch (err) {
    reply = { ok: false, error: { message: String(err) } };
  }
  if (!reply || !reply.ok) {
    status.textContent = reply && reply.offline
      ? "The companion is not running or not paired: start it (askfirst serve) and pair in Options."
      : `Could not load insights: ${(reply && reply.error && reply.error.message) || "no answer"}`;
    return;
  }
  const report = reply.data;
  renderScoring(report.scoring);
  renderRates(report);
  renderCharts(report);
  status.textContent = `Updated ${new Date(report.generated_at).toLocaleString()}`;
  document.body.dataset.loaded = "true";
}

load();
