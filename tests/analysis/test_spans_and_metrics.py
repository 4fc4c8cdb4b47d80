"""Findings point at the draft in Unicode code points, and the metrics add up."""

import pytest

from askfirst.analysis import analyze

EMOJI_PITCH = "🚀🚀 Zoë, José & Łukasz — we help companies like yours grow revenue 👉 book a demo: calendly.com/acme/30min"


def all_spans(result):
    return [s for f in result.findings for s in f.spans]


def test_spans_quote_exactly_the_text_they_cover():
    result = analyze(EMOJI_PITCH, "message")
    spans = all_spans(result)
    assert spans
    for span in spans:
        assert EMOJI_PITCH[span.start:span.end] == span.quote


def test_offsets_count_code_points_not_utf16_units():
    result = analyze(EMOJI_PITCH, "message")
    span = next(s for s in all_spans(result) if s.quote.lower() == "we help companies")
    # Two rocket emoji are 2 code points (4 UTF-16 units); accents are single code points.
    assert span.start == EMOJI_PITCH.index("we help companies")
    assert span.start == len("🚀🚀 Zoë, José & Łukasz — ")


def test_spans_survive_to_dict():
    spans = analyze(EMOJI_PITCH, "message").to_dict()["findings"][0]["spans"]
    assert set(spans[0]) == {"start", "end", "quote"}


def test_metrics_count_words_questions_and_pronouns():
    text = "Hi Ana! How did you get into robotics? I loved your demo. Can we do a call on Friday?"
    m = analyze(text, "message").metrics
    assert m["words"] == 19
    assert m["sentences"] == 4
    assert m["questions"] == 2
    assert m["questions_about_them"] == 1  # the call request is not curiosity
    assert m["first_person"] == 2 and m["second_person"] == 2
    assert m["links"] == 0
    for key in ("reading_time_s", "flesch_reading_ease", "grade_level"):
        assert isinstance(m[key], float)


def test_links_are_counted():
    m = analyze("See https://example.com/a and www.example.org, also calendly.com/me", "message").metrics
    assert m["links"] == 3


@pytest.mark.parametrize("base", [
    "We help teams like yours cut costs.",
    "Congrats on the promotion!",
    "Do you have 15 minutes next week?",
])
def test_score_is_stable_under_trivial_edits(base):
    scores = {analyze(t, "message").score for t in (base, base + " ", " " + base, base + "\n", base.replace("'", "’"))}
    assert len(scores) == 1


def test_score_rises_with_every_pitch_signal():
    steps = [
        "Hi Sam.",
        "Hi Sam. We help startups like yours.",
        "Hi Sam. We help startups like yours grow revenue by 40%.",
        "Hi Sam. We help startups like yours grow revenue by 40%. Our clients include Stripe.",
        "Hi Sam. We help startups like yours grow revenue by 40%. Our clients include Stripe. Book a demo: calendly.com/x",
    ]
    scores = [analyze(t, "message").score for t in steps]
    assert scores == sorted(scores) and scores[0] < scores[-1], scores
    assert all(0 <= s <= 100 for s in scores)


def test_questions_about_them_lower_the_score():
    pitch = "We help startups like yours grow revenue by 40%."
    assert analyze(pitch + " How are you handling growth right now?", "message").score < analyze(pitch, "message").score


def test_the_learned_findings_quotes_are_whole_words():
    draft = ("Hi Sam, I came across your profile. We help companies like yours cut freight costs by 30%. "
             "Do you have 15 minutes next week? calendly.com/joe/15min")
    learned = next(f for f in analyze(draft).findings if f.rule == "pitch.learned")
    for span in learned.spans:
        assert span.start == 0 or draft[span.start - 1] == " ", span
        assert span.end == len(draft) or draft[span.end] in " .,?!", span
    assert "calendly.com/joe/15min" in [s.quote for s in learned.spans]
