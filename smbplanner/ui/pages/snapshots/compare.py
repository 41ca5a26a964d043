"""The comparison of two plans (``analysis.compare``) as readable HTML for a text browser."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication

from smbplanner.analysis.compare import PlanComparison
from smbplanner.analysis.timeline import quarter_label
from smbplanner.ui import fmt


def tr(text: str) -> str:
    return QCoreApplication.translate("SnapshotsCompare", text)


def _e(text: str) -> str:
    return html.escape(text)


def _delta(cents: int, currency: str) -> str:
    if cents == 0:
        return "—"
    sign = "+" if cents > 0 else ""
    return f"<b>{sign}{_e(fmt.money(cents, currency))}</b>"


def _count(n: int, one: str, many: str) -> str:
    return (one if n == 1 else many).format(fmt.number(n))


def comparison_html(result: PlanComparison, before: str, after: str, currency: str) -> str:
    """``before``/``after`` name the two versions, e.g. "‘Q1 review’" and "now"."""
    parts = [f"<h3>{_e(tr('What changed from {0} to {1}').format(before, after))}</h3>"]
    if result.unchanged:
        same = tr("Nothing has changed: same initiatives, dates, scores, costs and budget.")
        parts.append(f"<p>{_e(same)}</p>")
    summary = [
        _count(len(result.added), tr("{0} initiative added"), tr("{0} initiatives added")),
        _count(len(result.removed), tr("{0} removed"), tr("{0} removed")),
        _count(len(result.changed), tr("{0} changed"), tr("{0} changed")),
    ]
    parts.append(
        "<p>" + _e(", ".join(summary)) + ". "
        + _e(tr("Total cost of ownership {0} → {1}").format(
            fmt.money(result.tco_before_cents, currency),
            fmt.money(result.tco_after_cents, currency)))
        + f" ({_delta(result.tco_delta_cents, currency)}).</p>")
    if result.added:
        parts.append(f"<h4>{_e(tr('Added'))}</h4><ul>")
        parts.extend(
            f"<li>{_e(i.name)} — {_e(tr('starts {0}').format(quarter_label(i.start_index)))}"
            "</li>" for i in result.added)
        parts.append("</ul>")
    if result.removed:
        parts.append(f"<h4>{_e(tr('Removed'))}</h4><ul>")
        parts.extend(f"<li>{_e(i.name)}</li>" for i in result.removed)
        parts.append("</ul>")
    if result.changed:
        parts.append(f"<h4>{_e(tr('Changed'))}</h4><ul>")
        parts.extend(
            f"<li><b>{_e(c.name)}</b>: {_e('; '.join(c.changes))}</li>" for c in result.changed)
        parts.append("</ul>")
    if result.years:
        parts.append(f"<h4>{_e(tr('Budget and planned spend per year'))}</h4>")
        head = [tr("Year"), tr("Budget then"), tr("Budget now"), tr("Difference"),
                tr("Planned then"), tr("Planned now"), tr("Difference")]
        parts.append('<table cellspacing="0" cellpadding="3" border="0"><tr>'
                     + "".join(f'<th align="right">{_e(h)}</th>' for h in head) + "</tr>")
        for y in result.years:
            cells = [str(y.year), _e(fmt.money(y.budget_before_cents, currency)),
                     _e(fmt.money(y.budget_after_cents, currency)),
                     _delta(y.budget_delta_cents, currency),
                     _e(fmt.money(y.planned_before_cents, currency)),
                     _e(fmt.money(y.planned_after_cents, currency)),
                     _delta(y.planned_delta_cents, currency)]
            parts.append("<tr>" + "".join(f'<td align="right">{c}</td>' for c in cells)
                         + "</tr>")
        parts.append("</table>")
    return "\n".join(parts)
