"""X (x.com, twitter.com) in real Chromium: the checks LinkedIn passes, on X's fixture pages.

Pages built from X's markup (tests/e2e/fixtures/x/) are served for x.com and twitter.com:
the classic inbox (Draft.js editor), the newer chat UI (a textarea under /i/chat/), the
messages drawer and post composer on /home, and a post's reply box.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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

X = FIXTURE_ROOT / "x"
CLASSIC = "/messages/1500000001-1600000002"
CHAT = "/i/chat/1500000001-1700000003"
STATUS = "/noraquinn/status/1790000000000000001"
PAGES = {
    f"x.com{CLASSIC}": X / "messages-classic.html",
    f"twitter.com{CLASSIC}": X / "messages-classic.html",
    f"x.com{CHAT}": X / "chat-new.html",
    "x.com/home": X / "home-drawer.html",
    f"x.com{STATUS}": X / "status-reply.html",
    # The same classic page on a host the extension does not run on: typing without it.
    f"unsupported.example{CLASSIC}": X / "messages-classic.html",
}

PITCH = ("Hi, I'm the founder of Acme, we help companies like yours cut hiring costs by 40%. "
         "Our platform is trusted by 200+ clients. Do you have 15 minutes this week for a quick call?")
GENUINE = "Congrats on the new role! How are you finding the first weeks there?"
PANEL = "[data-askfirst-panel]"
DM_DRAFTJS = '[data-testid="dmComposerTextInput"]'
DM_TEXTAREA = 'textarea[data-testid="dm-composer-textarea"]'


@pytest.fixture(scope="module", autouse=True)
def x_pages(browser):
    undo = serve_pages(browser.context, re.compile(r"^https://(x\.com|twitter\.com|unsupported\.example)/"), PAGES)
    yield
    undo()


def draft_of(page: Page, selector: str) -> str:
    box = page.locator(selector)
    return (box.input_value() if box.evaluate("e => e.tagName") == "TEXTAREA" else box.inner_text()).strip()


@dataclass
class Surface:
    name: str
    url: str
    editor: str
    pitch_verdict: str = "pitch_heavy"


SURFACES = [
    Surface("classic inbox, Draft.js", f"https://x.com{CLASSIC}", DM_DRAFTJS),
    Surface("classic inbox on twitter.com", f"https://twitter.com{CLASSIC}", DM_DRAFTJS),
    Surface("new chat UI, textarea", f"https://x.com{CHAT}", DM_TEXTAREA),
    Surface("messages drawer on /home", "https://x.com/home", f'[data-testid="DMDrawer"] {DM_DRAFTJS}'),
    Surface("post composer", "https://x.com/home", '[data-testid="tweetTextarea_0"]'),
    Surface("reply to a post", f"https://x.com{STATUS}", '[data-testid="tweetTextarea_0"]'),
]


@pytest.mark.parametrize("surface", SURFACES, ids=[s.name for s in SURFACES])
def test_a_pitch_is_flagged_and_a_genuine_note_is_ok(page: Page, surface: Surface):
    page.goto(surface.url)
    type_draft(page, surface.editor, PITCH)
    panel = page.locator(PANEL)
    expect(panel).to_have_attribute("data-askfirst-verdict", surface.pitch_verdict)
    assert 50 <= int(panel.get_attribute("data-askfirst-score")) <= 100
    badge = panel.locator("button.badge")  # the card opens from the badge (by itself for a stop)
    if badge.get_attribute("aria-expanded") != "true":
        badge.click()
    expect(panel.locator("mark").first).to_be_visible()
    assert draft_of(page, surface.editor) == PITCH, "the draft is untouched"
    assert page.locator(surface.editor).evaluate(f"e => e.querySelector('{PANEL}') === null")
    type_draft(page, surface.editor, GENUINE)
    expect(panel).to_have_attribute("data-askfirst-verdict", "ok")
    expect(page.locator(PANEL)).to_have_count(1)


def test_send_by_enter_in_the_classic_inbox_reaches_the_companion(paired, page: Page):
    page.goto(f"https://x.com{CLASSIC}")
    type_draft(page, DM_DRAFTJS, "Loved your heat pump thread. Could we grab a coffee next week?", answered=True)
    panel = page.locator(PANEL)
    expect(panel).to_have_attribute("data-askfirst-verdict", re.compile(r"\w+"))
    verdict, score = panel.get_attribute("data-askfirst-verdict"), int(panel.get_attribute("data-askfirst-score"))
    page.keyboard.press("Enter")
    event = paired.wait_for_event("x:noraquinn", lambda e: e["type"] == "message_sent")
    assert (event["verdict"], event["score"]) == (verdict, score)
    assert event["site"] == "x"
    assert event["recipient"]["profile_url"] == "https://x.com/noraquinn"
    assert event["recipient"]["name"] == "Nora Quinn"
    assert event["thread_url"] == "https://x.com/messages/1500000001-1600000002"
    expect(page.locator(DM_DRAFTJS)).to_have_text("")  # the site sent it and emptied the box


def test_twitter_com_sends_land_on_the_same_x_contact(paired, page: Page):
    page.goto(f"https://twitter.com{CLASSIC}")
    type_draft(page, DM_DRAFTJS, "One more thing: which dataset did you use for the grid map?", answered=True)
    expect(page.locator(PANEL)).to_have_attribute("data-askfirst-verdict", re.compile(r"\w+"))
    before = {e["id"] for e in paired.events_of("x:noraquinn")}
    page.get_by_test_id("dmComposerSendButton").click()
    if page.locator(PANEL).get_attribute("data-askfirst-verdict") == "wait":  # a follow-up this soon is held once
        page.get_by_role("button", name="Send anyway").click()
    event = paired.wait_for_event("x:noraquinn", lambda e: e["type"] == "message_sent" and e["id"] not in before)
    assert event["thread_url"] == "https://x.com/messages/1500000001-1600000002"
    _, contacts = paired.api("GET", "/contacts")
    keys = [c["key"] for c in contacts["contacts"]]
    assert "x:noraquinn" in keys and not any(k.startswith("twitter") for k in keys)


def test_send_by_button_in_the_new_chat_ui(paired, page: Page):
    page.goto(f"https://x.com{CHAT}")
    type_draft(page, DM_TEXTAREA, "Thanks Samir! How did you handle the schema changes?", answered=True)
    expect(page.locator(PANEL)).to_have_attribute("data-askfirst-verdict", "ok")
    page.get_by_test_id("dm-composer-send-button").click()
    event = paired.wait_for_event("x:samir_dev", lambda e: e["type"] == "message_sent")
    assert event["verdict"] == "ok"
    assert event["thread_url"] == "https://x.com/i/chat/1500000001-1700000003"
    assert event["recipient"]["name"] == "Samir Haddad"


def test_send_from_the_drawer_and_a_post_is_no_message(paired, page: Page):
    page.goto("https://x.com/home")
    drawer = f'[data-testid="DMDrawer"] {DM_DRAFTJS}'
    type_draft(page, drawer, "Thanks Lena! What tool do you use for the rotations?", answered=True)
    expect(page.locator(PANEL)).to_have_attribute("data-askfirst-verdict", "ok")
    page.keyboard.press("Enter")
    event = paired.wait_for_event("x:lena_ops", lambda e: e["type"] == "message_sent")
    assert "thread_url" not in event or event["thread_url"] is None
    # A post goes to the public: analysed, but no one's contact gets an event.
    before = len(paired.api("GET", "/contacts")[1]["contacts"])
    type_draft(page, '[data-testid="tweetTextarea_0"]', "Shipping our v2 today. How do you all run on-call?")
    expect(page.locator(PANEL)).to_have_attribute("data-askfirst-verdict", re.compile(r"\w+"))
    assert len(paired.api("GET", "/contacts")[1]["contacts"]) == before


@pytest.mark.parametrize("path, key, id_prefix", [
    (CLASSIC, "x:noraquinn", re.compile(r"^x-msg:[0-9a-f]{16}$")),
    (CHAT, "x:samir_dev", re.compile(r"^x-msg:0f8fad5b-d9cb-469f-a165-")),
], ids=["classic inbox", "new chat UI"])
def test_new_incoming_messages_are_reported_once_history_is_not(paired, page: Page, path, key, id_prefix):
    page.goto(f"https://x.com{path}")
    coach_running(page, f"{DM_DRAFTJS}, {DM_TEXTAREA}")
    arrivals_are_news_history_is_not(paired, page, key,
                                     lambda e: e["id"].startswith("x-msg:") and e["at"] and id_prefix.match(e["id"]))
    _, due = paired.api("GET", "/followups")
    assert any(f["contact"]["key"] == key and f["kind"] == "reply" for f in due["followups"])


def switch_x(paired, on: bool) -> None:
    options = paired.browser.context.new_page()
    try:
        options.goto(paired.browser.url("options/options.html"))
        expect(options.get_by_text("Paired with the companion")).to_be_visible()  # switches loaded
        box = options.get_by_role("checkbox", name=re.compile(r"^X \(x\.com"))
        expect(box).to_be_checked(checked=not on)
        box.set_checked(on)
        expect(options.get_by_text("Sites saved.")).to_be_visible()
    finally:
        options.close()


def test_the_site_switch_in_the_options_turns_the_coach_off_on_x(paired, page: Page):
    switch_x(paired, False)
    try:
        assert paired.api("GET", "/settings")[1]["sites"]["x"] is False
        page.goto(f"https://x.com{CHAT}")
        content_script_asked(paired, page)  # it ran, and with its site off, stopped there
        type_draft(page, DM_TEXTAREA, PITCH)
        expect(page.locator(PANEL)).to_have_count(0)
    finally:
        switch_x(paired, True)
    page.reload()
    type_draft(page, DM_TEXTAREA, PITCH)
    expect(page.locator(PANEL)).to_have_attribute("data-askfirst-verdict", "pitch_heavy")


def test_companion_not_running_typing_lands_and_the_offline_notice_shows_once(paired, page: Page):
    set_companion_port(paired, free_port())  # nothing listens there: the companion is "down"
    try:
        page.goto(f"https://x.com{CLASSIC}")
        type_draft(page, DM_DRAFTJS, "Hi Nora, can we set up a call to discuss a partnership?")
        notice = page.locator("[data-askfirst-offline]")
        expect(notice).to_be_visible()
        expect(notice).to_contain_text("askfirst serve")
        assert not page.locator("[data-askfirst-verdict]").count()
        page.keyboard.type(" Thanks!")
        assert draft_of(page, DM_DRAFTJS) == "Hi Nora, can we set up a call to discuss a partnership? Thanks!"
        expect(page.locator(PANEL)).to_have_count(1)
        assert page.evaluate("() => document.activeElement.getAttribute('data-testid')") == "dmComposerTextInput"
    finally:
        set_companion_port(paired, paired.companion.port)
    page.keyboard.type(" ")
    expect(page.locator(PANEL)).to_have_attribute("data-askfirst-verdict", re.compile(r"^(?!$).+"), timeout=15_000)


def test_the_content_script_adds_no_measurable_typing_latency_on_x(paired, page: Page):
    urls = {"without": f"https://unsupported.example{CLASSIC}", "with": f"https://x.com{CLASSIC}"}
    compare_typing_latency(page, "X", urls, DM_DRAFTJS,
                           "Hi Nora, how did the grid data project go? I would love to hear what you learned.")
