// Plain SVG charts for the Insights page: one value per week, bars or a line, drawn from
// the numbers alone (no library, nothing fetched). Pure functions of (document, data), so
// the unit tests draw the very same SVG the page shows.

const SVG = "http://www.w3.org/2000/svg";
const W = 420;
const H = 150;
const PAD = { left: 34, right: 8, top: 10, bottom: 22 };

function node(doc, tag, attrs = {}, text) {
  const el = doc.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

function niceMax(values, { percent = false } = {}) {
  if (percent) return 1;
  const top = Math.max(1, ...values.filter((v) => v != null));
  const step = 10 ** Math.floor(Math.log10(top));
  return Math.ceil(top / step) * step;
}

/**
 * A chart over `weeks` (the API's list). `series`: [{label, color, value: (week) => number|null}],
 * stacked as bars, or drawn as a line with `line: true`. `format` shows a value in tooltips.
 */
export function weeklyChart(doc, { title, weeks, series, line = false, percent = false, max, format = String }) {
  const values = weeks.map((w) => series.reduce((sum, s) => sum + (s.value(w) || 0), 0));
  const top = max ?? niceMax(line ? weeks.map((w) => series[0].value(w)) : values, { percent });
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(weeks.length, 1);
  const y = (v) => PAD.top + plotH - (Math.min(v, top) / top) * plotH;
  const summary = weeks.map((w) => `${w.start}: ${series.map((s) => `${s.label} ${fmt(s.value(w), format)}`).join(", ")}`);
  const svg = node(doc, "svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": `${title}, week by week` });
  svg.append(node(doc, "title", {}, `${title}\n${summary.join("\n")}`));
  for (const frac of [0, 0.5, 1]) {
    const v = top * frac;
    svg.append(node(doc, "line", { class: "axis", x1: PAD.left, x2: W - PAD.right, y1: y(v), y2: y(v) }));
    svg.append(node(doc, "text", { x: PAD.left - 4, y: y(v) + 3, "text-anchor": "end" }, percent ? `${Math.round(v * 100)}%` : fmtAxis(v)));
  }
  weeks.forEach((w, i) => {
    if ((weeks.length - 1 - i) % 4 !== 0) return; // every fourth week, ending on this one
    const d = new Date(`${w.start}T00:00:00`);
    const label = d.toLocaleDateString(undefined, { day: "numeric", month: "short" });
    svg.append(node(doc, "text", { x: PAD.left + slot * (i + 0.5), y: H - 6, "text-anchor": "middle" }, label));
  });
  if (line) {
    const s = series[0];
    const points = weeks
      .map((w, i) => [i, s.value(w)])
      .filter(([, v]) => v != null)
      .map(([i, v]) => [PAD.left + slot * (i + 0.5), y(v)]);
    if (points.length > 1) {
      svg.append(node(doc, "polyline", { points: points.map((p) => p.join(",")).join(" "), fill: "none", stroke: s.color, "stroke-width": 2 }));
    }
    for (const [i, [cx, cy]] of points.entries()) {
      const dot = node(doc, "circle", { cx, cy, r: 2.5, fill: s.color, "data-point": i });
      svg.append(dot);
    }
  } else {
    weeks.forEach((w, i) => {
      let base = 0;
      for (const s of series) {
        const v = s.value(w) || 0;
        if (!v) continue;
        const x = PAD.left + slot * i + slot * 0.15;
        const rect = node(doc, "rect", {
          x, width: slot * 0.7, y: y(base + v), height: Math.max(y(base) - y(base + v), 1), fill: s.color, "data-bar": "",
        });
        rect.append(node(doc, "title", {}, `${w.start}: ${s.label} ${fmt(v, format)}`));
        svg.append(rect);
        base += v;
      }
    });
  }
  return svg;
}

function fmt(v, format) {
  return v == null ? "none" : format(v);
}

function fmtAxis(v) {
  return v >= 1000 ? `${Math.round(v / 100) / 10}k` : String(Math.round(v * 10) / 10);
}
