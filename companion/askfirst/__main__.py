"""`python -m askfirst` is the `askfirst` command."""

from .cli import run

run()
