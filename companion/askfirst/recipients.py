"""What the local CRM knows about one recipient, for `askfirst check --to`."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from .paths import data_dir, db_path
from .profiles import normalise
from .store import Store
from .timing import Timing
from .zones import system_zone


def timing_for_profile(profile_url: str, explicit_dir: str | None = None) -> tuple[dict[str, Any], Timing]:
    """(recipient, timing) for a profile URL. Raises ValueError for a URL that is not a profile."""
    profile = normalise(profile_url)
    recipient: dict[str, Any] = {"profile_url": profile.url, "name": None, "headline": None}
    path = db_path(data_dir(explicit_dir))
    if not path.exists():  # nobody imported or paired yet: no history, and nothing to create
        return recipient, Timing(now=datetime.now(system_zone()))
    store = Store(path)
    try:
        contact = store.contact(profile.key) or {}
        recipient.update(name=contact.get("name"), headline=contact.get("headline"))
        return recipient, store.timing(profile.key)  # now, in the user's zone
    finally:
        store.close()
