"""The companion's SQLite store, one module per responsibility:

    database.py   the file: connections, transactions, schema upgrades, erasing for good
    schema.py     the tables, as the steps that built them
    events.py     storing events, and the per-contact summary kept beside them
    contacts.py   contacts, the timing facts for the analysis, forget and wipe
    settings.py   the user's settings
    followups.py  the contacts today's follow-ups come from, and done/snooze marks
    full.py       `Store`, all of them in one class

`askfirst today` reads through `TodayStore` and never loads the code that stores events
(most of the rest of its start-up); `Store` and the event types load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .contacts import Contacts
from .database import EraseIncomplete, iso
from .followups import FollowupQueries
from .settings import SettingsStore

if TYPE_CHECKING:
    from .events import EVENT_TYPES, AddResult, NewEvent
    from .full import Store


class TodayStore(Contacts, SettingsStore, FollowupQueries):
    """The parts of the store that settings, contacts and today's follow-ups are read through."""


def __getattr__(name: str) -> Any:
    if name == "Store":
        from .full import Store

        return Store
    if name in ("EVENT_TYPES", "AddResult", "NewEvent"):
        from . import events

        return getattr(events, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["EVENT_TYPES", "AddResult", "EraseIncomplete", "NewEvent", "Store", "TodayStore", "iso"]
