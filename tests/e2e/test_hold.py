"""The send-time hold in real Chromium: held once, "Send anyway" sends exactly once, "Edit"
keeps the text, and with the hold off or the companion away the send goes through.

Each test serves the sites' fixture pages under their real URLs with the other person's
handle renamed, so every test has a contact of its own in the shared companion and can
plant that contact's history (connected 3 minutes ago, a message an hour ago).
"""

from __future__ import annotations

import itertools
import re
import time
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from conftest import FIXTURE_ROOT, FIXTURES, SOCIAL_FIXTURE_JS, free_port, set_companion_port, type_draft

ARTIFACTS = Path(__file__).parent / "artifacts"
PITCH = ("Hi, I'm the founder of Acme, we help companies like yours cut hiring costs by 40%. "
         "Our platform is trusted by 200+ clients. Do you have 15 minutes this week for a quick call?")
FOLLOW_UP = "Just following up on my message about our platform. Do you have 15 minutes for a quick call?"
PANEL = "[data-askfirst-panel]"
PROMPT = "[data-askfirst-hold]"
LI_EDITOR = ".msg-form__contenteditable"
_n = itertools.count(1)


def unique(stem: str) -> str:
    return f"{stem}{next(_n)}{uuid.uuid4().hex[:6]}"


def serve(page: Page, url: str, fixture: Path, renames: dict[str, str]) -> None:
    """Answer `url` from `fixture` with `renames` applied; the behaviour script as usual."""
    html = fixture.read_text(encoding="utf-8")
    for old, new in renames.items():
        html = re.sub(re.escape(old), new, html, flags=re.IGNORECASE)
    target = urlsplit(url)

    def handler(route, request) -> None:
        u = urlsplit(request.url)
        if u.path == "/__fixture__/fixture.js":
            js = FIXTURES / "fixture.js" if u.hostname == "www.linkedin.com" else SOCIAL_FIXTURE_JS
            route.fulfill(status=200, body=js.read_bytes(), content_type="application/javascript")
        elif (u.hostname, u.path) == (target.hostname, target.path):
            route.fulfill(status=200, body=html.encode(), content_type="text/html; charset=utf-8")
        else:
            route.fallback()

    page.route(re.compile(rf"^https://{re.escape(target.hostname or '')}/"), handler)


def plant(paired, kind: str, profile_url: str, ago: timedelta, name: str = "") -> None:
    at = (datetime.now(timezone.utc) - ago).isoformat()
    body = {"id": f"e2e-hold-{uuid.uuid4().hex}", "type": kind, "at": at, "recipient": {"profile_url": profile_url}}
    if name:
        body["recipient"]["name"] = name
    status, reply = paired.api("POST", "/events", body)
    assert status == 201, reply


def sent_events(paired, key: str) -> list[dict]:
    return [e for e in paired.events_of(key) if e["type"] == "message_sent"]


def settle(page: Page, paired, key: str) -> None:
    """Whatever the page reported about the send has arrived: a message received after it,
    from the same page, has reached the companion (a late duplicate would come before it)."""
    def received() -> int:
        return sum(e["type"] == "message_received" for e in paired.events_of(key))

    before = received()
    page.evaluate("(t) => window.fixtureReceive(t)", "Sounds good, talk soon.")
    deadline = time.monotonic() + 30
    while received() <= before:
        assert time.monotonic() < deadline, f"the reply never reached the companion: {paired.events_of(key)}"
        time.sleep(0.1)


def shot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def linkedin_thread(page: Page, paired, *, enter: bool = False) -> tuple[str, str]:
    """A LinkedIn thread with someone you connected with 3 minutes ago; (url, contact key)."""
    slug = unique("hold-jane-")
    if enter:
        url, fixture, old = "https://www.linkedin.com/messaging/thread/2-ZmVlZGJh/", "messaging-enter.html", "ravi-kumar-7"
    else:
        url, fixture, old = "https://www.linkedin.com/messaging/thread/2-MjA0ZTk1/", "messaging-thread.html", "jane-doe-123"
    serve(page, url, FIXTURES / fixture, {old: slug})
    plant(paired, "connected", f"https://www.linkedin.com/in/{slug}/", timedelta(minutes=3))
    return url, f"linkedin:{slug}"


