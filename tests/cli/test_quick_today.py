"""`askfirst today` answers from the kept answer without loading click, exactly as the click
command would, and leaves everything else to the click command."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import click
import pytest
from click.testing import CliRunner

from askfirst.cli import main, quick
from askfirst.profiles import normalise
from askfirst.store import NewEvent, Store
from askfirst.store.kept import kept_answer
from askfirst.store.schema import MIGRATIONS
from askfirst.zones import system_zone

# Runs the console script's entry point and says on stderr whether click was loaded.
ENTRY = """
import sys
from askfirst.cli import run
sys.argv = ["askfirst", *sys.argv[1:]]
try:
    run()
finally:  # the click command ends with sys.exit
    sys.stderr.write("click loaded" if "click" in sys.modules else "click not loaded")
"""


@pytest.fixture
def data(tmp_path, monkeypatch):
    monkeypatch.setenv("ASKFIRST_DATA_DIR", str(tmp_path))
    store = Store(tmp_path / "askfirst.db")
    now = datetime.now(timezone.utc)
    anna, bob = normalise("https://www.linkedin.com/in/anna/"), normalise("https://x.com/bob")
    store.add_events([
        NewEvent("a1", "message_received", now - timedelta(days=2), anna, name="Anna Schmidt"),
        NewEvent("b1", "connected", now - timedelta(days=9), bob, name="Bob"),
    ])
    store.close()
    return tmp_path


def entry(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring", **(env or {})}
    return subprocess.run([sys.executable, "-c", ENTRY, *args], capture_output=True, env=env, timeout=60)


def test_today_is_printed_from_the_kept_text_without_click(data):
    first = entry("today")  # nothing kept yet: the click command renders and keeps it
    assert first.returncode == 0 and first.stderr == b"click loaded"
    again = entry("today")
    assert again.returncode == 0 and again.stderr == b"click not loaded"
    assert again.stdout == first.stdout
    # Styles are stripped from output that is not a terminal, as click.echo does.
    assert again.stdout.startswith(b"Follow-ups for ") and b"\x1b[" not in again.stdout
    assert again.stdout.decode() == CliRunner().invoke(main, ["today"]).output


def test_today_json_without_click_is_the_click_commands_answer(data):
    assert entry("today", "--json").stderr == b"click loaded"  # nothing kept yet
    quick_out = entry("today", "--json")
    assert quick_out.returncode == 0 and quick_out.stderr == b"click not loaded"
    assert quick_out.stdout.decode() == CliRunner().invoke(main, ["today", "--json"]).output


def test_a_change_makes_it_render_afresh(data):
    entry("today")
    store = Store(data / "askfirst.db")
    store.add_event(NewEvent("c1", "message_received", datetime.now(timezone.utc) - timedelta(days=1),
                             normalise("https://www.linkedin.com/in/carla/"), name="Carla Diaz"))
    store.close()
    after = entry("today")
    assert after.stderr == b"click loaded" and b"Carla Diaz" in after.stdout


@pytest.mark.parametrize("args", [[], ["check"], ["today", "--date", "2026-03-10"], ["today", "--ics", "-"],
                                  ["today", "--json", "--json"], ["--help"]])
def test_anything_else_goes_to_the_click_command(data, args):
    assert quick.today(args) is False


def test_a_data_folder_that_is_a_file_gets_clicks_error(tmp_path, monkeypatch):
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    monkeypatch.setenv("ASKFIRST_DATA_DIR", str(not_a_folder))
    assert quick.today(["today"]) is False
    out = entry("today")
    assert out.returncode == 2 and b"is a file" in out.stderr and b"Traceback" not in out.stderr


def test_scores_written_after_an_import_keep_todays_answer(data):
    """Follow-ups are not made of scores: the background scoring must not make every
    `askfirst today` compute afresh, though it counts as a change (for insights)."""
    kept = entry("today")
    store = Store(data / "askfirst.db")
    before = store.change_count()
    assert store.set_scores([("a1", "ok", 0, None)]) == 1
    assert store.change_count() == before + 1
    store.close()
    after = entry("today")
    assert after.stderr == b"click not loaded" and after.stdout == kept.stdout


def test_scores_committed_while_the_kept_answer_is_read_do_not_lose_it(data):
    """The background scoring commits for minutes after an import: a commit landing in
    the middle of reading the kept answer must not make it look stale."""
    entry("today")
    scorer = Store(data / "askfirst.db")
    reader = Store(data / "askfirst.db")
    n = iter(range(1, 1000))

    def score_before_each_statement(sql: str) -> None:
        # Runs as each of the reader's statements starts, before it reads anything.
        scorer.set_scores([(f"s{next(n)}", "ok", 0, None)])

    tz = reader.settings().zone()
    day = datetime.now(tz).date()
    conn = reader._conn()
    conn.set_trace_callback(score_before_each_statement)
    try:
        change, text = kept_answer(conn, "text", (day.isoformat(), str(tz)))
        body = reader.today_json(day, tz)
        rendered = reader.today_text(day, tz, render=lambda body: pytest.fail("rendered again"))
    finally:
        conn.set_trace_callback(None)
    assert next(n) > 3, "the scorer committed between the reads"
    assert text is not None and rendered == text
    assert reader.change_count() == scorer.change_count() > change
    assert body == entry("today", "--json").stdout.rstrip(b"\n")
    scorer.close()
    reader.close()


def test_bold_headings_are_stripped_as_click_strips_them():
    styled = click.style("Overdue (3)", bold=True) + "\n  • Ayşe: reply — today\n" + click.style("Today", bold=True)
    assert quick.unstyled(styled.encode()) == click.unstyle(styled).encode()


@pytest.mark.parametrize("text", ["Anna \x1b[2 q\x1b[=5h Evil", "x\x1b[é", click.style("red", fg="red")])
def test_any_other_escape_sequence_is_left_to_click(text):
    assert quick.unstyled(text.encode()) is None


def test_a_name_imported_with_an_escape_sequence_prints_as_click_prints_it(data):
    store = Store(data / "askfirst.db")
    store.add_event(NewEvent("e1", "message_received", datetime.now(timezone.utc) - timedelta(days=1),
                             normalise("https://www.linkedin.com/in/eve/"), name="Eve \x1b[2 q\x1b[=5h Evil"))
    store.close()
    kept = entry("today")
    again = entry("today")
    assert again.stderr == b"click loaded" and again.stdout == kept.stdout and b"\x1b" not in again.stdout


def test_no_stdout_is_left_to_click(data, monkeypatch):
    entry("today")
    monkeypatch.setattr(sys, "stdout", None)
    assert quick.today(["today"]) is False


def test_only_a_current_answer_for_today_in_the_form_asked_for_is_printed(data):
    entry("today", "--json")  # keeps the JSON, not yet the text
    assert quick.today(["today", "--json"]) is True and quick.today(["today"]) is False
    entry("today")
    store = Store(data / "askfirst.db")
    with store._write(count=False) as conn:  # as kept on another day
        conn.execute("UPDATE followups_cache SET day = '2020-01-01'")
    store.close()
    assert quick.today(["today", "--json"]) is False and quick.today(["today"]) is False


@pytest.mark.parametrize("encoding", ["latin-1:replace", "ascii:backslashreplace"])
def test_output_that_is_not_utf8_is_left_to_click(data, encoding):
    store = Store(data / "askfirst.db")
    store.add_event(NewEvent("d1", "message_received", datetime.now(timezone.utc) - timedelta(days=1),
                             normalise("https://www.linkedin.com/in/ayse/"), name="Ayşe Yılmaz"))
    store.close()
    entry("today")  # kept now
    env = {"PYTHONIOENCODING": encoding}
    quick_out, click_out = entry("today", env=env), entry("today", "--data-dir", str(data), env=env)
    assert quick_out.stderr == b"click loaded" and b"Ay" in quick_out.stdout
    assert quick_out.stdout == click_out.stdout


@pytest.mark.parametrize("zone", ["Pacific/Kiritimati", "Pacific/Pago_Pago", "Not/A_Zone", 42])
def test_the_kept_answer_is_found_in_the_zone_the_settings_name(data, zone):
    """A valid zone is the user's; anything else stored falls back to the computer's zone,
    as the settings read it. Either way the quick read finds what the click command kept."""
    store = Store(data / "askfirst.db")
    with store._write() as conn:  # as stored, even when no longer valid
        conn.execute("INSERT OR REPLACE INTO settings(key, value) VALUES ('time_zone', ?)", (json.dumps(zone),))
    expected = ZoneInfo(zone) if zone in ("Pacific/Kiritimati", "Pacific/Pago_Pago") else system_zone()
    assert store.settings().zone() == expected
    store.close()
    before = datetime.now(expected).strftime("%a %d %b %Y").encode()
    kept = entry("today")
    after = datetime.now(expected).strftime("%a %d %b %Y").encode()
    assert kept.stderr == b"click loaded" and (before in kept.stdout or after in kept.stdout)
    again = entry("today")
    assert again.stderr == b"click not loaded" and again.stdout == kept.stdout


def test_an_older_database_is_left_for_the_click_command_to_upgrade(tmp_path, monkeypatch):
    old = max((Path(__file__).parent.parent / "server" / "old_databases").glob("v*.sqlite"),
              key=lambda p: int(p.stem[1:]))
    path = tmp_path / "askfirst.db"
    shutil.copy(old, path)
    monkeypatch.setenv("ASKFIRST_DATA_DIR", str(tmp_path))
    assert quick.today(["today"]) is False and quick.today(["today", "--json"]) is False
    assert path.read_bytes() == old.read_bytes()


def test_a_kept_answer_in_a_database_of_another_schema_is_not_trusted(data):
    entry("today")
    assert quick.today(["today"]) is True
    conn = sqlite3.connect(data / "askfirst.db")
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")  # written by a newer Ask First
    conn.close()
    assert quick.today(["today"]) is False
    newer = entry("today")
    assert newer.returncode != 0 and b"newer Ask First" in newer.stderr
