"""The HTTP API under /api/v1: one blueprint per resource, each route thin."""

from __future__ import annotations

from typing import TYPE_CHECKING

from flask import Flask, current_app

if TYPE_CHECKING:
    from ..app import Companion


def companion() -> Companion:
    return current_app.extensions["askfirst"]


def register(app: Flask) -> None:
    from . import analyze, contacts, errors, events, followups, health, insights, settings

    errors.register(app)
    for module in (health, analyze, events, followups, contacts, settings, insights):
        app.register_blueprint(module.bp, url_prefix="/api/v1")
