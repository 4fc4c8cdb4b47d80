"""The user's own evidence: how their messages fared, from their own history. Pure: no I/O.

    report = insights.compute(store.events(), settings, now=now, tz=tz)

Reply rates count your *openers and follow-ups*: messages you sent when the other person
had not written last (a first message, or another one after your own). Answers to a
message of theirs are left out: almost everyone replies to a reply, so counting those
would hide the difference a pitch makes. A message counts as answered when they wrote
back within 7 days; a message younger than 7 days is not counted yet ("still open").

Every rate carries the counts behind it, and a rate resting on fewer than 20 messages is
flagged as too few to read much into.

Week by week (Monday to Sunday, local time, the last 26 weeks): messages sent, their
median pitch score, the share that asked about the other person, replies received,
follow-ups that fell due and how many you did on time, and send-time holds with what you
did next. A follow-up is replayed from the events with the follow-up rules (say hello
after connecting, follow up after meeting, reply when they wrote, nudge after silence);
it was done on time when you wrote to them by the end of the day it was due.
"""

from __future__ import annotations

import json
import os
import statistics
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any, NamedTuple

from .settings import Settings
from .store import NewEvent
from .timing import Timing, day_after, first_day_from, may_nudge, start_of_day

REPLY_WINDOW = timedelta(days=7)
WEEKS = 26
FEW = 20  # a rate on fewer messages than this is shown with a warning

VERDICT_LABELS = {
    "premature": "Too soon to pitch",
    "wait": "Followed up too soon",
    "pitch_heavy": "Reads like a pitch",
    "ask_first": "Asks without asking about them",
    "ok": "Looks good",
    None: "Not analysed",
}
ASKED_LABELS = {True: "Asked a question about them", False: "No question about them", None: "Not analysed"}
HOLD_OUTCOMES = ("sent_anyway", "edited")


@dataclass(frozen=True)
class Rate:
    key: str
    label: str
    messages: int
    replied: int

    @property
    def rate(self) -> float | None:
        return self.replied / self.messages if self.messages else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key, "label": self.label, "messages": self.messages, "replied": self.replied,
            "rate": self.rate, "percent": None if self.rate is None else round(100 * self.rate),
            "few": self.messages < FEW,
        }


@dataclass
class _Week:
    start: date
    sent: int = 0
    scores: list[int] | None = None
    asked: int = 0
    asked_known: int = 0
    replies: int = 0
    followups_due: int = 0
    followups_on_time: int = 0
    holds: int = 0
    sent_anyway: int = 0
    edited: int = 0

    def to_dict(self) -> dict[str, Any]:
        scores = self.scores or []
        return {
            "start": self.start.isoformat(),
            "sent": self.sent,
            "median_score": statistics.median(scores) if scores else None,
            "scored": len(scores),
            "asked": self.asked,
            "asked_known": self.asked_known,
            "asked_share": self.asked / self.asked_known if self.asked_known else None,
            "replies": self.replies,
            "followups_due": self.followups_due,
            "followups_on_time": self.followups_on_time,
            "holds": self.holds,
            "sent_anyway": self.sent_anyway,
            "edited": self.edited,
        }


class Row(NamedTuple):
    """One event as insights need it (the store hands these over without building dicts)."""

    contact: str
    type: str
    at: str | datetime
    verdict: str | None = None
    score: int | None = None
    asked: bool | int | None = None
    hold: str | None = None
    day: str | None = None  # the calendar day of a connection known by day only


def rows_from_events(events: Iterable[Mapping[str, Any]]) -> Iterator[Row]:
    """Rows from event dicts shaped like the store's and the API's."""
    for e in events:
        r = e.get("recipient") or {}
        yield Row(str(r.get("key") or r.get("profile_url")), e["type"], e["at"], e.get("verdict"), e.get("score"),
                  e.get("asked"), e.get("hold"), e.get("day"))


