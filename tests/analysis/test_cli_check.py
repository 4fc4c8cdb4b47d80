"""`askfirst check`: exit codes, JSON output, batches and bad input."""

import json

import pytest
from click.testing import CliRunner

from askfirst.cli import main

PITCH = "We help companies like yours grow revenue by 30%. Book a demo: calendly.com/acme/demo"


@pytest.fixture
def runner():
    return CliRunner()


def test_ok_draft_exits_0(runner):
    result = runner.invoke(main, ["check"], input="Congrats on the new role, Sam!")
    assert result.exit_code == 0
    assert "ok" in result.output


def test_flagged_draft_exits_1_and_explains(runner):
    result = runner.invoke(main, ["check"], input=PITCH)
    assert result.exit_code == 1
    assert "pitch_heavy" in result.output
    assert "→" in result.output  # a suggestion for each finding


def test_json_output_is_the_spec_result(runner, tmp_path):
    draft = tmp_path / "note.txt"
    draft.write_text("Would love to pick your brain over coffee!", encoding="utf-8")
    result = runner.invoke(main, ["check", str(draft), "--kind", "connection_note", "--json"])
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["verdict"] == "premature"
    assert {"score", "findings", "metrics", "context"} <= set(data)


def test_invalid_utf8_file_exits_2_with_a_clear_message(runner, tmp_path):
    draft = tmp_path / "latin1.txt"
    draft.write_bytes("Gruß aus Köln".encode("latin-1"))
    result = runner.invoke(main, ["check", str(draft)])
    assert result.exit_code == 2
    assert "not UTF-8" in result.output


def test_binary_file_exits_2(runner, tmp_path):
    blob = tmp_path / "blob.bin"
    blob.write_bytes(b"\x00\x01\x02hello\x00")
    result = runner.invoke(main, ["check", str(blob)])
    assert result.exit_code == 2
    assert "binary" in result.output


def test_missing_file_exits_2(runner, tmp_path):
    assert runner.invoke(main, ["check", str(tmp_path / "nope.txt")]).exit_code == 2


def test_too_long_draft_exits_2(runner):
    result = runner.invoke(main, ["check"], input="a" * 20_001)
    assert result.exit_code == 2
    assert "20,001" in result.output


def test_batch_answers_every_line_in_order_with_its_id(runner, tmp_path):
    lines = [
        json.dumps({"id": "a", "text": "Congrats on the launch!"}),
        json.dumps({"id": 7, "text": PITCH}),
        "{not json",
        "",
        json.dumps({"id": "d", "text": 5}),
        json.dumps({"text": "Could you intro me to your CTO?", "kind": "connection_note"}),
        json.dumps({"id": "f", "text": "hi", "kind": "tweet"}),
    ]
    batch = tmp_path / "drafts.jsonl"
    batch.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = runner.invoke(main, ["check", "--batch", str(batch), "--json"])
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(out) == len(lines)
    assert [o.get("id") for o in out] == ["a", 7, None, None, "d", None, "f"]
    assert out[0]["verdict"] == "ok" and out[1]["verdict"] == "pitch_heavy"
    assert out[5]["verdict"] == "premature"
    assert out[2]["error"]["message"].startswith("not valid JSON") and out[2]["line"] == 3
    assert out[4]["error"]["field"] == "text"
    assert out[6]["error"]["field"] == "kind"
    assert f"{batch}:3:" in result.stderr
    assert result.exit_code == 2  # some lines were bad


def test_batch_exit_code_is_1_when_any_draft_is_flagged(runner, tmp_path):
    batch = tmp_path / "drafts.jsonl"
    batch.write_text(json.dumps({"text": "Thanks!"}) + "\n" + json.dumps({"text": PITCH}) + "\n")
    assert runner.invoke(main, ["check", "--batch", str(batch)]).exit_code == 1


def test_help_lists_check(runner):
    assert "check" in runner.invoke(main, ["--help"]).output


def test_check_to_uses_the_recipients_history_from_the_store(runner, tmp_path):
    from datetime import datetime, timedelta, timezone

    from askfirst.paths import db_path
    from askfirst.profiles import normalise
    from askfirst.store import NewEvent, Store

    store = Store(db_path(tmp_path))
    connected = datetime.now(timezone.utc) - timedelta(minutes=5)
    store.add_event(NewEvent(id="c1", type="connected", at=connected,
                             profile=normalise("https://www.linkedin.com/in/sam-lee/"), name="Sam Lee"))
    store.close()
    result = runner.invoke(main, ["check", "--to", "linkedin.com/in/Sam-Lee", "--data-dir", str(tmp_path), "--json"],
                           input=PITCH)
    data = json.loads(result.output)
    assert result.exit_code == 1
    assert data["verdict"] == "premature"
    assert data["context"]["connected_at"] is not None


def test_check_to_a_stranger_is_judged_on_the_text(runner, tmp_path):
    result = runner.invoke(main, ["check", "--to", "https://www.linkedin.com/in/nobody/", "--data-dir", str(tmp_path)],
                           input="Congrats on the launch!")
    assert result.exit_code == 0


def test_check_to_a_bad_url_exits_2(runner, tmp_path):
    result = runner.invoke(main, ["check", "--to", "ftp://example.com/x", "--data-dir", str(tmp_path)], input="hi")
    assert result.exit_code == 2
