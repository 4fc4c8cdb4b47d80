"""The user's windows and switches."""

from __future__ import annotations

from flask import Blueprint

from .. import settings as rules
from . import companion
from .payload import invalid, json_body

bp = Blueprint("settings", __name__)


@bp.get("/settings")
def read():
    return companion().store.settings().to_dict()


@bp.put("/settings")
def update():
    store = companion().store
    try:
        merged = rules.merge(store.settings(), json_body())
    except rules.SettingsError as e:
        raise invalid(e.field, str(e)) from None
    return store.save_settings(merged).to_dict()
