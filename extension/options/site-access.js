// Site access: the browser lets users withdraw an extension's access to a site at any time
// (Chromium's "Site access" menu, Firefox's per-site permissions). Content scripts then
// stop without a word, so the extension's pages check, say so, and offer to ask again.

const SITE_HOSTS = {
  linkedin: { label: "LinkedIn", hosts: ["www.linkedin.com"] },
  x: { label: "X", hosts: ["x.com", "twitter.com"] },
  messenger: { label: "Messenger", hosts: ["www.messenger.com", "www.facebook.com"] },
};

export const SITES = Object.keys(SITE_HOSTS);
export const siteLabel = (site) => SITE_HOSTS[site].label;

/** The manifest's host patterns for each supported site: `{linkedin: ["https://www.linkedin.com/*"], …}`. */
export function siteOrigins(manifest) {
  const out = Object.fromEntries(SITES.map((s) => [s, []]));
  for (const pattern of manifest.host_permissions || []) {
    const host = /^[a-z*]+:\/\/([^/]+)\//.exec(pattern);
    const site = host && SITES.find((s) => SITE_HOSTS[s].hosts.includes(host[1]));
    if (site) out[site].push(pattern);
  }
  return out;
}

/** Sites the user has switched on but the browser gives no access to: `[{site, label, origins}]`. */
export async function missingAccess(api, switchedOn = null) {
  const origins = siteOrigins(api.runtime.getManifest());
  const missing = [];
  for (const site of SITES) {
    if (!origins[site].length || (switchedOn && switchedOn[site] === false)) continue;
    const lacking = [];
    for (const origin of origins[site]) {
      if (!(await api.permissions.contains({ origins: [origin] }))) lacking.push(origin);
    }
    if (lacking.length) missing.push({ site, label: siteLabel(site), origins: lacking });
  }
  return missing;
}

/**
 * Ask the browser for access again. Must run synchronously inside a click handler: the
 * browser shows its prompt only for a user gesture, and an `await` before it loses that.
 */
export function requestAccess(api, origins) {
  return api.permissions.request({ origins });
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
  const rows = missing.map(({ site, label, origins }) => {
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
    button.addEventListener("click", () => {
      const asked = requestAccess(api, origins);
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
