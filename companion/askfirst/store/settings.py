"""The user's settings, one JSON value per key (validation lives in askfirst.settings)."""

from __future__ import annotations

import json
import sqlite3

from ..settings import Settings
from .database import Database


def read_settings(conn: sqlite3.Connection) -> Settings:
    rows = conn.execute("SELECT key, value FROM settings").fetchall()
    return Settings.from_dict({r[0]: json.loads(r[1]) for r in rows})


class SettingsStore(Database):
    def settings(self) -> Settings:
        return read_settings(self._conn())

    def save_settings(self, settings: Settings) -> Settings:
        with self._write() as conn:
            conn.executemany(
                "INSERT INTO settings(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [(k, json.dumps(v)) for k, v in settings.to_dict().items()],
            )
        return settings
