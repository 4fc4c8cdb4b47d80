"""The LinkedIn data export ("Get a copy of your data") as the store's events.

    export = LinkedInExport(path)                    # NotAnExport before anything is read
    for event in export.events(progress):            # a generator: rows are never all in memory
        ...
    export.problems, export.skipped, export.me

What each file becomes, in every layout LinkedIn shipped since 2018 (export_files.LAYOUTS).
Exports before mid-2023 carry no profile URLs for connections (and the 2018 messages file
none at all): such people are keyed by name (and company, for connections) and merged into
the contact with the URL as soon as a later export or the extension brings it.

- Connections.csv -> a `connected` event per row on the calendar day of `Connected On`
  (`25 Aug 2021`, or ISO `2021-08-25`): a date, not an instant, so it is the same day in
  every time zone. Name from First/Last Name, headline "Position at Company".
- messages.csv -> `message_sent` (you wrote; one event per other participant, so a group
  chat counts as a message to each of them) or `message_received` (one event, from the
  sender). `DATE` is UTC (`2023-06-11 15:33:58 UTC`). Which participant is you is not in
  the file: it is the one who takes part in the most conversations (in a personal export,
  all of them); ties are broken by who is a connection (not you) and by Invitations.csv
  (the sender of OUTGOING invitations is you). Skipped, and counted: the SPAM folder,
  drafts, and LinkedIn's system rows ("Message request accepted", "... left the
  conversation"). Message text goes to the store, which keeps it only when the user opted
  in (settings.store_text).
- Invitations.csv -> a `note` event on the other person ("LinkedIn invitation sent" or
  "received"), creating the contact. Not a `connected` or `message_*` event: only
  Connections.csv proves an invitation was accepted, and a pending invitation is not a
  message waiting for a reply. `Sent At` as `1/19/26, 9:15 AM` (US month/day/year, taken
  as UTC like every other time in the export) or ISO / `YYYY-MM-DD HH:MM:SS UTC`.

Event ids come from the data (`li-export:connected:linkedin:jane:2021-08-25`), so the same
export twice, or an older and a newer export that overlap, store each event once.
Rows that cannot be read are reported with file and line and skipped.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from functools import lru_cache, partial
from pathlib import Path

from ..profiles import (
    Profile,
    ProfileError,
    by_name,
    name_slug,
    normalise,
    parse_name_key,
)
from ..store import NewEvent
from .export_files import ExportFile, NotAnExport, column_key, find_files

ID_PREFIX = "li-export"
MAX_PROBLEMS_KEPT = 1000  # a broken 100,000-row file must not fill memory with reports

MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
_DAY_MON_YEAR = re.compile(r"(\d{1,2})[ -]([A-Za-z]{3})[a-z]*\.?[ -](\d{4}|\d{2})")  # 25 Aug 2021, 01-Jul-25
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_US_STAMP = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4}),? +(\d{1,2}):(\d{2})(?::(\d{2}))? *([AaPp][Mm])")
_SYSTEM_ROW = re.compile(
    r"message request accepted\.?|.{0,200} (left|joined) the conversation\.?"
    r"|.{0,200} (added|removed) .{0,200} (to|from) the conversation\.?", re.IGNORECASE)
# UTF-8 read as Windows-1252: "Ã©" for "é", "â€™" for "’". A lead byte of a multi-byte
# sequence followed by a continuation byte, both shown as cp1252 characters.
_MOJIBAKE = re.compile("[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
                       "\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]")


@dataclass(frozen=True)
class Problem:
    """A row that was not imported, and why."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class BadRow(ValueError):
    pass


