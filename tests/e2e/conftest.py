"""End-to-end fixtures: the real companion, the real extension in Debian's Chromium.

Each test gets its own companion: a subprocess on a free loopback port, with its own data
folder, HOME and XDG folders, and the `fail` keyring backend, so no test sees another's
contacts or events and none touches the developer's keyring or data. The extension is
paired to it afresh (its storage cleared first). Chromium, slow to start, is shared by
the session and loads the unpacked extension; every https://www.linkedin.com/ request is
answered from tests/e2e/fixtures/linkedin/ (pages built from LinkedIn's markup), requests
to the companion go through, and anything else is aborted.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXTENSION = ROOT / "extension"
FIXTURES = Path(__file__).parent / "fixtures" / "linkedin"
CHROMIUM = os.environ.get("ASKFIRST_CHROMIUM", "/usr/bin/chromium")

# LinkedIn URL path -> fixture page.
PAGES = {
    "/messaging/thread/2-MjA0ZTk1/": "messaging-thread.html",
    "/messaging/thread/2-ZmVlZGJh/": "messaging-enter.html",
    "/messaging/thread/2-bG9uZw/": "thread-500.html",
    "/feed/": "overlay-shadow.html",
    "/notifications/": "overlay-legacy.html",
    "/in/priya-shah-9/": "invite-profile.html",
    "/in/olivia-chen-88/": "inmail.html",
    "/search/results/people/": "invite-search.html",
    "/__fixture__/fixture.js": "fixture.js",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.e2e)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Companion:
    """`askfirst serve` in a subprocess, and a plain HTTP client for its API (no Origin)."""

    def __init__(self, data_dir: Path, port: int, log: Path) -> None:
        self.data_dir, self.port, self.log = data_dir, port, log
        self.proc: subprocess.Popen | None = None
        self.env = isolated_env(data_dir.parent / "home")

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/v1"

    def _askfirst(self, *args: str) -> list[str]:
        return [sys.executable, "-m", "askfirst", *args, "--data-dir", str(self.data_dir)]

    def start(self) -> None:
        with open(self.log, "ab") as log:
            self.proc = subprocess.Popen(self._askfirst("serve", "--port", str(self.port)),
                                         stdout=log, stderr=subprocess.STDOUT, env=self.env)
        deadline = time.monotonic() + 30  # generous: a busy 2-core machine
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"askfirst serve exited: {self.log.read_text()[-2000:]}")
            try:
                status, body = self.call("GET", "/health")
                if status == 200 and body["status"] == "ok":
                    return
            except OSError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"askfirst serve did not answer /health: {self.log.read_text()[-2000:]}")

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None

    def pair_code(self) -> str:
        out = subprocess.run(self._askfirst("pair", "--json"), capture_output=True, text=True, env=self.env)
        if out.returncode != 0:
            raise RuntimeError(f"askfirst pair failed ({out.returncode}): {out.stderr or out.stdout}")
        return json.loads(out.stdout)["code"]

    def call(self, method: str, path: str, body: Any = None, token: str | None = None) -> tuple[int, Any]:
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.base + path, data=data, method=method)
        if data is not None:
            req.add_header("Content-Type", "application/json")
        if token:
            req.add_header("Authorization", f"Bearer {token}")
        try:
            with urllib.request.urlopen(req, timeout=10) as r:
                return r.status, json.loads(r.read() or b"null")
        except urllib.error.HTTPError as e:
            return e.code, json.loads(e.read() or b"null")


def isolated_env(home: Path) -> dict[str, str]:
    """The environment for `askfirst` in tests: nothing of the developer's is reachable."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ASKFIRST_", "XDG_"))}
    for sub in ("config", "data", "cache", "state"):
        (home / sub).mkdir(parents=True, exist_ok=True)
    env.update({
        "PYTHONUNBUFFERED": "1",
        # As on a headless machine: the token goes to a 0600 file in the test's data folder.
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_STATE_HOME": str(home / "state"),
    })
    return env


@pytest.fixture
def companion(tmp_path: Path):
    c = Companion(tmp_path / "data", free_port(), tmp_path / "serve.log")
    c.start()
    yield c
    c.stop()


