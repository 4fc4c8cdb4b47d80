"""`askfirst doctor`: what is wrong when the panel does not appear, and the command that fixes it.

The checks run in the order a problem blocks the next: the companion answers on its port
(and is Ask First, not another program), the extension is paired, where the token is kept
(the keyring backend), the data folder and its database, the schema version, and when the
extension was last heard from. Nothing is changed: the database is opened read-only.
"""

from __future__ import annotations

import http.client
import json
import os
import sqlite3
import sys
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path

import click

from .. import __version__
from ..app import DEFAULT_PORT


@dataclass
class Check:
    name: str
    ok: bool
    detail: str
    fix: str | None = None


def _resolve_data_dir(explicit: str | None) -> Path:
    """The data folder the companion would use, without creating it."""
    chosen = explicit or os.environ.get("ASKFIRST_DATA_DIR")
    if not chosen:
        import platformdirs

        chosen = platformdirs.user_data_dir("askfirst")
    return Path(chosen).expanduser().resolve()


def _flags(port: int, data_dir: str | None) -> str:
    """The options that point a command at the same companion as this doctor run."""
    out = "" if port == DEFAULT_PORT else f" --port {port}"
    return out + (f" --data-dir {data_dir}" if data_dir else "")


def _health(port: int) -> tuple[str, dict | None]:
    """("down" | "other" | "ours", the health answer when ours)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        conn.request("GET", "/api/v1/health", headers={"Host": f"127.0.0.1:{port}", "Accept": "application/json"})
        response = conn.getresponse()
        body = response.read(65536)
        server = response.getheader("Server", "")
    except ConnectionRefusedError:
        return "down", None
    except (OSError, http.client.HTTPException):
        return "other", None  # something listens but does not speak our HTTP
    finally:
        conn.close()
    try:
        answer = json.loads(body)
    except ValueError:
        return "other", None
    if server == "askfirst" and isinstance(answer, dict) and answer.get("status") == "ok" and "paired" in answer:
        return "ours", answer
    return "other", None


def _ago(then: datetime, now: datetime) -> str:
    seconds = max(0, int((now - then).total_seconds()))
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size:
            n = seconds // size
            return f"{n} {unit}{'s' if n != 1 else ''} ago"
    return "just now"


def run_checks(port: int, data_dir: str | None, now: datetime | None = None) -> list[Check]:
    now = now or datetime.now(timezone.utc)
    flags = _flags(port, data_dir)
    checks: list[Check] = []
    serve = f"askfirst serve{flags}   (or, to start it with your computer: askfirst service install{flags})"

    # 1. The companion on its port.
    state, health = _health(port)
    if state == "down":
        checks.append(Check("companion", False, f"nothing answers on http://127.0.0.1:{port}", serve))
    elif state == "other":
        other = port + 9 if port < 65500 else 8740
        checks.append(Check(
            "companion", False, f"another program answers on port {port}: it is not the Ask First companion",
            f"stop that program, or run the companion on another port: askfirst serve --port {other}"
            f"{_flags(DEFAULT_PORT, data_dir)} and type {other} into the extension's options, field "
            "\"Companion port\""))
    else:
        assert health is not None
        version = health.get("version")
        note = "" if version == __version__ else f" (this askfirst is {__version__}: restart it to run the same)"
        checks.append(Check("companion", True, f"Ask First {version} answers on http://127.0.0.1:{port}{note}"))

    # 2. Pairing: what the data folder holds, and what the running companion says.
    root = _resolve_data_dir(data_dir)
    pair = (f"askfirst pair{flags}, then type the code into the extension's options (\"Pairing code\", Pair)")
    token_error = None
    paired_here = False
    if root.is_dir():
        from ..pairing import Pairing
        from ..tokenstore import TokenFileError, TokenStore

        try:
            paired_here = Pairing(root, TokenStore(root)).paired
        except TokenFileError as e:
            token_error = str(e)
    if token_error:
        checks.append(Check("pairing", False, token_error, f"delete it, then {pair}"))
    elif health is not None and not health.get("paired"):
        checks.append(Check("pairing", False, "the companion is not paired with the extension", pair))
    elif not paired_here:
        checks.append(Check("pairing", False, f"no pairing token in {root}", pair))
    else:
        checks.append(Check("pairing", True, "paired with the extension"))

    # 3. Where the token is kept.
    import keyring

    from ..tokenstore import keyring_is_trusted

    backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    if keyring_is_trusted(backend):
        checks.append(Check("keyring", True, f"the token is kept in the OS keyring ({name})"))
    else:
        checks.append(Check("keyring", True, f"no usable OS keyring ({name}): the token is kept in "
                                             f"{root / 'secrets' / 'token'}, readable by you only"))

    # 4. The data folder and the database.
    from ..paths import db_path

    db = db_path(root)
    schema: int | None = None
    if not root.is_dir():
        checks.append(Check("data folder", False, f"{root} does not exist yet (the companion creates it)", serve))
    elif root.stat().st_mode & 0o077:
        checks.append(Check("data folder", False, f"{root} can be read by other users", f"chmod 700 {root}"))
    elif not db.exists():
        checks.append(Check("data folder", False, f"{root} holds no database yet (the companion creates it)", serve))
    else:
        try:
            conn = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True, timeout=5)
            try:
                integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
                schema = conn.execute("PRAGMA user_version").fetchone()[0]
            finally:
                conn.close()
        except sqlite3.Error as e:
            integrity = str(e)
        if integrity == "ok":
            checks.append(Check("data folder", True, f"{root}; database integrity ok"))
        else:
            checks.append(Check(
                "data folder", False, f"the database {db} is damaged: {integrity}",
                f"keep what can be read (askfirst export{flags} > askfirst-export.json), move {db} aside, and "
                f"start the companion again ({serve.split('   ')[0]})"))

    # 5. The schema version.
    expected = len(_migrations())
    if schema is None:
        checks.append(Check("schema", False, "no database to read a schema version from", serve))
    elif schema == expected:
        checks.append(Check("schema", True, f"version {schema}, the current one"))
    elif schema < expected:
        checks.append(Check("schema", False, f"version {schema}; this askfirst upgrades it to {expected} when it starts",
                            f"restart the companion: {serve.split('   ')[0]}"))
    else:
        checks.append(Check("schema", False, f"version {schema} is newer than this askfirst ({__version__}) knows "
                                             f"({expected})", "install the newer Ask First again (scripts/start.sh)"))

    # 6. The extension.
    from ..pairing import extension_last_seen

    seen = extension_last_seen(root) if root.is_dir() else None
    if seen is None:
        checks.append(Check("extension", False, "never heard from the extension",
                            f"load the extension (README, 'Five minutes to your first warning'), pair it, and make "
                            f"sure its options say \"Companion port\" {port}"))
    else:
        checks.append(Check("extension", True, f"last heard from {_ago(seen, now)} ({seen.isoformat()})"))
    return checks


def _migrations() -> list:
    from .. import store

    found = getattr(store, "MIGRATIONS", None)
    if found is None:  # the store split into modules keeps them in its schema module
        from importlib import import_module

        found = import_module(f"{store.__name__}.schema").MIGRATIONS
    return list(found)


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print the checks as JSON.")
@click.option("--port", type=click.IntRange(1, 65535), default=DEFAULT_PORT, envvar="ASKFIRST_PORT",
              show_default=True, help="The companion's port (env ASKFIRST_PORT).")
@click.option("--data-dir", type=click.Path(file_okay=False), envvar="ASKFIRST_DATA_DIR",
              help="Data folder (env ASKFIRST_DATA_DIR; default: your user data folder).")
def doctor(as_json: bool, port: int, data_dir: str | None) -> None:
    """Check the companion, pairing, keyring, data and extension; say how to fix each problem.

    Exit status 0 when all is well, 1 otherwise.
    """
    checks = run_checks(port, data_dir)
    well = all(c.ok for c in checks)
    if as_json:
        click.echo(json.dumps({"ok": well, "checks": [asdict(c) for c in checks]}, indent=2))
    else:
        width = max(len(c.name) for c in checks)
        for c in checks:
            click.echo(f"{'ok ' if c.ok else 'NO '} {c.name:<{width}}  {c.detail}")
            if c.fix:
                click.echo(f"    {'':<{width}}  fix: {c.fix}")
        click.echo("All is well." if well else "Something needs fixing (see 'fix:' above).")
    sys.exit(0 if well else 1)