class Skip(Exception):
    """A well-formed row that carries nothing to import (spam, system rows, ...)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass
class LinkedInExport:
    path: Path
    me: Profile | None = None  # who "you" are in messages.csv; found from the data when None
    files: list[ExportFile] = field(init=False)
    left_out: list[str] = field(init=False)  # files not imported, each with the reason
    problems: list[Problem] = field(default_factory=list, init=False)
    problem_count: int = field(default=0, init=False)
    skipped: Counter[str] = field(default_factory=Counter, init=False)
    rows: Counter[str] = field(default_factory=Counter, init=False)  # rows imported, per file kind

    def __post_init__(self) -> None:
        self.path = Path(self.path)
        found = find_files(self.path)  # every file checked before any row is read
        self.files, self.left_out = found.files, found.left_out
        self._by_name: dict[str, set[str]] = {}  # name slug -> keys of connections known by name only

    @property
    def total_bytes(self) -> int:
        """Bytes prepare() and events() read: messages.csv twice (first to find out who you are)."""
        return sum(f.size * (2 if f.kind == "messages" and self.me is None else 1) for f in self.files)

    @property
    def date_problems(self) -> bool:
        return any("is not a date" in p.message or "is not a time" in p.message for p in self.problems)

    def prepare(self, progress: Callable[[int], None] | None = None) -> None:
        """Find out who you are in messages.csv; NotAnExport if that cannot be told.

        Call it before storing anything, so a refusal leaves the store untouched. A
        messages file that cannot tell is left out when other files remain."""
        for f in list(self.files):
            if f.kind == "messages" and self.me is None:
                try:
                    self.me = self._find_me(f, progress)
                except NotAnExport as e:
                    if len(self.files) == 1:
                        raise
                    self.files.remove(f)
                    self.left_out.append(str(e))

    def events(self, progress: Callable[[int], None] | None = None) -> Iterator[NewEvent]:
        for row in self.rows_of_events(progress):
            yield from row

    def rows_of_events(self, progress: Callable[[int], None] | None = None) -> Iterator[list[NewEvent]]:
        """The events of each imported row together (a group message is one event per
        person): stored in one transaction, a row is never half imported."""
        self.prepare(progress)
        read = {"connections": self._connection, "invitations": self._invitation, "messages": self._message,
                "messages_2018": self._message_2018}
        for f in self.files:
            columns = _columns(f)
            with f.rows(progress, partial(self._problem, f.label)) as rows:
                for line, fields in rows:
                    try:
                        if len(fields) != len(f.header):
                            raise BadRow(f"expected {len(f.header)} fields, found {len(fields)} "
                                         "(a comma or quote out of place?)")
                        found = list(read[f.kind](dict(zip(columns, fields))))
                    except BadRow as e:
                        self._problem(f.label, line, str(e))
                        continue
                    except Skip as s:
                        self.skipped[s.reason] += 1
                        continue
                    self.rows[f.kind] += 1
                    yield found

    def _problem(self, file: str, line: int, message: str) -> None:
        self.problem_count += 1
        if len(self.problems) < MAX_PROBLEMS_KEPT:
            self.problems.append(Problem(file, line, message))

    # -- Connections.csv ------------------------------------------------------------------

    def _connection(self, row: dict[str, str]) -> Iterator[NewEvent]:
        day = connected_on(row["connected on"])
        name = " ".join(p for p in (clean(row["first name"]), clean(row["last name"])) if p)
        position, company = clean(row.get("position", "")), clean(row.get("company", ""))
        headline = f"{position} at {company}" if position and company else (position or company)
        profile = _profile(row.get("url", ""), "URL", "connection", name)
        if profile is None:  # exports before mid-2023 have no URL column
            profile = by_name(name, company)
            self._by_name.setdefault(name_slug(name), set()).add(profile.key)
        yield NewEvent.on_day(f"{ID_PREFIX}:connected:{profile.key}:{day.isoformat()}", "connected", day, profile,
                              name=name or None, headline=headline or None)

    # -- Invitations.csv ------------------------------------------------------------------

    def _invitation(self, row: dict[str, str]) -> Iterator[NewEvent]:
        direction = row["direction"].strip().upper()
        if direction not in ("INCOMING", "OUTGOING"):
            raise BadRow(f"Direction must be INCOMING or OUTGOING, not {row['direction']!r}")
        at = sent_at(row["sent at"])
        outgoing = direction == "OUTGOING"
        column = "inviteeProfileUrl" if outgoing else "inviterProfileUrl"
        name = clean(row["to" if outgoing else "from"])
        profile = _profile(row.get(column.casefold(), ""), column, "invitation", name) or self._named(name, "invitation")
        message = row.get("message", "").strip()
        yield NewEvent(f"{ID_PREFIX}:invitation:{direction.lower()}:{profile.key}:{at.strftime('%Y-%m-%dT%H:%M')}",
                       "note", at, profile, name=name or None, site="linkedin",
                       note="LinkedIn invitation sent" if outgoing else "LinkedIn invitation received",
                       text=repair(message) if message else None)

    # -- messages.csv ---------------------------------------------------------------------

    def _message(self, row: dict[str, str]) -> Iterator[NewEvent]:
        if row.get("is message draft", "").strip().lower() in ("yes", "true"):
            raise Skip("drafts")
        if row.get("folder", "").strip().upper() == "SPAM":
            raise Skip("messages in the SPAM folder")
        content = row["content"]
        sender_name = clean(row.get("from", ""))
        if _SYSTEM_ROW.fullmatch(content.strip()) or not (row["sender profile url"].strip() or sender_name):
            raise Skip("LinkedIn system messages")
        at = message_date(row["date"])
        # Older exports leave some senders' URLs out: known by name, it is someone writing to you.
        sender = (_profile(row["sender profile url"], "SENDER PROFILE URL", "message", sender_name)
                  or self._named(sender_name, "message"))
        assert self.me is not None
        if "recipient profile urls" in row:
            recipients = [r for u in _split_urls(row["recipient profile urls"])
                          if (r := _profile(u, "RECIPIENT PROFILE URLS", "message")) is not None]
        elif sender.key == self.me.key:  # before 2023 the file named recipients only
            recipients = [self._named(clean(row.get("to", "")), "message")]
        else:
            recipients = [self.me]
        # The message's identity across exports: which conversation, when, who, what.
        digest = hashlib.sha1("\x1f".join((row["conversation id"], row["date"].strip(), sender.key, content))
                              .encode("utf-8", "surrogatepass")).hexdigest()[:20]
        text = repair(content) if content.strip() else None
        if sender.key == self.me.key:
            others = [r for r in dict.fromkeys(recipients) if r.key != self.me.key]
            if not others:
                raise Skip("messages to nobody but yourself")
            to_name = clean(row["to"]) if len(others) == 1 else ""
            for r in others:
                yield NewEvent(f"{ID_PREFIX}:message_sent:{digest}:{r.key}", "message_sent", at, r,
                               name=to_name or None, text=text)
        elif self.me.key in {r.key for r in recipients}:
            yield NewEvent(f"{ID_PREFIX}:message_received:{digest}", "message_received", at, sender,
                           name=clean(row["from"]) or None, text=text)
        else:
            raise Skip("messages you were not part of")

    # -- Messages.csv of 2018: names only ---------------------------------------------------

    def _message_2018(self, row: dict[str, str]) -> Iterator[NewEvent]:
        if row.get("folder", "").strip().upper() == "SPAM":
            raise Skip("messages in the SPAM folder")
        direction = row["direction"].strip().upper()
        if direction not in ("INCOMING", "OUTGOING"):
            raise BadRow(f"Direction must be INCOMING or OUTGOING, not {row['direction'][:40]!r}")
        content = row["content"]
        if _SYSTEM_ROW.fullmatch(content.strip()):
            raise Skip("LinkedIn system messages")
        at = sent_at(row["date"], "Date")
        outgoing = direction == "OUTGOING"
        name = clean(row["to" if outgoing else "from"])
        who = self._named(name, "message")
        digest = hashlib.sha1("\x1f".join((direction, row["date"].strip(), who.key, content))
                              .encode("utf-8", "surrogatepass")).hexdigest()[:20]
        text = repair(content) if content.strip() else None
        kind = "message_sent" if outgoing else "message_received"
        yield NewEvent(f"{ID_PREFIX}:{kind}:{digest}", kind, at, who, name=name, text=text)

    def _named(self, name: str, what: str) -> Profile:
        """A contact known by name only: the connection of that name in this export when
        there is exactly one, else the name alone."""
        if not name:
            raise Skip(f"{what}s without a profile URL or a name")
        keys = self._by_name.get(name_slug(name), set())
        if len(keys) == 1:
            return parse_name_key(next(iter(keys)), name)
        return by_name(name)

    def _find_me(self, f: ExportFile, progress: Callable[[int], None] | None) -> Profile:
        """You: the participant of the most conversations (see the module docstring)."""
        columns = _columns(f)
        seen: set[tuple[bytes, str]] = set()
        conversations: Counter[str] = Counter()
        profiles: dict[str, Profile] = {}
        with f.rows(progress) as rows:
            for _, fields in rows:
                if len(fields) != len(columns):
                    continue
                row = dict(zip(columns, fields))
                # A digest, not the id: a hostile file's ids can be a megabyte each.
                conversation = hashlib.blake2b(row["conversation id"].encode("utf-8", "replace"),
                                               digest_size=12).digest()
                for url in (row["sender profile url"], *_split_urls(row.get("recipient profile urls", ""))):
                    try:
                        p = _normalised(url.strip())
                    except ProfileError:
                        continue
                    profiles[p.key] = p
                    if (conversation, p.key) not in seen:
                        seen.add((conversation, p.key))
                        conversations[p.key] += 1
        if not conversations:
            raise NotAnExport(f"{f.label} has no message with a readable profile URL; nothing to import")
        top = max(conversations.values())
        tied = [k for k, n in conversations.items() if n == top]
        if len(tied) > 1:  # rare (one conversation, or one correspondent): ask the other files
            connections, inviters = self._connections_and_inviters()
            tied = [k for k in tied if k not in connections] or tied
            if len(tied) > 1 and inviters:
                tied = [k for k in tied if k == inviters.most_common(1)[0][0]] or tied
        if len(tied) > 1:
            raise NotAnExport(f"{f.label}: cannot tell which participant is you ({', '.join(sorted(tied)[:3])} "
                              "take part in every conversation); pass --me YOUR_PROFILE_URL")
        return profiles[tied[0]]

    def _connections_and_inviters(self) -> tuple[set[str], Counter[str]]:
        """Your connections' keys (not you), and who sent OUTGOING / got INCOMING invitations (you)."""
        connections: set[str] = set()
        inviters: Counter[str] = Counter()
        for f in self.files:
            if f.kind == "messages":
                continue
            columns = _columns(f)
            with f.rows() as rows:
                for _, fields in rows:
                    row = dict(zip(columns, fields))
                    if f.kind == "connections":
                        url = row.get("url", "").strip()
                        mine = ""
                    else:
                        outgoing = row.get("direction", "").strip().upper() == "OUTGOING"
                        url = ""
                        mine = row.get("inviterprofileurl" if outgoing else "inviteeprofileurl", "").strip()
                    try:
                        if url:
                            connections.add(_normalised(url).key)
                        if mine:
                            inviters[_normalised(mine).key] += 1
                    except ProfileError:
                        continue
        return connections, inviters


