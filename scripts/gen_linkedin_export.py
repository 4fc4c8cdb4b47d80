#!/usr/bin/env python3
"""Writes a synthetic LinkedIn data export in the real formats, for tests and benchmarks.

    .venv/bin/python scripts/gen_linkedin_export.py OUT [--connections 200] [--messages 600]
                                                        [--zip] [--seed 1] [--today YYYY-MM-DD]

A small export by default, to try the import; the benchmarks use --connections 30000
--messages 100000 (scripts/bench_import.py).

OUT gets Connections.csv (with LinkedIn's "Notes:" preamble, `Connected On` both as
`25 Aug 2021` and as `01-Jul-25`), messages.csv (with the ATTACHMENTS column, group chats,
system rows, a SPAM folder, commas, quotes and newlines inside quoted fields) and
Invitations.csv (`Sent At` as `1/19/26, 9:15 AM`); `--zip` packs them as LinkedIn does.
Names carry accents, and some carry mojibake (`JosÃ©`), as real exports do.

Two people are planted for the issue's checks, relative to --today (default: today,
local): one wrote to you yesterday and waits for your answer (a `reply` follow-up), one
connected two days ago and has heard nothing (`say_hello`). The last line printed is JSON
naming them, for scripts.
"""

from __future__ import annotations

import argparse
import base64
import csv
import json
import random
import unicodedata
import zipfile
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

ME_URL = "https://www.linkedin.com/in/sam-sender-0a1b2c"
ME_NAME = "Sam Sender"
REPLY_URL = "https://www.linkedin.com/in/yara-yesterday-42"
HELLO_URL = "https://www.linkedin.com/in/dario-twodays-17"

FIRST = ["Anna", "José", "Zoë", "Łukasz", "Mia", "Noah", "Siobhán", "François", "Ayşe", "Björn", "Chloé", "Dmitri",
         "Émile", "Fatima", "Günther", "Hana", "Iñigo", "Jürgen", "Kenji", "Lena", "Mateo", "Nadia", "Olu", "Priya"]
LAST = ["Müller", "García", "O'Brien", "Nguyễn", "Kowalski", "Smith", "Dubois", "Rossi", "Søndergaard", "Yılmaz",
        "Novák", "Silva", "Andersson", "Kim", "Okafor", "Schmidt", "Fernández", "Lefèvre", "Brown", "Ó Súilleabháin"]
COMPANIES = ["Acme, Inc.", "Globex", "Initech", "Umbrella Corp", "Stark Industries", "Wayne Enterprises",
             "Café Olé, S.A.", "Hooli", "Pied Piper", "Vandelay Industries", ""]
POSITIONS = ["Head of \"Growth\"", "Software Engineer", "VP Sales, EMEA", "Founder & CEO", "Data Scientist",
             "Product Manager", "Recruiter", "Directrice générale", ""]
LINES = [
    "Hi {first}, thanks for connecting!",
    "Great to hear from you, {first}. How is the new role going?",
    "Thanks, that's really helpful.\nI'll have a look at it this week, and get back to you.",
    "Would you have 15 minutes next week? I'd love to hear how you approached \"hiring generalists first\".",
    "Congrats on the launch 🎉 — well deserved!",
    "Sure, here's the deck: https://example.com/deck.pdf, let me know, what you think.",
    "Merci beaucoup ! C'était un plaisir.",
]
NOTES_PREAMBLE = [
    ["Notes:"],
    ["When exporting your connection data, you may notice that some of the email addresses are missing. You will "
     "only see email addresses for connections who have allowed their connections to see or download their email "
     "address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here "
     "https://www.linkedin.com/help/linkedin/answer/261"],
    [],
]


def mojibake(text: str) -> str:
    """UTF-8 bytes shown as Windows-1252, as some exports (or their re-saves) carry them."""
    try:
        return text.encode("utf-8").decode("cp1252")
    except UnicodeDecodeError:
        return text


def person(rng: random.Random, i: int) -> tuple[str, str, str]:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    slug = unicodedata.normalize("NFKD", f"{first}-{last}").lower().encode("ascii", "ignore").decode().replace("'", "").replace(" ", "-")
    url = f"https://www.linkedin.com/in/{slug}-{i:05x}"
    if rng.random() < 0.03:
        first, last = mojibake(first), mojibake(last)
    return first, last, url


def connected_on(day: date, rng: random.Random) -> str:
    # LinkedIn writes "25 Aug 2021"; a spreadsheet re-save gives "01-Jul-25".
    return day.strftime("%d %b %Y") if rng.random() < 0.8 else day.strftime("%d-%b-%y")


def utc(t: datetime) -> str:
    return t.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")


def conversation_id(rng: random.Random) -> str:
    raw = f"{rng.getrandbits(128):032x}_{rng.randint(0, 999):03d}".encode()
    return "2-" + base64.b64encode(raw).decode().rstrip("=")


