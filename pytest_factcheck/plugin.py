"""The pytest plugin: a thin layer of hooks over the checking core.

``pytest --factcheck [PATH ...]`` turns every fact into one item that checks
every article. The plugin object is registered only when ``--factcheck`` is
given, so the feature costs nothing when off; its state lives on that object.
"""

from __future__ import annotations

import pickle
import secrets
import shutil
import tempfile
from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from . import baseline as bl
from . import batch, kinds
from .cache import ArticleStore
from .catalog import BrokenFact, Catalog, LoadedFact
from .cli_paths import CommandPaths, is_fact_file, sort_paths
from .corpus import Corpus, Selection
from .engine import set_fact_budget
from .files import OUTSIDE
from .loader import discover_fact_files, load_catalog
from .markup import article_waiver_problems
from .model import FactResult, Problem
from .outputs import write_one, write_outputs
from .outputs.github import in_github_actions, workflow_commands
from .outputs.safe_text import neutralise, neutralise_lines
from .outputs.summary import Progress, memory_line, summary_table, xdist_note
from .report import build_json_report, render_result, result_to_json, write_json_report
from .resultcache import ResultStore

PLUGIN_NAME = "factcheck-session"
# The run's plugin object, kept on the config's stash (typed; no lookups by name).
PLUGIN_KEY = pytest.StashKey["FactcheckPlugin"]()
PROGRESS_MIN = 100  # articles; fewer are read without a progress line
_MEMORY_COUNTS = ("checked", "remembered", "partly", "prepared")


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("factcheck", "fact-checking of articles (pytest-factcheck)")
    group.addoption(
        "--factcheck", nargs="*", metavar="PATH", dest="factcheck", default=None,
        help="check articles against the facts in fact files. PATHs are article files or "
             "folders (default: ini factcheck_articles); a fact file (.yaml) given here is "
             "checked against all articles.")
    group.addoption(
        "--facts", action="append", metavar="PATH", dest="factcheck_facts", default=None,
        help="fact file or folder (repeatable; default: ini factcheck_facts, 'facts/').")
    group.addoption(
        "--factcheck-report", metavar="PATH", dest="factcheck_report", default=None,
        help="write a JSON report of every fact and finding to PATH.")
    group.addoption(
        "--factcheck-sarif", metavar="PATH", dest="factcheck_sarif", default=None,
        help="write the contradictions as a SARIF 2.1.0 log to PATH (for code scanning).")
    group.addoption(
        "--factcheck-html", metavar="PATH", dest="factcheck_html", default=None,
        help="write a self-contained HTML page (facts x articles, highlighted findings) "
             "to PATH.")
    group.addoption(
        "--factcheck-suggest", action="store_true", dest="factcheck_suggest", default=False,
        help="with --factcheck-html: add a panel of the disagreements between articles "
             "(spellings, counts, quotes, titles), as 'factcheck suggest' lists them.")
    group.addoption(
        "--factcheck-baseline", metavar="PATH", dest="factcheck_baseline", default=None,
        help="contradictions recorded in this baseline file are reported as baselined and "
             "do not fail (default: ini factcheck_baseline).")
    group.addoption(
        "--factcheck-baseline-write", metavar="PATH", dest="factcheck_baseline_write",
        default=None, help="record the current contradictions as a baseline file at PATH.")
    parser.addini("factcheck_baseline", "baseline file (relative to rootdir)", default="")
    parser.addini("factcheck_articles", "article files or folders to check", type="args",
                  default=["articles/"])
    parser.addini("factcheck_facts", "fact files or folders", type="args", default=["facts/"])
    parser.addini("factcheck_timeout", "time limit in seconds for one pattern on one article",
                  default="1.0")
    parser.addini("factcheck_fact_budget", "seconds of pattern time one fact may spend over "
                  "the run before it is stopped (an error)", default="60")
    group.addoption(
        "--factcheck-workers", metavar="N", dest="factcheck_workers", default=None,
        help="processes that read and check the articles (default: ini factcheck_workers, "
             "'auto': every core; 1: in this process).")
    parser.addini("factcheck_workers", "processes that read and check the articles "
                  "('auto': every core; 1: in this process)", default="auto")


