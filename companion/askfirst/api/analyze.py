"""POST /analyze: the draft's verdict, with timing facts for the recipient from the store."""

from __future__ import annotations

from datetime import datetime

from flask import Blueprint

from ..analysis.result import KINDS, MAX_DRAFT_CHARS
from . import companion
from .payload import invalid, json_body, profile, text

bp = Blueprint("analyze", __name__)


@bp.post("/analyze")
def analyze():
    body = json_body()
    draft = body.get("text")
    if not isinstance(draft, str):
        raise invalid("text", "text must be the draft as a string")
    if len(draft) > MAX_DRAFT_CHARS:
        raise invalid("text", f"the draft is longer than {MAX_DRAFT_CHARS:,} characters")
    kind = body.get("kind", "message")
    if kind not in KINDS:
        raise invalid("kind", f"kind must be one of: {', '.join(KINDS)}")
    text(body, "site", max_chars=40)
    recipient, key = None, None
    if body.get("recipient") is not None:
        raw = body["recipient"]
        who = profile(raw) if isinstance(raw, dict) and raw.get("profile_url") is not None else None
        if not isinstance(raw, dict):
            raise invalid("recipient", "recipient must be an object")
        recipient = {
            "profile_url": who.url if who else None,
            "name": text(raw, "name", prefix="recipient."),
            "headline": text(raw, "headline", max_chars=1000, prefix="recipient."),
        }
        key = who.key if who else None

    # Imported here, not at module load: the engine's word lists are not needed to start serving.
    from ..analysis import DraftError
    from ..analysis import analyze as run

    app = companion()
    timing = app.store.timing(key, now=datetime.now(app.tz()))
    try:
        result = run(draft, kind, recipient=recipient, timing=timing)
    except DraftError as e:
        raise invalid(e.field, str(e)) from None
    return result.to_dict()
