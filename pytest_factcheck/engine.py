"""The checking core: a pure function of (facts, articles) -> results.

Free of pytest: the plugin, a library caller or a cluster job all call
:func:`check_fact` (one fact over prepared articles) or :func:`check_all`.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import regex

from . import kinds
from .article import PreparedArticle
from .catalog import LoadedFact
from .index import CorpusIndex, Needs, fact_needs
from .model import Evidence, Fact, FactResult, Finding, Note, Problem, Waiver
from .text.normalize import ERASE, normalize_phrase

__all__ = ["ArticleOutcome", "ArticleSelector", "FactJob", "Outcomes", "assemble", "check_all",
           "check_article", "check_fact", "check_shard", "fact_budget", "glob_matcher",
           "make_excerpt", "pool_for", "reduce_fact", "set_fact_budget", "shard_bounds"]

EXCERPT_WIDTH = 160


@functools.lru_cache(maxsize=1024)
def _glob_regex(pattern: str) -> regex.Pattern[str]:
    out = []
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
            continue
        if pattern.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        if c == "*":
            out.append("[^/]*")
        elif c == "?":
            out.append("[^/]")
        else:
            out.append(regex.escape(c))
        i += 1
    body = "".join(out)
    # A glob matches the whole path, or the path below any folder ("syria/**"
    # matches "articles/syria/x.txt"), as in .gitignore.
    return regex.compile(rf"(?:^|.*/)(?:{body})$" if not pattern.startswith("/") else
                         rf"^{body[1:] if body.startswith('/') else body}$")


def glob_matcher(patterns: Iterable[str]) -> ArticleSelector:
    return ArticleSelector(tuple(patterns))


@dataclass(frozen=True)
class ArticleSelector:
    patterns: tuple[str, ...]

    def __call__(self, path: str) -> bool:
        p = path.replace("\\", "/")
        return any(_glob_regex(g).match(p) for g in self.patterns)


@functools.lru_cache(maxsize=4096)
def _terms_pattern(terms: tuple[str, ...]) -> regex.Pattern[str] | None:
    forms = sorted({normalize_phrase(t) for t in terms if t.strip()}, key=len, reverse=True)
    if not forms:
        return None
    body = "|".join(regex.escape(f) for f in forms)
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{body})(?![\p{{L}}\p{{N}}])",
                         regex.IGNORECASE)


def _collapse_spaces(text: str, start: int, end: int) -> tuple[str, int, int]:
    """Collapse runs of spaces (hard-wrapped or indented source) and shift the mark."""
    if "  " not in text:
        return text, start, end
    out: list[str] = []
    new_start = new_end = None
    prev_space = False
    for i, c in enumerate(text):
        if i == start:
            new_start = len(out)
        if i == end:
            new_end = len(out)
        if c == " " and prev_space:
            continue
        out.append(c)
        prev_space = c == " "
    n = len(out)
    return ("".join(out), n if new_start is None else new_start,
            n if new_end is None else new_end)


_FLATTEN = str.maketrans("\r\n\t\f\v", "     ")


def make_excerpt(text: str, start: int, end: int, width: int = EXCERPT_WIDTH
                 ) -> tuple[str, int, int]:
    """Cut ``text`` to about ``width`` characters around [start, end).

    Returns the excerpt and the mark's offsets in it; cut sides get ``...``.
    """
    flat, start, end = _collapse_spaces(text.translate(_FLATTEN), start, end)
    if len(flat) <= width:
        return flat, start, end
    room = max(0, width - (end - start))
    left = max(0, start - room // 2)
    right = min(len(flat), max(end, left + width))
    left = max(0, min(left, right - width))
    # Cut at word boundaries, never into the mark.
    if left > 0 and not flat[left - 1].isspace():
        nxt = flat.find(" ", left, start)
        left = nxt + 1 if nxt >= 0 else left
    if right < len(flat) and not flat[right].isspace():
        prev = flat.rfind(" ", end, right)
        right = prev if prev >= 0 else right
    pre = "..." if left > 0 else ""
    post = "..." if right < len(flat) else ""
    return pre + flat[left:right] + post, start - left + len(pre), end - left + len(pre)



def _without_erased(text: str, start: int, end: int) -> tuple[str, int, int]:
    """Drop erased markup (zero-width spaces) and shift the mark to match."""
    if ERASE not in text:
        return text, start, end
    return (text.replace(ERASE, ""), start - text.count(ERASE, 0, start),
            end - text.count(ERASE, 0, end))


def _finding(fact: Fact, art: PreparedArticle, ev: Evidence) -> Finding:
    s, e = art.to_source(ev.start, ev.end)
    line, col = art.line_col(s)
    end_line, end_col = art.line_col(e)
    window = art.sentence_at(ev.start) or (art.paragraph_at(ev.start) if art.paragraphs
                                           else None)  # an empty article has neither
    # Excerpts quote the prose (article.text), without markup erased from it.
    ts, te = art.to_text(ev.start, ev.end)
    ws, we = art.to_text(window.start, window.end) if window is not None else (ts, te)
    ws, we = min(ws, ts), max(we, te)
    sentence, ms, me = _without_erased(art.article.text[ws:we], ts - ws, te - ws)
    excerpt, ms, me = make_excerpt(sentence, ms, me)
    matched = _without_erased(art.article.text[ts:te], 0, 0)[0]
    return Finding(
        fact_id=fact.id,
        article=art.path,
        line=line,
        column=col,
        status="contradiction" if ev.status == "contradiction" else "consistent",
        reason=ev.reason,
        excerpt=excerpt,
        message=ev.message,
        matched=matched,
        mark=(ms, me),
        detail=ev.detail,
        end_line=end_line,
        end_column=end_col,
        held_to=ev.held_to,
        article_date=art.article.dating.iso,
    )


def _waiver_for(fact: Fact, path: str) -> Waiver | None:
    for w in fact.exceptions:
        if glob_matcher((w.article,))(path):
            return w
    return None


def _inline_waiver(fact: Fact, art: PreparedArticle, ev: Evidence) -> str | None:
    """The reason of an inline waiver (a comment in the article) covering ``ev``."""
    if not art.article.waivers:
        return None
    at, _ = art.to_text(ev.start, ev.end)
    for w in art.article.waivers:
        if w.covers(fact.id, at):
            return f"{w.reason} [inline, line {w.line}]"
    return None


@dataclass(frozen=True)
class ArticleOutcome:
    """What one fact found in one article: the unit the result cache keeps.

    ``unsettled``: the check did not finish (time limit, internal error); such
    an outcome is reported but never remembered.
    """

    findings: tuple[Finding, ...] = ()
    notes: tuple[Note, ...] = ()
    problems: tuple[Problem, ...] = ()
    mentioned: bool = False

    @property
    def unsettled(self) -> bool:
        return bool(self.problems)

    @property
    def empty(self) -> bool:
        return not (self.findings or self.notes or self.problems or self.mentioned)


NOTHING = ArticleOutcome()


DEFAULT_FACT_BUDGET = 60.0  # seconds of pattern time one fact may spend over a run


@dataclass
class _Spend:
    """What one fact's patterns spent this run, and why it was stopped (if it was)."""

    seconds: float = 0.0
    articles: int = 0
    stop: Problem | None = None