def _workers(config: pytest.Config) -> int:
    given = config.getoption("factcheck_workers") or str(config.getini("factcheck_workers"))
    text = str(given).strip().lower()
    if text in ("", "auto"):
        return batch.default_workers()
    try:
        n = int(text)
    except ValueError:
        n = 0
    if n < 1:
        raise pytest.UsageError(f"factcheck: workers must be a whole number of at least 1 "
                                f"or 'auto', not {neutralise(str(given))!r}")
    return n


def _command_paths(config: pytest.Config, positional: list[str]) -> CommandPaths:
    return sort_paths(config.getoption("factcheck") or [], positional,
                      config.invocation_params.dir)


@pytest.hookimpl(tryfirst=True)
def pytest_load_initial_conftests(early_config: pytest.Config, parser: pytest.Parser,
                                  args: list[str]) -> None:
    """Keep a fact-checking run from loading the test suite's conftests.

    With ``pytest --factcheck seeds/`` pytest sees no positional path, falls
    back to ``testpaths`` and would import the suite's ``conftest.py`` (and the
    test dependencies it needs) before any fact is read. A run with no test
    paths anchors conftest discovery at the fact and article folders instead.
    """
    ns = early_config.known_args_namespace
    if getattr(ns, "factcheck", None) is None:
        return
    given = sort_paths(ns.factcheck or [], ns.file_or_dir or [],
                       early_config.invocation_params.dir)
    if given.tests:
        return
    root = early_config.rootpath
    facts = ns.factcheck_facts or [str(root / p) for p in early_config.getini("factcheck_facts")]
    candidates = [*facts, *given.fact_files, *given.articles]
    anchors = [p for p in candidates if (early_config.invocation_params.dir / p).exists()]
    # An anchor that exists and holds no test folders: the package itself.
    ns.file_or_dir = anchors or [str(Path(__file__).parent)]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "factcheck: a fact from a fact file")
    for kind in kinds.names():
        config.addinivalue_line("markers", f"{kind}: a {kind} fact")
    if config.getoption("factcheck") is None:
        return
    if config.getoption("factcheck_suggest") and not config.getoption("factcheck_html"):
        raise pytest.UsageError("factcheck: --factcheck-suggest adds a panel to the HTML "
                                "report: give --factcheck-html PATH too (or run "
                                "'factcheck suggest ARTICLES')")
    positional = list(config.args) if config.args_source == pytest.Config.ArgsSource.ARGS else []
    given = _command_paths(config, positional)
    plugin = FactcheckPlugin(config, given)
    config.pluginmanager.register(plugin, PLUGIN_NAME)
    config.stash[PLUGIN_KEY] = plugin
    # A broken fact file must not stop the other facts.
    config.option.continue_on_collection_errors = True
    targets = [str(p) for p in plugin.collect_targets()]
    config.args = [*given.tests, *targets]
    config.args_source = pytest.Config.ArgsSource.ARGS  # not "testpaths: tests" in the header


XDIST_KEY = "factcheck_checked"  # workerinput: the file of the controller's results


@dataclass(frozen=True)
class Checked:
    """What the run found over one selection of articles, ready for the items.

    Picklable: under pytest-xdist the controller checks every fact once and
    the workers only report (so ``-n 2`` never reads the corpus twice).
    ``problems``: the articles of the selection that could not be read;
    ``scope``: the readable ones (a baseline's fixed entries are looked up there).
    """

    results: dict[str, FactResult]
    problems: tuple[Problem, ...]
    scope: frozenset[str]


def _load_baseline(config: pytest.Config, rootdir: Path) -> bl.Baseline | None:
    """The baseline of the run (option, else ini), or None; a bad file is a usage error."""
    given = config.getoption("factcheck_baseline")
    ini = str(config.getini("factcheck_baseline") or "")
    if not given and not ini:
        return None
    path = Path(given) if given else rootdir / ini
    target = config.getoption("factcheck_baseline_write")
    if target and not path.exists() and Path(target).absolute() == path.absolute():
        return bl.Baseline(given or ini)  # this run writes it for the first time
    try:
        return bl.load_baseline(path, given or ini)
    except bl.BaselineError as exc:
        raise pytest.UsageError(f"factcheck: {exc}") from None


def _is_fact_node(nodeid: str) -> bool:
    """True for the node id of a fact item (``facts/x.yaml::fact-id``)."""
    head, sep, _ = nodeid.partition("::")
    return bool(sep) and is_fact_file(head)


