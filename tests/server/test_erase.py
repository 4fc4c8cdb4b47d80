"""`forget` and `wipe` leave no byte of the person in any file of the data folder, even
while the companion runs and reads; when a reader makes that impossible they say so."""

from __future__ import annotations

import sqlite3
import subprocess
import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from askfirst.profiles import normalise
from askfirst.settings import merge
from askfirst.store import EraseIncomplete, NewEvent, Store, database

from conftest import ASKFIRST

NAME, SLUG, NOTE = "Zelda Quixotic", "zelda-quixotic-4242", "Zelda likes sailing"
TRACES = [NAME.encode(), SLUG.encode(), NOTE.encode(), b"Quixotic"]


def traces_in(folder: Path) -> list[str]:
    found = []
    for f in folder.rglob("*"):
        if f.is_file():
            data = f.read_bytes()
            found += [f"{f.name}: {t.decode()}" for t in TRACES if t in data]
    return found


def zelda_event(n: int, **kw) -> dict:
    return {"id": f"z{n}", "type": "message_sent", "at": f"2026-03-{1 + n % 27:02d}T10:00:00+01:00",
            "recipient": {"profile_url": f"https://www.linkedin.com/in/{SLUG}/", "name": NAME,
                          "headline": "Sailor at Quixotic Boats"}, **kw}


def test_forget_while_the_server_runs_and_reads_leaves_no_byte(server):
    server.start()
    server.pair()
    assert server.request("PUT", "/settings", {"store_text": True})[0] == 200
    for n in range(40):  # others, so the file has pages of its own
        server.request("POST", "/events", {"id": f"o{n}", "type": "message_received", "at": "2026-03-01T09:00:00Z",
                                           "recipient": {"profile_url": f"https://www.linkedin.com/in/other-{n}/",
                                                         "name": f"Other Person {n}"}, "text": "x" * 300})
    for n in range(30):
        status, _ = server.request("POST", "/events", zelda_event(n, text=f"Hi {NAME}, about the boat " * 5))
        assert status == 201
    server.request("POST", "/events", {**zelda_event(99), "type": "note", "note": NOTE})
    yesterday = (datetime.now(timezone.utc) - timedelta(days=1)).isoformat()
    server.request("POST", "/events", {**zelda_event(98), "type": "message_received", "at": yesterday})
    status, due = server.request("GET", "/followups")  # her reply is due: the kept answer names her
    assert status == 200 and NAME in {f["contact"]["name"] for f in due["followups"]}
    assert traces_in(server.data_dir)  # the test can see her before

    stop = threading.Event()
    errors: list[str] = []

    def read() -> None:
        while not stop.is_set():
            for path in ("/followups", "/contacts", "/contacts/linkedin:other-3", "/settings"):
                status, _ = server.request("GET", path)
                if status != 200:
                    errors.append(f"{path}: {status}")

    readers = [threading.Thread(target=read) for _ in range(3)]
    for r in readers:
        r.start()
    try:
        out = subprocess.run([*ASKFIRST, "forget", f"https://www.linkedin.com/in/{SLUG}"], env=server.env(),
                             capture_output=True, text=True, timeout=60)
        assert out.returncode == 0, out.stdout + out.stderr
        assert f"Forgot linkedin:{SLUG}" in out.stdout
        assert traces_in(server.data_dir) == []  # while the readers go on
    finally:
        stop.set()
        for r in readers:
            r.join()
    assert errors == []
    status, body = server.request("GET", "/contacts")
    assert status == 200 and len(body["contacts"]) == 40


def test_wipe_leaves_no_byte_of_anyone(tmp_path):
    store = Store(tmp_path / "askfirst.db")
    store.save_settings(merge(store.settings(), {"store_text": True}))
    zelda = normalise(f"https://www.linkedin.com/in/{SLUG}/")
    from datetime import datetime, timezone

    store.add_events([NewEvent(f"e{n}", "note", datetime(2026, 3, 1, tzinfo=timezone.utc), zelda, name=NAME,
                               note=NOTE) for n in range(200)])
    store.wipe()
    assert traces_in(tmp_path) == []
    assert store.integrity_check() == "ok" and store.count("events") == 0


def test_a_reader_that_never_lets_go_is_reported(tmp_path, monkeypatch):
    monkeypatch.setattr(database, "ERASE_WAIT_S", 0.3)
    store = Store(tmp_path / "askfirst.db")
    zelda = normalise(f"https://www.linkedin.com/in/{SLUG}/")
    store.add_events([NewEvent("e1", "note", datetime(2026, 3, 1, tzinfo=timezone.utc), zelda, name=NAME, note=NOTE)])
    reader = sqlite3.connect(tmp_path / "askfirst.db", isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM events").fetchone()  # holds its snapshot open
    with pytest.raises(EraseIncomplete, match="run the command again"):
        store.forget(zelda.key)
    assert store.contact(zelda.key) is None  # the deletion itself is saved
    reader.execute("COMMIT")
    reader.close()
    assert store.forget(zelda.key) == -1  # nothing left to delete, and now scrubbed
    assert traces_in(tmp_path) == []
