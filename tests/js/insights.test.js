// The Insights page's SVG charts (extension/insights/charts.js), drawn in jsdom from
// weekly rows shaped like the companion's /insights answer.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { JSDOM } from "jsdom";
import { weeklyChart } from "../../extension/insights/charts.js";

const doc = new JSDOM("<!doctype html><body></body>").window.document;
const weeks = Array.from({ length: 26 }, (_, i) => ({
  start: new Date(Date.UTC(2026, 5, 8 + 7 * i)).toISOString().slice(0, 10),
  sent: i % 3 === 0 ? i : 0,
  median_score: i % 3 === 0 ? 40 + i : null,
  edited: i === 25 ? 2 : 0,
  sent_anyway: i === 25 ? 5 : 0,
}));

describe("weekly charts", () => {
  it("draws one bar per week with a value, scaled to a round maximum, and describes itself", () => {
    const svg = weeklyChart(doc, { title: "Messages sent", weeks, series: [{ label: "sent", color: "#00f", value: (w) => w.sent }] });
    const bars = svg.querySelectorAll("rect[data-bar]");
    assert.equal(bars.length, weeks.filter((w) => w.sent).length);
    assert.equal(svg.getAttribute("role"), "img");
    assert.match(svg.querySelector("title").textContent, /2026-06-08: sent 0\n2026-06-15: sent 0/);
    const axis = [...svg.querySelectorAll("text")].map((t) => t.textContent);
    assert.ok(axis.includes("30"), `round maximum above 24: ${axis}`);
    // The tallest bar (24 of 30) is 80% of the plot's height.
    const heights = [...bars].map((b) => Number(b.getAttribute("height")));
    assert.ok(Math.abs(Math.max(...heights) / (150 - 10 - 22) - 0.8) < 1e-9);
  });

  it("stacks series, and a line skips weeks without a value", () => {
    const held = weeklyChart(doc, {
      title: "Holds", weeks,
      series: [{ label: "edited", color: "#00f", value: (w) => w.edited }, { label: "sent anyway", color: "#f90", value: (w) => w.sent_anyway }],
    });
    const [edited, anyway] = held.querySelectorAll("rect[data-bar]");
    assert.equal(Number(edited.getAttribute("y")), Number(anyway.getAttribute("y")) + Number(anyway.getAttribute("height")));
    const line = weeklyChart(doc, { title: "Median", weeks, line: true, max: 100, series: [{ label: "median", color: "#f00", value: (w) => w.median_score }] });
    assert.equal(line.querySelectorAll("circle").length, weeks.filter((w) => w.median_score != null).length);
    assert.equal(line.querySelectorAll("polyline").length, 1);
  });

  it("labels every fourth week, ending on the latest, so labels never collide", () => {
    const svg = weeklyChart(doc, { title: "x", weeks, series: [{ label: "sent", color: "#00f", value: (w) => w.sent }] });
    const labels = [...svg.querySelectorAll("text[text-anchor=middle]")];
    assert.equal(labels.length, Math.ceil(26 / 4));
  });
});
