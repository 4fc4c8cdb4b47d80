"""A page with 500 messages stays smooth; with the companion stopped, typing is undisturbed.

How "no task over 50 ms" (the content script's budget) is measured. Chromium's own trace of the page's
renderer, taken over CDP, lists every main-thread task with its duration; the V8
sampling profiler, recorded in the same trace, says which JavaScript ran in each one.
A task's share that belongs to the content script is the sampled time with one of the
extension's files on the stack: its listeners, observer callbacks and timers, the
promise continuations after a reply from the worker, and any layout it forces. What
remains of a task is Chromium's (style, layout and paint of the 500 messages, garbage
collection) or the test harness's (Playwright's injected script checking a locator):
it is printed, not blamed on the extension. (A "longtask" PerformanceObserver in the
page does see long tasks, but cannot say whose script made them, and the test harness's
own work on this page, over 100 ms per check, would drown the figure.)
"""

from __future__ import annotations

import bisect
import re
import statistics
from dataclasses import dataclass, field

from playwright.sync_api import Page, expect

LI = "https://www.linkedin.com"
THREAD_500 = "/messaging/thread/2-bG9uZw/"
BUDGET_MS = 50
RUNS = 3

TRACE_CATEGORIES = [
    "__metadata",
    "toplevel",  # ThreadControllerImpl::RunTask: one event per main-thread task
    "devtools.timeline",  # FunctionCall, with the script URL of each listener and callback
    "v8",  # module compile and evaluation, with the isolated world's name
    "disabled-by-default-v8.cpu_profiler",  # stacks sampled every ~0.2 ms
]


@dataclass
class Task:
    """One task on the page's main thread: its wall-clock length, and the content script's share."""

    start: float  # trace clock, µs
    end: float
    spans: list[tuple[float, float]] = field(default_factory=list)  # when the content script ran, µs
    entries: list[str] = field(default_factory=list)  # the content script's functions called by the browser
    functions: list[str] = field(default_factory=list)  # every function the browser called in it
    others: dict[str, float] = field(default_factory=dict)  # sampled time by the script that ran it

    @property
    def ms(self) -> float:
        return (self.end - self.start) / 1000

    @property
    def ours(self) -> bool:
        return bool(self.spans)

    @property
    def ours_ms(self) -> float:
        """The content script's share: the union of its calls and of its sampled stacks."""
        total, reach = 0.0, float("-inf")
        for start, end in sorted(self.spans):
            if end > reach:
                total += end - max(start, reach)
                reach = end
        return total / 1000

    def describe(self) -> str:
        top = sorted(self.others.items(), key=lambda kv: -kv[1])[:2]
        what = ", ".join(f"{name} {ms:.0f} ms" for name, ms in top) or "no JavaScript"
        return f"{self.ms:.0f} ms ({what})"


