"""The migration operation that turns a length-capped column into a text column.

SQLite never enforces a declared length (a varchar holds text of any length), so there the
column is left as it is, and only the model state changes; PostgreSQL's column is altered.
Rebuilding the tables on SQLite would gain nothing and would leave foreign keys naming tables
by the names they had at that migration."""

from __future__ import annotations

from django.db import migrations


class AlterFieldToText(migrations.AlterField):
    """AlterField, whose database change is skipped on SQLite (see above)."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state) -> None:
        if schema_editor.connection.vendor != "sqlite":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state) -> None:
        if schema_editor.connection.vendor != "sqlite":
            super().database_backwards(app_label, schema_editor, from_state, to_state)
