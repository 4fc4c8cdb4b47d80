"""Fixtures for the import tests: hand-written exports in the real formats of each year, a
fresh data folder per test, and the machine's zone pinned to UTC so that "today" is the
same day on every test machine (tests/server/test_time_zones.py covers other zones)."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from askfirst.cli import main
from askfirst.store import Store

FIXTURES = Path(__file__).parent / "fixtures"
OLDER = FIXTURES / "export_2026-03-01"
NEWER = FIXTURES / "export_2026-03-10"  # overlaps OLDER, adds a week of history
MALFORMED = FIXTURES / "malformed"
Y2018 = FIXTURES / "export_2018"  # names only: no profile URL anywhere, Messages.csv with Direction
Y2021 = FIXTURES / "export_2021"  # Connections.csv without URL, messages.csv without recipient URLs
Y2023 = FIXTURES / "export_2023-12"  # Invitations.csv with bare https://www.linkedin.com/in URLs
TODAY = date(2026, 3, 10)  # the day NEWER was downloaded
ME = "https://www.linkedin.com/in/sam-sender/"


@pytest.fixture(autouse=True)
def utc_local_time(monkeypatch):
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def data_dir(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "data"
    monkeypatch.setenv("ASKFIRST_DATA_DIR", str(path))
    return path


@pytest.fixture
def store(data_dir):
    data_dir.mkdir(parents=True, exist_ok=True)
    s = Store(data_dir / "askfirst.db")
    yield s
    s.close()


def askfirst(*args: str):
    """Run the real `askfirst` command line in process; returns click's Result."""
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def counts(store: Store) -> tuple[int, int]:
    return store.count("contacts"), store.count("events")

