"""Your data: `today`, `export`, `forget`, `wipe`."""

from __future__ import annotations

import json
import sys
from datetime import date, datetime, tzinfo
from functools import cache

import click

from .. import paths
from ..followups import FIRST_DAY, LAST_DAY
from ..store import EraseIncomplete, Store

data_dir_option = click.option(
    "--data-dir", type=click.Path(file_okay=False), envvar="ASKFIRST_DATA_DIR",
    help="Data folder (env ASKFIRST_DATA_DIR; default: your user data folder).")


def open_store(data_dir: str | None) -> Store:
    return Store(paths.db_path(paths.data_dir(data_dir)))


def _local_today(store: Store) -> tuple[date, tzinfo]:
    """Today by the user's calendar: the zone chosen in settings, else the computer's."""
    tz = store.settings().zone()
    return datetime.now(tz).date(), tz


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print the follow-ups as JSON (the API's shape).")
@click.option("--ics", "ics_file", type=click.Path(dir_okay=False, allow_dash=True), metavar="FILE",
              help="Also write them to FILE as an iCalendar file for any calendar app (- for stdout).")
@click.option("--date", "day", type=click.DateTime(["%Y-%m-%d"]), help="Another day than today (YYYY-MM-DD).")
@data_dir_option
def today(as_json: bool, ics_file: str | None, day: datetime | None, data_dir: str | None) -> None:
    """Who to follow up with today: overdue first, then today's."""
    if day and not FIRST_DAY <= day.date() <= LAST_DAY:
        raise click.BadParameter(f"must lie between {FIRST_DAY} and {LAST_DAY}", param_hint="'--date'")
    store = open_store(data_dir)
    local_day, tz = _local_today(store)
    when = day.date() if day else local_day
    if ics_file:
        from .. import ics

        found = store.due_followups(when, tz)
        data = ics.calendar(found, when).encode("utf-8")
        if ics_file == "-":
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
            return
        with open(ics_file, "wb") as f:  # bytes: the CRLF line ends must reach the file as they are
            f.write(data)
        click.echo(f"Wrote {len(found)} follow-up{'s' if len(found) != 1 else ''} to {ics_file}.", err=True)
    if as_json:
        body = store.today_json(when, tz)  # the API's answer, kept until something changes
        sys.stdout.buffer.write(body + b"\n")
        sys.stdout.buffer.flush()
        return
    click.echo(store.today_text(when, tz, lambda body: render_today(json.loads(body), when)))


@cache  # thousands of follow-ups share a few dozen due dates
def _day_label(iso_day: str) -> str:
    return f"{date.fromisoformat(iso_day):%a %d %b}"


def render_today(answer: dict, when: date) -> str:
    """Today's answer as a readable list: Overdue, then Today, each with reason, opener and link."""
    found = answer["followups"]
    if answer["state"] == "no_contacts":
        return ("Nothing imported yet, so no follow-ups. Import your LinkedIn data export: "
                "askfirst import linkedin ~/Downloads/Basic_LinkedInDataExport_....zip")
    if not found:
        return f"No follow-ups due on {when:%a %d %b %Y}. All done."
    today = when.isoformat()
    overdue = [f for f in found if f["due"] < today]
    lines = [f"Follow-ups for {when:%a %d %b %Y}: {len(found)}" + (f" ({len(overdue)} overdue)" if overdue else "")]
    for title, group in (("Overdue", overdue), ("Today", [f for f in found if f["due"] >= today])):
        if not group:
            continue
        lines += ["", click.style(f"{title} ({len(group)})", bold=True)]
        for f in group:
            who = f["contact"]["name"] or f["contact"]["key"]
            since = f", due since {_day_label(f['due'])}" if f["due"] < today else ""
            lines += [
                f"  • {who}: {f['kind'].replace('_', ' ')}{since}",
                f"    {f['reason']}",
                f"    Try: \"{f['suggestion']}\"",
                f"    {f['open_url']}",
            ]
    return "\n".join(lines)


@click.command()
@data_dir_option
def export(data_dir: str | None) -> None:
    """Print all your data as JSON: {"contacts", "events", "followups"}."""
    store = open_store(data_dir)
    when, tz = _local_today(store)
    json.dump(store.export(when, tz), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


@click.command()
@click.argument("profile")
@data_dir_option
def forget(profile: str, data_dir: str | None) -> None:
    """Delete one contact (PROFILE_URL or key such as linkedin:jane-doe) and its events."""
    from ..profiles import ProfileError, normalise, parse_key  # here: `askfirst today` parses no URL

    try:
        key = (parse_key(profile) if "://" not in profile and ":" in profile else normalise(profile)).key
    except ProfileError as e:
        raise click.BadParameter(str(e), param_hint="PROFILE") from None
    try:
        events = open_store(data_dir).forget(key)
    except EraseIncomplete as e:
        click.echo(f"Forgot {key}, but not yet from every file: {e}", err=True)
        sys.exit(3)
    if events < 0:
        click.echo(f"No contact {key}; nothing deleted.")
        sys.exit(1)
    click.echo(f"Forgot {key} and its {events} event{'s' if events != 1 else ''}.")


@click.command()
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@data_dir_option
def wipe(yes: bool, data_dir: str | None) -> None:
    """Delete all contacts, events, follow-up marks and settings."""
    store = open_store(data_dir)
    if not yes:
        click.confirm(f"Delete all {store.count('contacts')} contacts and {store.count('events')} events "
                      f"in {store.path.parent}?", abort=True)
    try:
        store.wipe()
    except EraseIncomplete as e:
        click.echo(f"Deleted everything, but not yet from every file: {e}", err=True)
        sys.exit(3)
    click.echo("Deleted all contacts, events, follow-up marks and settings. The extension stays paired.")
