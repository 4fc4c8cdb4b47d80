"""`Store`: every part of the store in one class (see __init__.py)."""

from __future__ import annotations

from pathlib import Path

from .contacts import Contacts
from .events import Events
from .followups import FollowupQueries
from .settings import SettingsStore


class Store(Events, Contacts, SettingsStore, FollowupQueries):
    """Everything the companion keeps, in one SQLite file. Safe to share between threads."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
