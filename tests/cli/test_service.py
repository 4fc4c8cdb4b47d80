"""`askfirst service`: the files it writes for each system, and install/uninstall done twice.

Runs `askfirst` in a subprocess with a temporary HOME and no session bus, so nothing is
written to, or started in, the real user's session.
"""

from __future__ import annotations

import os
import plistlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ASKFIRST = [sys.executable, "-m", "askfirst"]


def env_for(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("ASKFIRST_", "XDG_")) and k != "DBUS_SESSION_BUS_ADDRESS"}
    env.update(HOME=str(home), PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    return env


def askfirst(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*ASKFIRST, "service", "--port", "8765", "--data-dir", str(home / "data"), *args],
                          env=env_for(home), capture_output=True, text=True, timeout=120)


def files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


def unit_of(out: str) -> str:
    lines = out.splitlines()
    return "\n".join(line for line in lines[1:] if not line.startswith("# would")) + "\n"


def test_dry_run_prints_a_unit_with_the_port_and_data_folder_and_writes_nothing(tmp_path):
    out = askfirst(tmp_path, "--system", "linux", "install", "--dry-run")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith(f"# would write {tmp_path}/.config/systemd/user/askfirst.service:")
    unit = unit_of(out.stdout)
    exec_start = next(line for line in unit.splitlines() if line.startswith("ExecStart="))
    assert exec_start.endswith(f" serve --port 8765 --data-dir {tmp_path}/data")
    assert Path(exec_start.split("=", 1)[1].split()[0]).exists(), "ExecStart names a program that exists"
    assert "WantedBy=default.target" in unit and "Restart=on-failure" in unit
    assert "# would run: systemctl --user enable askfirst.service" in out.stdout
    assert files_under(tmp_path) == []


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="needs systemd-analyze")
def test_the_unit_passes_systemd_analyze_verify(tmp_path):
    unit = tmp_path / "askfirst.service"
    unit.write_text(unit_of(askfirst(tmp_path, "--system", "linux", "install", "--dry-run").stdout))
    verify = subprocess.run(["systemd-analyze", "verify", str(unit)], capture_output=True, text=True)
    assert verify.returncode == 0 and verify.stderr.strip() == "", verify.stderr


def test_the_unit_is_refused_by_systemd_analyze_when_broken(tmp_path):
    """The check above can fail: a unit whose program does not exist is refused."""
    if shutil.which("systemd-analyze") is None:
        pytest.skip("needs systemd-analyze")
    unit = tmp_path / "askfirst.service"
    text = unit_of(askfirst(tmp_path, "--system", "linux", "install", "--dry-run").stdout)
    unit.write_text(text.replace("ExecStart=/", "ExecStart=/nowhere/"))
    assert subprocess.run(["systemd-analyze", "verify", str(unit)], capture_output=True).returncode != 0


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="installs a systemd user unit")
def test_install_and_uninstall_twice_each_and_nothing_is_left_behind(tmp_path):
    unit = tmp_path / ".config" / "systemd" / "user" / "askfirst.service"
    first = askfirst(tmp_path, "install")
    assert first.returncode == 0, first.stderr
    assert f"Wrote {unit}" in first.stdout
    written = unit.read_text()
    assert "--port 8765" in written
    after_first = files_under(tmp_path)  # the unit, and systemctl's link to it when systemctl is here
    assert unit in after_first
    # No user session here (no bus): it says how to start it instead of failing.
    assert "could not start it now" in first.stdout or "starts when you log in" in first.stdout
    again = askfirst(tmp_path, "install")
    assert again.returncode == 0 and f"Unchanged {unit}" in again.stdout
    assert unit.read_text() == written and files_under(tmp_path) == after_first
    status = askfirst(tmp_path, "status")
    assert status.returncode == 1 and "Installed" in status.stdout and "not running" in status.stdout

    gone = askfirst(tmp_path, "uninstall")
    assert gone.returncode == 0 and "Removed" in gone.stdout
    assert files_under(tmp_path) == []
    twice = askfirst(tmp_path, "uninstall")
    assert twice.returncode == 0 and "not installed" in twice.stdout
    assert askfirst(tmp_path, "status").returncode == 3


def test_the_launchd_agent_is_a_valid_plist_that_runs_serve_at_login(tmp_path):
    out = askfirst(tmp_path, "--system", "macos", "install", "--dry-run")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith(f"# would write {tmp_path}/Library/LaunchAgents/org.askfirst.companion.plist:")
    body = "\n".join(line for line in out.stdout.splitlines()[1:] if not line.startswith("# would"))
    agent = plistlib.loads(body.encode())
    assert agent["Label"] == "org.askfirst.companion" and agent["RunAtLoad"] is True
    assert agent["ProgramArguments"][-5:] == ["serve", "--port", "8765", "--data-dir", str(tmp_path / "data")]
    assert "launchctl bootstrap" in out.stdout


def test_the_windows_task_runs_serve_at_logon(tmp_path):
    out = askfirst(tmp_path, "--system", "windows", "install", "--dry-run")
    assert out.returncode == 0, out.stderr
    create = next(line for line in out.stdout.splitlines() if "schtasks /Create" in line)
    assert "/SC ONLOGON" in create and "/RL LIMITED" in create and "serve --port 8765" in create
    assert files_under(tmp_path) == []


def test_installing_another_systems_service_for_real_is_refused(tmp_path):
    other = "windows" if sys.platform.startswith("linux") else "linux"
    out = askfirst(tmp_path, "--system", other, "install")
    assert out.returncode == 2 and "only --dry-run" in out.stderr
    assert files_under(tmp_path) == []


def test_a_data_folder_with_dollar_and_percent_reaches_the_program_unexpanded(tmp_path):
    from askfirst.cli.service import systemd_plan

    data = tmp_path / "my $HOME 100%"
    unit = systemd_plan(8765, data, tmp_path).content
    exec_start = next(line for line in unit.splitlines() if line.startswith("ExecStart="))
    assert exec_start.endswith(f' --data-dir "{tmp_path}/my $$HOME 100%%"')
    if shutil.which("systemd-analyze") is not None:
        path = tmp_path / "askfirst.service"
        path.write_text(unit)
        verify = subprocess.run(["systemd-analyze", "verify", str(path)], capture_output=True, text=True)
        assert verify.returncode == 0, verify.stderr
