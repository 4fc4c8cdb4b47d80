"""Events: storing them (idempotent by id) and the per-contact summary kept beside them.

Each contact row carries a summary of its events (connected_at, met_at, last_sent_at,
last_received_at, unanswered_in_a_row, last_activity_at). It is recomputed from the
events table, in the same transaction as the insert, for exactly the contacts an insert
touched; so late or imported events with a past `at` still give the right answer, the
analyze route reads a recipient's timing facts with one primary-key lookup, and today's
follow-ups scan only recently active contacts.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timezone
from typing import TYPE_CHECKING, Any

from ..timing import utcnow
from .database import Database, iso
from .settings import read_settings

if TYPE_CHECKING:
    from ..profiles import Profile

EVENT_TYPES = ("connected", "met", "message_sent", "message_received", "note")


@dataclass(frozen=True)
class NewEvent:
    """An event as it arrives (from the extension, the CLI or an importer).

    `day` is set for events known only by their calendar date (a LinkedIn connection);
    `at` then only orders them."""

    id: str
    type: str
    at: datetime
    profile: Profile
    name: str | None = None
    headline: str | None = None
    site: str | None = None
    verdict: str | None = None
    score: int | None = None
    text: str | None = None
    thread_url: str | None = None
    place: str | None = None
    note: str | None = None
    day: date | None = None
    asked: bool | None = None  # the message asked about them (from its analysis)
    hold: str | None = None  # held at send time: "sent_anyway" or "edited"

    @classmethod
    def on_day(cls, id: str, type: str, day: date, profile: Profile, **fields: Any) -> NewEvent:
        return cls(id, type, datetime.combine(day, time(12), timezone.utc), profile, day=day, **fields)


@dataclass(frozen=True)
class AddResult:
    created: int
    duplicates: int


class Events(Database):
    def add_event(self, event: NewEvent) -> tuple[bool, dict[str, Any]]:
        """Store one event; (created, the stored event). A known id is not stored again."""
        result = self.add_events([event])
        stored = self.event(event.id)
        assert stored is not None
        return result.created == 1, stored

    def add_events(self, events: Iterable[NewEvent]) -> AddResult:
        """Store many events in one transaction (importers call this); duplicates by id are skipped."""
        events = list(events)
        if not events:
            return AddResult(0, 0)
        now = iso(utcnow())
        contacts: dict[str, tuple] = {}
        for e in events:
            old = contacts.get(e.profile.key)
            contacts[e.profile.key] = (
                e.profile.key, e.profile.site, e.profile.url,
                e.name if e.name is not None else (old[3] if old else None),
                e.headline if e.headline is not None else (old[4] if old else None),
                now,
            )
        with self._write() as conn:
            keep_text = read_settings(conn).store_text
            conn.executemany(
                "INSERT INTO contacts(key, site, profile_url, name, headline, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET "
                "name = coalesce(excluded.name, name), headline = coalesce(excluded.headline, headline)",
                contacts.values(),
            )
            cur = conn.executemany(
                "INSERT INTO events(id, contact_key, type, at, day, site, verdict, score, text, thread_url, "
                "place, note, recorded_at, asked, hold) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(id) DO NOTHING",
                (
                    (e.id, e.profile.key, e.type, iso(e.at), e.day.isoformat() if e.day else None,
                     e.site or e.profile.site, e.verdict, e.score, e.text if keep_text else None,
                     e.thread_url, e.place, e.note, now, None if e.asked is None else int(e.asked), e.hold)
                    for e in events
                ),
            )
            created = max(cur.rowcount, 0)
            resummarise(conn, contacts.keys())
            merge_known_by_name(conn, contacts.keys())
        return AddResult(created, len(events) - created)

    def set_scores(self, scores: Iterable[tuple[str, str, int, bool | None]]) -> int:
        """Verdict, score and "asked about them" for stored messages that have none yet
        (imported history, scored after the import); the number of events updated.
        Follow-ups are not made of scores: today's kept answer stays current."""
        with self._write(followups_too=False) as conn:
            cur = conn.executemany(
                "UPDATE events SET verdict = ?, score = ?, asked = ? WHERE id = ? AND verdict IS NULL",
                ((v, n, None if a is None else int(a), i) for i, v, n, a in scores))
            return max(cur.rowcount, 0)

    def insight_rows(self) -> Iterator[tuple]:
        """(contact key, type, at, verdict, score, asked, hold, day) of every connection,
        meeting and message, as plain tuples in no particular order, for `askfirst insights`."""
        cur = self._conn().cursor()
        cur.row_factory = None
        return iter(cur.execute("SELECT contact_key, type, at, verdict, score, asked, hold, day FROM events "
                                "WHERE type != 'note'"))

    def event(self, event_id: str) -> dict[str, Any] | None:
        row = self._conn().execute(_EVENT_SELECT + " WHERE e.id = ?", (event_id,)).fetchone()
        return _event_dict(row) if row else None

    def message_times(self, except_prefix: str) -> dict[tuple[str, str], list[datetime]]:
        """When each contact's messages were sent / received, for events whose id does not
        start with `except_prefix`: an importer matches its rows against what the extension
        already recorded live, under ids of its own."""
        found: dict[tuple[str, str], list[datetime]] = {}
        rows = self._conn().execute(
            "SELECT contact_key, type, at FROM events WHERE type IN ('message_sent', 'message_received') "
            "AND substr(id, 1, ?) != ? ORDER BY at", (len(except_prefix), except_prefix))
        for key, kind, at in rows:
            found.setdefault((key, kind), []).append(datetime.fromisoformat(at))
        return found

    def events(self, contact_key: str | None = None) -> list[dict[str, Any]]:
        if contact_key is None:
            rows = self._conn().execute(_EVENT_SELECT + " ORDER BY e.at, e.id")
        else:
            rows = self._conn().execute(_EVENT_SELECT + " WHERE e.contact_key = ? ORDER BY e.at, e.id",
                                        (contact_key,))
        return [_event_dict(r) for r in rows]


