"""Ranges kept between calls: an edit changes a key, so nothing is ever stale.

An initiative's key is its seed (the settings' seed and its id), everything about its chosen
option's lines that moves the NPV (``model.option_key``), the plan's discount rate and
scenario factors, the overrides of its lines and the settings. Edit a line, the rate or a
factor and the key changes; the old entry is simply never asked for again (the oldest
entries go beyond ``max_entries``).

The cache also keeps the last portfolio: its members' keys and models and the sum of their
draws. A portfolio that differs by a few members is updated by subtracting the draws of those
that left and adding those of the new ones (regenerated from their seeds); the draws are
whole cents, so the sum is exact and equals a computation from scratch.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable
from typing import TYPE_CHECKING

from smbplanner.analysis.uncertainty.model import Model, NpvRange

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt


class RangeCache:
    """Initiative ranges by key, and the last portfolio's total (see module doc)."""

    def __init__(self, max_entries: int = 20_000) -> None:
        self.max_entries = max_entries
        self._entries: OrderedDict[Hashable, tuple[NpvRange, Model]] = OrderedDict()
        self.members: dict[Hashable, Model] = {}
        self.total: npt.NDArray[np.float64] | None = None
        self.portfolio: NpvRange | None = None
        self.hits = 0
        self.misses = 0

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: Hashable) -> tuple[NpvRange, Model] | None:
        found = self._entries.get(key)
        if found is None:
            self.misses += 1
            return None
        self.hits += 1
        self._entries.move_to_end(key)
        return found

    def put(self, key: Hashable, result: NpvRange, model: Model) -> None:
        self._entries[key] = (result, model)
        self._entries.move_to_end(key)
        while len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)

    def clear(self) -> None:
        self._entries.clear()
        self.members = {}
        self.total = None
        self.portfolio = None
