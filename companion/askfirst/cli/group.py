"""The `askfirst` command group. Each group of subcommands lives in its own module.

Subcommands are imported only when they run (click's lazy-group pattern), so that
`askfirst check` does not pay for Flask, nor `askfirst serve` for the analysis engine.
"""

from __future__ import annotations

import importlib

import click

from .. import __version__

# name -> "module:attribute", relative to this package
COMMANDS = {
    "check": "check:check",
    "serve": "serve:serve",
    "pair": "pair:pair",
    "today": "data:today",
    "export": "data:export",
    "forget": "data:forget",
    "wipe": "data:wipe",
    "import": "imports:import_",
    "insights": "insights:insights",
    "doctor": "doctor:doctor",
    "service": "service:service",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(COMMANDS))

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in COMMANDS and name not in self.commands:
            module, attribute = COMMANDS[name].split(":")
            command = getattr(importlib.import_module(f"{__package__}.{module}"), attribute)
            self.add_command(command, name)
        return super().get_command(ctx, name)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="askfirst")
def main() -> None:
    """Ask First: warns you before you pitch, tells you who to follow up with."""
