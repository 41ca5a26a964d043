"""The presentation rule: figures are computed in cents and shown in whole currency units so
that every printed total equals the sum of its printed rows and every printed derived column
holds on the printed numbers.

How: *round the parts, total the rounded parts.* Each stored or computed amount that a view
shows as a row (a year's planned Run spend, one initiative's NPV, one year's cost) is rounded
to whole units half away from zero (``whole``). Every figure derived from those rows — a
total, Budget = Run + Change, Over = Planned − Budget, TCO = Σ years — is computed from the
rounded rows, never rounded on its own (``foot``). So a column of 0.50 + 0.50 prints 1 + 1 = 2,
although the exact total 1.00 would round to 1.

The same value is therefore always shown the same way (the app, the pack, ``summary`` and
``check`` all call ``whole``), and a statement made in words ("over budget in 2027") is made
on the printed numbers, so it never contradicts the table beside it.
"""

from __future__ import annotations

from collections.abc import Iterable

from smbplanner.domain.numbers import whole

__all__ = ["foot", "whole"]


def foot(cents: Iterable[int | float]) -> tuple[list[int], int]:
    """The rows in whole units and their total: the sum of the rounded rows."""
    rows = [whole(c) for c in cents]
    return rows, sum(rows)
