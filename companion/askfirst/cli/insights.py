"""`askfirst insights`: how your own messages fared, from your own history."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import click

from .. import insights as compute_insights
from .. import paths
from ..store import Store
from .data import data_dir_option, open_store


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print the insights as JSON (the API's shape).")
@data_dir_option
def insights(as_json: bool, data_dir: str | None) -> None:
    """Reply rates by verdict and by "asked about them", and your last 26 weeks."""
    store = open_store(data_dir)
    settings = store.settings()
    tz = settings.zone()  # weeks run by the user's calendar, as in the panel
    report = compute_insights.compute(store.insight_rows(), settings, now=datetime.now(tz), tz=tz)
    report["scoring"] = compute_insights.scoring_status(paths.data_dir(data_dir))
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False))
        return
    click.echo(render(report))


def _rate_line(r: dict[str, Any], width: int) -> str:
    if not r["messages"]:
        return f"  {r['label']:<{width}}     -   (no messages yet)"
    warn = f"   fewer than {compute_insights.FEW} messages: read with care" if r["few"] else ""
    return f"  {r['label']:<{width}}  {r['percent']:>3}%  ({r['replied']:,} of {r['messages']:,}){warn}"


def render(report: dict[str, Any]) -> str:
    rates = report["reply_rates"]
    rows = [rates["overall"], *rates["by_verdict"], *rates["by_asked"]]
    width = max(len(r["label"]) for r in rows)
    days = report["window_days"]
    lines = [click.style(f"Replies within {days} days to your openers and follow-ups", bold=True)]
    if scoring := report.get("scoring"):
        left = scoring["total"] - scoring["done"]
        how = "still being scored" if scoring["running"] else "not scored yet (the scoring stopped: import again)"
        lines.append(f"  {left:,} of {scoring['total']:,} imported sent messages are {how}; they count as not analysed.")
    if rates["still_open"]:
        lines.append(f"  ({rates['still_open']} sent in the last {days} days are not counted yet)")
    lines.append(_rate_line(rates["overall"], width))
    lines += ["", click.style("By verdict", bold=True), *(_rate_line(r, width) for r in rates["by_verdict"])]
    lines += ["", click.style("By question about them", bold=True), *(_rate_line(r, width) for r in rates["by_asked"])]
    weeks = report["weeks"]
    lines += ["", click.style(f"Week by week (last {len(weeks)} weeks)", bold=True),
              "  week of      sent  median score  asked about them  replies  follow-ups on time  holds (anyway/edited)"]
    for w in weeks:
        median = "-" if w["median_score"] is None else f"{w['median_score']:g}"
        asked = "-" if w["asked_share"] is None else f"{round(100 * w['asked_share'])}% of {w['asked_known']}"
        on_time = f"{w['followups_on_time']} of {w['followups_due']}" if w["followups_due"] else "-"
        holds = f"{w['holds']} ({w['sent_anyway']}/{w['edited']})" if w["holds"] else "-"
        lines.append(f"  {w['start']}  {w['sent']:>4}  {median:>12}  {asked:>16}  {w['replies']:>7}  "
                     f"{on_time:>18}  {holds:>21}")
    return "\n".join(lines)


# -- scoring imported history -----------------------------------------------------------------
#
# Judging a message takes about a millisecond; an export can hold 50,000 sent messages. Up
# to INLINE_LIMIT are scored before `askfirst import` returns; beyond that a child process
# takes the texts on its stdin (they never touch the disk) and scores them in chunks while
# the import returns within its budget, recording its progress in insights.PROGRESS_FILE so
# `askfirst insights` and the API can say what is still being counted.

INLINE_LIMIT = 3_000
SCORE_CHUNK = 500
ALL = "\x00"  # an id prefix no event has: message_times() then returns every message


def score_after_import(store: Store, root: Path, unscored: list[compute_insights.Unscored]) -> str:
    """Score what an import read: here if it is quick, else in a background process."""
    if not unscored:
        return ""
    if len(unscored) <= INLINE_LIMIT:
        # Judged first, written after: the write lock is never held while the engine runs.
        history = store.message_times(except_prefix=ALL)
        n = store.set_scores(list(compute_insights.score(unscored, store.settings(), history)))
        return f"  scored:    {n:,} sent message{'s' if n != 1 else ''} for `askfirst insights`"
    child = subprocess.Popen([sys.executable, "-m", "askfirst.cli.insights", str(root)], stdin=subprocess.PIPE,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    assert child.stdin is not None
    compute_insights.write_progress(root, len(unscored), 0, child.pid)  # counted as pending from this moment
    with child.stdin:
        for u in unscored:
            child.stdin.write(json.dumps([u.id, u.contact, u.text, u.at.isoformat(),
                                          u.connected_at.isoformat() if u.connected_at else None]).encode() + b"\n")
    return (f"  scoring:   {len(unscored):,} sent messages in the background for `askfirst insights` "
            "(it shows how many are still being counted)")


def _score_from_stdin(root: Path) -> None:
    items = []
    for line in sys.stdin.buffer:
        i, contact, text, at, connected = json.loads(line)
        items.append(compute_insights.Unscored(i, contact, text, datetime.fromisoformat(at),
                                               datetime.fromisoformat(connected) if connected else None))
    store = Store(paths.db_path(root))
    settings = store.settings()
    history = store.message_times(except_prefix=ALL)
    done = 0
    compute_insights.write_progress(root, len(items), done)
    for start in range(0, len(items), SCORE_CHUNK):
        chunk = items[start:start + SCORE_CHUNK]
        store.set_scores(list(compute_insights.score(chunk, settings, history)))
        done += len(chunk)
        compute_insights.write_progress(root, len(items), done)


if __name__ == "__main__":
    _score_from_stdin(Path(sys.argv[1]))
