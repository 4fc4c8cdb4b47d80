"""The user's own insights: reply rates by verdict and by "asked about them", weekly trends."""

from __future__ import annotations

from datetime import datetime

from flask import Blueprint

from .. import insights
from ..cli.insights import scoring_status
from . import companion

bp = Blueprint("insights", __name__)


@bp.get("/insights")
def show():
    app = companion()
    tz = app.tz()
    report = insights.compute(app.store.insight_rows(), app.store.settings(), now=datetime.now(tz), tz=tz)
    report["scoring"] = scoring_status(app.root)
    return report
