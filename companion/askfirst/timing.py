"""What the companion knows about *when*: the timing facts behind `premature` and `wait`.

The analysis engine never reads the store; the server (or the CLI) gathers these facts
from stored events and hands them over as a `Timing`. All times are timezone-aware.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

DEFAULT_WAIT_DAYS = 3.0  # after connecting or meeting, before asking for anything
DEFAULT_FOLLOWUP_DAYS = 5.0  # after your own unanswered message, before following up
MAX_UNANSWERED = 2  # this many messages in a row with no reply: stop and wait


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


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