def compute(rows: Iterable[Row | tuple], settings: Settings, *, now: datetime, tz: tzinfo,
            weeks: int = WEEKS) -> dict[str, Any]:
    """Reply rates and weekly trends over `rows` (Row or plain tuples in Row's order)."""
    # Per contact: (time, type, verdict, score, asked, hold), plain tuples (100,000+ rows).
    by_contact: dict[str, list[tuple]] = defaultdict(list)
    parse = datetime.fromisoformat
    for contact, kind, at, verdict, score, asked_, hold, *day in rows:
        if kind in _COUNTED:
            if kind == "connected" and day and day[0]:
                # Known by day only: its start in the user's zone, as the follow-up list anchors it.
                t = start_of_day(date.fromisoformat(str(day[0])), tz)
            else:
                t = at if isinstance(at, datetime) else parse(at)
            by_contact[contact].append((t, kind, verdict, score, asked_, hold))

    today = now.astimezone(tz).date()
    first_week = _monday(today) - timedelta(weeks=weeks - 1)
    week_rows = [_Week(first_week + timedelta(weeks=n), scores=[]) for n in range(weeks)]
    # Anything a day or more before the first week's Monday (in any zone) is in no week.
    horizon = datetime.combine(first_week, datetime.min.time(), tz) - timedelta(days=1)

    def week_of(t: datetime | date) -> _Week | None:
        if isinstance(t, datetime):
            if t < horizon:
                return None
            t = t.astimezone(tz).date()
        n = (t - first_week).days // 7
        return week_rows[n] if 0 <= n < weeks else None

    verdicts: dict[str | None, list[int]] = {v: [0, 0] for v in VERDICT_LABELS}
    asked: dict[bool | None, list[int]] = {a: [0, 0] for a in ASKED_LABELS}
    overall = [0, 0]
    still_open = 0

    for timeline in by_contact.values():
        timeline.sort(key=_in_order)
        received = [e[0] for e in timeline if e[1] == "message_received"]
        last_message: str | None = None  # type of the previous message in the conversation
        for t, kind, verdict, score, was_asked, hold in timeline:
            if kind == "message_received":
                if w := week_of(t):
                    w.replies += 1
                last_message = kind
                continue
            if kind != "message_sent":
                continue
            if w := week_of(t):
                w.sent += 1
                if score is not None and w.scores is not None:
                    w.scores.append(int(score))
                if was_asked is not None:
                    w.asked_known += 1
                    w.asked += bool(was_asked)
                if hold in HOLD_OUTCOMES:
                    w.holds += 1
                    if hold == "sent_anyway":
                        w.sent_anyway += 1
                    else:
                        w.edited += 1
            opener = last_message != "message_received"
            last_message = kind
            if not opener:
                continue
            if t + REPLY_WINDOW > now:
                still_open += 1
                continue
            i = bisect_right(received, t)
            replied = i < len(received) and received[i] <= t + REPLY_WINDOW
            key = verdict if verdict in VERDICT_LABELS else None
            for bucket in (verdicts[key], asked[None if was_asked is None else bool(was_asked)], overall):
                bucket[0] += 1
                bucket[1] += replied
        for due_day, on_time in _followups(timeline, settings, tz, today):
            if w := week_of(due_day):
                w.followups_due += 1
                w.followups_on_time += on_time

    def rates(table: Mapping[Any, list[int]], labels: Mapping[Any, str]) -> list[dict[str, Any]]:
        return [Rate("none" if k is None else str(k).lower(), labels[k], n, r).to_dict()
                for k, (n, r) in table.items() if n or k is not None]

    return {
        "generated_at": now.isoformat(),
        "window_days": REPLY_WINDOW.days,
        "few": FEW,
        "reply_rates": {
            "overall": Rate("all", "All your openers and follow-ups", *overall).to_dict(),
            "by_verdict": rates(verdicts, VERDICT_LABELS),
            "by_asked": rates(asked, ASKED_LABELS),
            "still_open": still_open,
        },
        "weeks": [w.to_dict() for w in week_rows],
    }


_COUNTED = frozenset(("connected", "met", "message_sent", "message_received"))


def _in_order(e: tuple) -> tuple:
    # Time order; at the very same instant, their message comes before yours.
    return (e[0], e[1] != "message_received")


