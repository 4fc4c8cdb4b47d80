"""The hold's per-verdict switches on the options page: stored in extension storage and
applied to the very next send, with no reload of the site."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect
from test_hold import ARTIFACTS, LI_EDITOR, PANEL, PITCH, PROMPT, sent_on_page, serve, unique

from conftest import type_draft

LI = "https://www.linkedin.com/messaging/thread/2-MjA0ZTk1/"


def test_the_options_switch_for_pitch_heavy_holds_the_next_send(paired, page: Page):
    options = paired.browser.context.new_page()
    try:
        options.goto(paired.browser.url("options/options.html"))
        switch = options.get_by_label("it reads like an elevator pitch")
        expect(options.get_by_label("it follows up too soon on your own unanswered message")).to_be_checked()
        expect(options.get_by_label("it asks for something from someone you just connected with (too soon to pitch)")).to_be_checked()
        expect(switch).not_to_be_checked()
        # A stranger, not a new connection: a pitch to them is pitch_heavy, not premature.
        slug = unique("hold-opt-")
        serve(page, LI, Path(__file__).parent / "fixtures" / "linkedin" / "messaging-thread.html", {"jane-doe-123": slug})
        page.goto(LI)
        type_draft(page, LI_EDITOR, PITCH)
        expect(page.locator(PANEL)).to_have_attribute("data-askfirst-verdict", "pitch_heavy")
        switch.check()
        expect(options.locator("#holds-status")).to_contain_text("Saved")
        assert paired.browser.storage("holdPitchHeavy") is True
        ARTIFACTS.mkdir(exist_ok=True)
        options.screenshot(path=str(ARTIFACTS / "hold-options.png"), full_page=True)
        page.get_by_role("button", name="Send", exact=True).click()
        expect(page.locator(PROMPT)).to_be_visible()
        expect(sent_on_page(page, PITCH)).to_have_count(0)
        page.get_by_role("button", name="Send anyway").click()
        expect(sent_on_page(page, PITCH)).to_have_count(1)
    finally:
        paired.browser.worker.evaluate("() => chrome.storage.local.remove('holdPitchHeavy')")
        options.close()
