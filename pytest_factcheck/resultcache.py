"""Remembered results: a re-run checks only what changed since the last run.

What a fact finds in an article depends only on the fact (and, through the
names and titles it may use, on the rest of the catalog), on the article's
content and path, and on this package's code. The engine computes it per
(fact, article) (:func:`~pytest_factcheck.engine.check_article`) and assembles
a fact's result from those outcomes in corpus order
(:func:`~pytest_factcheck.engine.assemble`), so outcomes can be remembered:

* a **catalog** (every fact, already validated) is stored by the hash of the
  fact files' names and bytes: a re-run skips YAML, the schema and compiling,
  and compiles a fact only when some article needs checking against it;
* every readable article of a run is a **token** (its path and content key)
  in a **manifest**, with its inline waivers: a known article is not even
  prepared unless a fact needs to look at it;
* per fact, a **memo** holds what the fact needs from an article
  (:class:`~pytest_factcheck.index.Needs`, so candidates are found without
  compiling), the **basis** (the set of tokens it was checked against, stored
  once per run as a snapshot) and the non-empty outcomes by token. A re-run
  takes the remembered outcomes of the tokens in the basis and checks the
  fact only on the articles that are new or changed (and mention its terms).

Outcomes that did not settle (a pattern's time limit, an internal error) are
never remembered. Everything lives under pytest's cache folder
(``.pytest_cache/d/factcheck-results/<code fingerprint>/``): any change to
the package's code starts afresh, ``--cache-clear`` empties it, and a
missing, corrupt or foreign file is a miss, never an error. Writes are atomic
renames, so pytest-xdist workers can share the folder.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import os
import shutil
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .article import InlineWaiver, PreparedArticle
from .cache import (
    PytestCacheStore,
    full_code_fingerprint,
    read_entry,
    write_entry,
)
from .catalog import Catalog, LoadedFact, restore_catalog, stored_files
from .corpus import ArticleRef, Selection
from .engine import ArticleOutcome, FactJob, assemble, check_shard
from .index import CorpusIndex, Needs, fact_needs
from .loader import load_catalog
from .model import FactResult, Finding, Note

__all__ = ["FactMemo", "MemoPlan", "ResultStore"]

FORMAT_VERSION = 4  # 3: findings without the copy of their excerpt; 4: held_to, article_date
MAGIC = "pytest-factcheck/results"
KEEP_CATALOGS = 4  # memo folders of earlier catalogs kept (switching branches back and forth)
KEEP_SNAPSHOTS = 32  # snapshots of earlier runs kept (memos still based on them)
# A memo is rewritten after an edit only if the fact's outcomes changed, or once
# more than this many articles (or 1 % of the corpus) are newer than its basis.
STALE_AFTER = 50


@dataclass(frozen=True)
class MemoPlan:
    """What a run must check of one fact (see :meth:`ResultStore.plan`).

    ``again``: the tokens looked at again (new or changed articles, and
    those whose check did not settle last time).
    """

    loaded: LoadedFact
    memo: FactMemo | None
    basis: frozenset[str] | None
    job: FactJob | None
    again: frozenset[str]


@dataclass(frozen=True)
class FactMemo:
    """What is remembered of one fact (see the module doc).

    ``outcomes`` are kept as plain tuples (:func:`_encode`): a newsroom's
    memos hold hundreds of thousands of findings, and plain tuples unpickle
    several times faster than dataclass instances.
    """

    needs: Needs
    basis: str
    outcomes: Mapping[str, tuple[Any, ...]] = field(default_factory=dict)
    retry: frozenset[str] = frozenset()


def _encode(out: ArticleOutcome) -> tuple[Any, ...]:
    findings = tuple(
        (f.fact_id, f.article, f.line, f.column, f.status, f.reason, f.excerpt, f.message,
         f.matched, f.mark, f.detail,
         f.waiver, f.end_line, f.end_column, f.held_to, f.article_date) for f in out.findings)
    notes = tuple((n.article, n.line, n.column, n.message) for n in out.notes)
    return findings, notes, out.mentioned


_FINDING_FIELDS = tuple(f.name for f in dataclasses.fields(Finding))
_new = object.__new__


def _finding(values: tuple[Any, ...]) -> Finding:
    # A frozen dataclass's __init__ sets each field through object.__setattr__;
    # filling __dict__ at once is several times faster, for the same object.
    f = _new(Finding)
    f.__dict__.update(zip(_FINDING_FIELDS, values, strict=True))
    return f


def _decode(data: tuple[Any, ...]) -> ArticleOutcome:
    findings, notes, mentioned = data
    return ArticleOutcome(tuple(_finding(v) for v in findings),
                          tuple(Note(*n) for n in notes), (), mentioned)


def _hash(*parts: bytes) -> str:
    h = hashlib.blake2b(digest_size=16)
    for p in parts:
        h.update(len(p).to_bytes(8, "little"))
        h.update(p)
    return h.hexdigest()


class ResultStore(PytestCacheStore):
    """Remembered catalogs, articles and outcomes on disk. Every failure is a miss."""

    FOLDER = "factcheck-results"

    @staticmethod
    def version() -> str:
        return full_code_fingerprint()

    def _setup(self) -> None:
        self.catalog_key: str | None = None
        self._manifest: dict[str, tuple[InlineWaiver, ...]] | None = None
        self._run_articles: dict[str, tuple[InlineWaiver, ...]] = {}
        self._snapshots: dict[str, frozenset[str] | None] = {}
        self._tokens: dict[int, _Tokens] = {}
        self._unions: dict[str, str] = {}
        self._article_tokens: dict[int, dict[int, str]] = {}
        self._missing_indexes: dict[tuple[str, ...], tuple[CorpusIndex, dict[int, str]]] = {}
        self.stats = {"remembered": 0, "partly": 0, "checked": 0, "articles_rechecked": 0}
        self.changed: set[str] = set()  # tokens of the new or changed articles looked at
        self._expected: Sequence[ArticleRef] | None = None

    # -- files ---------------------------------------------------------------
    def _prune(self) -> None:
        super()._prune()
        snaps = self.root / "snapshots"
        with contextlib.suppress(OSError):
            files = sorted(snaps.glob("*.pickle"), key=lambda f: f.stat().st_mtime,
                           reverse=True)
            for old_snap in files[KEEP_SNAPSHOTS:]:
                old_snap.unlink()
        facts = self.root / "facts"
        with contextlib.suppress(OSError):
            dirs = sorted((d for d in facts.iterdir() if d.is_dir()),
                          key=lambda d: d.stat().st_mtime, reverse=True)
            for old in dirs[KEEP_CATALOGS:]:
                shutil.rmtree(old, ignore_errors=True)

    def _header(self, path: Path, kind: str) -> tuple[Any, ...]:
        """An entry's header names what it is for: its kind and its key (the
        file's place, which holds the catalog key, the fact id's hash or the
        snapshot id), so a file copied or swapped to another place is a miss."""
        try:
            where = path.relative_to(self.root).as_posix()
        except ValueError:
            where = path.as_posix()
        return (MAGIC, FORMAT_VERSION, self.fingerprint, kind, where)

    def _read(self, path: Path, kind: str) -> Any:
        return read_entry(path, self._header(path, kind))[1]

    def _write(self, path: Path, kind: str, value: Any) -> None:
        write_entry(path, self._header(path, kind), value)

    # -- the catalog ---------------------------------------------------------
    def catalog(self, files: Sequence[Path], display: Mapping[Path, str],
                regex_timeout: float) -> Catalog:
        """The catalog of ``files``: remembered, or loaded (and then remembered)."""
        parts = [repr(regex_timeout).encode()]
        try:
            for f in files:
                parts += [display.get(f, str(f)).encode("utf-8", "surrogatepass"),
                          f.read_bytes()]
        except OSError:  # the loader words the problem; nothing to remember
            return load_catalog(files, display=display, regex_timeout=regex_timeout)
        self.catalog_key = key = _hash(*parts)
        path = self.root / f"catalog-{key}.pickle"
        stored = self._read(path, "catalog")
        if stored is not None:
            return restore_catalog(*stored)
        cat = load_catalog(files, display=display, regex_timeout=regex_timeout)
        if cat.inputs is not None:
            value = (stored_files(cat),
                     dict(cat.inputs.entities), cat.inputs.runnable, regex_timeout)
            self._write(path, "catalog", value)
        return cat

    # -- articles ------------------------------------------------------------
    def _manifest_path(self) -> Path:
        return self.root / "manifest.pickle"

    def known(self, token: str) -> tuple[InlineWaiver, ...] | None:
        """The inline waivers of a known article (prepared before without error)."""
        if self._manifest is None:
            got = self._read(self._manifest_path(), "manifest")
            self._manifest = got if isinstance(got, dict) else {}
        return self._manifest.get(token)

    def remember_articles(self, refs: Sequence[ArticleRef]) -> None:
        """Add ``refs`` (readable articles of this run) to the known articles.

        The manifest on disk is the articles of the last run (of every
        selection it loaded), so it does not grow with every edit; a run over
        a few articles (a pre-commit hook) adds to it instead, so that the
        next full run still knows the others.
        """
        self.known("")  # read the manifest of the last run before replacing it
        before = len(self._run_articles)
        self._run_articles.update((r.token, r.waivers) for r in refs)
        if len(self._run_articles) == before:
            return
        assert self._manifest is not None
        new = (self._run_articles if 2 * len(self._run_articles) >= len(self._manifest)
               else {**self._manifest, **self._run_articles})
        if new != self._manifest:
            self._write(self._manifest_path(), "manifest", dict(new))

    def _snapshot(self, sid: str) -> frozenset[str] | None:
        if sid not in self._snapshots:
            path = self.root / "snapshots" / f"{sid}.pickle"
            got = self._read(path, "snapshot")
            self._snapshots[sid] = got if isinstance(got, frozenset) else None
            if got is not None:
                with contextlib.suppress(OSError):
                    os.utime(path)  # still in use: pruning goes by last use
        return self._snapshots[sid]

    def _selection_tokens(self, sel: Selection) -> _Tokens:
        """The tokens of ``sel`` (with their snapshot saved once)."""
        got = self._tokens.get(id(sel))
        if got is None:
            got = self._tokens[id(sel)] = _Tokens(sel)
            self._save_snapshot(got.sid, got.set)
        return got

    def _save_snapshot(self, sid: str, tokens: frozenset[str]) -> None:
        path = self.root / "snapshots" / f"{sid}.pickle"
        if not path.exists():
            self._write(path, "snapshot", tokens)
        self._snapshots[sid] = tokens

    # -- facts ---------------------------------------------------------------
    def _memo_path(self, fact_id: str) -> Path:
        return (self.root / "facts" / (self.catalog_key or "none")
                / f"{_hash(fact_id.encode('utf-8', 'surrogatepass'))}.pickle")

    def _load_memo(self, fact_id: str) -> FactMemo | None:
        got = self._read(self._memo_path(fact_id), "memo")
        return got if isinstance(got, FactMemo) else None

    def _tokens_by_article(self, sel: Selection) -> dict[int, str]:
        got = self._article_tokens.get(id(sel))
        if got is None:
            arts = sel.articles
            by_path = {r.path: r.token for r in sel.refs}
            got = self._article_tokens[id(sel)] = {id(a): by_path[a.path] for a in arts}
        return got

    def _missing_index(self, sel: Selection, missing: Sequence[ArticleRef]
                       ) -> tuple[CorpusIndex, dict[int, str]]:
        key = tuple(r.token for r in missing)
        got = self._missing_indexes.get(key)
        if got is None:
            arts: list[PreparedArticle] = []
            tokens: dict[int, str] = {}
            for r in missing:
                for a in sel.prepared([r]):
                    arts.append(a)
                    tokens[id(a)] = r.token
            got = self._missing_indexes[key] = (CorpusIndex(arts), tokens)
        return got

    def plan(self, loaded: LoadedFact, refs: Sequence[ArticleRef]) -> MemoPlan:
        """What must be checked of ``loaded`` over ``refs`` (a run's articles, in order).

        The :class:`~pytest_factcheck.engine.FactJob` of the plan says which
        articles the fact must look at (None: it is all remembered); the
        engine's outcomes then go to :meth:`finish`.
        """
        fact = loaded.fact
        self._expect(refs)
        memo = self._load_memo(fact.id) if self.catalog_key is not None else None
        basis = self._snapshot(memo.basis) if memo is not None else None
        if memo is None or basis is None:
            return MemoPlan(loaded, None, None, FactJob(loaded), frozenset())
        again = {r.token for r in refs if r.token not in basis}
        if memo.retry:
            again |= memo.retry
        where = [i for i, r in enumerate(refs) if r.token in again]
        if not where:
            return MemoPlan(loaded, memo, basis, None, frozenset())
        return MemoPlan(loaded, memo, basis, FactJob(loaded, memo.needs, frozenset(where)),
                        frozenset(again))

    def _expect(self, refs: Sequence[ArticleRef]) -> None:
        """Know this run's own snapshot in memory (its file is written with the
        first result), so a memo based on the same articles is trusted even if
        that file went bad."""
        if self._expected is not refs:
            self._expected = refs
            tokens = frozenset(r.token for r in refs)
            self._snapshots.setdefault(_snapshot_id(tokens), tokens)

    def finish(self, plan: MemoPlan, sel: Selection, fresh: Mapping[str, ArticleOutcome]
               ) -> FactResult:
        """The result of a plan over ``sel`` (its articles, settled), given the
        engine's non-empty outcomes of this run by token; the memo is updated.

        Equal to :func:`~pytest_factcheck.engine.check_fact` over ``sel.articles``.
        """
        fact = plan.loaded.fact
        toks = self._selection_tokens(sel)
        memo, basis = plan.memo, plan.basis
        current = toks.set
        again = plan.again & current  # an article that turned out unreadable is not there
        if memo is None or basis is None:
            self.stats["checked"] += 1
        else:
            self.stats["partly" if again else "remembered"] += 1
            self.stats["articles_rechecked"] += len(fresh)
            self.changed |= {t for t in again if t not in basis}
        kept: dict[str, tuple[Any, ...]] = {}  # remembered outcomes still in the corpus
        if memo is not None:
            kept = {t: o for t, o in memo.outcomes.items() if t in current and t not in again}
        outcomes = {t: _decode(o) for t, o in kept.items()}
        outcomes.update(fresh)
        order = toks.position
        result = assemble(fact, toks.paths,
                          [outcomes[t] for t in sorted(outcomes, key=order.__getitem__)])
        retry = frozenset(t for t, o in fresh.items() if o.unsettled)
        if self.catalog_key is None:
            return result
        needs = memo.needs if memo is not None else fact_needs(plan.loaded.checker)
        new_outcomes = bool(fresh)  # a new article speaks of it
        if memo is not None and basis is not None and 2 * len(toks.set) < len(basis):
            # A run over a part of the corpus (a pre-commit hook given the changed
            # files): what is remembered of the other articles still holds, so
            # the memo grows by this run's articles instead of shrinking to them.
            if new_outcomes or retry != memo.retry:
                outcomes_all = dict(memo.outcomes)
                outcomes_all.update((t, _encode(o)) for t, o in fresh.items()
                                    if not o.unsettled)
                self._write(self._memo_path(fact.id), "memo", FactMemo(
                    needs, self._union_snapshot(memo.basis, basis, toks), outcomes_all,
                    (memo.retry - toks.set) | retry))
            return result
        if (memo is None or basis is None or retry != memo.retry or new_outcomes
                or len(kept) != len(memo.outcomes)  # an article it spoke about changed
                or len(again) > max(STALE_AFTER, len(toks.refs) // 100)):
            kept.update((t, _encode(o)) for t, o in fresh.items() if not o.unsettled)
            self._write(self._memo_path(fact.id), "memo", FactMemo(needs, toks.sid, kept, retry))
        # Otherwise the memo stands as it is: what changed says nothing about this
        # fact, and the next run looks at those few articles again (cheaply),
        # instead of every run rewriting every fact's memo after one edit.
        return result

    def check(self, loaded: LoadedFact, sel: Selection) -> FactResult:
        """The result of ``loaded`` over ``sel`` in this process: remembered
        outcomes, plus what changed (:meth:`plan`, the engine, :meth:`finish`)."""
        plan = self.plan(loaded, sel.refs)
        fresh: dict[str, ArticleOutcome] = {}
        if plan.job is not None:
            wanted = (range(len(sel.refs)) if plan.job.only is None
                      else sorted(plan.job.only))
            refs = [sel.refs[i] for i in wanted]
            arts = sel.prepared(refs)
            by_path = {r.path: (i, r.token) for i, r in zip(wanted, refs, strict=True)}
            (got,) = check_shard([plan.job], arts, [by_path[a.path][0] for a in arts])
            tokens = [r.token for r in sel.refs]
            fresh = {tokens[pos]: o for pos, o in got}
        return self.finish(plan, sel, fresh)

    def _union_snapshot(self, basis_id: str, basis: frozenset[str], toks: _Tokens) -> str:
        """The id of the snapshot ``basis`` ∪ this run's tokens (saved once)."""
        key = f"{basis_id}+{toks.sid}"
        sid = self._unions.get(key)
        if sid is None:
            union = basis | toks.set
            sid = self._unions[key] = _snapshot_id(union)
            self._save_snapshot(sid, union)
        return sid


def _snapshot_id(tokens: frozenset[str]) -> str:
    return _hash(*(t.encode() for t in sorted(tokens)))


class _Tokens:
    """The tokens of a selection, computed once per run."""

    def __init__(self, sel: Selection) -> None:
        self.refs = sel.refs
        self.paths = [r.path for r in sel.refs]
        self.position = {r.token: i for i, r in enumerate(sel.refs)}
        self.set = frozenset(self.position)
        self.sid = _snapshot_id(self.set)
        self._missing: dict[str, list[ArticleRef]] = {}

    def missing(self, basis_id: str, basis: frozenset[str]) -> list[ArticleRef]:
        """The articles of the selection that are not in ``basis`` (new or changed)."""
        got = self._missing.get(basis_id)
        if got is None:
            got = self._missing[basis_id] = [r for r in self.refs if r.token not in basis]
        return got
