// The site adapters, one file each. Adding a site: write content/sites/<site>.js with the
// same exports as linkedin.js, list it here, and add its match lines to manifest.json.
// The content script picks the first adapter whose matchesLocation() accepts the page.
import * as linkedin from "./linkedin.js";
import * as messenger from "./messenger.js";
import * as x from "./x.js";

export const ADAPTERS = [linkedin, x, messenger];
