"""Follow-ups as an iCalendar file (RFC 5545), for any calendar app: `askfirst today --ics FILE`.

Each follow-up is an all-day event on the day to act: its due date, or today when it is
overdue (a reminder in the past is one nobody sees). The UID is the follow-up's id, so
importing a newer file updates the same entries instead of adding copies. Written with
the standard library: the format needs only escaping, line folding at 75 octets and
CRLF line ends.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, timedelta, timezone

from . import __version__
from .followups import Followup

PRODID = f"-//Ask First//askfirst {__version__}//EN"
MAX_OCTETS = 75  # per line, CRLF excluded (RFC 5545 section 3.1)
_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # CTLs other than HTAB (newlines already escaped)

TITLES = {
    "reply": "Reply to {}",
    "met_follow_up": "Follow up with {}",
    "say_hello": "Say hello to {}",
    "nudge": "Nudge {}",
    "keep_in_touch": "Catch up with {}",
}


def calendar(followups: Iterable[Followup], today: date, stamp: datetime | None = None) -> str:
    """The VCALENDAR text, CRLF line ends, every line folded."""
    stamp = (stamp or datetime.now(timezone.utc)).astimezone(timezone.utc)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
             "X-WR-CALNAME:Ask First follow-ups"]
    for f in followups:
        day = max(f.due, today)
        who = f.contact.name or f.contact.key
        details = [f.reason, f"Try: {f.suggestion}", f.open_url]
        if f.due < today:
            details.insert(0, f"Overdue since {f.due.isoformat()}.")
        lines += [
            "BEGIN:VEVENT",
            f"UID:{f.id}@askfirst",
            f"DTSTAMP:{stamp:%Y%m%dT%H%M%SZ}",
            f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{day + timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{escape(TITLES.get(f.kind, '{}').format(who))}",
            f"DESCRIPTION:{escape(chr(10).join(details))}",
            *([f"URL:{f.open_url}"] if uri_value(f.open_url) else []),  # a URI: checked, not escaped
            f"CATEGORIES:{escape('Ask First')},{escape(f.kind)}",
            "TRANSP:TRANSPARENT",  # a reminder, not a meeting: it does not make you look busy
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def escape(text: str) -> str:
    """A TEXT value (RFC 5545 section 3.3.11): backslash, semicolon, comma and newline
    escaped, and the other control characters the format forbids dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = _FORBIDDEN.sub("", text)
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def uri_value(url: str) -> bool:
    """Whether a URL can be written as a URI value as it is: printable ASCII, no spaces.
    Anything else is left out rather than allowed to start a property of its own."""
    return bool(url) and all("!" <= ch <= "~" for ch in url)


def fold(line: str) -> str:
    """Split a content line into 75-octet pieces joined by CRLF + space, never inside a
    UTF-8 character (RFC 5545 section 3.1)."""
    if len(line.encode("utf-8")) <= MAX_OCTETS:
        return line
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    for ch in line:
        n = len(ch.encode("utf-8"))
        if size + n > MAX_OCTETS:
            pieces.append("".join(current))
            current, size = [ch], 1 + n  # a continuation line starts with the space
        else:
            current.append(ch)
            size += n
    pieces.append("".join(current))
    return "\r\n ".join(pieces)
