"""File ▸ Import… (``importdialog``: file, sheet, table, the column mapping and a preview of
every row before anything is written; the import is one undo step) and File ▸ Export
workbook… (``export``). The work is done by ``smbplanner.spreadsheets`` (Qt-free)."""
