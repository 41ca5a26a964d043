"""The search behind ``fit_budget.fit_to_budget`` (branch and bound, or the greedy heuristic)
and the sentence that explains each choice. The rules are in ``fit_budget``'s module doc."""

from __future__ import annotations

from smbplanner.analysis.budget_text import year_list
from smbplanner.analysis.fit_budget import (
    EXACT_LIMIT,
    Choice,
    FitProblem,
    FitProposal,
    FitValue,
    Verdict,
    YearFit,
    money_text,
    start_text,
)
from smbplanner.domain.enums import InitiativeStatus

Starts = list[int | None]
Score = tuple[float, int, int, int]
#: A safety net for the app: a search that visits more nodes than this stops with the best
#: proposal found so far, reported as not proven best (never reached in tests or benchmarks).
NODE_LIMIT = 3_000_000


def start_in(p: FitProblem, k: int, year: int, starts: Starts) -> int | None:
    """Candidate k's start in ``year`` given the starts decided so far; None if its
    prerequisites are not (or not yet) funded, or push it out of the year."""
    need = p.fixed_need[k]
    if need is None:
        return None
    for q in p.prereqs[k]:
        s = starts[q]
        if s is None:
            return None
        need = max(need, s + p.cands[q].duration_quarters)
    start = max(year * 4 + p.cands[k].start_quarter - 1, need)
    return start if start // 4 == year else None


def fits(p: FitProblem, k: int, year: int, room: dict[int, int]) -> bool:
    return all(cents <= room[year + t] for t, cents in enumerate(p.costs[k])
               if year + t in room)


def take(p: FitProblem, k: int, year: int, room: dict[int, int], sign: int) -> None:
    for t, cents in enumerate(p.costs[k]):
        if year + t in room:
            room[year + t] += sign * cents


def score(p: FitProblem, starts: Starts) -> Score:
    funded = [k for k, s in enumerate(starts) if s is not None]
    return (
        sum(p.values[k] for k in funded),
        len(funded),
        sum(1 for k in funded if starts[k] == p.cands[k].start_index),
        -sum(abs((starts[k] or 0) - p.cands[k].start_index) for k in funded),
    )


def greedy(p: FitProblem) -> Starts:
    """Each candidate in turn (the topological priority order) at its first start that fits,
    unless its priority is negative."""
    room = dict(p.room)
    starts: Starts = [None] * len(p.cands)
    for k in range(len(p.cands)):
        if p.priority[k] < 0:
            continue
        for year in p.options[k]:
            s = start_in(p, k, year, starts)
            if s is not None and fits(p, k, year, room):
                take(p, k, year, room, -1)
                starts[k] = s
                break
    return starts


def search(p: FitProblem) -> tuple[Starts, bool]:
    """The starts (quarter index, None = not funded) per candidate, and whether proven best."""
    first = greedy(p)
    n = len(p.cands)
    if n > EXACT_LIMIT:
        return first, False
    best: list[object] = [score(p, first), first]
    # the bound counts only candidates that fit some year on their own (room of fixed spend)
    able = [not p.blocker[k] and any(fits(p, k, y, p.room) for y in p.options[k])
            for k in range(n)]
    suffix = [0.0] * (n + 1)
    count = [0] * (n + 1)
    for k in reversed(range(n)):
        suffix[k] = suffix[k + 1] + (max(0.0, p.values[k]) if able[k] else 0.0)
        count[k] = count[k + 1] + able[k]
    starts: Starts = [None] * n
    room = dict(p.room)
    nodes = [0]

    def visit(k: int, value: float, funded: int, kept: int, moved: int) -> None:
        bound: Score = (value + suffix[k], funded + count[k], kept + count[k], -moved)
        nodes[0] += 1
        if bound <= best[0] or nodes[0] > NODE_LIMIT:  # type: ignore[operator]
            return
        if k == n:
            best[0], best[1] = bound, list(starts)
            return
        old = p.cands[k].start_index
        for year in p.options[k]:
            s = start_in(p, k, year, starts)
            if s is None or not fits(p, k, year, room):
                continue
            take(p, k, year, room, -1)
            starts[k] = s
            visit(k + 1, value + p.values[k], funded + 1, kept + (s == old),
                  moved + abs(s - old))
            take(p, k, year, room, +1)
        starts[k] = None
        visit(k + 1, value, funded, kept, moved)

    visit(0, 0.0, 0, 0, 0)
    result = best[1]
    assert isinstance(result, list)
    return result, nodes[0] <= NODE_LIMIT


def _spend(p: FitProblem, k: int, year: int) -> dict[int, int]:
    return {year + t: c for t, c in enumerate(p.costs[k]) if year + t in p.envelopes and c}


def _over(p: FitProblem, k: int, year: int, after: dict[int, int]) -> tuple[int, int] | None:
    """The first budgeted year (and by how much) the Change budget would be exceeded if
    candidate k were added in ``year`` to the spend ``after``."""
    for y, cents in sorted(_spend(p, k, year).items()):
        excess = after[y] + cents - p.envelopes[y]
        if excess > 0:
            return y, excess
    return None


def _closed(p: FitProblem, k: int, year: int) -> int | None:
    """The first year without a budget in which candidate k would spend if started in
    ``year`` (None when there is none)."""
    return next((year + t for t, cents in enumerate(p.costs[k])
                 if cents and year + t in p.closed), None)


