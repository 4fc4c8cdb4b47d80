"""The user's time zone: an IANA zone (`zoneinfo`), the system's unless the user chose
another in settings.

A fixed UTC offset is never used as "local": across a daylight-saving change it puts
"today", "overdue since" and "wait until" a day off. This module imports no more than it
needs: `askfirst today` reads the zone on its quick path (cli/quick.py).
"""

from __future__ import annotations

import os
from datetime import timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

MAX_ZONE_NAME = 64


def system_zone() -> tzinfo:
    """The computer's IANA zone (honours `TZ`); UTC when the system names none."""
    name = _zone_name_from_links()
    if name:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            pass
    try:
        import tzlocal

        return tzlocal.get_localzone()
    except (ImportError, LookupError, ValueError, OSError):  # no zone the system can name: UTC
        return timezone.utc


def _zone_name_from_links() -> str | None:
    """The zone named by `TZ` or by the /etc/localtime link, where the system has them.

    tzlocal answers this everywhere (Windows too) but importing it costs ~10 ms, a fifth of
    what `askfirst today` may take (scripts/bench_import.py), so the common case is read here."""
    tz = os.environ.get("TZ", "").lstrip(":")
    if not tz:
        try:
            tz = os.readlink("/etc/localtime")  # one system call: this runs on every request
        except OSError:  # not a link (or no such file): tzlocal knows the other ways
            return None
    if "/zoneinfo/" in tz:
        tz = tz.rsplit("/zoneinfo/", 1)[1]
    return tz if tz and not tz.startswith("/") else None


def user_zone(name: str | None) -> tzinfo:
    """The zone the user chose in settings, or the system's."""
    if name:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            pass
    return system_zone()


def is_zone_name(name: str) -> bool:
    if name in ("UTC",):
        return True
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return name in available_timezones()


def valid_zone_name(value: object) -> bool:
    """Whether a settings value names a zone the user may choose (None is the system's)."""
    return isinstance(value, str) and len(value) <= MAX_ZONE_NAME and is_zone_name(value)
