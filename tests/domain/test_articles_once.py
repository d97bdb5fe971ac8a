"""Article citations and the letters' names are defined once, in ``domain/articles.py`` (issue 16.3).

Every string literal in ``lcv_tui`` (docstrings aside; help Markdown is not Python) is compared with
the constants of ``articles``: a literal equal to one of them is a copy that should import it.
"""

from __future__ import annotations

import ast
from pathlib import Path

from lcv_tui.domain import articles, case_terms, models, stage
from lcv_tui.domain.models import EventKind

PACKAGE = Path(__file__).resolve().parents[2] / "lcv_tui"


def defined() -> dict[str, str]:
    """Value → name of every constant in ``articles``."""
    return {
        value: name
        for name, value in vars(articles).items()
        if name.isupper() and isinstance(value, str)
    }


def copies(source: str, values: dict[str, str]) -> list[tuple[int, str]]:
    """(line, value) of every string literal in ``source`` equal to one of ``values``; docstrings
    are prose and do not count."""
    tree = ast.parse(source)
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
        and node.value in values
    ]


def test_every_constant_is_a_distinct_string():
    names = [name for name, value in vars(articles).items() if name.isupper()]
    assert len(names) >= 30
    assert len(defined()) == len(names)  # no two names for one citation


def test_no_article_or_letter_name_is_written_out_twice():
    values = defined()
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "articles.py":
            continue
        for line, value in copies(path.read_text(encoding="utf-8"), values):
            found.append(
                f"{path.relative_to(PACKAGE)}:{line}: {value!r} → articles.{values[value]}"
            )
    assert not found, "\n".join(found)


def test_the_scan_finds_a_copy_and_ignores_docstrings():
    source = (
        '"""LCV 2.2"""\n'
        'ARTICLE = "LCV 2.2"\n'
        "def f():\n"
        '    """LCV 3.13"""\n'
        '    return f"{ARTICLE}", "LCV 3.13 is prose"\n'
    )
    assert copies(source, defined()) == [(2, "LCV 2.2")]


def test_the_steps_stages_and_events_read_the_shared_names():
    assert case_terms.StepKey.AANMANING.label == articles.AANMANING == "Aanmaning met tekst 1"
    assert case_terms.StepKey.SOMMATIE.article == articles.WI_STEP_2_TEXT_2
    assert models.EventKind.AANMANING.label == "Aanmaning (tekst 1) verstuurd"
    assert stage.Stage.AANMANING.label == EventKind.AANMANING.label
    assert EventKind.SOMMATIE.label == f"{articles.SOMMATIE_SHORT} verstuurd"
