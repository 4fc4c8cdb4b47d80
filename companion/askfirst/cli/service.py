"""`askfirst service install | uninstall | status`: the companion starts when you log in.

One per-user service, with your port and data folder, in each system's own way:
a systemd user unit on Linux (~/.config/systemd/user/askfirst.service), a launchd agent
on macOS (~/Library/LaunchAgents/org.askfirst.companion.plist), a logon task on Windows
(Task Scheduler, "Ask First"). The service runs `askfirst serve` from this installation
and is restarted if it stops. Installing twice changes nothing; uninstalling removes
exactly what install wrote. `--dry-run` prints what would be written and run.
"""

from __future__ import annotations

import os
import plistlib
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import click

from ..app import DEFAULT_PORT

UNIT_NAME = "askfirst.service"
AGENT_LABEL = "org.askfirst.companion"
TASK_NAME = "Ask First"


@dataclass
class Plan:
    """What installing means on one system: a file to write and commands to run."""

    system: str
    path: Path | None
    content: str
    install: list[list[str]] = field(default_factory=list)  # after writing the file; the last one starts it
    uninstall: list[list[str]] = field(default_factory=list)  # before removing the file
    removed: list[list[str]] = field(default_factory=list)  # after removing it
    status: list[list[str]] = field(default_factory=list)


def serve_command(port: int, data_dir: Path) -> list[str]:
    """`askfirst serve` of this very installation, with absolute paths."""
    script = Path(sys.executable).with_name("askfirst.exe" if os.name == "nt" else "askfirst")
    start = [str(script)] if script.exists() else [sys.executable, "-m", "askfirst"]
    return [*start, "serve", "--port", str(port), "--data-dir", str(data_dir)]


def _systemd_quote(arg: str) -> str:
    if arg and all(c.isalnum() or c in "/._-=:+," for c in arg):
        return arg
    # systemd expands %specifiers and $VARIABLES even inside quotes: both are doubled.
    escaped = arg.replace("\\", "\\\\").replace('"', '\\"').replace("%", "%%").replace("$", "$$")
    return '"' + escaped + '"'


def systemd_plan(port: int, data_dir: Path, home: Path) -> Plan:
    config = Path(os.environ.get("XDG_CONFIG_HOME") or home / ".config")
    path = config / "systemd" / "user" / UNIT_NAME
    command = " ".join(_systemd_quote(a) for a in serve_command(port, data_dir))
    content = f"""[Unit]
Description=Ask First companion (local coach for the messages you write)

[Service]
Type=simple
ExecStart={command}
Environment=PYTHONUNBUFFERED=1
Restart=on-failure
RestartSec=5

[Install]
WantedBy=default.target
"""
    ctl = ["systemctl", "--user"]
    return Plan(
        "systemd", path, content,
        # `enable` works without a running session (it only links the unit); starting needs one.
        install=[[*ctl, "daemon-reload"], [*ctl, "enable", UNIT_NAME], [*ctl, "restart", UNIT_NAME]],
        uninstall=[[*ctl, "stop", UNIT_NAME], [*ctl, "disable", UNIT_NAME]],
        removed=[[*ctl, "daemon-reload"]],
        status=[[*ctl, "is-enabled", UNIT_NAME], [*ctl, "is-active", UNIT_NAME]],
    )


def launchd_plan(port: int, data_dir: Path, home: Path) -> Plan:
    path = home / "Library" / "LaunchAgents" / f"{AGENT_LABEL}.plist"
    logs = data_dir / "logs"
    content = plistlib.dumps({
        "Label": AGENT_LABEL,
        "ProgramArguments": serve_command(port, data_dir),
        "RunAtLoad": True,
        "KeepAlive": {"SuccessfulExit": False},  # restarted if it stops on an error
        "EnvironmentVariables": {"PYTHONUNBUFFERED": "1"},
        "StandardOutPath": str(logs / "companion.log"),
        "StandardErrorPath": str(logs / "companion.log"),
        "ProcessType": "Background",
    }).decode()
    uid = os.getuid() if hasattr(os, "getuid") else 0
    return Plan(
        "launchd", path, content,
        install=[["launchctl", "bootout", f"gui/{uid}/{AGENT_LABEL}"],  # reload an older copy; fails if none
                 ["launchctl", "bootstrap", f"gui/{uid}", str(path)]],
        uninstall=[["launchctl", "bootout", f"gui/{uid}/{AGENT_LABEL}"]],
        status=[["launchctl", "print", f"gui/{uid}/{AGENT_LABEL}"]],
    )


def windows_plan(port: int, data_dir: Path, home: Path) -> Plan:
    command = subprocess.list2cmdline(serve_command(port, data_dir))
    return Plan(
        "windows", None, command,
        install=[["schtasks", "/Create", "/F", "/TN", TASK_NAME, "/SC", "ONLOGON", "/RL", "LIMITED", "/TR", command],
                 ["schtasks", "/Run", "/TN", TASK_NAME]],
        uninstall=[["schtasks", "/End", "/TN", TASK_NAME], ["schtasks", "/Delete", "/F", "/TN", TASK_NAME]],
        status=[["schtasks", "/Query", "/TN", TASK_NAME]],
    )


PLANS = {"linux": systemd_plan, "macos": launchd_plan, "windows": windows_plan}


def this_system() -> str:
    if sys.platform == "darwin":
        return "macos"
    if sys.platform.startswith("win"):
        return "windows"
    return "linux"