def route_linkedin(route, request) -> None:
    url = urlsplit(request.url)
    if url.hostname in ("127.0.0.1", "localhost"):
        route.continue_()
    elif url.scheme == "https" and url.hostname == "www.linkedin.com":
        name = PAGES.get(url.path)
        if name is None:
            route.fulfill(status=404, body="not in the fixtures", content_type="text/plain")
            return
        kind = "application/javascript" if name.endswith(".js") else "text/html; charset=utf-8"
        route.fulfill(status=200, body=(FIXTURES / name).read_bytes(), content_type=kind)
    else:
        route.abort()  # nothing leaves this machine


@dataclass
class Browser:
    context: Any
    worker: Any
    extension_id: str

    def url(self, path: str) -> str:
        return f"chrome-extension://{self.extension_id}/{path}"

    def storage(self, key: str) -> Any:
        return self.worker.evaluate("(key) => chrome.storage.local.get(key).then((r) => r[key])", key)


@pytest.fixture(scope="session")
def browser(tmp_path_factory: pytest.TempPathFactory):
    if not Path(CHROMIUM).exists():
        pytest.skip(f"the end-to-end tests need Debian's Chromium at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(profile),
            executable_path=CHROMIUM,
            headless=False,  # "--headless=new" below: the old headless mode has no extensions
            args=[
                "--headless=new",
                f"--disable-extensions-except={EXTENSION}",
                f"--load-extension={EXTENSION}",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
            ignore_default_args=["--disable-extensions", "--disable-component-extensions-with-background-pages"],
            viewport={"width": 1280, "height": 900},
        )
        # Web requests only, and not the companion's: the extension's own files load as
        # usual, and the worker's calls to 127.0.0.1 never wait on this (synchronous) test
        # thread to answer a route.
        context.route(re.compile(r"^https?://(?!(127\.0\.0\.1|localhost)[:/])"), route_linkedin)
        worker = context.service_workers[0] if context.service_workers else context.wait_for_event(
            "serviceworker", timeout=15_000)
        extension_id = urlsplit(worker.url).hostname
        yield Browser(context, worker, extension_id)
        context.close()


@dataclass
class Session:
    browser: Browser
    companion: Companion
    token: str

    def api(self, method: str, path: str, body: Any = None) -> tuple[int, Any]:
        return self.companion.call(method, path, body, token=self.token)

    def events_of(self, key: str) -> list[dict]:
        status, body = self.api("GET", f"/contacts/{key}")
        return body["events"] if status == 200 else []

    def wait_for_event(self, key: str, predicate, timeout: float = 30.0) -> dict:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for event in self.events_of(key):
                if predicate(event):
                    return event
            time.sleep(0.1)
        raise AssertionError(f"no matching event for {key} within {timeout}s: {self.events_of(key)}; "
                             f"contacts: {[c['key'] for c in self.api('GET', '/contacts')[1]['contacts']]}; "
                             f"undelivered: {self.browser.storage('outbox')}")


@pytest.fixture
def paired(browser: Browser, companion: Companion) -> Session:
    """Pair the extension the way a user does: options page, port, code, Pair.

    The extension's storage is cleared first: no token, port, site switch or undelivered
    event of an earlier test carries over."""
    from playwright.sync_api import expect

    page = browser.context.new_page()
    page.goto(browser.url("options/options.html"))
    page.evaluate("() => chrome.storage.local.clear()")
    page.reload()
    page.get_by_label("Companion port").fill(str(companion.port))
    page.get_by_label("Pairing code").fill(companion.pair_code())
    page.get_by_role("button", name="Pair", exact=True).click()
    expect(page.get_by_text("Paired", exact=True)).to_be_visible(timeout=10_000)
    page.close()
    token = browser.storage("token")
    assert isinstance(token, str) and len(token) == 64
    return Session(browser, companion, token)


@pytest.fixture
def page(paired: Session):
    p = paired.browser.context.new_page()
    yield p
    p.close()


# --- more sites (X, Messenger): fixture pages served per host and path ------------------

FIXTURE_ROOT = Path(__file__).parent / "fixtures"
# The behaviour script the X and Messenger fixture pages load (sending, arrivals).
SOCIAL_FIXTURE_JS = FIXTURE_ROOT / "x" / "fixture.js"


def serve_pages(context: Any, hosts: re.Pattern, pages: dict[str, Path]):
    """Answer requests to `hosts` from `pages` ("host/path" -> file); returns the undo.

    Registered after the session's LinkedIn route, so it wins for these hosts (Playwright
    tries routes newest first); anything not listed gets a 404 and never the network.
    """
    def handler(route, request) -> None:
        url = urlsplit(request.url)
        file = SOCIAL_FIXTURE_JS if url.path == "/__fixture__/fixture.js" else pages.get(f"{url.hostname}{url.path}")
        if file is None:
            route.fulfill(status=404, body="not in the fixtures", content_type="text/plain")
            return
        kind = "application/javascript" if file.suffix == ".js" else "text/html; charset=utf-8"
        route.fulfill(status=200, body=file.read_bytes(), content_type=kind)

    context.route(hosts, handler)
    return lambda: context.unroute(hosts, handler)


def set_companion_port(session: Session, port: int) -> None:
    """Point the extension at `port` the way the options page does (and forget the backoff)."""
    from playwright.sync_api import expect

    page = session.browser.context.new_page()
    try:
        page.goto(session.browser.url("options/options.html"))
        # Let the page's own status check finish first: a check that fails against the old
        # port after the switch would start a fresh backoff.
        expect(page.locator("#pair-status")).not_to_have_text("")
        reply = page.evaluate("(port) => chrome.runtime.sendMessage({type: 'setPort', port})", port)
        assert reply and reply.get("ok"), reply
        status = page.evaluate("() => chrome.runtime.sendMessage({type: 'status'})")
        assert status["port"] == port, status
    finally:
        page.close()


# --- helpers the site tests share ---------------------------------------------------------


def coach_running(page: Any, editor: str) -> None:
    """Wait until the content script runs on this page (it takes in the threads on screen
    as history when it starts): focusing a compose box attaches its panel."""
    from playwright.sync_api import expect

    page.locator(editor).first.click()
    expect(page.locator("[data-askfirst-panel]")).to_have_count(1, timeout=30_000)


def arrivals_are_news_history_is_not(session: Session, page: Any, key: str, predicate=lambda e: True) -> dict:
    """Two messages arrive in the open thread: exactly those two are reported, nothing of the
    history on screen. (The second is the barrier: once it is in, anything the first
    batch would have reported is in too.) Returns the first event."""
    received = lambda: [e for e in session.events_of(key) if e["type"] == "message_received"]  # noqa: E731
    page.evaluate("(t) => window.fixtureReceive(t)", "Are you free on Friday afternoon?")
    first = session.wait_for_event(key, lambda e: e["type"] == "message_received" and predicate(e))
    page.evaluate("(t) => window.fixtureReceive(t)", "Or Monday, if that suits you better.")
    session.wait_for_event(key, lambda e: e["type"] == "message_received" and e["id"] != first["id"])
    ids = [e["id"] for e in received()]
    assert len(ids) == 2 and first["id"] in ids, f"history on screen is not news: {ids}"
    return first


# Notes, in the page, when the user last typed and when the panel last showed an answer.
ANSWER_PROBE = """() => {
  const probe = (window.__askfirstAnswer = { lastInput: 0, shown: 0 });
  document.addEventListener("input", () => { probe.lastInput = performance.now(); }, true);
  new MutationObserver(() => { probe.shown = performance.now(); }).observe(document.documentElement, {
    attributes: true, subtree: true, attributeFilter: ["data-askfirst-verdict", "data-askfirst-offline"] });
}"""


# The content script, starting on a page, asks the worker for the site switches; the worker
# notes the tab as running. Seen on this page's tab, it is proof the script ran there.
ASKED_FOR_SWITCHES = """async (url) => {
  const keys = (await chrome.tabs.query({url})).map((t) => `tab:${t.id}`);
  const seen = await chrome.storage.session.get(keys);
  return keys.some((k) => seen[k] && seen[k].running);
}"""


def content_script_asked(paired: Any, page: Any) -> None:
    """Wait until the content script on `page` has run and asked whether its site is on."""
    deadline = time.monotonic() + 30
    while not paired.browser.worker.evaluate(ASKED_FOR_SWITCHES, page.url):
        assert time.monotonic() < deadline, f"the content script never started on {page.url}"
        time.sleep(0.1)


def open_invite(name: str) -> Callable[[Any], None]:
    """Steps that open LinkedIn's invitation dialog for `name` and its "Add a note" box."""
    def steps(page: Any) -> None:
        page.get_by_role("button", name=f"Invite {name} to connect").click()
        page.get_by_role("button", name="Add a note").click()
    return steps


def type_draft(page: Any, selector: str, text: str, answered: bool = False) -> None:
    """Replace whatever the compose box holds with `text`, typed key by key.

    answered: also wait until the panel shows the answer to the whole text (not one to a
    part typed earlier, which a busy machine may still be showing)."""
    if answered:
        page.evaluate(ANSWER_PROBE)
    box = page.locator(selector)
    box.click()
    box.press("ControlOrMeta+a")
    box.press("Delete")
    box.press_sequentially(text, delay=5)
    if answered:
        page.wait_for_function("() => window.__askfirstAnswer.shown > window.__askfirstAnswer.lastInput",
                               timeout=30_000)


# Per keystroke, in the page: from the keydown's timestamp to (a) the end of the input
# event's dispatch — every listener, the site's and ours, has run and the character is in
# the DOM — and (b) the frame after it, when the character is on screen.
KEY_PROBE = """() => {
  const probe = { handled: [], painted: [] };
  const pending = [];
  window.addEventListener("keydown", (e) => pending.push(e.timeStamp), true);
  window.addEventListener("input", () => {
    const t0 = pending.shift();
    if (t0 === undefined) return;
    probe.handled.push(performance.now() - t0);
    requestAnimationFrame(() => setTimeout(() => probe.painted.push(performance.now() - t0), 0));
  });
  window.__keys = probe;
}"""


def compare_typing_latency(page: Any, site: str, urls: dict[str, str], editor: str, text: str) -> None:
    """Type `text` on the same page with ("with") and without ("without") the content script,
    interleaved so drift in the machine's load hits both alike, and print the medians.

    Timings are printed, not asserted (a busy machine would make such a check flaky);
    what is checked is that every keystroke landed, with the panel shown only where the
    content script runs."""
    import statistics

    from playwright.sync_api import expect

    runs: dict[str, dict[str, list[float]]] = {label: {"handled": [], "painted": []} for label in urls}
    for _ in range(2):
        for label in ("without", "with"):
            page.goto(urls[label])
            page.locator(editor).click()
            page.evaluate(KEY_PROBE)
            page.keyboard.type(text, delay=25)
            page.wait_for_function("(n) => window.__keys.painted.length >= n", arg=len(text) - 2, timeout=30_000)
            expect(page.locator("[data-askfirst-panel]")).to_have_count(1 if label == "with" else 0,
                                                                        timeout=30_000)
            got = page.evaluate("() => window.__keys")
            for k in ("handled", "painted"):
                runs[label][k] += got[k]
    w, wo = runs["with"], runs["without"]
    med = statistics.median

    def p95(values: list[float]) -> float:
        return statistics.quantiles(values, n=20)[-1]

    print(f"\n{site}, keystroke -> character in the DOM: median {med(w['handled']):.2f} ms with the extension, "
          f"{med(wo['handled']):.2f} ms without; p95 {p95(w['handled']):.2f} vs {p95(wo['handled']):.2f} ms")
    print(f"{site}, keystroke -> next frame: median {med(w['painted']):.1f} ms with, {med(wo['painted']):.1f} ms "
          f"without; p95 {p95(w['painted']):.1f} vs {p95(wo['painted']):.1f} ms")