def sent_on_page(page: Page, text: str):
    """The messages the fixture site itself put in the thread with this text (its sends)."""
    return page.locator(".msg-s-event-listitem__body, [data-fixture-list] *:not(:has(*))").filter(has_text=text[:40])


def test_a_pitch_3_minutes_after_connecting_is_held_and_send_anyway_sends_it_once(paired, page: Page):
    url, key = linkedin_thread(page, paired)
    page.goto(url)
    type_draft(page, LI_EDITOR, PITCH)
    expect(page.locator(PANEL)).to_have_attribute("data-askfirst-verdict", "premature")
    page.get_by_role("button", name="Send", exact=True).click()
    prompt = page.locator(PROMPT)
    expect(prompt).to_be_visible()
    expect(prompt).to_contain_text("connected")
    expect(page.get_by_role("alertdialog")).to_be_visible()
    shot(page, "hold-prompt-linkedin-thread")
    # Anchored to the send button: beside it, not over the draft.
    button = page.get_by_role("button", name="Send", exact=True).bounding_box()
    box = prompt.bounding_box()
    assert button and box and box["y"] + box["height"] <= button["y"] + 1
    assert abs((box["x"] + box["width"]) - (button["x"] + button["width"])) < 2
    expect(sent_on_page(page, PITCH)).to_have_count(0)
    assert sent_events(paired, key) == []

    page.get_by_role("button", name="Send anyway").click()
    expect(sent_on_page(page, PITCH)).to_have_count(1)
    expect(prompt).to_have_count(0)
    event = paired.wait_for_event(key, lambda e: e["type"] == "message_sent")
    assert (event["verdict"], event["hold"]) == ("premature", "sent_anyway")
    settle(page, paired, key)
    assert len(sent_events(paired, key)) == 1
    expect(sent_on_page(page, PITCH)).to_have_count(1)


def test_edit_returns_to_the_draft_with_its_text_and_the_draft_is_not_held_twice(paired, page: Page):
    url, key = linkedin_thread(page, paired)
    page.goto(url)
    type_draft(page, LI_EDITOR, PITCH)
    expect(page.locator(PANEL)).to_have_attribute("data-askfirst-verdict", "premature")
    page.get_by_role("button", name="Send", exact=True).click()
    page.get_by_role("button", name="Edit").click()
    expect(page.locator(PROMPT)).to_have_count(0)
    editor = page.locator(LI_EDITOR)
    expect(editor).to_be_focused()
    assert editor.inner_text().strip() == PITCH
    page.keyboard.type(" Thanks!")  # the caret is back in the draft, at its end
    expect(editor).to_contain_text(PITCH + " Thanks!")
    expect(sent_on_page(page, PITCH)).to_have_count(0)
    assert sent_events(paired, key) == []
    # Sending the same draft again: no second hold; the event says the user edited.
    page.get_by_role("button", name="Send", exact=True).click()
    expect(sent_on_page(page, PITCH)).to_have_count(1)
    event = paired.wait_for_event(key, lambda e: e["type"] == "message_sent")
    assert event["hold"] == "edited"


def test_a_held_enter_is_replayed_once_where_enter_sends(paired, page: Page):
    url, key = linkedin_thread(page, paired, enter=True)
    page.goto(url)
    type_draft(page, LI_EDITOR, PITCH)
    expect(page.locator(PANEL)).to_have_attribute("data-askfirst-verdict", "premature")
    page.keyboard.press("Enter")
    expect(page.locator(PROMPT)).to_be_visible()
    shot(page, "hold-prompt-linkedin-enter")
    expect(sent_on_page(page, PITCH)).to_have_count(0)
    page.keyboard.press("Escape")  # focus is on the prompt: Escape is Edit
    expect(page.locator(PROMPT)).to_have_count(0)
    expect(page.locator(LI_EDITOR)).to_be_focused()
    # Held once only: the next Enter sends.
    page.keyboard.press("Enter")
    expect(sent_on_page(page, PITCH)).to_have_count(1)
    event = paired.wait_for_event(key, lambda e: e["type"] == "message_sent")
    assert event["hold"] == "edited"


