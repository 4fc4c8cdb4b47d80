"""Finding the CSV files of a data export in a folder, a .zip or a single file,
recognising each by its header line, and reading its rows within fixed memory.

A LinkedIn export is a zip (`Basic_LinkedInDataExport_MM-DD-YYYY.zip`) of CSV files; users
also unpack it, or hand over one file. Files are recognised by their header, never by
their name alone, so a renamed CSV still works and a random CSV called `messages.csv` is
refused before a single row is stored. One file that cannot be read or recognised never
blocks the others: it is reported and left out. Files are read as byte streams (a zip
member is never extracted to disk), a line at most `MAX_LINE_CHARS` at a time, so a
400 MB field in a 400 KB zip costs a reported row, not the computer's memory.
"""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, BinaryIO

SNIFF_BYTES = 64 * 1024
MAX_PREAMBLE_ROWS = 30  # Connections.csv opens with a "Notes:" paragraph; the header follows
MAX_LINE_CHARS = 1_000_000  # longer physical lines are skipped with their row, never held whole
MAX_FIELD_CHARS = MAX_LINE_CHARS
MAX_FILE_BYTES = 2 * 1024**3  # a bigger "CSV" is a zip bomb or not an export: the rest is not read
RESAVED = ("if you opened and saved it in a spreadsheet app, download the export again from LinkedIn "
           "(Settings → Data privacy → Get a copy of your data) and import that file unchanged")

# A damaged disk file or zip member (bad CRC, corrupt deflate stream, cut short).
UNREADABLE = (OSError, EOFError, zipfile.BadZipFile, zlib.error)

csv.field_size_limit(MAX_FIELD_CHARS)


class NotAnExport(ValueError):
    """The path is not a LinkedIn export (or not one of its files); nothing was imported."""


@dataclass(frozen=True)
class Layout:
    """What one kind of export file looks like, in one of the years LinkedIn shipped it."""

    kind: str
    file_name: str
    required: tuple[str, ...]
    header_anywhere_in_preamble: bool = False


# Column names matched without regard to case or surrounding spaces. Extra columns
# (ATTACHMENTS, IS MESSAGE DRAFT, URL, ...) are allowed: LinkedIn adds columns over time.
# The older layouts lack profile URLs: those contacts are keyed by name (see linkedin.py).
LAYOUTS = (
    # Connected On since 2018; URL only since mid-2023.
    Layout("connections", "Connections.csv", ("First Name", "Last Name", "Connected On"),
           header_anywhere_in_preamble=True),
    # From/To names, US-style dates, Direction; profile URL columns since 2023, sometimes a bare /in URL.
    Layout("invitations", "Invitations.csv", ("From", "To", "Sent At", "Direction")),
    # Since about 2019: conversations with the sender's profile URL (recipients' URLs since 2023).
    Layout("messages", "messages.csv", ("CONVERSATION ID", "FROM", "SENDER PROFILE URL", "DATE", "CONTENT")),
    # 2018: names only, a Direction column, dates like "1/8/18, 6:14 PM".
    Layout("messages_2018", "messages.csv", ("From", "To", "Date", "Content", "Direction")),
)
_NAMES = {layout.file_name.lower() for layout in LAYOUTS}
_ORDER = ["connections.csv", "invitations.csv", "messages.csv"]


def column_key(name: str) -> str:
    return name.strip().lstrip("\ufeff").casefold()


@dataclass
class ReadProblems:
    """Lines that could not be read while rows were parsed: (line, message)."""

    found: list[tuple[int, str]] = field(default_factory=list)


@dataclass(frozen=True)
class ExportFile:
    """One recognised CSV: where it is, what it holds, and where its header is."""

    layout: Layout
    label: str  # for messages: "Connections.csv" or "export.zip:Connections.csv"
    size: int  # bytes, for the progress bar
    header: tuple[str, ...]
    header_line: int  # 1-based line number of the header row
    _open: Callable[[], BinaryIO]

    @property
    def kind(self) -> str:
        return self.layout.kind

    @contextmanager
    def rows(self, progress: Callable[[int], None] | None = None,
             problem: Callable[[int, str], None] | None = None) -> Iterator[Iterator[tuple[int, list[str]]]]:
        """(line number where the row starts, fields) for every row after the header;
        rows that cannot be parsed go to `problem(line, message)` and are skipped."""
        with self._open() as raw:
            source = _Counting(raw, progress)
            # errors="replace": one bad byte in row 80,000 costs a character, not the import.
            text = io.TextIOWrapper(source, encoding="utf-8-sig", errors="replace", newline="")  # type: ignore[type-var]
            yield _rows_after_header(text, self.header_line, self.label, problem or (lambda line, msg: None))


