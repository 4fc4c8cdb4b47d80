"""The follow-up engine: who you should write to, and why. Pure: no I/O.

Follow-ups are not stored; they are derived from each contact's summary (when you
connected, met, last wrote, last heard back) every time they are asked for. That is what
makes "a new event that settles one closes it" automatic: once you reply, the `reply`
rule no longer holds. Ids are a hash of the contact, the kind and the event the
follow-up is anchored on, so the same follow-up keeps its id until something new
happens, and done/snooze marks (stored by id) stick to it and to nothing else.

One contact shows at most one follow-up, the most pressing by `KINDS` order. One-off
follow-ups go stale `STALE_DAYS` after they fell due, so importing years of history does
not bury today's list under thousands of ancient reminders.

Speed: after an import a heavy user can have thousands of contacts with something due, and
today's list must come back in well under 50 ms. So the per-contact objects are
plain slotted dataclasses (a frozen dataclass costs ~1 µs more to build, per object) and
the rules run as straight-line code; treat the objects as values all the same.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from .settings import Settings
from .timing import day_after, first_day_from, may_nudge

KINDS = ("reply", "met_follow_up", "say_hello", "nudge", "keep_in_touch")
_RANK = {kind: n for n, kind in enumerate(KINDS)}
STALE_DAYS = 30
# The days a follow-up list can be asked for: the rules look a few months back and a year
# ahead, which the calendar's first and last years cannot hold.
FIRST_DAY, LAST_DAY = date(1970, 1, 1), date(9998, 12, 31)


@dataclass(slots=True)
class ContactSummary:
    """What the store keeps per contact, already folded over all its events."""

    key: str
    profile_url: str
    name: str | None = None
    headline: str | None = None
    connected_at: datetime | None = None
    met_at: datetime | None = None
    met_place: str | None = None
    last_sent_at: datetime | None = None
    last_received_at: datetime | None = None
    unanswered_in_a_row: int = 0
    keep_in_touch_days: int | None = None
    thread_url: str | None = None
    connected_on: date | None = None  # set when only the day is known: then it anchors say_hello

    @property
    def first_name(self) -> str | None:
        parts = (self.name or "").split()
        return parts[0] if parts else None

    @property
    def last_exchange_at(self) -> datetime | None:
        known = [t for t in (self.last_sent_at, self.last_received_at, self.met_at, self.connected_at) if t]
        return max(known) if known else None


@dataclass(frozen=True)
class Mark:
    """A user's decision about one follow-up: done for good, or snoozed until a day."""

    status: str  # "done" | "snoozed"
    until: date | None = None


@dataclass(slots=True)
class Followup:
    id: str
    kind: str
    due: date
    reason: str
    suggestion: str
    contact: ContactSummary
    status: str = "open"  # "open" | "snoozed" | "done"
    today: date | None = None

    @property
    def overdue(self) -> bool:
        return self.today is not None and self.due < self.today

    @property
    def open_url(self) -> str:
        return self.contact.thread_url or self.contact.profile_url

    def to_dict(self) -> dict[str, Any]:
        c = self.contact
        return {
            "id": self.id,
            "kind": self.kind,
            "due": self.due.isoformat(),
            "overdue": self.overdue,
            "days_overdue": (self.today - self.due).days if self.overdue and self.today else 0,
            "status": self.status,
            "reason": self.reason,
            "suggestion": self.suggestion,
            "contact": {"key": c.key, "profile_url": c.profile_url, "name": c.name, "headline": c.headline},
            "open_url": self.open_url,
        }


def followup_id(contact_key: str, kind: str, anchor: datetime | date) -> str:
    raw = f"{contact_key}\x1f{kind}\x1f{anchor.isoformat()}".encode()
    return "fu_" + hashlib.sha256(raw).hexdigest()[:24]


