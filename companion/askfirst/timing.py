"""What the companion knows about *when*: the timing facts behind the `premature` and
`wait` verdicts, and calendar days in the user's zone (zones.py says which zone that is).

The analysis engine never reads the store; the server (or the CLI) gathers these facts
from stored events and hands them over as a `Timing`. All times are timezone-aware.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from functools import lru_cache

DEFAULT_WAIT_DAYS = 3.0  # after connecting or meeting, before asking for anything
DEFAULT_FOLLOWUP_DAYS = 5.0  # after your own unanswered message, before following up
# Follow-ups on one unanswered message before you stop and wait: your first message plus
# this many nudges. The verdict and the follow-up list both read it through `may_nudge`.
DEFAULT_MAX_NUDGES = 1
MAX_UNANSWERED = DEFAULT_MAX_NUDGES + 1  # messages in a row with no reply: the next one is `wait`


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def may_nudge(unanswered_in_a_row: int, max_nudges: int) -> bool:
    """Whether one more message after `unanswered_in_a_row` unanswered ones is still a
    nudge you may send (your first message plus at most `max_nudges` nudges)."""
    return 1 <= unanswered_in_a_row <= max_nudges


def day_after(t: datetime, days: float, tz: tzinfo) -> date:
    """The local day `days` after `t` by the wall clock: "a week after Saturday 00:30" is
    the next Saturday, whatever daylight-saving change lies between."""
    return (t.astimezone(tz).replace(tzinfo=None) + timedelta(days=days)).date()


def first_day_from(t: datetime, tz: tzinfo) -> date:
    """The first local day that starts at or after `t`."""
    day = t.astimezone(tz).date()
    return day if start_of_day(day, tz) >= t else day + timedelta(days=1)


@lru_cache(maxsize=4096)  # thousands of follow-ups share a few hundred days (scripts/bench_import.py)
def start_of_day(day: date, tz: tzinfo) -> datetime:
    """The first instant of a calendar day in a zone (a connection made "on 30 May")."""
    return datetime.combine(day, time(), tz)


@dataclass(frozen=True)
class Timing:
    now: datetime
    connected_at: datetime | None = None
    met_at: datetime | None = None
    last_sent_at: datetime | None = None
    last_received_at: datetime | None = None
    unanswered_in_a_row: int = 0
    wait_days: float = DEFAULT_WAIT_DAYS
    followup_days: float = DEFAULT_FOLLOWUP_DAYS
    max_nudges: int = DEFAULT_MAX_NUDGES

    @property
    def acquainted_at(self) -> datetime | None:
        """When the relationship started: the later of connecting and meeting."""
        known = [t for t in (self.connected_at, self.met_at) if t is not None]
        return max(known) if known else None

    @property
    def awaiting_reply(self) -> bool:
        """Your last message is newer than anything they sent you."""
        if self.last_sent_at is None:
            return False
        return self.last_received_at is None or self.last_received_at < self.last_sent_at

    @property
    def too_many_unanswered(self) -> bool:
        """You already sent your message and every nudge allowed: the next one is `wait`."""
        return self.unanswered_in_a_row >= 1 and not may_nudge(self.unanswered_in_a_row, self.max_nudges)

    def pitch_wait_until(self) -> datetime | None:
        """Until when asking for something is premature, or None if it is not."""
        start = self.acquainted_at
        if start is None:
            return None
        until = start + timedelta(days=self.wait_days)
        return until if self.now < until else None

    def followup_wait_until(self) -> datetime | None:
        """Until when a follow-up on your own unanswered message comes too soon."""
        if not self.awaiting_reply or self.last_sent_at is None:
            return None
        until = self.last_sent_at + timedelta(days=self.followup_days)
        return until if self.now < until else None

    def to_dict(self) -> dict:
        wait_until = self.pitch_wait_until() or self.followup_wait_until()
        return {
            "connected_at": _iso(self.connected_at),
            "met_at": _iso(self.met_at),
            "last_sent_at": _iso(self.last_sent_at),
            "last_received_at": _iso(self.last_received_at),
            "unanswered_in_a_row": self.unanswered_in_a_row,
            "wait_until": _iso(wait_until),
            "now": _iso(self.now),
        }


def _iso(t: datetime | None) -> str | None:
    return t.isoformat() if t is not None else None
