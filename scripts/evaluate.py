#!/usr/bin/env python3
"""How right is the analysis? Prints a confusion matrix for a labelled corpus.

    scripts/evaluate.py                         # every corpus under tests/corpus/, hold-out last
    scripts/evaluate.py tests/corpus/holdout.jsonl --errors
    scripts/evaluate.py --sms PATH/SMSSpamCollection

A corpus is JSON lines with `text`, `kind` and `expected` (see tests/corpus/README.md).
`--sms` reads the public SMS Spam Collection (label<TAB>text a line) and reports how
often real personal messages ("ham") are flagged, and how many promotions ("spam") are.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "companion"))

from askfirst.analysis import VERDICTS, analyze  # noqa: E402

DEFAULT_CORPORA = [ROOT / "tests/corpus" / name for name in ("drafts.jsonl", "more.jsonl", "extra.jsonl", "holdout.jsonl")]


def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def judge(items: list[dict]) -> list[tuple[dict, str]]:
    return [(it, analyze(it["text"], it.get("kind", "message"), recipient=it.get("recipient")).verdict)
            for it in items]


def report(name: str, judged: list[tuple[dict, str]], show_errors: bool) -> dict:
    matrix: dict[str, Counter] = defaultdict(Counter)
    for item, got in judged:
        matrix[item["expected"]][got] += 1
    labels = [v for v in VERDICTS if v in matrix or any(v in row for row in matrix.values())]
    total = len(judged)
    right = sum(matrix[v][v] for v in labels)
    genuine = sum(matrix["ok"].values())
    false_alarms = genuine - matrix["ok"]["ok"]

    print(f"\n== {name}: {total} drafts")
    width = max(len(v) for v in labels) + 2
    print("expected \\ got".ljust(width + 4) + "".join(v.rjust(width) for v in labels))
    for exp in labels:
        print(exp.ljust(width + 4) + "".join(str(matrix[exp][got]).rjust(width) for got in labels))
    print(f"accuracy: {right}/{total} = {right / total:.1%}")
    if genuine:
        print(f"genuine notes flagged (false alarms): {false_alarms}/{genuine} = {false_alarms / genuine:.1%}")
    for exp in labels:
        n = sum(matrix[exp].values())
        if n:
            print(f"  recall {exp:<12} {matrix[exp][exp]:>4}/{n:<4} = {matrix[exp][exp] / n:.0%}")
    if show_errors:
        print("errors:")
        for item, got in judged:
            if got != item["expected"]:
                print(f"  [{item.get('id')}] expected {item['expected']}, got {got}: {item['text'][:140]!r}")
    return {"total": total, "right": right, "accuracy": right / total if total else 0.0,
            "false_alarms": false_alarms, "genuine": genuine}


def sms(path: Path) -> None:
    counts: dict[str, Counter] = defaultdict(Counter)
    with path.open(encoding="utf-8", errors="replace") as f:
        for line in f:
            label, _, text = line.rstrip("\n").partition("\t")
            if label not in ("ham", "spam"):
                continue
            counts[label][analyze(text[:20_000], "message").verdict] += 1
    print(f"\n== SMS Spam Collection ({path})")
    for label in ("ham", "spam"):
        c = counts[label]
        n = sum(c.values())
        flagged = n - c["ok"]
        pitchy = c["pitch_heavy"]
        print(f"{label:5} {n:5} messages: flagged {flagged} ({flagged / n:.1%}), pitch_heavy {pitchy} "
              f"({pitchy / n:.1%}); " + ", ".join(f"{v} {c[v]}" for v in VERDICTS if c[v]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpora", nargs="*", type=Path)
    parser.add_argument("--errors", action="store_true", help="list every wrong verdict")
    parser.add_argument("--sms", type=Path, metavar="SMSSpamCollection")
    args = parser.parse_args()
    if args.sms:
        sms(args.sms)
        if not args.corpora:
            return
    corpora = args.corpora or [p for p in DEFAULT_CORPORA if p.exists()]
    everything: list[tuple[dict, str]] = []
    for path in corpora:
        judged = judge(load(path))
        everything += judged
        report(path.name, judged, args.errors)
    if len(corpora) > 1:
        report("all corpora", everything, False)


if __name__ == "__main__":
    main()