# -- fields --------------------------------------------------------------------------------

def _columns(f: ExportFile) -> list[str]:
    return [column_key(c) for c in f.header]


def _split_urls(text: str) -> list[str]:
    return [u for u in (part.strip() for part in re.split(r"[;,\s]+", text)) if u]


@lru_cache(maxsize=100_000)
def _normalised(url: str) -> Profile:
    # The same few thousand URLs recur across 100,000 message rows (yours in every one);
    # normalising each once saves seconds of scripts/bench_import.py's import.
    return normalise(url)


_BARE = re.compile(r"(https?://)?([a-z]+\.)?linkedin\.com/in/?", re.IGNORECASE)


def _profile(url: str, column: str, what: str, name: str | None = None) -> Profile | None:
    """The profile behind a URL; None when the row has none (or only LinkedIn's bare
    `https://www.linkedin.com/in`) but names the person, who is then known by name."""
    url = url.strip()
    if not url or _BARE.fullmatch(url):
        if name:
            return None
        raise Skip(f"{what}s without a profile URL")
    try:
        return _normalised(url)
    except ProfileError:
        if "linkedin.com/" in url.lower():
            raise Skip(f"{what}s with a company or non-member URL") from None
        raise BadRow(f"{column} {url[:80]!r} is not a LinkedIn profile URL") from None


