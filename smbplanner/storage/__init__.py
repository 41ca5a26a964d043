"""The plan file: schema, migrations, hardened open, lock, backups, load/save of domain objects
and JSON interchange. All SQL lives here."""
