"""The window's actions and menus, declared apart from the window (as Picard does)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

Key = QKeySequence.StandardKey


@dataclass
class Actions:
    new: QAction
    open: QAction
    open_sample: QAction
    recent_menu: QMenu
    take_snapshot: QAction
    save_as: QAction
    save_copy: QAction
    restore_backup: QAction
    export_pdf: QAction
    import_sheet: QAction
    export_workbook: QAction
    close: QAction
    quit: QAction
    undo: QAction
    redo: QAction
    history: QAction
    settings: QAction
    pages: list[QAction]
    themes: dict[str, QAction]
    check_file: QAction
    guide: QAction
    about: QAction

    def plan_actions(self) -> list[QAction]:
        """The actions that need an open plan."""
        return [self.take_snapshot, self.save_as, self.save_copy, self.restore_backup,
                self.check_file, self.export_pdf, self.import_sheet, self.export_workbook,
                self.close,
                self.history,
                self.settings, *self.pages]


def _action(
    window: QMainWindow, text: str, shortcut: Key | str | None = None, tip: str = ""
) -> QAction:
    action = QAction(text, window)
    if isinstance(shortcut, Key):
        action.setShortcuts(QKeySequence.keyBindings(shortcut))
    elif shortcut:
        action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setStatusTip(tip)
    return action


def build_actions(window: QMainWindow, page_titles: list[str]) -> Actions:
    tr = window.tr
    recent = QMenu(tr("Open &Recent"), window)
    actions = Actions(
        new=_action(window, tr("&New plan…"), Key.New, tr("Create a plan for a business")),
        open=_action(window, tr("&Open…"), Key.Open),
        open_sample=_action(window, tr("Open &sample plan")),
        recent_menu=recent,
        # every change is saved as it is made: what an owner may want is a version to
        # compare with later (Ctrl+S only says that all is saved; see MainWindow)
        take_snapshot=_action(window, tr("Ta&ke snapshot…"), tip=tr(
            "Keep the plan as it is now, named, to compare with later (Roadmap & budget ▸ "
            "Snapshots). Every change is already saved as you make it")),
        save_as=_action(window, tr("Save &As…"), Key.SaveAs),
        save_copy=_action(window, tr("Save a Cop&y…")),
        restore_backup=_action(window, tr("Res&tore from backup…"), tip=tr(
            "This plan's automatic backups: save one as a new plan or go back to it")),
        export_pdf=_action(window, tr("&Export PDF…"), "Ctrl+E",
                           tr("The board pack: a PDF of the whole plan for a board or a bank")),
        import_sheet=_action(window, tr("&Import…"), "Ctrl+I", tr(
            "Rows of a CSV, Excel or LibreOffice sheet into systems, budget, initiatives, …")),
        export_workbook=_action(window, tr("Export &workbook…"), tip=tr(
            "The plan as an Excel workbook (figures as formulas) or CSV files")),
        close=_action(window, tr("&Close plan"), Key.Close),
        quit=_action(window, tr("&Quit"), Key.Quit),
        undo=_action(window, tr("&Undo"), Key.Undo),
        redo=_action(window, tr("&Redo"), Key.Redo),
        history=_action(window, tr("Undo &History")),
        settings=_action(window, tr("Plan &Settings…"), Key.Preferences,
                         tr("Discount rate, scenario factors, horizon and currency")),
        # "&" in a page title is text ("Roadmap & budget"), not a menu mnemonic
        pages=[_action(window, title.replace("&", "&&"), f"Ctrl+{n}")
               for n, title in enumerate(page_titles, 1)],
        themes={"system": _action(window, tr("&System")), "light": _action(window, tr("&Light")),
                "dark": _action(window, tr("&Dark"))},
        check_file=_action(window, tr("&Check plan file…"), tip=tr(
            "Check the file's integrity and the plan's consistency; changes nothing")),
        guide=_action(window, tr("&User guide"), Key.HelpContents,
                      tr("The phases, every figure and its formula, where your data lives")),
        about=_action(window, tr("&About SMB Planner")),
    )
    bar = window.menuBar()
    file_menu = bar.addMenu(tr("&File"))
    file_menu.addActions([actions.new, actions.open])
    file_menu.addMenu(recent)
    file_menu.addAction(actions.open_sample)
    file_menu.addSeparator()
    file_menu.addActions([actions.take_snapshot, actions.save_as, actions.save_copy])
    file_menu.addAction(actions.restore_backup)
    file_menu.addSeparator()
    file_menu.addAction(actions.export_pdf)
    file_menu.addActions([actions.import_sheet, actions.export_workbook])
    file_menu.addSeparator()
    file_menu.addActions([actions.close, actions.quit])
    edit_menu = bar.addMenu(tr("&Edit"))
    edit_menu.addActions([actions.undo, actions.redo])
    edit_menu.addSeparator()
    edit_menu.addAction(actions.history)
    edit_menu.addSeparator()
    edit_menu.addAction(actions.settings)
    view_menu = bar.addMenu(tr("&View"))
    view_menu.addActions(actions.pages)
    view_menu.addSeparator()
    theme_menu = view_menu.addMenu(tr("T&heme"))
    group = QActionGroup(window)
    for action in actions.themes.values():
        action.setCheckable(True)
        group.addAction(action)
        theme_menu.addAction(action)
    help_menu = bar.addMenu(tr("&Help"))
    help_menu.addAction(actions.guide)
    help_menu.addAction(actions.check_file)
    help_menu.addAction(actions.about)
    return actions
