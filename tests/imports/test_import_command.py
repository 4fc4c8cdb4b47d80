"""`askfirst import linkedin PATH` into a real store: folder, zip, one CSV, overlapping
exports, malformed rows, and files that are not an export at all."""

from __future__ import annotations

import json
import shutil
import zipfile
from datetime import datetime, timezone

import pytest

from askfirst.store import Store

from .conftest import MALFORMED, ME, NEWER, OLDER, TODAY, askfirst, counts

UTC = timezone.utc


def kinds_due(store: Store) -> dict[str, str]:
    return {f.contact.key: f.kind for f in store.due_followups(TODAY, UTC)}


def test_import_a_folder(store):
    out = askfirst("import", "linkedin", OLDER)
    assert out.exit_code == 0, out.output
    assert f"(you: {ME})" in out.output
    assert "contacts:  6 (6 new)" in out.output
    assert "events:    12 new, 0 already there" in out.output
    assert "skipped:   1 LinkedIn system messages, 1 messages in the SPAM folder" in out.output
    assert "malformed: 0 rows skipped" in out.output
    assert counts(store) == (6, 12)
    lee = store.contact("linkedin:name:lee-ng")  # a connection without a URL: known by name
    assert lee["name"] == "Lee Ng" and lee["connected_on"] == "2026-01-10"
    anna = store.contact("linkedin:anna-schmidt-1a2b3c")
    assert anna["name"] == "Anna Schmidt" and anna["headline"] == "Head of Data at Acme, Inc."
    assert anna["connected_on"] == "2021-08-25" and anna["connected_at"] is None  # a day, not an instant
    assert anna["last_received_at"] == "2026-02-21T08:12:40.000000+00:00"
    assert anna["last_sent_at"] == "2026-02-25T12:30:00.000000+00:00"
    assert anna["unanswered_in_a_row"] == 1


def test_importing_the_same_export_again_changes_no_count(store):
    askfirst("import", "linkedin", NEWER)
    before = counts(store), store.export(TODAY, UTC)["contacts"]
    out = askfirst("import", "linkedin", NEWER)
    assert "events:    0 new, 16 already there" in out.output
    assert "contacts:  7 (0 new)" in out.output
    assert (counts(store), store.export(TODAY, UTC)["contacts"]) == before


def test_an_older_and_a_newer_export_that_overlap_store_each_event_once(store, tmp_path):
    askfirst("import", "linkedin", OLDER)
    out = askfirst("import", "linkedin", NEWER)  # Anna's date re-saved as 25-Aug-21: still the same event
    assert "events:    4 new, 12 already there" in out.output
    assert counts(store) == (7, 16)

    fresh = Store(tmp_path / "fresh.db")
    from askfirst.imports import LinkedInExport

    fresh.add_events(LinkedInExport(NEWER).events())
    assert {e["id"] for e in fresh.events()} == {e["id"] for e in store.events()}
    fresh.close()


def test_reply_yesterday_and_say_hello_after_two_days(store):
    askfirst("import", "linkedin", NEWER)
    due = {f.contact.key: f for f in store.due_followups(TODAY, UTC)}
    jose = due["linkedin:jose-garcia"]  # wrote 2026-03-09 15:33 UTC, after your reply of 03-02
    assert (jose.kind, jose.due.isoformat(), jose.reason) == ("reply", "2026-03-09", "José wrote yesterday — reply today.")
    dario = due["linkedin:dario-rossi-77"]  # connected 08 Mar 2026, nothing sent since
    assert (dario.kind, dario.due) == ("say_hello", TODAY)
    assert dario.reason.startswith("Connected 2 days ago — say hello today")
    # Anna and Priya got your group message of 02-25 and never answered it: nudges.
    assert kinds_due(store) == {"linkedin:jose-garcia": "reply", "linkedin:dario-rossi-77": "say_hello",
                                "linkedin:anna-schmidt-1a2b3c": "nudge", "linkedin:priya-nair": "nudge"}


def test_imported_timing_reaches_the_analysis(store):
    askfirst("import", "linkedin", NEWER)
    timing = store.timing("linkedin:dario-rossi-77", now=datetime(2026, 3, 10, 9, tzinfo=UTC))
    assert timing.connected_at == datetime(2026, 3, 8, tzinfo=UTC)  # two days: still inside the 3-day window


