"""Today's follow-ups, and marking one done or snoozed."""

from __future__ import annotations

from datetime import timedelta

from flask import Blueprint, Response, request

from . import companion
from .errors import ApiError
from .payload import day, invalid, json_body

bp = Blueprint("followups", __name__)

MAX_SNOOZE_DAYS = 365


@bp.get("/followups")
def due():
    app = companion()
    date = day(request.args["date"], "date") if "date" in request.args else app.today()
    tz = app.tz()
    change = app.store.change_count()
    body = app.store.today_json(date, tz)
    # The badge may ask every few seconds: an unchanged list answers 304 with no body.
    response = Response(body, mimetype="application/json")
    response.set_etag(f"{date.isoformat()}.{tz}.{change}")
    return response.make_conditional(request)


def _find(followup_id: str):
    app = companion()
    today = app.today()
    for f in app.store.all_followups(today, app.tz()):
        if f.id == followup_id:
            return f, today
    raise ApiError(404, "unknown_followup", "No open follow-up has this id; fetch /followups again.")


@bp.post("/followups/<followup_id>/done")
def done(followup_id: str):
    json_body(optional=True)
    f, _ = _find(followup_id)
    companion().store.mark_followup(f, "done")
    d = f.to_dict()
    d["status"] = "done"
    return {"followup": d}


@bp.post("/followups/<followup_id>/snooze")
def snooze(followup_id: str):
    body = json_body(optional=True)
    f, today = _find(followup_id)
    until = day(body["until"], "until") if body.get("until") is not None else today + timedelta(days=1)
    if not today < until <= today + timedelta(days=MAX_SNOOZE_DAYS):
        raise invalid("until", f"until must be a date after today and at most {MAX_SNOOZE_DAYS} days ahead")
    companion().store.mark_followup(f, "snoozed", until)
    d = f.to_dict()
    d.update(status="snoozed", due=until.isoformat(), overdue=False)
    return {"followup": d}