def resummarise(conn: sqlite3.Connection, keys: Iterable[str] | None) -> None:
    """Recompute the summary columns of these contacts (None: all) from all their events."""
    if keys is None:
        where = "1"
    else:
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS touched(key TEXT PRIMARY KEY)")
        conn.execute("DELETE FROM temp.touched")
        conn.executemany("INSERT OR IGNORE INTO temp.touched(key) VALUES (?)", ((k,) for k in keys))
        where = "key IN (SELECT key FROM temp.touched)"
    last = "(SELECT max(at) FROM events e WHERE e.contact_key = contacts.key AND e.type = '{}')"
    conn.execute(f"""
        UPDATE contacts SET
            connected_at = {last.format('connected')},
            connected_day = (SELECT day FROM events e WHERE e.contact_key = contacts.key
                             AND e.type = 'connected' ORDER BY at DESC LIMIT 1),
            met_at = {last.format('met')},
            last_sent_at = {last.format('message_sent')},
            last_received_at = {last.format('message_received')},
            met_place = (SELECT place FROM events e WHERE e.contact_key = contacts.key
                         AND e.type = 'met' ORDER BY at DESC LIMIT 1),
            thread_url = (SELECT thread_url FROM events e WHERE e.contact_key = contacts.key
                          AND e.thread_url IS NOT NULL ORDER BY at DESC LIMIT 1)
        WHERE {where}""")
    # A second pass: it needs last_received_at as just computed.
    conn.execute(f"""
        UPDATE contacts SET
            unanswered_in_a_row = (SELECT count(*) FROM events e WHERE e.contact_key = contacts.key
                                   AND e.type = 'message_sent' AND e.at > coalesce(contacts.last_received_at, '')),
            last_activity_at = nullif(max(coalesce(connected_at, ''), coalesce(met_at, ''),
                                          coalesce(last_sent_at, ''), coalesce(last_received_at, '')), '')
        WHERE {where}""")


NAMED = "linkedin:name:"  # keys of people known by name only (profiles.by_name)


def merge_known_by_name(conn: sqlite3.Connection, keys: Iterable[str]) -> None:
    """Fold contacts known by name only into the one contact with a profile URL and the
    same name, in whichever order they arrived. Only when that match is unambiguous: two
    people of one name stay apart unless the company tells them apart."""
    from ..profiles import name_slug  # here: opening the store for `askfirst today` parses no URL

    linkedin = [k for k in keys if k.startswith("linkedin:")]
    if not linkedin or conn.execute("SELECT 1 FROM contacts WHERE key >= ? AND key < ? LIMIT 1",
                                    (NAMED, NAMED[:-1] + ";")).fetchone() is None:
        return
    moves: dict[str, str] = {}
    for key in linkedin:
        row = conn.execute("SELECT name, headline FROM contacts WHERE key = ?", (key,)).fetchone()
        if row is None or not row[0]:
            continue
        if key.startswith(NAMED):
            found = conn.execute(
                "SELECT key FROM contacts WHERE name = ? COLLATE NOCASE AND site = 'linkedin' "
                "AND key NOT LIKE 'linkedin:name:%'", (row[0],)).fetchall()
            if len(found) == 1:
                moves[key] = found[0][0]
        else:
            prefix = NAMED + name_slug(row[0])
            named = [r[0] for r in conn.execute(
                "SELECT key FROM contacts WHERE key = ? OR (key > ? AND key < ?)",
                (prefix, prefix + ":", prefix + ";"))]
            if len(named) > 1:  # several of that name: the one whose company is in the headline
                # Whole words only: a company "ai" is not in "Maintainer at Initech".
                headline = f"-{name_slug(row[1] or '')}-"
                named = [k for k in named if k.count(":") == 3 and f"-{k.rsplit(':', 1)[1]}-" in headline]
            if len(named) == 1:
                moves[named[0]] = key
    for source, target in moves.items():
        conn.execute("UPDATE events SET contact_key = ? WHERE contact_key = ?", (target, source))
        conn.execute("UPDATE contacts SET headline = coalesce(headline, (SELECT headline FROM contacts WHERE key = ?)) "
                     "WHERE key = ?", (source, target))
        conn.execute("DELETE FROM contacts WHERE key = ?", (source,))
    if moves:
        resummarise(conn, set(moves.values()))


_EVENT_SELECT = (
    "SELECT e.*, c.profile_url, c.name, c.headline FROM events e JOIN contacts c ON c.key = e.contact_key"
)


def _event_dict(r: sqlite3.Row) -> dict[str, Any]:
    d = {
        "id": r["id"],
        "type": r["type"],
        "at": r["at"],
        "recipient": {"key": r["contact_key"], "profile_url": r["profile_url"], "name": r["name"],
                      "headline": r["headline"]},
    }
    for k in ("day", "site", "verdict", "score", "thread_url", "place", "note", "text", "hold"):
        if r[k] is not None:
            d[k] = r[k]
    if r["asked"] is not None:
        d["asked"] = bool(r["asked"])
    return d