class Trace:
    """A Chromium trace of one page, taken over the page's CDP session."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.events: list[dict] = []

    def __enter__(self) -> Trace:
        self.cdp = self.page.context.new_cdp_session(self.page)
        self._done = False
        self.cdp.on("Tracing.dataCollected", lambda p: self.events.extend(p["value"]))
        self.cdp.on("Tracing.tracingComplete", lambda p: setattr(self, "_done", True))
        self.cdp.send("Tracing.start", {
            "traceConfig": {"includedCategories": TRACE_CATEGORIES, "excludedCategories": ["*"]},
            "transferMode": "ReportEvents",
        })
        return self

    def __exit__(self, *exc) -> None:
        self.cdp.send("Tracing.end")
        while not self._done:  # the events arrive while the sync API waits
            self.page.wait_for_timeout(50)
        self.cdp.detach()

    def main_thread_tasks(self, url_part: str, origin: str) -> list[Task]:
        """The tasks of the renderer that shows `url_part`, each with `origin`'s share."""
        ev = self.events
        pid = [e["pid"] for e in ev if e["name"] == "CommitLoad" and url_part in e["args"]["data"].get("url", "")][-1]
        tid = next(e["tid"] for e in ev if e.get("ph") == "M" and e["pid"] == pid
                   and e["name"] == "thread_name" and e["args"]["name"] == "CrRendererMain")
        main = sorted((e for e in ev if e["pid"] == pid and e["tid"] == tid and e.get("ph") == "X"),
                      key=lambda e: e["ts"])
        tasks = [Task(e["ts"], e["ts"] + e["dur"]) for e in main if e["name"] == "ThreadControllerImpl::RunTask"]
        starts = [t.start for t in tasks]

        def task_at(ts: float) -> Task | None:
            i = bisect.bisect_right(starts, ts) - 1
            return tasks[i] if i >= 0 and ts <= tasks[i].end else None

        for e in main:
            data = (e.get("args") or {}).get("data") or {}
            url = str(data.get("url", ""))
            if e["name"] == "FunctionCall" and (task := task_at(e["ts"])):
                task.functions.append(data.get("functionName") or "")
            ours = (e["name"] in ("FunctionCall", "v8.compile", "v8.compileModule") and url.startswith(origin)) or (
                e["name"] == "v8.evaluateModule" and e["args"].get("worldName") == "Ask First")
            if ours and (task := task_at(e["ts"])):
                task.entries.append(f"{url.rsplit('/', 1)[-1]}:{data.get('functionName') or e['name']}")
                # A call's whole length counts, layout it forces and garbage it makes included.
                task.spans.append((e["ts"], e["ts"] + e.get("dur", 0)))

        # The sampling profiler: each sample's stack is a node of a tree sent in chunks.
        frames: dict[int, dict] = {}
        parent: dict[int, int | None] = {}
        samples: list[tuple[float, int]] = []
        clock = 0.0
        for e in sorted((e for e in ev if e["pid"] == pid and e["name"] in ("Profile", "ProfileChunk")),
                        key=lambda e: e["ts"]):
            data = e["args"]["data"]
            if e["name"] == "Profile":
                clock = data["startTime"]
                continue
            for node in data.get("cpuProfile", {}).get("nodes", []):
                frames[node["id"]], parent[node["id"]] = node["callFrame"], node.get("parent")
            for node_id, delta in zip(data.get("cpuProfile", {}).get("samples", []), data.get("timeDeltas", [])):
                clock += delta
                samples.append((clock, node_id))
        assert samples, "the trace holds no CPU samples: the measurement would see nothing"

        owner: dict[int, bool] = {}

        def is_ours(node: int) -> bool:
            if node not in owner:
                up = parent.get(node)
                owner[node] = frames[node].get("url", "").startswith(origin) or (up is not None and is_ours(up))
            return owner[node]

        def script_of(node: int) -> str:
            leaf = frames[node].get("functionName")
            while node is not None and not frames[node].get("url"):
                node = parent.get(node)
            if node is not None:
                return frames[node]["url"].rsplit("/", 1)[-1] or "page"
            return {"(program)": "browser: style, layout, paint", "(garbage collector)": "GC",
                    "(idle)": "idle"}.get(leaf, "scripts without a URL: the test harness")

        for (ts, node), (next_ts, _) in zip(samples, samples[1:] + [(samples[-1][0], 0)]):
            task = task_at(ts)
            if task is None:
                continue
            until = min(next_ts, task.end)
            if is_ours(node):  # promise continuations, e.g. after the worker's reply, have no call event
                task.spans.append((ts, until))
            else:
                name = script_of(node)
                task.others[name] = task.others.get(name, 0.0) + (until - ts) / 1000
        return tasks