def _why_not_there(p: FitProblem, k: int, starts: Starts, after: dict[int, int]) -> str:
    """Why candidate k cannot be at its current start, given everything else ("" if it can)."""
    c = p.cands[k]
    for q in p.prereqs[k]:
        s = starts[q]
        if s is not None and s + p.cands[q].duration_quarters > c.start_index:
            end = s + p.cands[q].duration_quarters - 1
            return (f"its prerequisite '{p.cands[q].name}' ends in {start_text(end)}, "
                    "after its current start")
    if (p.fixed_need[k] or 0) > c.start_index:
        return f"a prerequisite ends in {start_text((p.fixed_need[k] or 0) - 1)}"
    closed = _closed(p, k, c.start_year)
    if closed is not None:
        return f"it would spend in {closed}, which has no budget (closed to new spend)"
    over = _over(p, k, c.start_year, after)
    if over is not None:
        year, excess = over
        return (f"the {year} change budget would be exceeded by "
                f"{money_text(excess, p.plan)}")
    return ""


def explain(p: FitProblem, starts: Starts, exact: bool) -> FitProposal:
    plan = p.plan
    after = dict(p.fixed_spend)
    before = dict(p.fixed_spend)
    for k, c in enumerate(p.cands):
        for y, cents in _spend(p, k, c.start_year).items():
            before[y] += cents
        s = starts[k]
        if s is not None:
            for y, cents in _spend(p, k, s // 4).items():
                after[y] += cents
    first, last = plan.business.start_year, plan.business.end_year
    by_id: dict[int | None, Choice] = {}
    for k, c in enumerate(p.cands):
        s = starts[k]
        if s is None:
            verdict, text = Verdict.NOT_FUNDED, _not_funded(p, k, starts, after, exact)
        else:
            mine = _spend(p, k, s // 4)
            others = {y: after[y] - mine.get(y, 0) for y in after}
            was_on_hold = c.status == InitiativeStatus.ON_HOLD
            if s == c.start_index:
                verdict = Verdict.KEPT
                text = f"kept in {start_text(s)}"
                if was_on_hold:
                    text = f"funded again in {start_text(s)} (it was on hold)"
            else:
                verdict = Verdict.DEFERRED if s > c.start_index else Verdict.BROUGHT_FORWARD
                verb = "deferred to" if s > c.start_index else "brought forward to"
                reason = _why_not_there(p, k, starts, others)
                text = f"{verb} {start_text(s)}: " + (
                    reason or "that leaves room in the change budget for other initiatives")
        by_id[c.id] = Choice(c.id or 0, c.name, verdict, p.values[k], c.start_index, s, text)
    choices = [by_id[i.id] for i in plan.initiatives if i.id in by_id]
    for i in plan.initiatives:
        if i.id in p.fixed:
            choices.append(Choice(i.id or 0, i.name, Verdict.FIXED, 0.0, i.start_index,
                                  i.start_index, f"not fitted: {p.fixed[i.id or 0]}"))
    notes = []
    if not p.envelopes:
        notes.append("No year has a change budget yet: add budget years on the Budget tab; "
                     "until then nothing limits the fit.")
    for y in sorted(p.envelopes):
        if p.fixed_spend[y] > p.envelopes[y]:
            notes.append(
                f"{y}: initiatives that are not fitted already spend "
                f"{money_text(p.fixed_spend[y] - p.envelopes[y], plan)} more than the change "
                "budget; the fit adds nothing to that year.")
    if p.closed:
        notes.append(f"No budget is set for {year_list(p.closed)}: treated as closed, so "
                     "the fit moves no Change spend there. Add a budget for those years on "
                     "the Budget tab to let it.")
    if not exact:
        notes.append(f"More than {EXACT_LIMIT} initiatives to fit: this proposal is found by "
                     "a heuristic, good but not proven the best.")
    if not p.cands:
        notes.append(f"No Change initiative is proposed, approved or on hold between {first} "
                     f"and {last}: there is nothing to fit.")
    total = sum(p.values[k] for k, s in enumerate(starts) if s is not None)
    years = [YearFit(y, p.envelopes[y], before[y], after[y]) for y in sorted(p.envelopes)]
    status = {c.id or 0: c.status for c in p.cands}
    return FitProposal(p.kind, exact, total, choices, years, notes, status)


def _not_funded(p: FitProblem, k: int, starts: Starts, after: dict[int, int], exact: bool) -> str:
    if p.blocker[k]:
        return f"not funded: {p.blocker[k]}"
    for q in p.prereqs[k]:
        if starts[q] is None:
            return f"not funded: its prerequisite '{p.cands[q].name}' is not funded"
    if p.values[k] < 0:
        what = (f"its NPV (likely scenario) is {money_text(round(p.values[k]), p.plan)}"
                if p.kind == FitValue.NPV else f"its value is {p.values[k]:g} points")
        return f"not funded: {what}, so funding it would lower the total"
    first, last = p.plan.business.start_year, p.plan.business.end_year
    reason = _why_not_there(p, k, starts, after)
    if reason and "budget" in reason:
        return (f"not funded: at its current start {reason}, and no other start from "
                f"{first} to {last} fits")
    if not exact:
        return "not funded: left out to fund initiatives of higher priority"
    return (f"not funded: no start from {first} to {last} fits the change budget beside the "
            "initiatives of higher value")
