"""The wrong-name greeting: "Hi Dana," to Jane Okafor is flagged; nicknames and groups are not."""

import pytest

from askfirst.analysis import analyze
from askfirst.analysis.greeting import NICKNAMES, is_group, same_person, wrong_name

JANE = {"profile_url": "https://www.linkedin.com/in/jane-okafor/", "name": "Jane Okafor",
        "headline": "VP Operations at Fleetwise"}


def flagged(text: str, recipient: dict, kind: str = "message") -> list:
    return [f for f in analyze(text, kind, recipient=recipient).findings if f.rule == "greeting.wrong_name"]


@pytest.mark.parametrize("text", [
    "Hi Dana, congrats on the new role!",
    "Hello Dana! Loved your talk.",
    "Hey, Dana - quick question about Fleetwise.",
    "Dear Dana,\nI enjoyed your post.",
    "Good morning Dana, how was the conference?",
    "Hi there Dana 👋 how are things?",
])
def test_a_greeting_to_someone_else_is_a_warning_that_names_the_recipient(text):
    found = flagged(text, JANE)
    assert len(found) == 1
    f = found[0]
    assert f.severity == "warn"
    assert "Jane Okafor" in f.message and "Dana" in f.message
    assert "Jane" in f.suggestion
    (span,) = f.spans
    assert text[span.start:span.end] == span.quote == "Dana"


@pytest.mark.parametrize("kind", ["connection_note", "inmail"])
def test_every_kind_written_to_one_person_is_checked(kind):
    assert flagged("Hi Dana, I enjoyed your talk on logistics.", JANE, kind)


def test_spans_are_code_points_after_emoji_and_accents():
    text = "🎉🎉 Hi Zoë, congrats!"
    (f,) = wrong_name(text, "message", {"name": "Amélie Durand"})
    (span,) = f.spans
    assert (span.start, span.end) == (6, 9)
    assert text[span.start:span.end] == "Zoë"


@pytest.mark.parametrize("greeting, name", [
    ("Hi Jane,", "Jane Okafor"),
    ("Dear Ms. Okafor,", "Jane Okafor"),
    ("Hi Jim,", "James Hill"),
    ("Hey Jamie!", "James Hill"),
    ("Hi Liz,", "Elizabeth Moss"),
    ("Hello Beth,", "Elizabeth Moss"),
    ("Hi Bill,", "William Park"),
    ("Hi Alex,", "Alexandra Ruiz"),
    ("Hi Dan,", "Daniel Cho"),
    ("Hi Daniel,", "Dan Cho"),
    ("Hi Zoe,", "Zoë Martin"),
    ("Hi Mary Jane,", "Mary Jane Watson"),
    ("Hi Jane-Marie,", "Jane Okafor"),
    ("Hi Jane,", "Jane Okafor, PhD"),
    ("Hi jane", "Jane Okafor"),
])
def test_nicknames_short_forms_and_shared_names_are_fine(greeting, name):
    assert not flagged(f"{greeting} congrats on the launch!", {"name": name})


@pytest.mark.parametrize("text", [
    "Hi all, thanks for the intro!",
    "Hello everyone, great panel.",
    "Hi team, quick update.",
    "Dear Hiring Manager, I saw the opening.",
    "Hi, Dana here from Acme. Congrats on the launch!",
    "Hello, I'm Dana. Congrats on the launch!",
    "hi dana, congrats!",  # a lower-case word is too weak a cue to call a name
    "Congrats on the launch, Dana!",  # not a greeting
    "Thanks Dana!",
])
def test_not_a_greeting_by_name_is_left_alone(text):
    assert not flagged(text, JANE)


@pytest.mark.parametrize("recipient", [
    {"name": "Jane Okafor, Sam Lee"},
    {"name": "Jane, Sam and 3 others"},
    {"name": "Jane Okafor & Sam Lee"},
    {"name": "Launch crew", "group": True},
    {"name": "Jane Okafor", "names": ["Jane Okafor", "Sam Lee"]},
    {"name": "Launch crew", "profile_url": None},  # a thread that links nobody: several people
])
def test_group_conversations_are_left_alone(recipient):
    assert is_group(recipient)
    assert not flagged("Hi Dana, can you review the deck?", recipient)


@pytest.mark.parametrize("recipient", [None, {}, {"name": None}, {"name": ""}, {"name": "🚀"}])
def test_no_recipient_name_means_no_check(recipient):
    assert not flagged("Hi Dana, congrats!", recipient)


@pytest.mark.parametrize("kind", ["post", "comment"])
def test_public_writing_is_not_checked(kind):
    assert not wrong_name("Hi Dana, congrats!", kind, JANE)


def test_the_nickname_table_works_both_ways_and_between_nicknames():
    for full, nicks in NICKNAMES.items():
        for nick in nicks:
            assert same_person(nick.title(), full.title())
            assert same_person(full.title(), nick.title())
    assert same_person("Jim", "Jamie Hill")
    assert not same_person("Dana", "Jane Okafor")
    assert not same_person("Jim", "Elizabeth Moss")


def test_the_verdict_is_unchanged_by_the_greeting():
    kind_words = "congrats on the new role! How are you finding the first weeks?"
    right = analyze(f"Hi Jane, {kind_words}", "message", recipient=JANE)
    wrong = analyze(f"Hi Dana, {kind_words}", "message", recipient=JANE)
    assert right.verdict == wrong.verdict == "ok"
    assert [f.rule for f in wrong.findings if f.severity == "warn"] == ["greeting.wrong_name"]


def test_a_connection_note_names_one_person_even_without_a_profile_link():
    assert flagged("Hi Dana, I enjoyed your talk.", {"name": "Tom Baker", "profile_url": None}, "connection_note")