def problem_key(p: Problem) -> str:
    """Article problems are kept once each: by file, and place for located ones."""
    return f"{p.file}:{p.line}:{p.column}" if p.line else p.file


class FactContradiction(Exception):
    """Raised by a fact item whose fact an article contradicts."""

    def __init__(self, result: FactResult) -> None:
        super().__init__(result.fact.id)
        self.result = result


class FactcheckPlugin:
    """State of one ``--factcheck`` run."""

    def __init__(self, config: pytest.Config, given: CommandPaths | None = None) -> None:
        # Resumes workflow commands under GitHub Actions: unguessable by article text.
        self.command_token = secrets.token_hex(16)
        self.config = config
        self.rootdir = Path(str(config.rootpath))
        if given is None:
            given = _command_paths(config, [])
        self.changed_fact_files = [Path(p) for p in given.fact_files]
        self.explicit_articles = list(given.articles)
        ini_articles = [str(self.rootdir / p) for p in config.getini("factcheck_articles")]
        self.all_article_paths = self.explicit_articles or [
            p for p in ini_articles if Path(p).exists()] or ini_articles
        facts_opt = config.getoption("factcheck_facts")
        self.fact_paths = [Path(p) for p in facts_opt] if facts_opt else [
            self.rootdir / p for p in config.getini("factcheck_facts")]
        try:
            self.timeout = float(config.getini("factcheck_timeout"))
        except ValueError:
            raise pytest.UsageError("ini option factcheck_timeout must be a number of "
                                    "seconds") from None
        try:
            set_fact_budget(float(config.getini("factcheck_fact_budget")))
        except ValueError:
            raise pytest.UsageError("ini option factcheck_fact_budget must be a number of "
                                    "seconds") from None
        self.baseline = _load_baseline(config, self.rootdir)
        store = ArticleStore.for_config(config)
        # Remembered results (needs the prepared-article store too: an article
        # a fact must look at again is prepared from it).
        self.memory = ResultStore.for_config(config) if store is not None else None
        self.corpus = Corpus(self.rootdir, store=store,
                             known=self.memory.known if self.memory is not None else None)
        self.workers = _workers(config)
        self.checked: dict[tuple[str, ...], Checked] = {}
        self._registered: set[int] = set()  # selections whose problems are known
        self._shared_file: Path | None = None  # xdist controller: the results it shares
        self._catalog: Catalog | None = None
        self.results: dict[str, dict[str, Any]] = {}
        self.article_problems: dict[str, Problem] = {}
        self._tags: set[str] = set()
        self._fact_files: list[Path] | None = None
        self._selections: dict[tuple[str, ...], Selection] = {}
        # What remembered results did, summed over the items' reports (so that
        # the workers' counts reach the controller under pytest-xdist).
        self.memory_totals: dict[str, int] = dict.fromkeys(_MEMORY_COUNTS, 0)
        self.changed_articles: set[str] = set()
        self._memory_sent: dict[str, int] = dict.fromkeys(_MEMORY_COUNTS, 0)

    def memory_delta(self) -> dict[str, Any] | None:
        """What remembered results did since the last item's report."""
        if self.memory is None:
            return None
        now = {**{k: self.memory.stats[k] for k in _MEMORY_COUNTS if k != "prepared"},
               "prepared": self.corpus.prepared_count}
        delta: dict[str, Any] = {k: now[k] - self._memory_sent[k] for k in _MEMORY_COUNTS}
        self._memory_sent = now
        delta["changed"] = sorted(self.memory.changed - self.changed_articles)
        return delta

    # -- facts --------------------------------------------------------------
    def display(self, path: Path) -> str:
        try:
            return path.absolute().relative_to(self.rootdir).as_posix()
        except ValueError:
            return str(path)

    def all_fact_files(self) -> list[Path]:
        if self._fact_files is None:
            files = discover_fact_files(
                [*self.fact_paths, *self.changed_fact_files], self._fact_outside)
            self._fact_files = sorted({f.absolute() for f in files})
        return self._fact_files

    def _fact_outside(self, path: Path) -> None:
        p = Problem(self.display(path), 0, 0, OUTSIDE)
        self.article_problems[problem_key(p)] = p

    def collect_targets(self) -> list[Path]:
        if self.changed_fact_files and not self.explicit_articles:
            return sorted({p.absolute() for p in self.changed_fact_files})
        return self.all_fact_files()

    @property
    def catalog(self) -> Catalog:
        if self._catalog is None:
            files = self.all_fact_files()
            display = {f: self.display(f) for f in files}
            if self.memory is not None:
                self._catalog = self.memory.catalog(files, display, self.timeout)
            else:
                self._catalog = load_catalog(files, display=display,
                                             regex_timeout=self.timeout)
        return self._catalog

    def is_changed(self, path: Path) -> bool:
        return any(path.absolute() == c.absolute() for c in self.changed_fact_files)

    def selection_paths(self, fact_file: Path) -> tuple[str, ...]:
        """A changed fact file checks all articles; otherwise the articles given."""
        if self.changed_fact_files and self.is_changed(fact_file):
            ini = [str(self.rootdir / p) for p in self.config.getini("factcheck_articles")]
            return tuple(dict.fromkeys([*ini, *self.explicit_articles]))
        return tuple(self.all_article_paths)

    def articles_for(self, fact_file: Path) -> Selection:
        """The articles a fact file is checked against (read once per run)."""
        sel = self.corpus.load(self.selection_paths(fact_file))
        self._register(sel)
        return sel

    def _register(self, sel: Selection) -> None:
        """Once per selection: its inline waivers' problems, its unreadable
        articles, and its articles in the result store's manifest."""
        if id(sel) in self._registered:
            return
        self._registered.add(id(sel))
        known = {lf.fact.id for lf in self.catalog.facts}
        for ref in sel.refs:  # inline waivers
            sel.problems.extend(article_waiver_problems(ref.path, ref.waivers, known))
        if self.memory is not None:
            self.memory.remember_articles(sel.refs)
        for p in sel.problems:
            self.article_problems[problem_key(p)] = p

    # -- checking: every fact of a selection at once, by article -------------
    def check_facts(self, key: tuple[str, ...], facts: Sequence[LoadedFact],
                    progress: Callable[[int, int], None] | None = None,
                    workers: int | None = None) -> Checked:
        """Check ``facts`` over the articles below ``key`` (map shards, reduce per fact)."""
        done = batch.run(facts, self.corpus, list(key), memory=self.memory,
                         workers=self.workers if workers is None else workers,
                         progress=progress)
        sel = done.selection
        self._register(sel)
        bad = {p.file for p in sel.problems}
        got = Checked(done.results, tuple(sel.problems),
                      frozenset(r.path for r in sel.refs if r.path not in bad))
        have = self.checked.get(key)
        if have is not None:
            have.results.update(got.results)
            return have
        self.checked[key] = got
        return got

    def check_items(self, items: Sequence[pytest.Item],
                    progress: Callable[[int, int], None] | None = None) -> None:
        """Check the facts of ``items`` before the first runs, a run per selection."""
        groups: dict[tuple[str, ...], list[LoadedFact]] = {}
        for it in items:
            if isinstance(it, FactItem):
                groups.setdefault(self.selection_paths(it.path), []).append(it.loaded)
        for key, facts in groups.items():
            self.check_facts(key, facts, progress)

    def checked_for(self, item: FactItem) -> tuple[FactResult, Checked]:
        """The result of ``item``'s fact (checked before, or now in this process)."""
        key = self.selection_paths(item.path)
        have = self._shared().get(key) or self.checked.get(key)
        if have is None or item.loaded.fact.id not in have.results:
            have = self.check_facts(key, [item.loaded], workers=1)
        return have.results.pop(item.loaded.fact.id), have

    def _shared(self) -> dict[tuple[str, ...], Checked]:
        """Under pytest-xdist, a worker's share of the controller's results."""
        info: dict[str, Any] = getattr(self.config, "workerinput", None) or {}
        where = info.get(XDIST_KEY)
        if not where:
            return {}
        if not self.checked:
            try:
                with open(where, "rb") as fh:
                    self.checked = pickle.load(fh)
            except (OSError, pickle.PickleError, EOFError):
                pass  # each item checks its own fact, as without a controller
            info[XDIST_KEY] = None
        return self.checked

    @staticmethod
    def present(paths: Sequence[str]) -> list[str]:
        """The paths that exist (a missing one is an error, not an article)."""
        return [p for p in paths if Path(p).exists() or Path(p).is_symlink()]

    def register_tag(self, tag: str) -> None:
        """Register a fact's tag as a marker (so --strict-markers accepts it)."""
        if tag not in self._tags:
            self._tags.add(tag)
            self.config.addinivalue_line("markers", f"{tag}: facts tagged {tag!r}")

    # -- hooks --------------------------------------------------------------
    def pytest_collect_file(self, file_path: Path, parent: pytest.Collector
                            ) -> pytest.Collector | None:
        if not is_fact_file(file_path.name):
            return None
        if file_path.absolute() not in self.all_fact_files():
            return None
        return FactFile.from_parent(parent, path=file_path)

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call: pytest.CallInfo[None]
                                  ) -> Generator[None, pytest.TestReport, pytest.TestReport]:
        report = yield
        if isinstance(item, FactItem) and call.when == "call" and item.result is not None:
            # Carried to the controller under xdist (serialised report attributes).
            setattr(report, "factcheck", item.result_json(report))  # noqa: B010
            setattr(report, "factcheck_problems",  # noqa: B010
                    [p.to_json() for p in (*item.skipped_articles, *item.result.problems)])
            setattr(report, "factcheck_memory", self.memory_delta())  # noqa: B010
            # The report now carries the result (and the failure text is made):
            # a newsroom's run holds hundreds of thousands of findings, keep one copy.
            item.result = None
        return report

    @pytest.hookimpl(trylast=True)
    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        data = getattr(report, "factcheck", None)
        if data:
            self.results[data["id"]] = data
        memory = getattr(report, "factcheck_memory", None)
        if memory:
            for k in _MEMORY_COUNTS:
                self.memory_totals[k] += int(memory.get(k, 0))
            self.changed_articles.update(memory.get("changed", ()))
        for p in getattr(report, "factcheck_problems", ()) or ():
            prob = Problem(**p)
            self.article_problems[problem_key(prob)] = prob
        if report.when != "call" and report.passed and _is_fact_node(report.nodeid):
            self._forget_passed_phase(report)

    def _forget_passed_phase(self, report: pytest.TestReport) -> None:
        """Drop a fact item's passed setup/teardown report from the terminal's stats.

        pytest's failure summary looks up each failure's teardown report by
        scanning every passed setup/teardown report, which is quadratic: with
        thousands of facts and failures that scan alone took longer than the
        checks. Fact items never print during setup or teardown, so there is
        nothing in those reports to show.
        """
        tr = self.config.pluginmanager.get_plugin("terminalreporter")
        phases = getattr(tr, "stats", {}).get("") if tr is not None else None
        if phases and phases[-1] is report:
            phases.pop()

    @pytest.hookimpl(tryfirst=True)
    def pytest_sessionstart(self, session: pytest.Session) -> None:
        """Under GitHub Actions, stop workflow commands before anything untrusted
        is printed; only our own annotations are let through (see the summary)."""
        if in_github_actions() and not hasattr(self.config, "workerinput"):
            tr = self.config.pluginmanager.get_plugin("terminalreporter")
            if tr is not None:
                tr.write_line(f"::stop-commands::{self.command_token}")
        if (self.config.pluginmanager.has_plugin("dsession")
                and not hasattr(self.config, "workerinput")
                and not self.config.option.collectonly):
            self._share_with_workers()

    def pytest_report_collectionfinish(self, config: pytest.Config, start_path: Path,
                                       items: list[pytest.Item]) -> str | None:
        n = sum(1 for i in items if isinstance(i, FactItem))
        if not n:
            if self.all_fact_files():
                return None  # deselected, or every fact file is broken: pytest says so
            where = ", ".join(self.display(p) for p in self.fact_paths)
            return (f"factcheck: no fact files (*.yaml, *.yml) found in {where}; "
                    "use --facts PATH or the ini option factcheck_facts")
        paths = ", ".join(self.explicit_articles) or ", ".join(
            self.config.getini("factcheck_articles"))
        return f"factcheck: {n} facts against {paths}"

    def pytest_sessionfinish(self, session: pytest.Session, exitstatus: int) -> None:
        if hasattr(self.config, "workerinput"):
            return
        if self._shared_file is not None:
            shutil.rmtree(self._shared_file.parent, ignore_errors=True)
            self._shared_file = None
        if self.article_problems and session.exitstatus == 0:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED
        if self.catalog.broken and session.exitstatus == 0:  # never 0 when a fact is unchecked
            session.exitstatus = pytest.ExitCode.TESTS_FAILED
        path = self.config.getoption("factcheck_report")
        errors = [*self.catalog.problems, *self.article_problems.values(), *self.warning_list()]
        articles = [d for _, d in self.corpus.files(self.present(self.all_article_paths))]
        report = build_json_report(articles, self.results.values(), errors,
                                   not_checked=self.catalog.not_checked)
        self.baseline_lines = self._baseline_outcome(report)
        self.json_report = report  # for the terminal summary
        written = []
        if path:
            written.append(write_one("JSON report", path,
                                     lambda: write_json_report(path, report)))
        ini = [str(self.rootdir / p) for p in self.config.getini("factcheck_articles")]
        written += write_outputs(
            report, sarif=self.config.getoption("factcheck_sarif"),
            html=self.config.getoption("factcheck_html"), catalog=self.catalog,
            corpus=self.corpus, article_paths=[self.all_article_paths, ini],
            suggestions=self._suggestions if self.config.getoption("factcheck_suggest")
            else None)
        # Each writer fails alone: a located line each, and a failing exit code.
        self.output_lines = [line for line, _ in written]
        if not all(ok for _, ok in written) and session.exitstatus == 0:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED

    def _suggestions(self) -> dict[str, Any]:
        """Discovery over the run's articles, the run's facts marking what they settle."""
        from .suggest import discover_in
        from .suggest.report import report_json
        from .suggest.written import Written

        articles = self.corpus.load(self.present(self.all_article_paths)).articles
        return report_json(discover_in(articles, Written.of(self.catalog)))

    def _baseline_outcome(self, report: dict[str, Any]) -> list[str]:
        """Add the baseline section to ``report``, write a baseline; summary lines."""
        lines: list[str] = []
        if self.baseline is not None:
            done = [f.get("baseline") or {} for f in report["facts"]]
            fixed = sorted(bl.Entry(**e) for d in done for e in d.get("fixed", ()))
            baselined = sum(d.get("baselined", 0) for d in done)
            report["baseline"] = {"file": self.baseline.path, "baselined": baselined,
                                  "new": report["summary"]["contradictions"],
                                  "fixed": [e.to_json() for e in fixed]}
            lines += bl.summary_lines(baselined, report["summary"]["contradictions"], fixed)
        target = self.config.getoption("factcheck_baseline_write")
        if target:
            try:
                n = bl.write_baseline(Path(target), bl.entries_from_report(report["facts"]))
                lines.append(f"factcheck: baseline of {n} contradictions written to {target}")
            except OSError as exc:
                lines.append(f"factcheck: error: cannot write the baseline to {target}: {exc}")
        return lines

    def warning_list(self) -> list[Problem]:
        out = []
        for data in self.results.values():
            for w in data.get("warnings", ()):
                out.append(Problem(**w))
        return out

    def pytest_terminal_summary(self, terminalreporter: Any, exitstatus: int,
                                config: pytest.Config) -> None:
        lines = [f"{'error' if p.line else 'skipped article'} {p}" for p in sorted(
            self.article_problems.values(), key=lambda p: (p.file, p.line, p.column))]
        lines += [f"warning: {w}" for w in self.warning_list()]
        lines = neutralise_lines(lines)
        if lines:
            terminalreporter.write_sep("-", "factcheck")
            for line in lines:
                terminalreporter.write_line(line)
        if n := self.catalog.not_checked:
            terminalreporter.write_line(f"factcheck: {n} fact{'s' if n != 1 else ''} not "
                                        "checked (broken), see errors above")
        for line in [*getattr(self, "output_lines", ()), *getattr(self, "baseline_lines", ())]:
            terminalreporter.write_line(neutralise(line))
        self._write_memory_line(terminalreporter, config)
        note = self.xdist_note()
        if note:
            terminalreporter.write_line(note)
        report = getattr(self, "json_report", None)
        if report is None:
            return
        if in_github_actions():
            # Resume commands for our own annotations only, then stop them again
            # (pytest's short summary of failures comes after this).
            terminalreporter.write_line(f"::{self.command_token}::")
            for command in workflow_commands(report):
                terminalreporter.write_line(command)
            terminalreporter.write_line(f"::stop-commands::{self.command_token}")
        table = summary_table(report) if config.get_verbosity() >= 0 else []
        if table:
            terminalreporter.write_sep("-", "factcheck summary")
            for line in neutralise_lines(table):
                terminalreporter.write_line(line)

    def _write_memory_line(self, terminalreporter: Any, config: pytest.Config) -> None:
        """One line on what was remembered: always with -v, else when anything was."""
        if self.memory is None or hasattr(config, "workerinput"):
            return
        t = self.memory_totals
        if not (config.get_verbosity() > 0 or t["remembered"] or t["partly"]):
            return
        # Articles read after the last item (by the report writers) count too.
        prepared = t["prepared"] + self.corpus.prepared_count - self._memory_sent["prepared"]
        terminalreporter.write_line(memory_line(
            checked=t["checked"], remembered=t["remembered"], partly=t["partly"],
            changed=len(self.changed_articles), prepared=prepared))

    def xdist_note(self) -> str:
        """Under ``-n N``, one line on who did the checking."""
        if hasattr(self.config, "workerinput") or not self.config.pluginmanager.has_plugin(
                "dsession"):
            return ""
        workers = getattr(self.config.option, "numprocesses", None)
        if not isinstance(workers, int):
            return ""
        return xdist_note(workers, len(self.corpus.files(self.present(self.all_article_paths))),
                          self.workers)

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtestloop(self, session: pytest.Session) -> None:
        """Check every selected fact before the first item runs: by article, in
        shards, on every worker process; the items then report (progress on
        long runs)."""
        if (session.config.option.collectonly or hasattr(self.config, "workerinput")
                or self.config.pluginmanager.has_plugin("dsession")
                or not any(isinstance(i, FactItem) for i in session.items)):
            return
        self.check_items(session.items, self._progress())

    def _progress(self) -> Callable[[int, int], None] | None:
        """A progress line over the articles looked at (on runs of 100 or more)."""
        tr = self.config.pluginmanager.get_plugin("terminalreporter")
        if tr is None:
            return None
        shown: list[Progress] = []

        def step(done: int, total: int) -> None:
            if total < PROGRESS_MIN:
                return
            if not shown:
                shown.append(Progress(total, label="factcheck: checking articles",
                                      rewrite=tr.rewrite, write_line=tr.write_line,
                                      tty=tr.isatty))
            shown[0].step(done)
            if done == total:
                workers = "" if self.workers == 1 else f" ({self.workers} workers)"
                shown[0].done(f"factcheck: read and checked {total} articles{workers}")
        return step

    # -- pytest-xdist: the controller checks, the workers report -------------
    def _share_with_workers(self) -> None:
        """Check every fact once on the controller and leave the results in a
        file for the workers (:data:`XDIST_KEY`)."""
        items: list[LoadedFact] = []
        groups: dict[tuple[str, ...], list[LoadedFact]] = {}
        for f in self.all_fact_files():
            ff = self.catalog.files.get(self.display(f))
            if ff is None or ff.problems:
                continue
            items.extend(ff.facts)
            groups.setdefault(self.selection_paths(f), []).extend(ff.facts)
        for key, facts in groups.items():
            self.check_facts(key, facts, self._progress())
        folder = Path(tempfile.mkdtemp(prefix="factcheck-"))
        self._shared_file = folder / "checked.pickle"
        with open(self._shared_file, "wb") as fh:
            pickle.dump(self.checked, fh, protocol=pickle.HIGHEST_PROTOCOL)
        self.checked = {}  # the workers report them; the controller keeps none
        delta = self.memory_delta()
        if delta:
            for k in _MEMORY_COUNTS:
                self.memory_totals[k] += int(delta.get(k, 0))
            self.changed_articles.update(delta.get("changed", ()))

    @pytest.hookimpl(optionalhook=True)
    def pytest_configure_node(self, node: Any) -> None:
        """pytest-xdist: tell a worker where the controller's results are."""
        if self._shared_file is not None:
            node.workerinput[XDIST_KEY] = str(self._shared_file)


