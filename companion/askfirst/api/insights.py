"""The user's own insights: reply rates by verdict and by "asked about them", weekly trends."""

from __future__ import annotations

import threading
from datetime import datetime
from typing import Any

from flask import Blueprint

from .. import insights
from . import companion

bp = Blueprint("insights", __name__)

# A long history takes a second or more to count; the page asks again on every visit. The
# answer is kept until the data changes (any write raises the store's change count) or the
# hour turns (a message sent 7 days ago moves from "still open" into the rates).
_cache: dict[Any, dict[str, Any]] = {}
_lock = threading.Lock()


@bp.get("/insights")
def show():
    app = companion()
    tz = app.tz()
    now = datetime.now(tz)
    key = (str(app.root), app.store.change_count(), now.strftime("%Y-%m-%dT%H"), str(tz))
    with _lock:
        cached = _cache.get(key)
    if cached is None:
        cached = insights.compute(app.store.insight_rows(), app.store.settings(), now=now, tz=tz)
        with _lock:
            _cache.clear()
            _cache[key] = cached
    return {**cached, "scoring": insights.scoring_status(app.root)}  # read fresh: it moves on its own