def test_the_overlay_in_the_shadow_root_and_the_invitation_note_are_held(paired, page: Page):
    slug = unique("hold-sam-")
    serve(page, "https://www.linkedin.com/feed/", FIXTURES / "overlay-shadow.html", {"sam-lee-42": slug})
    plant(paired, "connected", f"https://www.linkedin.com/in/{slug}/", timedelta(minutes=3))
    page.goto("https://www.linkedin.com/feed/")
    type_draft(page, LI_EDITOR, PITCH)
    expect(page.locator(PANEL)).to_have_attribute("data-askfirst-verdict", "premature")
    page.locator(".msg-form__send-button").click()
    expect(page.locator(PROMPT)).to_be_visible()
    shot(page, "hold-prompt-linkedin-overlay")
    page.get_by_role("button", name="Send anyway").click()
    expect(sent_on_page(page, PITCH)).to_have_count(1)
    assert paired.wait_for_event(f"linkedin:{slug}", lambda e: e["type"] == "message_sent")["hold"] == "sent_anyway"

    tom = unique("hold-tom-")
    serve(page, "https://www.linkedin.com/search/results/people/", FIXTURES / "invite-search.html", {"tom-baker-5": tom})
    page.goto("https://www.linkedin.com/search/results/people/")
    page.get_by_role("button", name="Invite Tom Baker to connect").click()
    page.get_by_role("button", name="Add a note").click()
    type_draft(page, "textarea[name=message]", "Hi Tom, we help teams like yours ship faster. Can we book a demo call?")
    expect(page.locator(PANEL)).to_have_attribute("data-askfirst-verdict", "premature")
    page.get_by_role("button", name="Send invitation").click()
    expect(page.locator(PROMPT)).to_be_visible()
    shot(page, "hold-prompt-linkedin-invitation")
    assert page.evaluate("() => window.fixtureInvitesSent || 0") == 0
    page.get_by_role("button", name="Send anyway").click()
    expect(page.locator(PROMPT)).to_have_count(0)
    assert page.evaluate("() => window.fixtureInvitesSent || 0") == 1
    assert paired.wait_for_event(f"linkedin:{tom}", lambda e: e["type"] == "message_sent")["hold"] == "sent_anyway"


SOCIAL = [
    # (site, url, fixture, handle to rename, editor, how the contact's profile URL is built, key)
    ("x", "https://x.com/messages/1500000001-1600000002", FIXTURE_ROOT / "x" / "messages-classic.html",
     "noraquinn", '[data-testid="dmComposerTextInput"]', "https://x.com/{}", "x:{}"),
    ("messenger", "https://www.messenger.com/t/100004567890123/", FIXTURE_ROOT / "messenger" / "messenger-thread.html",
     "marta.silva.77", '[contenteditable="true"][role="textbox"][aria-label="Message"]',
     "https://www.facebook.com/{}", "messenger:{}"),
]


@pytest.mark.parametrize("site, url, fixture, old, editor, profile, key", SOCIAL, ids=[s[0] for s in SOCIAL])
def test_a_follow_up_too_soon_is_held_on_x_and_messenger(paired, page: Page, site, url, fixture, old, editor,
                                                         profile, key):
    handle = unique("holdx") if site == "x" else f"hold.{unique('m')}"
    serve(page, url, fixture, {old: handle})
    plant(paired, "message_sent", profile.format(handle), timedelta(hours=1))
    page.goto(url)
    type_draft(page, editor, FOLLOW_UP)
    expect(page.locator(PANEL)).to_have_attribute("data-askfirst-verdict", "wait")
    page.keyboard.press("Enter")
    expect(page.locator(PROMPT)).to_be_visible()
    expect(page.locator(PROMPT)).to_contain_text("reply")
    shot(page, f"hold-prompt-{site}")
    expect(sent_on_page(page, FOLLOW_UP)).to_have_count(0)
    page.get_by_role("button", name="Send anyway").click()
    expect(sent_on_page(page, FOLLOW_UP)).to_have_count(1)
    event = paired.wait_for_event(key.format(handle), lambda e: e["type"] == "message_sent" and "hold" in e)
    assert (event["verdict"], event["hold"]) == ("wait", "sent_anyway")
    settle(page, paired, key.format(handle))
    assert len([e for e in sent_events(paired, key.format(handle)) if not e["id"].startswith("e2e-hold-")]) == 1


