"""Matching many alternative phrases fast, at word starts only.

Python's `re` tries every alternative of a big `a|b|c|…` pattern at every position. The
lexicon has a few hundred alternatives, so a 150-word draft would cost milliseconds. A
`PhraseSet` sorts the alternatives by the characters they can start with (read from the
compiled pattern's parse tree) and, at each word start, tries only those that can match
there. Same matches as `re`'s leftmost-first alternation, several times faster.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence

try:  # Python 3.11+
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

_ANY = None  # "can start with anything": always tried


class PhraseSet:
    """Alternatives (regex strings, lower-case) with an optional label for each.

    A group named `q` in an alternative marks the part to highlight (see `span_of`).
    """

    def __init__(self, patterns: Sequence[str], labels: Sequence[str] | None = None) -> None:
        self.labels = list(labels) if labels is not None else [""] * len(patterns)
        wrapped = [f"(?P<b{i}>{p.replace('(?P<q>', f'(?P<q{i}>')})" for i, p in enumerate(patterns)]
        by_char: dict[str, list[int]] = {}
        always: list[int] = []
        for i, p in enumerate(patterns):
            chars = _first_chars(p)
            if chars is _ANY:
                always.append(i)
            else:
                for ch in chars:
                    by_char.setdefault(ch, []).append(i)
        # One compiled alternation per first character keeps re's leftmost-first order
        # among the alternatives that can start there.
        cache: dict[tuple[int, ...], re.Pattern[str]] = {}

        def combined(idx: list[int]) -> re.Pattern[str]:
            key = tuple(sorted(set(idx)))
            if key not in cache:
                cache[key] = re.compile("|".join(wrapped[i] for i in key))
            return cache[key]

        self._always = combined(always) if always else None
        self._by_char = {ch: combined(idx + always) for ch, idx in by_char.items()}

    def scan(self, text: str, starts: Sequence[int], lo: int = 0, hi: int | None = None) -> list[tuple[int, re.Match[str]]]:
        """Non-overlapping (alternative index, match) pairs starting at `starts` in [lo, hi)."""
        out: list[tuple[int, re.Match[str]]] = []
        stop = len(text) if hi is None else hi
        end = lo
        by_char = self._by_char
        always = self._always
        for pos in starts[bisect_left(starts, lo):]:
            if pos >= stop:
                break
            if pos < end:
                continue
            pattern = by_char.get(text[pos], always)
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


def _first_chars(pattern: str) -> frozenset[str] | None:
    try:
        return _first(list(_p.parse(pattern)))
    except Exception:  # an internal API: if it changes, be correct and slower
        return _ANY


def _first(items: Iterable[tuple]) -> frozenset[str] | None:
    """First characters a sequence of parsed regex items can match, or _ANY."""
    acc: set[str] = set()
    for op, av in items:
        if op is _c.AT:  # \b, ^: zero width
            continue
        if op is _c.LITERAL:
            return frozenset(acc | {chr(av)})
        if op is _c.IN:
            chars = _in_chars(av)
            return _ANY if chars is _ANY else frozenset(acc | chars)
        if op is _c.SUBPATTERN:
            sub = _first(list(av[-1]))
            return _ANY if sub is _ANY else frozenset(acc | sub)
        if op is _c.BRANCH:
            union: set[str] = set()
            for branch in av[1]:
                sub = _first(list(branch))
                if sub is _ANY:
                    return _ANY
                union |= sub
            return frozenset(acc | union)
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            lo, _hi, body = av
            sub = _first(list(body))
            if sub is _ANY:
                return _ANY
            acc |= sub
            if lo > 0:
                return frozenset(acc)
            continue  # optional: the next item may come first too
        if op is _c.ASSERT_NOT:
            continue
        return _ANY
    return _ANY  # everything optional: may match the empty string anywhere


def _in_chars(av: list[tuple]) -> frozenset[str] | None:
    chars: set[str] = set()
    for op, val in av:
        if op is _c.LITERAL:
            chars.add(chr(val))
        elif op is _c.RANGE:
            lo, hi = val
            if hi - lo > 300:
                return _ANY
            chars.update(chr(c) for c in range(lo, hi + 1))
        else:  # categories (\w, \d), negation: anything
            return _ANY
    return frozenset(chars)
