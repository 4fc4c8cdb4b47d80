"""Reading each file of a LinkedIn export: what every row becomes (no store involved)."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from askfirst.imports import LinkedInExport, NotAnExport
from askfirst.imports.linkedin import connected_on, message_date, repair, sent_at
from askfirst.profiles import normalise

from .conftest import MALFORMED, NEWER, OLDER

UTC = timezone.utc


def read(path, **kw):
    export = LinkedInExport(path, **kw)
    return export, list(export.events())


def by_id(events):
    return {e.id: e for e in events}


# -- Connections.csv -------------------------------------------------------------------------

def test_connections_csv_after_its_notes_preamble(tmp_path):
    export, events = read(OLDER / "Connections.csv")
    assert [f.kind for f in export.files] == ["connections"]
    assert export.files[0].header_line == 4  # "Notes:", the note, a blank line, then the header
    anna = by_id(events)["li-export:connected:linkedin:anna-schmidt-1a2b3c:2021-08-25"]
    assert anna.type == "connected"
    assert anna.profile.url == "https://www.linkedin.com/in/anna-schmidt-1a2b3c/"
    assert anna.name == "Anna Schmidt"
    assert anna.headline == "Head of Data at Acme, Inc."  # a comma inside a quoted field


def test_connected_on_is_a_calendar_day_not_an_instant():
    _, events = read(OLDER / "Connections.csv")
    anna = by_id(events)["li-export:connected:linkedin:anna-schmidt-1a2b3c:2021-08-25"]
    assert anna.day == date(2021, 8, 25)


@pytest.mark.parametrize("text, day", [
    ("25 Aug 2021", date(2021, 8, 25)),   # as LinkedIn writes it
    ("01-Jul-25", date(2025, 7, 1)),      # after a spreadsheet re-save
    ("2021-08-25", date(2021, 8, 25)),    # ISO
    ("5 Sept 2024", date(2024, 9, 5)),
])
def test_connected_on_formats(text, day):
    assert connected_on(text) == day


def test_quotes_accents_and_mojibake_in_names_and_headlines():
    _, events = read(OLDER / "Connections.csv")
    people = {e.profile.key: e for e in events}
    assert people["linkedin:jose-garcia"].name == "José García"
    assert people["linkedin:jose-garcia"].headline == 'VP "Growth" at Café Olé'
    assert people["linkedin:jose-muller"].name == "José Müller"  # was "JosÃ© MÃ¼ller" in the file
    assert people["linkedin:jose-muller"].headline == "Globex"
    assert people["linkedin:priya-nair"].headline is None


def test_a_connection_without_url_is_known_by_name():
    export, events = read(OLDER / "Connections.csv")
    assert len(events) == 5 and export.rows["connections"] == 5
    lee = by_id(events)["li-export:connected:linkedin:name:lee-ng:2026-01-10"]
    assert lee.profile.key == "linkedin:name:lee-ng" and lee.name == "Lee Ng" and lee.headline == "Recruiter"
    assert export.skipped == {} and export.problems == []


def test_repair_leaves_correct_text_alone():
    assert repair("José Müller, Ærøskøbing, 東京") == "José Müller, Ærøskøbing, 東京"
    assert repair("JosÃ© MÃ¼ller") == "José Müller"
    assert repair("Itâ€™s great") == "It’s great"


# -- messages.csv ----------------------------------------------------------------------------

def test_who_you_are_is_the_participant_of_every_conversation():
    export, _ = read(OLDER / "messages.csv")
    assert export.me == normalise("https://www.linkedin.com/in/sam-sender")


def test_messages_become_sent_and_received_events_with_their_utc_time():
    _, events = read(OLDER / "messages.csv")
    seen = sorted((e.type, e.profile.key, e.at.isoformat()) for e in events)
    assert seen == [
        ("message_received", "linkedin:anna-schmidt-1a2b3c", "2026-02-21T08:12:40+00:00"),
        ("message_received", "linkedin:jose-garcia", "2026-02-27T09:15:00+00:00"),
        ("message_sent", "linkedin:anna-schmidt-1a2b3c", "2026-02-20T10:00:00+00:00"),
        # a group message counts as a message to each other participant
        ("message_sent", "linkedin:anna-schmidt-1a2b3c", "2026-02-25T12:30:00+00:00"),
        ("message_sent", "linkedin:priya-nair", "2026-02-25T12:30:00+00:00"),
    ]
    assert all(e.profile.key != "linkedin:sam-sender" for e in events)  # you are never your own contact


def test_system_rows_and_spam_are_skipped_and_counted():
    export, events = read(OLDER / "messages.csv")
    assert export.skipped == {"LinkedIn system messages": 1, "messages in the SPAM folder": 1}
    assert not {"linkedin:lena-park", "linkedin:crypto-king-888"} & {e.profile.key for e in events}


def test_message_text_with_newlines_is_read_whole():
    _, events = read(OLDER / "messages.csv")
    from_anna = [e for e in events if e.type == "message_received" and e.profile.key.startswith("linkedin:anna")]
    assert from_anna[0].text == "Thanks Sam!\nHow are things on your side, and how was the move to Berlin?"
    assert from_anna[0].name == "Anna Schmidt"


def test_the_newer_header_with_attachments_reads_the_same():
    older = {e.id for e in read(OLDER / "messages.csv")[1]}
    newer = {e.id for e in read(NEWER / "messages.csv")[1]}
    assert older < newer and len(newer - older) == 2


def test_drafts_are_skipped(tmp_path):
    path = tmp_path / "messages.csv"
    path.write_text(
        "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,"
        "CONTENT,FOLDER,ATTACHMENTS,IS MESSAGE DRAFT\n"
        "2-a,,Sam,https://www.linkedin.com/in/sam,Ann,https://www.linkedin.com/in/ann,2026-01-01 10:00:00 UTC,,"
        "half-written,INBOX,,Yes\n"
        "2-a,,Sam,https://www.linkedin.com/in/sam,Ann,https://www.linkedin.com/in/ann,2026-01-01 09:00:00 UTC,,"
        "sent,INBOX,,No\n"
        "2-b,,Bo,https://www.linkedin.com/in/bo,Sam,https://www.linkedin.com/in/sam,2026-01-02 09:00:00 UTC,,"
        "hi,INBOX,,No\n", encoding="utf-8")
    export, events = read(path)
    assert export.skipped == {"drafts": 1}
    assert [(e.type, e.profile.key) for e in events] == [("message_sent", "linkedin:ann"),
                                                          ("message_received", "linkedin:bo")]


def test_with_one_correspondent_connections_tell_who_you_are(tmp_path):
    (tmp_path / "Connections.csv").write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Ann,Lee,https://www.linkedin.com/in/ann,,,,01 Jan 2026\n", encoding="utf-8")
    (tmp_path / "messages.csv").write_text(
        "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,"
        "CONTENT,FOLDER\n"
        "2-a,,Ann Lee,https://www.linkedin.com/in/ann,Sam,https://www.linkedin.com/in/sam,"
        "2026-01-02 09:00:00 UTC,,hi,INBOX\n", encoding="utf-8")
    export, events = read(tmp_path)
    assert export.me.key == "linkedin:sam"
    assert [(e.type, e.profile.key) for e in events][-1] == ("message_received", "linkedin:ann")


def test_when_nothing_tells_who_you_are_it_asks_for_me(tmp_path):
    path = tmp_path / "messages.csv"
    path.write_text(
        "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,"
        "CONTENT,FOLDER\n"
        "2-a,,Ann Lee,https://www.linkedin.com/in/ann,Sam,https://www.linkedin.com/in/sam,"
        "2026-01-02 09:00:00 UTC,,hi,INBOX\n", encoding="utf-8")
    with pytest.raises(NotAnExport, match="--me"):
        LinkedInExport(path).prepare()
    export, events = read(path, me=normalise("https://www.linkedin.com/in/ann"))
    assert [(e.type, e.profile.key) for e in events] == [("message_sent", "linkedin:sam")]


@pytest.mark.parametrize("text, at", [
    ("2023-06-11 15:33:58 UTC", datetime(2023, 6, 11, 15, 33, 58, tzinfo=UTC)),
    ("2023-06-11T17:33:58+02:00", datetime(2023, 6, 11, 15, 33, 58, tzinfo=UTC)),
])
def test_message_dates(text, at):
    assert message_date(text) == at


# -- Invitations.csv -------------------------------------------------------------------------

def test_invitations_become_notes_on_the_other_person():
    _, events = read(OLDER / "Invitations.csv")
    sent, received = events
    assert (sent.type, sent.profile.key, sent.note) == ("note", "linkedin:priya-nair", "LinkedIn invitation sent")
    assert sent.at == datetime(2026, 1, 30, 16, 5, tzinfo=UTC)
    assert sent.text.startswith("Hi Priya, loved your talk")
    assert (received.profile.key, received.name, received.note) == (
        "linkedin:mia-wong", "Mia Wong", "LinkedIn invitation received")


@pytest.mark.parametrize("text, at", [
    ("1/19/26, 9:15 AM", datetime(2026, 1, 19, 9, 15, tzinfo=UTC)),
    ("12/3/25, 12:05 AM", datetime(2025, 12, 3, 0, 5, tzinfo=UTC)),
    ("12/3/25, 12:05 PM", datetime(2025, 12, 3, 12, 5, tzinfo=UTC)),
    ("2026-01-19 09:15:00 UTC", datetime(2026, 1, 19, 9, 15, tzinfo=UTC)),
])
def test_sent_at_formats(text, at):
    assert sent_at(text) == at


# -- malformed rows --------------------------------------------------------------------------

def test_malformed_rows_are_reported_with_file_and_line_and_the_rest_read():
    export, events = read(MALFORMED)
    assert [str(p) for p in export.problems] == [
        "Connections.csv:6: expected 7 fields, found 8 (a comma or quote out of place?)",
        "Connections.csv:7: Connected On 'the 5th of May' is not a date like 25 Aug 2021, 01-Jul-25 or 2021-08-25",
        "Connections.csv:8: URL 'https://example.com/dev-patel' is not a LinkedIn profile URL",
        "Connections.csv:9: Connected On '31 Feb 2026' is not a date like 25 Aug 2021, 01-Jul-25 or 2021-08-25",
        "Invitations.csv:3: Direction must be INCOMING or OUTGOING, not 'SIDEWAYS'",
        "Invitations.csv:4: Sent At 'sometime last week' is not a time like 1/19/26, 9:15 AM "
        "or 2026-01-19 09:15:00 UTC",
        "Invitations.csv:5: Sent At '13/2/26, 9:00 AM' is not a time like 1/19/26, 9:15 AM "
        "or 2026-01-19 09:15:00 UTC",
        # line 2 holds a message over three lines; the bad row after it starts on line 5
        "messages.csv:5: DATE 'yesterday' is not a time like 2023-06-11 15:33:58 UTC",
        "messages.csv:6: RECIPIENT PROFILE URLS 'mailto:bob@example.com' is not a LinkedIn profile URL",
        "messages.csv:7: expected 10 fields, found 12 (a comma or quote out of place?)",
    ]
    assert export.problem_count == 10
    assert sorted(e.type for e in events) == ["connected", "message_received", "message_sent", "note"]
