"""The presentation rule: figures are computed in cents and shown in whole currency units so
that every printed total equals the sum of its printed rows and every printed derived column
holds on the printed numbers.

How: *round the parts, total the rounded parts.* Each stored or computed amount that a view
shows as a row (a year's planned Run spend, one initiative's NPV, one year's cost) is rounded
to whole units half away from zero (``whole``). Every figure derived from those rows — a
total, Budget = Run + Change, Over = Planned − Budget, TCO = Σ years — is computed from the
rounded rows, never rounded on its own (``foot``). So a column of 0.50 + 0.50 prints 1 + 1 = 2,
although the exact total 1.00 would round to 1.

Where a table's rows are finer than the figure they must add up to elsewhere (an initiative's
TCO by category and year, whose total is the TCO printed beside its NPV), the rows are
*allocated*: each is rounded down and the units left over go to the rows with the largest
remainders (``allocate``), so the printed rows add up to the printed figure exactly.

The same value is therefore always shown the same way (the app, the pack, ``summary`` and
``check`` all call ``whole``), and a statement made in words ("over budget in 2027") is made
on the printed numbers, so it never contradicts the table beside it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from fractions import Fraction

from smbplanner.domain.numbers import whole

__all__ = ["allocate", "foot", "whole"]


def foot(cents: Iterable[int | float]) -> tuple[list[int], int]:
    """The rows in whole units and their total: the sum of the rounded rows."""
    rows = [whole(c) for c in cents]
    return rows, sum(rows)


def allocate(cents: Sequence[Fraction | int], target: int) -> list[int]:
    """Whole units for each row (exact cents, ≥ 0) that add up to ``target`` units: each row
    rounded down, the rest handed out by largest remainder (earlier rows first on ties).
    Rows stay within one unit of their exact value whenever ``target`` is the rounded sum."""
    floors = [int(c // 100) for c in cents]  # exact: int and Fraction floor alike
    left = target - sum(floors)
    if left == 0:
        return floors
    # the remainders in cents (exact), largest first, earlier rows first on ties
    rests = [c - 100 * f for c, f in zip(cents, floors, strict=True)]
    order = sorted(range(len(rests)), key=lambda n: (-rests[n], n))
    if left >= 0:
        for k in range(left):
            floors[order[k % len(order)]] += 1
    else:
        for n in reversed(order):
            while left < 0 and floors[n] > 0:
                floors[n] -= 1
                left += 1
    return floors
