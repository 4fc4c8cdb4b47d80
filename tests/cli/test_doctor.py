"""`askfirst doctor` tells each state apart: companion stopped, another program on the
port, not paired, all well; and names a command that fixes each problem.

A real `askfirst serve` in a subprocess, real HTTP on loopback, a temporary data folder
and HOME, and the `fail` keyring backend (the token goes to a private file).
"""

from __future__ import annotations

import http.server
import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

ASKFIRST = [sys.executable, "-m", "askfirst"]
EXTENSION = "chrome-extension://abcdefghijklmnopabcdefghijklmnop"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    home.mkdir()
    out = {k: v for k, v in os.environ.items() if not k.startswith(("ASKFIRST_", "XDG_"))}
    out.update(HOME=str(home), PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
               ASKFIRST_DATA_DIR=str(tmp_path / "data"), ASKFIRST_PORT=str(free_port()))
    return out


def doctor(env: dict[str, str]) -> tuple[int, dict]:
    done = subprocess.run([*ASKFIRST, "doctor", "--json"], env=env, capture_output=True, text=True, timeout=120)
    return done.returncode, json.loads(done.stdout)


def check(report: dict, name: str) -> dict:
    return next(c for c in report["checks"] if c["name"] == name)


def call(port: int, method: str, path: str, body: dict | None = None, headers: dict | None = None) -> tuple[int, dict]:
    req = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1{path}", method=method,
                                 data=None if body is None else json.dumps(body).encode(), headers=headers or {})
    if body is not None:
        req.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(req, timeout=30) as r:
        return r.status, json.loads(r.read())


@pytest.fixture
def companion(env):
    port = int(env["ASKFIRST_PORT"])
    proc = subprocess.Popen([*ASKFIRST, "serve"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while True:
        try:
            call(port, "GET", "/health")
            break
        except OSError:
            assert proc.poll() is None, "askfirst serve exited"
            assert time.monotonic() < deadline, "askfirst serve did not answer"
            time.sleep(0.05)
    yield port
    proc.terminate()
    proc.wait(30)


def test_companion_stopped(env):
    status, report = doctor(env)
    assert status == 1 and report["ok"] is False
    first = report["checks"][0]
    assert (first["name"], first["ok"]) == ("companion", False)
    assert "nothing answers" in first["detail"] and first["fix"].startswith("askfirst serve")
    assert "askfirst pair" in check(report, "pairing")["fix"]


def test_another_program_on_the_port(env):
    port = int(env["ASKFIRST_PORT"])

    class Hello(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
            body = b'{"status": "ok"}'
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Hello)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        status, report = doctor(env)
    finally:
        server.shutdown()
        server.server_close()
    assert status == 1
    first = check(report, "companion")
    assert first["ok"] is False and "another program" in first["detail"]
    assert "askfirst serve --port" in first["fix"] and "Companion port" in first["fix"]


def test_running_but_not_paired(env, companion):
    status, report = doctor(env)
    assert status == 1
    assert check(report, "companion")["ok"] is True
    pairing = check(report, "pairing")
    assert pairing["ok"] is False and pairing["fix"].startswith("askfirst pair")
    assert check(report, "data folder")["ok"] is True and check(report, "schema")["ok"] is True
    assert check(report, "extension")["ok"] is False


def test_all_well_once_paired_and_the_extension_has_called(env, companion):
    code = json.loads(subprocess.run([*ASKFIRST, "pair", "--json"], env=env, capture_output=True, text=True,
                                     check=True).stdout)["code"]
    _, body = call(companion, "POST", "/pair", {"code": code}, {"Origin": EXTENSION})
    call(companion, "GET", "/settings", headers={"Origin": EXTENSION, "Authorization": f"Bearer {body['token']}"})
    status, report = doctor(env)
    assert [c["name"] for c in report["checks"] if not c["ok"]] == [], report
    assert status == 0 and report["ok"] is True
    assert "just now" in check(report, "extension")["detail"] or "minute" in check(report, "extension")["detail"]
    human = subprocess.run([*ASKFIRST, "doctor"], env=env, capture_output=True, text=True)
    assert human.returncode == 0 and human.stdout.strip().endswith("All is well.")


def test_a_damaged_database_is_reported_with_a_fix(env):
    subprocess.run([*ASKFIRST, "export"], env=env, capture_output=True, check=True)  # creates the database
    db = Path(env["ASKFIRST_DATA_DIR"]) / "askfirst.db"
    status, report = doctor(env)
    assert check(report, "data folder")["ok"] is True
    with open(db, "r+b") as f:  # scribble over the file's header
        f.write(b"\xff" * 100)
    status, report = doctor(env)
    data = check(report, "data folder")
    assert status == 1 and data["ok"] is False and "askfirst export" in data["fix"]
