"""“How is this calculated?”: each figure's formula, filled in with the plan's own numbers.

Every function takes the ``Figures`` that the figure itself comes from, so the working and
the number shown always agree, for example
``ROI = (benefits − TCO) / TCO × 100 = ((15,000 − 10,000) / 10,000) × 100 = 50 %``.
Numbers are formatted by ``number`` (the UI passes the user's locale; the default is plain).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import accumulate

from smbplanner.analysis import finance
from smbplanner.analysis.figures import Figures, scenario_factors
from smbplanner.analysis.flow_notes import flow_warning, irr_dash_reason
from smbplanner.analysis.options import (
    Comparison,
    NumberFormat,
    money_text,
    plain_number,
    trimmed,
)
from smbplanner.domain.enums import Scenario
from smbplanner.domain.model import Business
from smbplanner.domain.money import BP

_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


@dataclass(frozen=True)
class Working:
    """A figure's working: the general formula, then each step with the plan's numbers.

    ``table`` (header row first) lays out per-year numbers when the steps refer to them.
    """

    title: str
    formula: str
    steps: tuple[str, ...]
    table: tuple[tuple[str, ...], ...] = ()
    notes: tuple[str, ...] = ()
    check: str = ""  # a check of the result, e.g. NPV at the IRR ≈ 0
    details: tuple[str, ...] = ()  # plain lines after the steps (e.g. differences)

    def one_line(self) -> str:
        """The formula and its steps joined by “=” on one line."""
        return " = ".join([self.formula, *self.steps])

    def text(self) -> str:
        """Plain text: title, formula, one step per line, the table, the notes."""
        out = [self.title, "", self.formula, *(f"  = {step}" for step in self.steps)]
        if self.check:
            out += ["", self.check]
        if self.details:
            out += ["", *self.details]
        if self.table:
            widths = [max(len(row[i]) for row in self.table) for i in range(len(self.table[0]))]
            out.append("")
            for row in self.table:
                out.append("  ".join(cell.rjust(w) for cell, w in zip(row, widths, strict=True)))
        if self.notes:
            out += ["", *self.notes]
        return "\n".join(out)


def _scenario(fig: Figures) -> str:
    return f"{fig.scenario.value} scenario"


def _signed_sum(terms: list[str]) -> str:
    """["-10,000", "5,000", "-3"] -> "−10,000 + 5,000 − 3"."""
    out = ""
    for n, term in enumerate(terms):
        negative = term.startswith("-")
        body = term[1:] if negative else term
        if n == 0:
            out = f"−{body}" if negative else body
        else:
            out += f" − {body}" if negative else f" + {body}"
    return out or "0"


def _neg(text: str) -> str:
    """A leading hyphen as a minus sign: "-3,250" -> "−3,250"."""
    return f"−{text[1:]}" if text.startswith("-") else text


def _money(cents: float, number: NumberFormat) -> str:
    return money_text(cents, number)


def _pv(cents: float, number: NumberFormat) -> str:
    return number(cents / 100, 2)


def _signed_money(cents: float, number: NumberFormat) -> str:
    return _neg(_money(cents, number))


def _signed_pv(cents: float, number: NumberFormat) -> str:
    return _neg(_pv(cents, number))


def _base(rate: float, number: NumberFormat) -> str:
    """1 + r as text: 1.08, 1.075, 1.2338."""
    return trimmed(1 + rate, 4, number)


def _pct(fraction_pct: float, number: NumberFormat, decimals: int = 1) -> str:
    return f"{trimmed(fraction_pct, decimals, number)} %"


def _discounted_terms(flows: list[int], rate: float, number: NumberFormat) -> list[str]:
    base = _base(rate, number)
    return [
        f"{_money(v, number)} / {base}{str(t).translate(_SUPERSCRIPT)}" for t, v in enumerate(flows)
    ]


def _factor_note(fig: Figures, factor_bp: int, what: str, number: NumberFormat) -> tuple[str, ...]:
    if factor_bp == BP:
        return ()
    return (
        f"In the {_scenario(fig)} each year's {what} are the likely amounts × "
        f"{trimmed(factor_bp / BP, 4, number)}, rounded to the cent.",
    )


def _total(
    fig: Figures, values: list[int], name: str, factor_bp: int, number: NumberFormat
) -> Working:
    what = "costs" if name == "TCO" else "benefits"
    head = "Total cost of ownership (TCO)" if name == "TCO" else "Total benefits"
    return Working(
        title=f"{head}, {_scenario(fig)}",
        formula=f"{name} = Σ {what} in each year of the {fig.life_years}-year life",
        steps=(_signed_sum([_money(v, number) for v in values]), _money(sum(values), number)),
        table=_year_table(("Year", what.capitalize()), [[_money(v, number)] for v in values]),
        notes=_factor_note(fig, factor_bp, what, number),
    )


def _year_table(header: tuple[str, ...], rows: list[list[str]]) -> tuple[tuple[str, ...], ...]:
    return (header, *((str(t), *row) for t, row in enumerate(rows)))


def tco_working(fig: Figures, business: Business, number: NumberFormat = plain_number) -> Working:
    """TCO = Σ costs(t), undiscounted."""
    return _total(fig, fig.costs, "TCO", scenario_factors(business, fig.scenario)[0], number)


def benefits_working(
    fig: Figures, business: Business, number: NumberFormat = plain_number
) -> Working:
    """Total benefits = Σ benefits(t), undiscounted."""
    factor = scenario_factors(business, fig.scenario)[1]
    return _total(fig, fig.benefits, "Benefits", factor, number)


def tco_pv_working(fig: Figures, number: NumberFormat = plain_number) -> Working:
    """TCO present value = Σ costs(t) / (1 + r)^t."""
    rate = fig.discount_rate
    values = [c / (1 + rate) ** t for t, c in enumerate(fig.costs)]
    return Working(
        title=f"TCO present value, {_scenario(fig)}",
        formula="TCO present value = Σ costs(t) / (1 + r)^t",
        steps=(
            _signed_sum(_discounted_terms(fig.costs, rate, number)),
            _signed_sum([_pv(v, number) for v in values]),
            _pv(fig.tco_pv_cents, number),
        ),
        notes=_rate_notes(fig, number),
    )


def _rate_notes(fig: Figures, number: NumberFormat) -> tuple[str, ...]:
    return (
        f"r is the plan's discount rate, {_pct(fig.discount_rate * 100, number, 2)}; "
        "t is the lifecycle year (year 0, when the initiative starts, is not discounted).",
    )


def roi_working(fig: Figures, number: NumberFormat = plain_number) -> Working:
    """ROI = (benefits − TCO) / TCO × 100."""
    formula = "ROI = (benefits − TCO) / TCO × 100"
    title = f"Return on investment (ROI), {_scenario(fig)}"
    if fig.roi_pct is None:
        return Working(title, formula, ("cannot be calculated",),
                       notes=("The TCO is 0 (no costs yet), and nothing can be divided by 0.",))
    benefits, tco = _money(fig.benefits_cents, number), _money(fig.tco_cents, number)
    return Working(
        title,
        formula,
        (f"(({benefits} − {tco}) / {tco}) × 100", _pct(fig.roi_pct, number)),
    )


def npv_working(fig: Figures, number: NumberFormat = plain_number) -> Working:
    """NPV = Σ cash flow(t) / (1 + r)^t, written out year by year."""
    rate = fig.discount_rate
    present = [v / (1 + rate) ** t for t, v in enumerate(fig.cash_flows)]
    rows = [
        [
            _money(b, number),
            _money(c, number),
            _signed_money(v, number),
            trimmed(1 / (1 + rate) ** t, 4, number),
            _signed_pv(p, number),
        ]
        for t, (b, c, v, p) in enumerate(
            zip(fig.benefits, fig.costs, fig.cash_flows, present, strict=True)
        )
    ]
    return Working(
        title=f"Net present value (NPV), {_scenario(fig)}",
        formula="NPV = Σ cash flow(t) / (1 + r)^t, where cash flow(t) = benefits(t) − costs(t)",
        steps=(
            _signed_sum(_discounted_terms(fig.cash_flows, rate, number)),
            _signed_sum([_pv(p, number) for p in present]),
            _pv(fig.npv_cents, number),
        ),
        table=_year_table(
            ("Year", "Benefits", "Costs", "Cash flow", "× 1/(1+r)^t", "Present value"), rows
        ),
        notes=_rate_notes(fig, number),
    )


def irr_working(fig: Figures, number: NumberFormat = plain_number) -> Working:
    """The rate at which NPV = 0, with the check NPV(irr) ≈ 0."""
    title = f"Internal rate of return (IRR), {_scenario(fig)}"
    formula = "IRR = the rate r at which Σ cash flow(t) / (1 + r)^t = 0"
    flows = fig.cash_flows
    if fig.irr is None:
        if fig.irr_bound == "above":
            return Working(title, formula, ("more than 1,000 %",), notes=(
                "NPV reaches 0 only at a rate above 1,000 % a year: the benefits come so "
                "early or so large against the outlay that the return is shown as "
                "“> 1,000 %”.",))
        if fig.irr_bound == "below":
            return Working(title, formula, ("less than −99 %",), notes=(
                "NPV reaches 0 only at a rate below −99 % a year: almost all of the outlay "
                "is lost; shown as “< −99 %”.",))
        return Working(title, formula, ("none",), notes=(irr_dash_reason(fig),))
    check = finance.npv(fig.irr, flows)
    notes = ["Found by solving for r; the check puts the rate back into the NPV formula."]
    candidates = finance.irr_candidates(flows)
    if len(candidates) > 1:
        listed = ", ".join(_pct(r * 100, number, 2) for r in candidates)
        notes.append(
            f"Several rates bring NPV to 0 ({listed}) because the cash flows change sign more "
            "than once; the one closest to 0 is shown."
        )
    rate = _pct(fig.irr * 100, number, 2)
    return Working(
        title,
        formula,
        (rate,),
        notes=tuple(notes),
        check=(
            f"Check: NPV at {rate} = {_signed_sum(_discounted_terms(flows, fig.irr, number))} "
            f"= {_neg(_pv(check, number))} ≈ 0"
        ),
    )


def _payback(
    fig: Figures,
    flows: Sequence[float],
    result: float | None,
    discounted: bool,
    number: NumberFormat,
) -> Working:
    name = "Discounted payback" if discounted else "Payback"
    title = f"{name} period, {_scenario(fig)}"
    flow_name = "discounted cash flow" if discounted else "cash flow"
    formula = (
        f"{name} = (t − 1) + (−cumulative(t − 1) / {flow_name}(t)), for the first year t in "
        "which the cumulative cash flow is no longer negative"
    )
    cumulative = list(accumulate(flows))
    fmt = _signed_pv if discounted else _signed_money
    rows = [[fmt(v, number), fmt(c, number)] for v, c in zip(flows, cumulative, strict=True)]
    if discounted:
        rows = [
            [_signed_money(raw, number), *row]
            for raw, row in zip(fig.cash_flows, rows, strict=True)
        ]
        header: tuple[str, ...] = ("Year", "Cash flow", "Discounted", "Cumulative")
    else:
        header = ("Year", "Cash flow", "Cumulative")
    table = _year_table(header, rows)
    notes = _rate_notes(fig, number) if discounted else ()
    if flow_warning(fig):
        notes = (*notes, flow_warning(fig))
    if not flows or result is None:
        last = fmt(cumulative[-1], number) if cumulative else "0"
        return Working(title, formula, ("never, within the option's life",), table, (
            f"The cumulative {flow_name} is still {last} at the end of the "
            f"{fig.life_years}-year life.", *notes))
    if cumulative[0] >= 0:
        return Working(title, formula, ("in year 0 (no net outlay)",), table, (
            f"The cumulative {flow_name} is not negative in year 0: the benefits cover the "
            "costs from the start.", *notes))
    turn = next(t for t, c in enumerate(cumulative) if c >= 0)
    before, flow = cumulative[turn - 1], flows[turn]
    return Working(
        title,
        formula,
        (
            f"({turn} − 1) + ({fmt(-before, number)} / {fmt(flow, number)})",
            f"{_years(result, number)}",
        ),
        table,
        (
            f"The cumulative {flow_name} turns from {fmt(before, number)} at the end of year "
            f"{turn - 1} to {fmt(cumulative[turn], number)} in year {turn}; the fraction says "
            "how far into that year it crosses 0.",
            *notes,
        ),
    )


def _years(value: float, number: NumberFormat) -> str:
    text = trimmed(value, 2, number)
    return f"{text} year" if text == "1" else f"{text} years"


def payback_working(fig: Figures, number: NumberFormat = plain_number) -> Working:
    """The cumulative cash flows, the year they turn, and the interpolation."""
    return _payback(fig, fig.cash_flows, fig.payback_years, False, number)


def discounted_payback_working(fig: Figures, number: NumberFormat = plain_number) -> Working:
    """Payback on the cash flows discounted at the plan's rate."""
    base = 1 + fig.discount_rate
    flows = [v / base**t for t, v in enumerate(fig.cash_flows)]
    return _payback(fig, flows, fig.discounted_payback_years, True, number)


