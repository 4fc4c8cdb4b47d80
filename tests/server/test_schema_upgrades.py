"""A database written by every earlier schema version opens in the current one and loses
nothing. old_databases/vN.sqlite were written by the store as it was at schema N (the
same data each time: two contacts, five events, a cadence, settings, a snooze)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from askfirst.store import Store
from askfirst.store.schema import MIGRATIONS

OLD = Path(__file__).parent / "old_databases"
VERSIONS = sorted(OLD.glob("v*.sqlite"))


def test_there_is_a_file_for_every_earlier_version():
    assert [p.stem for p in VERSIONS] == [f"v{n}" for n in range(1, len(MIGRATIONS))]


@pytest.mark.parametrize("old", VERSIONS, ids=[p.stem for p in VERSIONS])
def test_an_old_database_opens_without_losing_data(old, tmp_path):
    path = tmp_path / "askfirst.db"
    shutil.copy(old, path)
    store = Store(path)
    assert store.schema_version() == len(MIGRATIONS) and store.integrity_check() == "ok"
    assert sorted(e["id"] for e in store.events()) == ["e-met-1", "e-note-1", "e-recv-1", "e-sent-1",
                                                       "li-export:connected:linkedin:anna-schmidt:2024-05-30"]
    anna = store.contact("linkedin:anna-schmidt")
    assert anna["name"] == "Anna Schmidt" and anna["headline"] == "CTO at Acme" and anna["keep_in_touch_days"] == 90
    # Imported in Sydney (midnight there is the day before in UTC): the connection's day comes back.
    assert anna["connected_on"] == "2024-05-30"
    assert anna["last_received_at"] == "2026-03-02T09:30:00.000000+00:00" and anna["unanswered_in_a_row"] == 0
    assert store.event("e-sent-1")["thread_url"] == "https://www.linkedin.com/messaging/thread/2-abc/"
    assert store.event("e-note-1")["note"] == "likes sailing"
    settings = store.settings()
    assert settings.wait_days == 4 and settings.store_text is True
    assert [m.status for m in store.marks().values()] == ["snoozed"]
    [ben] = store.all_followups(date(2026, 3, 5), ZoneInfo("UTC"), "x:benw")
    assert ben.status == "snoozed" and ben.due == date(2026, 3, 20)  # the snooze still sticks
    store.close()
    assert Store(path).schema_version() == len(MIGRATIONS)  # opening again changes nothing
