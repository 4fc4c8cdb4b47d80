"""Matching many alternative phrases fast, at word starts only.

Python's `re` tries every alternative of a big `a|b|c|…` pattern at every position. The
lexicon has a few hundred alternatives, so a 150-word draft would cost milliseconds. A
`PhraseSet` sorts the alternatives by the two characters they can start with (read from
the pattern's parse tree) and, at each word start, tries only those that can match there,
as one compiled alternation in the original order: the same matches as `re`'s
leftmost-first alternation, several times faster.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left
from collections.abc import Callable, Sequence

try:  # Python 3.11+
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]


class _Lazy:
    """A regex compiled on its first use: a process that checks one draft compiles only the
    alternations that draft's words can start, not all few hundred (most of the start-up)."""

    __slots__ = ("source", "_compiled")

    def __init__(self, source: str) -> None:
        self.source = source
        self._compiled: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(self.source)
        return compiled

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled().match(text, pos, endpos)


class PhraseSet:
    """Alternatives (regex strings, lower-case) with an optional label for each.

    A group named `q` in an alternative marks the part to highlight (see `span_of`).
    """

    def __init__(self, patterns: Sequence[str], labels: Sequence[str] | None = None) -> None:
        self.labels = list(labels) if labels is not None else [""] * len(patterns)
        wrapped = [f"(?P<b{i}>{p.replace('(?P<q>', f'(?P<q{i}>')})" for i, p in enumerate(patterns)]
        two: dict[str, set[int]] = {}
        one: dict[str, set[int]] = {}
        always: set[int] = set()
        for i, p in enumerate(patterns):
            for prefix in _prefixes(p):
                if len(prefix) == 2:
                    two.setdefault(prefix, set()).add(i)
                elif prefix:
                    one.setdefault(prefix, set()).add(i)
                else:
                    always.add(i)
        cache: dict[tuple[int, ...], _Lazy] = {}

        def combined(idx: set[int]) -> _Lazy | None:
            key = tuple(sorted(idx))
            if not key:
                return None
            if key not in cache:
                cache[key] = _Lazy("|".join(wrapped[i] for i in key))
            return cache[key]

        self._always = combined(always)
        self._by_char = {c: combined(idx | always) for c, idx in one.items()}
        self._by_pair = {k: combined(idx | one.get(k[0], set()) | always) for k, idx in two.items()}
        # A first character that only 2-character prefixes start with: nothing else can match.
        for k in two:
            self._by_char.setdefault(k[0], self._always)

    def pattern_at(self, text: str, pos: int) -> _Lazy | None:
        """The alternatives that can start at text[pos] (None: none can)."""
        p = self._by_pair.get(text[pos:pos + 2])
        if p is not None:
            return p
        return self._by_char.get(text[pos], self._always)

    def scan(self, text: str, starts: Sequence[int], lo: int = 0, hi: int | None = None) -> list[tuple[int, re.Match[str]]]:
        """Non-overlapping (alternative index, match) pairs starting at `starts` in [lo, hi)."""
        out: list[tuple[int, re.Match[str]]] = []
        stop = len(text) if hi is None else hi
        end = lo
        for pos in starts[bisect_left(starts, lo):]:
            if pos >= stop:
                break
            if pos < end:
                continue
            pattern = self.pattern_at(text, pos)
            if pattern is None:
                continue
            m = pattern.match(text, pos, stop)
            if m and m.end() > pos:
                out.append((int(m.lastgroup[1:]), m))  # type: ignore[index]
                end = m.end()
        return out

    def spans(self, text: str, starts: Sequence[int]) -> list[tuple[int, int]]:
        return [m.span() for _, m in self.scan(text, starts)]

    @staticmethod
    def span_of(i: int, m: re.Match[str]) -> tuple[int, int]:
        """The part of a match to highlight: its `q` group if it has one."""
        q = f"q{i}"
        return m.span(q) if q in m.re.groupindex and m.group(q) is not None else m.span()