MAX_NAME_CHARS = 300  # a name or a headline longer than this is not one: the row is refused


def clean(text: str) -> str:
    if len(text) > 4 * MAX_NAME_CHARS:
        raise BadRow(f"a name or position of {len(text):,} characters (at most {MAX_NAME_CHARS})")
    return " ".join(repair(text).split())[:MAX_NAME_CHARS]


def repair(text: str) -> str:
    """Undo UTF-8 shown as Windows-1252 (`JosÃ©` -> `José`) when that is surely what happened."""
    if not _MOJIBAKE.search(text):
        return text
    for codec in ("cp1252", "latin-1"):
        try:
            return text.encode(codec).decode("utf-8")
        except UnicodeError:
            continue
    return text


def connected_on(text: str) -> date:
    """`25 Aug 2021`, `01-Jul-25` or `2021-08-25` -> a date."""
    text = text.strip()
    try:
        if m := _DAY_MON_YEAR.fullmatch(text):
            day, month, year = int(m[1]), MONTHS.get(m[2].lower()), int(m[3])
            if month is None:
                raise ValueError
            return date(year + 2000 if year < 100 else year, month, day)
        if m := _ISO_DAY.fullmatch(text):
            return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        pass
    raise BadRow(f"Connected On {text[:40]!r} is not a date like 25 Aug 2021, 01-Jul-25 or 2021-08-25")


