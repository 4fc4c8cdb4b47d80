"""The `askfirst` command (see group.py for its subcommands).

`askfirst today` is asked many times a day, by hand and by scripts, and the answer is
usually kept in the database already; loading click alone would take most of the time it
may take. So `run`, the console script, prints a kept answer without loading click
(quick.py), and hands everything else, and anything unusual, to the click command `main`.
"""

from __future__ import annotations

import sys

# Not `from typing import ...`: importing typing alone costs `askfirst today` a tenth of
# its time budget, and type checkers read this constant as typing's.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def run() -> None:
    """The `askfirst` console script."""
    from . import quick

    if not quick.today(sys.argv[1:]):
        from .group import main

        main()


def __getattr__(name: str) -> Any:
    if name == "main":  # the click command group, loaded on first use
        from .group import main

        return main
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
