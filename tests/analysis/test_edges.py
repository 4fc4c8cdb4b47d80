"""Empty, huge, foreign and strange drafts: a clear answer or a clear error, never nonsense."""

import pytest

from askfirst.analysis import MAX_DRAFT_CHARS, DraftError, analyze


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "👍", "🎉🎉🎉", "...", "Thanks!", "ok"])
def test_empty_and_tiny_drafts_are_ok_with_no_warnings(text):
    result = analyze(text, "message")
    assert result.verdict == "ok"
    assert result.score == 0
    assert not [f for f in result.findings if f.severity != "info"]


def test_the_limit_is_twenty_thousand_characters():
    analyze("a " * (MAX_DRAFT_CHARS // 2), "message")
    with pytest.raises(DraftError) as err:
        analyze("a" * (MAX_DRAFT_CHARS + 1), "message")
    assert err.value.field == "text"
    assert "20,001" in str(err.value)


def test_a_huge_pitch_is_still_judged():
    text = ("We help companies like yours grow revenue by 30% with our platform. Book a demo today. " * 200)[:MAX_DRAFT_CHARS]
    result = analyze(text, "message")
    assert result.verdict == "pitch_heavy"
    assert result.score >= 75


@pytest.mark.parametrize("bad, field", [(None, "text"), (42, "text"), (b"bytes", "text"), (["a"], "text")])
def test_non_text_is_refused(bad, field):
    with pytest.raises(DraftError) as err:
        analyze(bad, "message")
    assert err.value.field == field


def test_unknown_kind_is_refused():
    with pytest.raises(DraftError) as err:
        analyze("hi", "tweet")
    assert err.value.field == "kind"


def test_binary_garbage_is_no_pitch_and_its_spans_stay_in_the_text():
    garbage = "".join(chr(c) for c in range(1, 0x2FF) if chr(c).isprintable()) * 3 + "\ufffd\u200b\u202e"
    result = analyze(garbage, "message")
    # Symbols and stray letters carry no request and no offer: nothing to warn about.
    assert (result.verdict, result.score) == ("ok", 0)
    assert not [f.rule for f in result.findings if f.severity != "info"]
    for finding in result.findings:
        for span in finding.spans:
            assert 0 <= span.start < span.end <= len(garbage) and garbage[span.start:span.end] == span.quote


@pytest.mark.parametrize("text, language", [
    ("Bonjour Marie, merci pour votre message. Je serais ravi de discuter avec vous la semaine prochaine.", "fr"),
    ("Hallo Thomas, vielen Dank für die Einladung. Wir helfen Unternehmen wie Ihrem, die Kosten zu senken.", "de"),
    ("Hola Ana, ¿tienes 15 minutos para una llamada? Nuestra plataforma ayuda a empresas como la tuya.", "es"),
    ("Olá João, parabéns pelo novo cargo! Como estão as primeiras semanas?", "pt"),
    ("Ciao Marco, grazie per il messaggio, sono molto contento di sentirti.", "it"),
    ("Привет! Мы помогаем компаниям увеличить продажи. Есть 15 минут на звонок?", "ru"),
    ("田中さん、新しいお仕事おめでとうございます！", "ja"),
    ("你好，我们帮助像您这样的公司提高销售额。", "zh"),
    ("مرحبا، نحن نساعد الشركات على زيادة المبيعات", "ar"),
    ("नमस्ते, नई नौकरी के लिए बधाई!", "hi"),
])
def test_other_languages_are_ok_with_an_unsupported_note(text, language):
    result = analyze(text, "message")
    assert result.verdict == "ok"
    assert result.score == 0
    assert result.language == language
    assert [f.rule for f in result.findings] == ["language.unsupported"]
    assert result.findings[0].severity == "info"


@pytest.mark.parametrize("text", [
    "Congrats on the launch, Jürgen! The demo at Bits & Pretzels was fantastic.",
    "Thanks for hosting us in São Paulo, the feijoada was amazing.",
    "Loved your talk, 王伟. How long did the migration take?",
])
def test_english_with_foreign_names_is_still_english(text):
    assert analyze(text, "message").language == "en"
