"""The real thing: `askfirst serve` in a subprocess, on a free loopback port.

Start-up (how long it takes is printed; scripts/bench_api.py measures it), loopback-only binding, durability under SIGKILL, concurrent writers,
waitress's own body limit, and no outbound connection ever.
"""

from __future__ import annotations

import http.client
import signal
import socket
import threading
from datetime import datetime, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner

from askfirst import __version__
from askfirst.cli import main
from askfirst.cli.serve import loopback_host
from askfirst.store import Store

from conftest import Server

pytestmark = pytest.mark.slow


def event(n: int | str) -> dict:
    return {"id": f"ev-{n}", "type": "message_sent", "at": datetime.now(timezone.utc).isoformat(),
            "recipient": {"profile_url": f"https://www.linkedin.com/in/person-{hash(str(n)) % 50}/"}}


def test_serve_answers_health_and_says_how_to_pair(server):
    seconds = server.start(timeout=60)
    print(f"time to first /health answer: {seconds * 1000:.0f} ms")
    status, body = server.request("GET", "/health")
    assert (status, body) == (200, {"status": "ok", "version": __version__, "paired": False})
    server.stop()
    assert f"http://127.0.0.1:{server.port}/api/v1" in server.output and "askfirst pair" in server.output


def test_it_listens_on_loopback_only(server):
    server.start(timeout=60)
    listening = []
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:] + Path("/proc/net/tcp6").read_text().splitlines()[1:]:
        local, state = line.split()[1], line.split()[3]
        if state == "0A" and int(local.rsplit(":", 1)[1], 16) == server.port:
            listening.append(local.rsplit(":", 1)[0])
    assert listening == ["0100007F"]  # 127.0.0.1, nothing else
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("192.0.2.1", 9))  # no packet is sent: this only picks the outward interface
            outward = s.getsockname()[0]
        except OSError:
            outward = None
    if outward and not outward.startswith("127."):
        with pytest.raises(OSError):
            socket.create_connection((outward, server.port), timeout=1).close()


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.10", "::", "example.com"])
def test_a_non_loopback_host_is_refused_at_start_up(host, tmp_path):
    with pytest.raises(ValueError):
        loopback_host(host)
    out = CliRunner().invoke(main, ["serve", "--host", host, "--data-dir", str(tmp_path)])
    assert out.exit_code != 0 and "refusing" in out.output


