#!/usr/bin/env python3
"""Times the analysis of 150-word drafts in process and prints median and p99 (budget: median ≤ 1 ms, p99 ≤ 5 ms)."""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "companion"))
sys.path.insert(0, str(ROOT / "tests" / "analysis"))

from askfirst.analysis import analyze  # noqa: E402

from test_benchmark import DRAFT_150  # noqa: E402


def main(n: int = 3000) -> None:
    rng = random.Random(7)
    words = DRAFT_150.split()
    # Distinct drafts (shuffled sentences and words), so no cache makes the figures look better.
    drafts = []
    for _ in range(n):
        w = words[:]
        i = rng.randrange(len(w))
        w[i], w[-1] = w[-1], w[i]
        drafts.append(" ".join(w) + f" #{rng.random():.6f}")
    analyze(drafts[0], "message")  # load the syllable dictionary once, as a server would
    times = []
    for d in drafts:
        t = time.perf_counter()
        analyze(d, "message")
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    print(f"analysis of a 150-word draft, {n} runs: median {statistics.median(times):.3f} ms, "
          f"p99 {times[int(n * 0.99)]:.3f} ms, max {times[-1]:.3f} ms  (budget: median <= 1 ms, p99 <= 5 ms)")


if __name__ == "__main__":
    main()
