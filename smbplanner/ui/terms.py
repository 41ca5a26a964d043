"""The plan's words in plain language, once: each term's meaning (the tooltip wherever the
term is shown) and its section of the user guide ("words" in ``resources/guide``), opened by
the term's "?" link (``term_link``)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

#: key -> (the term, what it means in plain words). The guide has a section ``word-<key>``.
TERMS: dict[str, tuple[str, str]] = {
    "tco": ("TCO", "Total cost of ownership: everything an option costs over its whole life "
            "(buying, setting up, training, support, running, removing), not just the price."),
    "npv": ("NPV", "Net present value: what the initiative is worth today — its benefits "
            "minus its costs over its life, later years counted for less (the plan's "
            "discount rate). Above 0, it pays back more than it costs."),
    "irr": ("IRR", "Internal rate of return: the yearly return the initiative earns on the "
            "money put in. Compare it with the discount rate: higher is better."),
    "roi": ("ROI", "Return on investment: what the benefits bring beyond the total cost, as a "
            "share of that cost (100 % = twice the money back)."),
    "payback": ("Payback", "How long until the money put in has come back from the "
                "benefits."),
    "discounted_payback": ("Discounted payback", "Payback with later years counted for less "
                           "(the discount rate): always a little later than the plain "
                           "payback."),
    "lifecycle_year": ("Lifecycle year", "Year 0 is the year the initiative starts, year 1 "
                       "the next, and so on; costs and benefits are entered by lifecycle "
                       "year, so moving the initiative on the roadmap moves them along."),
    "perspective": ("Perspective", "Which side of the business a goal serves: Financial "
                    "(money), Customer, Internal process (how work gets done) or Learning "
                    "and growth (people and skills) — the four sides of a balanced "
                    "scorecard."),
    "run_change": ("Run / Change", "Run keeps today's business running safely (replacing "
                   "old servers, security); Change grows or changes it (a new online shop). "
                   "Each has its own budget envelope."),
    "quadrant": ("Quadrant", "Where the initiative sits on the Priorities grid from its "
                 "impact and feasibility scores: quick win, strategic bet, back burner, or "
                 "unscored."),
}


def tip(key: str) -> str:
    """The tooltip of a term: its meaning, and where the guide says more."""
    term, meaning = TERMS[key]
    return f"{meaning}\n(Help ▸ User guide ▸ Words used: {term})"


def anchor(key: str) -> str:
    return f"word-{key}"


def term_link(key: str, parent: QWidget | None = None) -> QLabel:
    """A small "?" that says what the term means (tooltip) and opens its section of the
    guide when clicked."""
    term, _meaning = TERMS[key]
    link = QLabel(f"<a href='#{anchor(key)}'>?</a>", parent)
    link.setToolTip(tip(key))
    link.setAccessibleName(f"What is {term}?")
    link.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                 | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
    link.linkActivated.connect(lambda _href: open_term(key, link))
    return link


def open_term(key: str, parent: QWidget | None) -> QWidget:
    """The user guide at the term's section."""
    from smbplanner.ui.guide import show_guide

    dialog = show_guide(parent.window() if parent is not None else None)
    dialog.browser.scrollToAnchor(anchor(key))
    return dialog
