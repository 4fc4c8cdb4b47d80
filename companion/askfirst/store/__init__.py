"""The companion's SQLite store, one module per responsibility:

    database.py   the file: connections, transactions, schema upgrades, erasing for good
    schema.py     the tables, as the steps that built them
    events.py     storing events, and the per-contact summary kept beside them
    contacts.py   contacts, the timing facts for the analysis, forget and wipe
    settings.py   the user's settings
    followups.py  the contacts today's follow-ups come from, and done/snooze marks
    kept.py       today's follow-ups as kept, read back in one statement
    full.py       `Store`, all of them in one class

Every name here loads on first use: `askfirst today` usually reads the kept answer
(kept.py) and nothing else of the store, and must start quickly.
"""

from __future__ import annotations

TYPE_CHECKING = False  # not imported from typing, which `askfirst today` does not otherwise load
if TYPE_CHECKING:
    from typing import Any

    from .database import EraseIncomplete, iso
    from .events import EVENT_TYPES, AddResult, NewEvent
    from .full import Store

_HOMES = {"Store": "full", "EVENT_TYPES": "events", "AddResult": "events", "NewEvent": "events",
          "EraseIncomplete": "database", "iso": "database"}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        from importlib import import_module

        return getattr(import_module(f".{_HOMES[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["EVENT_TYPES", "AddResult", "EraseIncomplete", "NewEvent", "Store", "iso"]
