"""`askfirst today` answers from the kept answer without loading click, exactly as the click
command would, and leaves everything else to the click command."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone

import pytest
from click.testing import CliRunner

from askfirst.cli import main, quick
from askfirst.profiles import normalise
from askfirst.store import NewEvent, Store

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


def entry(*args: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
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
