"""From paths on the command line to articles: finding files, checking them, picking a reader.

Every file is checked before it is read (size, emptiness, binary content, encoding); anything
that cannot be taken becomes a ``Problem`` naming the file, and the line where there is one,
and reading goes on with the next file.
"""

from __future__ import annotations

import glob
import gzip
import io
import re
import stat
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from communique.ingest.feeds import read_feed
from communique.ingest.html import extract_page
from communique.ingest.outlets import outlet_names
from communique.ingest.structured import Fields, read_csv, read_json, read_jsonl
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
    # The user's knowledge-base files (--actors): outlets they add are known by name, domain
    # and handle too.
    actors: tuple[str, ...] = ()
    # How dates written all in numbers are read: "dmy" (--dayfirst), "mdy" (--monthfirst), or
    # None: the only way they can be, else guessed and reported as ambiguous.
    date_order: str | None = None
    # Whether an article already stored takes the title, date, outlet and URL read now.
    update_metadata: bool = False


def human_size(size: float) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} GB"


# The largest --max-size taken: no news file comes near it, and a Python string of more
# would not fit in memory anyway.
LARGEST_SIZE = 64 * 1024**3


def parse_size(text: str) -> int:
    """``"50MB"``, ``"1.5 GB"``, ``"200k"`` or a plain number of bytes."""
    value = text.strip().upper().replace(" ", "").removesuffix("B").removesuffix("I")
    scale = {"K": 1024, "M": 1024**2, "G": 1024**3}.get(value[-1:], 1)
    number = value[:-1] if scale > 1 else value
    try:
        size = float(number) * scale
    except ValueError:
        raise ValueError(f"--max-size: not a size: {text!r} (try 50MB)") from None
    if not size > 0:  # also NaN
        raise ValueError(f"--max-size: not a size: {text!r} (must be above zero)")
    if size > LARGEST_SIZE:
        raise ValueError(f"--max-size {text!r} is over the largest taken, 64 GB")
    return int(size)


def path_label(path: Path | str) -> str:
    """A file's name as text that can be stored and shown: bytes that are not UTF-8 (a name
    from another system) are written as ``\xe9``."""
    return str(path).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _special(path: Path) -> str | None:
    """What a path is when it is not a regular file or a directory: a FIFO, a device..."""
    mode = path.stat().st_mode
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


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
        try:
            yield from _expand_one(given, seen, files_of)
        except OSError as error:
            message = f"cannot read: {error.strerror or error}"
            yield Problem(path_label(given), message, "unreadable")


def _expand_one(
    given: str, seen: set[Path], files_of: Callable[[Path], Iterator[Path]]
) -> Iterator[Path | Problem]:
    path = Path(given)
    if path.exists():
        matches = [path]
    elif _GLOB & set(given):
        matches = [Path(match) for match in sorted(glob.glob(given, recursive=True))]
        if not matches:
            yield Problem(path_label(given), "no files match this pattern", "missing")
            return
    else:
        yield Problem(path_label(given), "no such file or directory", "missing")
        return
    for match in matches:
        kind = _special(match)
        if kind is not None:
            yield Problem(path_label(match), f"{kind}, not a file: skipped", "special")
            continue
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
    """Whether the start of a file is binary data rather than text: more than a stray NUL
    byte or two, or more than one byte in twenty a control code."""
    if head.count(b"\x00") > max(2, len(head) // 1000):
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


def _too_large(name: str, size: str, max_bytes: int) -> Problem:
    return Problem(
        name,
        f"file is {size}, over the {human_size(max_bytes)} limit (raise it with --max-size)",
        "too-large",
    )


def _read_bytes(path: Path, max_bytes: int) -> bytes | Problem:
    """A file's bytes, never more than ``max_bytes`` of them read, whatever ``stat`` says."""
    name = path_label(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return _too_large(name, human_size(size), max_bytes)
        with path.open("rb") as stream:
            data = stream.read(max_bytes + 1)
    except OSError as error:
        return Problem(name, f"cannot read: {error.strerror or error}", "unreadable")
    if len(data) > max_bytes:
        return _too_large(name, f"over {human_size(max_bytes)}", max_bytes)
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


# Characters a database or a parser should never see in article fields: NUL bytes, and lone
# surrogates that JSON escapes (``"\ud800"``) can make and UTF-8 cannot hold.
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def _storable(value: str | None) -> str | None:
    if value is None or not _UNSTORABLE.search(value):
        return value
    return _UNSTORABLE.sub(lambda m: "" if m.group() == "\x00" else "\ufffd", value)


def _finished(article: Article, name: str, options: ReadOptions) -> Article:
    """An article as it is stored: its file, its outlet under the name the knowledge base
    knows it by (else as written, else from its URL, else the default), text that can be
    stored."""
    text = _storable(article.text) or ""
    url = _storable(article.url)
    outlet = outlet_names(options.actors).name(_storable(article.outlet), url, options.outlet)
    return Article(
        text=text,
        title=_storable(article.title),
        date=article.date,
        outlet=_storable(outlet),
        url=url,
        source=name,
        locator=article.locator,
        format=article.format,
        id=article.id if text == article.text else "",
    )


def read_file(path: Path, options: ReadOptions) -> Iterator[Article | Problem]:
    """The articles in one file, and the problems met reading it."""
    name = path_label(path)
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
            item = _finished(item, name, options)
            if not item.text.strip():
                item = Problem(name, f"{item.locator or 'file'}: no article text", "no-text")
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
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            text = _decode(data, name)
            if isinstance(text, Problem):
                yield text
                return
            data = text.encode("utf-8")
        yield from read_jsonl(data, name, Fields(options.fields, options.date_order))
        return
    text = _decode(data, name)
    if isinstance(text, Problem):
        yield text
    elif fmt == "json":
        yield from read_json(text, name, Fields(options.fields, options.date_order))
    elif fmt in ("csv", "tsv"):
        fields = Fields(options.fields, options.date_order)
        yield from read_csv(text, name, fields, "\t" if fmt == "tsv" else None)
    else:
        article = read_text(text, markdown=fmt == "markdown", order=options.date_order)
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
