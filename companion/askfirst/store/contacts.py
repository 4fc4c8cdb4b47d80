"""Contacts: look-ups, the timing facts the analysis needs, cadences, and forgetting."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, tzinfo
from typing import Any

from ..timing import Timing, start_of_day, utcnow
from .database import Database


def connected_time(at: str | None, day: str | None, tz: tzinfo) -> datetime | None:
    """When you connected, as an instant: the start of the connection's calendar day in
    the user's zone when only the day is known."""
    if day:
        return start_of_day(date.fromisoformat(day), tz)
    return datetime.fromisoformat(at) if at else None


class Contacts(Database):
    def timing(self, contact_key: str | None, now: datetime | None = None) -> Timing:
        """The timing facts the analysis needs for one recipient (one primary-key lookup),
        with every setting that changes a verdict."""
        settings = self.settings()  # type: ignore[attr-defined]
        # The zone of `now` when given, else the user's: "wait until Sunday" is their Sunday.
        tz = (now.tzinfo if now is not None else None) or settings.zone()
        now = now or utcnow().astimezone(tz)
        windows = {"wait_days": settings.wait_days, "followup_days": settings.followup_days,
                   "max_nudges": settings.max_nudges}
        row = None
        if contact_key:
            row = self._conn().execute(
                "SELECT connected_at, connected_day, met_at, last_sent_at, last_received_at, unanswered_in_a_row "
                "FROM contacts WHERE key = ?", (contact_key,)).fetchone()
        if row is None:
            return Timing(now=now, **windows)
        return Timing(
            now=now,
            connected_at=connected_time(row["connected_at"], row["connected_day"], tz),
            met_at=_dt(row["met_at"]),
            last_sent_at=_dt(row["last_sent_at"]),
            last_received_at=_dt(row["last_received_at"]),
            unanswered_in_a_row=row["unanswered_in_a_row"],
            **windows,
        )

    def contact(self, key: str) -> dict[str, Any] | None:
        row = self._conn().execute("SELECT * FROM contacts WHERE key = ?", (key,)).fetchone()
        return _contact_dict(row) if row else None

    def contacts(self, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        rows = self._conn().execute(
            "SELECT * FROM contacts ORDER BY last_activity_at DESC NULLS LAST, key LIMIT ? OFFSET ?",
            (-1 if limit is None else limit, offset))
        return [_contact_dict(r) for r in rows]

    def set_keep_in_touch(self, key: str, days: int | None) -> dict[str, Any] | None:
        with self._write() as conn:
            conn.execute("UPDATE contacts SET keep_in_touch_days = ? WHERE key = ?", (days, key))
        return self.contact(key)

    def forget(self, key: str) -> int:
        """Delete one contact with its events and marks, from every file of the data
        folder; the number of events deleted, or -1 if there was no such contact.
        Raises EraseIncomplete when the deletion is saved but not yet scrubbed."""
        with self._write() as conn:
            n = conn.execute("SELECT count(*) FROM events WHERE contact_key = ?", (key,)).fetchone()[0]
            deleted = conn.execute("DELETE FROM contacts WHERE key = ?", (key,)).rowcount
        self._erase_leftovers()  # also when already deleted: running it again finishes the job
        return n if deleted else -1

    def wipe(self) -> None:
        """Delete every contact, event, mark and setting, from every file of the data folder."""
        with self._write() as conn:
            for table in ("followup_marks", "events", "contacts", "settings"):
                conn.execute(f"DELETE FROM {table}")
        self._erase_leftovers()


def _dt(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _contact_dict(r: sqlite3.Row) -> dict[str, Any]:
    d = {k: r[k] for k in (
        "key", "site", "profile_url", "name", "headline", "connected_at", "met_at", "last_sent_at",
        "last_received_at", "unanswered_in_a_row", "keep_in_touch_days", "last_activity_at")}
    d["connected_on"] = r["connected_day"]  # a calendar day: the export knows no time
    if r["connected_day"]:
        d["connected_at"] = None
    return d
