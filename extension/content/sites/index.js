// The site adapters, one file each. Adding a site: write content/sites/<site>.js with the
// same exports as linkedin.js, list it here, and add its match lines to manifest.json.
import * as linkedin from "./linkedin.js";

export const ADAPTERS = [linkedin];
