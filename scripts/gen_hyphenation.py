#!/usr/bin/env python3
"""Writes the hyphenation table the analysis ships, from pyphen's American English patterns.

    .venv/bin/python scripts/gen_hyphenation.py [--out companion/askfirst/analysis/hyphenation.json]

textstat counts the syllables of a word the pronouncing dictionary lacks (a name, a brand)
with pyphen's hyphenation patterns. pyphen parses its pattern file on first use, which
took longer than the whole rest of `askfirst check` on one draft; this script keeps
pyphen's parsed patterns ({pattern: [start, [values]]}, exactly what pyphen builds) as
JSON, which loads about ten times faster. The table records the pattern file it came
from (name and CRC-32): the analysis uses it only while pyphen ships that very file, and
otherwise lets pyphen parse its own. Run it again when pyphen changes;
tests/analysis/test_hyphenation_table.py fails while the shipped table is out of date.
The patterns' licence is shipped beside it.
"""

from __future__ import annotations

import argparse
import json
import shutil
import zlib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "companion" / "askfirst" / "analysis" / "hyphenation.json"
LANG = "en_US"


def table() -> dict[str, Any]:
    import pyphen

    path = Path(pyphen.LANGUAGES[LANG])
    patterns = pyphen.HyphDict(path).patterns
    return {"source": path.name, "crc32": zlib.crc32(path.read_bytes()),
            "patterns": {key: [start, list(values)] for key, (start, values) in sorted(patterns.items())}}


def render(found: dict[str, Any]) -> str:
    return json.dumps(found, ensure_ascii=False, separators=(",", ":")) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    import pyphen

    found = table()
    args.out.write_text(render(found), encoding="utf-8")
    readme = Path(pyphen.LANGUAGES[LANG]).with_name(f"README_hyph_{LANG}.txt")
    shutil.copyfile(readme, args.out.with_suffix(".LICENSE"))
    print(f"{len(found['patterns'])} patterns from {found['source']} -> {args.out}")


if __name__ == "__main__":
    main()