class _Lines:
    """Physical lines of at most MAX_LINE_CHARS; a longer one is read past and dropped
    (its line number kept), so no line is ever held whole in memory."""

    def __init__(self, text: IO[str]) -> None:
        self._text = text
        self.number = 0
        self.too_long: list[int] = []

    def __iter__(self) -> Iterator[str]:
        read = self._text.readline
        while line := read(MAX_LINE_CHARS):
            self.number += 1
            if len(line) == MAX_LINE_CHARS and not line.endswith("\n"):
                self.too_long.append(self.number)
                while (rest := read(MAX_LINE_CHARS)) and not rest.endswith("\n"):
                    pass
                line = "\n"
            yield line


def _rows_after_header(text: IO[str], header_line: int, label: str,
                       problem: Callable[[int, str], None]) -> Iterator[tuple[int, list[str]]]:
    lines = _Lines(text)
    reader = csv.reader(lines, strict=False)
    end = 0
    while True:
        start = end + 1
        try:
            fields = next(reader)
        except StopIteration:
            return
        except UNREADABLE as e:
            problem(start, f"{label} cannot be read from here on ({e}); the rest of it was skipped")
            return
        except csv.Error as e:
            end = lines.number
            if end > header_line:
                problem(start, f"cannot be read as CSV ({e})")
            continue
        end = lines.number
        long_ones = [n for n in lines.too_long if start <= n <= end]
        if long_ones:
            lines.too_long = [n for n in lines.too_long if n > end]
            if end > header_line:
                problem(start, f"line {long_ones[0]} is longer than {MAX_LINE_CHARS:,} characters; "
                        "the row was skipped")
            continue
        if end <= header_line or not fields or fields == [""]:
            continue
        yield start, fields


class _Counting(io.RawIOBase):
    """A read-only stream that reports how many bytes were read through it, and stops at
    MAX_FILE_BYTES."""

    def __init__(self, inner: BinaryIO, progress: Callable[[int], None] | None) -> None:
        self._inner, self._progress, self.total = inner, progress, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        if self.total >= MAX_FILE_BYTES:
            return 0
        data = self._inner.read(min(len(buffer), MAX_FILE_BYTES - self.total))
        n = len(data)
        buffer[:n] = data
        self.total += n
        if n and self._progress:
            self._progress(n)
        return n


# -- locating ------------------------------------------------------------------------------

@dataclass
class Found:
    """The recognised files of an export, and the ones left out with the reason."""

    files: list[ExportFile]
    left_out: list[str]


def find_files(path: Path) -> Found:
    """The export files at `path` (folder, zip or one CSV), each checked; NotAnExport when
    none of them can be imported."""
    path = Path(path)
    if not path.exists():
        raise NotAnExport(f"{path} does not exist")
    if path.is_dir():
        candidates = _in_folder(path)
    elif zipfile.is_zipfile(path):
        candidates = _in_zip(path)
    else:
        return Found([_single(path)], [])
    if not candidates:
        names = ", ".join(sorted({layout.file_name for layout in LAYOUTS}))
        raise NotAnExport(f"{path} holds none of {names}: is it a LinkedIn data export?")
    files, left_out = [], []
    for name, label, size, opener in candidates:
        try:
            files.append(_recognise(name, label, size, opener))
        except NotAnExport as e:
            left_out.append(str(e))
    if not files:
        raise NotAnExport("; ".join(left_out))
    return Found(files, left_out)


Candidate = tuple[str, str, int, Callable[[], BinaryIO]]


def _in_folder(folder: Path) -> list[Candidate]:
    # The export unpacked here, or into the one folder below (as some unzip tools do).
    for candidate in (folder, *sorted(p for p in folder.iterdir() if p.is_dir())):
        files = [p for p in candidate.iterdir() if p.is_file() and p.name.lower() in _NAMES]
        if files:
            return [(p.name.lower(), _label(folder, p), p.stat().st_size, _file_opener(p))
                    for p in sorted(files, key=lambda p: _ORDER.index(p.name.lower()))]
    return []


def _label(root: Path, p: Path) -> str:
    return str(p.relative_to(root)) if p.parent != root else p.name


