"""Reading the pack's tables back from the PDF as a reader sees them: each text run with its
position (pypdf), runs on the same baseline grouped into a line, left to right; numbers
parsed as printed ("12,345", "+680", "-3,510", "—")."""

from __future__ import annotations

import io
import re
from collections import defaultdict
from typing import Any

from pypdf import PdfReader

NUMBER = re.compile(r"^[+\-−]?\d{1,3}(,\d{3})*$")


def lines(pdf: bytes) -> list[list[list[str]]]:
    """Per page, its lines of text runs (top to bottom, each left to right)."""
    pages = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        runs: dict[float, list[tuple[float, str]]] = defaultdict(list)

        def visit(text: str, cm: Any, tm: Any, _font: Any, _size: Any,
                  runs: dict[float, list[tuple[float, str]]] = runs) -> None:
            if not text.strip():
                return
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            runs[round(y, 1)].append((x, text.strip()))

        page.extract_text(visitor_text=visit)
        pages.append(_rows(runs))
    return pages


def _rows(runs: dict[float, list[tuple[float, str]]]) -> list[list[str]]:
    """Runs whose baselines are within 4 points are one line (a table shrinks the font of
    a wide cell, which moves its baseline a little)."""
    grouped: list[list[tuple[float, str]]] = []
    last = None
    for y in sorted(runs, reverse=True):
        if last is None or last - y > 4:
            grouped.append([])
        grouped[-1] += runs[y]
        last = y
    return [[t for _, t in sorted(line)] for line in grouped]


def number(text: str) -> int | None:
    """A printed whole number, or None for a dash; raises for anything else."""
    if text in ("—", "-"):
        return None
    if not NUMBER.match(text):
        raise ValueError(f"not a printed number: {text!r}")
    return int(text.replace(",", "").replace("−", "-"))


def is_number(text: str) -> bool:
    return bool(NUMBER.match(text))
