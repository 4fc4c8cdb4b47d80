"""Your data from the command line: today, export, forget, wipe; and `check --batch` with --kind and --to."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest
from click.testing import CliRunner

from askfirst.cli import main
from askfirst.profiles import normalise
from askfirst.store import NewEvent, Store


@pytest.fixture
def filled(tmp_path, monkeypatch):
    monkeypatch.setenv("ASKFIRST_DATA_DIR", str(tmp_path))
    store = Store(tmp_path / "askfirst.db")
    now = datetime.now(timezone.utc)
    anna, bob = normalise("https://www.linkedin.com/in/anna/"), normalise("https://x.com/bob")
    store.add_events([
        NewEvent("a1", "message_received", now - timedelta(days=2), anna, name="Anna Schmidt"),
        NewEvent("b1", "connected", now - timedelta(days=3), bob, name="Bob"),
        NewEvent("b2", "note", now - timedelta(days=3), bob, note="Met at the meetup"),
    ])
    yield store
    store.close()


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input)


def test_today_lists_due_followups_overdue_first(filled):
    out = run("today")
    assert out.exit_code == 0
    assert out.output.index("Anna Schmidt") < out.output.index("Bob")
    assert "Anna wrote 2 days ago — reply today." in out.output
    assert "https://www.linkedin.com/in/anna/" in out.output


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_today_refuses_a_day_outside_the_calendar(filled, day):
    out = run("today", "--date", day)
    assert out.exit_code == 2
    assert "between 1970-01-01 and 9998-12-31" in out.output
    assert "Traceback" not in out.output


def test_today_json_has_the_api_shape(filled):
    data = json.loads(run("today", "--json").output)
    assert data["count"] == 2 and [f["kind"] for f in data["followups"]] == ["reply", "say_hello"]


def test_export_prints_all_data_as_json(filled):
    data = json.loads(run("export").output)
    assert set(data) == {"contacts", "events", "followups"}
    assert {c["key"] for c in data["contacts"]} == {"linkedin:anna", "x:bob"}
    assert [e["id"] for e in data["events"]] == ["b1", "b2", "a1"]
    assert len(data["followups"]) == 2


def test_forget_deletes_one_contact(filled):
    out = run("forget", "https://www.linkedin.com/in/Anna?x=1")
    assert out.exit_code == 0 and "linkedin:anna" in out.output
    assert filled.contact("linkedin:anna") is None and filled.count("events") == 2
    assert run("forget", "x:bob").exit_code == 0
    assert run("forget", "x:bob").exit_code == 1
    assert run("forget", "https://evil.com/x").exit_code == 2


def test_wipe_asks_first(filled):
    out = run("wipe", input="n\n")
    assert out.exit_code != 0 and filled.count("events") == 3
    assert run("wipe", input="y\n").exit_code == 0
    assert filled.count("events") == 0 and filled.count("contacts") == 0


def test_wipe_yes_does_not_ask(filled):
    assert run("wipe", "--yes").exit_code == 0
    assert filled.count("contacts") == 0


def test_check_batch_takes_kind_and_to_as_defaults(tmp_path, monkeypatch):
    monkeypatch.setenv("ASKFIRST_DATA_DIR", str(tmp_path))
    store = Store(tmp_path / "askfirst.db")
    jane = normalise("https://www.linkedin.com/in/jane/")
    store.add_events([NewEvent("c1", "connected", datetime.now(timezone.utc) - timedelta(minutes=5), jane,
                               name="Jane Okafor")])
    store.close()
    pitch = "Hi Jane, do you have 15 minutes for a call next week to see a demo of our product?"
    lines = tmp_path / "drafts.jsonl"
    lines.write_text(json.dumps({"id": 1, "text": pitch}) + "\n"
                     + json.dumps({"id": 2, "text": pitch, "kind": "post"}) + "\n", encoding="utf-8")
    plain = [json.loads(x) for x in run("check", "--batch", str(lines), "--json").output.splitlines()]
    timed = [json.loads(x) for x in run("check", "--batch", str(lines), "--json", "--to",
                                        "https://www.linkedin.com/in/jane/").output.splitlines()]
    assert plain[0]["verdict"] != "premature"
    assert timed[0]["verdict"] == "premature"  # --to: connected five minutes ago
    assert timed[1]["kind"] == "post" and timed[1]["verdict"] != "premature"  # a line's own kind wins
    note = [json.loads(x) for x in run("check", "--batch", str(lines), "--json", "--kind",
                                       "connection_note").output.splitlines()]
    assert note[0]["kind"] == "connection_note" and note[0]["verdict"] == "premature"
