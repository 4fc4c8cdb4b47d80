"""The analysis engine: is this draft a pitch, a premature ask, or a genuine note?

    from askfirst.analysis import analyze
    analyze("We help companies like yours...", "message").verdict   # 'pitch_heavy'
"""

from .engine import analyze
from .result import KINDS, MAX_DRAFT_CHARS, VERDICTS, DraftError, Finding, Result, Span

__all__ = ["analyze", "DraftError", "Finding", "Result", "Span", "KINDS", "VERDICTS", "MAX_DRAFT_CHARS"]
