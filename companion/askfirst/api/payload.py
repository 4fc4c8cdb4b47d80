"""Reading request bodies and fields: every refusal names the field and says what to fix."""

from __future__ import annotations

import json
import math
import re
from datetime import date, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from flask import current_app, request

from ..followups import FIRST_DAY, LAST_DAY
from ..insights import HOLD_OUTCOMES
from ..profiles import Profile, ProfileError, normalise
from ..store import EVENT_TYPES, NewEvent
from ..timing import utcnow
from .errors import ApiError

MAX_ID_CHARS = 200
MAX_NAME_CHARS = 300
MAX_HEADLINE_CHARS = 1000
MAX_NOTE_CHARS = 20_000
VERDICTS = ("premature", "wait", "pitch_heavy", "ask_first", "ok")
THREAD_HOSTS = ("linkedin.com", "x.com", "twitter.com", "facebook.com", "messenger.com")


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def json_body(optional: bool = False) -> dict[str, Any]:
    raw = request.get_data(cache=True)
    if request.content_length is None and len(raw) >= (current_app.config["MAX_CONTENT_LENGTH"] or len(raw) + 1):
        # A body of unknown length is cut at the limit by Werkzeug; a cut body is never parsed.
        raise ApiError(413, "too_large", "The request body is larger than 64 KiB.")
    if not raw.strip():
        if optional:
            return {}
        raise ApiError(400, "malformed_json", "The request needs a JSON object body.")
    try:
        body = json.loads(raw, parse_constant=_no_constants)
    except (ValueError, RecursionError):
        raise ApiError(400, "malformed_json", "The body is not valid JSON (UTF-8).") from None
    if not isinstance(body, dict):
        raise ApiError(400, "malformed_json", "The body must be a JSON object.")
    return body


def invalid(field: str, message: str) -> ApiError:
    return ApiError(422, "invalid_field", message, field)


# Control characters (and the Unicode line separators) have no place in a name, a place
# or an id, and would break every line-based format the data goes to (ICS, CSV, logs).
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_CONTROL_BUT_LINES = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def text(body: dict, name: str, *, required: bool = False, max_chars: int = MAX_NAME_CHARS,
         prefix: str = "", multiline: bool = False) -> str | None:
    value = body.get(name)
    if value is None:
        if required:
            raise invalid(prefix + name, f"{prefix + name} is required")
        return None
    if not isinstance(value, str):
        raise invalid(prefix + name, f"{prefix + name} must be a string")
    if len(value) > max_chars:
        raise invalid(prefix + name, f"{prefix + name} is longer than {max_chars} characters")
    if (_CONTROL_BUT_LINES if multiline else _CONTROL).search(value):
        raise invalid(prefix + name, f"{prefix + name} must not contain control characters"
                      + ("" if multiline else " or line breaks"))
    return value


def conversation_url(value: str | None) -> str | None:
    """A link to a conversation on one of the supported sites, or None; else 422."""
    if value is None:
        return None
    message = "thread_url must be an https:// link to a LinkedIn, X or Facebook conversation"
    if _CONTROL.search(value) or any(ch.isspace() for ch in value):
        raise invalid("thread_url", message)
    try:
        parts = urlsplit(value)
        host = (parts.hostname or "").lower()
        parts.port  # noqa: B018 - raises for a port that is not a number
    except ValueError:
        raise invalid("thread_url", message) from None
    if (parts.scheme != "https" or parts.username is not None or parts.password is not None
            or not any(host == site or host.endswith("." + site) for site in THREAD_HOSTS)):
        raise invalid("thread_url", message)
    return value


def profile(recipient: Any, prefix: str = "recipient.") -> Profile:
    if not isinstance(recipient, dict):
        raise invalid(prefix.rstrip("."), f'{prefix.rstrip(".")} must be an object with a profile_url')
    url = text(recipient, "profile_url", required=True, max_chars=2048, prefix=prefix)
    try:
        return normalise(url or "")
    except ProfileError as e:
        raise invalid(prefix + "profile_url", str(e)) from None


def when(value: Any, name: str) -> datetime:
    """An ISO 8601 time with a UTC offset, not more than a day in the future."""
    if not isinstance(value, str) or not 10 <= len(value) <= 40:
        raise invalid(name, f"{name} must be an ISO 8601 time with offset, e.g. 2026-11-25T14:30:00+01:00")
    s = value[:-1] + "+00:00" if value[-1] in "zZ" else value
    try:
        t = datetime.fromisoformat(s)
    except ValueError:
        raise invalid(name, f"{name} must be an ISO 8601 time with offset, e.g. 2026-11-25T14:30:00+01:00") from None
    if t.tzinfo is None or t.utcoffset() is None:
        raise invalid(name, f"{name} needs a UTC offset (e.g. +01:00 or Z)")
    if t > utcnow() + timedelta(days=1):
        raise invalid(name, f"{name} lies in the future")
    return t


def day(value: Any, name: str) -> date:
    if not isinstance(value, str) or len(value) != 10:
        raise invalid(name, f"{name} must be a date like 2026-11-25")
    try:
        found = date.fromisoformat(value)
    except ValueError:
        raise invalid(name, f"{name} must be a date like 2026-11-25") from None
    if not FIRST_DAY <= found <= LAST_DAY:
        raise invalid(name, f"{name} must lie between {FIRST_DAY} and {LAST_DAY}")
    return found


def event(body: dict) -> NewEvent:
    event_id = text(body, "id", required=True, max_chars=MAX_ID_CHARS)
    if not event_id or not event_id.isprintable():  # also no line separators
        raise invalid("id", "id must be a non-empty printable string")
    kind = body.get("type")
    if kind not in EVENT_TYPES:
        raise invalid("type", f"type must be one of: {', '.join(EVENT_TYPES)}")
    at = when(body.get("at"), "at")
    recipient = body.get("recipient")
    who = profile(recipient)
    assert isinstance(recipient, dict)
    verdict = body.get("verdict")
    if verdict is not None and verdict not in VERDICTS:
        raise invalid("verdict", f"verdict must be one of: {', '.join(VERDICTS)}")
    score = body.get("score")
    if score is not None and (type(score) not in (int, float) or not math.isfinite(score) or not 0 <= score <= 100):
        raise invalid("score", "score must be a number from 0 to 100")
    asked = body.get("asked")
    if asked is not None and not isinstance(asked, bool):
        raise invalid("asked", "asked must be true or false")
    hold = body.get("hold")
    if hold is not None and (kind != "message_sent" or hold not in HOLD_OUTCOMES):
        raise invalid("hold", f"hold belongs to message_sent events and must be one of: {', '.join(HOLD_OUTCOMES)}")
    thread_url = conversation_url(text(body, "thread_url", max_chars=2048))
    return NewEvent(
        id=event_id, type=kind, at=at, profile=who,
        name=text(recipient, "name", prefix="recipient."),
        headline=text(recipient, "headline", max_chars=MAX_HEADLINE_CHARS, prefix="recipient."),
        site=text(body, "site", max_chars=40),
        verdict=verdict, score=None if score is None else round(score),
        text=text(body, "text", max_chars=20_000, multiline=True),
        thread_url=thread_url,
        place=text(body, "place"),
        note=text(body, "note", max_chars=MAX_NOTE_CHARS, multiline=True),
        asked=asked, hold=hold,
    )
