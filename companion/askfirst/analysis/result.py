"""The plain data an analysis returns. The UI only renders it (the Harper way).

Offsets are in Unicode code points of the draft as received, which is exactly how
Python indexes a `str`; the extension converts them to its own UTF-16 indices.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

VERDICTS = ("premature", "wait", "pitch_heavy", "ask_first", "ok")
KINDS = ("message", "connection_note", "inmail", "comment", "post")
# Kinds written to one known person; posts and comments are public: no timing, any greeting.
DIRECT_KINDS = frozenset({"message", "connection_note", "inmail"})
SEVERITIES = ("info", "warn", "stop")
MAX_DRAFT_CHARS = 20_000


class DraftError(ValueError):
    """A draft the engine refuses to analyse; `field` names the offending input."""

    def __init__(self, message: str, field: str = "text") -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    quote: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "quote": self.quote}


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str
    message: str
    suggestion: str
    spans: tuple[Span, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "suggestion": self.suggestion,
            "spans": [s.to_dict() for s in self.spans],
        }


@dataclass(frozen=True)
class Result:
    verdict: str
    score: int
    headline: str  # the one sentence the panel shows first
    findings: tuple[Finding, ...]
    metrics: dict[str, Any]
    context: dict[str, Any]
    kind: str = "message"
    language: str = "en"

    def to_dict(self) -> dict[str, Any]:
        return {
            "verdict": self.verdict,
            "score": self.score,
            "headline": self.headline,
            "kind": self.kind,
            "language": self.language,
            "findings": [f.to_dict() for f in self.findings],
            "metrics": dict(self.metrics),
            "context": dict(self.context),
        }
