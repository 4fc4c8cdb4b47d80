"""Follow-up queries: the contacts the rules in askfirst.followups may hold for, and the
user's done/snooze marks.

The rules themselves live only in askfirst.followups. The query narrows 30,000 contacts
to the recently active ones with `followups.horizon` (derived from the rules: no one-off
rule holds for a contact inactive since then) plus every contact with a cadence; a
property test checks the narrowed answer equals a full scan.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from datetime import date, datetime, tzinfo
from typing import TYPE_CHECKING, Any

from ..settings import Settings
from ..timing import start_of_day, utcnow
from .database import Database, iso
from .kept import kept_answer

if TYPE_CHECKING:
    from ..followups import ContactSummary, Followup, Mark

# The rules (askfirst.followups, with hashlib) are imported by the methods that run them:
# most looks at today's list find the kept answer and never need them.

_COLUMNS = ("key, profile_url, name, headline, connected_at, connected_day, met_at, met_place, last_sent_at, "
            "last_received_at, unanswered_in_a_row, keep_in_touch_days, thread_url")


class FollowupQueries(Database):
    def summaries(self, today: date, tz: tzinfo, settings: Settings, key: str | None = None,
                  everyone: bool = False) -> list[ContactSummary]:
        """The contacts any follow-up rule can hold for (`everyone`: all of them)."""
        from .. import followups

        only = " AND key = :key" if key else ""
        if everyone:
            sql = f"SELECT {_COLUMNS} FROM contacts WHERE 1{only}"
        else:
            # Two index range scans (recent activity; cadences) instead of one full scan.
            sql = f"""SELECT {_COLUMNS} FROM contacts
                WHERE last_activity_at >= :horizon AND keep_in_touch_days IS NULL{only}
                UNION ALL
                SELECT {_COLUMNS} FROM contacts WHERE keep_in_touch_days IS NOT NULL{only}"""
        bounds = {"horizon": iso(start_of_day(followups.horizon(settings, today), tz)), "key": key}
        cur = self._conn().cursor()
        cur.row_factory = None  # plain tuples: the hot path of today's list (scripts/bench_import.py)
        parse = datetime.fromisoformat
        out = []
        for k, url, name, headline, c, cday, m, place, s, r, unanswered, cadence, thread in cur.execute(sql, bounds):
            day = date.fromisoformat(cday) if cday else None
            connected = start_of_day(day, tz) if day else (c and parse(c))
            out.append(followups.ContactSummary(k, url, name, headline, connected, m and parse(m), place,
                                                s and parse(s), r and parse(r), unanswered, cadence, thread, day))
        return out

    def marks(self) -> dict[str, Mark]:
        from ..followups import Mark

        rows = self._conn().execute("SELECT id, status, until FROM followup_marks")
        return {r["id"]: Mark(r["status"], date.fromisoformat(r["until"]) if r["until"] else None) for r in rows}

    def due_followups(self, today: date, tz: tzinfo | None = None) -> list[Followup]:
        """Open follow-ups due on or before `today`, overdue first (`tz`: the user's zone
        from settings when not given)."""
        settings = self.settings()  # type: ignore[attr-defined]
        tz = tz or settings.zone()
        from .. import followups

        return followups.due(self.summaries(today, tz, settings), settings, today, tz, self.marks())

    def today_json(self, today: date, tz: tzinfo | None = None) -> bytes:
        """Today's follow-ups as the API and `askfirst today --json` answer them:
        {"date", "count", "state", "contacts", "followups"}.

        Kept in the database until anything changes: with 30,000 contacts and thousands
        due, computing takes ~35 ms and reading the kept answer under 1 ms
        (scripts/bench_import.py), for the popup's badge and for `askfirst today` alike."""
        tz = tz or self.settings().zone()  # type: ignore[attr-defined]
        key = (today.isoformat(), str(tz))
        change, kept = kept_answer(self._conn(), "body", key)
        if kept is not None:
            return bytes(kept)
        # Read after the count: an answer made from settings changed meanwhile is not kept.
        settings = self.settings()  # type: ignore[attr-defined]
        from .. import followups

        found = followups.due(self.summaries(today, tz, settings), settings, today, tz, self.marks())
        contacts = self.count("contacts")
        # The popup's empty state: nothing imported yet (say how) is not "all done".
        state = "due" if found else ("all_done" if contacts else "no_contacts")
        body = json.dumps({"date": today.isoformat(), "count": len(found), "state": state, "contacts": contacts,
                           "followups": [f.to_dict() for f in found]}, ensure_ascii=False).encode()
        try:
            with self._write(count=False) as conn:
                if conn.execute("SELECT n FROM changes").fetchone()[0] == change:  # nothing written meanwhile
                    conn.execute("INSERT OR REPLACE INTO followups_cache(day, zone, change, body) "
                                 "VALUES (?, ?, ?, ?)", (*key, change, body))
        except sqlite3.OperationalError:  # busy or read-only: the answer stands, only not kept
            pass
        return body

    def today_text(self, today: date, tz: tzinfo, render: Callable[[bytes], str]) -> str:
        """`render(today_json(...))`, kept beside the JSON until anything changes: with
        thousands due, decoding and rendering take ~20 ms and reading the kept text ~1 ms
        (scripts/bench_startup.py)."""
        key = (today.isoformat(), str(tz))
        change, kept = kept_answer(self._conn(), "text", key)
        if kept is not None:
            return str(kept)
        text = render(self.today_json(today, tz))
        try:
            with self._write(count=False) as conn:  # only the row for this very answer
                conn.execute("UPDATE followups_cache SET text = ? WHERE day = ? AND zone = ? AND change = ? "
                             "AND change = (SELECT n FROM changes)", (text, *key, change))
        except sqlite3.OperationalError:  # busy or read-only: the answer stands, only not kept
            pass
        return text

    def all_followups(self, today: date, tz: tzinfo | None = None, key: str | None = None) -> list[Followup]:
        settings = self.settings()  # type: ignore[attr-defined]
        tz = tz or settings.zone()
        from .. import followups

        return followups.everything(self.summaries(today, tz, settings, key), settings, today, tz, self.marks())

    def mark_followup(self, followup: Followup, status: str, until: date | None = None) -> None:
        with self._write() as conn:
            conn.execute(
                "INSERT INTO followup_marks(id, contact_key, status, until, marked_at) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT(id) DO UPDATE SET status = excluded.status, until = excluded.until, "
                "marked_at = excluded.marked_at",
                (followup.id, followup.contact.key, status, until.isoformat() if until else None, iso(utcnow())),
            )

    def export(self, today: date, tz: tzinfo | None = None) -> dict[str, Any]:
        return {
            "contacts": self.contacts(),  # type: ignore[attr-defined]
            "events": self.events(),  # type: ignore[attr-defined]
            "followups": [f.to_dict() for f in self.all_followups(today, tz)],
        }
