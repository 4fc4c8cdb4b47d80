"""`askfirst serve`: the API on 127.0.0.1, served by waitress (never the Werkzeug debugger)."""

from __future__ import annotations

import ipaddress
import sys
import threading

import click

from ..app import DEFAULT_PORT

LOOPBACK_NAMES = {"localhost": "127.0.0.1"}


def loopback_host(host: str) -> str:
    """The host to bind, or ValueError if it is not a loopback address."""
    host = LOOPBACK_NAMES.get(host.lower(), host)
    try:
        if ipaddress.ip_address(host.strip("[]")).is_loopback:
            return host.strip("[]")
    except ValueError:
        pass
    raise ValueError(f"refusing to listen on {host!r}: the companion only serves on 127.0.0.1 or ::1")


def _warm_up(companion) -> None:
    # The analysis engine loads word lists and textstat's dictionary, and today's list
    # reads every recent contact; doing both in the background keeps start-up fast and
    # spares the first typist (and the popup's first look) the wait.
    try:
        from ..analysis import analyze

        analyze("Hi, how are you?")
        companion.store.due_followups(companion.today(), companion.tz())
    except Exception:
        pass


def bind(app, host: str, port: int, threads: int = 8):
    """A waitress server listening on host:port (OSError if the port is taken); .run() serves."""
    from waitress.server import create_server

    from ..guard import MAX_BODY_BYTES

    return create_server(
        app,
        host=loopback_host(host),
        port=port,
        threads=threads,
        max_request_body_size=MAX_BODY_BYTES,
        channel_request_lookahead=0,  # CVE-2024-49768
        expose_tracebacks=False,
        clear_untrusted_proxy_headers=True,
        ident="askfirst",
    )


@click.command()
@click.option("--port", type=click.IntRange(1, 65535), default=DEFAULT_PORT, envvar="ASKFIRST_PORT",
              show_default=True, help="Port on 127.0.0.1 (env ASKFIRST_PORT).")
@click.option("--data-dir", type=click.Path(file_okay=False), envvar="ASKFIRST_DATA_DIR",
              help="Data folder (env ASKFIRST_DATA_DIR; default: your user data folder).")
@click.option("--host", default="127.0.0.1", hidden=True)
@click.option("--threads", type=click.IntRange(1, 64), default=8, hidden=True)
def serve(port: int, data_dir: str | None, host: str, threads: int) -> None:
    """Serve the API for the extension on 127.0.0.1 (default port 8731)."""
    try:
        host = loopback_host(host)
    except ValueError as e:
        raise click.UsageError(str(e)) from None
    from ..app import create_app

    app = create_app(data_dir, port=port)
    companion = app.extensions["askfirst"]
    shown = f"[{host}]" if ":" in host else host
    # Listen first, so nothing says "running" when the port is taken.
    try:
        server = bind(app, host, port, threads)
    except OSError as e:
        raise click.ClickException(
            f"cannot listen on {shown}:{port} ({e.strerror or e}): another program (or the companion) uses it. "
            f"Pick another port, e.g. `askfirst serve --port {port + 9 if port < 65500 else 8740}`, and type the same "
            "number into the extension's options, field \"Companion port\".") from None
    click.echo(f"Ask First companion on http://{shown}:{port}/api/v1  (data: {companion.root})")
    if companion.pairing.paired:
        click.echo("Paired with the extension. To pair again, run `askfirst pair`.")
    else:
        click.echo("Not paired yet: run `askfirst pair` in another terminal and type the code into the "
                   "extension's options page.")
    click.echo("Press Ctrl+C to stop.")
    sys.stdout.flush()
    threading.Thread(target=_warm_up, args=(companion,), name="askfirst-warm-up", daemon=True).start()
    # Requests are short (about a millisecond of Python each): switching threads every
    # millisecond instead of every 5 keeps one request from queueing behind another's slice.
    sys.setswitchinterval(0.001)
    server.run()
