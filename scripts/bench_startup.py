#!/usr/bin/env python3
"""How long the `askfirst` command takes from start to exit, beside proselint, in one run.

    .venv/bin/python scripts/bench_startup.py [--runs 7] [--batch 2000] [--contacts 30000]
                                              [--proselint PATH | --no-proselint]

Every figure is a whole process (interpreter start-up, imports, work, exit), the median of
--runs runs, in wall-clock time and in CPU time (user + system; on a busy machine the CPU
time is the steadier of the two). It measures:

1. `askfirst check` on one draft, against `proselint check` on the same draft
   (budget: 0.25 s, and no slower than proselint);
2. `askfirst check --batch` on --batch drafts, against `proselint check` on the same
   drafts, one file each (budget: at most half proselint's time);
3. `askfirst today` with --contacts contacts (a synthetic LinkedIn export imported into
   a throw-away data folder), against the bare interpreter start-up `python -c pass`
   (budget: 50 ms beyond it), through the console script pip installs: once with the
   folder named by ASKFIRST_DATA_DIR, once found the way most users' is, by platformdirs
   (in a throw-away home). The warm-up run computes the list and keeps it in the
   database; the timed runs print the kept list, as every look after the first of a day
   does until something changes.

The drafts are the labelled ones in tests/corpus/. proselint is not a dependency of Ask
First: unless --proselint names one, the script installs it into a throw-away virtualenv
(from PyPI, through pip), or says why it could not and carries on without it. Nothing
here reads or writes your data folder or keyring.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ASKFIRST = [sys.executable, "-m", "askfirst"]
ONE_DRAFT = ("Hi Dana, I came across your profile. We help companies like yours cut freight costs by 30%. "
             "Do you have 15 minutes next week? calendly.com/joe/15min")


def corpus_drafts(n: int) -> list[str]:
    texts = [json.loads(line)["text"] for path in sorted((ROOT / "tests" / "corpus").glob("*.jsonl"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [t for t in texts if t.strip()]
    return [texts[i % len(texts)] for i in range(n)]


def timed(cmd: list[str], runs: int, env: dict[str, str] | None = None, stdin: bytes | None = None) -> tuple[float, float]:
    """Median wall-clock and CPU seconds of `cmd` over `runs` runs (one warm-up first)."""
    walls, cpus = [], []
    for i in range(runs + 1):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(cmd, input=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if i:  # the first run warms the disk cache and the .pyc files
            walls.append(wall)
            cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.0f} ms"


def row(what: str, figures: tuple[float, float], note: str = "") -> None:
    wall, cpu = figures
    print(f"  {what:<48} {ms(wall)} wall {ms(cpu)} CPU  {note}")


def install_proselint(tmp: Path) -> str | None:
    venv = tmp / "proselint-venv"
    try:
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, capture_output=True)
        subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                        "proselint"], check=True, capture_output=True, timeout=600)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as e:
        print(f"  (proselint could not be installed, so it is left out: {e})")
        return None
    return str(venv / "bin" / "proselint")


def isolated_env(tmp: Path) -> dict[str, str]:
    # Without the .pyc files an installed package has, every run would compile the
    # package again (~40 ms); PYTHONDONTWRITEBYTECODE in the caller's shell must not decide.
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASKFIRST_") and k != "PYTHONDONTWRITEBYTECODE"}
    env.update(ASKFIRST_DATA_DIR=str(tmp / "data"), PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
               HOME=str(tmp / "home"))
    (tmp / "home").mkdir(exist_ok=True)
    return env


def default_folder_env(tmp: Path, env: dict[str, str]) -> dict[str, str]:
    """`env` without ASKFIRST_DATA_DIR, its (throw-away) home's user data folder being the
    one imported into: the folder is then found by platformdirs, as for most users."""
    plain = {k: v for k, v in env.items() if k not in ("ASKFIRST_DATA_DIR", "XDG_DATA_HOME")}
    found = subprocess.run([sys.executable, "-c", "import platformdirs; print(platformdirs.user_data_dir('askfirst'))"],
                           env=plain, check=True, capture_output=True, text=True).stdout.strip()
    folder = Path(found)
    folder.parent.mkdir(parents=True, exist_ok=True)
    folder.symlink_to(env["ASKFIRST_DATA_DIR"], target_is_directory=True)
    return plain


def import_contacts(tmp: Path, env: dict[str, str], contacts: int) -> None:
    spec = importlib.util.spec_from_file_location("gen_linkedin_export", ROOT / "scripts" / "gen_linkedin_export.py")
    gen = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(gen)  # type: ignore[union-attr]
    from datetime import datetime

    export = tmp / "export"
    export.mkdir()
    gen.generate(export, contacts, contacts * 3, datetime.now().astimezone().date())
    subprocess.run([*ASKFIRST, "import", "linkedin", str(export)], env=env, check=True, capture_output=True)
    stop_background_scoring(Path(env["ASKFIRST_DATA_DIR"]))


def stop_background_scoring(data: Path) -> None:
    """The import goes on scoring the messages it read in a background process, for
    minutes; stopped here (the folder is thrown away) so it does not compete for the CPU
    with the runs timed."""
    from askfirst.insights import progress_path, scoring_status

    status = scoring_status(data)
    if not status or not status["running"]:  # nothing left to score: the pid may be another's now
        return
    try:
        pid = int(json.loads(progress_path(data).read_text())["pid"])
        os.kill(pid, signal.SIGTERM)
    except (OSError, ValueError, KeyError):  # done meanwhile
        return
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 epilog=__doc__.split("\n\n", 2)[2], formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=7, help="runs per figure, the median is shown (default: 7)")
    ap.add_argument("--batch", type=int, default=2000, help="drafts for check --batch (default: 2000)")
    ap.add_argument("--contacts", type=int, default=30_000, help="contacts for `askfirst today` (default: 30000)")
    group = ap.add_mutually_exclusive_group()
    group.add_argument("--proselint", metavar="PATH", help="a proselint command to compare with (default: install one)")
    group.add_argument("--no-proselint", action="store_true", help="leave proselint out")
    args = ap.parse_args()

    load = os.getloadavg()[0]
    print(f"Whole process, median of {args.runs} runs; {os.cpu_count()} CPUs, load average {load:.1f} now.")
    with tempfile.TemporaryDirectory(prefix="askfirst-bench-startup-") as name:
        tmp = Path(name)
        env = isolated_env(tmp)
        proselint = None if args.no_proselint else (args.proselint or install_proselint(tmp))

        print("\n1. One draft")
        one = tmp / "draft.txt"
        one.write_text(ONE_DRAFT, encoding="utf-8")
        ours = timed([*ASKFIRST, "check", str(one)], args.runs, env)
        row("askfirst check draft.txt", ours, "(budget 250 ms)")
        if proselint:
            theirs = timed([proselint, "check", str(one)], args.runs, env)
            row("proselint check draft.txt", theirs)
            print(f"  askfirst / proselint: {ours[0] / theirs[0]:.2f} wall, {ours[1] / theirs[1]:.2f} CPU (budget <= 1)")

        print(f"\n2. {args.batch} drafts")
        texts = corpus_drafts(args.batch)
        batch = tmp / "drafts.jsonl"
        batch.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(texts)),
                         encoding="utf-8")
        folder = tmp / "drafts"
        folder.mkdir()
        for i, t in enumerate(texts):
            (folder / f"{i:05}.txt").write_text(t, encoding="utf-8")
        runs = max(3, args.runs // 2)
        ours = timed([*ASKFIRST, "check", "--batch", str(batch), "--json"], runs, env)
        row(f"askfirst check --batch ({args.batch} lines)", ours)
        if proselint:
            theirs = timed([proselint, "check", *sorted(str(p) for p in folder.iterdir())], runs, env)
            row(f"proselint check ({args.batch} files)", theirs)
            print(f"  askfirst / proselint: {ours[0] / theirs[0]:.2f} wall, {ours[1] / theirs[1]:.2f} CPU (budget <= 0.5)")

        print(f"\n3. Today's follow-ups, {args.contacts:,} contacts")
        import_contacts(tmp, env, args.contacts)
        bare = timed([sys.executable, "-c", "pass"], args.runs, env)
        row("python -c pass (interpreter start)", bare)
        script = Path(sys.executable).with_name("askfirst")  # the console script pip installs
        command = [str(script)] if script.is_file() else ASKFIRST
        for where, today_env in (("ASKFIRST_DATA_DIR", env), ("default folder", default_folder_env(tmp, env))):
            today = timed([*command, "today"], args.runs, today_env)
            row(f"askfirst today ({where})", today)
            print(f"  beyond interpreter start: {ms(today[0] - bare[0])} wall, {ms(today[1] - bare[1])} CPU "
                  "(budget 50 ms)")
        if shutil.which("proselint") is None and not proselint:
            print("\n(proselint left out: pass --proselint PATH to compare)")


if __name__ == "__main__":
    main()
