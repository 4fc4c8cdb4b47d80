"""The learned pitch signal: shipped as plain data, reproducible, explained, and right on real phrasings."""

import importlib.util
import json
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from askfirst.analysis import analyze
from askfirst.analysis import model as learned
from askfirst.timing import Timing

ROOT = Path(__file__).resolve().parent.parent.parent

FRIENDLY_PITCH = (
    "Hi Mark, hope all is well. Our company recently launched an AI tool that automates bookkeeping. "
    "I thought it might be relevant for your firm. Are you the right person to speak to about this?"
)
SOFT_PITCH = (
    "Hi Sarah, I hope you're doing well! I wanted to share something I think you'd find valuable. "
    "I've been working on a new approach to leadership coaching that's helped dozens of executives. "
    "Would love to tell you more."
)
QUALIFYING = (
    "Hi Linda, good meeting you at the chamber breakfast. As I mentioned, I'm a financial advisor and I "
    "specialize in retirement income planning. Do you currently have an annuity? I'd be happy to do a free "
    "portfolio review for you this week."
)
CURIOUS_THEN_ASK = (
    "Hi Sam, how did the product launch go last week? I'd love to hear what you learned. "
    "Any chance you'd be up for a coffee chat next week?"
)


def test_the_model_is_a_small_json_file_read_with_the_standard_library():
    assert learned.MODEL_FILE.stat().st_size <= 5 * 1024 * 1024
    data = json.loads(learned.MODEL_FILE.read_text(encoding="utf-8"))
    assert data["weights"] and 0 < data["pitches_at"] <= data["pitch_heavy_at"] < 1


def test_the_model_is_read_on_first_use_without_the_training_libraries():
    # The training libraries are blocked outright: judging a draft must not need them.
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('sklearn', 'numpy', 'scipy'):\n"
        "            raise ImportError(name + ' is blocked')\n"
        "sys.meta_path.insert(0, Block())\n"
        "import askfirst.analysis as a, askfirst.analysis.model as m\n"
        "assert m.load.cache_info().currsize == 0\n"
        "r = a.analyze('We help companies like yours grow revenue by 30%. Book a demo: calendly.com/acme/demo')\n"
        "assert m.load.cache_info().currsize == 1\n"
        "assert r.verdict == 'pitch_heavy', r.verdict\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


@pytest.mark.slow
def test_training_reproduces_the_shipped_model_exactly(tmp_path):
    if importlib.util.find_spec("sklearn") is None:
        pytest.skip("scikit-learn is not installed: pip install -e '.[train]' to check the model is reproducible")
    out = tmp_path / "pitch_model.json"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "train_model.py"), "--out", str(out)],
                   check=True, cwd=ROOT, capture_output=True)
    assert out.read_bytes() == learned.MODEL_FILE.read_bytes()


def _training_script():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import train_model
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    return train_model


def test_redaction_placeholders_are_read_as_what_they_hid(tmp_path):
    real = tmp_path / "tests" / "corpus" / "real"
    real.mkdir(parents=True)
    row = {"id": "r1", "text": "[name]: see [link] or mail [email], call [phone]", "kind": "message",
           "label": "ok", "split": "train", "family": "chat", "source": "a test"}
    (real / "rows.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    (text,) = [r["text"] for r in _training_script().real_rows(tmp_path)]
    assert "[" not in text
    assert "https://www.url.com" in text and "someone@url.com" in text and "555 0100" in text


def test_interest_in_the_reader_always_lowers_the_shipped_score():
    train_model = _training_script()
    weights = learned.load().weights
    for cue in train_model.INTEREST_CUES:
        # The cue's points are negative, so a weight at the floor or above lowers the score.
        assert weights["cue:" + cue] >= train_model.MIN_INTEREST_WEIGHT


@pytest.mark.parametrize("text", [FRIENDLY_PITCH, SOFT_PITCH, QUALIFYING])
def test_pitches_the_phrase_lists_missed_are_pitch_heavy(text):
    result = analyze(text, "message")
    assert result.verdict == "pitch_heavy"
    assert result.score >= 50


def test_a_pitch_the_day_after_meeting_is_premature():
    now = datetime(2026, 12, 2, 10, 0, tzinfo=timezone.utc)
    result = analyze(QUALIFYING, "message", timing=Timing(now=now, met_at=now - timedelta(days=1)))
    assert result.verdict == "premature"


def test_a_qualifying_question_is_not_interest_in_them():
    assert analyze(QUALIFYING, "message").metrics["questions_about_them"] == 0
    assert analyze("Are you looking to grow your team this year?", "message").metrics["questions_about_them"] == 0


def test_curiosity_without_the_word_you_is_a_question_about_them():
    result = analyze(CURIOUS_THEN_ASK, "message")
    assert result.metrics["questions_about_them"] == 1
    assert result.verdict == "ok"


def test_the_learned_warning_quotes_the_phrases_that_pushed_the_score():
    result = analyze(FRIENDLY_PITCH, "message")
    finding = next(f for f in result.findings if f.rule == "pitch.learned")
    assert finding.severity == "warn" and finding.spans and finding.suggestion
    for span in finding.spans:
        assert FRIENDLY_PITCH[span.start:span.end] == span.quote
        assert f"“{span.quote}”" in finding.message or len(finding.spans) > 3
    assert any("launched" in s.quote for s in finding.spans)


def test_genuine_notes_stay_ok_with_a_low_score():
    for text in ("Congrats on the new role, Priya! Well deserved.",
                 "Thanks for the intro to Tom yesterday, we had a great chat.",
                 "How did the marathon go? Hope the knee held up."):
        result = analyze(text, "message")
        assert result.verdict == "ok", text
        assert result.score < 30, (text, result.score)


def test_the_score_rises_with_more_pitch():
    base = "Hi Dana, I run a bookkeeping firm."
    more = base + " We help companies like yours cut costs by 30%. Book a free demo: calendly.com/acme/15min"
    assert analyze(more, "message").score > analyze(base, "message").score


def test_a_trailing_space_changes_nothing():
    a, b = analyze(SOFT_PITCH, "message"), analyze(SOFT_PITCH + " ", "message")
    assert (a.verdict, a.score) == (b.verdict, b.score)


def test_a_model_file_of_another_format_is_refused():
    with pytest.raises(ValueError, match="format"):
        learned.from_json(json.dumps({"format": 99, "bias": 0, "weights": {}, "pitch_heavy_at": 0.5, "pitches_at": 0.4}))
