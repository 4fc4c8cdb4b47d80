"""Every export layout LinkedIn shipped since 2018 imports, people without a profile URL
are known by name and merged when the URL arrives; hostile files cost reported rows, never
a traceback or the computer's memory."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile

from askfirst.store import Store

from .conftest import NEWER, Y2018, Y2021, Y2023, askfirst


def contacts(store: Store) -> dict[str, dict]:
    return {c["key"]: c for c in store.contacts()}


def test_the_2018_export_names_only(store):
    out = askfirst("import", "linkedin", Y2018)
    assert out.exit_code == 0, out.output
    people = contacts(store)
    # Two connections called Maria Lopez stay two people, told apart by company.
    assert {"linkedin:name:maria-lopez:initech", "linkedin:name:maria-lopez:globex", "linkedin:name:tom-berg"} \
        <= set(people)
    assert people["linkedin:name:maria-lopez:initech"]["headline"] == "Software Engineer at Initech"
    tom = people["linkedin:name:tom-berg"]
    assert tom["connected_on"] == "2018-01-02"
    assert tom["last_received_at"] == "2018-01-08T18:14:00.000000+00:00"  # "1/8/18, 6:14 PM"
    assert tom["last_sent_at"] == "2018-01-09T09:02:00.000000+00:00"
    assert "1 messages in the SPAM folder" in out.output
    assert "malformed: 0 rows" in out.output
    again = askfirst("import", "linkedin", Y2018)
    assert "0 new" in again.output.split("events:")[1].splitlines()[0]


def test_the_2021_export_without_urls_for_connections_and_recipients(store):
    out = askfirst("import", "linkedin", Y2021)
    assert out.exit_code == 0, out.output
    assert "(you: https://www.linkedin.com/in/sam-sender/)" in out.output
    people = contacts(store)
    # Her messages carry her URL: her connection, known by name, is merged into it.
    nadia = people["linkedin:nadia-haddad-9"]
    assert nadia["last_sent_at"] == "2021-06-15T10:44:00.000000+00:00"
    assert nadia["connected_on"] == "2021-06-14" and nadia["headline"] == "Head of Sales at Umbrella"
    assert "linkedin:name:nadia-haddad:umbrella" not in people
    maria = people["linkedin:name:maria-lopez:initech"]  # no URL in her message either: joined by name
    assert maria["connected_on"] == "2018-01-08" and maria["last_sent_at"].startswith("2021-05-02T18:00")


def test_bare_profile_urls_in_late_2023_invitations(store):
    out = askfirst("import", "linkedin", Y2023 / "Invitations.csv")
    assert out.exit_code == 0, out.output
    assert set(contacts(store)) == {"linkedin:name:omar-farouk", "linkedin:name:priya-nair"}
    assert "non-member" not in out.output


def test_a_name_is_merged_into_the_profile_when_its_url_arrives(store):
    askfirst("import", "linkedin", Y2018)
    before = store.count("events")
    # Years later the extension sees Tom's profile while you write to him.
    from datetime import datetime, timezone

    from askfirst.profiles import normalise
    from askfirst.store import NewEvent

    tom = normalise("https://www.linkedin.com/in/tom-berg-42/")
    store.add_event(NewEvent("ext-1", "message_sent", datetime(2026, 3, 1, 9, tzinfo=timezone.utc), tom,
                             name="Tom Berg"))
    people = contacts(store)
    assert "linkedin:name:tom-berg" not in people
    merged = people["linkedin:tom-berg-42"]
    assert merged["connected_on"] == "2018-01-02" and merged["last_received_at"].startswith("2018-01-08")
    assert store.count("events") == before + 1
    # Importing the old export again brings nothing back under the name.
    askfirst("import", "linkedin", Y2018)
    assert "linkedin:name:tom-berg" not in contacts(store) and store.count("events") == before + 1
    # Two Maria Lopez: a profile of that name alone says nothing about which one.
    maria = normalise("https://www.linkedin.com/in/maria-lopez-7/")
    store.add_event(NewEvent("ext-2", "note", datetime(2026, 3, 1, 9, tzinfo=timezone.utc), maria, name="Maria Lopez"))
    assert {"linkedin:name:maria-lopez:initech", "linkedin:name:maria-lopez:globex"} <= set(contacts(store))


def test_the_url_first_then_an_old_export_by_name(store):
    askfirst("import", "linkedin", NEWER)
    path = store.path.parent.parent / "old.csv"
    path.write_text("First Name,Last Name,Email Address,Company,Position,Connected On\n"
                    "Dario,Rossi,,Globex,CTO,08 Mar 2026\n", encoding="utf-8")
    before = store.count("contacts")
    assert askfirst("import", "linkedin", path).exit_code == 0
    assert store.count("contacts") == before  # Dario by name is the Dario the newer export knew by URL


# -- re-saved by a spreadsheet: refused with the hint to download again ----------------------

def test_semicolons_are_a_spreadsheet_resave(store, tmp_path):
    path = tmp_path / "Connections.csv"
    path.write_text("First Name;Last Name;URL;Email Address;Company;Position;Connected On\n"
                    "Anna;Schmidt;https://www.linkedin.com/in/anna;;Acme;CTO;25.08.2021\n", encoding="utf-8")
    out = askfirst("import", "linkedin", path)
    assert out.exit_code == 2 and "semicolons" in out.output and "download the export again" in out.output
    assert "First Name;Last Name;URL" in out.output  # the rejected header, quoted


def test_cp1252_is_a_spreadsheet_resave(store, tmp_path):
    path = tmp_path / "Connections.csv"
    path.write_bytes("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                     "José,García,https://www.linkedin.com/in/jose,,Café,CTO,25 Aug 2021\n".encode("cp1252"))
    out = askfirst("import", "linkedin", path)
    assert out.exit_code == 2 and "not UTF-8" in out.output and "download the export again" in out.output


def test_localised_dates_are_reported_with_the_hint(store, tmp_path):
    path = tmp_path / "Connections.csv"
    path.write_text("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                    "Anna,Schmidt,https://www.linkedin.com/in/anna,,Acme,CTO,25.08.2021\n"
                    "Ben,Wu,https://www.linkedin.com/in/ben,,Acme,CTO,25 Aug 2021\n", encoding="utf-8")
    out = askfirst("import", "linkedin", path)
    assert "Connections.csv:2: Connected On '25.08.2021' is not a date" in out.output
    assert "download the export again" in out.output and store.count("contacts") == 1


def test_a_preamble_does_not_hide_the_rejected_header(store, tmp_path):
    path = tmp_path / "Connections.csv"
    path.write_text('Notes:\n"Some note"\n\nFirst,Last,Profile,When\nA,B,C,D\n', encoding="utf-8")
    out = askfirst("import", "linkedin", path)
    assert out.exit_code == 2 and "found 'First,Last,Profile,When'" in out.output


# -- hostile files ---------------------------------------------------------------------------

HEADER = ("CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,"
          "CONTENT,FOLDER\n")
ROW = ("2-{n},,Ann Lee,https://www.linkedin.com/in/ann,Sam,https://www.linkedin.com/in/sam,"
       "2026-01-0{d} 09:00:00 UTC,,{content},INBOX\n")


def giant_zip(path, field_mb: int) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z, \
            z.open("messages.csv", "w", force_zip64=True) as f:
        f.write(HEADER.encode())
        f.write(ROW.format(n=1, d=1, content="hello").encode())
        f.write(b'2-2,,Ann Lee,https://www.linkedin.com/in/ann,Sam,https://www.linkedin.com/in/sam,'
                b'2026-01-02 09:00:00 UTC,,"')
        chunk = b"A" * (1 << 20)
        for _ in range(field_mb):
            f.write(chunk)
        f.write(b'",INBOX\n')
        f.write(ROW.format(n=3, d=3, content="still here").encode())
        f.write(ROW.format(n=4, d=4, content="one line\x00with a NUL").encode())
        f.write(ROW.format(n=5, d=5, content="last").encode())


def test_a_zip_bomb_with_a_400_mb_field_is_a_reported_row_in_bounded_memory(tmp_path):
    bomb = tmp_path / "export.zip"
    giant_zip(bomb, 400)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    env = dict(os.environ, ASKFIRST_DATA_DIR=str(tmp_path / "data"), TZ="UTC",
               PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    code = ("import resource, sys\nfrom askfirst.cli import main\n"
            "try:\n    main(['import', 'linkedin', sys.argv[1], '--me', 'https://www.linkedin.com/in/sam'])\n"
            "finally:\n    print('peak_kb', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n")
    out = subprocess.run([sys.executable, "-c", code, str(bomb)], env=env, capture_output=True, text=True,
                         timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "Traceback" not in out.stderr
    assert "events:    4 new" in out.stdout  # every row but the giant one
    assert "malformed: 1 row skipped" in out.stdout
    assert "export.zip:messages.csv:3: line 3 is longer than 1,000,000 characters" in out.stdout
    peak_mb = int(out.stderr.split("peak_kb")[1].split()[0]) / 1024
    assert peak_mb <= 300, peak_mb


def test_binary_garbage_and_a_damaged_zip_never_raise(store, tmp_path):
    rng = __import__("random").Random(7)
    for n in range(20):
        garbage = tmp_path / f"g{n}"
        garbage.mkdir()
        body = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 4000)))
        (garbage / "messages.csv").write_bytes(HEADER.encode() + body)
        (garbage / "Connections.csv").write_bytes(rng.choice([b"", b"\xff\xfe", body, b"First Name," + body]))
        out = askfirst("import", "linkedin", garbage, "--me", "https://www.linkedin.com/in/sam")
        assert out.exit_code in (0, 2) and out.exception is None or isinstance(out.exception, SystemExit), \
            out.output
    damaged = tmp_path / "damaged.zip"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("messages.csv", HEADER + ROW.format(n=1, d=1, content="x" * 5000))
    data = bytearray(buf.getvalue())
    data[60:90] = b"\x00" * 30  # inside the compressed stream
    damaged.write_bytes(bytes(data))
    out = askfirst("import", "linkedin", damaged, "--me", "https://www.linkedin.com/in/sam")
    assert out.exception is None or isinstance(out.exception, SystemExit), out.output


def test_people_known_by_name_can_be_looked_up_and_forgotten(store):
    from askfirst.profiles import parse_key

    askfirst("import", "linkedin", Y2018)
    assert parse_key("linkedin:name:tom-berg").key == "linkedin:name:tom-berg"
    out = askfirst("forget", "linkedin:name:maria-lopez:globex")
    assert out.exit_code == 0 and "Forgot linkedin:name:maria-lopez:globex" in out.output
    assert "linkedin:name:maria-lopez:globex" not in contacts(store)


def test_megabyte_ids_and_names_stay_out_of_memory_and_the_store(store, tmp_path):
    path = tmp_path / "messages.csv"
    rows = [HEADER]
    for n in range(30):
        big = f"{n}" + "c" * 400_000
        rows.append(f"{big},,{'N' * 400_000},https://www.linkedin.com/in/p{n},Sam,https://www.linkedin.com/in/sam,"
                    f"2026-01-01 09:00:00 UTC,,hi,INBOX\n")
    rows.append(ROW.format(n=99, d=2, content="fine"))
    path.write_text("".join(rows), encoding="utf-8")
    out = askfirst("import", "linkedin", path, "--me", "https://www.linkedin.com/in/sam")
    assert out.exit_code == 0, out.output
    assert "malformed: 30 rows skipped" in out.output and "a name or position of 400,000 characters" in out.output
    assert store.count("events") == 1


def test_a_company_matches_the_headline_by_whole_words_only(tmp_path):
    from datetime import datetime, timezone

    from askfirst.profiles import by_name, normalise
    from askfirst.store import NewEvent

    at = datetime(2026, 3, 1, 9, tzinfo=timezone.utc)
    s = Store(tmp_path / "askfirst.db")
    try:
        s.add_events([NewEvent("n1", "connected", at, by_name("Maria Lopez", "AI"), name="Maria Lopez"),
                      NewEvent("n2", "connected", at, by_name("Maria Lopez", "Acme"), name="Maria Lopez")])
        # "ai" is inside "Maintainer" but names no company of hers: nobody is merged.
        s.add_event(NewEvent("p1", "note", at, normalise("https://www.linkedin.com/in/maria-lopez-9/"),
                             name="Maria Lopez", headline="Maintainer at Initech"))
        assert {"linkedin:name:maria-lopez:ai", "linkedin:name:maria-lopez:acme"} <= set(contacts(s))
        # A company of two words matches as a sequence of words.
        s.add_events([NewEvent("n3", "connected", at, by_name("Ana Ruiz", "Red Hat"), name="Ana Ruiz"),
                      NewEvent("n4", "connected", at, by_name("Ana Ruiz", "Globex"), name="Ana Ruiz")])
        s.add_event(NewEvent("p2", "note", at, normalise("https://www.linkedin.com/in/ana-ruiz-3/"),
                             name="Ana Ruiz", headline="Engineer at Red Hat"))
        people = contacts(s)
        assert "linkedin:name:ana-ruiz:red-hat" not in people and "linkedin:name:ana-ruiz:globex" in people
        assert people["linkedin:ana-ruiz-3"]["connected_at"] is not None  # her connection came along
    finally:
        s.close()
