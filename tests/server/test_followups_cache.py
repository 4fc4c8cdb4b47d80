"""Today's follow-ups are cached between requests; every kind of write must show at once."""

from __future__ import annotations

import json
from datetime import date, datetime, timezone

from askfirst import followups
from askfirst.profiles import normalise
from askfirst.settings import merge
from askfirst.store import NewEvent, Store

UTC = timezone.utc
TODAY = date(2026, 3, 10)
ANNA = normalise("https://www.linkedin.com/in/anna/")
BOB = normalise("https://www.linkedin.com/in/bob/")


def kinds(store: Store) -> dict[str, str]:
    return {f.contact.key: f.kind for f in store.due_followups(TODAY, UTC)}


def test_a_write_in_this_process_shows_at_once(tmp_path):
    store = Store(tmp_path / "askfirst.db")
    store.add_event(NewEvent("a1", "message_received", datetime(2026, 3, 9, 10, tzinfo=UTC), ANNA, name="Anna"))
    assert kinds(store) == {"linkedin:anna": "reply"}

    store.add_event(NewEvent("a2", "message_sent", datetime(2026, 3, 9, 12, tzinfo=UTC), ANNA))
    assert kinds(store) == {}  # you replied: settled

    store.add_event(NewEvent("b1", "connected", datetime(2026, 3, 1, tzinfo=UTC), BOB, name="Bob"))
    assert kinds(store) == {"linkedin:bob": "say_hello"}
    [hello] = store.due_followups(TODAY, UTC)
    store.mark_followup(hello, "done")
    assert kinds(store) == {}
    store.close()


def test_asking_again_with_nothing_changed_is_served_from_the_cache(tmp_path, monkeypatch):
    store = Store(tmp_path / "askfirst.db")
    store.add_event(NewEvent("a1", "message_received", datetime(2026, 3, 9, 10, tzinfo=UTC), ANNA, name="Anna"))
    computed = []
    real = followups.due
    monkeypatch.setattr(followups, "due", lambda *a, **k: computed.append(1) or real(*a, **k))
    first = json.loads(store.today_json(TODAY, UTC))
    again = json.loads(store.today_json(TODAY, UTC))
    assert [f["contact"]["key"] for f in again["followups"]] == [f["contact"]["key"] for f in first["followups"]] \
        == ["linkedin:anna"]
    assert len(computed) == 1, "the second ask was computed again, not served from the cache"
    store.add_event(NewEvent("b1", "connected", datetime(2026, 3, 1, tzinfo=UTC), BOB, name="Bob"))
    keys = {f["contact"]["key"] for f in json.loads(store.today_json(TODAY, UTC))["followups"]}
    assert keys == {"linkedin:anna", "linkedin:bob"}
    assert len(computed) == 2, "a write must invalidate the cache"
    store.close()


def test_a_write_by_another_connection_shows_at_once(tmp_path):
    server = Store(tmp_path / "askfirst.db")
    assert kinds(server) == {}
    importer = Store(tmp_path / "askfirst.db")  # as `askfirst import` in another process
    importer.add_events([NewEvent("b1", "connected", datetime(2026, 3, 1, tzinfo=UTC), BOB, name="Bob")])
    assert kinds(server) == {"linkedin:bob": "say_hello"}
    importer.save_settings(merge(importer.settings(), {"say_hello_days": 30}))
    assert kinds(server) == {}
    importer.close()
    server.close()


def test_another_day_is_another_list(tmp_path):
    store = Store(tmp_path / "askfirst.db")
    store.add_event(NewEvent("b1", "connected", datetime(2026, 3, 9, tzinfo=UTC), BOB))
    assert kinds(store) == {}
    assert {f.kind for f in store.due_followups(date(2026, 3, 11), UTC)} == {"say_hello"}
    store.close()


def test_the_kept_answer_is_the_computed_one_and_any_write_empties_it(tmp_path):
    store = Store(tmp_path / "askfirst.db")
    anna = normalise("https://www.linkedin.com/in/anna/")
    store.add_events([NewEvent("r1", "message_received", datetime(2026, 3, 9, 9, tzinfo=UTC), anna, name="Anna")])
    first = store.today_json(date(2026, 3, 10), UTC)
    assert store._conn().execute("SELECT count(*) FROM followups_cache").fetchone()[0] == 1
    assert store.today_json(date(2026, 3, 10), UTC) == first  # kept
    assert [f["id"] for f in json.loads(first)["followups"]] == [f.id for f in store.due_followups(date(2026, 3, 10), UTC)]
    store.forget(anna.key)
    assert store._conn().execute("SELECT count(*) FROM followups_cache").fetchone()[0] == 0
    assert json.loads(store.today_json(date(2026, 3, 10), UTC))["state"] == "no_contacts"
