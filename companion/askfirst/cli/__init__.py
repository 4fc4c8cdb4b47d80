"""The `askfirst` command. Each group of subcommands lives in its own module."""

from __future__ import annotations

import click

from .. import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="askfirst")
def main() -> None:
    """Ask First: warns you before you pitch, tells you who to follow up with."""


def _register() -> None:
    from .check import check

    main.add_command(check)

    from .data import export, forget, today, wipe
    from .pair import pair
    from .serve import serve

    for command in (serve, pair, today, export, forget, wipe):
        main.add_command(command)

    from .imports import import_

    main.add_command(import_)


_register()
