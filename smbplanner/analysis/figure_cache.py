"""Figures computed once per version of an initiative.

A plan patched after an edit shares every entity the edit did not touch with the plan before
it (``storage.planread.patch_plan``), and replaces the ones it touched with new objects. So a
cache keyed on the *identity* of an initiative and of the business is invalidated exactly by
the edits that change their figures, without being told: a touched initiative (or a new
discount rate or scenario factor on the business) is a new object and misses. Entries are
dropped when their initiative is no longer referenced. Plan objects must not be changed in
place while cached (the app never does: edits go through the file).
"""

from __future__ import annotations

import weakref
from typing import Any

from smbplanner.analysis.figures import Figures, initiative_figures
from smbplanner.domain.enums import Scenario
from smbplanner.domain.model import Business, Initiative


class FigureCache:
    """``initiative(init, business, scenario)`` as ``initiative_figures``, memoised."""

    def __init__(self) -> None:
        # id(initiative) -> (its weak reference, the business it was computed with, figures)
        self._entries: dict[int, tuple[weakref.ref[Initiative], Business, dict[Any, Any]]] = {}
        self.hits = self.misses = 0

    def initiative(
        self, initiative: Initiative, business: Business, scenario: Scenario = Scenario.LIKELY
    ) -> Figures | None:
        key = id(initiative)
        entry = self._entries.get(key)
        if entry is None or entry[0]() is not initiative or entry[1] is not business:
            entry = (weakref.ref(initiative, self._forget(key)), business, {})
            self._entries[key] = entry
        known = entry[2]
        if scenario in known:
            self.hits += 1
        else:
            self.misses += 1
            known[scenario] = initiative_figures(initiative, business, scenario)
        figures: Figures | None = known[scenario]
        return figures

    def _forget(self, key: int) -> Any:
        entries = self._entries

        def gone(ref: weakref.ref[Initiative]) -> None:
            entry = entries.get(key)
            if entry is not None and entry[0] is ref:
                del entries[key]

        return gone

    def clear(self) -> None:
        self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)
