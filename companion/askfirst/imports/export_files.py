"""Finding the CSV files of a data export in a folder, a .zip or a single file, and
recognising each by its header line before anything is imported.

A LinkedIn export is a zip (`Basic_LinkedInDataExport_MM-DD-YYYY.zip`) of CSV files; users
also unpack it, or hand over one file. Files are recognised by their header, never by
their name alone, so a renamed CSV still works and a random CSV called `messages.csv` is
refused before a single row is stored. Files are read as byte streams (a zip member is
never extracted to disk) through a counter that drives the progress bar.
"""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, BinaryIO

SNIFF_BYTES = 64 * 1024
MAX_PREAMBLE_ROWS = 30  # Connections.csv opens with a "Notes:" paragraph; the header follows


class NotAnExport(ValueError):
    """The path is not a LinkedIn export (or not one of its files); nothing was imported."""


@dataclass(frozen=True)
class Layout:
    """What one kind of export file looks like."""

    kind: str
    file_name: str
    required: tuple[str, ...]
    header_anywhere_in_preamble: bool = False


# Column names as in the exports seen in public parsers (research: anchors §5.7); matched
# without regard to case or surrounding spaces. Extra columns (ATTACHMENTS, IS MESSAGE
# DRAFT, ...) are allowed: LinkedIn adds columns over time.
LAYOUTS = (
    Layout("connections", "Connections.csv", ("First Name", "Last Name", "URL", "Connected On"),
           header_anywhere_in_preamble=True),
    Layout("invitations", "Invitations.csv",
           ("From", "To", "Sent At", "Direction", "inviterProfileUrl", "inviteeProfileUrl")),
    Layout("messages", "messages.csv",
           ("CONVERSATION ID", "FROM", "SENDER PROFILE URL", "TO", "RECIPIENT PROFILE URLS", "DATE", "CONTENT")),
)
_BY_NAME = {layout.file_name.lower(): layout for layout in LAYOUTS}


def column_key(name: str) -> str:
    return name.strip().lstrip("\ufeff").casefold()


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
    def rows(self, progress: Callable[[int], None] | None = None) -> Iterator[Iterator[tuple[int, list[str]]]]:
        """(line number where the row starts, fields) for every row after the header."""
        with self._open() as raw:
            source = _Counting(raw, progress) if progress else raw
            # errors="replace": one bad byte in row 80,000 costs a character, not the import.
            # (_Counting is a raw stream: TextIOWrapper reads it fine, typeshed wants a buffered one.)
            text = io.TextIOWrapper(source, encoding="utf-8-sig", errors="replace", newline="")  # type: ignore[type-var]
            yield _rows_after_header(text, self.header_line)


def _rows_after_header(text: IO[str], header_line: int) -> Iterator[tuple[int, list[str]]]:
    reader = csv.reader(text, strict=False)
    end = 0
    for fields in reader:
        start, end = end + 1, reader.line_num
        if end <= header_line or not fields or fields == [""]:
            continue
        yield start, fields


class _Counting(io.RawIOBase):
    """A read-only stream that reports how many bytes were read through it."""

    def __init__(self, inner: BinaryIO, progress: Callable[[int], None]) -> None:
        self._inner, self._progress = inner, progress

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        data = self._inner.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        if n:
            self._progress(n)
        return n


# -- locating ------------------------------------------------------------------------------

def find_files(path: Path) -> list[ExportFile]:
    """The export files at `path` (folder, zip or one CSV), each checked; or NotAnExport."""
    path = Path(path)
    if not path.exists():
        raise NotAnExport(f"{path} does not exist")
    if path.is_dir():
        found = _in_folder(path)
    elif zipfile.is_zipfile(path):
        found = _in_zip(path)
    else:
        return [_single(path)]
    if not found:
        names = ", ".join(layout.file_name for layout in LAYOUTS)
        raise NotAnExport(f"{path} holds none of {names}: is it a LinkedIn data export?")
    return found


def _in_folder(folder: Path) -> list[ExportFile]:
    # The export unpacked here, or into the one folder below (as some unzip tools do).
    for candidate in (folder, *sorted(p for p in folder.iterdir() if p.is_dir())):
        files = [p for p in candidate.iterdir() if p.is_file() and p.name.lower() in _BY_NAME]
        if files:
            return [_recognise(_BY_NAME[p.name.lower()], _label(folder, p), p.stat().st_size,
                               _file_opener(p)) for p in sorted(files, key=_order)]
    return []


