#!/usr/bin/env python3
"""Writes the prefix table the phrase matcher ships, from the lexicon's patterns.

    .venv/bin/python scripts/gen_prefixes.py [--out companion/askfirst/analysis/prefixes.json]

The matcher (analysis/matcher.py) tries at each word start only the alternatives that can
start there, found by the strings their matches can start with, which it reads from each
pattern's parse tree. Reading them all took longer than the rest of `askfirst check` on one
draft, so this script reads them once and writes them as {pattern: [start, ...]}. Run it
after editing the lexicon; tests/analysis/test_matcher.py fails while the shipped table is out of date.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "companion" / "askfirst" / "analysis" / "prefixes.json"


def table() -> dict[str, list[str]]:
    from askfirst.analysis import engine
    from askfirst.analysis.matcher import read_prefixes

    patterns = [p for s in engine._EVERY_CUE.sets for p in s.patterns]
    return {p: sorted(read_prefixes(p)) for p in sorted(set(patterns))}


def render(found: dict[str, list[str]]) -> str:
    return json.dumps(found, indent=0, ensure_ascii=False) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    found = table()
    args.out.write_text(render(found), encoding="utf-8")
    print(f"{len(found)} patterns -> {args.out}")


if __name__ == "__main__":
    main()
