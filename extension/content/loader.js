// The content script's entry point, as an ES module. Browsers load content scripts as
// classic scripts, so scripts/build-content.sh bundles this module and everything it
// imports into content/bundle.js (committed; the manifest lists that file). Nothing is
// web-accessible: a page cannot probe for the extension's files, and no code is loaded
// from a URL at run time. Node's unit tests import these same modules directly.
import { boot } from "./main.js";
import { ADAPTERS } from "./sites/index.js";

boot(ADAPTERS, document).catch((err) => {
  // Never let a failure here surface on the site: the page must work as if we were absent.
  console.debug("Ask First could not start on this page:", err);
});
