"""Everything Qt: application, main window, pages, models, undo commands, dialogs."""
