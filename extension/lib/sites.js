// The supported sites and the host permissions each one needs: the browser may grant or
// withhold each site separately (Firefox lets users revoke a site at any time, after
// which the content script silently stops), so access is checked and asked per site.

export const SITES = [
  { site: "linkedin", label: "LinkedIn", origins: ["https://www.linkedin.com/*"] },
  { site: "x", label: "X", origins: ["https://x.com/*", "https://twitter.com/*"] },
  { site: "messenger", label: "Messenger", origins: ["https://www.messenger.com/*", "https://www.facebook.com/messages/*"] },
];

/** The site a page URL belongs to, or null. */
export function siteOfUrl(href) {
  let url;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  for (const s of SITES) {
    for (const origin of s.origins) {
      const [scheme, rest] = origin.split("://");
      const host = rest.slice(0, rest.indexOf("/"));
      const path = rest.slice(rest.indexOf("/")).replace(/\*$/, "");
      if (url.protocol === `${scheme}:` && url.hostname === host && url.pathname.startsWith(path)) return s.site;
    }
  }
  return null;
}

/**
 * Per site, whether the browser grants its host permissions now:
 * `[{site, label, origins, granted}]`.
 */
export async function siteAccess(permissions) {
  return Promise.all(
    SITES.map(async (s) => ({ ...s, granted: Boolean(await permissions.contains({ origins: s.origins })) })),
  );
}

/**
 * Ask the browser for `sites`' host permissions (all supported sites when none are
 * named). Browsers only show the prompt for a user gesture: call this from an extension
 * page's click handler, before anything is awaited there.
 */
export function requestSiteAccess(permissions, sites = SITES.map((s) => s.site)) {
  const origins = SITES.filter((s) => sites.includes(s.site)).flatMap((s) => s.origins);
  return permissions.request({ origins });
}
