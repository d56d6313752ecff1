"""The corpus of a run: every article read, decoded, normalized and segmented once.

Shared by every fact (and every pytest item): :meth:`Corpus.load` reads each
path at most once per run, whatever the number of facts and whatever article
scopes the items have (a file in two scopes is the same prepared object).

With an :class:`~pytest_factcheck.cache.ArticleStore`, a prepared article is
taken from disk when its content was prepared before (by any earlier run),
and only changed articles are prepared again.

A run that prepares its articles elsewhere (in a pool of worker processes,
see :mod:`pytest_factcheck.batch`) first *surveys* the paths
(:meth:`Corpus.survey`: files found, read and hashed, nothing prepared), has
the workers prepare what is new (:meth:`Corpus.prepare_once`), and then
*settles* the survey into a :class:`Selection` with what they learnt
(:meth:`Corpus.settle`).
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import stat
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .article import InlineWaiver, PreparedArticle, prepare
from .articles import MAX_BYTES, discover_articles, display_path, parse_article, read_article
from .cache import ArticleStore, content_key
from .errors import ArticleError
from .files import OUTSIDE, is_inside
from .index import CorpusIndex
from .model import Problem

__all__ = ["ArticleRef", "Corpus", "Selection", "Survey"]


@dataclass(frozen=True)
class ArticleRef:
    """One readable article of a selection: where it is and what it holds.

    ``key`` is the content key (None for a file read without the cache);
    ``token`` names this content at this path, the unit of remembered results.
    ``waivers`` are the article's inline waivers (known without preparing it).
    """

    path: str
    file: Path
    key: str | None
    waivers: tuple[InlineWaiver, ...] = ()

    token: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        h = hashlib.blake2b(digest_size=16)
        h.update(self.path.encode("utf-8", "surrogatepass") + b"\0")
        h.update((self.key or f"unkeyed:{self.file.absolute()}").encode("utf-8",
                                                                        "surrogatepass"))
        object.__setattr__(self, "token", h.hexdigest())


@dataclass
class Selection:
    """The articles below some paths, and the ones that could not be read.

    ``refs`` are known at once; the prepared articles (``articles``,
    :meth:`prepared`) are made on first use, so a run whose results are all
    remembered never prepares an article.
    """

    refs: list[ArticleRef] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)  # display paths, readable or not
    index: CorpusIndex | None = None  # built on first use, see Corpus.index_for
    corpus: Corpus | None = None
    _articles: list[PreparedArticle] | None = None

    @property
    def articles(self) -> list[PreparedArticle]:
        """Every readable article, prepared (in corpus order)."""
        if self._articles is None:
            self._articles = self.prepared(self.refs)
        return self._articles

    def prepared(self, refs: Sequence[ArticleRef]) -> list[PreparedArticle]:
        """The prepared articles of ``refs`` (an article that fails now is a problem)."""
        assert self.corpus is not None
        out: list[PreparedArticle] = []
        for ref in refs:
            got = self.corpus.prepare(ref)
            if isinstance(got, Problem):
                if got not in self.problems:
                    self.problems.append(got)
            else:
                out.append(got)
        return out


Known = Callable[[str], "tuple[InlineWaiver, ...] | None"]
# What preparing a pending article taught: its inline waivers, or why it is unreadable.
Settled = tuple[InlineWaiver, ...] | Problem


@dataclass
class Survey:
    """The articles below some paths before any is prepared, in corpus order.

    ``refs[i]`` is pending (``i in pending``) when only preparing the article
    tells whether it is readable and which inline waivers it holds; the
    others are known (from an earlier run's manifest, or prepared already).
    """

    key: tuple[str, ...]
    refs: list[ArticleRef] = field(default_factory=list)
    pending: set[int] = field(default_factory=set)
    slots: list[ArticleRef | Problem] = field(default_factory=list)  # every file, in order
    missing: list[Problem] = field(default_factory=list)  # paths given that do not exist
    paths: list[str] = field(default_factory=list)


class Corpus:
    """Reads and prepares articles on demand, each once."""

    def __init__(self, rootdir: Path | str, *, store: ArticleStore | None = None,
                 known: Known | None = None) -> None:
        self.rootdir = Path(rootdir).absolute()
        self.store = store
        # token -> inline waivers of an article known to prepare without error
        # (the result cache's manifest); such articles are prepared only on demand.
        self.known = known
        self._prepared: dict[Path, PreparedArticle | Problem] = {}
        self._refs: dict[Path, ArticleRef | Problem] = {}
        self._selections: dict[tuple[str, ...], Selection] = {}
        self._files: dict[tuple[str, ...], list[tuple[Path, str]]] = {}
        # articles (and folder links) whose real location is outside: never opened
        self._outside: dict[Path, Problem] = {}
        self.prepared_count = 0  # articles actually parsed and prepared in this run

    def display(self, path: Path, given: str | None = None) -> str:
        return display_path(path, self.rootdir, given)

    def files(self, paths: Iterable[str | Path]) -> list[tuple[Path, str]]:
        """(file, display path) of every article below ``paths`` (found once per run)."""
        memo_key = tuple(str(p) for p in paths)
        got = self._files.get(memo_key)
        if got is None:
            got = self._files[memo_key] = self._find(memo_key)
        return list(got)

    def _roots(self, given: str | Path) -> list[Path]:
        """Where an article below ``given`` may really be: the rootdir, or a root
        given outside it (a path inside the rootdir gets no trust of its own)."""
        absolute = Path(os.path.normpath(Path(given).absolute()))
        roots = [self.rootdir]
        if not absolute.is_relative_to(self.rootdir):
            roots.append(absolute)
        return roots

    def _find(self, paths: Iterable[str | Path]) -> list[tuple[Path, str]]:
        out: list[tuple[Path, str]] = []
        for given in paths:
            roots = self._roots(given)

            def inside(p: Path, roots: list[Path] = roots) -> bool:
                return is_inside(p, roots)

            def outside(p: Path) -> None:
                d = self.display(p, str(p))
                self._outside[p.absolute()] = Problem(d, 0, 0, OUTSIDE)
                out.append((p, d))

            for f in discover_articles([given], inside, outside):
                if not inside(f):
                    outside(f)
                else:
                    out.append((f, self.display(f, str(f))))
        seen: set[Path] = set()
        unique = []
        for f, d in out:
            key = f.absolute()
            if key not in seen:
                seen.add(key)
                unique.append((f, d))
        return unique

    def get(self, path: Path, display: str) -> PreparedArticle | Problem:
        """The prepared article at ``path`` (or the problem that stops it)."""
        key = path.absolute()
        hit = self._prepared.get(key) or self._outside.get(key)
        if hit is None:
            try:
                hit = self._read_and_prepare(path, display)
            except ArticleError as exc:
                hit = exc.problem()
            self._prepared[key] = hit
        return hit

    def ref(self, path: Path, display: str) -> ArticleRef | Problem:
        """The article at ``path`` as a reference, prepared now unless already known."""
        akey = path.absolute()
        hit = self._refs.get(akey) or self._outside.get(akey)
        if hit is not None:
            return hit
        data = _plain_bytes(path) if self.store is not None else None
        if data is None or self.store is None:
            got = self.get(path, display)
            hit = got if isinstance(got, Problem) else ArticleRef(
                display, path, None, got.article.waivers)
        else:
            ref = ArticleRef(display, path, content_key(data, path.suffix))
            waivers = self.known(ref.token) if self.known is not None else None
            if waivers is not None:
                hit = dataclasses.replace(ref, waivers=waivers)
            else:
                try:
                    prepared = self._prepare_bytes(data, ref)
                    self._prepared[akey] = prepared
                    hit = dataclasses.replace(ref, waivers=prepared.article.waivers)
                except ArticleError as exc:
                    hit = self._prepared[akey] = exc.problem()
        self._refs[akey] = hit
        return hit

    def prepare(self, ref: ArticleRef) -> PreparedArticle | Problem:
        """The prepared article of ``ref``: from memory, the store, or its file."""
        akey = ref.file.absolute()
        hit = self._prepared.get(akey)
        if hit is None and ref.key is not None and self.store is not None:
            cached = self.store.load(ref.key, ref.path)
            if cached is not None:
                hit = self._prepared[akey] = cached
        return hit if hit is not None else self.get(ref.file, ref.path)

    def _prepare_bytes(self, data: bytes, ref: ArticleRef) -> PreparedArticle:
        assert self.store is not None and ref.key is not None
        cached = self.store.load(ref.key, ref.path)
        if cached is not None:
            return cached
        self.prepared_count += 1
        prepared = prepare(parse_article(data, ref.path, ref.file.suffix.lower()))
        self.store.save(ref.key, prepared)
        return prepared

    def _read_and_prepare(self, path: Path, display: str) -> PreparedArticle:
        data = _plain_bytes(path) if self.store is not None else None
        if data is None or self.store is None:
            # No cache, or anything unusual about the file: the reader decides
            # (and words the error).
            self.prepared_count += 1
            return prepare(read_article(path, display))
        return self._prepare_bytes(data, ArticleRef(display, path,
                                                    content_key(data, path.suffix)))

    def load(self, paths: Sequence[str | Path]) -> Selection:
        """The articles below ``paths`` (memoized: the same paths give the same Selection)."""
        memo_key = tuple(str(p) for p in paths)
        sel = self._selections.get(memo_key)
        if sel is None:
            sel = self._selections[memo_key] = self._load(paths)
        return sel

    def index_for(self, sel: Selection, checkers: Iterable[Any]) -> CorpusIndex:
        """The term index over ``sel``'s articles, built once with the terms of ``checkers``.

        ``checkers`` is only iterated when the index is built (pass a generator).
        """
        if sel.index is None:
            sel.index = CorpusIndex.for_checkers(sel.articles, checkers)
        return sel.index

    def _missing(self, paths: Sequence[str | Path]) -> tuple[list[str], list[Problem]]:
        missing = list(dict.fromkeys(
            str(g) for g in paths if not Path(g).exists() and not Path(g).is_symlink()))
        # said once here, not again as an unreadable article
        return missing, [Problem(self.display(Path(g), str(g)), 0, 0, "no such file or folder")
                         for g in missing]

    def _load(self, paths: Sequence[str | Path]) -> Selection:
        sel = Selection(corpus=self)
        missing, sel.problems = self._missing(paths)
        files = self.files([g for g in paths if str(g) not in missing])
        for f, d in files:
            sel.paths.append(d)
            got = self.ref(f, d)
            if isinstance(got, Problem):
                sel.problems.append(got)
            else:
                sel.refs.append(got)
        return sel

    # -- a run that prepares elsewhere ------------------------------------------
    def survey(self, paths: Sequence[str | Path]) -> Survey:
        """The articles below ``paths``, read and hashed but not prepared.

        An article known from an earlier run (or already prepared) is known;
        any other readable file is pending, for a worker to prepare
        (:meth:`prepare_once`) before :meth:`settle`. Files the reader must
        judge (not regular, too large) are judged here, as :meth:`ref` does.
        """
        key = tuple(str(p) for p in paths)
        out = Survey(key)
        missing, out.missing = self._missing(paths)
        for f, d in self.files([g for g in paths if str(g) not in missing]):
            out.paths.append(d)
            akey = f.absolute()
            slot: ArticleRef | Problem | None = self._refs.get(akey) or self._outside.get(akey)
            pending = False
            if slot is None:
                data = _plain_bytes(f) if self.store is not None else b""
                if data is None:
                    slot = self.ref(f, d)  # the reader words what is wrong with it
                elif self.store is None:
                    slot, pending = ArticleRef(d, f, None), True
                else:
                    ref = ArticleRef(d, f, content_key(data, f.suffix))
                    waivers = self.known(ref.token) if self.known is not None else None
                    if waivers is not None:
                        slot = self._refs[akey] = dataclasses.replace(ref, waivers=waivers)
                    else:
                        slot, pending = ref, True
            if isinstance(slot, ArticleRef):
                if pending:
                    out.pending.add(len(out.refs))
                out.refs.append(slot)
            out.slots.append(slot)
        return out

    def prepare_once(self, ref: ArticleRef) -> PreparedArticle | Problem:
        """The prepared article of ``ref``, not kept in memory (a worker's shard).

        Taken from this corpus's memory or the store when it is there;
        otherwise prepared (and put in the store).
        """
        hit = self._prepared.get(ref.file.absolute())
        if hit is not None:
            return hit
        try:
            if ref.key is not None and self.store is not None:
                cached = self.store.load(ref.key, ref.path)
                if cached is not None:
                    return cached
                data = _plain_bytes(ref.file)
                if data is not None and content_key(data, ref.file.suffix) == ref.key:
                    return self._prepare_bytes(data, ref)
            self.prepared_count += 1
            return prepare(read_article(ref.file, ref.path))
        except ArticleError as exc:
            return exc.problem()

    def settle(self, survey: Survey, learnt: Mapping[int, Settled]) -> Selection:
        """The :class:`Selection` of ``survey``, with what preparing its pending
        articles taught (by position in ``survey.refs``); remembered for
        :meth:`load` with the same paths."""
        sel = Selection(corpus=self, problems=list(survey.missing), paths=list(survey.paths))
        pos = 0
        for slot in survey.slots:
            if isinstance(slot, Problem):
                sel.problems.append(slot)
                continue
            got: ArticleRef | Problem = slot
            if pos in survey.pending:
                what = learnt.get(pos)
                if what is None:  # nobody prepared it: do it now
                    prepared = self.prepare(slot)
                    what = prepared if isinstance(prepared, Problem) else (
                        prepared.article.waivers)
                got = what if isinstance(what, Problem) else dataclasses.replace(
                    slot, waivers=what)
                self._refs[slot.file.absolute()] = got
            pos += 1
            if isinstance(got, Problem):
                sel.problems.append(got)
            else:
                sel.refs.append(got)
        self._selections[survey.key] = sel
        return sel


def _plain_bytes(path: Path) -> bytes | None:
    """The bytes of a regular, not too large file; None for anything else."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES:
            return None
        with path.open("rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError:
        return None
    return data if len(data) <= MAX_BYTES else None
