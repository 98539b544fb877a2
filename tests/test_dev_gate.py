"""The dev gate: every dev figure against its floor in dev_baseline.json, and the floors' history.

The dev sets are read from ../shared/dev (skipped without it), the dev news texts from
.cache/devnews/articles.jsonl where they were gathered (their figures skipped without it).
The figures must be the ones ../shared/tools/news.py prints for the same corpus and code.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import DEVNEWS, ROOT, SHARED

from detente import evaluate
from detente.pipeline import Pipeline

BASELINE = ROOT / "tests" / "dev_baseline.json"


@pytest.fixture(scope="module")
def dev_scores(pipeline: Pipeline) -> evaluate.DevScores:
    """The dev figures, computed once for this module's slow tests."""
    if not all((SHARED / "dev" / name).is_file() for name in evaluate.DEV_FILES):
        pytest.skip(f"no dev sets at {SHARED / 'dev'}")
    return evaluate.evaluate_dev(SHARED / "dev", DEVNEWS if DEVNEWS.is_file() else None, pipeline)


@pytest.mark.slow
def test_dev_figures_hold_their_floors(dev_scores: evaluate.DevScores) -> None:
    rows = evaluate.gate(dev_scores, evaluate.Baseline.read(BASELINE))
    assert all(row.floor is not None for row in rows), [f"{r.kind}.{r.name}" for r in rows if r.floor is None]
    below = {f"{r.kind}.{r.name}": (round(r.value, 3), r.floor) for r in rows if not r.passed}
    assert not below, f"below the floors of {BASELINE.name} (figure, floor): {below}"
    if dev_scores.texts is not None:
        assert not dev_scores.texts.differing, dev_scores.texts.line()


