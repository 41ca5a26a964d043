"""The PDF board pack (reportlab): takes a domain Plan, returns the PDF's bytes.

Uses only ``domain`` and ``analysis`` (no Qt, no SQL); every number comes from ``analysis``.
For File ▸ Export PDF… and ``smbplanner export``::

    from smbplanner.report import SECTIONS, ReportOptions, build_board_pack
    pdf = build_board_pack(plan, ReportOptions(sections=("cover", "summary"), paper="letter"),
                           progress=lambda step, steps, what: True)
"""

from smbplanner.report.builder import build_board_pack
from smbplanner.report.options import (
    DEFAULT_FOOTER,
    PAPERS,
    SECTIONS,
    ExportCancelled,
    ReportError,
    ReportOptions,
    parse_sections,
)

__all__ = [
    "DEFAULT_FOOTER",
    "PAPERS",
    "SECTIONS",
    "ExportCancelled",
    "ReportError",
    "ReportOptions",
    "build_board_pack",
    "parse_sections",
]
