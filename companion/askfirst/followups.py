"""The follow-up engine (SPEC §3): who you should write to, and why. Pure: no I/O.

Follow-ups are not stored; they are derived from each contact's summary (when you
connected, met, last wrote, last heard back) every time they are asked for. That is what
makes "a new event that settles one closes it" automatic: once you reply, the `reply`
rule no longer holds. Ids are a hash of the contact, the kind and the event the
follow-up is anchored on, so the same follow-up keeps its id until something new
happens, and done/snooze marks (stored by id) stick to it and to nothing else.

One contact shows at most one follow-up, the most pressing by `KINDS` order. One-off
follow-ups go stale `STALE_DAYS` after they fell due, so importing years of history does
not bury today's list under thousands of ancient reminders.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import Any, Iterable, Mapping

from .settings import Settings

KINDS = ("reply", "met_follow_up", "say_hello", "nudge", "keep_in_touch")
STALE_DAYS = 30


@dataclass(frozen=True)
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


@dataclass(frozen=True)
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
            "status": self.status,
            "reason": self.reason,
            "suggestion": self.suggestion,
            "contact": {"key": c.key, "profile_url": c.profile_url, "name": c.name, "headline": c.headline},
            "open_url": self.open_url,
        }


def followup_id(contact_key: str, kind: str, anchor: datetime) -> str:
    raw = f"{contact_key}\x1f{kind}\x1f{anchor.isoformat()}".encode()
    return "fu_" + hashlib.sha256(raw).hexdigest()[:24]


def candidates(c: ContactSummary, settings: Settings, today: date, tz: tzinfo) -> list[Followup]:
    """Every rule that holds for this contact, most pressing first (stale ones dropped)."""
    def local(t: datetime) -> date:
        return t.astimezone(tz).date()

    first = c.first_name
    hello = f"Hi {first}" if first else "Hi there"
    found: list[Followup] = []

    def add(kind: str, anchor: datetime, due: date, reason: str, suggestion: str, stale: bool = True) -> None:
        if stale and (today - due).days > STALE_DAYS:
            return
        found.append(Followup(followup_id(c.key, kind, anchor), kind, due, reason, suggestion, c, today=today))

    sent, received = c.last_sent_at, c.last_received_at
    if received and (sent is None or sent < received):
        who = first or "They"
        add("reply", received, local(received),
            f"{who} wrote to you {_ago(today, local(received))}.",
            f"{hello}, thanks for your message! Answer what they asked before you bring up anything of your own.")
    if c.met_at and (sent is None or sent < c.met_at):
        where = f"at {c.met_place}" if c.met_place else (f"{first} in person" if first else "in person")
        add("met_follow_up", c.met_at, local(c.met_at) + timedelta(days=1),
            f"You met {where} {_ago(today, local(c.met_at))}.",
            f"{hello}, it was great to meet you{' at ' + c.met_place if c.met_place else ''}! "
            "What are you working on these days?")
    if c.connected_at and (sent is None or sent < c.connected_at):
        add("say_hello", c.connected_at, local(c.connected_at + timedelta(days=settings.say_hello_days)),
            f"Connected {_ago(today, local(c.connected_at))}. Say hello and ask what they are working on. No pitch.",
            f"{hello}, thanks for connecting! What are you working on these days?")
    if sent and (received is None or received < sent) and 1 <= c.unanswered_in_a_row <= settings.max_nudges:
        last = " This is the last nudge." if c.unanswered_in_a_row == settings.max_nudges else ""
        add("nudge", sent, local(sent + timedelta(days=settings.nudge_days)),
            f"No reply for {_span(today, local(sent))}. Add something useful, don't re-pitch.{last}",
            f"{hello}, I came across something you might find useful: …")
    if c.keep_in_touch_days and c.last_exchange_at:
        last_at = c.last_exchange_at
        add("keep_in_touch", last_at, local(last_at) + timedelta(days=c.keep_in_touch_days),
            f"You last talked {_ago(today, local(last_at))}.",
            f"{hello}, it's been a while! How are things going on your side?", stale=False)
    return found


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
    return (f.due, KINDS.index(f.kind), f.contact.name or "", f.contact.key)


def _with(f: Followup, **changes: Any) -> Followup:
    from dataclasses import replace

    return replace(f, **changes)


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
