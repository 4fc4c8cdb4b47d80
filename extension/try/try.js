// The "try it" page: a compose box on an extension page, coached by the very same code
// that runs on LinkedIn (content/main.js and content/panel.js), with a tiny adapter.
import { Coach, runtimeTransport } from "../content/main.js";
import { readDraft } from "../content/draft.js";
import { api, ask } from "../lib/messages.js";
import { diagnose, renderDiagnosis } from "../options/diagnosis.js";

const $ = (id) => document.getElementById(id);
const EXAMPLE =
  "Hi! Thanks for connecting. I'm the founder of a fast-growing SaaS platform that helps companies " +
  "like yours cut hiring costs by 40%. We work with 200+ clients. Do you have 15 minutes this week " +
  "for a quick call? Here's my calendar: https://calendly.com/me/15min";

const tryAdapter = {
  site: "try",
  composerFor: (el) => {
    const node = el && el.nodeType === 1 ? el : el && el.parentElement;
    return node ? node.closest("#try-box") : null;
  },
  readDraft,
  describe: () => ({ kind: $("kind").value, site: "linkedin", recipient: null, thread_url: null }),
  enterSends: () => false,
  isSendClick: () => false,
};

const coach = new Coach(document, tryAdapter, runtimeTransport(api.runtime)).start();
$("kind").addEventListener("change", () => coach.schedule());
$("example").addEventListener("click", () => {
  const box = $("try-box");
  box.focus();
  document.getSelection().selectAllChildren(box);
  // insertText goes through the editing pipeline, so an `input` event fires as for typing.
  document.execCommand("insertText", false, EXAMPLE);
});

// The same diagnosis as the popup and the options page; checked again when the user comes
// back to this tab (say, after starting the companion or pairing in another tab).
async function showStatus() {
  const d = diagnose(await ask("status"));
  const el = renderDiagnosis($("status"), d);
  if (d.state !== "paired") {
    const link = Object.assign(document.createElement("a"), { href: "../options/options.html", textContent: "Open the options" });
    el.append(link);
  }
}
document.addEventListener("visibilitychange", () => {
  if (document.visibilityState === "visible") showStatus();
});
showStatus();
