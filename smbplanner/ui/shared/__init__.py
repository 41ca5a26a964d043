"""Widgets and table models shared by several pages and dialogs."""
