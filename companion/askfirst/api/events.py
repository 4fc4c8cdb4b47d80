"""POST /events: what happened with whom (idempotent by the client's id)."""

from __future__ import annotations

from flask import Blueprint

from . import companion, payload

bp = Blueprint("events", __name__)


@bp.post("/events")
def add_event():
    event = payload.event(payload.json_body())
    created, stored = companion().store.add_event(event)
    return {"created": created, "event": stored}, 201 if created else 200
