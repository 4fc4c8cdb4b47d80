"""The small CRM: contacts, one contact with its events and follow-ups, its cadence."""

from __future__ import annotations

from flask import Blueprint, request

from ..profiles import ProfileError, parse_key
from . import companion
from .errors import ApiError
from .payload import invalid, json_body

bp = Blueprint("contacts", __name__)

MAX_PAGE = 5000


def _int_arg(name: str, default: int, top: int) -> int:
    raw = request.args.get(name)
    if raw is None:
        return default
    if not raw.isdigit() or int(raw) > top:
        raise invalid(name, f"{name} must be a whole number from 0 to {top}")
    return int(raw)


@bp.get("/contacts")
def contacts():
    limit = _int_arg("limit", MAX_PAGE, MAX_PAGE)
    offset = _int_arg("offset", 0, 10**9)
    return {"contacts": companion().store.contacts(limit=limit, offset=offset)}


def _contact_key(key: str) -> str:
    try:
        return parse_key(key).key
    except ProfileError:
        raise ApiError(404, "unknown_contact", "No contact has this key (e.g. linkedin:jane-doe-123).") from None


@bp.get("/contacts/<path:key>")
def contact(key: str):
    app = companion()
    key = _contact_key(key)
    found = app.store.contact(key)
    if found is None:
        raise ApiError(404, "unknown_contact", "No contact has this key (e.g. linkedin:jane-doe-123).")
    return {
        "contact": found,
        "events": app.store.events(key),
        "followups": [f.to_dict() for f in app.store.all_followups(app.today(), app.tz(), key)],
    }


@bp.put("/contacts/<path:key>")
def update_contact(key: str):
    body = json_body()
    key = _contact_key(key)
    unknown = set(body) - {"keep_in_touch_days"}
    if unknown:
        raise invalid(min(unknown), "only keep_in_touch_days can be changed")
    days = body.get("keep_in_touch_days")
    if days is not None and (type(days) is not int or not 1 <= days <= 3650):
        raise invalid("keep_in_touch_days", "keep_in_touch_days must be a whole number of days (1-3650) or null")
    found = companion().store.set_keep_in_touch(key, days)
    if found is None:
        raise ApiError(404, "unknown_contact", "No contact has this key (e.g. linkedin:jane-doe-123).")
    return {"contact": found}