_budget = [DEFAULT_FACT_BUDGET]
_spent: dict[tuple[str, int, str], _Spend] = {}


def set_fact_budget(seconds: float) -> None:
    """Set the per-fact pattern time budget (ini ``factcheck_fact_budget``); reset spending.

    Spending is kept per fact for the process (a run): a library caller that
    checks the same facts again calls this first to start afresh.
    """
    _budget[0] = seconds
    _spent.clear()


def fact_budget() -> float:
    return _budget[0]


def _spend_of(fact: Fact) -> _Spend:
    key = (fact.pos.file, fact.pos.line, fact.id)
    got = _spent.get(key)
    if got is None:
        got = _spent[key] = _Spend()
    return got


def _stop(fact: Fact, message: str) -> Problem:
    return Problem(fact.pos.file, fact.pos.line, fact.pos.column,
                   f"fact {fact.id!r}: {message}; the fact is not run on further articles "
                   "in this run")


def _timed_check(loaded: LoadedFact, art: PreparedArticle) -> list[Evidence]:
    """Run the checker; a pattern fact's time counts against its budget.

    Raises :class:`_Stopped` once the fact timed out on an article or spent
    its budget; then it is not run again in this run.
    """
    fact = loaded.fact
    if not kinds.kind_of(fact).user_patterns:
        return list(loaded.checker.check(art))
    spend = _spend_of(fact)
    if spend.stop is not None:
        raise _Stopped(spend.stop)
    t0 = time.perf_counter()
    try:
        evidence = list(loaded.checker.check(art))
    except TimeoutError:
        took = time.perf_counter() - t0
        spend.stop = _stop(fact, f"a pattern ran past the time limit on {art.path} "
                           f"({took:.1f} s; ini factcheck_timeout; catastrophic "
                           "backtracking?)")
        raise _Stopped(spend.stop) from None
    spend.seconds += time.perf_counter() - t0
    spend.articles += 1
    if spend.seconds > _budget[0]:
        spend.stop = _stop(fact, f"its patterns took {spend.seconds:.1f} s over "
                           f"{spend.articles} articles (the last {art.path}), past the "
                           f"budget of {_budget[0]:g} s (ini factcheck_fact_budget)")
    return evidence