def _label(root: Path, p: Path) -> str:
    return str(p.relative_to(root)) if p.parent != root else p.name


def _order(p: Path | str) -> int:
    # Connections first, so a contact's name and headline are there before its messages.
    name = (p.name if isinstance(p, Path) else p.rsplit("/", 1)[-1]).lower()
    return [layout.file_name.lower() for layout in LAYOUTS].index(name)


def _in_zip(path: Path) -> list[ExportFile]:
    try:
        with zipfile.ZipFile(path) as archive:
            members = [m for m in archive.infolist()
                       if not m.is_dir() and m.filename.rsplit("/", 1)[-1].lower() in _BY_NAME]
    except (zipfile.BadZipFile, OSError) as e:
        raise NotAnExport(f"{path} is not a readable zip file: {e}") from None
    chosen: dict[str, zipfile.ZipInfo] = {}
    for m in sorted(members, key=lambda m: m.filename.count("/")):  # the shallowest of each name
        chosen.setdefault(m.filename.rsplit("/", 1)[-1].lower(), m)
    return [_recognise(_BY_NAME[name], f"{path.name}:{m.filename}", m.file_size, _zip_opener(path, m.filename))
            for name, m in sorted(chosen.items(), key=lambda kv: _order(kv[0]))]


def _single(path: Path) -> ExportFile:
    opener = _file_opener(path)
    size = path.stat().st_size
    by_name = _BY_NAME.get(path.name.lower())
    if by_name:
        return _recognise(by_name, path.name, size, opener)
    for layout in LAYOUTS:  # a renamed file: recognised by its header
        try:
            return _recognise(layout, path.name, size, opener)
        except NotAnExport:
            continue
    raise NotAnExport(f"{path.name} is not a LinkedIn export file: its first lines are not the header of "
                      f"{', '.join(layout.file_name for layout in LAYOUTS)}")


def _file_opener(path: Path) -> Callable[[], BinaryIO]:
    return lambda: open(path, "rb")


def _zip_opener(path: Path, member: str) -> Callable[[], BinaryIO]:
    @contextmanager
    def opened() -> Iterator[BinaryIO]:
        with zipfile.ZipFile(path) as archive, archive.open(member) as f:
            yield f  # type: ignore[misc]
    return opened  # type: ignore[return-value]


# -- recognising ---------------------------------------------------------------------------

def _recognise(layout: Layout, label: str, size: int, opener: Callable[[], BinaryIO]) -> ExportFile:
    try:
        with opener() as f:
            head = f.read(SNIFF_BYTES)
    except (OSError, zipfile.BadZipFile, RuntimeError) as e:  # RuntimeError: encrypted zip member
        raise NotAnExport(f"{label} cannot be read: {e}") from None
    if b"\x00" in head:
        raise NotAnExport(f"{label} is not a CSV file (it holds binary data)")
    try:
        # final=False: the sniffed bytes may end in the middle of a character.
        text = codecs.getincrementaldecoder("utf-8-sig")().decode(head, final=False)
    except UnicodeDecodeError:
        raise NotAnExport(f"{label} is not a UTF-8 CSV file, as LinkedIn exports are") from None
    wanted = {column_key(c) for c in layout.required}
    reader = csv.reader(io.StringIO(text, newline=""), strict=False)
    first: list[str] | None = None
    try:
        for n, fields in enumerate(reader):
            if n >= (MAX_PREAMBLE_ROWS if layout.header_anywhere_in_preamble else 1):
                break
            first = first if first is not None else fields
            if wanted <= {column_key(f) for f in fields}:
                return ExportFile(layout, label, size, tuple(f.strip().lstrip("\ufeff") for f in fields),
                                  reader.line_num, opener)
    except csv.Error:
        pass
    missing = ", ".join(layout.required)
    seen = ",".join(first or [])[:120] or "nothing"
    raise NotAnExport(f"{label} is not a LinkedIn {layout.file_name}: expected a header with {missing}; "
                      f"found {seen!r}")
