"""The panel as a user sees it: a badge that covers nothing that matters, a card that lists
every finding, a wrong-name greeting caught, and questions that can be copied.

Screenshots of each surface, collapsed and expanded, are saved in tests/e2e/artifacts/.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from conftest import open_invite, type_draft

LI = "https://www.linkedin.com"
PANEL = "[data-askfirst-panel]"
ARTIFACTS = Path(__file__).parent / "artifacts"
PITCH = ("Hi Sam, I came across your profile. We help companies like yours cut freight costs by 30%. "
         "Do you have 15 minutes next week? calendly.com/joe/15min")


@dataclass
class Surface:
    name: str
    url: str  # a LinkedIn path, or a page of the extension
    editor: str
    # What the panel must never cover, besides the compose box.
    keep_clear: list[str] = field(default_factory=list)
    recipient: dict | None = None  # what the site adapter reads from the page
    kind: str = "message"
    open: Callable[[Page], None] = lambda page: None


SURFACES = [
    Surface("overlay", LI + "/feed/", ".msg-form__contenteditable",
            [".msg-overlay-bubble-header", "button.msg-form__send-button", "button.msg-form__send-toggle"],
            {"profile_url": "https://www.linkedin.com/in/sam-lee-42/", "name": "Sam Lee",
             "headline": "Founder at Brightpath Analytics"}),
    Surface("thread", LI + "/messaging/thread/2-MjA0ZTk1/", ".msg-form__contenteditable",
            [".msg-title-bar", "button.msg-form__send-button", "button.msg-form__send-toggle", "button.msg-form__attachment"],
            {"profile_url": "https://www.linkedin.com/in/jane-doe-123/", "name": "Jane Doe",
             "headline": "Head of Platform at Acme Robotics"}),
    Surface("invite", LI + "/in/priya-shah-9/", "textarea#custom-message",
            [".artdeco-modal__header", 'button[aria-label="Send now"]', 'button[aria-label="Dismiss"]',
             "label[for=custom-message]"],
            {"profile_url": "https://www.linkedin.com/in/priya-shah-9/", "name": "Priya Shah",
             "headline": "VP Engineering at Lumen Health · Mentor"},
            "connection_note", open_invite("Priya Shah")),
    Surface("try", "try/try.html", "#try-box", ["h1", "#kind", "#example", "p.muted:has(a[href*=options])"]),
]


def url_of(paired, surface: Surface) -> str:
    return surface.url if surface.url.startswith("https://") else paired.browser.url(surface.url)


def box_of(page: Page, selector: str) -> dict:
    box = page.locator(selector).first.bounding_box()
    assert box, f"{selector} is not on screen"
    return box


def overlap(a: dict, b: dict) -> float:
    dx = min(a["x"] + a["width"], b["x"] + b["width"]) - max(a["x"], b["x"])
    dy = min(a["y"] + a["height"], b["y"] + b["height"]) - max(a["y"], b["y"])
    return max(0.0, dx) * max(0.0, dy)


def settled(page: Page) -> None:
    """Wait until the panel has been placed: two animation frames after the last change."""
    page.evaluate("() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))")


def assert_clear(page: Page, surface: Surface, state: str) -> None:
    settled(page)
    panel = box_of(page, PANEL)
    view = page.viewport_size
    assert panel["x"] >= 0 and panel["y"] >= 0, (state, panel)
    assert panel["x"] + panel["width"] <= view["width"] and panel["y"] + panel["height"] <= view["height"], (state, panel)
    for selector in [surface.editor, *surface.keep_clear]:
        other = box_of(page, selector)
        assert overlap(panel, other) == 0, f"{surface.name}, {state}: the panel {panel} covers {selector} {other}"


def shoot(page: Page, name: str) -> None:
    settled(page)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"panel-{name}.png"))


def focused_in(page: Page, selector: str) -> bool:
    """Whether the focused element (through open shadow roots) matches `selector`."""
    return page.evaluate("""(selector) => {
      let el = document.activeElement;
      while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
      return Boolean(el && el.matches(selector));
    }""", selector)


def draft_text(page: Page, selector: str) -> str:
    box = page.locator(selector)
    return (box.input_value() if box.evaluate("e => e.tagName") == "TEXTAREA" else box.inner_text()).strip()


def open_surface(paired, page: Page, surface: Surface, text: str) -> None:
    page.goto(url_of(paired, surface))
    surface.open(page)
    type_draft(page, surface.editor, text)
    expect(page.locator(PANEL)).to_have_attribute("data-askfirst-verdict", re.compile(r"\w+"))
    expect(page.locator(PANEL).locator("button.badge")).to_be_visible()


@pytest.mark.parametrize("surface", SURFACES, ids=[s.name for s in SURFACES])
def test_badge_and_card_cover_neither_the_box_nor_its_header_nor_its_buttons(paired, page: Page, surface: Surface):
    open_surface(paired, page, surface, PITCH)
    panel = page.locator(PANEL)
    badge = panel.locator("button.badge")
    if surface.kind == "connection_note":
        # Asking in an invitation is a stop: the card opened by itself, without taking focus.
        expect(badge).to_have_attribute("aria-expanded", "true")
        assert focused_in(page, surface.editor)
        badge.click()
    expect(badge).to_have_attribute("aria-expanded", "false")
    assert_clear(page, surface, "collapsed")
    size = box_of(page, PANEL)
    assert size["height"] <= 40 and size["width"] <= 280, f"the badge is small: {size}"
    shoot(page, f"{surface.name}-collapsed")

    badge.click()
    expect(badge).to_have_attribute("aria-expanded", "true")
    expect(panel.locator("li").first).to_be_visible()
    assert_clear(page, surface, "expanded")
    shoot(page, f"{surface.name}-expanded")
    # Clicking the panel left the caret in the message.
    assert focused_in(page, surface.editor)
    assert draft_text(page, surface.editor) == PITCH


@pytest.mark.parametrize("surface", SURFACES[:3], ids=[s.name for s in SURFACES[:3]])
def test_the_card_lists_every_finding_with_whole_words_quoted(paired, page: Page, surface: Surface):
    open_surface(paired, page, surface, PITCH)
    panel = page.locator(PANEL)
    badge = panel.locator("button.badge")
    if badge.get_attribute("aria-expanded") != "true":
        badge.click()
    items = panel.locator("li")
    expect(items.first).to_be_visible()
    # The companion's own answer for the same draft, recipient and history.
    status, result = paired.api("POST", "/analyze", {"text": PITCH, "kind": surface.kind, "site": "linkedin",
                                                     "recipient": surface.recipient})
    assert status == 200, result
    assert panel.get_attribute("data-askfirst-verdict") == result["verdict"]
    rules = [f["rule"] for f in result["findings"]]
    expect(items).to_have_count(len(rules))
    assert sorted(items.evaluate_all("els => els.map((e) => e.dataset.rule)")) == sorted(rules)
    shortened = panel.evaluate("(host) => host.shadowRoot.querySelector('.body').style.maxHeight")
    if not shortened:  # the card fit beside the box: every finding on screen, none scrolled away
        for i in range(len(rules)):
            expect(items.nth(i)).to_be_in_viewport()
    else:  # no room for all of it anywhere clear of the box and header: the rest scrolls into view
        items.last.scroll_into_view_if_needed()
        expect(items.last).to_be_in_viewport()
    # Every quoted phrase starts and ends on a word boundary of the draft.
    for quote in panel.locator(".quote").all_inner_texts():
        inner = quote.strip("…“”").strip()
        assert inner in " ".join(PITCH.split()), quote


@pytest.mark.parametrize("surface", SURFACES[:3], ids=[s.name for s in SURFACES[:3]])
def test_a_greeting_to_someone_else_is_flagged_with_the_recipients_name(paired, page: Page, surface: Surface):
    text = "Hi Dana, congrats on the new role! How are you finding the first weeks?"
    open_surface(paired, page, surface, text)
    panel = page.locator(PANEL)
    badge = panel.locator("button.badge")
    if badge.get_attribute("aria-expanded") != "true":
        expect(badge).to_contain_text("Wrong name?")
        badge.click()
    finding = panel.locator('li[data-rule="greeting.wrong_name"]')
    expect(finding).to_be_visible()
    expect(finding).to_contain_text(surface.recipient["name"])
    expect(finding.locator("mark")).to_have_text("Dana")
    shoot(page, f"{surface.name}-wrong-name")


def test_a_suggested_question_is_copied_to_the_clipboard(paired, page: Page):
    surface = SURFACES[1]
    paired.browser.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=LI)
    open_surface(paired, page, surface, PITCH)
    panel = page.locator(PANEL)
    panel.locator("button.badge").click()
    copy = panel.get_by_role("button", name=re.compile(r"^Copy: "))
    expect(copy.first).to_be_visible()
    question = copy.first.get_attribute("data-copy")
    assert question.endswith("?") and "“" not in question
    copy.first.click()
    expect(copy.first).to_have_text("Copied")
    assert page.evaluate("() => navigator.clipboard.readText()") == question
    # The click did not take the caret out of the message, nor change it.
    assert focused_in(page, surface.editor)
    assert draft_text(page, surface.editor) == PITCH


def test_keyboard_and_screen_reader(paired, page: Page):
    surface = SURFACES[1]
    open_surface(paired, page, surface, PITCH)
    panel = page.locator(PANEL)
    badge = panel.locator("button.badge")
    status = panel.get_by_role("status")
    # Announced while collapsed: the live region is outside the part that opens and closes.
    expect(badge).to_have_attribute("aria-expanded", "false")
    expect(status).to_contain_text("Reads like a pitch")
    snapshot = panel.aria_snapshot()
    assert re.search(r'- button "Reads like a pitch, pitch score \d+ of 100"', snapshot), snapshot
    assert re.search(r'- status: "?Ask First: Reads like a pitch\.', snapshot), snapshot
    assert "region" not in snapshot  # the card is closed

    # Alt+Shift+A opens the card without leaving the message ...
    page.keyboard.press("Alt+Shift+KeyA")
    expect(badge).to_have_attribute("aria-expanded", "true")
    assert focused_in(page, surface.editor)
    assert draft_text(page, surface.editor) == PITCH  # nothing typed
    snapshot = panel.aria_snapshot()
    assert re.search(r'- region "Ask First"', snapshot), snapshot
    assert re.search(r'button "Copy: [^"]+\?"', snapshot), snapshot
    # ... again moves into it, Tab reaches its buttons, Escape goes back to the message.
    page.keyboard.press("Alt+Shift+KeyA")
    assert focused_in(page, "button.badge")
    page.keyboard.press("Tab")
    assert focused_in(page, "button.copy")
    page.keyboard.press("Escape")
    expect(badge).to_have_attribute("aria-expanded", "false")
    assert focused_in(page, surface.editor)
    page.keyboard.type(" Thanks!")
    assert draft_text(page, surface.editor).endswith("15min Thanks!")
    expect(status).to_contain_text("Ask First:")


def test_colours_meet_wcag_aa(paired, page: Page):
    open_surface(paired, page, SURFACES[1], PITCH)
    ratios = page.locator(PANEL).evaluate(r"""(host) => {
      const parse = (c) => c.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
      const lum = (rgb) => { const [r, g, b] = rgb.map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
      const ratio = (a, b) => { const [x, y] = [lum(parse(a)), lum(parse(b))].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
      const root = host.shadowRoot;
      const badge = getComputedStyle(root.querySelector(".badge"));
      const chip = getComputedStyle(root.querySelector(".badge .score"));
      return { badge: ratio(badge.color, badge.backgroundColor), chip: ratio(chip.color, chip.backgroundColor) };
    }""")
    assert ratios["badge"] >= 4.5 and ratios["chip"] >= 4.5, ratios


def test_the_badge_follows_the_box_when_it_grows(paired, page: Page):
    surface = SURFACES[0]
    open_surface(paired, page, surface, "Congrats on the launch!")
    settled(page)
    before = box_of(page, PANEL)
    page.locator(surface.editor).press("End")
    for _ in range(6):
        page.keyboard.press("Shift+Enter")
    page.keyboard.type("How did the first week go?")
    expect(page.locator(PANEL)).to_have_attribute("data-askfirst-verdict", "ok")
    settled(page)
    assert box_of(page, surface.editor)["height"] > 60
    assert box_of(page, PANEL)["y"] != before["y"]
    assert_clear(page, surface, "after the box grew")
