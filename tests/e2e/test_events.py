"""Sending and receiving on LinkedIn reach the companion as events; the popup lists follow-ups."""

from __future__ import annotations

import re
import time
from datetime import datetime, timedelta, timezone

from playwright.sync_api import Page, expect

from conftest import arrivals_are_news_history_is_not, coach_running
from conftest import type_draft as typed

LI = "https://www.linkedin.com"
ASK = "Loved your talk on robotics. Could we grab a coffee next week?"


def type_draft(page: Page, selector: str, text: str) -> None:
    """Type into the empty compose box and wait for the answer to the whole draft."""
    typed(page, selector, text, answered=True)


def test_send_by_button_reaches_the_companion_with_verdict_and_score(paired, page: Page):
    page.goto(LI + "/messaging/thread/2-MjA0ZTk1/")
    type_draft(page, ".msg-form__contenteditable", ASK)
    panel = page.locator("[data-askfirst-panel]")
    expect(panel).to_have_attribute("data-askfirst-verdict", re.compile(r"\w+"))
    verdict = panel.get_attribute("data-askfirst-verdict")
    score = int(panel.get_attribute("data-askfirst-score"))
    page.get_by_role("button", name="Send", exact=True).click()
    event = paired.wait_for_event("linkedin:jane-doe-123", lambda e: e["type"] == "message_sent")
    assert (event["verdict"], event["score"]) == (verdict, score)
    assert event["recipient"]["name"] == "Jane Doe"
    assert event["recipient"]["profile_url"] == "https://www.linkedin.com/in/jane-doe-123/"
    assert event["thread_url"] == "https://www.linkedin.com/messaging/thread/2-MjA0ZTk1/"
    assert "text" not in event, "the companion keeps no message text by default"
    # The box was emptied by the site; the panel hides with the empty draft.
    expect(panel).to_be_hidden()


def test_send_by_enter_reaches_the_companion(paired, page: Page):
    page.goto(LI + "/messaging/thread/2-ZmVlZGJh/")
    type_draft(page, ".msg-form__contenteditable", "Thanks Ravi, that was helpful!")
    expect(page.locator("[data-askfirst-panel]")).to_have_attribute("data-askfirst-verdict", "ok")
    page.keyboard.press("Enter")
    event = paired.wait_for_event("linkedin:ravi-kumar-7", lambda e: e["type"] == "message_sent")
    assert event["verdict"] == "ok"


def test_send_from_the_overlay_in_the_shadow_root(paired, page: Page):
    page.goto(LI + "/feed/")
    type_draft(page, ".msg-form__contenteditable", "Great meeting you, Sam. How did the launch go?")
    expect(page.locator("[data-askfirst-panel]")).to_have_attribute("data-askfirst-verdict", "ok")
    page.locator(".msg-form__send-button").click()
    event = paired.wait_for_event("linkedin:sam-lee-42", lambda e: e["type"] == "message_sent")
    assert event["thread_url"] == "https://www.linkedin.com/messaging/thread/2-c2FtbGVl/"
    assert event["recipient"]["headline"] == "Founder at Brightpath Analytics"


def test_a_connection_note_sent_is_recorded_for_the_invitee(paired, page: Page):
    page.goto(LI + "/search/results/people/")
    page.get_by_role("button", name="Invite Tom Baker to connect").click()
    page.get_by_role("button", name="Add a note").click()
    type_draft(page, "textarea[name=message]", "Hi Tom, enjoyed your post on roadmaps. What made you drop quarterly planning?")
    expect(page.locator("[data-askfirst-panel]")).to_have_attribute("data-askfirst-verdict", "ok")
    page.get_by_role("button", name="Send invitation").click()
    event = paired.wait_for_event("linkedin:tom-baker-5", lambda e: e["type"] == "message_sent")
    assert event["recipient"]["name"] == "Tom Baker"


def test_new_incoming_messages_are_reported_once_history_is_not(paired, page: Page):
    page.goto(LI + "/notifications/")  # the older overlay, Maria Garcia's thread
    expect(page.locator(".msg-s-event-listitem__body").first).to_be_visible()
    coach_running(page, ".msg-form__contenteditable")
    event = arrivals_are_news_history_is_not(paired, page, "linkedin:maria-garcia-3")
    assert event["id"].startswith("linkedin-msg:urn:li:msg_message:")
    # A reply is now due today: the companion turned the event into a follow-up.
    status, due = paired.api("GET", "/followups")
    assert any(f["contact"]["key"] == "linkedin:maria-garcia-3" and f["kind"] == "reply" for f in due["followups"])


def test_the_popup_lists_todays_follow_ups_and_settles_them(paired, page: Page):
    yesterday = (datetime.now(timezone.utc) - timedelta(days=1)).isoformat()
    status, _ = paired.api("POST", "/events", {
        "id": "e2e-seed-nadia-1", "type": "message_received", "at": yesterday, "site": "linkedin",
        "recipient": {"profile_url": "https://www.linkedin.com/in/nadia-popup-1/", "name": "Nadia Popup",
                      "headline": "Designer at Example"},
    })
    assert status in (200, 201)
    page.goto(paired.browser.url("popup/popup.html"))
    expect(page.get_by_role("status")).to_contain_text("connected")
    item = page.locator("li.followup", has_text="Nadia Popup")
    expect(item).to_be_visible()
    expect(item).to_contain_text("Nadia")  # the reason names them
    expect(item.get_by_role("button", name="Open: Nadia Popup")).to_be_visible()
    item.get_by_role("button", name="Done: Nadia Popup").click()
    expect(item).to_have_count(0)
    _, due = paired.api("GET", "/followups")
    assert all(f["contact"]["key"] != "linkedin:nadia-popup-1" for f in due["followups"])
    # The badge shows the count of what is left (it is refreshed after the reply).
    want = str(due["count"]) if due["count"] else ""
    deadline = time.monotonic() + 30
    while (badge := paired.browser.worker.evaluate("() => chrome.action.getBadgeText({})")) != want:
        assert time.monotonic() < deadline, f"badge {badge!r}, expected {want!r}"
        time.sleep(0.05)
