"""Every write transaction is committed whole or rolled back, even when COMMIT itself
fails, and the connection (one per server thread) goes on working afterwards."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone

import pytest

from askfirst.profiles import normalise
from askfirst.store import NewEvent, Store

ANNA = normalise("https://www.linkedin.com/in/anna/")
AT = datetime(2026, 3, 1, 9, tzinfo=timezone.utc)


def test_a_failing_commit_rolls_back_and_the_connection_stays_usable(tmp_path):
    store = Store(tmp_path / "askfirst.db")
    with pytest.raises(sqlite3.IntegrityError):
        with store._write() as conn:
            # A deferred foreign key is checked at COMMIT: the commit itself fails.
            conn.execute("PRAGMA defer_foreign_keys=ON")
            conn.execute("INSERT INTO settings(key, value) VALUES ('wait_days', '9')")
            conn.execute("INSERT INTO events(id, contact_key, type, at, recorded_at) "
                         "VALUES ('x', 'linkedin:nobody', 'note', '2026', '2026')")
    assert not store._conn().in_transaction
    assert store.count("settings") == 0 and store.count("events") == 0  # nothing half-written
    created, _ = store.add_event(NewEvent("e1", "note", AT, ANNA, note="fine"))
    assert created and store.count("events") == 1


def test_an_error_inside_a_write_rolls_it_back(tmp_path):
    store = Store(tmp_path / "askfirst.db")
    before = store.change_count()
    with pytest.raises(RuntimeError):
        with store._write() as conn:
            conn.execute("INSERT INTO settings(key, value) VALUES ('wait_days', '9')")
            raise RuntimeError("boom")
    assert store.count("settings") == 0 and store.change_count() == before
    store.add_events([NewEvent("e1", "note", AT, ANNA)])
    assert store.change_count() == before + 1
