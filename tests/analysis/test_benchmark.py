"""Speed of the analysis in process (budget for 150 words: median <= 1 ms, p99 <= 5 ms).

Runs with `pytest --benchmark-enable -k benchmark`; the default test run skips timing.
scripts/bench_analysis.py prints median and p99 without pytest.
"""

from askfirst.analysis import analyze

DRAFT_150 = (
    "Hi Dana, I came across your profile and was really impressed by your work at Fleetwise. "
    "We help logistics companies like yours cut freight costs by up to 30% with our AI-powered routing "
    "platform, and our clients include three of the top ten carriers in North America. "
    "I'd love to show you how it works. Our onboarding takes less than a week, the integration with your "
    "TMS is seamless, and there's no long-term contract. We have helped over 200 fleets reduce empty miles "
    "and improve on-time delivery. I know you're busy, so I'll keep it short: would you be open to a quick "
    "15-minute call next Tuesday or Wednesday? You can grab a slot on my calendar here: "
    "calendly.com/joe-routing/15min. If the timing isn't right, no worries at all, just let me know who on "
    "your team handles carrier operations and I'll reach out to them directly. Thanks, and have a great week!"
)


def test_benchmark_150_word_draft(benchmark):
    assert 140 <= len(DRAFT_150.split()) <= 160
    result = benchmark(analyze, DRAFT_150, "message")
    assert result.verdict == "pitch_heavy"
