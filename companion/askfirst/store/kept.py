"""Today's follow-ups as kept in the database, and reading them back in one statement.

The first look at today's list (or the first after any change) computes it and keeps it,
as the JSON answer and as the rendered text; every later look reads it back. This module
imports nothing but sqlite3 (and the schema's version count), so `askfirst today` can answer without loading the rest
of the store (cli/quick.py).
"""

from __future__ import annotations

import sqlite3

from .schema import MIGRATIONS

TYPE_CHECKING = False  # not imported from typing, which this read does not otherwise need
if TYPE_CHECKING:
    from typing import Any

KEPT_COLUMNS = ("body", "text")  # the JSON answer (bytes) and the rendered text


def kept_answer(conn: sqlite3.Connection, column: str, key: tuple[str, str], utf8: bool = False) -> tuple[int, Any]:
    """The change count, and the answer kept for `key` (day, zone) if it is still
    current, else None. `utf8`: the text as UTF-8 bytes, as it is stored, not decoded.

    One statement reads both from one snapshot: the background scoring after an import
    commits for minutes, and a commit between two reads would make a current answer
    look stale."""
    assert column in KEPT_COLUMNS
    value = f"CAST(kept.{column} AS BLOB)" if utf8 else f"kept.{column}"
    change, kept_at, kept = conn.execute(
        f"SELECT n, kept.change, {value} FROM changes "
        "LEFT JOIN followups_cache AS kept ON kept.day = ? AND kept.zone = ?", key).fetchone()
    return change, kept if kept_at == change else None


def is_current(conn: sqlite3.Connection) -> bool:
    """Whether the database has this version's schema (an older one is upgraded on open)."""
    return conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)


def stored_zone_name(conn: sqlite3.Connection) -> object:
    """The `time_zone` setting as stored (None when unset), for a read that skips the
    rest of the settings."""
    # SQLite decodes the JSON value: importing json would cost more than this whole read.
    row = conn.execute("SELECT json_extract(value, '$') FROM settings WHERE key = 'time_zone'").fetchone()
    return None if row is None else row[0]
