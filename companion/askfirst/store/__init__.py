"""The companion's SQLite store, one module per responsibility:

    database.py   the file: connections, transactions, schema upgrades, erasing for good
    schema.py     the tables, as the steps that built them
    events.py     storing events, and the per-contact summary kept beside them
    contacts.py   contacts, the timing facts for the analysis, forget and wipe
    settings.py   the user's settings
    followups.py  the contacts today's follow-ups come from, and done/snooze marks
"""

from __future__ import annotations

from pathlib import Path

from .contacts import Contacts
from .database import EraseIncomplete, iso
from .events import EVENT_TYPES, AddResult, Events, NewEvent
from .followups import FollowupQueries
from .settings import SettingsStore


class Store(Events, Contacts, SettingsStore, FollowupQueries):
    """Everything the companion keeps, in one SQLite file. Safe to share between threads."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)


__all__ = ["EVENT_TYPES", "AddResult", "EraseIncomplete", "NewEvent", "Store", "iso"]
