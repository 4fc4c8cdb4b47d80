#!/usr/bin/env python3
"""`askfirst check --batch` against `proselint check` on the same 2,000 drafts.

Whole process against whole process, interpreter start-up included, best of 3:

    scripts/bench_batch.py [--proselint PATH] [--n 2000]

proselint is not a dependency of Ask First; install it anywhere to compare
(`python3 -m venv /tmp/pl && /tmp/pl/bin/pip install proselint`, then
`--proselint /tmp/pl/bin/proselint`). The drafts come from tests/corpus/.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ASKFIRST = Path(sys.executable).with_name("askfirst")


def drafts(n: int) -> list[str]:
    corpus = [json.loads(line)["text"] for path in sorted((ROOT / "tests/corpus").glob("*.jsonl"))
              for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    corpus = [t for t in corpus if t.strip()]
    return [f"{corpus[i % len(corpus)]} ({i})" for i in range(n)]


def best_of(cmd: list[str], runs: int = 3, **kwargs) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, **kwargs)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--proselint", default=shutil.which("proselint"))
    args = parser.parse_args()
    texts = drafts(args.n)
    with tempfile.TemporaryDirectory() as tmp:
        batch = Path(tmp) / "drafts.jsonl"
        batch.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(texts)), encoding="utf-8")
        folder = Path(tmp) / "drafts"
        folder.mkdir()
        for i, t in enumerate(texts):
            (folder / f"{i:05}.txt").write_text(t, encoding="utf-8")

        ours = best_of([str(ASKFIRST), "check", "--batch", str(batch), "--json"])
        print(f"askfirst check --batch, {args.n} drafts: {ours:.2f} s ({ours / args.n * 1000:.2f} ms a draft)")
        if not args.proselint:
            print("proselint not found: pass --proselint PATH to compare (see --help)")
            return
        theirs = best_of([args.proselint, "check", *sorted(str(p) for p in folder.iterdir())])
        print(f"proselint check, same {args.n} drafts: {theirs:.2f} s ({theirs / args.n * 1000:.2f} ms a draft)")
        print(f"askfirst is {theirs / ours:.1f}× faster" if ours < theirs else f"proselint is {ours / theirs:.1f}× faster")


if __name__ == "__main__":
    main()
