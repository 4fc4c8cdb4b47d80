"""The SQLite file: connections, transactions, schema upgrades, and erasing for good.

Durability and concurrency: WAL journal, `synchronous=FULL` (an acknowledged event
survives `kill -9` and power loss), a 5 s busy timeout, and every write in a
`BEGIN IMMEDIATE` transaction so two writers queue instead of failing with "database is
locked". Within one process all writes also go through one lock: SQLite before 3.51.3
can corrupt a WAL database when connections write and checkpoint at the same instant.

Times are stored as fixed-width UTC ISO 8601 text, so text order is time order.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from .schema import MIGRATIONS, RESUMMARISE_FROM

BUSY_TIMEOUT_S = 5.0
ERASE_WAIT_S = 10.0  # how long forget/wipe wait for readers to let go of the old pages


class EraseIncomplete(RuntimeError):
    """Deleted rows could still be read from a file of the data folder."""


def iso(t: datetime) -> str:
    """Fixed-width UTC text for a timezone-aware time."""
    return t.astimezone(timezone.utc).isoformat(timespec="microseconds")


class Database:
    """One SQLite database file. Safe to share between threads (one connection each)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._local = threading.local()
        self._write_lock = threading.Lock()
        self._connections: list[sqlite3.Connection] = []
        self._connections_lock = threading.Lock()
        self._migrated = False  # until then there may be no `changes` table to count in
        if not self.path.exists():
            # Created owner-only; SQLite gives the -wal and -shm files the same mode.
            os.close(os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600))
        self._migrate()

    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None,
                                   check_same_thread=False)
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
            conn.execute("PRAGMA secure_delete=ON")  # deleted rows are overwritten, not left in free space
            self._local.conn = conn
            with self._connections_lock:
                self._connections.append(conn)
        return conn

    @contextmanager
    def _write(self, count: bool = True, followups_too: bool = True) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed whole, or rolled back on any failure (the
        commit's own included), so the thread's connection is never left inside it.
        `count`: it changes the data (raise the change counter); False only for the cache.
        `followups_too=False`: it changes nothing follow-ups are made of (scores), so the kept
        follow-ups stay current; the background scoring after an import writes for minutes."""
        conn = self._conn()
        with self._write_lock:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
                if self._migrated and count:
                    conn.execute("UPDATE changes SET n = n + 1")
                    if followups_too:
                        conn.execute("DELETE FROM followups_cache")  # stale now, and may name the deleted
                    else:  # the answers kept for the count before stand for the new one
                        conn.execute("UPDATE followups_cache SET change = change + 1 "
                                     "WHERE change = (SELECT n FROM changes) - 1")
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise

    def close(self) -> None:
        with self._connections_lock:
            for conn in self._connections:
                conn.close()
            self._connections.clear()
        self._local = threading.local()

    def _migrate(self) -> None:
        # Almost always up to date: a read says so without queueing for the write lock.
        if self._conn().execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS):
            self._migrated = True
            return
        with self._write() as conn:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > len(MIGRATIONS):
                raise RuntimeError(f"{self.path} was written by a newer Ask First (schema {version}); "
                                   "upgrade askfirst to open it")
            for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
                for statement in script.split(";"):
                    if statement.strip():
                        conn.execute(statement)
                conn.execute(f"PRAGMA user_version={number}")
            if 0 < version < RESUMMARISE_FROM:
                from .events import resummarise

                resummarise(conn, None)
        self._migrated = True

    def schema_version(self) -> int:
        return self._conn().execute("PRAGMA user_version").fetchone()[0]

    def integrity_check(self) -> str:
        return self._conn().execute("PRAGMA integrity_check").fetchone()[0]

    def count(self, table: str) -> int:
        assert table in ("contacts", "events", "followup_marks", "settings")
        return self._conn().execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def change_count(self) -> int:
        """Raised by every committed write, from any process: equal counts, equal data."""
        return self._conn().execute("SELECT n FROM changes").fetchone()[0]

    def _erase_leftovers(self) -> None:
        """After a delete: leave the deleted rows in no file of the data folder.

        secure_delete has zeroed them in the pages the delete rewrote; older copies of
        those pages remain in the WAL until a checkpoint copies the new pages into the
        database and truncates it. A reader still using an older snapshot holds the
        checkpoint back, so it is retried until readers let go (the busy timeout waits
        for them) or EraseIncomplete says what is left to do."""
        conn = self._conn()
        deadline = time.monotonic() + ERASE_WAIT_S
        with self._write_lock:
            if conn.execute("PRAGMA freelist_count").fetchone()[0]:
                try:
                    conn.execute("VACUUM")  # rebuilt without free pages, whatever they once held
                except sqlite3.OperationalError:
                    pass  # secure_delete zeroed them already; the file is only larger
            while True:
                busy, log, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
                if busy == 0 and log <= 0:
                    return
                if time.monotonic() > deadline:
                    raise EraseIncomplete(
                        f"the deletion is saved, but another program kept reading {self.path.name} for "
                        f"{ERASE_WAIT_S:.0f} s, so an older copy of the deleted data is still in "
                        f"{self.path.name}-wal. Stop the companion (or close what reads the file) "
                        "and run the command again to finish.")
                time.sleep(0.05)
