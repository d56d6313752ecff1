"""Files on disk, treated as untrusted: atomic writes, a safe walk, safe names.

CI runs the checker on pull requests from anyone, so a file name, a symbolic
link or a folder tree can be hostile. Everything here is iterative (no
recursion limit), never follows a link out of the trees it is allowed to read,
and never leaves a half-written or temporary file behind.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

__all__ = ["OUTSIDE", "escape_name", "is_inside", "walk_files", "write_atomic"]

OUTSIDE = "symbolic link leads outside the repository; skipped"


def write_atomic(path: str | Path, data: str | bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder.

    Text is encoded as UTF-8; a lone surrogate (from a non-UTF-8 file name or a
    hostile fact) is written as a ``\\udcff``-style escape, never an error.
    The temporary file is removed on any failure; the exception is re-raised.
    """
    p = Path(path)
    payload = data.encode("utf-8", "backslashreplace") if isinstance(data, str) else data
    p.parent.mkdir(parents=True, exist_ok=True)
    tmp = p.with_name(f".{p.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
    try:
        with open(tmp, "xb") as fh:
            fh.write(payload)
        os.replace(tmp, p)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def escape_name(name: str) -> str:
    """A file name as shown in reports: undecodable bytes as ``\\xff``, controls escaped."""
    if name.isprintable():
        return name
    out = []
    for c in name:
        o = ord(c)
        if 0xDC80 <= o <= 0xDCFF:  # surrogateescape: an undecodable byte
            out.append(f"\\x{o - 0xDC00:02x}")
        elif c == "\n":
            out.append("\\n")
        elif c == "\r":
            out.append("\\r")
        elif c == "\t":
            out.append("\\t")
        elif 0xD800 <= o <= 0xDFFF or (not c.isprintable() and c != " "):
            out.append(f"\\u{o:04x}" if o <= 0xFFFF else f"\\U{o:08x}")
        else:
            out.append(c)
    return "".join(out)


def is_inside(path: Path, roots: Iterable[Path]) -> bool:
    """True if the real location of ``path`` is at or below one of ``roots`` (real)."""
    real = os.path.realpath(path)
    for root in roots:
        r = os.path.realpath(root)
        if real == r or real.startswith(r.rstrip(os.sep) + os.sep):
            return True
    return False


def walk_files(top: Path, keep: Callable[[str], bool],
               inside: Callable[[Path], bool] | None = None,
               on_outside: Callable[[Path], None] | None = None) -> Iterator[Path]:
    """Files below ``top`` whose name passes ``keep`` (hidden entries skipped), unsorted.

    Iterative; a folder reached twice (a symbolic-link loop) is walked once;
    a folder link whose real location fails ``inside`` (default: is below
    ``top``) is not followed (``on_outside`` is told). File links are
    yielded as they are (the caller checks where they lead).
    """
    if inside is None:
        real_top = Path(os.path.realpath(top))

        def inside(p: Path) -> bool:
            return is_inside(p, [real_top])
    seen: set[tuple[int, int]] = set()
    stack = [top]
    while stack:
        folder = stack.pop()
        try:
            info = folder.stat()
        except OSError:
            continue
        if (info.st_dev, info.st_ino) in seen:
            continue
        seen.add((info.st_dev, info.st_ino))
        try:
            with os.scandir(folder) as it:
                entries = list(it)
        except OSError:
            continue
        for e in entries:
            if e.name.startswith("."):
                continue
            path = folder / e.name
            try:
                is_dir = e.is_dir(follow_symlinks=True)
            except OSError:
                is_dir = False
            if is_dir:
                if e.is_symlink() and not inside(path):
                    if on_outside is not None:
                        on_outside(path)
                    continue
                stack.append(path)
            elif keep(e.name):
                yield path
