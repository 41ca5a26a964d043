"""The Priorities page: the impact × feasibility board where the owner drags initiatives to
score them, the unscored tray, filters, suggested positions (ghosts the owner may accept),
the totals per category and the Run / Change balance, and PNG / SVG export.

Every edit goes through the document as one named undo step; the board refreshes on
``document.changed`` by updating its card items in place (selection and focus are kept)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QPointF, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smbplanner.analysis.board_summary import (
    BoardFilter,
    SummaryParts,
    accept_text,
    board_summary,
    clear_text,
    filtered_plan,
    from_unit,
    move_text,
    nudge,
)
from smbplanner.analysis.figures import Figures
from smbplanner.analysis.suggest import Suggestion, suggest_all
from smbplanner.domain.enums import InitiativeStatus, Portfolio, Scenario, label
from smbplanner.domain.model import Initiative, Plan
from smbplanner.ui import fmt
from smbplanner.ui.document import PlanDocument
from smbplanner.ui.pages.priorities.card import CardItem, place_labels
from smbplanner.ui.pages.priorities.export import export_png, export_svg
from smbplanner.ui.pages.priorities.looks import (
    LABELS_UP_TO,
    FigureBook,
    Tooltips,
    board_layout,
    card_looks,
    size_legend,
)
from smbplanner.ui.pages.priorities.scene import (
    SIDE,
    BoardColours,
    BoardScene,
    GhostItem,
    board_rect,
    scene_point,
    unit_of,
)
from smbplanner.ui.pages.priorities.summary import SummaryBar
from smbplanner.ui.pages.priorities.tray import UnscoredTray, ids_of
from smbplanner.ui.pages.priorities.view import BoardView
from smbplanner.ui.refresh import FIGURES, watch

Edit = tuple[int, float | None, float | None]  # (id, feasibility, impact)


class PrioritiesPage(QWidget):
    title = "Priorities"
    #: The owner wants to edit an initiative (double-click or Enter on its card).
    open_initiative = Signal(int)

    def __init__(self, document: PlanDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.colours = BoardColours.from_palette(self.palette())
        self.scene = BoardScene(self.colours, self)
        self.view = BoardView(self.scene)
        self.view.drop_handler = self.drop_mime
        self.ghost = GhostItem(self.colours)
        self.ghost.setVisible(False)
        self.scene.addItem(self.ghost)
        self.tray = UnscoredTray()
        self.summary = SummaryBar()
        self._suggestions: dict[int, Suggestion] | None = None
        self._some_suggestions: dict[int, Suggestion | None] = {}
        self._book: FigureBook | None = None
        self._tips = Tooltips()
        self._summary_parts = SummaryParts()
        self._plan: Plan | None = None
        self._select_after: set[int] = set()
        #: Asks where to save an export: (dialog title, file filter) → path or "".
        self.ask_path: Callable[[str, str], str] = self._ask_path
        self._build()
        watch(self, document, self.refresh,
              FIGURES | {"goal", "initiative_goal", "risk"})
        self.refresh()

    # --- layout --------------------------------------------------------------------------
    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        combo.setToolTip(name)
        return combo

    def _build(self) -> None:
        self.portfolio_filter = self._combo(self.tr("Filter by portfolio"))
        self.portfolio_filter.addItem(self.tr("All portfolios"), "")
        for p in Portfolio:
            self.portfolio_filter.addItem(label(p), p)
        self.status_filter = self._combo(self.tr("Filter by status"))
        self.status_filter.addItem(self.tr("All statuses"), "")
        for s in InitiativeStatus:
            if s != InitiativeStatus.CANCELLED:
                self.status_filter.addItem(label(s), s)
        self.goal_filter = self._combo(self.tr("Filter by goal"))
        self.goal_filter.setMaximumWidth(260)
        # long goal titles must not widen the page past a 1024 px window
        self.goal_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.goal_filter.setMinimumContentsLength(14)
        self.accept_button = QPushButton(self.tr("Accept suggestion"))
        self.accept_button.setAccessibleName(self.tr("Accept the suggested position"))
        self.accept_button.clicked.connect(self.accept_suggestion)
        self.png_button = QPushButton(self.tr("Export PNG…"))
        self.png_button.setAccessibleName(self.tr("Export the board as a PNG image"))
        self.png_button.clicked.connect(lambda: self.export_png())
        self.svg_button = QPushButton(self.tr("Export SVG…"))
        self.svg_button.setAccessibleName(self.tr("Export the board as an SVG drawing"))
        self.svg_button.clicked.connect(lambda: self.export_svg())
        bar = QHBoxLayout()
        for w in (self.portfolio_filter, self.status_filter, self.goal_filter):
            bar.addWidget(w)
        bar.addStretch(1)
        for w in (self.accept_button, self.png_button, self.svg_button):
            bar.addWidget(w)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setAccessibleName(self.tr("Board hint"))
        # room for three lines whatever it says: a hint that grew by a line after each drop
        # resized the board, and a resized board is laid out and drawn again whole
        self.hint.setMinimumHeight(3 * self.hint.fontMetrics().lineSpacing() + 2)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.tray_title = QLabel()
        self.tray_title.setWordWrap(True)
        self.tray_help = tray_help = QLabel()
        tray_help.setWordWrap(True)
        side = QVBoxLayout()
        side.addWidget(self.tray_title)
        side.addWidget(self.tray, 1)
        side.addWidget(tray_help)
        side_box = QWidget()
        side_box.setLayout(side)
        side_box.setFixedWidth(230)
        middle = QHBoxLayout()
        middle.addWidget(self.view, 1)
        middle.addWidget(side_box)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.hint)
        layout.addLayout(middle, 1)
        layout.addWidget(self.summary)
        self.view.moved.connect(self._moved)
        self.view.labels_resized.connect(self._place_labels)
        self.view.nudged.connect(self.nudge_selected)
        self.view.cleared.connect(self.clear_selected)
        self.view.opened.connect(self.open_initiative)
        self.view.drag_text.connect(self._drag_text)
        self.tray.itemActivated.connect(
            lambda item: self.open_initiative.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.tray.itemSelectionChanged.connect(self._tray_selection_changed)
        self.scene.selectionChanged.connect(self._board_selection_changed)
        self.document.failed.connect(lambda refusal: self.hint.setText(str(refusal)))
        for combo in (self.portfolio_filter, self.status_filter, self.goal_filter):
            combo.currentIndexChanged.connect(self.refresh)

    # --- reading -------------------------------------------------------------------------
    def board_filter(self) -> BoardFilter:
        # "" and -1 stand for "all" (PySide6 mishandles None as item data)
        goal = self.goal_filter.currentData()
        return BoardFilter(self.portfolio_filter.currentData() or None,
                           self.status_filter.currentData() or None,
                           None if goal in (None, -1) else goal)

    def _sync_goals(self, plan: Plan) -> None:
        goals = [(g.id, g.title) for g in plan.goals if g.id is not None]
        have = [(self.goal_filter.itemData(n), self.goal_filter.itemText(n))
                for n in range(1, self.goal_filter.count())]
        if goals == have and self.goal_filter.count():
            return
        current = self.goal_filter.currentData() if self.goal_filter.count() else -1
        self.goal_filter.blockSignals(True)
        self.goal_filter.clear()
        self.goal_filter.addItem(self.tr("All goals"), -1)
        for goal_id, title in goals:
            self.goal_filter.addItem(title, goal_id)
        self.goal_filter.setCurrentIndex(max(0, self.goal_filter.findData(current)))
        self.goal_filter.blockSignals(False)

    def refresh(self) -> None:
        plan = self._plan = self.document.plan()
        self._sync_goals(plan)
        # the document's figure cache, asked with this plan's business directly (one call per
        # initiative, about 9,000 after each drop on 3,000 cards, instead of two)
        figure_cache, business = self.document.figure_cache, plan.business

        def book(initiative: Initiative, scenario: Scenario = Scenario.LIKELY) -> Figures | None:
            return figure_cache.initiative(initiative, business, scenario)

        shown = filtered_plan(plan, self.board_filter())
        board = board_layout(shown, book)
        # with no filter the board leaves out only the cancelled initiatives, which come last
        # in priority order: its numbers are then the plan's (not worked out again)
        whole = not self.board_filter().active
        looks = card_looks(plan, board, book, self._tips, numbered=whole)
        cards = self.view.cards
        for gone in set(cards) - set(looks):
            self.scene.removeItem(cards.pop(gone))
        for card in board.cards:
            if card.initiative_id is None:
                continue
            item = cards.get(card.initiative_id)
            if item is None:
                item = CardItem(looks[card.initiative_id], self.colours.text, self.colours.halo,
                                self.colours.selection)
                cards[card.initiative_id] = item
                self.scene.addItem(item)
            else:
                item.update_look(looks[card.initiative_id])
            item.scores = (card.feasibility, card.impact)
            if (card.x, card.y) != item.unit_home or item.pos() != item.home:
                item.unit_home = (card.x, card.y)  # only the cards that moved
                item.home = QPointF(card.x * SIDE, (1 - card.y) * SIDE)
                item.setPos(item.home)
            depth = 1 + (40 - item.look.radius) / 100  # small dots over big
            if depth != item.base_z:
                item.set_depth(depth)
        for initiative_id in self._select_after & set(cards):
            cards[initiative_id].setSelected(True)
        self._select_after.clear()
        # the names are placed by _selection_changed, at the end
        self.scene.crowded = len(cards) > LABELS_UP_TO
        cur = plan.business.currency
        rect = self.scene.sceneRect()
        self.scene.set_legend(size_legend(board, cur), self._message(plan, shown, board.cards))
        if self.scene.sceneRect() != rect:  # a legend on the right as wide as its texts
            self.view.fit()
        self.tray.set_entries([(i.id, i.name, self._tips(i, plan, book))
                               for _, i in board.unscored if i.id is not None])
        self._tips.forget_unused()
        self.tray_title.setText(self.tr("Not yet scored ({n})").replace("{n}",
                                                                        str(self.tray.count())))
        self.tray_help.setText(
            self.tr("Drag one onto the board to score it, or select it and accept its suggested "
                    "position.") if self.tray.count() else
            self.tr("Every initiative on the board is scored."))
        self.summary.show_summary(board_summary(plan, self.board_filter(), figures=book,
                                                parts=self._summary_parts), cur,
                                  plan.business.target_run_share_bp)
        self._book, self._suggestions = book, None  # suggestions are worked out when needed
        self._some_suggestions = {}
        self._selection_changed()

    def _message(self, plan: Plan, shown: Plan, cards: list[object]) -> str:
        if cards:
            return ""
        active = [i for i in plan.initiatives if i.status != InitiativeStatus.CANCELLED]
        if not active:
            return self.tr("No initiatives yet. Add them on the Initiatives page, then place "
                           "them here by their impact and feasibility.")
        if not shown.initiatives:
            return self.tr("No initiative matches the filters.")
        return self.tr("No initiative is scored yet. Drag one from the tray on the right onto "
                       "the board, where its impact and feasibility belong.")

    @property
    def suggestions(self) -> dict[int, Suggestion]:
        """Initiative id → its suggested position (``analysis.suggest``)."""
        if self._suggestions is None:
            plan = self.document.plan()
            self._suggestions = suggest_all(plan, figures=self._book)
        return self._suggestions

    def suggestion(self, initiative_id: int) -> Suggestion | None:
        """One initiative's suggestion, worked out for it alone (the selection's, after each
        drop: not all 3,000 of a large plan)."""
        if self._suggestions is not None:
            return self._suggestions.get(initiative_id)
        known = self._some_suggestions
        if initiative_id not in known:
            found = suggest_all(self.document.plan(), figures=self._book, only={initiative_id})
            known[initiative_id] = found.get(initiative_id)
        return known[initiative_id]

    def initiative(self, initiative_id: int) -> Initiative | None:
        return self._plan.initiative(initiative_id) if self._plan else None

    def selected_ids(self) -> list[int]:
        return [c.initiative_id for c in self.view.selected_cards()]

    # --- editing -------------------------------------------------------------------------
    def _commit(self, edits: list[Edit], text: Callable[[list[str]], str] | None = None) -> bool:
        edits = [e for e in edits if self.initiative(e[0]) is not None]
        if not edits:
            return False
        names = [self.initiative(e[0]).name for e in edits]  # type: ignore[union-attr]
        if text is None:
            undo = move_text(names, [e[2] or 0.0 for e in edits], [e[1] or 0.0 for e in edits])
        else:
            undo = text(names)
        if len(edits) == 1:
            i, feasibility, impact = edits[0]
            return self.document.update(Initiative, i, undo_text=undo, impact=impact,
                                        feasibility=feasibility)
        return self.document.update_many(
            Initiative, [(i, {"impact": imp, "feasibility": f}) for i, f, imp in edits], undo)

    def _moved(self, changes: list[Edit]) -> None:
        self._commit(changes)

    def nudge_selected(self, feasibility_steps: int, impact_steps: int) -> bool:
        """Move the selected cards by half steps (one undo step); False when none moves."""
        edits = []
        for card in self.view.selected_cards():
            f, i = card.scores
            moved = (nudge(f, feasibility_steps), nudge(i, impact_steps))
            if moved != (f, i):
                edits.append((card.initiative_id, *moved))
        return self._commit(edits)

    def clear_selected(self) -> bool:
        """Clear the scores of the selected cards (back to the tray), one undo step."""
        edits: list[Edit] = [(i, None, None) for i in self.selected_ids()]
        return self._commit(edits, clear_text)

    def drop_mime(self, mime: QMimeData, scene_pos: QPointF) -> bool:
        """Score the initiatives named in ``mime`` (from the tray) at a board position."""
        ids = ids_of(mime)
        if not ids or not board_rect().contains(scene_pos):
            return False
        x, y = unit_of(scene_pos)
        feasibility, impact = from_unit(x), from_unit(y)
        self._select_after = set(ids)
        if self.view.scene().selectedItems():
            self.scene.clearSelection()
        return self._commit([(i, feasibility, impact) for i in ids])

    def _targets(self) -> list[int]:
        return self.selected_ids() or self.tray.selected_ids()

    def accept_suggestion(self) -> bool:
        """Move the selected cards (or tray items) to their suggested positions."""
        edits: list[Edit] = []
        for i in self._targets():
            s = self.suggestion(i)
            if s and self._differs(i):
                edits.append((i, s.feasibility, s.impact))
        self._select_after = {e[0] for e in edits}
        return self._commit(edits, accept_text)

    def _differs(self, initiative_id: int) -> bool:
        """Whether the initiative's suggestion differs from its scores."""
        s = self.suggestion(initiative_id)
        i = self.initiative(initiative_id)
        return bool(s and i and (i.feasibility, i.impact) != (s.feasibility, s.impact))

    def _how_sure(self, initiative_id: int) -> str:
        """" How sure: …" for one selected initiative: its NPV range and the chance it pays, in
        the Figures tab's words (computed for the selection only, from the document's cache)."""
        initiative = self.initiative(initiative_id)
        if initiative is None:
            return ""
        from smbplanner.analysis.uncertainty.ranges import initiative_range
        from smbplanner.analysis.uncertainty.words import chance_sentence

        plan = self.document.plan()
        found = initiative_range(initiative, plan.business, cache=self.document.range_cache)
        if found is None:
            return ""
        cur = plan.business.currency
        return " " + self.tr("How sure: {0} NPV {1} to {2} in 8 of 10 outcomes.").format(
            chance_sentence(found.p_positive), fmt.money(found.p10_cents, cur),
            fmt.money(found.p90_cents, cur))

    def _tray_selection_changed(self) -> None:
        if self.tray.selectedItems() and self.scene.selectedItems():
            self.scene.clearSelection()  # one selection at a time: the tray's or the board's
        self._selection_changed()

    def _board_selection_changed(self) -> None:
        if self.scene.selectedItems() and self.tray.selectedItems():
            self.tray.clearSelection()
        self._selection_changed()

    def _selection_changed(self) -> None:
        targets = self._targets()
        pending = [i for i in targets if self._differs(i)]
        self.accept_button.setEnabled(bool(pending))
        self.ghost.setVisible(False)
        if len(targets) == 1 and pending:
            s = self.suggestion(targets[0])
            assert s is not None
            card = self.view.cards.get(targets[0])
            radius = card.look.radius if card else 12.0
            self.ghost.place(scene_point(s.feasibility, s.impact), radius,
                             card.pos() if card else None)
            self.ghost.setVisible(True)
            self.hint.setText(self.tr("Suggested: ") + s.reason + self._how_sure(targets[0]))
        elif len(targets) == 1:
            self.hint.setText(self.tr("This initiative sits where its goals, cost, duration "
                                      "and risks suggest.") + self._how_sure(targets[0]))
        elif not self.view.cards:
            self.hint.setText("")
        else:
            self.hint.setText(self.tr("Drag cards to re-score them (Ctrl+click or drag a frame "
                                      "to select several); arrows move by half a step, Delete "
                                      "clears the scores, Enter opens the initiative."))
        self._place_labels()

    def _place_labels(self) -> None:
        if self.view.cards:
            place_labels(list(self.view.cards.values()), board_rect(),
                         len(self.view.cards) <= LABELS_UP_TO)

    def _drag_text(self, text: str) -> None:
        if text:
            self.ghost.setVisible(False)
            self.hint.setText(self.tr("Moving to: ") + text)
        else:
            self._selection_changed()

    # --- export --------------------------------------------------------------------------
    def _ask_path(self, title: str, pattern: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, title, "", pattern)
        return path

    def _export(self, kind: str, path: str | None) -> bool:
        chosen = path or self.ask_path(self.tr(f"Export the board as {kind.upper()}"),
                                       f"{kind.upper()} (*.{kind})")
        if not chosen:
            return False
        target = Path(chosen)
        if target.suffix.lower() != f".{kind}":
            target = target.with_suffix(f".{kind}")
        selected = self.view.selected_cards()
        ghost = self.ghost.isVisible()
        self.scene.clearSelection()
        self.ghost.setVisible(False)
        cards = list(self.view.cards.values())
        modes = [card.cacheMode() for card in cards]
        for card in cards:  # vector drawing, not the cached pixmaps
            card.setCacheMode(CardItem.CacheMode.NoCache)
        back = self.palette().color(self.backgroundRole())
        name = self._plan.business.name if self._plan else "Plan"
        ok = (export_png(self.scene, target, back) if kind == "png"
              else export_svg(self.scene, target, f"{name}: priority board", back))
        for card, mode in zip(cards, modes, strict=True):
            card.setCacheMode(mode)
        for card in selected:
            card.setSelected(True)
        self.ghost.setVisible(ghost and bool(selected))
        self.hint.setText(self.tr("Saved the board to ") + str(target) if ok
                          else self.tr("Could not write ") + str(target))
        return ok

    def export_png(self, path: str | None = None) -> bool:
        return self._export("png", path)

    def export_svg(self, path: str | None = None) -> bool:
        return self._export("svg", path)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "scene"):
            self.colours = BoardColours.from_palette(self.palette())
            self.scene.colours = self.ghost.colours = self.view.tip.colours = self.colours
            for card in self.view.cards.values():
                card.ink, card.halo, card.selection = (self.colours.text, self.colours.halo,
                                                       self.colours.selection)
                card.update()
            self.scene.invalidate()
            self.view.resetCachedContent()
            self.view.viewport().update()
