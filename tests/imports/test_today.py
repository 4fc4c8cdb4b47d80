"""`askfirst today` after an import: the readable list, --json and --ics."""

from __future__ import annotations

import json
from datetime import date, datetime, timezone

import pytest

from askfirst import ics
from askfirst.followups import ContactSummary, Followup

from .conftest import NEWER, TODAY, askfirst


@pytest.fixture
def imported(store):
    assert askfirst("import", "linkedin", NEWER).exit_code == 0
    return store


def test_today_groups_overdue_first_with_reason_opener_and_link(imported):
    out = askfirst("today", "--date", TODAY.isoformat()).output
    assert out.startswith("Follow-ups for Tue 10 Mar 2026: 4 (3 overdue)")
    assert out.index("Overdue (3)") < out.index("Today (1)")
    overdue, today = out.split("Today (1)")
    assert "  • José García: reply, due since Mon 09 Mar\n    José wrote yesterday — reply today.\n" in overdue
    assert '    Try: "Hi José, thanks for your message!' in overdue
    assert "    https://www.linkedin.com/in/jose-garcia/" in overdue
    assert "Anna Schmidt: nudge, due since Wed 04 Mar" in overdue
    assert "  • Dario Rossi: say hello\n    Connected 2 days ago — say hello today" in today
    assert "https://www.linkedin.com/in/dario-rossi-77/" in today


def test_today_json_is_the_api_shape(imported):
    data = json.loads(askfirst("today", "--json", "--date", TODAY.isoformat()).output)
    assert data["date"] == "2026-03-10" and data["count"] == 4
    assert [f["kind"] for f in data["followups"]] == ["nudge", "nudge", "reply", "say_hello"]
    assert {"id", "kind", "due", "overdue", "reason", "suggestion", "contact", "open_url"} <= set(data["followups"][0])


def test_nothing_imported_yet_says_how_to_import(store):
    out = askfirst("today", "--date", "2026-03-10").output
    assert out.startswith("Nothing imported yet") and "askfirst import linkedin" in out


def test_nothing_due_is_all_done(store):
    from datetime import datetime, timezone

    from askfirst.profiles import normalise
    from askfirst.store import NewEvent

    store.add_event(NewEvent("n1", "note", datetime(2026, 3, 1, tzinfo=timezone.utc),
                             normalise("https://www.linkedin.com/in/anna/")))
    assert askfirst("today", "--date", "2026-03-10").output.startswith("No follow-ups due on Tue 10 Mar 2026. All done.")


def unfold(text: str) -> list[str]:
    assert "\n" not in text.replace("\r\n", "")  # CRLF only, no bare LF
    return text.replace("\r\n ", "").split("\r\n")[:-1]


def test_ics_file_has_one_all_day_event_per_followup_on_the_day_to_act(imported, tmp_path):
    path = tmp_path / "followups.ics"
    out = askfirst("today", "--date", TODAY.isoformat(), "--ics", path)
    assert out.exit_code == 0 and "Wrote 4 follow-ups to" in out.output
    raw = path.read_bytes()
    assert raw.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:") and raw.endswith(b"END:VCALENDAR\r\n")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    lines = unfold(raw.decode("utf-8"))
    assert lines.count("BEGIN:VEVENT") == 4 == lines.count("END:VEVENT")
    assert lines.count("DTSTART;VALUE=DATE:20260310") == 4  # overdue ones are due today, not in the past
    assert "SUMMARY:Reply to José García" in lines
    assert "URL:https://www.linkedin.com/in/jose-garcia/" in lines
    description = next(line for line in lines if line.startswith("DESCRIPTION:Overdue since 2026-03-09."))
    assert "\\nJosé wrote yesterday — reply today.\\nTry: Hi José\\, thanks for your message!" in description


def test_ics_to_stdout_and_the_uid_is_stable(imported):
    first = askfirst("today", "--date", TODAY.isoformat(), "--ics", "-").stdout_bytes.decode("utf-8")
    again = askfirst("today", "--date", TODAY.isoformat(), "--ics", "-").stdout_bytes.decode("utf-8")
    uids = [line for line in unfold(first) if line.startswith("UID:")]
    assert len(uids) == 4 and uids == [line for line in unfold(again) if line.startswith("UID:")]


def test_ics_escaping_and_folding_never_split_a_character():
    assert ics.escape('a\\b; c, d\ne') == "a\\\\b\\; c\\, d\\ne"
    line = "DESCRIPTION:" + "é" * 100 + "🎉" * 10
    folded = ics.fold(line)
    pieces = folded.encode("utf-8").split(b"\r\n")
    assert all(len(p) <= 75 for p in pieces)
    assert all(p.decode("utf-8") for p in pieces)  # each piece is whole characters
    assert folded.replace("\r\n ", "") == line


def test_ics_of_a_future_followup_keeps_its_own_day():
    c = ContactSummary(key="linkedin:ann", profile_url="https://www.linkedin.com/in/ann/", name="Ann")
    f = Followup("fu_1", "keep_in_touch", date(2026, 3, 20), "You last talked 3 months ago.", "Hi Ann", c,
                 today=TODAY)
    text = ics.calendar([f], TODAY, stamp=datetime(2026, 3, 10, 8, tzinfo=timezone.utc))
    assert "DTSTART;VALUE=DATE:20260320\r\nDTEND;VALUE=DATE:20260321\r\n" in text
    assert "DTSTAMP:20260310T080000Z\r\n" in text and "SUMMARY:Catch up with Ann\r\n" in text
