"""`askfirst today` and `askfirst today --json` without loading click or the store.

Click takes longer to load than the rest of `askfirst today` together, and today's answer
is kept in the database until something changes. This prints the kept answer the way the
click command would, read with plain sqlite3 (store/kept.py) and written out as the UTF-8
bytes it is stored as; for anything else (other options, nothing kept or kept for another
day, an older database, Windows consoles, output that is not UTF-8, any error) it returns False and the click
command runs, and explains errors, as usual.
"""

from __future__ import annotations

import sys


def today(args: list[str]) -> bool:
    """Answer `askfirst today [--json]` from the kept answer; False: run the click command."""
    if args not in (["today"], ["today", "--json"]) or sys.platform == "win32":
        return False
    as_json = args[1:] == ["--json"]
    if not as_json and sys.stdout.encoding.lower().replace("-", "") != "utf8":
        return False  # click knows what to write to other encodings
    try:
        kept = _kept_answer("body" if as_json else "text")
    except Exception:  # the click command runs it again and reports it properly
        return False
    if kept is None:
        return False
    if not as_json and not sys.stdout.isatty():
        kept = unstyled(kept)
    sys.stdout.buffer.write(kept + b"\n")
    sys.stdout.buffer.flush()
    return True


def unstyled(text: bytes) -> bytes:
    """`text` without its terminal styles (ESC [ parameters letter), as click.echo writes
    styled text to a file or a pipe. Faster than a regular expression, whose module alone
    takes longer to import than this whole answer takes to read."""
    first, *rest = text.split(b"\x1b[")
    return first + b"".join(part.lstrip(b"0123456789;?")[1:] for part in rest)


def _kept_answer(column: str) -> bytes | None:
    """Today's kept answer from the data folder (UTF-8), or None if none is current."""
    import os
    import sqlite3
    from datetime import datetime

    from .. import paths, zones
    from ..store import kept

    db = os.path.join(paths.data_dir_name(), paths.DB_NAME)
    if not os.path.isfile(db):  # not even created yet: the click command sets it up
        return None
    conn = sqlite3.connect(db)
    try:
        if not kept.is_current(conn):
            return None
        name = kept.stored_zone_name(conn)
        tz = zones.user_zone(name if zones.valid_zone_name(name) else None)  # as Settings reads it
        answer = kept.kept_answer(conn, column, (datetime.now(tz).date().isoformat(), str(tz)), utf8=True)[1]
    finally:
        conn.close()
    return answer
