"""Spreadsheets in and out (issue 19), without Qt.

- ``reading``: a sheet of a CSV, XLSX, XLS or ODS file as rows of cell values (formulas as
  their cached values; CSV dialect and encoding sniffed), bounded in bytes and rows.
- ``cells``: one cell's text or value as money, a number, a year, a date, a percentage, a
  choice or a yes/no — or a one-line reason why not.
- ``targets``: one small declaration per table the owner can import into (systems, budget,
  initiatives, lines, goals, kpis, measurements, people): its columns, their synonyms, how a
  row becomes an entity and how the plan's entities become rows (the export uses the same
  declaration, so an exported workbook imports back).
- ``preview``: a sheet and a column mapping against the plan: parsed rows, refused rows
  (row, column, reason), rows matching an existing name (update or skip).
- ``importing``: the preview as ONE edit (``storage.edits``): one transaction, one undo step.
- ``workbook`` / ``csvout``: the plan as an XLSX workbook (one sheet per table and a Figures
  sheet with NPV and IRR as live formulas) and as one CSV per table.

openpyxl and python-calamine are imported only inside the functions that need them.
"""
