"""The companion's Flask app (factory pattern): `create_app()` builds a ready app.

Everything a request needs lives on one `Companion` object in `app.extensions`:
the store, the pairing state and the clock. Serving is `cli/serve.py`'s job.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from pathlib import Path

from flask import Flask

from . import api, guard, paths
from .pairing import Pairing
from .store import Store
from .tokenstore import TokenStore

DEFAULT_PORT = 8731


@dataclass
class Companion:
    root: Path
    store: Store
    pairing: Pairing
    port: int
    zone: tzinfo | None = None  # fixed by tests; otherwise the user's zone from settings

    def tz(self) -> tzinfo:
        """The user's zone: the one chosen in settings, else the computer's (IANA)."""
        return self.zone or self.store.settings().zone()

    def today(self) -> date:
        """The user's local date: follow-ups fall due by the calendar on their wall."""
        return datetime.now(self.tz()).date()


def create_app(data_dir: str | os.PathLike[str] | None = None, *, port: int = DEFAULT_PORT,
               tz: tzinfo | None = None) -> Flask:
    root = paths.data_dir(data_dir)
    app = Flask("askfirst")
    app.config.update(PROPAGATE_EXCEPTIONS=False, TRUSTED_HOSTS=None)
    app.json.sort_keys = False  # type: ignore[attr-defined]
    pairing = Pairing(root, TokenStore(root))
    app.extensions["askfirst"] = Companion(
        root=root, store=Store(paths.db_path(root)), pairing=pairing, port=port,
        zone=tz,
    )
    api.register(app)
    guard.install(app, pairing, port)
    return app
