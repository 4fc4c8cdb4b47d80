"""The calendar file: every value escaped or checked, so no stored text can add a line."""

from __future__ import annotations

from datetime import date

from askfirst import ics
from askfirst.followups import ContactSummary, Followup

TODAY = date(2026, 3, 10)


def followup(name: str, url: str) -> Followup:
    c = ContactSummary(key="linkedin:x", profile_url="https://www.linkedin.com/in/x/", name=name, thread_url=url)
    return Followup("fu_1", "reply", TODAY, "They wrote; reply, today.", "Hi, thanks!", c, today=TODAY)


def unfolded(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")


def test_a_hostile_thread_url_or_name_cannot_add_a_property():
    evil = "https://www.linkedin.com/messaging/\r\nATTENDEE:mailto:evil@example.com\nX"
    lines = unfolded(ics.calendar([followup("Eve\r\nBEGIN:VEVENT\x00\x1b", evil)], TODAY))
    assert not any(line.startswith(("ATTENDEE", "BEGIN:VEVENT\\")) for line in lines)
    assert lines.count("BEGIN:VEVENT") == 1
    assert not any(line.startswith("URL:") for line in lines)  # left out, not written broken
    summary = next(line for line in lines if line.startswith("SUMMARY:"))
    assert summary == "SUMMARY:Reply to Eve\\nBEGIN:VEVENT"
    assert all(ch >= " " or ch == "\t" for line in lines for ch in line)


def test_text_values_escape_backslash_semicolon_comma_and_newlines():
    assert ics.escape("a\\b;c,d\r\ne\rf\ng") == "a\\\\b\\;c\\,d\\ne\\nf\\ng"
    assert ics.escape("tab\tkept") == "tab\tkept"
