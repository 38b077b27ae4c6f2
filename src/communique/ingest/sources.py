"""From paths on the command line to articles: finding files, checking them, picking a reader.

Every file is checked before it is read (size, emptiness, binary content, encoding); anything
that cannot be taken becomes a ``Problem`` naming the file, and the line where there is one,
and reading goes on with the next file.
"""

from __future__ import annotations

import glob
import gzip
import io
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from communique.ingest.feeds import read_feed
from communique.ingest.html import extract_page
from communique.ingest.structured import read_csv, read_json, read_jsonl
from communique.ingest.text import read_text
from communique.records import Article, Problem

DEFAULT_MAX_BYTES = 50 * 1024 * 1024

FORMATS: dict[str, str] = {
    ".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
    ".csv": "csv", ".tsv": "tsv",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
}  # fmt: skip
_GLOB = set("*?[")


@dataclass(frozen=True)
class ReadOptions:
    """How to read input files."""

    max_bytes: int = DEFAULT_MAX_BYTES
    fields: Mapping[str, str] = field(default_factory=dict)  # --field overrides
    outlet: str | None = None  # outlet for articles whose source names none


def human_size(size: float) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} GB"


def parse_size(text: str) -> int:
    """``"50MB"``, ``"1.5 GB"``, ``"200k"`` or a plain number of bytes."""
    value = text.strip().upper().replace(" ", "").removesuffix("B").removesuffix("I")
    scale = {"K": 1024, "M": 1024**2, "G": 1024**3}.get(value[-1:], 1)
    number = value[:-1] if scale > 1 else value
    try:
        size = int(float(number) * scale)
    except ValueError:
        raise ValueError(f"not a size: {text!r} (try 50MB)") from None
    if size <= 0:
        raise ValueError(f"not a size: {text!r} (must be above zero)")
    return size


def expand(paths: Iterable[str]) -> Iterator[Path | Problem]:
    """The files named by paths, directories (searched recursively) and glob patterns."""
    seen: set[Path] = set()

    def files_of(path: Path) -> Iterator[Path]:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                relative = child.relative_to(path).parts
                if child.is_file() and not any(part.startswith(".") for part in relative):
                    yield child
        else:
            yield path

    for given in paths:
        path = Path(given)
        if path.exists():
            matches = [path]
        elif _GLOB & set(given):
            matches = [Path(match) for match in sorted(glob.glob(given, recursive=True))]
            if not matches:
                yield Problem(given, "no files match this pattern", "missing")
                continue
        else:
            yield Problem(given, "no such file or directory", "missing")
            continue
        for match in matches:
            for file in files_of(match):
                if file.resolve() not in seen:
                    seen.add(file.resolve())
                    yield file


def _format_of(name: str, head: bytes) -> str | None:
    """The reader for a file: by its extension, else by what its first bytes look like."""
    suffix = Path(name).suffix.lower()
    if suffix in FORMATS:
        return FORMATS[suffix]
    start = head.lstrip()[:512].lower()
    if start.startswith((b"<!doctype html", b"<html")):
        return "html"
    if start.startswith(b"<?xml") or b"<rss" in start or b"<feed" in start:
        return "feed"
    return None


def _is_binary(head: bytes) -> bool:
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 12, 13))
    return controls > len(head) * 0.05


def _decode(data: bytes, path: str) -> str | Problem:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return Problem(path, "invalid UTF-16 text; not ingested", "encoding")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        return Problem(
            path,
            f"invalid UTF-8 (byte 0x{data[error.start]:02x} at column {column}); "
            "not ingested: save the file as UTF-8",
            "encoding",
            line,
        )


def _read_bytes(path: Path, max_bytes: int) -> bytes | Problem:
    name = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return Problem(
                name,
                f"file is {human_size(size)}, over the {human_size(max_bytes)} limit "
                "(raise it with --max-size)",
                "too-large",
            )
        data = path.read_bytes()
    except OSError as error:
        return Problem(name, f"cannot read: {error.strerror or error}", "unreadable")
    if data[:2] == b"\x1f\x8b":
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
                data = stream.read(max_bytes + 1)
        except (OSError, EOFError, zlib.error) as error:
            return Problem(name, f"corrupt gzip file ({error})", "malformed")
        if len(data) > max_bytes:
            return Problem(
                name,
                f"uncompressed content is over the {human_size(max_bytes)} limit "
                "(raise it with --max-size)",
                "too-large",
            )
    return data


def read_file(path: Path, options: ReadOptions) -> Iterator[Article | Problem]:
    """The articles in one file, and the problems met reading it."""
    name = str(path)
    data = _read_bytes(path, options.max_bytes)
    if isinstance(data, Problem):
        yield data
        return
    if not data.strip():
        yield Problem(name, "empty file", "empty")
        return
    inner = name[:-3] if name.lower().endswith(".gz") else name
    head = data[:8192]
    fmt = _format_of(inner, head)
    if _is_binary(head) and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        yield Problem(name, "binary file, not text: skipped", "binary")
        return
    if fmt is None:
        known = ", ".join(sorted(FORMATS))
        yield Problem(name, f"unsupported file type (communique reads {known})", "unsupported")
        return
    for item in _dispatch(fmt, data, name, options):
        if isinstance(item, Article):
            item = replace(item, source=name, outlet=item.outlet or options.outlet)
        yield item


def _dispatch(
    fmt: str, data: bytes, name: str, options: ReadOptions
) -> Iterator[Article | Problem]:
    if fmt == "html":
        article = extract_page(data)
        if article is None:
            yield Problem(name, "no article text found in the page", "no-article")
        else:
            yield article
        return
    if fmt == "feed":
        yield from read_feed(data, name)
        return
    if fmt == "jsonl":
        yield from read_jsonl(data, name, options.fields)
        return
    text = _decode(data, name)
    if isinstance(text, Problem):
        yield text
    elif fmt == "json":
        yield from read_json(text, name, options.fields)
    elif fmt in ("csv", "tsv"):
        yield from read_csv(text, name, options.fields, "\t" if fmt == "tsv" else None)
    else:
        article = read_text(text, markdown=fmt == "markdown")
        if article is None:
            yield Problem(name, "no article text left once page furniture is removed", "no-text")
        else:
            yield article


def read_paths(paths: Iterable[str], options: ReadOptions) -> Iterator[Article | Problem]:
    """Every article in the files the paths name, with the problems, in a stable order."""
    for item in expand(paths):
        if isinstance(item, Problem):
            yield item
        else:
            yield from read_file(item, options)
