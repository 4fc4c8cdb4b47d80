"""`askfirst today` and `askfirst today --json` without loading click.

Click takes longer to load than the rest of `askfirst today` together, and today's answer
is kept in the database until something changes. This prints the kept answer the way the
click command would; for anything else (other options, no kept text yet, Windows consoles,
any error) it returns False and the click command runs, and explains errors, as usual.
"""

from __future__ import annotations

import re
import sys

# What click.echo strips from styled text when the output is not a terminal.
_STYLES = re.compile(r"\033\[[;?0-9]*[a-zA-Z]")


def today(args: list[str]) -> bool:
    """Answer `askfirst today [--json]` from the kept answer; False: run the click command."""
    if args not in (["today"], ["today", "--json"]) or sys.platform == "win32":
        return False
    as_json = args[1:] == ["--json"]
    try:
        from datetime import datetime

        from .. import paths
        from ..store import TodayStore

        store = TodayStore(paths.db_path(paths.data_dir()))
        try:
            tz = store.settings().zone()
            day = datetime.now(tz).date()
            kept = store.today_json(day, tz) if as_json else store.kept_today_text(day, tz)
        finally:
            store.close()
    except Exception:  # the click command runs it again and reports it properly
        return False
    if kept is None:
        return False
    if isinstance(kept, bytes):
        sys.stdout.buffer.write(kept + b"\n")
        sys.stdout.buffer.flush()
        return True
    sys.stdout.write((kept if sys.stdout.isatty() else _STYLES.sub("", kept)) + "\n")
    sys.stdout.flush()
    return True
