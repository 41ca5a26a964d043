"""Small helpers shared by the initiative's cost, option and figure widgets."""

from __future__ import annotations

from PySide6.QtWidgets import QSizePolicy, QStackedWidget

from smbplanner.domain import numbers
from smbplanner.domain.enums import Scenario
from smbplanner.domain.model import Initiative, Option, Plan
from smbplanner.ui import fmt

SCENARIO_LABELS = {
    Scenario.OPTIMISTIC: "Optimistic",
    Scenario.LIKELY: "Likely",
    Scenario.PESSIMISTIC: "Pessimistic",
}


def locale_number(value: float, decimals: int) -> str:
    """A number in the user's locale with this many decimals; never "-0"."""
    return numbers.decimal(float(value), decimals, fmt.style())


def minus(text: str) -> str:
    """A leading hyphen as a typographic minus sign."""
    return f"−{text[1:]}" if text.startswith("-") else text


def find_initiative(plan: Plan, initiative_id: int | None) -> Initiative | None:
    return None if initiative_id is None else plan.initiative(initiative_id)


def find_option(initiative: Initiative | None, option_id: int | None) -> Option | None:
    if initiative is None or option_id is None:
        return None
    return next((o for o in initiative.options if o.id == option_id), None)


def year_header(t: int, initiative: Initiative | None) -> str:
    """"Year 0\\n2026": the lifecycle year and, when known, its calendar year."""
    if initiative is None:
        return f"Year {t}"
    return f"Year {t}\n{initiative.start_year + t}"


def show_page(stack: QStackedWidget, index: int) -> None:
    """Show one page of a stack, sized by that page alone: a hidden page's minimum size
    would otherwise keep the stack as tall as its tallest page (a one-line "no option yet"
    then sat in the middle of a scrolled, mostly empty tab)."""
    for n in range(stack.count()):
        policy = (QSizePolicy.Policy.Preferred if n == index
                  else QSizePolicy.Policy.Ignored)
        stack.widget(n).setSizePolicy(policy, policy)
    stack.setCurrentIndex(index)