def _in_zip(path: Path) -> list[Candidate]:
    try:
        with zipfile.ZipFile(path) as archive:
            members = [m for m in archive.infolist()
                       if not m.is_dir() and m.filename.rsplit("/", 1)[-1].lower() in _NAMES]
    except (zipfile.BadZipFile, OSError, ValueError) as e:
        raise NotAnExport(f"{path} is not a readable zip file: {e}") from None
    chosen: dict[str, zipfile.ZipInfo] = {}
    for m in sorted(members, key=lambda m: m.filename.count("/")):  # the shallowest of each name
        chosen.setdefault(m.filename.rsplit("/", 1)[-1].lower(), m)
    return [(name, f"{path.name}:{m.filename}", m.file_size, _zip_opener(path, m.filename))
            for name, m in sorted(chosen.items(), key=lambda kv: _ORDER.index(kv[0]))]


def _single(path: Path) -> ExportFile:
    opener = _file_opener(path)
    size = path.stat().st_size
    if path.name.lower() in _NAMES:
        return _recognise(path.name.lower(), path.name, size, opener)
    errors = []
    for name in _ORDER:  # a renamed file: recognised by its header
        try:
            return _recognise(name, path.name, size, opener)
        except NotAnExport as e:
            errors.append(str(e))
    if any(RESAVED in e for e in errors):
        raise NotAnExport(next(e for e in errors if RESAVED in e))
    raise NotAnExport(f"{path.name} is not a LinkedIn export file: its first lines are not the header of "
                      f"{', '.join(sorted({layout.file_name for layout in LAYOUTS}))}")


def _file_opener(path: Path) -> Callable[[], BinaryIO]:
    return lambda: open(path, "rb")


def _zip_opener(path: Path, member: str) -> Callable[[], BinaryIO]:
    @contextmanager
    def opened() -> Iterator[BinaryIO]:
        with zipfile.ZipFile(path) as archive, archive.open(member) as f:
            yield f  # type: ignore[misc]
    return opened  # type: ignore[return-value]


# -- recognising ---------------------------------------------------------------------------

def _recognise(name: str, label: str, size: int, opener: Callable[[], BinaryIO]) -> ExportFile:
    """The file checked against every layout ever shipped under its name."""
    try:
        with opener() as f:
            head = f.read(SNIFF_BYTES)
    except (*UNREADABLE, RuntimeError, ValueError, NotImplementedError) as e:  # encrypted, unknown method
        raise NotAnExport(f"{label} cannot be read: {e}") from None
    if b"\x00" in head:
        raise NotAnExport(f"{label} is not a CSV file (it holds binary data)")
    try:
        # final=False: the sniffed bytes may end in the middle of a character.
        text = codecs.getincrementaldecoder("utf-8-sig")().decode(head, final=False)
    except UnicodeDecodeError:
        raise NotAnExport(f"{label} is not UTF-8, as LinkedIn writes its exports; {RESAVED}") from None
    layouts = [layout for layout in LAYOUTS if layout.file_name.lower() == name]
    rows = _first_rows(text)
    for layout in layouts:
        wanted = {column_key(c) for c in layout.required}
        limit = MAX_PREAMBLE_ROWS if layout.header_anywhere_in_preamble else 1
        for line, fields in rows[:limit]:
            if wanted <= {column_key(f) for f in fields}:
                return ExportFile(layout, label, size, tuple(f.strip().lstrip("\ufeff") for f in fields), line, opener)
    # Nothing matched: quote the line that looks most like a header (not a preamble's "Notes:").
    seen = max((fields for _, fields in rows[:MAX_PREAMBLE_ROWS]), key=len, default=[])
    shown = ",".join(seen)[:160] or "nothing"
    expected = " or ".join(", ".join(layout.required) for layout in layouts)
    if ";" in shown and all(column_key(c) in column_key(shown) for c in layouts[0].required):
        raise NotAnExport(f"{label} has its columns separated by semicolons ({shown!r}); {RESAVED}")
    raise NotAnExport(f"{label} is not a LinkedIn {layouts[0].file_name}: expected a header with {expected}; "
                      f"found {shown!r}")


def _first_rows(text: str) -> list[tuple[int, list[str]]]:
    """(line where the row ends, fields) for the first rows of the sniffed text."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=False)
    rows: list[tuple[int, list[str]]] = []
    try:
        for fields in reader:
            rows.append((reader.line_num, fields))
            if len(rows) >= MAX_PREAMBLE_ROWS:
                break
    except csv.Error:
        pass
    return rows