class PhraseSets:
    """Several PhraseSets scanned in one pass over the word starts.

    Each set keeps its own non-overlapping matches, exactly as if scanned alone; one
    lookup per position finds every set's candidate alternatives at once.
    """

    def __init__(self, sets: Sequence[PhraseSet]) -> None:
        self.sets = list(sets)
        pairs = {k for s in self.sets for k in s._by_pair}
        chars = {c for s in self.sets for c in s._by_char} | {k[0] for k in pairs}

        def candidates(pair: str | None, char: str | None) -> tuple[tuple[int, _Lazy], ...]:
            out = []
            for k, s in enumerate(self.sets):
                p = (s._by_pair.get(pair) if pair else None) or (s._by_char.get(char, s._always) if char else s._always)
                if p is not None:
                    out.append((k, p))
            return tuple(out)

        self._by_pair = {k: candidates(k, k[0]) for k in pairs}
        self._by_char = {c: candidates(None, c) for c in chars}
        self._default = candidates(None, None)
        # The compiled matchers for each two characters a phrase may start with, filled in as
        # drafts bring them: the scan's inner loop then calls the regex engine directly.
        self._resolved: dict[str, tuple[tuple[int, Callable[..., re.Match[str] | None]], ...]] = {}

    def _resolve(self, two: str) -> tuple[tuple[int, Callable[..., re.Match[str] | None]], ...]:
        todo = self._by_pair.get(two) or self._by_char.get(two[0], self._default)
        resolved = self._resolved[two] = tuple((k, lazy.compiled().match) for k, lazy in todo)
        return resolved

    def scan(self, text: str, starts: Sequence[int]) -> list[list[tuple[int, re.Match[str]]]]:
        """For each set, its (alternative index, match) pairs, as PhraseSet.scan gives them."""
        found: list[list[tuple[int, re.Match[str]]]] = [[] for _ in self.sets]
        ends = [0] * len(self.sets)
        resolved, resolve = self._resolved, self._resolve
        for pos in starts:
            two = text[pos:pos + 2]
            todo = resolved.get(two)
            if todo is None:
                todo = resolve(two)
            for k, match in todo:
                if pos < ends[k]:
                    continue
                m = match(text, pos)
                if m and m.end() > pos:
                    found[k].append((int(m.lastgroup[1:]), m))  # type: ignore[index]
                    ends[k] = m.end()
        return found

    def spans(self, text: str, starts: Sequence[int]) -> list[list[tuple[int, int]]]:
        return [[m.span() for _, m in pairs] for pairs in self.scan(text, starts)]


_MAX_PREFIXES = 4000


def _prefixes(pattern: str) -> set[str]:
    """Strings of up to 2 characters one of which every match of `pattern` starts with.

    A 1-character string means "this, then anything"; "" means "anything" (always tried).
    """
    try:
        found = _seq_prefixes(list(_p.parse(pattern)), 2, 0)
    except Exception:  # an internal API: if it changes, be correct and slower
        return {""}
    return found if len(found) <= _MAX_PREFIXES else {""}


def _seq_prefixes(items: list, n: int, depth: int) -> set[str]:
    if n == 0 or not items or depth > 40:
        return {""}
    (op, av), rest = items[0], items[1:]
    if op in (_c.AT, _c.ASSERT_NOT, _c.ASSERT):  # zero width
        return _seq_prefixes(rest, n, depth + 1)
    if op is _c.LITERAL:
        return {chr(av) + tail for tail in _seq_prefixes(rest, n - 1, depth + 1)}
    if op is _c.CATEGORY or op is _c.IN:
        chars = _in_chars(av if op is _c.IN else [(op, av)])
        if chars is None:
            return {""}
        tails = _seq_prefixes(rest, n - 1, depth + 1)
        return {c + t for c in chars for t in tails}
    if op is _c.SUBPATTERN:
        return _seq_prefixes(list(av[-1]) + rest, n, depth + 1)
    if op is _c.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            out |= _seq_prefixes(list(branch) + rest, n, depth + 1)
        return out
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
        lo, hi, body = av
        again = [] if hi == 1 else [(op, (max(lo - 1, 0), hi if hi is _c.MAXREPEAT else hi - 1, body))]
        out = _seq_prefixes(list(body) + again + rest, n, depth + 1)
        if lo == 0:
            out |= _seq_prefixes(rest, n, depth + 1)
        return out
    return {""}  # \w, ., anything else: no known prefix from here on


def _in_chars(av: list) -> set[str] | None:
    chars: set[str] = set()
    for op, val in av:
        if op is _c.LITERAL:
            chars.add(chr(val))
        elif op is _c.RANGE:
            lo, hi = val
            if hi - lo > 300:
                return None
            chars.update(chr(c) for c in range(lo, hi + 1))
        elif op is _c.CATEGORY and val in _CATEGORY_CHARS:
            chars.update(_CATEGORY_CHARS[val])
        else:  # \w, negation: anything
            return None
    return chars


_CATEGORY_CHARS = {
    _c.CATEGORY_DIGIT: "0123456789",
    _c.CATEGORY_SPACE: " \t\n\r\f\v",
}