def _run(cmd: list[str], quiet: bool = False) -> tuple[bool, str]:
    if shutil.which(cmd[0]) is None:
        return False, f"{cmd[0]} not found"
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as e:
        return False, str(e)
    out = (done.stdout + done.stderr).strip()
    return done.returncode == 0, out


def _show(cmd: list[str]) -> str:
    return subprocess.list2cmdline(cmd) if this_system() == "windows" else shlex.join(cmd)


def _plan(ctx_obj: dict) -> Plan:
    return PLANS[ctx_obj["system"]](ctx_obj["port"], ctx_obj["data_dir"], Path.home())


@click.group()
@click.option("--port", type=click.IntRange(1, 65535), default=DEFAULT_PORT, envvar="ASKFIRST_PORT",
              show_default=True, help="The port the companion serves on (env ASKFIRST_PORT).")
@click.option("--data-dir", type=click.Path(file_okay=False), envvar="ASKFIRST_DATA_DIR",
              help="Data folder (env ASKFIRST_DATA_DIR; default: your user data folder).")
@click.option("--system", type=click.Choice(sorted(PLANS)), default=this_system, hidden=True,
              help="Write another system's service (with --dry-run, to see it).")
@click.pass_context
def service(ctx: click.Context, port: int, data_dir: str | None, system: str) -> None:
    """Start the companion when you log in (systemd user unit, launchd agent, Windows logon task)."""
    from .doctor import _resolve_data_dir

    ctx.obj = {"port": port, "data_dir": _resolve_data_dir(data_dir), "system": system}


@service.command()
@click.option("--dry-run", is_flag=True, help="Print what would be written and run; change nothing.")
@click.pass_obj
def install(obj: dict, dry_run: bool) -> None:
    """Install the service and start it now."""
    plan = _plan(obj)
    if dry_run:
        if plan.path:
            click.echo(f"# would write {plan.path}:")
        else:
            click.echo("# the logon task would run:")
        click.echo(plan.content.rstrip("\n"))
        for cmd in plan.install:
            click.echo(f"# would run: {_show(cmd)}")
        return
    if obj["system"] != this_system():
        raise click.UsageError(f"this is not {obj['system']}: only --dry-run can show another system's service")
    if plan.system == "launchd":  # launchd does not create the folder of its log file
        (obj["data_dir"] / "logs").mkdir(parents=True, exist_ok=True)
    if plan.path:
        unchanged = plan.path.exists() and plan.path.read_text(encoding="utf-8") == plan.content
        if not unchanged:
            plan.path.parent.mkdir(parents=True, exist_ok=True)
            plan.path.write_text(plan.content, encoding="utf-8")
        click.echo(f"{'Unchanged' if unchanged else 'Wrote'} {plan.path}")
    answers = [_run(cmd) for cmd in plan.install]
    started, out = answers[-1]
    if not started:
        click.echo(f"Installed, but could not start it now ({_show(plan.install[-1])}: {out or 'failed'}).")
        click.echo(f"It starts at your next login; to start it now: {_show(plan.install[-1])}")
        return
    click.echo(f"The companion starts when you log in, on port {obj['port']}, data in {obj['data_dir']}.")
    click.echo("Check it with: askfirst doctor" + ("" if obj["port"] == DEFAULT_PORT else f" --port {obj['port']}"))


@service.command()
@click.option("--dry-run", is_flag=True, help="Print what would be removed and run; change nothing.")
@click.pass_obj
def uninstall(obj: dict, dry_run: bool) -> None:
    """Stop the service and remove it."""
    plan = _plan(obj)
    if dry_run:
        for cmd in plan.uninstall:
            click.echo(f"# would run: {_show(cmd)}")
        if plan.path:
            click.echo(f"# would remove {plan.path}")
        for cmd in plan.removed:
            click.echo(f"# would run: {_show(cmd)}")
        return
    if obj["system"] != this_system():
        raise click.UsageError(f"this is not {obj['system']}: only --dry-run can show another system's service")
    installed = plan.path.exists() if plan.path else _run(plan.status[0])[0]
    if not installed:
        click.echo("The service is not installed: nothing to do.")
        return
    # Stop and unregister it while its file still exists, then remove the file.
    for cmd in plan.uninstall:
        _run(cmd)
    if plan.path:
        plan.path.unlink(missing_ok=True)
    for cmd in plan.removed:
        _run(cmd)
    click.echo(f"Removed the service{f' ({plan.path})' if plan.path else ''}. Start the companion by hand with: "
               "askfirst serve")


@service.command()
@click.option("--dry-run", is_flag=True, help="Print the commands that would be asked; run nothing.")
@click.pass_obj
def status(obj: dict, dry_run: bool) -> None:
    """Say whether the service is installed and running (exit 0 when it runs)."""
    plan = _plan(obj)
    if dry_run:
        for cmd in plan.status:
            click.echo(f"# would run: {_show(cmd)}")
        return
    if plan.path and not plan.path.exists():
        click.echo("Not installed. Install it with: askfirst service install")
        sys.exit(3)
    answers = [_run(cmd) for cmd in plan.status]
    running = all(ok for ok, _ in answers)
    where = f" ({plan.path})" if plan.path else ""
    if running:
        click.echo(f"Installed{where} and running.")
    else:
        detail = "; ".join(out for _, out in answers if out) or "not running"
        click.echo(f"Installed{where}, not running: {detail}")
        click.echo(f"Start it with: {_show(plan.install[-1])}, or see what is wrong: askfirst doctor")
    sys.exit(0 if running else 1)
