// Site access: the browser lets users withdraw an extension's access to a site at any time
// (Chromium's "Site access" menu, Firefox's per-site permissions). Content scripts then
// stop without a word, so the extension's pages check, say so, and offer to ask again.

import { SITES as SUPPORTED, requestSiteAccess, siteAccess } from "../lib/sites.js";

export const SITES = SUPPORTED.map((s) => s.site);

/** Sites the user has switched on but the browser gives no access to: `[{site, label, origins}]`. */
export async function missingAccess(api, switchedOn = null) {
  const sites = await siteAccess(api.permissions);
  return sites.filter((s) => !s.granted && !(switchedOn && switchedOn[s.site] === false));
}

/** Call `onChange` whenever access is granted or withdrawn, here or in the browser's menus. */
export function watchAccess(api, onChange) {
  api.permissions.onAdded.addListener(onChange);
  api.permissions.onRemoved.addListener(onChange);
}

/**
 * Render the sites lacking access into `el`: one line per site with an "Allow access"
 * button. `onResult(granted)` is told what the user chose.
 */
export function renderAccess(el, api, missing, onResult) {
  if (!missing.length) {
    el.replaceChildren();
    el.hidden = true;
    return;
  }
  const rows = missing.map(({ site, label }) => {
    const row = document.createElement("div");
    row.className = "access-row";
    row.dataset.site = site;
    const text = document.createElement("span");
    text.textContent = `Ask First has no access to ${label}, so it cannot coach you there.`;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "primary";
    button.textContent = `Allow access to ${label}`;
    const note = document.createElement("span");
    note.className = "access-note";
    note.setAttribute("role", "status");
    // The browser shows its prompt only inside a user gesture: ask before any `await`.
    button.addEventListener("click", () => {
      const asked = requestSiteAccess(api.permissions, [site]);
      note.textContent = "Answer the browser's prompt to allow it.";
      asked.then(
        (granted) => {
          note.textContent = granted ? "Access allowed." : "Not allowed: the browser's prompt was declined.";
          if (onResult) onResult(granted);
        },
        (err) => {
          note.textContent = `The browser refused to ask: ${err.message || err}`;
        },
      );
    });
    row.append(text, button, note);
    return row;
  });
  el.replaceChildren(...rows);
  el.hidden = false;
}