class FactFile(pytest.File):
    """A fact file: yields one item per fact, or a located collection error.

    A file-level problem (YAML syntax, the shape of the document) is a
    collection error of the file. A broken fact (or entity definition) is an
    item of its own that fails with the located problems, so that the file's
    other facts still run and ``-k`` on the broken fact's id still finds it.
    """

    def collect(self) -> Iterator[pytest.Item]:
        plugin = self.config.stash[PLUGIN_KEY]
        name = plugin.display(self.path)
        ff = plugin.catalog.files.get(name)
        if ff is None:
            return
        if ff.problems:
            raise self.CollectError("\n".join(str(p) for p in ff.problems))
        items: list[tuple[int, pytest.Item]] = []
        for loaded in ff.facts:
            item = FactItem.from_parent(self, name=loaded.fact.id, loaded=loaded)
            item.add_marker("factcheck")
            item.add_marker(loaded.fact.kind)
            for tag in loaded.fact.tags:
                plugin.register_tag(tag)
                item.add_marker(tag)
            items.append((loaded.fact.pos.line, item))
        for broken in ff.broken:
            bad = BrokenFactItem.from_parent(self, name=broken.id, broken=broken)
            bad.add_marker("factcheck")
            items.append((broken.pos.line, bad))
        for _, it in sorted(items, key=lambda x: x[0]):
            yield it