def generate(out: Path, n_connections: int, n_messages: int, today: date, seed: int = 1) -> dict:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    now = datetime.combine(today, time(12, 0)).astimezone()
    people: list[tuple[str, str, str]] = []

    with open(out / "Connections.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerows(NOTES_PREAMBLE)
        w.writerow(["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"])
        w.writerow(["Dario", "Twodays", HELLO_URL, "", "Globex", "CTO", connected_on(today - timedelta(days=2), rng)])
        w.writerow(["Yara", "Yesterday", REPLY_URL, "", "Initech", "Designer",
                    connected_on(today - timedelta(days=400), rng)])
        for i in range(max(n_connections - 2, 0)):
            first, last, url = person(rng, i)
            people.append((first, last, url))
            email = f"{first[:1].lower()}{i}@example.com" if rng.random() < 0.1 else ""
            # Spread over ten years, with the last weeks busier, as an active user's network grows.
            age = int(rng.expovariate(1 / 900)) if rng.random() < 0.97 else rng.randint(0, 40)
            w.writerow([first, last, url, email, rng.choice(COMPANIES), rng.choice(POSITIONS),
                        connected_on(today - timedelta(days=min(age, 3650) + 3), rng)])

    written = 0
    with open(out / "messages.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO",
                    "RECIPIENT PROFILE URLS", "DATE", "SUBJECT", "CONTENT", "FOLDER", "ATTACHMENTS"])
        # Planted: Yara wrote yesterday, after an older exchange; you have not answered.
        cid = conversation_id(rng)
        w.writerow([cid, "", ME_NAME, ME_URL, "Yara Yesterday", REPLY_URL, utc(now - timedelta(days=30)), "",
                    "Hi Yara, loved your talk, how did you get started?", "INBOX", ""])
        w.writerow([cid, "", "Yara Yesterday", REPLY_URL, ME_NAME, ME_URL, utc(now - timedelta(days=1)), "",
                    "Thanks Sam!\nHappy to share more, what are you working on?", "INBOX", ""])
        written = 2
        while written < n_messages and people:
            cid = conversation_id(rng)
            group = rng.random() < 0.05
            members = [rng.choice(people) for _ in range(3 if group else 1)]
            start = now - timedelta(days=int(rng.expovariate(1 / 500)) + 2, minutes=rng.randint(0, 1440))
            folder = "SPAM" if rng.random() < 0.01 else rng.choice(["INBOX", "INBOX", "INBOX", "ARCHIVE"])
            if rng.random() < 0.1:
                first, last, url = members[0]
                w.writerow([cid, "", f"{first} {last}", url, ME_NAME, ME_URL, utc(start), "",
                            "Message request accepted", folder, ""])
                written += 1
            for k in range(min(rng.randint(1, 8), n_messages - written)):
                at = start + timedelta(hours=k * rng.randint(1, 48), seconds=rng.randint(0, 59))
                first, last, url = rng.choice(members)
                if k % 2 == 0:
                    sender, sender_url = ME_NAME, ME_URL
                    to = ", ".join(f"{a} {b}" for a, b, _ in members)
                    to_urls = ";".join(u for _, _, u in members)
                else:
                    sender, sender_url = f"{first} {last}", url
                    to = ", ".join([ME_NAME] + [f"{a} {b}" for a, b, u in members if u != url])
                    to_urls = ";".join([ME_URL] + [u for _, _, u in members if u != url])
                content = rng.choice(LINES).format(first=first)
                w.writerow([cid, "Team chat" if group else "", sender, sender_url, to, to_urls, utc(at), "",
                            content, folder, ""])
                written += 1

    with open(out / "Invitations.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["From", "To", "Sent At", "Message", "Direction", "inviterProfileUrl", "inviteeProfileUrl"])
        for first, last, url in rng.sample(people, min(len(people), max(n_connections // 15, 1))):
            at = now - timedelta(days=rng.randint(3, 3000), minutes=rng.randint(0, 1440))
            stamp = f"{at.month}/{at.day}/{at.strftime('%y')}, {at.strftime('%I:%M %p').lstrip('0')}"
            if rng.random() < 0.5:
                w.writerow([ME_NAME, f"{first} {last}", stamp, rng.choice(["", "Hi, let's connect, shall we?"]),
                            "OUTGOING", ME_URL, url])
            else:
                w.writerow([f"{first} {last}", ME_NAME, stamp, "", "INCOMING", url, ME_URL])

    planted = {"me": ME_URL, "reply": REPLY_URL, "say_hello": HELLO_URL, "today": today.isoformat(),
               "messages": written, "connections": len(people) + 2}
    return planted


def pack(folder: Path, archive: Path) -> Path:
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        for name in ("Connections.csv", "messages.csv", "Invitations.csv"):
            z.write(folder / name, name)
    return archive


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0], epilog=__doc__.split("\n\n", 2)[2],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path, metavar="OUT", help="the folder to write the export's CSV files into")
    ap.add_argument("--connections", type=int, default=200, metavar="N",
                    help="how many connections in Connections.csv (default: 200)")
    ap.add_argument("--messages", type=int, default=600, metavar="N",
                    help="how many rows in messages.csv (default: 600)")
    ap.add_argument("--seed", type=int, default=1, help="random seed: the same seed writes the same export (default: 1)")
    ap.add_argument("--today", type=date.fromisoformat, default=datetime.now().astimezone().date(),
                    metavar="YYYY-MM-DD", help="the day the planted people are relative to (default: today)")
    ap.add_argument("--zip", action="store_true",
                    help="also pack them as LinkedIn does, into OUT/Basic_LinkedInDataExport_MM-DD-YYYY.zip")
    args = ap.parse_args()
    planted = generate(args.out, args.connections, args.messages, args.today, args.seed)
    if args.zip:
        planted["zip"] = str(pack(args.out, args.out / f"Basic_LinkedInDataExport_{args.today:%m-%d-%Y}.zip"))
    print(json.dumps(planted))


if __name__ == "__main__":
    main()
