"""`askfirst check`: judge a draft (or a file of drafts) without a server."""

from __future__ import annotations

import json
import sys
from typing import IO, Any

import click

from ..analysis import KINDS, DraftError, analyze
from ..analysis.result import Result

EXIT_OK, EXIT_FLAGGED, EXIT_BAD_INPUT = 0, 1, 2

_VERDICT_STYLE = {
    "ok": ("green", "✓"),
    "ask_first": ("yellow", "?"),
    "pitch_heavy": ("yellow", "!"),
    "wait": ("red", "⏸"),
    "premature": ("red", "✋"),
}
_SEVERITY_MARK = {"info": "·", "warn": "!", "stop": "✋"}


class BadInput(click.ClickException):
    exit_code = EXIT_BAD_INPUT


@click.command()
@click.argument("source", required=False, default="-", metavar="[FILE|-]")
@click.option("--kind", type=click.Choice(KINDS), default="message", show_default=True,
              help="What the draft is.")
@click.option("--to", "to", metavar="PROFILE_URL",
              help="Who it goes to: timing facts come from your local Ask First data.")
@click.option("--batch", "batch", type=click.Path(dir_okay=False, allow_dash=True), metavar="FILE.jsonl",
              help='Judge many drafts, one JSON object a line: {"id"?, "text", "kind"?}.')
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@click.option("--data-dir", type=click.Path(file_okay=False), envvar="ASKFIRST_DATA_DIR",
              help="Where Ask First keeps its data (for --to).")
def check(source: str, kind: str, to: str | None, batch: str | None, as_json: bool, data_dir: str | None) -> None:
    """Judge a draft: exit 0 if it is fine, 1 if it is flagged, 2 for bad input.

    \b
      echo "Do you have 15 minutes for a call?" | askfirst check
      askfirst check note.txt --kind connection_note --json
      askfirst check --batch templates.jsonl --json
    """
    if batch is not None:
        sys.exit(_check_batch(batch, as_json, kind, *_recipient_and_timing(to, data_dir)))

    text = _read_text(source)
    recipient, timing = _recipient_and_timing(to, data_dir)
    try:
        result = analyze(text, kind, recipient=recipient, timing=timing)
    except DraftError as exc:
        raise BadInput(str(exc)) from exc
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False))
    else:
        _print_human(result)
    sys.exit(EXIT_OK if result.verdict == "ok" else EXIT_FLAGGED)


def _read_text(source: str) -> str:
    stream: IO[bytes]
    try:
        if source == "-":
            data = sys.stdin.buffer.read()
            name = "standard input"
        else:
            with open(source, "rb") as stream:
                data = stream.read()
            name = source
    except OSError as exc:
        raise BadInput(f"Can't read {source}: {exc.strerror}.") from exc
    return _decode(data, name)


def _decode(data: bytes, name: str) -> str:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadInput(
            f"{name} is not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}). "
            "Save the draft as UTF-8 and try again."
        ) from exc
    if "\x00" in text:
        raise BadInput(f"{name} looks like a binary file, not a draft (it contains NUL bytes).")
    return text


def _recipient_and_timing(to: str | None, data_dir: str | None) -> tuple[dict[str, Any] | None, Any]:
    if not to:
        return None, None
    from ..recipients import timing_for_profile  # the store is only needed with --to

    try:
        return timing_for_profile(to, data_dir)
    except ValueError as exc:
        raise BadInput(str(exc)) from exc


def _check_batch(path: str, as_json: bool, kind: str = "message", recipient: Any = None, timing: Any = None) -> int:
    """One result line per input line, in order, with the same id; bad lines get an error line."""
    try:
        stream = sys.stdin.buffer if path == "-" else open(path, "rb")  # noqa: SIM115
    except OSError as exc:
        raise BadInput(f"Can't read {path}: {exc.strerror}.") from exc
    worst = EXIT_OK
    out = sys.stdout
    with stream:
        for lineno, raw in enumerate(stream, start=1):
            item_id: Any = None
            try:
                item = _parse_batch_line(raw, lineno)
                item_id = item.get("id")
                result = analyze(item["text"], item.get("kind", kind), recipient=item.get("recipient", recipient),
                                 timing=timing)
            except (DraftError, _BadLine) as exc:
                field = getattr(exc, "field", None)
                item_id = getattr(exc, "item_id", item_id)
                click.echo(f"{path}:{lineno}: {exc}", err=True)
                error = {"code": "bad_input", "message": str(exc), **({"field": field} if field else {})}
                record: dict[str, Any] = {"id": item_id, "line": lineno, "error": error}
                out.write(json.dumps(record, ensure_ascii=False) + "\n" if as_json else
                          f"{lineno}\t{item_id if item_id is not None else ''}\terror\t{exc}\n")
                worst = EXIT_BAD_INPUT
                continue
            if as_json:
                out.write(json.dumps({"id": item_id, **result.to_dict()}, ensure_ascii=False) + "\n")
            else:
                out.write(f"{lineno}\t{item_id if item_id is not None else ''}\t{result.verdict}\t"
                          f"{result.score}\t{result.headline}\n")
            if result.verdict != "ok" and worst == EXIT_OK:
                worst = EXIT_FLAGGED
    out.flush()
    return worst


class _BadLine(ValueError):
    def __init__(self, message: str, field: str | None = None, item_id: Any = None) -> None:
        super().__init__(message)
        self.field = field
        self.item_id = item_id


def _parse_batch_line(raw: bytes, lineno: int) -> dict[str, Any]:
    try:
        line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
    except UnicodeDecodeError as exc:
        raise _BadLine(f"not UTF-8 (byte 0x{raw[exc.start]:02x} at column {exc.start + 1})") from exc
    if not line.strip():
        raise _BadLine("empty line: expected a JSON object like {\"text\": \"...\"}")
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        raise _BadLine(f"not valid JSON ({exc.msg} at column {exc.colno})") from exc
    if not isinstance(item, dict):
        raise _BadLine("expected a JSON object like {\"text\": \"...\"}")
    item_id = item.get("id")
    if item_id is not None and not isinstance(item_id, (str, int)):
        raise _BadLine("\"id\" must be a string or a number", "id")
    if "text" not in item:
        raise _BadLine("missing \"text\"", "text", item_id)
    if not isinstance(item["text"], str):
        raise _BadLine("\"text\" must be a string", "text", item_id)
    if "kind" in item and item["kind"] not in KINDS:
        raise _BadLine(f"\"kind\" must be one of {', '.join(KINDS)}", "kind", item_id)
    return item


def _print_human(result: Result) -> None:
    color, mark = _VERDICT_STYLE[result.verdict]
    click.echo(click.style(f"{mark} {result.verdict}", fg=color, bold=True) + f"  (pitch score {result.score}/100)")
    click.echo(result.headline)
    shown = [f for f in result.findings if f.message != result.headline]
    for f in shown:
        click.echo(f"  {_SEVERITY_MARK[f.severity]} {f.message}")
        click.echo(click.style(f"    → {f.suggestion}", dim=True))
    m = result.metrics
    if m["words"]:
        click.echo(click.style(
            f"  {_count(m['words'], 'word')}, {_count(m['questions'], 'question')} "
            f"({m['questions_about_them']} about them), "
            f"{m['first_person']} × I/we, {m['second_person']} × you", dim=True))


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