def _followups(timeline: list[tuple], settings: Settings, tz: tzinfo,
               today: date) -> Iterable[tuple[date, bool]]:
    """(due day, done on time) for each follow-up this contact's history called for."""
    open_: list[tuple[str, date]] = []  # (kind, due day) waiting for you to write
    unanswered = 0

    # Due days as the popup computes them (followups.candidates): calendar days in the
    # user's zone, and a nudge never before the analysis stops calling it too soon.
    def day(t: datetime) -> date:
        return t.astimezone(tz).date()

    for t, kind, *_ in timeline:
        if kind == "message_sent":
            for _, due in open_:
                yield due, day(t) <= due
            open_ = []
            unanswered += 1
            if may_nudge(unanswered, settings.max_nudges):
                open_.append(("nudge", max(day_after(t, settings.nudge_days, tz),
                                           first_day_from(t + timedelta(days=settings.followup_days), tz))))
        elif kind == "message_received":
            unanswered = 0
            open_ = [f for f in open_ if f[0] not in ("nudge", "reply")]  # they answered: no nudge
            open_.append(("reply", day(t)))
        elif kind == "connected":
            open_.append(("say_hello", day_after(t, settings.say_hello_days, tz)))
        elif kind == "met":
            open_.append(("met_follow_up", day(t) + timedelta(days=1)))
    for _, due in open_:
        if due < today:  # fell due and passed with nothing sent
            yield due, False


@dataclass(frozen=True)
class Unscored:
    """A sent message read from an import, waiting to be scored (its text only in memory)."""

    id: str
    contact: str
    text: str
    at: datetime
    connected_at: datetime | None


class ImportScoring:
    """Notes each sent message with text and no verdict as an import's events go by.

    When you connected is noted as the events stream by (connections come before
    messages); the rest of the timing comes from the stored history when they are scored.
    """

    def __init__(self) -> None:
        self.unscored: list[Unscored] = []
        self.connected: dict[str, datetime] = {}

    def note(self, events: list[NewEvent]) -> list[NewEvent]:
        for e in events:
            if e.type == "connected":
                self.connected[e.profile.key] = e.at
            elif e.type == "message_sent" and e.text and e.verdict is None:
                self.unscored.append(Unscored(e.id, e.profile.key, e.text, e.at, self.connected.get(e.profile.key)))
        return events


History = Mapping[tuple[str, str], list[datetime]]  # (contact, message type) -> sorted times


def timing_at(u: Unscored, history: History, settings: Settings) -> Timing:
    """What the companion would have known when this message was sent: when you connected,
    your last message and theirs before it, and how many of yours were still unanswered.
    So an imported pitch days after connecting is `premature`, a nudge too soon is `wait`."""
    sent = history.get((u.contact, "message_sent"), [])
    received = history.get((u.contact, "message_received"), [])
    i = bisect_left(sent, u.at)
    j = bisect_left(received, u.at)
    last_received = received[j - 1] if j else None
    unanswered = i - (bisect_right(sent, last_received) if last_received else 0)
    return Timing(now=u.at, connected_at=u.connected_at, last_sent_at=sent[i - 1] if i else None,
                  last_received_at=last_received, unanswered_in_a_row=max(unanswered, 0),
                  wait_days=settings.wait_days, followup_days=settings.followup_days,
                  max_nudges=settings.max_nudges)


def score(items: Iterable[Unscored], settings: Settings,
          history: History | None = None) -> Iterator[tuple[str, str, int, bool | None]]:
    """(event id, verdict, score, asked about them) for each message that can be judged."""
    from .analysis import DraftError, analyze

    for u in items:
        try:
            result = analyze(u.text, "message", timing=timing_at(u, history or {}, settings))
        except DraftError:
            continue
        about = result.metrics.get("questions_about_them")
        yield u.id, result.verdict, result.score, None if about is None else about > 0


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


# -- progress of the background scoring of imported history -----------------------------------
#
# `askfirst import` scores a large history in a child process that records how far it got
# here, so `askfirst insights` and the API can say what is still being counted.

PROGRESS_FILE = "insights-scoring.json"


def progress_path(root: Path) -> Path:
    return Path(root) / PROGRESS_FILE


def scoring_status(root: Path) -> dict[str, Any] | None:
    """{"total", "done", "running"} of the last background scoring, or None when all is counted."""
    try:
        state = json.loads(progress_path(root).read_text())
        total, done, pid = int(state["total"]), int(state["done"]), int(state["pid"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if done >= total:
        return None
    return {"total": total, "done": done, "running": _alive(pid)}


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def write_progress(root: Path, total: int, done: int, pid: int | None = None) -> None:
    path = progress_path(root)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({"total": total, "done": done, "pid": pid or os.getpid()}))
    os.replace(tmp, path)