class BrokenFactError(Exception):
    """Raised by a :class:`BrokenFactItem`: the fact could not be checked."""


class BrokenFactItem(pytest.Item):
    """A fact (or entity definition) that could not be loaded: it fails with
    its located problems and is not checked."""

    def __init__(self, *, broken: BrokenFact, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.broken = broken

    def runtest(self) -> None:
        raise BrokenFactError(self.broken.message)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException],
                     style: Any = None) -> str:
        if isinstance(excinfo.value, BrokenFactError):  # the short summary shows line 1
            return neutralise(self.broken.message)
        return super().repr_failure(excinfo)  # type: ignore[return-value]

    def reportinfo(self) -> tuple[Path, int, str]:
        b = self.broken
        return self.path, b.pos.line - 1, f"broken {b.kind or 'fact'} {b.id}"


class FactItem(pytest.Item):
    """One fact, checked against every article in scope."""

    def __init__(self, *, loaded: LoadedFact, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.loaded = loaded
        self.result: FactResult | None = None
        self.skipped_articles: list[Problem] = []

    @property
    def plugin(self) -> FactcheckPlugin:
        return self.config.stash[PLUGIN_KEY]

    def runtest(self) -> None:
        result, checked = self.plugin.checked_for(self)
        self.skipped_articles = list(checked.problems)
        if self.plugin.baseline is not None:
            result = self._apply_baseline(result, checked)
        self.result = result
        if result.contradictions or result.problems:
            raise FactContradiction(result)
        if result.waived:
            reasons = sorted({f.waiver for f in result.waived})
            pytest.xfail("waived: " + "; ".join(reasons))

    def _apply_baseline(self, result: FactResult, checked: Checked) -> FactResult:
        """Baseline the recorded contradictions (after the remembered results)."""
        assert self.plugin.baseline is not None
        scope = checked.scope
        root = self.plugin.rootdir
        applied = bl.apply_baseline(result, self.plugin.baseline,
                                    lambda a: a in scope or not (root / a).exists())
        self.baseline_json = applied.to_json() if applied.baselined or applied.fixed else None
        if applied.baselined and not applied.result.contradictions:
            self.add_report_section("call", "factcheck baseline", (
                f"passed: its {applied.baselined} contradictions are all recorded in the "
                f"baseline {self.plugin.baseline.path}"))
        return applied.result

    def result_json(self, report: pytest.TestReport) -> dict[str, Any]:
        assert self.result is not None
        outcome = {"passed": "passed", "skipped": "xfailed"}.get(report.outcome, "failed")
        if self.result.problems and not self.result.contradictions:
            outcome = "error"
        data = result_to_json(self.result, fact_file=self.plugin.display(self.path),
                              outcome=outcome)
        data["warnings"] = [w.to_json() for w in self.result.warnings]
        if getattr(self, "baseline_json", None) is not None:
            data["baseline"] = self.baseline_json
        return data

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException],
                     style: Any = None) -> str:
        if isinstance(excinfo.value, FactContradiction):
            return neutralise(render_result(excinfo.value.result,
                                            fact_file=self.plugin.display(self.path)))
        return super().repr_failure(excinfo)  # type: ignore[return-value]

    def reportinfo(self) -> tuple[Path, int, str]:
        fact = self.loaded.fact
        return self.path, fact.pos.line - 1, f"{fact.kind} fact {fact.id}"
