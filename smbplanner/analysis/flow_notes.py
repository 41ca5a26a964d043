"""Plain sentences for cash flows whose IRR or payback could mislead a reader, and for the
dashes that stand where a figure is not defined: every view that prints the figure prints
the sentence beside it (the pack, the app's workings)."""

from __future__ import annotations

from smbplanner.analysis.figures import Figures


def flow_warning(fig: Figures) -> str:
    """A sentence when the flows change sign more than once or the payback does not hold;
    empty otherwise."""
    if fig.sign_changes > 1 and not fig.payback_holds:
        return ("The cash flows change sign more than once and turn negative again after "
                "the payback year: the payback and IRR can mislead; judge this one by its NPV.")
    if fig.sign_changes > 1:
        return ("The cash flows change sign more than once, so more than one rate (or none) "
                "can bring NPV to 0: judge this one by its NPV rather than its IRR.")
    return ""


def irr_dash_reason(fig: Figures) -> str:
    """Why the IRR is shown as "—" (only when there is no rate at all)."""
    flows = fig.cash_flows
    if not any(v < 0 for v in flows):
        return ("No IRR: there is no net outlay in any year (benefits cover the costs from "
                "year 0), so no rate of return can be computed; the return is immediate.")
    if not any(v > 0 for v in flows):
        return "No IRR: the cash flows are never positive, so no rate brings NPV to 0."
    return "No IRR: no rate at all brings NPV to 0 for these cash flows."


def payback_dash_reason(fig: Figures) -> str:
    return ("Payback never: the cumulative cash flow is still negative at the end of the "
            f"{fig.life_years}-year life.")
