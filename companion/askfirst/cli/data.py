"""Your data: `today`, `export`, `forget`, `wipe`."""

from __future__ import annotations

import json
import sys
from datetime import date, datetime

import click

from .. import paths
from ..profiles import ProfileError, normalise, parse_key
from ..store import Store

data_dir_option = click.option(
    "--data-dir", type=click.Path(file_okay=False), envvar="ASKFIRST_DATA_DIR",
    help="Data folder (env ASKFIRST_DATA_DIR; default: your user data folder).")


def open_store(data_dir: str | None) -> Store:
    return Store(paths.db_path(paths.data_dir(data_dir)))


def _local_today() -> tuple[date, object]:
    now = datetime.now().astimezone()
    return now.date(), now.tzinfo


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print the follow-ups as JSON (the API's shape).")
@click.option("--date", "day", type=click.DateTime(["%Y-%m-%d"]), help="Another day than today (YYYY-MM-DD).")
@data_dir_option
def today(as_json: bool, day: datetime | None, data_dir: str | None) -> None:
    """Who to follow up with today, overdue first."""
    local_day, tz = _local_today()
    when = day.date() if day else local_day
    found = open_store(data_dir).due_followups(when, tz)  # type: ignore[arg-type]
    if as_json:
        click.echo(json.dumps({"date": when.isoformat(), "count": len(found),
                               "followups": [f.to_dict() for f in found]}, ensure_ascii=False, indent=2))
        return
    if not found:
        click.echo(f"No follow-ups due on {when.isoformat()}.")
        return
    click.echo(f"Follow-ups due on {when.isoformat()}: {len(found)}")
    for f in found:
        who = f.contact.name or f.contact.key
        flag = "overdue " if f.overdue else ""
        click.echo(f"\n* {who}: {f.kind.replace('_', ' ')} ({flag}due {f.due.isoformat()})")
        click.echo(f"  {f.reason}")
        click.echo(f"  Try: {f.suggestion}")
        click.echo(f"  {f.open_url}")


@click.command()
@data_dir_option
def export(data_dir: str | None) -> None:
    """Print all your data as JSON: {"contacts", "events", "followups"}."""
    when, tz = _local_today()
    json.dump(open_store(data_dir).export(when, tz), sys.stdout, ensure_ascii=False, indent=2)  # type: ignore[arg-type]
    sys.stdout.write("\n")


@click.command()
@click.argument("profile")
@data_dir_option
def forget(profile: str, data_dir: str | None) -> None:
    """Delete one contact (PROFILE_URL or key such as linkedin:jane-doe) and its events."""
    try:
        key = (parse_key(profile) if "://" not in profile and ":" in profile else normalise(profile)).key
    except ProfileError as e:
        raise click.BadParameter(str(e), param_hint="PROFILE") from None
    events = open_store(data_dir).forget(key)
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
    store.wipe()
    click.echo("Deleted all contacts, events, follow-up marks and settings. The extension stays paired.")
