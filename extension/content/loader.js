// Content scripts cannot be ES modules, so this classic script only imports the real
// one (content/main.js, listed in web_accessible_resources). Keeping the code in modules
// lets node's test runner import the very same files.
(async () => {
  const api = globalThis.browser && globalThis.browser.runtime ? globalThis.browser : globalThis.chrome;
  try {
    const [{ boot }, { ADAPTERS }] = await Promise.all([
      import(api.runtime.getURL("content/main.js")),
      import(api.runtime.getURL("content/sites/index.js")),
    ]);
    await boot(ADAPTERS, document);
  } catch (err) {
    // Never let a failure here surface on the site: the page must work as if we were absent.
    console.debug("Ask First could not start on this page:", err);
  }
})();
