"""`askfirst pair`: a one-time code that the running companion exchanges for a token."""

from __future__ import annotations

import json

import click

from .. import paths
from ..pairing import CODE_TTL, new_code


@click.command()
@click.option("--json", "as_json", is_flag=True, help='Print {"code", "expires_at"} as JSON.')
@click.option("--data-dir", type=click.Path(file_okay=False), envvar="ASKFIRST_DATA_DIR",
              help="Data folder of the running companion (env ASKFIRST_DATA_DIR).")
def pair(as_json: bool, data_dir: str | None) -> None:
    """Print a one-time pairing code (valid 10 minutes) for the extension."""
    code = new_code(paths.data_dir(data_dir))
    if as_json:
        click.echo(json.dumps({"code": code.code, "expires_at": code.expires_at.isoformat()}))
        return
    local = code.expires_at.astimezone().strftime("%H:%M")
    click.echo(f"Pairing code: {code.code}")
    click.echo(f"Type it into the Ask First extension's options page within {int(CODE_TTL.total_seconds() // 60)} "
               f"minutes (until {local}). It works once; pairing again replaces the old token.")