def verdict_working(comparison: Comparison, number: NumberFormat = plain_number) -> Working:
    """The numbers behind the options' verdict: TCO, up-front cost, NPV and payback."""
    columns = comparison.columns
    header = ("", *(c.name for c in columns))
    table = (
        header,
        ("Life", *(f"{c.life_years} years" for c in columns)),
        ("TCO", *(_money(c.tco_cents, number) for c in columns)),
        ("Up front (year 0)", *(_money(c.upfront_cents, number) for c in columns)),
        ("NPV", *(_pv(c.npv_cents, number) for c in columns)),
        ("Payback", *("never" if c.payback_years is None else _years(c.payback_years, number)
                      for c in columns)),
    )
    steps: list[str] = []
    subject = next((c for c in columns if c.chosen), columns[0] if columns else None)
    for other in columns:
        if subject is None or other is subject:
            continue
        steps.append(
            f"TCO difference: {_money(subject.tco_cents, number)} − "
            f"{_money(other.tco_cents, number)} = "
            f"{_signed_sum([_money(subject.tco_cents - other.tco_cents, number)])}"
        )
        steps.append(
            f"Up-front difference: {_money(subject.upfront_cents, number)} − "
            f"{_money(other.upfront_cents, number)} = "
            f"{_signed_sum([_money(subject.upfront_cents - other.upfront_cents, number)])}"
        )
    scenario = comparison.scenario
    return Working(
        title=f"Options compared, {scenario.value} scenario",
        formula=comparison.verdict,
        steps=(),
        details=tuple(steps),
        table=table,
        notes=(
            "TCO is each option's costs over its whole life; up front is its year-0 costs; "
            "NPV discounts each year's benefits − costs at the plan's rate.",
            *(() if scenario == Scenario.LIKELY else (
                "Costs and benefits are scaled by the scenario's factors.",)),
        ),
    )


#: The figures that have a working, in the order a figures panel shows them.
FIGURE_KEYS = ("tco", "tco_pv", "benefits", "roi", "npv", "irr", "payback", "discounted_payback")


def figure_working(
    key: str, fig: Figures, business: Business, number: NumberFormat = plain_number
) -> Working:
    """The working of one figure by its key (one of ``FIGURE_KEYS``)."""
    if key == "tco":
        return tco_working(fig, business, number)
    if key == "benefits":
        return benefits_working(fig, business, number)
    simple: dict[str, Callable[[Figures, NumberFormat], Working]] = {
        "tco_pv": tco_pv_working,
        "roi": roi_working,
        "npv": npv_working,
        "irr": irr_working,
        "payback": payback_working,
        "discounted_payback": discounted_payback_working,
    }
    if key not in simple:
        raise KeyError(key)
    return simple[key](fig, number)
