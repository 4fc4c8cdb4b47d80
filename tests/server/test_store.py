"""The SQLite store: idempotent events, summaries that survive out-of-order events,
bulk inserts, concurrency, and the data rules."""

from __future__ import annotations

import sqlite3
import threading
from datetime import datetime, timedelta, timezone

import pytest

from askfirst.profiles import normalise
from askfirst.store import NewEvent, Store
from askfirst.store.schema import MIGRATIONS

UTC = timezone.utc
ANNA = normalise("https://www.linkedin.com/in/anna/")
T0 = datetime(2026, 11, 1, 12, tzinfo=UTC)


def ev(id, type, days, profile=ANNA, **kw) -> NewEvent:
    return NewEvent(id=id, type=type, at=T0 + timedelta(days=days), profile=profile, **kw)


@pytest.fixture
def db(tmp_path):
    s = Store(tmp_path / "t.db")
    yield s
    s.close()


def test_connections_use_wal_full_sync_foreign_keys_and_a_busy_timeout(db):
    conn = db._conn()
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


def test_migrations_run_once(tmp_path):
    Store(tmp_path / "m.db").close()
    again = Store(tmp_path / "m.db")
    assert again._conn().execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    again.close()


def test_timing_facts_in_any_order_of_arrival(db):
    events = [ev("c", "connected", 0), ev("s1", "message_sent", 1), ev("r1", "message_received", 2),
              ev("s2", "message_sent", 3), ev("s3", "message_sent", 4)]
    for e in reversed(events):  # late and imported events arrive out of order
        db.add_event(e)
    t = db.timing(ANNA.key, now=T0 + timedelta(days=5))
    assert t.connected_at == T0 and t.last_received_at == T0 + timedelta(days=2)
    assert t.last_sent_at == T0 + timedelta(days=4) and t.unanswered_in_a_row == 2
    db.add_event(ev("r0-late", "message_received", 3.5))  # a late reply recorded afterwards
    assert db.timing(ANNA.key).unanswered_in_a_row == 1


def test_bulk_add_counts_created_and_duplicates(db):
    bob = normalise("https://x.com/bob")
    first = db.add_events([ev("a", "connected", 0), ev("b", "message_sent", 1, profile=bob), ev("a", "connected", 0)])
    assert (first.created, first.duplicates) == (2, 1)
    again = db.add_events([ev("a", "connected", 0), ev("b", "message_sent", 1, profile=bob)])
    assert (again.created, again.duplicates) == (0, 2)
    assert db.count("events") == 2 and db.count("contacts") == 2


def test_a_failed_bulk_add_leaves_nothing_half_written(db):
    bad = NewEvent(id="z", type="poke", at=T0, profile=ANNA)  # violates the CHECK constraint
    with pytest.raises(sqlite3.IntegrityError):
        db.add_events([ev("ok", "connected", 0), bad])
    assert db.count("events") == 0 and db.count("contacts") == 0


def test_forget_deletes_the_contact_its_events_and_marks(db):
    db.add_events([ev("a", "message_received", 0), ev("b", "connected", 0, profile=normalise("x.com/bob"))])
    f = db.all_followups(T0.date() + timedelta(days=1), UTC)[0]
    db.mark_followup(f, "done")
    assert db.forget(ANNA.key) == 1
    assert db.contact(ANNA.key) is None and db.count("events") == 1 and db.count("followup_marks") == 0
    assert db.forget(ANNA.key) == -1


def test_wipe_deletes_everything(db):
    db.add_events([ev("a", "message_received", 0)])
    db.wipe()
    assert [db.count(t) for t in ("contacts", "events", "followup_marks", "settings")] == [0, 0, 0, 0]
    assert db.integrity_check() == "ok"


def test_eight_threads_writing_at_once_never_see_database_is_locked(tmp_path):
    # Two Store objects on one file, as the server and a CLI command would be.
    a, b = Store(tmp_path / "c.db"), Store(tmp_path / "c.db")
    errors: list[BaseException] = []

    def writer(n: int) -> None:
        store = a if n % 2 else b
        try:
            for i in range(100):
                p = normalise(f"https://www.linkedin.com/in/p{n}-{i % 7}/")
                store.add_event(NewEvent(id=f"{n}-{i}", type="message_sent", at=T0 + timedelta(minutes=i), profile=p))
        except BaseException as e:
            errors.append(e)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert a.count("events") == 800 and a.integrity_check() == "ok"
    a.close()
    b.close()
