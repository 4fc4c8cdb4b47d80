"""`askfirst import linkedin PATH`: your LinkedIn history, so timing works from day one."""

from __future__ import annotations

import json
import sqlite3
import sys
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import TypeVar

import click

from .. import paths
from ..imports import LinkedInExport, NotAnExport
from ..imports.export_files import RESAVED
from ..imports.linkedin import ID_PREFIX
from ..insights import ImportScoring
from ..profiles import ProfileError, normalise
from ..store import NewEvent
from .data import data_dir_option, open_store

EXIT_NOT_AN_EXPORT = 2
CHUNK = 10_000  # events per transaction: memory stays flat, and each commit is one fsync
SHOW_PROBLEMS = 20
# The extension records a message when you press Send, under an id of its own; the export
# has the same message with LinkedIn's time, seconds apart. Counting both would double
# "messages in a row with no reply", so a row this close to a live event is that event.
SAME_MESSAGE_WITHIN = timedelta(minutes=5)

T = TypeVar("T")


class NotImportable(click.ClickException):
    exit_code = EXIT_NOT_AN_EXPORT


@click.group("import")
def import_() -> None:
    """Import your history from another tool's data export."""


@import_.command("linkedin")
@click.argument("path", type=click.Path(path_type=str))
@click.option("--me", "me_url", metavar="PROFILE_URL",
              help="Your own profile URL, if Ask First cannot tell who you are in messages.csv.")
@data_dir_option
def linkedin(path: str, me_url: str | None, data_dir: str | None) -> None:
    """Import a LinkedIn data export: the folder, the .zip, or one of its CSV files.

    Reads Connections.csv, messages.csv and Invitations.csv (Settings -> Data privacy ->
    Get a copy of your data). Importing the same export again, or a newer one that
    overlaps, adds nothing twice. Message text is kept only if you turned on storing text.
    """
    try:
        me = normalise(me_url) if me_url else None
    except ProfileError as e:
        raise click.BadParameter(str(e), param_hint="--me") from None
    try:
        export = LinkedInExport(Path(path), me=me)
    except NotAnExport as e:
        raise NotImportable(f"{e}. Nothing was imported.") from None

    store = open_store(data_dir)
    tz = store.settings().zone()
    contacts_before = store.count("contacts")
    created = duplicates = 0
    with _progress(export.total_bytes) as advance:
        try:
            export.prepare(advance)  # may refuse: before the first write
        except NotAnExport as e:
            raise NotImportable(f"{e}. Nothing was imported.") from None
        live = store.message_times(except_prefix=f"{ID_PREFIX}:")
        scoring = ImportScoring()  # sent messages to score for `askfirst insights`
        rows = (scoring.note(_not_recorded_live(row, live, export.skipped)) for row in export.rows_of_events(advance))
        for chunk in _chunks(rows, CHUNK):
            try:
                added = store.add_events(chunk)
            except sqlite3.Error as e:  # a database another program holds, a full disk
                raise click.ClickException(
                    f"stopped after {created:,} new events: the database could not be written ({e}). "
                    "What was stored is complete; run the same import again to add the rest "
                    "(it adds nothing twice).") from None
            created, duplicates = created + added.created, duplicates + added.duplicates

    contacts = store.count("contacts")
    due = json.loads(store.today_json(datetime.now(tz).date(), tz))["followups"]  # kept for `askfirst today`
    files = ", ".join(f.label for f in export.files)
    click.echo(f"Imported {files}" + (f" (you: {export.me.url})" if export.me else "") + ".")
    click.echo(f"  contacts:  {contacts:,} ({contacts - contacts_before:,} new)")
    click.echo(f"  events:    {created:,} new, {duplicates:,} already there")
    if export.skipped:
        click.echo("  skipped:   " + ", ".join(f"{n:,} {why}" for why, n in export.skipped.most_common()))
    click.echo(f"  malformed: {export.problem_count:,} row{'s' if export.problem_count != 1 else ''} skipped")
    for problem in export.problems[:SHOW_PROBLEMS]:
        click.echo(f"    {problem}")
    if export.problem_count > SHOW_PROBLEMS:
        click.echo(f"    ... and {export.problem_count - SHOW_PROBLEMS:,} more")
    click.echo(f"  follow-ups due today: {len(due):,}" + (" (see `askfirst today`)" if due else ""))
    for reason in export.left_out:
        click.echo(f"  not imported: {reason}")
    if export.date_problems:
        click.echo(f"  Some dates are not in LinkedIn's format: {RESAVED}.")
    from .insights import score_after_import

    if line := score_after_import(store, paths.data_dir(data_dir), scoring.unscored):
        click.echo(line)


def _not_recorded_live(events: Iterable[NewEvent], live: dict[tuple[str, str], list[datetime]],
                       skipped: Counter[str]) -> list[NewEvent]:
    kept = []
    for e in events:
        times = live.get((e.profile.key, e.type))
        if times:
            i = bisect_left(times, e.at - SAME_MESSAGE_WITHIN)
            if i < len(times) and times[i] <= e.at + SAME_MESSAGE_WITHIN:
                skipped["messages the extension had already recorded"] += 1
                continue
        kept.append(e)
    return kept


def _chunks(rows: Iterable[list[T]], size: int) -> Iterator[list[T]]:
    """About `size` items at a time, never splitting one row's items."""
    chunk: list[T] = []
    for row in rows:
        chunk.extend(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class _progress:
    """A progress bar on stderr when it is a terminal; otherwise nothing at all."""

    def __init__(self, length: int) -> None:
        self._bar = (click.progressbar(length=max(length, 1), label="Importing", file=sys.stderr,
                                       show_eta=True, show_percent=True)
                     if sys.stderr.isatty() else None)

    def __enter__(self) -> Callable[[int], None] | None:
        if self._bar is None:
            return None
        bar = self._bar.__enter__()
        return bar.update

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.__exit__(*exc)  # type: ignore[arg-type]
