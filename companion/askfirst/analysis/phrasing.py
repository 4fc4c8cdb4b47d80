"""Plain-English phrasing for findings: durations, dates, and questions to ask the reader."""

from __future__ import annotations

import re
from datetime import datetime

_HEADLINE_SPLIT = re.compile(r"\s+(?:at|@|with|for)\s+|\s*[|•·,–—-]\s+", re.IGNORECASE)


def ago(then: datetime, now: datetime) -> str:
    """'5 minutes ago', 'yesterday', '3 days ago'."""
    seconds = max(0.0, (now - then).total_seconds())
    if seconds < 90:
        return "just now"
    minutes = round(seconds / 60)
    if minutes < 60:
        return f"{minutes} minutes ago"
    hours = round(seconds / 3600)
    if hours < 24:
        return "an hour ago" if hours == 1 else f"{hours} hours ago"
    days = (now.date() - then.astimezone(now.tzinfo).date()).days
    if days <= 1:
        return "yesterday"
    if days < 14:
        return f"{days} days ago"
    weeks = round(days / 7)
    if days < 60:
        return f"{weeks} weeks ago"
    return f"{round(days / 30)} months ago"


def weekday_phrase(then: datetime, now: datetime) -> str:
    """'today', 'yesterday', 'on Tuesday' (this week) or 'on Nov 3'."""
    then = then.astimezone(now.tzinfo)
    days = (now.date() - then.date()).days
    if days == 0:
        return "today"
    if days == 1:
        return "yesterday"
    if days < 7:
        return f"on {then:%A}"
    return f"on {then:%b} {then.day}"


def until_phrase(until: datetime, now: datetime) -> str:
    """'tomorrow', 'Sunday' (within a week) or 'Sunday, Dec 7'."""
    until = until.astimezone(now.tzinfo)
    days = (until.date() - now.date()).days
    if days <= 0:
        return f"later today ({until:%H:%M})"
    if days == 1:
        return "tomorrow"
    if days < 7:
        return f"{until:%A}"
    return f"{until:%A}, {until:%b} {until.day}"


def first_name(recipient: dict | None) -> str | None:
    name = (recipient or {}).get("name")
    if not isinstance(name, str) or not name.strip():
        return None
    return name.strip().split()[0]


def role_and_company(headline: str | None) -> tuple[str | None, str | None]:
    """'VP Operations at Fleetwise | Speaker' -> ('VP Operations', 'Fleetwise')."""
    if not isinstance(headline, str) or not headline.strip():
        return None, None
    text = headline.strip()
    m = re.search(r"\s(?:at|@)\s+([^|•·,]+)", text, re.IGNORECASE)
    company = m.group(1).strip() if m else None
    role = _HEADLINE_SPLIT.split(text)[0].strip() or None
    if company and role and company.lower() == role.lower():
        role = None
    return role, company


_SENIORITY = frozenset(
    "vp svp evp avp head director senior sr sr. lead principal staff chief junior jr associate "
    "assistant global regional group of the".split()
)
_FOUNDERS = frozenset("founder co-founder cofounder owner ceo".split())


def questions_about(recipient: dict | None) -> list[str]:
    """Two or three questions about the reader, as specific as what we know of them."""
    role, company = role_and_company((recipient or {}).get("headline"))
    name = first_name(recipient)
    hi = f"{name}, " if name else ""
    out: list[str] = []
    if company:
        out.append(f"{hi}what are you most focused on at {company} right now?")
    else:
        out.append(f"{hi}what are you working on these days?")
    field = _field_of(role)
    role_words = set((role or "").lower().replace("&", " ").split())
    if company and role_words & _FOUNDERS:
        out.append(f"What made you start {company}?")
    elif field:
        out.append(f"What got you into {field}?")
    else:
        out.append("What got you into your line of work?")
    out.append("What's the hardest part of your job at the moment?" if company else
               "What's the most interesting problem on your plate at the moment?")
    return [q[0].upper() + q[1:] for q in out]


def _field_of(role: str | None) -> str | None:
    """'VP Operations' -> 'operations'; 'Head of Talent' -> 'talent'; 'CTO' -> None."""
    if not role:
        return None
    words = [w for w in role.split() if w.lower().strip(".,") not in _SENIORITY]
    # Drop the job noun at the end ("Product Manager" -> "product"), keep the field.
    while words and words[-1].lower() in {"manager", "officer", "specialist", "partner", "lead", "owner"}:
        words.pop()
    if not words or all(w.isupper() and len(w) <= 4 for w in words):
        return None
    return " ".join(w if w.isupper() else w.lower() for w in words)


def quote_list(quotes: list[str], limit: int = 3) -> str:
    seen: list[str] = []
    for q in quotes:
        q = " ".join(q.split())
        if q.lower() not in (s.lower() for s in seen):
            seen.append(q)
    shown = ", ".join(f"“{q}”" for q in seen[:limit])
    return shown + (" …" if len(seen) > limit else "")
