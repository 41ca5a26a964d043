"""Under the board: how many initiatives, and how much TCO, in each category, and the
Run / Change balance (figures from ``analysis.board_summary``)."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from smbplanner.analysis.board_summary import CATEGORY_NAMES, BoardSummary
from smbplanner.domain.enums import Quadrant
from smbplanner.ui import fmt


def _count(n: int) -> str:
    return f"{n} initiative" + ("" if n == 1 else "s")


class SummaryBar(QFrame):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.labels: dict[Quadrant | str, QLabel] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        for key in (*Quadrant, "balance"):
            label = QLabel()
            label.setTextFormat(label.textFormat().PlainText)
            label.setAccessibleName(CATEGORY_NAMES[key] if key != "balance"
                                    else "Run / Change balance")
            label.setWordWrap(True)
            self.labels[key] = label
            layout.addWidget(label, 1)

    def show_summary(self, summary: BoardSummary, currency: str,
                     target_run_share_bp: int | None) -> None:
        for total in summary.categories:
            text = f"{CATEGORY_NAMES[total.quadrant]}\n{_count(total.count)}"
            if total.quadrant != Quadrant.UNSCORED or total.tco_cents:
                text += f" · {fmt.money(total.tco_cents, currency)}"
            self.labels[total.quadrant].setText(text)
        b = summary.balance
        share = b.run_share_pct
        text = f"Run / Change\n{b.run_count} / {b.change_count}"
        if share is not None:
            text += f" · TCO {fmt.number(share, 0)} % / {fmt.number(100 - share, 0)} %"
        if target_run_share_bp is not None:
            text += f" (target {fmt.number(target_run_share_bp / 100, 0)} % Run)"
        self.labels["balance"].setText(text)

    def text(self) -> str:
        return "\n".join(label.text() for label in self.labels.values())
