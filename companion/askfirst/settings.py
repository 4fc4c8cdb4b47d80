"""The user's windows and switches: defaults, validation, partial updates.

Settings are plain data; the store persists them. Every one that changes a verdict or a
follow-up reaches both engines: the store builds `Timing` and runs the follow-up rules
from the same `Settings`. `merge()` is the one place that decides
whether a `PUT /settings` body is acceptable, so the API and any CLI share the rules.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field, replace
from datetime import tzinfo
from typing import Any

from .sites import SITES
from .timing import DEFAULT_FOLLOWUP_DAYS, DEFAULT_MAX_NUDGES, DEFAULT_WAIT_DAYS
from .zones import user_zone, valid_zone_name

MAX_DAYS = 365


class SettingsError(ValueError):
    def __init__(self, message: str, field: str) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class Settings:
    wait_days: float = DEFAULT_WAIT_DAYS
    followup_days: float = DEFAULT_FOLLOWUP_DAYS
    say_hello_days: float = 2
    nudge_days: float = 7
    max_nudges: int = DEFAULT_MAX_NUDGES
    store_text: bool = False
    time_zone: str | None = None  # an IANA name such as Europe/Berlin; None: the computer's zone
    sites: dict[str, bool] = field(default_factory=lambda: {s: True for s in SITES})

    def zone(self) -> tzinfo:
        """The user's zone: the one chosen here, else the computer's."""
        return user_zone(self.time_zone)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        for k in ("wait_days", "followup_days", "say_hello_days", "nudge_days"):
            d[k] = _plain_number(d[k])
        return d

    @classmethod
    def from_dict(cls, stored: dict[str, Any]) -> Settings:
        """Stored values over the defaults; anything invalid in storage is ignored."""
        settings = cls()
        for key, value in stored.items():
            try:
                settings = merge(settings, {key: value})
            except SettingsError:
                continue
        return settings


def merge(current: Settings, update: Any) -> Settings:
    """`current` with the fields of `update` (a partial settings dict) applied."""
    if not isinstance(update, dict):
        raise SettingsError("settings must be a JSON object", "body")
    changes: dict[str, Any] = {}
    for key, value in update.items():
        if key in ("wait_days", "followup_days", "say_hello_days", "nudge_days"):
            changes[key] = _days(value, key)
        elif key == "max_nudges":
            if type(value) is not int or not 0 <= value <= 10:
                raise SettingsError("max_nudges must be a whole number from 0 to 10", key)
            changes[key] = value
        elif key == "store_text":
            if type(value) is not bool:
                raise SettingsError("store_text must be true or false", key)
            changes[key] = value
        elif key == "time_zone":
            if value is not None and not valid_zone_name(value):
                raise SettingsError("time_zone must be an IANA zone name such as Europe/Berlin, or null for "
                                    "the computer's zone", key)
            changes[key] = value
        elif key == "sites":
            if not isinstance(value, dict):
                raise SettingsError('sites must be an object such as {"linkedin": true}', key)
            sites = dict(current.sites)
            for site, on in value.items():
                if site not in SITES:
                    raise SettingsError(f"unknown site {site!r}; known: {', '.join(SITES)}", f"sites.{site}")
                if type(on) is not bool:
                    raise SettingsError(f"sites.{site} must be true or false", f"sites.{site}")
                sites[site] = on
            changes[key] = sites
        else:
            raise SettingsError(f"unknown setting {key!r}", str(key))
    return replace(current, **changes)


def _days(value: Any, name: str) -> float:
    if type(value) not in (int, float) or not math.isfinite(value) or not 0 <= value <= MAX_DAYS:
        raise SettingsError(f"{name} must be a number of days from 0 to {MAX_DAYS}", name)
    return float(value)


def _plain_number(x: float) -> int | float:
    return int(x) if float(x).is_integer() else x
