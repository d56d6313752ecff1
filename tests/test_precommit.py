"""The pre-commit hook, end to end, with the real ``pre-commit`` in a real git repository.

A newsroom repository uses the hook exactly as its README says: the README's
``.pre-commit-config.yaml`` snippet, verbatim except for the repository URL
(pointed at a local copy of this project), then ``pre-commit install``. The
project's repository is a snapshot of this checkout (tracked and untracked
files, as ``pre-commit try-repo`` would take them) committed into a temporary
git repository with a ``main`` branch, so the test runs the same on a fresh
clone in CI, on a detached HEAD, and on a working tree with uncommitted changes.

pre-commit builds the hook's virtualenv from that snapshot, which needs pip to
reach the package index; if that build fails the test is skipped with the
reason. Every other failure is a failure.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from .data.editors import HOUSE

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _env(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("GIT_", "PRE_COMMIT", "PYTEST_"))}
    gitconfig = tmp / "gitconfig"
    gitconfig.write_text("[init]\n\tdefaultBranch = main\n[commit]\n\tgpgsign = false\n",
                         "utf-8")
    env.update({
        "GIT_CONFIG_GLOBAL": str(gitconfig), "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Desk Editor", "GIT_AUTHOR_EMAIL": "desk@example.org",
        "GIT_COMMITTER_NAME": "Desk Editor", "GIT_COMMITTER_EMAIL": "desk@example.org",
        "PRE_COMMIT_HOME": str(tmp / "pre-commit-home"),
        "PRE_COMMIT_COLOR": "never", "NO_COLOR": "1",
    })
    return env


def _run(args: list[str], cwd: Path, env: dict[str, str], timeout: float = 600
         ) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=timeout, check=False)


def _git(cwd: Path, env: dict[str, str], *args: str) -> str:
    proc = _run(["git", *args], cwd, env)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout.strip()


def _snapshot(dest: Path, env: dict[str, str]) -> str:
    """Commit this checkout's files (tracked and untracked, not ignored) into ``dest``."""
    if not (ROOT / ".git").exists():
        pytest.skip("the project is not a git checkout (installed elsewhere)")
    listing = _git(ROOT, env, "ls-files", "-co", "--exclude-standard", "-z")
    dest.mkdir()
    for name in filter(None, listing.split("\0")):
        src = ROOT / name
        if not src.is_file():
            continue  # deleted in the working tree
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, target)
    _git(dest, env, "init", "-q")
    _git(dest, env, "add", "-A")
    _git(dest, env, "commit", "-q", "-m", "snapshot")
    # Every clone of ours has a ``main`` branch, which the README's ``rev:`` names;
    # the checkout under test may be a detached HEAD, so create it here.
    _git(dest, env, "checkout", "-q", "-B", "main")
    return _git(dest, env, "rev-parse", "HEAD")


def readme_snippet() -> str:
    """The ``.pre-commit-config.yaml`` block of the README's "### pre-commit" section."""
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme.split("### pre-commit", 1)[1].split("\n### ", 1)[0]
    found = re.search(r"```yaml\n(repos:\n.*?)```", section, re.S)
    assert found, "README: no ```yaml repos: block in the pre-commit section"
    return found.group(1)


def with_local_repo(snippet: str, url: str) -> str:
    """The snippet with only its ``repo:`` URL replaced."""
    out, n = re.subn(r"(?m)^(\s*- repo: )\S+", lambda m: m.group(1) + url, snippet)
    assert n == 1, snippet
    return out


def test_the_readme_snippet_names_a_rev_every_clone_has() -> None:
    snippet = readme_snippet()
    rev = re.search(r"(?m)^\s*rev: (\S+)", snippet)
    assert rev and rev.group(1) == "main"
    assert "- id: factcheck" in snippet
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text("utf-8")
    assert "- id: factcheck" in hooks
    changed = with_local_repo(snippet, "/tmp/x")
    assert "- repo: /tmp/x" in changed
    assert changed.replace("/tmp/x", "") == re.sub(r"(?m)(- repo: )\S+", r"\1", snippet)


CLEAN = """\
---
title: Talks in Moscow
---
Rex Tillerson met Sergei Lavrov on Wednesday.
"""