def candidates(c: ContactSummary, settings: Settings, today: date, tz: tzinfo) -> Iterator[Followup]:
    """Every rule that holds for this contact, most pressing first (stale ones dropped).

    These are the only follow-up rules; the store's prefilter is derived from `horizon`.
    Reasons say what is due in plain words; suggestions are openers the user can send as
    they are, in their own voice. A generator: `plan` usually needs only the first.
    """
    first = c.first_name
    hello = f"Hi {first}" if first else "Hi there"
    oldest = today - timedelta(days=STALE_DAYS)  # a one-off follow-up due before this is stale
    sent, received = c.last_sent_at, c.last_received_at

    if received and (sent is None or sent < received):
        day = received.astimezone(tz).date()
        if day >= oldest:
            late = (today - day).days >= 2
            yield Followup(
                followup_id(c.key, "reply", received), "reply", day,
                f"{first or 'They'} wrote {_ago(today, day)} — reply {_when(today, day)}.",
                f"{hello}, thanks for your message{', and sorry for the slow reply' if late else ''}!",
                c, today=today)
    met = c.met_at
    if met and (sent is None or sent < met):
        day = met.astimezone(tz).date()
        if day + timedelta(days=1) >= oldest:
            where = f"at {c.met_place}" if c.met_place else (f"{first} in person" if first else "in person")
            yield Followup(
                followup_id(c.key, "met_follow_up", met), "met_follow_up", day + timedelta(days=1),
                f"You met {where} {_ago(today, day)} — follow up {_when(today, day + timedelta(days=1))}.",
                f"{hello}, it was great to meet you{' at ' + c.met_place if c.met_place else ''}! "
                "What are you working on these days?", c, today=today)
    connected = c.connected_at
    if connected and (sent is None or sent < connected):
        due_day = day_after(connected, settings.say_hello_days, tz)
        if due_day >= oldest:
            yield Followup(
                # A connection day keeps its id in every zone, so a done mark survives travel.
                followup_id(c.key, "say_hello", c.connected_on or connected), "say_hello", due_day,
                f"Connected {_ago(today, connected.astimezone(tz).date())} — say hello "
                f"{_when(today, due_day)} and ask what they are working on. No pitch.",
                f"{hello}, thanks for connecting! What are you working on these days?", c, today=today)
    if sent and (received is None or received < sent) and may_nudge(c.unanswered_in_a_row, settings.max_nudges):
        # Never on a day that starts before the analysis stops calling a follow-up too
        # soon (`followup_days` after your message): the popup and the panel agree.
        due_day = max(day_after(sent, settings.nudge_days, tz),
                      first_day_from(sent + timedelta(days=settings.followup_days), tz))
        if due_day >= oldest:
            last = " It is the last nudge." if c.unanswered_in_a_row == settings.max_nudges else ""
            yield Followup(
                followup_id(c.key, "nudge", sent), "nudge", due_day,
                f"No reply for {_span(today, sent.astimezone(tz).date())} — nudge {_when(today, due_day)} "
                f"with something useful, not a re-pitch.{last}",
                f"{hello}, I know things get busy, so no pressure at all. How are things going on your side?",
                c, today=today)
    awaiting = sent is not None and (received is None or received < sent)
    if c.keep_in_touch_days and (last_at := c.last_exchange_at) and (
            not awaiting or may_nudge(c.unanswered_in_a_row, settings.max_nudges)):
        day = last_at.astimezone(tz).date()
        due_day = day + timedelta(days=c.keep_in_touch_days)
        if awaiting and sent is not None:  # catching up is one more message after yours: same window
            due_day = max(due_day, first_day_from(sent + timedelta(days=settings.followup_days), tz))
        yield Followup(  # a cadence never goes stale
            followup_id(c.key, "keep_in_touch", last_at), "keep_in_touch", due_day,
            f"You last talked {_ago(today, day)} — catch up {_when(today, due_day)}.",
            f"{hello}, it's been a while! How are things going on your side?", c, today=today)


def horizon(settings: Settings, today: date) -> date:
    """No one-off rule holds for a contact whose last activity is older than this local
    day: a rule's anchor is one of the contact's activity times, its follow-up falls due
    at most `window` days after it, and goes stale STALE_DAYS after that. One more day
    covers a stored UTC time whose local date is the day before."""
    window = max(settings.say_hello_days, settings.nudge_days, settings.followup_days, 1.0)
    # Near the first day the calendar has, everything is recent: the earliest day that still
    # has a first instant in any zone.
    back = STALE_DAYS + int(window) + 2
    if today.toordinal() - back <= date.min.toordinal():
        return date.min + timedelta(days=1)
    return today - timedelta(days=back)


def plan(c: ContactSummary, settings: Settings, today: date, tz: tzinfo,
         marks: Mapping[str, Mark] | None = None) -> Followup | None:
    """The one follow-up this contact needs (open or snoozed), or None."""
    marks = marks or {}
    for f in candidates(c, settings, today, tz):
        mark = marks.get(f.id)
        if mark is None:
            return f
        if mark.status == "snoozed" and mark.until is not None:
            if mark.until <= today:
                return _with(f, due=max(f.due, mark.until))
            return _with(f, due=max(f.due, mark.until), status="snoozed")
        # done: this one is settled; a lower-priority rule may still apply
    return None


def due(contacts: Iterable[ContactSummary], settings: Settings, today: date, tz: tzinfo,
        marks: Mapping[str, Mark] | None = None) -> list[Followup]:
    """Today's follow-ups: open, due on or before `today`, overdue first."""
    out = []
    for c in contacts:
        f = plan(c, settings, today, tz, marks)
        if f is not None and f.status == "open" and f.due <= today:
            out.append(f)
    return sorted(out, key=_order)


def everything(contacts: Iterable[ContactSummary], settings: Settings, today: date, tz: tzinfo,
               marks: Mapping[str, Mark] | None = None) -> list[Followup]:
    """Every open or snoozed follow-up, due now or later (for export and look-ups by id)."""
    found = (plan(c, settings, today, tz, marks) for c in contacts)
    return sorted((f for f in found if f is not None), key=_order)


def _order(f: Followup) -> tuple:
    return (f.due, _RANK[f.kind], f.contact.name or "", f.contact.key)


def _with(f: Followup, **changes: Any) -> Followup:
    from dataclasses import replace

    return replace(f, **changes)


def _when(today: date, due: date) -> str:
    if due <= today:
        return "today"
    if due == today + timedelta(days=1):
        return "tomorrow"
    if due < today + timedelta(days=7):
        return f"on {due:%A}"
    return f"on {due:%a} {due.day} {due:%b}"


def _ago(today: date, day: date) -> str:
    n = (today - day).days
    if n <= 0:
        return "today"
    if n == 1:
        return "yesterday"
    return f"{_span(today, day)} ago"


def _span(today: date, day: date) -> str:
    n = max((today - day).days, 0)
    if n == 0:
        return "less than a day"
    if n == 1:
        return "a day"
    if n < 14:
        return "a week" if n == 7 else f"{n} days"
    if n < 60:
        return f"{n // 7} weeks"
    if n < 730:
        return f"{n // 30} months"
    return f"{n // 365} years"
