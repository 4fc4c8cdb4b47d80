"""Messenger in real Chromium: the checks LinkedIn passes, on Messenger's fixture pages.

Pages built from Meta's markup (tests/e2e/fixtures/messenger/) are served for
www.messenger.com and www.facebook.com/messages: the current Lexical client on both
hosts (one end-to-end encrypted thread) and an older messenger.com build.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from conftest import (
    FIXTURE_ROOT,
    arrivals_are_news_history_is_not,
    coach_running,
    compare_typing_latency,
    content_script_asked,
    free_port,
    serve_pages,
    set_companion_port,
    type_draft,
)

M = FIXTURE_ROOT / "messenger"
MARTA = "https://www.messenger.com/t/100004567890123/"
DANIEL = "https://www.facebook.com/messages/e2ee/t/7200000000000001/"
PRIYA = "https://www.messenger.com/t/priya.nair.5/"
PAGES = {
    "www.messenger.com/t/100004567890123/": M / "messenger-thread.html",
    "www.facebook.com/messages/e2ee/t/7200000000000001/": M / "facebook-e2ee.html",
    "www.messenger.com/t/priya.nair.5/": M / "messenger-legacy.html",
    # The same thread on a host the extension does not run on: typing without it.
    "unsupported.example/t/100004567890123/": M / "messenger-thread.html",
}

PITCH = ("Hi, I'm the founder of Acme, we help companies like yours cut hiring costs by 40%. "
         "Our platform is trusted by 200+ clients. Do you have 15 minutes this week for a quick call?")
GENUINE = "Congrats on the new role! How are you finding the first weeks there?"
PANEL = "[data-askfirst-panel]"
LEXICAL = '[contenteditable="true"][role="textbox"][aria-label="Message"]'
LEGACY = '[contenteditable="true"][aria-label="Type a message..."]'


@pytest.fixture(scope="module", autouse=True)
def messenger_pages(browser):
    hosts = re.compile(r"^https://(www\.messenger\.com|www\.facebook\.com|unsupported\.example)/")
    undo = serve_pages(browser.context, hosts, PAGES)
    yield
    undo()


SURFACES = [
    ("messenger.com, Lexical", MARTA, LEXICAL),
    ("facebook.com/messages, end-to-end encrypted", DANIEL, LEXICAL),
    ("older messenger.com build, Draft.js", PRIYA, LEGACY),
]


@pytest.mark.parametrize("url, editor", [s[1:] for s in SURFACES], ids=[s[0] for s in SURFACES])
def test_a_pitch_is_flagged_and_a_genuine_note_is_ok(page: Page, url: str, editor: str):
    page.goto(url)
    type_draft(page, editor, PITCH)
    panel = page.locator(PANEL)
    expect(panel).to_have_attribute("data-askfirst-verdict", "pitch_heavy")
    assert 50 <= int(panel.get_attribute("data-askfirst-score")) <= 100
    badge = panel.locator("button.badge")  # the card opens from the badge (by itself for a stop)
    if badge.get_attribute("aria-expanded") != "true":
        badge.click()
    expect(panel.locator(".suggestion").first).to_be_visible()
    assert page.locator(editor).inner_text().strip() == PITCH, "the draft is untouched"
    type_draft(page, editor, GENUINE)
    expect(panel).to_have_attribute("data-askfirst-verdict", "ok")
    expect(page.locator(PANEL)).to_have_count(1)


def test_send_by_enter_reaches_the_companion_keyed_by_the_facebook_profile(paired, page: Page):
    page.goto(MARTA)
    type_draft(page, LEXICAL, "Loved your supply chain talk. Could we grab a coffee next week?", answered=True)
    panel = page.locator(PANEL)
    expect(panel).to_have_attribute("data-askfirst-verdict", re.compile(r"\w+"))
    verdict, score = panel.get_attribute("data-askfirst-verdict"), int(panel.get_attribute("data-askfirst-score"))
    page.keyboard.press("Enter")
    event = paired.wait_for_event("messenger:marta.silva.77", lambda e: e["type"] == "message_sent")
    assert (event["verdict"], event["score"]) == (verdict, score)
    assert event["site"] == "messenger"
    assert event["recipient"]["profile_url"] == "https://www.facebook.com/marta.silva.77"
    assert event["recipient"]["name"] == "Marta Silva"
    assert event["thread_url"] == MARTA
    expect(page.locator(LEXICAL)).to_have_text("")


def test_send_by_the_press_enter_to_send_button(paired, page: Page):
    page.goto(MARTA)
    type_draft(page, LEXICAL, "Thanks again, Marta. What are you working on this quarter?", answered=True)
    # (After the test above, the companion says to wait: her reply is still due.)
    panel = page.locator(PANEL)
    expect(panel).to_have_attribute("data-askfirst-verdict", re.compile(r"^(ok|wait)$"))
    verdict = panel.get_attribute("data-askfirst-verdict")
    before = {e["id"] for e in paired.events_of("messenger:marta.silva.77")}
    page.get_by_role("button", name="Press enter to send").click()
    if verdict == "wait":  # a follow-up this soon is held once at send
        page.get_by_role("button", name="Send anyway").click()
    event = paired.wait_for_event("messenger:marta.silva.77",
                                  lambda e: e["type"] == "message_sent" and e["id"] not in before)
    assert event["verdict"] == verdict


def test_send_on_facebook_com_and_on_the_older_build(paired, page: Page):
    page.goto(DANIEL)
    type_draft(page, LEXICAL, "Good to meet you too, Daniel! How is the robot arm coming along?", answered=True)
    expect(page.locator(PANEL)).to_have_attribute("data-askfirst-verdict", "ok")
    page.get_by_role("button", name="Send", exact=True).click()
    event = paired.wait_for_event("messenger:daniel.okafor", lambda e: e["type"] == "message_sent")
    assert event["thread_url"] == DANIEL
    page.goto(PRIYA)
    type_draft(page, LEGACY, "Happy to help, Priya. What did you think of the keynote?", answered=True)
    expect(page.locator(PANEL)).to_have_attribute("data-askfirst-verdict", "ok")
    page.keyboard.press("Enter")
    paired.wait_for_event("messenger:priya.nair.5", lambda e: e["type"] == "message_sent")


@pytest.mark.parametrize("url, key", [
    (MARTA, "messenger:marta.silva.77"),
    (PRIYA, "messenger:priya.nair.5"),
], ids=["Lexical client", "older build"])
def test_new_incoming_messages_are_reported_once_history_is_not(paired, page: Page, url: str, key: str):
    page.goto(url)
    coach_running(page, f"{LEXICAL}, {LEGACY}")
    event = arrivals_are_news_history_is_not(paired, page, key)
    assert event["id"].startswith("messenger-msg:")
    _, due = paired.api("GET", "/followups")
    assert any(f["contact"]["key"] == key and f["kind"] == "reply" for f in due["followups"])


def test_the_site_switch_turns_the_coach_off_on_messenger(paired, page: Page):
    worker = paired.browser.worker
    worker.evaluate("() => chrome.storage.local.set({sites: {linkedin: true, x: true, messenger: false}})")
    try:
        page.goto(MARTA)
        content_script_asked(paired, page)  # it ran, and with its site off, stopped there
        type_draft(page, LEXICAL, PITCH)
        expect(page.locator(PANEL)).to_have_count(0)
    finally:
        worker.evaluate("() => chrome.storage.local.set({sites: {linkedin: true, x: true, messenger: true}})")


def test_companion_not_running_typing_lands_and_the_offline_notice_shows_once(paired, page: Page):
    set_companion_port(paired, free_port())
    try:
        page.goto(DANIEL)
        text = "Hi Daniel, can we set up a call to discuss a partnership?"
        type_draft(page, LEXICAL, text)
        notice = page.locator("[data-askfirst-offline]")
        expect(notice).to_be_visible()
        expect(notice).to_contain_text("askfirst serve")
        page.keyboard.type(" Thanks!")
        assert page.locator(LEXICAL).inner_text().strip() == text + " Thanks!"
        expect(page.locator(PANEL)).to_have_count(1)
        assert not page.locator("[data-askfirst-verdict]").count()
    finally:
        set_companion_port(paired, paired.companion.port)
    page.keyboard.type(" ")
    expect(page.locator(PANEL)).to_have_attribute("data-askfirst-verdict", re.compile(r".+"), timeout=15_000)


def test_the_content_script_adds_no_measurable_typing_latency_on_messenger(page: Page):
    urls = {origin: f"{host}/t/100004567890123/"
            for origin, host in (("without", "https://unsupported.example"), ("with", "https://www.messenger.com"))}
    compare_typing_latency(page, "Messenger", urls, LEXICAL,
                           "Hi Marta, how did the supply chain project go? I would love to hear what you learned.")
