"""No web page can tell the extension is installed by fetching its files (Chromium).

Pages that scan for extensions request chrome-extension://<id>/<file>; with no
web-accessible resources every such request fails, even with the right id.
"""

from __future__ import annotations

from playwright.sync_api import Page

PROBE = """async (origin) => {
  const out = {};
  for (const path of ["manifest.json", "content/bundle.js", "content/main.js", "content/panel.js",
                      "lib/page.css", "icons/icon-16.png", "popup/popup.html"]) {
    try {
      const r = await fetch(`${origin}/${path}`);
      out[path] = `status ${r.status}`;
    } catch (e) {
      out[path] = "refused";
    }
  }
  return out;
}"""


def test_a_linkedin_page_cannot_fetch_any_extension_file(page: Page, paired) -> None:
    page.goto("https://www.linkedin.com/messaging/thread/2-MjA0ZTk1/")
    # The content script is running on this page (it answers with a verdict)...
    page.locator(".msg-form__contenteditable").click()
    page.keyboard.type("Hi Jane, how are you?")
    page.locator("[data-askfirst-panel][data-askfirst-verdict]").wait_for()
    # ...yet none of its files is reachable from the page.
    results = page.evaluate(PROBE, f"chrome-extension://{paired.browser.extension_id}")
    assert results == {path: "refused" for path in results}, results