def test_waitress_refuses_an_oversized_chunked_body(server):
    server.start(timeout=60)
    server.pair()
    chunk = b"a" * 8192
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as s:
        s.sendall((f"POST /api/v1/analyze HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\n"
                   f"Authorization: Bearer {server.token}\r\nContent-Type: application/json\r\n"
                   "Transfer-Encoding: chunked\r\n\r\n").encode())
        try:
            for _ in range(20):  # 160 KiB
                s.sendall(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
            s.sendall(b"0\r\n\r\n")
        except OSError:
            pass  # the server may close early
        reply = s.recv(200)
    assert reply.startswith(b"HTTP/1.1 413")


def test_no_acknowledged_event_is_lost_to_sigkill(server):
    acknowledged: set[str] = set()
    lock = threading.Condition()

    def client(round_: int, worker: int, stop: threading.Event) -> None:
        n = 0
        while not stop.is_set():
            n += 1
            ident = f"{round_}-{worker}-{n}"
            try:
                status, _ = server.request("POST", "/events", event(ident), timeout=30)
            except (OSError, http.client.HTTPException):
                return  # the server died mid-request: not acknowledged
            if status in (200, 201):
                with lock:
                    acknowledged.add(f"ev-{ident}")
                    lock.notify_all()

    for round_ in range(3):
        server.start(timeout=60)
        if server.token is None:
            server.pair()
        stop = threading.Event()
        threads = [threading.Thread(target=client, args=(round_, w, stop)) for w in range(4)]
        for t in threads:
            t.start()
        # Kill it mid-stream: once this round has had some writes acknowledged, and more
        # are in flight (4 clients keep writing). Later rounds kill after more writes.
        with lock:
            target = len(acknowledged) + 20 + 15 * round_
            assert lock.wait_for(lambda t=target: len(acknowledged) >= t, timeout=120), "the server stopped answering"
        server.kill(signal.SIGKILL)
        stop.set()
        for t in threads:
            t.join()
    store = Store(server.data_dir / "askfirst.db")
    assert store.integrity_check() == "ok"
    stored = {e["id"] for e in store.events()}
    assert len(acknowledged) >= 60
    assert acknowledged <= stored
    store.close()
    server.start(timeout=60)  # and it serves again without repair
    assert server.request("GET", "/health")[0] == 200


def test_eight_clients_writing_at_once_get_no_errors(server):
    server.start(timeout=60)
    server.pair()
    statuses: list[int] = []
    lock = threading.Lock()

    def client(worker: int) -> None:
        for i in range(50):
            status, body = server.request("POST", "/events", event(f"{worker}-{i}"))
            with lock:
                statuses.append(status)

    threads = [threading.Thread(target=client, args=(w,)) for w in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert statuses.count(201) == 400
    status, body = server.request("GET", "/contacts")
    assert status == 200 and sum(1 for _ in body["contacts"]) > 0


SITE_GUARD = '''
import os, socket
_log = os.environ["ASKFIRST_NET_LOG"]
_real_connect, _real_connect_ex, _real_gai = socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo

def _local(address):
    if isinstance(address, (str, bytes)):
        return True  # a unix socket
    host = str(address[0])
    return host in ("127.0.0.1", "::1", "localhost") or host.startswith("127.")

def _note(what):
    with open(_log, "a") as f:
        f.write(what + "\\n")

def connect(self, address):
    if not _local(address):
        _note(f"connect {address!r}")
        raise OSError("outbound connections are forbidden in this test")
    return _real_connect(self, address)

def connect_ex(self, address):
    if not _local(address):
        _note(f"connect_ex {address!r}")
        raise OSError("outbound connections are forbidden in this test")
    return _real_connect_ex(self, address)

def getaddrinfo(host, *args, **kwargs):
    if host not in (None, "127.0.0.1", "::1", "localhost"):
        _note(f"getaddrinfo {host!r}")
        raise OSError("name lookups are forbidden in this test")
    return _real_gai(host, *args, **kwargs)

socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo = connect, connect_ex, getaddrinfo
'''


def test_the_server_opens_no_outbound_connection(tmp_path, monkeypatch):
    guard = tmp_path / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(SITE_GUARD)
    log = tmp_path / "net.log"
    log.write_text("")
    monkeypatch.setenv("PYTHONPATH", str(guard))
    monkeypatch.setenv("ASKFIRST_NET_LOG", str(log))
    server = Server(tmp_path / "offline")
    try:
        server.start(timeout=60)
        server.pair()
        # These requests take every path the background warm-up takes (the analysis
        # engine with its dictionary, today's follow-ups), and more.
        status, result = server.request("POST", "/analyze", {
            "text": "Hi Anna, I'm the founder of Acme. We help teams sell more. Book a demo: https://calendly.com/x",
            "kind": "message", "recipient": {"profile_url": "https://www.linkedin.com/in/anna/"}})
        assert status == 200 and result["verdict"] in ("pitch_heavy", "ask_first", "premature")
        assert server.request("POST", "/events", event("offline"))[0] == 201
        assert server.request("GET", "/followups")[0] == 200
        assert server.request("GET", "/contacts/linkedin:anna")[0] in (200, 404)
    finally:
        server.stop()
    assert log.read_text() == ""


def test_the_guard_itself_catches_an_outbound_connection(tmp_path):
    """The check above would notice: a subprocess with the guard that dials out is logged."""
    import subprocess
    import sys

    guard = tmp_path / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(SITE_GUARD)
    log = tmp_path / "net.log"
    log.write_text("")
    subprocess.run([sys.executable, "-c", "import socket\ntry:\n socket.create_connection(('192.0.2.1', 80), 1)\n"
                    "except OSError: pass"], env={"PYTHONPATH": str(guard), "ASKFIRST_NET_LOG": str(log)}, check=True)
    assert "192.0.2.1" in log.read_text()