class _Stopped(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def check_article(loaded: LoadedFact, art: PreparedArticle) -> ArticleOutcome:
    """One fact against one article (``applies_to`` is the caller's business)."""
    fact = loaded.fact
    try:
        evidence = _timed_check(loaded, art)
    except _Stopped as stopped:
        return ArticleOutcome(problems=(stopped.problem,))
    except TimeoutError:
        return ArticleOutcome(problems=(Problem(
            fact.pos.file, fact.pos.line, fact.pos.column,
            f"fact {fact.id!r}: a pattern ran past the time limit on {art.path} "
            "(catastrophic backtracking?); the article was not checked for this fact"),))
    except Exception as exc:  # a bug in a kind must not stop the other articles
        return ArticleOutcome(problems=(Problem(
            art.path, 0, 0, f"fact {fact.id!r}: internal error while checking this article "
            f"({type(exc).__name__}: {exc}); the article was not checked for this fact"),))
    if not evidence:
        return NOTHING
    unless = _terms_pattern(fact.unless) if fact.unless else None
    findings: list[Finding] = []
    notes: list[Note] = []
    for ev in evidence:
        if unless is not None:
            win = art.window_at(fact.window, ev.start)
            if win is not None and unless.search(art.folded, win.start, win.end):
                continue
        if ev.status == "note":
            s, _ = art.to_source(ev.start, ev.end)
            line, col = art.line_col(s)
            notes.append(Note(art.path, line, col, ev.message))
            continue
        finding = _finding(fact, art, ev)
        if finding.status == "contradiction":
            waiver = _waiver_for(fact, art.path)
            reason = waiver.reason if waiver is not None else _inline_waiver(fact, art, ev)
            if reason is not None:
                finding = Finding(**{**finding.__dict__, "status": "waived", "waiver": reason})
        findings.append(finding)
    return ArticleOutcome(tuple(findings), tuple(notes), (), True)


def applies(fact: Fact) -> ArticleSelector | None:
    """The selector of the articles ``fact`` applies to (None: all)."""
    return glob_matcher(fact.applies_to) if fact.applies_to else None


def assemble(fact: Fact, paths: Sequence[str], outcomes: Iterable[ArticleOutcome]
             ) -> FactResult:
    """The result of ``fact`` from its per-article outcomes (in corpus order).

    ``paths`` are all the articles in scope (whether or not they mention the fact).
    """
    findings: list[Finding] = []
    notes: list[Note] = []
    problems: list[Problem] = []
    for out in outcomes:
        findings.extend(out.findings)
        notes.extend(out.notes)
        problems.extend(p for p in out.problems if p not in problems)  # a stop repeats
    sel = applies(fact)
    checked = len(paths) if sel is None else sum(1 for p in paths if sel(p))
    warnings = [
        Problem(w.pos.file if w.pos else "", w.pos.line if w.pos else 0,
                w.pos.column if w.pos else 0,
                f"fact {fact.id!r}: the exception for {w.article!r} matches no article")
        for w in fact.exceptions
        if not any(glob_matcher((w.article,))(p) for p in paths)
    ]
    return FactResult(fact, tuple(findings), tuple(notes), tuple(problems), tuple(warnings),
                      checked)


def pool_for(loaded: LoadedFact, articles: Sequence[PreparedArticle],
             index: CorpusIndex | None = None) -> list[PreparedArticle]:
    """The articles ``loaded`` must look at: in scope and holding one of its terms."""
    sel = applies(loaded.fact)
    if index is not None and index.covers(articles):
        pool: Iterable[PreparedArticle] = index.candidates(loaded.checker)
    else:
        terms = fact_needs(loaded.checker).terms
        pool = (a for a in articles if not terms or any(t in a.folded_lower for t in terms))
    return [a for a in pool if sel is None or sel(a.path)]


def check_fact(loaded: LoadedFact, articles: Sequence[PreparedArticle],
               index: CorpusIndex | None = None) -> FactResult:
    """Check one fact against every article it applies to.

    ``index`` (a :class:`~pytest_factcheck.index.CorpusIndex` built over the
    same ``articles``) makes the fact look only at the articles that mention
    one of its terms; the result is the same without it.
    """
    outcomes = (check_article(loaded, a) for a in pool_for(loaded, articles, index))
    paths = index.paths if index is not None and index.covers(articles) else [
        a.path for a in articles]
    return assemble(loaded.fact, paths, outcomes)


def check_all(facts: Iterable[LoadedFact], articles: Sequence[PreparedArticle],
              shard_size: int | None = None) -> list[FactResult]:
    """Check every fact against every article: map shards, reduce per fact.

    ``shard_size`` (default: one shard) only changes how the work is cut,
    never the results.
    """
    todo = list(facts)
    jobs = [FactJob(f) for f in todo]
    parts: list[list[Outcomes]] = [[] for _ in jobs]
    for lo, hi in shard_bounds(len(articles), shard_size or max(1, len(articles))):
        for i, got in enumerate(check_shard(jobs, articles[lo:hi], range(lo, hi))):
            parts[i].append(got)
    paths = [a.path for a in articles]
    return [reduce_fact(f.fact, paths, p) for f, p in zip(todo, parts, strict=True)]


# -- map and reduce -----------------------------------------------------------
# The work is per article: a shard of articles is read and prepared once and
# every fact that can speak about one of them looks (map); a fact's result is
# its outcomes from every shard in corpus order (reduce). In one process, in a
# local pool or on a cluster, the same two functions do the work.

Outcomes = list[tuple[int, ArticleOutcome]]  # (corpus position, non-empty outcome)


@dataclass(frozen=True)
class FactJob:
    """One fact to run over a shard.

    ``needs``: what an article must hold (default: the checker's own; the
    result cache passes the remembered Needs, so a fact is compiled only if
    some article of the shard needs it). ``only``: the corpus positions it
    must look at (default: every article in its scope), for a fact whose
    outcomes on the other articles are remembered.
    """

    loaded: LoadedFact
    needs: Needs | None = None
    only: frozenset[int] | None = None

    def wanted(self) -> Needs:
        return self.needs if self.needs is not None else fact_needs(self.loaded.checker)


def shard_bounds(total: int, size: int) -> list[tuple[int, int]]:
    """[lo, hi) of consecutive shards of at most ``size`` articles."""
    size = max(1, size)
    return [(lo, min(total, lo + size)) for lo in range(0, total, size)]


def check_shard(jobs: Sequence[FactJob], articles: Sequence[PreparedArticle],
                positions: Sequence[int]) -> list[Outcomes]:
    """Map: every job over one shard of articles (``positions`` in the corpus).

    One term index is built over the shard; each fact looks only at the
    shard's articles that hold its terms (an article holds a term or not
    whatever else is in the shard, so the cut never changes a result). Returns
    per job its non-empty outcomes, in corpus order.
    """
    if not articles or not jobs:
        return [[] for _ in jobs]
    index = CorpusIndex.for_checkers(articles, [j.wanted() for j in jobs])
    where = {id(a): pos for a, pos in zip(articles, positions, strict=True)}
    out: list[Outcomes] = []
    for job in jobs:
        scope = applies(job.loaded.fact)
        got: Outcomes = []
        for art in index.candidates(job.wanted()):
            pos = where[id(art)]
            if (job.only is not None and pos not in job.only) or (
                    scope is not None and not scope(art.path)):
                continue
            outcome = check_article(job.loaded, art)
            if not outcome.empty:
                got.append((pos, outcome))
        out.append(got)
    return out


def reduce_fact(fact: Fact, paths: Sequence[str], parts: Iterable[Outcomes]) -> FactResult:
    """Reduce: a fact's result from its outcomes of every shard, in corpus order."""
    merged = sorted((pair for part in parts for pair in part), key=lambda pair: pair[0])
    return assemble(fact, paths, (o for _, o in merged))