def test_with_the_hold_switched_off_the_send_goes_through_untouched(paired, page: Page):
    worker = paired.browser.worker
    worker.evaluate("() => chrome.storage.local.set({holdPremature: false})")
    try:
        url, key = linkedin_thread(page, paired)
        page.goto(url)
        type_draft(page, LI_EDITOR, PITCH)
        expect(page.locator(PANEL)).to_have_attribute("data-askfirst-verdict", "premature")
        page.get_by_role("button", name="Send", exact=True).click()
        expect(sent_on_page(page, PITCH)).to_have_count(1)
        expect(page.locator(PROMPT)).to_have_count(0)
        event = paired.wait_for_event(key, lambda e: e["type"] == "message_sent")
        assert event["verdict"] == "premature" and "hold" not in event
    finally:
        worker.evaluate("() => chrome.storage.local.remove('holdPremature')")


def test_with_the_companion_away_the_send_goes_through_untouched(paired, page: Page):
    url, key = linkedin_thread(page, paired)
    set_companion_port(paired, free_port())  # nothing listens there: as if it were stopped
    try:
        page.goto(url)
        type_draft(page, LI_EDITOR, PITCH)
        expect(page.locator("[data-askfirst-offline]")).to_be_visible()
        page.get_by_role("button", name="Send", exact=True).click()
        expect(sent_on_page(page, PITCH)).to_have_count(1)
        expect(page.locator(PROMPT)).to_have_count(0)
    finally:
        set_companion_port(paired, paired.companion.port)


# Runs before any of the page's scripts and before the content script: the first listener
# for a click on the window, and (once the page is up) one on the Send button itself.
SEND_PROBE = """() => {
  const probe = { gaps: [] };
  let t0 = null;
  window.addEventListener("click", () => { t0 = performance.now(); }, true);
  document.addEventListener("DOMContentLoaded", () => {
    document.querySelector(".msg-form__send-button").addEventListener("click", () => {
      if (t0 !== null) probe.gaps.push(performance.now() - t0);
    }, true);
  });
  window.__sendProbe = probe;
}"""


def test_how_long_a_send_that_is_not_held_waits_on_the_extension(paired, page: Page):
    """Prints, for sends that go through, the time between the click reaching the window and
    reaching the site's Send button: every listener of ours on the way included."""
    import statistics

    url, key = linkedin_thread(page, paired)
    profile = "https://www.linkedin.com/in/" + key.split(":", 1)[1] + "/"
    plant(paired, "message_received", profile, timedelta(0))
    page.add_init_script(f"({SEND_PROBE})()")
    page.goto(url)
    for n in range(5):
        text = f"#{n}: thanks again for the intro, it was really kind of you. How was the trip?"
        type_draft(page, LI_EDITOR, text)
        expect(page.locator(PANEL)).to_have_attribute("data-askfirst-verdict", re.compile(r"^(ok|ask_first)$"))
        page.get_by_role("button", name="Send", exact=True).click()
        expect(sent_on_page(page, text)).to_have_count(1)
        plant(paired, "message_received", profile, timedelta(0))  # they answer: the next one is a reply
    gaps = page.evaluate("() => window.__sendProbe.gaps")
    assert len(gaps) == 5
    print(f"\nsend not held: click at the window -> the site's Send button: median {statistics.median(gaps):.2f} ms, "
          f"max {max(gaps):.2f} ms (5 sends)")
