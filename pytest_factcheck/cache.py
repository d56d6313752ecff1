"""A cache of prepared articles on disk, keyed by content.

Reading, normalizing and segmenting an article is the costliest step of a run.
Its result depends only on the article's bytes, its format (the file suffix)
and the code that prepares it, so it is kept on disk under pytest's cache
directory (``.pytest_cache/d/factcheck/``; ``--cache-clear`` empties it) and a
re-run only prepares the articles whose content changed.

Format (versioned, robust):

* ``<root>/<fingerprint>/<k[:2]>/<k>.pickle``, where ``k`` is the BLAKE2b hash
  of the suffix and the bytes, and ``fingerprint`` hashes :data:`FORMAT_VERSION`,
  the Python, ``regex`` and ``markdown-it-py`` versions and the source of every
  module that takes part in preparing an article. Any change to that code
  starts a new folder; folders of other fingerprints are removed.
* each file is a pickle of ``(MAGIC, FORMAT_VERSION, fingerprint, key, state)``.
  A file that cannot be read, does not unpickle, or whose header does not
  match is ignored (and removed): a bad entry is never fatal.
* writes go to a unique temporary file that is then renamed over the entry,
  so concurrent writers (pytest-xdist workers) never expose a half-written
  file; two workers writing the same entry write the same bytes.

What is stored is the prepared article without its path (the same content may
live at several paths) and without per-run data: ``PreparedArticle.cache`` and
``cached_property`` values are dropped. The cache lives in the user's own
working tree, written by their own runs; pickle is used for speed and is as
trusted as the rest of that tree.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import pickle
import shutil
import sys
from functools import cached_property
from importlib import metadata
from pathlib import Path
from typing import Any, Self

from .article import PreparedArticle
from .files import write_atomic

__all__ = ["FORMAT_VERSION", "ArticleStore", "code_fingerprint", "content_key",
           "full_code_fingerprint"]

FORMAT_VERSION = 1
MAGIC = "pytest-factcheck/prepared"
# Modules whose code decides what a prepared article holds.
_PREPARING_MODULES = ("article.py", "articles.py", "markup.py", "text/normalize.py",
                      "text/segment.py", "cache.py")


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "?"


@functools.cache
def code_fingerprint() -> str:
    """A hash of everything that decides the content of a prepared article."""
    h = hashlib.blake2b(digest_size=12)
    h.update(f"{MAGIC}:{FORMAT_VERSION}:{sys.version}:{pickle.HIGHEST_PROTOCOL}".encode())
    for dist in ("regex", "markdown-it-py"):
        h.update(f"{dist}={_version(dist)};".encode())
    here = Path(__file__).parent
    for name in _PREPARING_MODULES:
        try:
            h.update(name.encode() + b"\0" + (here / name).read_bytes())
        except OSError:
            h.update(name.encode() + b"\0missing")
    return h.hexdigest()


@functools.cache
def full_code_fingerprint() -> str:
    """A hash of all of this package's code and data files (and the libraries it uses).

    Remembered results depend on every module that checks a fact, so any
    change to the package starts over.
    """
    h = hashlib.blake2b(digest_size=12)
    h.update(code_fingerprint().encode())
    for dist in ("pyyaml", "jsonschema", "pyahocorasick"):
        h.update(f"{dist}={_version(dist)};".encode())
    here = Path(__file__).parent
    for path in sorted([*here.rglob("*.py"), *here.rglob("*.json")]):
        try:
            h.update(path.relative_to(here).as_posix().encode() + b"\0" + path.read_bytes())
        except OSError:
            h.update(b"unreadable")
    return h.hexdigest()


def content_key(data: bytes, suffix: str) -> str:
    """The cache key of an article: its format and its bytes."""
    h = hashlib.blake2b(digest_size=20)
    h.update(suffix.lower().encode() + b"\0")
    h.update(data)
    return h.hexdigest()


def read_entry(path: Path, header: tuple[Any, ...]) -> tuple[str, Any]:
    """(status, value) of a pickle ``(*header, value)`` at ``path``.

    status is ``"hit"``, ``"missing"``, or ``"bad"``: a file that does not
    unpickle or whose header differs, which is removed. Never an error.
    """
    try:
        data = path.read_bytes()
    except OSError:
        return "missing", None
    try:
        *stored, value = pickle.loads(data)
        if tuple(stored) != header:
            raise ValueError("stale or foreign cache entry")
    except Exception:  # corrupt, truncated, foreign: discard, never fail
        discard(path)
        return "bad", None
    return "hit", value


def cache_folder(config: Any, name: str) -> Path | None:
    """The folder ``name`` in pytest's cache dir, or None without the cache plugin."""
    cache = getattr(config, "cache", None)
    if cache is None:
        return None
    try:
        return Path(cache.mkdir(name))
    except OSError:
        return None


