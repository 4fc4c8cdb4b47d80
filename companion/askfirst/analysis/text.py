"""Reading a draft: words, sentences, links and language, all with code-point offsets."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property

from .lexicon import FUNCTION_WORDS, TITLES

_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
LINK = re.compile(
    r"\bhttps?://[^\s<>\"']+|\bwww\.[^\s<>\"']+|"
    r"\b[a-z0-9][a-z0-9-]*\.(?:com|io|co|ai|org|net|app|dev|me|ly|link|page|site|xyz)/[^\s<>\"']*",
    re.IGNORECASE,
)
# A sentence ends at . ! ? … (possibly repeated, possibly followed by closing quotes or
# emoji) followed by white space, or at a line break.
# "Dear Mr. Lee," is one sentence: a title's full stop ends nothing.
SENTENCE_END = re.compile(r"(?:[.!?…]+(?i:" + "".join(rf"(?<!\b{t}\.)" for t in TITLES) + r")[\"'”’)\]]*(?=\s|$))|\n+")

_LETTER = re.compile(r"[^\W\d_]")
_NON_LATIN_LETTER = re.compile(r"[^\W\d_\u0000-\u024F\u1E00-\u1EFF]")
# Scripts whose letters mean "not English" for a draft made mostly of them.
_SCRIPT_LANG = (
    ((0x0400, 0x052F), "ru"),
    ((0x0370, 0x03FF), "el"),
    ((0x0590, 0x05FF), "he"),
    ((0x0600, 0x06FF), "ar"),
    ((0x0750, 0x077F), "ar"),
    ((0x0900, 0x097F), "hi"),
    ((0x0E00, 0x0E7F), "th"),
    ((0x3040, 0x30FF), "ja"),
    ((0xAC00, 0xD7AF), "ko"),
    ((0x4E00, 0x9FFF), "zh"),
    ((0x3400, 0x4DBF), "zh"),
)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str

    @property
    def is_question(self) -> bool:
        return "?" in self.text


class Draft:
    """A draft's text with lazily computed views. Offsets index `text` (code points)."""

    def __init__(self, text: str) -> None:
        self.text = text
        # Fold curly apostrophes so patterns need only one spelling; same length, so
        # offsets into `folded` are offsets into `text`.
        self.folded = text.replace("’", "'").replace("‘", "'")
        # ASCII-only lower case keeps every offset (str.lower() can lengthen "İ").
        self.lower = self.folded.translate(_ASCII_LOWER)

    @cached_property
    def words(self) -> list[str]:
        """The words, lower-cased (ASCII), in order."""
        return WORD.findall(self.lower)

    @cached_property
    def word_spans(self) -> list[tuple[int, int]]:
        """(start, end) of each word, in the same order as `words`."""
        return [m.span() for m in WORD.finditer(self.lower)]

    @cached_property
    def sentences(self) -> list[Sentence]:
        out: list[Sentence] = []
        start = 0
        text = self.folded
        for m in SENTENCE_END.finditer(text):
            end = m.end()
            _append_sentence(out, text, start, end)
            start = end
        _append_sentence(out, text, start, len(text))
        return out

    @cached_property
    def links(self) -> list[tuple[int, int]]:
        return [(m.start(), m.end()) for m in LINK.finditer(self.folded)]

    def quote(self, start: int, end: int) -> str:
        return self.text[start:end]


def _append_sentence(out: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped or not any(ch.isalnum() for ch in stripped):
        # Punctuation or emoji alone is not a sentence, but a lone "?" still marks the
        # previous sentence as a question.
        if "?" in stripped and out:
            prev = out[-1]
            out[-1] = Sentence(prev.start, prev.end, prev.text + "?")
        return
    lead = len(chunk) - len(chunk.lstrip())
    s = start + lead
    out.append(Sentence(s, s + len(stripped), stripped))


def detect_language(draft: Draft) -> str:
    """'en', another language code, or 'und' when there is too little text to tell.

    Scripts first (a draft written mostly in Cyrillic or Han is not English); then, for
    Latin text, which language's function words it uses most.
    """
    non_latin = _NON_LATIN_LETTER.findall(draft.text)
    letters = len(_LETTER.findall(draft.text)) if non_latin else 1
    by_script: dict[str, int] = {}
    for ch in non_latin:
        cp = ord(ch)
        for (lo, hi), lang in _SCRIPT_LANG:
            if lo <= cp <= hi:
                by_script[lang] = by_script.get(lang, 0) + 1
                break
        else:
            by_script["other"] = by_script.get("other", 0) + 1
    if letters == 0 or not draft.words:
        return "und"
    if by_script:
        lang, count = max(by_script.items(), key=lambda kv: kv[1])
        if sum(by_script.values()) / letters > 0.4:
            # Japanese mixes kana with Han; kana anywhere means Japanese.
            return "ja" if by_script.get("ja") else lang

    counts = {lang: 0 for lang in FUNCTION_WORDS}
    for word in draft.words:
        for lang in _LANGS_OF.get(word.lower(), ()):
            counts[lang] += 1
    english = counts.pop("en")
    other, other_count = max(counts.items(), key=lambda kv: kv[1])
    if other_count >= 2 and other_count > english * 1.2:
        return other
    if other_count == 1 and english == 0 and _has_foreign_diacritics(draft.text):
        return other
    return "en" if english or len(draft.words) >= 3 else "und"


_LANGS_OF: dict[str, tuple[str, ...]] = {}
for _lang, _words in FUNCTION_WORDS.items():
    for _w in _words:
        _LANGS_OF[_w] = _LANGS_OF.get(_w, ()) + (_lang,)


def _has_foreign_diacritics(text: str) -> bool:
    return any(unicodedata.decomposition(ch).split(" ")[:1] not in ([""], []) for ch in text if ch.isalpha())
