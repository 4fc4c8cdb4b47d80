"""The synthetic export generator (scripts/gen_linkedin_export.py) at a small scale: what
the benchmark imports at 30,000 + 100,000 rows, checked here in a second."""

from __future__ import annotations

import importlib.util
import re
import zipfile
from datetime import date, timezone
from pathlib import Path

import pytest

from askfirst.profiles import normalise

from .conftest import askfirst, counts

GENERATOR = Path(__file__).resolve().parents[2] / "scripts" / "gen_linkedin_export.py"
DAY = date(2026, 3, 10)


@pytest.fixture(scope="module")
def gen():
    spec = importlib.util.spec_from_file_location("gen_linkedin_export", GENERATOR)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def export(gen, tmp_path):
    folder = tmp_path / "export"
    return folder, gen.generate(folder, 400, 1500, DAY, seed=3)


def test_it_writes_what_real_exports_hold(export):
    folder, planted = export
    connections = (folder / "Connections.csv").read_bytes().decode("utf-8")
    assert connections.startswith("Notes:\r\n")
    assert "\r\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n" in connections
    assert "-Mar-26\r\n" in connections or "-Feb-26\r\n" in connections  # the re-saved date format too
    assert '"Acme, Inc."' in connections and "Ã" in connections  # quoted commas, mojibake
    messages = (folder / "messages.csv").read_text(encoding="utf-8")
    assert "SPAM" in messages and "Message request accepted" in messages and '""' in messages
    assert planted["messages"] == 1500 and planted["connections"] == 400


def test_the_planted_people_on_a_generated_export(export, store):
    folder, planted = export
    out = askfirst("import", "linkedin", folder)
    assert out.exit_code == 0 and "malformed: 0 rows skipped" in out.output
    assert f"(you: {normalise(planted['me']).url})" in out.output
    due = {f.contact.key: f.kind for f in store.due_followups(DAY, timezone.utc)}
    assert due[normalise(planted["reply"]).key] == "reply"
    assert due[normalise(planted["say_hello"]).key] == "say_hello"
    before = counts(store)
    assert askfirst("import", "linkedin", folder).exit_code == 0
    assert counts(store) == before and before[0] == 400


def test_the_zip_imports_the_same(gen, export, store):
    folder, _ = export
    archive = gen.pack(folder, folder.parent / "Basic_LinkedInDataExport_03-10-2026.zip")
    assert set(zipfile.ZipFile(archive).namelist()) == {"Connections.csv", "messages.csv", "Invitations.csv"}
    askfirst("import", "linkedin", archive)
    before = counts(store)
    out = askfirst("import", "linkedin", folder)
    added = re.findall(r"(\d+) new", out.output)
    assert added and set(added) == {"0"}, out.output
    assert counts(store) == before