class PytestCacheStore:
    """A store kept in pytest's cache folder ``FOLDER``, one subfolder per code
    version (``version()``); ``prune`` says whether this process may remove
    the folders of other versions. Subclasses set their own state in ``_setup``."""

    FOLDER = ""

    def __init__(self, root: Path | str, *, prune: bool = True) -> None:
        self.fingerprint = self.version()
        self.base = Path(root)
        self.root = self.base / self.fingerprint
        self._setup()
        if prune:
            self._prune()

    @staticmethod
    def version() -> str:
        return code_fingerprint()

    def _setup(self) -> None:
        """Set the store's own state (called before pruning)."""

    def _prune(self) -> None:
        prune_other_versions(self.base, self.fingerprint)

    @classmethod
    def for_config(cls, config: Any) -> Self | None:
        """The store in pytest's cache folder, or None without the cache plugin."""
        root = cache_folder(config, cls.FOLDER)
        # xdist workers share the controller's folder; only one process prunes.
        return None if root is None else cls(root, prune=not hasattr(config, "workerinput"))


def prune_other_versions(base: Path, keep: str) -> None:
    """Remove every folder in ``base`` but ``keep`` (entries of other code versions)."""
    try:
        entries = list(base.iterdir())
    except OSError:
        return
    for entry in entries:
        if entry.is_dir() and entry.name != keep:
            shutil.rmtree(entry, ignore_errors=True)


def discard(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def write_entry(path: Path, header: tuple[Any, ...], value: Any) -> bool:
    """Pickle ``(*header, value)`` to ``path`` by an atomic rename (xdist-safe).

    False when the value cannot be pickled or the file cannot be written.
    """
    try:
        payload = pickle.dumps((*header, value), protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # something unpicklable: simply do not keep it
        return False
    try:
        write_atomic(path, payload)
    except OSError:
        return False
    return True


@functools.cache
def _transient_attributes() -> frozenset[str]:
    """Attributes of a PreparedArticle that are per-run, never stored."""
    names = {"cache"}
    for klass in PreparedArticle.__mro__:
        names.update(n for n, v in vars(klass).items() if isinstance(v, cached_property))
    return frozenset(names)


def _state(prepared: PreparedArticle) -> dict[str, Any]:
    skip = _transient_attributes()
    state = {k: v for k, v in vars(prepared).items() if k not in skip}
    state["article"] = dataclasses.replace(prepared.article, path="")
    return state


def _restore(state: dict[str, Any], display: str) -> PreparedArticle:
    prepared = PreparedArticle.__new__(PreparedArticle)
    prepared.__dict__.update(state)
    prepared.article = dataclasses.replace(state["article"], path=display)
    prepared.cache = {}
    return prepared


class ArticleStore(PytestCacheStore):
    """Prepared articles on disk, by content key. Every failure is a miss."""

    FOLDER = "factcheck"

    def _setup(self) -> None:
        self.hits = self.misses = self.writes = self.discarded = 0

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.pickle"

    def load(self, key: str, display: str) -> PreparedArticle | None:
        path = self._path(key)
        status, state = read_entry(path, (MAGIC, FORMAT_VERSION, self.fingerprint, key))
        prepared = None
        if status == "hit":
            try:
                prepared = _restore(state, display)
            except Exception:  # the right header but the wrong shape
                discard(path)
                status = "bad"
        if prepared is None:
            self.misses += 1
            self.discarded += status == "bad"
            return None
        self.hits += 1
        return prepared

    def save(self, key: str, prepared: PreparedArticle) -> None:
        if write_entry(self._path(key), (MAGIC, FORMAT_VERSION, self.fingerprint, key),
                       _state(prepared)):
            self.writes += 1
