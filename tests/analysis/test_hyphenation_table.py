"""The shipped hyphenation table is pyphen's own parsed patterns, and hyphenates as pyphen does.

scripts/gen_hyphenation.py writes it from the installed pyphen; if pyphen's pattern file or
the script changes, this fails until the table is written again.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pyphen

from askfirst.analysis.readability import HYPHENATION, _pyphen

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
from gen_hyphenation import render, table  # noqa: E402

WORDS = sorted({w for path in (ROOT / "tests" / "corpus").glob("*.jsonl")
                for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
                for w in re.findall(r"[a-zà-ÿ'-]{2,}", json.loads(line)["text"].lower())})


def test_shipped_table_is_current():
    assert HYPHENATION.read_text(encoding="utf-8") == render(table()), "run scripts/gen_hyphenation.py"


def test_the_table_hyphenates_every_corpus_word_as_pyphen_parsing_its_file_does(monkeypatch):
    monkeypatch.setattr(pyphen, "hdcache", {})  # nothing parsed or loaded by an earlier test
    ours = _pyphen("en_US")
    theirs = pyphen.Pyphen(lang="en_US", cache=False)  # parses the file afresh
    assert theirs.hd is not ours.hd and len(WORDS) > 3000
    assert [ours.positions(w) for w in WORDS] == [theirs.positions(w) for w in WORDS]


def test_a_name_the_dictionary_lacks_never_makes_pyphen_parse_its_file():
    code = ("import pyphen\n"
            "def parse(self, path): raise AssertionError('pyphen parsed ' + str(path))\n"
            "pyphen.HyphDict.__init__ = parse\n"
            "from askfirst.analysis.readability import readability\n"
            "print(readability('Hi Priyanka, loved your Zxqvbnorama talk.')['flesch_reading_ease'])\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert float(out.stdout) < 100


def test_a_table_from_another_pattern_file_is_not_used(tmp_path, monkeypatch):
    from askfirst.analysis import readability

    kept = json.loads(HYPHENATION.read_text(encoding="utf-8"))
    kept["crc32"] += 1
    stale = tmp_path / "hyphenation.json"
    stale.write_text(json.dumps(kept), encoding="utf-8")
    monkeypatch.setattr(readability, "HYPHENATION", stale)
    monkeypatch.setattr(pyphen, "hdcache", {})
    hyphenator = _pyphen("en_US")
    assert type(hyphenator.hd) is pyphen.HyphDict and hyphenator.hd.patterns is not kept["patterns"]
    assert hyphenator.positions("hyphenation") == [2, 6]
