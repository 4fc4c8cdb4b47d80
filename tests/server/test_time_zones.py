"""Calendar answers a person would give, in several zones and across daylight-saving changes.

The rules run in process with each zone; the commands run as real processes under `TZ`,
so the computer's own zone is what they find."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from askfirst.followups import ContactSummary, due
from askfirst.profiles import normalise
from askfirst.settings import Settings
from askfirst.store import NewEvent, Store

ZONES = ["America/New_York", "Europe/Berlin", "Asia/Kolkata", "Australia/Sydney", "UTC", "Pacific/Kiritimati",
         "Pacific/Pago_Pago"]
S = Settings()


def summary(**facts) -> ContactSummary:
    return ContactSummary(key="linkedin:anna", profile_url="https://www.linkedin.com/in/anna/", name="Anna", **facts)


def local(tz: str, *args: int) -> datetime:
    return datetime(*args, tzinfo=ZoneInfo(tz))


@pytest.mark.parametrize("tz, sent, expected", [
    # A week after a message sent just after midnight, across the autumn change: the same weekday.
    ("Europe/Berlin", (2026, 10, 25, 0, 30), date(2026, 11, 1)),
    ("Europe/Berlin", (2026, 3, 28, 23, 30), date(2026, 4, 4)),     # the night before spring forward
    ("America/New_York", (2026, 3, 7, 23, 45), date(2026, 3, 14)),  # spring forward on 8 March
    ("America/New_York", (2026, 10, 31, 23, 45), date(2026, 11, 7)),  # fall back on 1 November
    ("Asia/Kolkata", (2026, 3, 7, 23, 45), date(2026, 3, 14)),      # +05:30, no DST
    ("Australia/Sydney", (2026, 4, 4, 23, 30), date(2026, 4, 11)),   # DST ends on 5 April
])
def test_a_nudge_is_due_a_week_later_by_the_calendar(tz, sent, expected):
    c = summary(last_sent_at=local(tz, *sent), unanswered_in_a_row=1)
    [f] = due([c], S, expected, ZoneInfo(tz))
    assert f.kind == "nudge" and f.due == expected
    assert due([c], S, expected - timedelta(days=1), ZoneInfo(tz)) == []


@pytest.mark.parametrize("tz", ZONES)
def test_a_connection_day_is_the_same_day_everywhere(tz, tmp_path):
    store = Store(tmp_path / "askfirst.db")
    anna = normalise("https://www.linkedin.com/in/anna/")
    store.add_events([NewEvent.on_day("c1", "connected", date(2024, 5, 30), anna, name="Anna")])
    zone = ZoneInfo(tz)
    [f] = store.all_followups(date(2024, 6, 1), zone)
    assert (f.kind, f.due) == ("say_hello", date(2024, 6, 1))  # two days after 30 May, in every zone
    assert f.reason.startswith("Connected 2 days ago")
    assert store.due_followups(date(2024, 5, 31), zone) == []
    timing = store.timing(anna.key, now=datetime(2024, 5, 30, 12, tzinfo=zone))
    assert timing.connected_at == datetime(2024, 5, 30, tzinfo=zone)  # the day began there, then
    assert store.contact(anna.key)["connected_on"] == "2024-05-30"


@pytest.mark.parametrize("tz", ["America/New_York", "Europe/Berlin"])
def test_a_reply_is_due_on_the_local_day_they_wrote_across_the_change(tz):
    # 00:30 local on the day the clocks change: that day, not the one before in UTC.
    day = date(2026, 3, 8) if tz == "America/New_York" else date(2026, 3, 29)
    received = datetime(day.year, day.month, day.day, 0, 30, tzinfo=ZoneInfo(tz))
    [f] = due([summary(last_received_at=received)], S, day, ZoneInfo(tz))
    assert f.due == day and f.reason == "Anna wrote today — reply today."


def askfirst(tz: str, data, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, TZ=tz, ASKFIRST_DATA_DIR=str(data), PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    return subprocess.run([sys.executable, "-m", "askfirst", *args], env=env, capture_output=True, text=True,
                          timeout=60)


CONNECTIONS = """Notes:
"When exporting your connection data, you may notice that some of the email addresses are missing."

First Name,Last Name,URL,Email Address,Company,Position,Connected On
Jane,Okafor,https://www.linkedin.com/in/jane-okafor,,Acme,CTO,30 May 2024
"""


@pytest.mark.parametrize("tz", ["Australia/Sydney", "America/New_York", "Asia/Kolkata", "Europe/Berlin"])
def test_an_imported_connection_keeps_its_day_under_the_computers_zone(tz, tmp_path):
    export = tmp_path / "Connections.csv"
    export.write_text(CONNECTIONS, encoding="utf-8")
    data = tmp_path / "data"
    out = askfirst(tz, data, "import", "linkedin", str(export))
    assert out.returncode == 0, out.stderr
    dump = json.loads(askfirst(tz, data, "export").stdout)
    [event] = dump["events"]
    assert event["day"] == "2024-05-30" and dump["contacts"][0]["connected_on"] == "2024-05-30"
    today = json.loads(askfirst(tz, data, "today", "--json", "--date", "2024-06-01").stdout)
    assert [(f["kind"], f["due"]) for f in today["followups"]] == [("say_hello", "2024-06-01")]


def test_the_time_zone_setting_overrides_the_computers(tmp_path):
    store = Store(tmp_path / "askfirst.db")
    from askfirst.settings import merge

    store.save_settings(merge(store.settings(), {"time_zone": "Asia/Kolkata"}))
    assert store.settings().zone() == ZoneInfo("Asia/Kolkata")
    assert store.timing(None).now.utcoffset() == timedelta(hours=5, minutes=30)
    anna = normalise("https://www.linkedin.com/in/anna/")
    # 20:00 UTC is already tomorrow in Kolkata: the reply is due on Kolkata's day.
    store.add_events([NewEvent("r1", "message_received", datetime(2026, 3, 1, 20, tzinfo=timezone.utc), anna)])
    assert [f.due for f in store.due_followups(date(2026, 3, 2))] == [date(2026, 3, 2)]


def test_a_done_say_hello_stays_done_after_a_change_of_zone(tmp_path):
    store = Store(tmp_path / "askfirst.db")
    anna = normalise("https://www.linkedin.com/in/anna/")
    store.add_events([NewEvent.on_day("c1", "connected", date(2024, 5, 30), anna, name="Anna")])
    [f] = store.due_followups(date(2024, 6, 1), ZoneInfo("Europe/Berlin"))
    store.mark_followup(f, "done")
    assert store.due_followups(date(2024, 6, 1), ZoneInfo("America/New_York")) == []