DIRTY = """\
---
title: Talks go on
---
The ministers met again.

Rex Tillerson and **Sergey** Lavrov spoke for two hours.
"""


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, dict[str, str]]]:
    tmp = tmp_path_factory.mktemp("precommit")
    env = _env(tmp)
    _snapshot(tmp / "pytest-factcheck", env)
    repo = tmp / "newsroom"
    (repo / "facts").mkdir(parents=True)
    (repo / "articles").mkdir()
    (repo / "facts" / "house.yaml").write_text(HOUSE.read_text("utf-8"), "utf-8")
    (repo / "articles" / "talks.md").write_text(CLEAN, "utf-8")
    (repo / ".pre-commit-config.yaml").write_text(
        with_local_repo(readme_snippet(), (tmp / "pytest-factcheck").as_posix()), "utf-8")
    _git(repo, env, "init", "-q")
    _git(repo, env, "add", "-A")
    _git(repo, env, "commit", "-q", "-m", "newsroom")
    pre_commit = [sys.executable, "-m", "pre_commit"]
    if _run([*pre_commit, "--version"], repo, env).returncode != 0:
        pytest.skip("pre-commit is not installed (pip install -e '.[test]')")
    installed = _run([*pre_commit, "install"], repo, env)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    built = _run([*pre_commit, "install-hooks"], repo, env, timeout=900)
    if built.returncode != 0:
        pytest.skip("pre-commit could not build the hook's environment (it needs pip to "
                    "reach the package index): " + (built.stdout + built.stderr)[-800:])
    yield repo, env


def test_a_commit_that_introduces_a_contradiction_is_refused(
        newsroom: tuple[Path, dict[str, str]]) -> None:
    repo, env = newsroom
    (repo / "articles" / "follow-up.md").write_text(DIRTY, "utf-8")
    _git(repo, env, "add", "articles/follow-up.md")
    proc = _run(["git", "commit", "-m", "follow-up"], repo, env)
    out = proc.stdout + proc.stderr
    assert proc.returncode != 0, out
    assert "factcheck articles against verified facts" in out
    assert "Failed" in out
    assert "lavrov-spelling" in out
    assert "articles/follow-up.md:6:21: avoided-spelling" in out, out
    # The commit did not happen; the article is still staged.
    assert _git(repo, env, "log", "--format=%s") == "newsroom"
    assert "articles/follow-up.md" in _git(repo, env, "diff", "--cached", "--name-only")
    _git(repo, env, "reset", "-q", "HEAD", "articles/follow-up.md")
    (repo / "articles" / "follow-up.md").unlink()


def test_a_clean_commit_passes(newsroom: tuple[Path, dict[str, str]]) -> None:
    repo, env = newsroom
    (repo / "articles" / "follow-up.md").write_text(DIRTY.replace("Sergey", "Sergei"), "utf-8")
    _git(repo, env, "add", "articles/follow-up.md")
    proc = _run(["git", "commit", "-m", "follow-up, house style"], repo, env)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, out
    assert "factcheck articles against verified facts" in out and "Passed" in out
    assert _git(repo, env, "log", "-1", "--format=%s") == "follow-up, house style"


def test_a_changed_fact_file_is_checked_against_every_article(
        newsroom: tuple[Path, dict[str, str]]) -> None:
    repo, env = newsroom
    facts = repo / "facts" / "house.yaml"
    old = facts.read_text("utf-8")
    # The desk now prefers "Sergey": every article that writes "Sergei" contradicts it.
    facts.write_text(old.replace("preferred: Sergei Lavrov", "preferred: Sergey Lavrov")
                     .replace("avoid: [Sergey Lavrov]", "avoid: [Sergei Lavrov]"), "utf-8")
    _git(repo, env, "add", "facts/house.yaml")
    proc = _run(["git", "commit", "-m", "new style"], repo, env)
    out = proc.stdout + proc.stderr
    assert proc.returncode != 0, out
    assert "articles/talks.md:4:19: avoided-spelling" in out
    _git(repo, env, "reset", "-q", "HEAD", "facts/house.yaml")
    facts.write_text(old, "utf-8")


def test_files_outside_articles_and_facts_are_not_passed(
        newsroom: tuple[Path, dict[str, str]]) -> None:
    repo, env = newsroom
    (repo / "notes.txt").write_text("Sergey Lavrov (internal note)\n", "utf-8")
    _git(repo, env, "add", "notes.txt")
    proc = _run(["git", "commit", "-m", "notes"], repo, env)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, out
    assert "(no files to check)Skipped" in out.replace(".", "")


def test_the_readme_explains_the_mutable_rev_warning(
        newsroom: tuple[Path, dict[str, str]]) -> None:
    repo, env = newsroom
    proc = _run([sys.executable, "-m", "pre_commit", "run", "--all-files"], repo, env)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, out
    if "mutable reference" in out:  # pre-commit warns about a branch as rev
        section = (ROOT / "README.md").read_text("utf-8").split("### pre-commit", 1)[1]
        assert "mutable reference" in section and "pin a commit" in section