def message_date(text: str) -> datetime:
    """`2023-06-11 15:33:58 UTC` (or ISO 8601 with an offset, or LinkedIn's older
    `1/8/18, 6:14 PM`) -> an aware UTC time."""
    at = _utc_stamp(text)
    if at is None and _US_STAMP.fullmatch(text.strip()):
        return sent_at(text, "DATE")
    if at is None:
        raise BadRow(f"DATE {text.strip()[:40]!r} is not a time like 2023-06-11 15:33:58 UTC")
    return at


def sent_at(text: str, column: str = "Sent At") -> datetime:
    """`1/19/26, 9:15 AM` (month/day/year, UTC) or ISO -> an aware UTC time."""
    if m := _US_STAMP.fullmatch(text.strip()):
        month, day, year, hour, minute = (int(m[i]) for i in range(1, 6))
        second = int(m[6] or 0)
        if 1 <= hour <= 12:
            hour = hour % 12 + (12 if m[7].lower() == "pm" else 0)
            try:
                return datetime(year + 2000 if year < 100 else year, month, day, hour, minute, second,
                                tzinfo=timezone.utc)
            except ValueError:
                pass
    elif (at := _utc_stamp(text)) is not None:
        return at
    raise BadRow(f"{column} {text.strip()[:40]!r} is not a time like 1/19/26, 9:15 AM or 2026-01-19 09:15:00 UTC")


def _utc_stamp(text: str) -> datetime | None:
    text = text.strip()
    if text.upper().endswith(" UTC"):
        text = text[:-4] + "+00:00"
    try:
        at = datetime.fromisoformat(text)
    except ValueError:
        return None
    if at.tzinfo is None:
        at = at.replace(tzinfo=timezone.utc)  # the export states every time in UTC
    return at.astimezone(timezone.utc)


__all__ = ["LinkedInExport", "NotAnExport", "Problem", "clean", "connected_on", "message_date", "repair",
           "sent_at"]
