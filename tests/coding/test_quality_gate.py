"""Quality gate: the coder scored on the project's own gold examples must not fall below the floors.

The floors live in gold/baseline.json; raise them when the coder improves.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from detente import evaluate

GOLD = Path(__file__).parent / "gold"
BASELINE = json.loads((GOLD / "baseline.json").read_text("utf-8"))


def _check(kind: str, figures: dict[str, float]) -> None:
    floors = BASELINE[kind]
    low = {k: (round(figures[k], 3), floor) for k, floor in floors.items() if figures[k] + 1e-9 < floor}
    assert not low, f"{kind}: below the baseline floors (figure, floor): {low}"


@pytest.mark.usefixtures("pipeline")
def test_article_gold() -> None:
    score = evaluate.evaluate_articles(GOLD / "article_gold.jsonl", GOLD / "article.txt", "2019-03-12")
    _check("articles", score.figures())


@pytest.mark.usefixtures("pipeline")
def test_class_gold() -> None:
    _check("classes", evaluate.evaluate_classes(GOLD / "classes.tsv").figures())


@pytest.mark.usefixtures("pipeline")
def test_role_gold() -> None:
    _check("roles", evaluate.evaluate_roles(GOLD / "roles.conll").figures())


def test_baseline_names_every_figure() -> None:
    expected = {
        "articles": evaluate.ArticleScore(0, 0, 0, 0, 0).figures(),
        "classes": evaluate.ClassScore(0, 0, {}, []).figures(),
        "roles": evaluate.RoleScore((0, 0, 0), (0, 0, 0)).figures(),
    }
    for kind, figures in expected.items():
        assert set(BASELINE[kind]) == set(figures), kind
