"""Fixtures for the companion server tests.

Nothing here touches the user's real keyring or data folder: every test gets a fresh
tmp data folder, and the keyring is the `fail` backend (as on a headless machine)
unless a test installs another one.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from datetime import timezone
from pathlib import Path

import keyring
import pytest
from flask.testing import FlaskClient
from keyring.backend import KeyringBackend
from keyring.backends import fail

from askfirst.app import create_app
from askfirst.pairing import new_code

PORT = 8731
BASE = f"http://127.0.0.1:{PORT}"
EXTENSION = "chrome-extension://abcdefghijklmnopabcdefghijklmnop"


class MemoryKeyring(KeyringBackend):
    """A real, minimal keyring backend that keeps secrets in a dict."""

    priority = 5  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.secrets.get((service, username))

    def set_password(self, service, username, password):
        self.secrets[(service, username)] = password

    def delete_password(self, service, username):
        self.secrets.pop((service, username), None)


@pytest.fixture(autouse=True)
def no_real_keyring():
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def app(data_dir):
    app = create_app(data_dir, port=PORT, tz=timezone.utc)
    yield app
    app.extensions["askfirst"].store.close()


@pytest.fixture
def store(app):
    return app.extensions["askfirst"].store


class LocalClient(FlaskClient):
    """A test client whose requests carry `Host: 127.0.0.1:8731`, like the extension's."""

    def open(self, *args, **kwargs):
        kwargs.setdefault("base_url", BASE)
        return super().open(*args, **kwargs)


@pytest.fixture
def client(app):
    app.test_client_class = LocalClient
    return app.test_client()


def pair(client, app, origin: str | None = EXTENSION) -> str:
    code = new_code(app.extensions["askfirst"].root).code
    headers = {"Origin": origin} if origin else {}
    r = client.post("/api/v1/pair", json={"code": code}, headers=headers)
    assert r.status_code == 200, r.json
    return r.json["token"]


@pytest.fixture
def token(client, app) -> str:
    return pair(client, app)


@pytest.fixture
def auth(token) -> dict[str, str]:
    """Headers the paired extension sends."""
    return {"Authorization": f"Bearer {token}", "Origin": EXTENSION}


# -- a real `askfirst serve` process ----------------------------------------------------------

ASKFIRST = [sys.executable, "-c", "from askfirst.cli import main; main()"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`askfirst serve` in a subprocess, on a free loopback port, with a plain HTTP client."""

    def __init__(self, data_dir: Path, port: int | None = None, wrap: list[str] | None = None) -> None:
        self.data_dir, self.port = data_dir, port or free_port()
        self.base = f"http://127.0.0.1:{self.port}/api/v1"
        self.wrap = wrap or []
        self.proc: subprocess.Popen | None = None
        self.token: str | None = None
        self.output = ""

    def env(self) -> dict[str, str]:
        env = dict(os.environ, ASKFIRST_DATA_DIR=str(self.data_dir),
                   PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
        env.pop("ASKFIRST_PORT", None)
        return env

    def start(self, timeout: float = 10.0) -> float:
        """Start and wait for the first /health answer; returns the seconds that took."""
        t0 = time.monotonic()
        self.proc = subprocess.Popen(
            [*self.wrap, *ASKFIRST, "serve", "--port", str(self.port)],
            env=self.env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        while time.monotonic() - t0 < timeout:
            try:
                status, _ = self.request("GET", "/health")
                if status == 200:
                    return time.monotonic() - t0
            except OSError:
                pass
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited: {self.proc.stdout.read() if self.proc.stdout else ''}")
            time.sleep(0.02)
        raise TimeoutError("server did not answer /health")

    def pair(self) -> str:
        out = subprocess.run([*ASKFIRST, "pair", "--json"], env=self.env(),
                             capture_output=True, text=True, check=True).stdout
        status, body = self.request("POST", "/pair", {"code": json.loads(out)["code"]})
        assert status == 200, body
        self.token = body["token"]
        return self.token

    def request(self, method: str, path: str, body: dict | None = None, timeout: float = 10.0):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.base + path, data=data, method=method)
        if data is not None:
            req.add_header("Content-Type", "application/json")
        if self.token:
            req.add_header("Authorization", f"Bearer {self.token}")
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:
                return r.status, json.loads(r.read())
        except urllib.error.HTTPError as e:
            return e.code, json.loads(e.read() or b"null")

    def kill(self, sig: int) -> None:
        assert self.proc is not None
        self.proc.send_signal(sig)
        self.proc.wait(timeout=10)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self.proc and self.proc.stdout and not self.proc.stdout.closed:
            self.output = self.proc.stdout.read()
            self.proc.stdout.close()


@pytest.fixture
def server(tmp_path):
    s = Server(tmp_path / "served")
    yield s
    s.stop()
