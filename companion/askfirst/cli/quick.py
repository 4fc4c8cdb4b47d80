"""`askfirst today` and `askfirst today --json` without loading click or the store.

Click takes longer to load than the rest of `askfirst today` together, and today's answer
is kept in the database until something changes. This prints the kept answer the way the
click command would, read with plain sqlite3 (store/kept.py) and written out as the UTF-8
bytes it is stored as. For anything else (other options, nothing kept or kept for another
day, an older database, Windows consoles, output that is not UTF-8, any error) it returns
False and the click command runs, and explains errors, as usual.
"""

from __future__ import annotations

import sys


def today(args: list[str]) -> bool:
    """Answer `askfirst today [--json]` from the kept answer; False: run the click command."""
    if args not in (["today"], ["today", "--json"]) or sys.platform == "win32":
        return False
    as_json = args[1:] == ["--json"]
    out = sys.stdout
    if out is None or not hasattr(out, "buffer"):
        return False  # closed or replaced: click knows what to do
    if not as_json and (out.encoding or "").lower().replace("-", "") != "utf8":
        return False  # ... and what to write in other encodings
    try:
        kept = _kept_answer("body" if as_json else "text")
    except Exception:  # the click command runs it again and reports it properly
        return False
    if kept is None:
        return False
    if not as_json and not out.isatty():
        kept = unstyled(kept)
        if kept is None:
            return False
    out.buffer.write(kept + b"\n")
    out.buffer.flush()
    return True


# The only styles the rendered list has: its headings are bold.
STYLES = (b"\x1b[1m", b"\x1b[0m")


def unstyled(text: bytes) -> bytes | None:
    """`text` without its bold headings' styles, as click.echo writes it to a file or a pipe;
    None if it holds any other escape sequence (a name imported with one, say), which
    click then strips by its own rules."""
    for style in STYLES:
        text = text.replace(style, b"")
    return None if b"\x1b" in text else text


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
        # Settings also check the name against the list of all zones, which takes longer to
        # read than this whole answer. Not needed here: a zone they would not use puts
        # another zone in the key, which finds nothing, and the click command answers.
        tz = zones.user_zone(name if isinstance(name, str) else None)
        answer = kept.kept_answer(conn, column, (datetime.now(tz).date().isoformat(), str(tz)), utf8=True)[1]
    finally:
        conn.close()
    return answer