def test_message_text_is_not_stored_unless_opted_in(store, data_dir):
    askfirst("import", "linkedin", OLDER)
    assert not [e for e in store.events() if "text" in e]
    notes = [e for e in store.events() if e["type"] == "note"]
    assert {n["note"] for n in notes} == {"LinkedIn invitation sent", "LinkedIn invitation received"}

    from askfirst.settings import merge

    store.wipe()
    store.save_settings(merge(store.settings(), {"store_text": True}))
    askfirst("import", "linkedin", OLDER)
    texts = {e["text"] for e in store.events() if "text" in e}
    assert "Team lunch on Friday? Café Olé, 12:30." in texts


def test_import_the_zip_as_downloaded(store, tmp_path):
    archive = tmp_path / "Basic_LinkedInDataExport_03-10-2026.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        for name in ("Connections.csv", "messages.csv", "Invitations.csv"):
            z.write(NEWER / name, name)
        z.writestr("Profile.csv", "First Name,Last Name,Headline\nSam,Sender,Coach\n")  # other files are ignored
    out = askfirst("import", "linkedin", archive)
    assert out.exit_code == 0, out.output
    assert "Imported Basic_LinkedInDataExport_03-10-2026.zip:Connections.csv" in out.output
    assert counts(store) == (7, 16)


def test_import_a_zip_whose_files_sit_in_a_folder(store, tmp_path):
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.write(OLDER / "Connections.csv", "Basic_LinkedInDataExport_03-01-2026/Connections.csv")
    assert askfirst("import", "linkedin", archive).exit_code == 0
    assert counts(store) == (5, 5)


@pytest.mark.parametrize("name, expected", [
    ("Connections.csv", (5, 5)),
    ("Invitations.csv", (2, 2)),
    ("messages.csv", (3, 5)),
])
def test_import_one_csv(store, name, expected):
    assert askfirst("import", "linkedin", OLDER / name).exit_code == 0
    assert counts(store) == expected


def test_a_renamed_csv_is_recognised_by_its_header(store, tmp_path):
    renamed = tmp_path / "my connections (1).csv"
    shutil.copy(OLDER / "Connections.csv", renamed)
    assert askfirst("import", "linkedin", renamed).exit_code == 0
    assert counts(store) == (5, 5)


def test_malformed_rows_are_listed_skipped_and_the_rest_imported(store):
    out = askfirst("import", "linkedin", MALFORMED)
    assert out.exit_code == 0
    assert "malformed: 10 rows skipped" in out.output
    assert "    Connections.csv:7: Connected On 'the 5th of May' is not a date" in out.output
    assert "    messages.csv:5: DATE 'yesterday' is not a time like 2023-06-11 15:33:58 UTC" in out.output
    assert counts(store) == (2, 4)


def test_me_can_be_given(store, tmp_path):
    path = tmp_path / "messages.csv"
    path.write_text(
        "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,"
        "CONTENT,FOLDER\n"
        "2-a,,Ann Lee,https://www.linkedin.com/in/ann,Sam,https://www.linkedin.com/in/sam,"
        "2026-01-02 09:00:00 UTC,,hi,INBOX\n", encoding="utf-8")
    refused = askfirst("import", "linkedin", path)
    assert refused.exit_code == 2 and "pass --me" in refused.output and counts(store) == (0, 0)
    assert askfirst("import", "linkedin", path, "--me", "https://www.linkedin.com/in/sam").exit_code == 0
    assert store.contact("linkedin:ann")["last_received_at"].startswith("2026-01-02T09:00")


# -- not an export: a clear error, exit 2, nothing changed -----------------------------------

def not_an_export(tmp_path, store, path):
    askfirst("import", "linkedin", OLDER / "Connections.csv")
    before = counts(store)
    out = askfirst("import", "linkedin", path)
    assert out.exit_code == 2, out.output
    assert counts(store) == before
    return out.output


def test_a_random_csv(tmp_path, store):
    path = tmp_path / "expenses.csv"
    path.write_text("date,amount,what\n2026-01-02,12.50,lunch\n", encoding="utf-8")
    output = not_an_export(tmp_path, store, path)
    assert "expenses.csv is not a LinkedIn export file" in output and "Nothing was imported." in output


def test_a_binary_file(tmp_path, store):
    path = tmp_path / "Connections.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert "Connections.csv is not a CSV file (it holds binary data)" in not_an_export(tmp_path, store, path)