# What the page does to the thread while it is open, as LinkedIn does: render it again
# (same messages, new elements), and load older messages above the ones on screen.
RENDER_AGAIN = """() => {
  const ul = document.querySelector(".msg-s-message-list-content");
  ul.replaceChildren(...[...ul.children].map((li) => li.cloneNode(true)));
}"""
LOAD_OLDER = """(n) => {
  const ul = document.querySelector(".msg-s-message-list-content");
  ul.prepend(...[...ul.children].slice(0, n).map((li, i) => {
    const old = li.cloneNode(true);
    old.querySelector("[data-event-urn]").setAttribute("data-event-urn", `urn:li:msg_message:older-${Date.now()}-${i}`);
    return old;
  }));
}"""
# The controls: a task of 70 ms, once in the page and once in the content script's own
# world (the isolated world Chromium names after the extension), where it runs from a
# script under the extension's URL as the content script's modules do. The measurement
# must see both, and blame the second one only on the extension.
BUSY_70_MS = "const t = performance.now(); while (performance.now() - t < 70) {}"
PAGE_CONTROL = f"() => setTimeout(function askfirstPageControl() {{ {BUSY_70_MS} }}, 0)"
CONTENT_CONTROL = "setTimeout(function askfirstContentControl() {{ {busy} }}, 0);\n//# sourceURL={origin}content/control.js"
DRAFT = "Hi! I wanted to ask how the project went, and whether the team shipped on time?"
MORE = " Great to hear."


@dataclass
class Run:
    max_ms: float  # the content script's longest share of one task
    p95_ms: float
    tasks: int  # tasks in which the content script ran
    inputs: int  # of them, its input listener
    whole_max_ms: float  # the longest of those tasks, Chromium's work in it included
    page_longest: list[str]
    page_control: Task
    content_control: Task


def measure_once(page: Page, origin: str) -> Run:
    with Trace(page) as trace:
        # Opening the thread: the content script starts and takes in 500 messages of history.
        page.goto(LI + THREAD_500)
        expect(page.locator("li.msg-s-message-list__event")).to_have_count(500)
        settle(page)
        page.locator(".msg-form__contenteditable").click()
        page.keyboard.type(DRAFT, delay=15)
        expect(page.locator("[data-askfirst-panel]")).to_have_attribute("data-askfirst-verdict", "ok")
        # A message arrives while the user types on.
        page.evaluate("() => window.fixtureReceive('It went well, thanks for asking!')")
        page.keyboard.type(MORE, delay=15)
        settle(page)
        page.evaluate(RENDER_AGAIN)
        settle(page)
        page.evaluate(LOAD_OLDER, 100)
        settle(page)
        page.evaluate(PAGE_CONTROL)
        settle(page)
        run_in_content_world(trace, CONTENT_CONTROL.format(busy=BUSY_70_MS, origin=origin))
        settle(page)
    tasks = trace.main_thread_tasks(THREAD_500, origin)
    page_control, content_control = (only(t for t in tasks if name in t.functions)
                                     for name in ("askfirstPageControl", "askfirstContentControl"))
    ours = [t for t in tasks if t.ours and t is not content_control]
    shares = sorted(t.ours_ms for t in ours)
    return Run(
        max_ms=shares[-1],
        p95_ms=shares[int(0.95 * (len(shares) - 1))],
        tasks=len(ours),
        inputs=sum(e == "bundle.js:input" for t in ours for e in t.entries),  # the content script is one bundle
        whole_max_ms=max(t.ms for t in ours),
        page_longest=[t.describe() for t in sorted(tasks, key=lambda t: -t.ms)[:3]],
        page_control=page_control,
        content_control=content_control,
    )


# Resolves when the page's main thread is next idle: timers due by then have run, and so
# has the content script's idle-time work queued before (idle callbacks run in order).
PAGE_IDLE = "() => new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout: 10000 }))"


def settle(page: Page) -> None:
    """Let the page finish what the last step started (twice: work done in slices re-queues)."""
    for _ in range(2):
        page.evaluate(PAGE_IDLE)


def only(tasks) -> Task:
    found = list(tasks)
    assert len(found) == 1, f"expected one control task in the trace, found {len(found)}"
    return found[0]


def run_in_content_world(trace: Trace, source: str) -> None:
    """Evaluate `source` in the isolated world where the extension's content script runs."""
    contexts: list[dict] = []
    trace.cdp.on("Runtime.executionContextCreated", lambda p: contexts.append(p["context"]))
    trace.cdp.send("Runtime.enable")  # announces the existing contexts before it returns
    try:
        world = next(c for c in contexts if c["name"] == "Ask First" and c["auxData"].get("type") == "isolated")
        trace.cdp.send("Runtime.evaluate", {"expression": source, "contextId": world["id"]})
    finally:
        trace.cdp.send("Runtime.disable")