def _news_py(what: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.run(
        [sys.executable, str(SHARED / "tools" / "news.py"), what, "--corpus", str(DEVNEWS),
         "--gold", str(SHARED / "dev" / "news"), "--cmd", f"{sys.executable} -m detente code"],
        capture_output=True, text=True, env=env, timeout=600, check=True)
    return proc.stdout


@pytest.mark.slow
def test_dev_news_figures_are_those_of_news_py(dev_scores: evaluate.DevScores) -> None:
    if not (SHARED / "tools" / "news.py").is_file() or dev_scores.news_keys is None:
        pytest.skip("needs ../shared/tools/news.py and the gathered dev news texts")
    assert dev_scores.news_exhaustive is not None
    figure = r" ([\d.]+) \((\d+)/(\d+)\)"  # news.py prints a figure as 0.65 (37/57)
    keys = _news_py("keys")
    dates = "^date accuracy of found, articles"
    printed = {
        "core_recall": re.search("^keys: core recall" + figure, keys, re.M),
        "date_accuracy": re.search("^date accuracy of found, all articles:" + figure, keys, re.M),
        "date_accuracy_undated": re.search(f"{dates} without a publication date:{figure}", keys, re.M),
        "date_accuracy_dated": re.search(f"{dates} with a publication date:{figure}", keys, re.M),
    }
    every = _news_py("exhaustive")
    printed_every = {
        "precision": re.search("^exhaustive: precision" + figure, every, re.M),
        "recall": re.search("  recall" + figure, every, re.M),
    }
    for score, found in ((dev_scores.news_keys, printed), (dev_scores.news_exhaustive, printed_every)):
        for name, (hits, total) in score.counts().items():
            match = found[name]
            assert match, (name, keys, every)
            assert (hits, total) == (int(match[2]), int(match[3])), name
            assert f"{score.figures()[name]:.2f}" == match[1], name


# ---------------------------------------------------------------- the baseline file (fast)


def _all_sets() -> evaluate.DevScores:
    """Scores of every set, all zero: what names the figures."""
    return evaluate.DevScores(
        evaluate.ArticleScore(0, 0, 0, 0, 0), evaluate.ClassScore(0, 0, {}, []),
        evaluate.RoleScore((0, 0, 0), (0, 0, 0)), evaluate.KeyEventScore((0, 0), (0, 0), (0, 0), (0, 0)),
        evaluate.ExhaustiveScore(0, 0, 0))


def test_baseline_has_a_floor_for_every_figure_and_never_lowers_one_silently() -> None:
    baseline = evaluate.Baseline.read(BASELINE)
    assert baseline.errors() == []
    expected = {kind: set(figures) for kind, figures in _all_sets().figures().items()}
    assert {kind: set(figures) for kind, figures in baseline.floors.items()} == expected


def _baseline(*steps: tuple[float, str | None]) -> evaluate.Baseline:
    history = [evaluate.FloorStep(floor, f"2026-12-0{n + 1}", reason)
               for n, (floor, reason) in enumerate(steps)]
    return evaluate.Baseline([], {"seed": {"core_recall": evaluate.FigureFloor(history[-1], history[:-1])}})


def test_a_floor_below_an_earlier_one_needs_a_reason() -> None:
    assert _baseline((0.5, None), (0.6, None), (0.6, None)).errors() == []
    (error,) = _baseline((0.5, None), (0.7, None), (0.6, None)).errors()
    assert error == ("seed.core_recall: floor 0.6 (since 2026-12-03) is below the earlier 0.7 "
                     "(since 2026-12-02) and gives no reason")
    assert len(_baseline((0.7, None), (0.6, None), (0.65, None)).errors()) == 2  # both below 0.7
    # lowered with a reason: the lowered floor is the bar from then on
    assert _baseline((0.7, None), (0.6, "a harder gold (D9 added)"), (0.65, None)).errors() == []
    assert _baseline((1.2, None)).errors() == ["seed.core_recall: floor 1.2 is not between 0 and 1"]


def test_floors_rise_with_the_figures_and_keep_their_history(tmp_path: Path) -> None:
    baseline = _baseline((0.5, None))
    changed = baseline.raise_to({"seed": {"core_recall": 0.80959, "precision": 0.94},
                                 "penta": {"accuracy": 0.3}}, "2026-12-09")
    assert changed == ["seed.core_recall", "seed.precision", "penta.accuracy"]
    entry = baseline.floors["seed"]["core_recall"]
    assert entry.now == evaluate.FloorStep(0.809, "2026-12-09")
    assert entry.history == [evaluate.FloorStep(0.5, "2026-12-01")]
    assert baseline.floor("seed", "precision") == 0.94 and baseline.floor("roles", "source_f1") is None
    assert baseline.raise_to({"seed": {"core_recall": 0.7, "precision": 0.9409}}, "2026-12-10") == []
    assert baseline.floor("seed", "core_recall") == 0.809  # a figure that falls never lowers its floor
    path = tmp_path / "baseline.json"
    baseline.write(path)
    assert evaluate.Baseline.read(path) == baseline


def test_gate_rows_compare_each_figure_with_its_floor() -> None:
    scores = evaluate.DevScores(
        evaluate.ArticleScore(1.0, 0.5, 0.25, 1.0, 4), evaluate.ClassScore(0.7, 0.6, {}, []),
        evaluate.RoleScore((0, 0, 0.5), (0, 0, 0.4)), news_exhaustive=evaluate.ExhaustiveScore(1, 4, 2))
    baseline = _baseline((0.9, None))
    baseline.raise_to({"roles": {"source_f1": 0.6}}, "2026-12-09")
    rows = {f"{r.kind}.{r.name}": r for r in evaluate.gate(scores, baseline)}
    assert rows["seed.core_recall"].passed and rows["seed.core_recall"].floor == 0.9
    assert not rows["roles.source_f1"].passed
    assert rows["penta.accuracy"].floor is None and rows["penta.accuracy"].passed
    assert rows["news_exhaustive.precision"].count == (1, 4) and "news_keys.core_recall" not in rows