def test_a_file_named_like_an_export_with_another_header(tmp_path, store):
    path = tmp_path / "messages.csv"
    path.write_text("id,from,to,body\n1,a,b,hello\n", encoding="utf-8")
    assert "messages.csv is not a LinkedIn messages.csv: expected a header with CONVERSATION ID" in \
        not_an_export(tmp_path, store, path)


def test_a_zip_without_export_files(tmp_path, store):
    archive = tmp_path / "photos.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("IMG_0001.jpg", b"\xff\xd8\xff\xe0 not really a jpeg")
    assert "holds none of Connections.csv, Invitations.csv, messages.csv" in not_an_export(tmp_path, store, archive)


def test_one_unreadable_file_does_not_block_the_others(tmp_path, store):
    folder = tmp_path / "export"
    folder.mkdir()
    shutil.copy(NEWER / "Connections.csv", folder / "Connections.csv")
    (folder / "Invitations.csv").write_text("Name,Email\nBob,bob@example.com\n", encoding="utf-8")
    (folder / "messages.csv").write_bytes(b"\x00\x01binary")
    out = askfirst("import", "linkedin", folder)
    assert out.exit_code == 0, out.output
    assert "not imported: Invitations.csv is not a LinkedIn Invitations.csv" in out.output
    assert "found 'Name,Email'" in out.output
    assert "not imported: messages.csv is not a CSV file (it holds binary data)" in out.output
    assert counts(store) == (6, 6)


def test_an_empty_file_and_a_missing_path(tmp_path, store):
    empty = tmp_path / "Connections.csv"
    empty.write_text("", encoding="utf-8")
    assert "found 'nothing'" in not_an_export(tmp_path, store, empty)
    assert "does not exist" in not_an_export(tmp_path, store, tmp_path / "nope.zip")


def test_a_file_in_another_encoding(tmp_path, store):
    path = tmp_path / "Connections.csv"
    path.write_bytes((OLDER / "Connections.csv").read_text(encoding="utf-8").encode("utf-16"))
    assert "Connections.csv is not a" in not_an_export(tmp_path, store, path)


def test_summary_counts_followups_due_today(store, monkeypatch):
    # The summary uses the real clock; with today's date far from the fixtures, only check the line.
    out = askfirst("import", "linkedin", NEWER)
    assert "follow-ups due today:" in out.output
    data = json.loads(askfirst("today", "--json", "--date", TODAY.isoformat()).output)
    assert data["count"] == 4


def test_a_progress_bar_on_a_terminal_and_none_otherwise(tmp_path):
    import os
    import pty
    import subprocess
    import sys

    cmd = [sys.executable, "-c", "from askfirst.cli import main; main()", "import", "linkedin", str(NEWER)]
    env = dict(os.environ, ASKFIRST_DATA_DIR=str(tmp_path / "data"), TZ="UTC")
    terminal, other_end = pty.openpty()
    run = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=other_end, timeout=60)
    os.close(other_end)
    shown = b""
    while True:
        try:
            chunk = os.read(terminal, 4096)
        except OSError:  # EIO: the terminal's other end is closed and drained
            break
        if not chunk:
            break
        shown += chunk
    os.close(terminal)
    assert run.returncode == 0 and b"events:    16 new" in run.stdout
    assert b"Importing" in shown and b"100%" in shown

    piped = subprocess.run(cmd, env=env, capture_output=True, timeout=60)
    assert piped.returncode == 0 and piped.stderr == b"" and b"events:    0 new, 16 already there" in piped.stdout


def test_messages_the_extension_recorded_live_are_not_counted_twice(store):
    from askfirst.profiles import normalise
    from askfirst.store import NewEvent

    # You sent the lunch message with the extension running: it recorded the send to Anna.
    anna = normalise("https://www.linkedin.com/in/anna-schmidt-1a2b3c")
    store.add_event(NewEvent("ext-7f3a", "message_sent", datetime(2026, 2, 25, 12, 30, 3, tzinfo=UTC), anna,
                             site="linkedin", verdict="ok", score=8))
    out = askfirst("import", "linkedin", NEWER)  # the export has it too, at 12:30:00 UTC
    assert "1 messages the extension had already recorded" in out.output
    assert counts(store) == (7, 16)  # 15 imported + the live one
    assert store.contact("linkedin:anna-schmidt-1a2b3c")["unanswered_in_a_row"] == 1  # not 2: no "wait"
    assert "nudge" in {f.kind for f in store.due_followups(TODAY, UTC)
                       if f.contact.key == "linkedin:anna-schmidt-1a2b3c"}  # a streak of 2 would be "wait"