def test_the_content_scripts_tasks_on_a_500_message_thread(paired, page: Page):
    """Prints the content script's longest task (budget: none over 50 ms), checks what the
    measurement rests on: the controls are seen and blamed right, the thread still works."""
    origin = paired.browser.url("")
    runs = [measure_once(page, origin) for _ in range(RUNS)]
    print(f"\n500-message thread (open, type, a message arrives, re-render, 100 older loaded), {RUNS} runs:")
    for i, r in enumerate(runs, 1):
        print(f"  run {i}: content script: longest {r.max_ms:.1f} ms, p95 {r.p95_ms:.1f} ms over {r.tasks} tasks; "
              f"longest task it ran in, Chromium's work included: {r.whole_max_ms:.0f} ms; "
              f"controls: in the page {r.page_control.ms:.0f} ms, seen as the content script's "
              f"{r.page_control.ours_ms:.0f} ms; in the content script's world {r.content_control.ms:.0f} ms, "
              f"seen as its {r.content_control.ours_ms:.0f} ms")
        print(f"         the page's longest tasks: {'; '.join(r.page_longest)}")
    for r in runs:
        # The controls: a 70 ms task is seen whole; blamed on the extension when it runs
        # in its world, and not when it runs in the page. And the content script's own
        # input listener is seen at every keystroke.
        # (69, not 70: the trace's clock and the page's performance.now() round apart.)
        assert r.page_control.ms >= 69 and sum(r.page_control.others.values()) >= 60, r.page_control
        assert not r.page_control.ours, r.page_control
        assert r.content_control.ms >= 69 and r.content_control.ours_ms >= 60, r.content_control
        assert r.inputs >= len(DRAFT + MORE), f"the input listener was seen {r.inputs} times"
    # The robust figure on a shared machine: the middle run. A slow handler is slow every time.
    longest = statistics.median(r.max_ms for r in runs)
    print(f"  content script's longest task, median of {RUNS} runs: {longest:.1f} ms (budget {BUDGET_MS} ms)")
    # What the measurement exercised still works: one arrival per run, no history reported.
    paired.wait_for_event("linkedin:long-thread-500", lambda e: e["type"] == "message_received")
    received = [e for e in paired.events_of("linkedin:long-thread-500") if e["type"] == "message_received"]
    assert len(received) == RUNS, received


def test_companion_stopped_typing_lands_and_the_offline_notice_shows_once(paired, page: Page):
    companion = paired.companion
    companion.stop()
    try:
        page.goto(LI + "/feed/")
        box = page.locator(".msg-form__contenteditable")
        box.click()
        text = "Hi Sam, can we set up a call to discuss a partnership?"
        box.press_sequentially(text, delay=5)
        notice = page.locator("[data-askfirst-offline]")
        expect(notice).to_be_visible()
        expect(notice).to_contain_text("askfirst serve")
        assert box.inner_text().strip() == text
        assert not page.locator("[data-askfirst-verdict]").count()
        # Keep typing: the notice is not repeated in the page, nor does it steal the caret.
        page.keyboard.type(" Thanks!")
        assert box.inner_text().strip() == text + " Thanks!"
        expect(page.locator("[data-askfirst-panel]")).to_have_count(1)
        # The popup says what is wrong and how to fix it.
        popup = paired.browser.context.new_page()
        popup.goto(paired.browser.url("popup/popup.html"))
        expect(popup.get_by_text("Companion offline")).to_be_visible()
        expect(popup.get_by_text("askfirst serve")).to_be_visible()
        popup.close()
    finally:
        companion.start()
    # Back online, verdicts come again on the same page. Opening the popup retries at once
    # (no waiting out the backoff) and says so.
    popup = paired.browser.context.new_page()
    popup.goto(paired.browser.url("popup/popup.html"))
    expect(popup.get_by_role("status")).to_contain_text("connected", timeout=30_000)
    popup.close()
    page.keyboard.type(" ")
    expect(page.locator("[data-askfirst-panel]")).to_have_attribute(
        "data-askfirst-verdict", re.compile(r"^(premature|wait|pitch_heavy|ask_first)$"), timeout=40_000)
