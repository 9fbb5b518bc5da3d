"""The full-text index of the search documents, in each database's own way.

PostgreSQL: a GIN index over `search_vector` (tracker.search.index writes the vectors).
SQLite: an FTS5 table over numbers, heading and body (Porter stems, accents folded), with
triggers that keep it in step with the rows. A later migration that makes Django rebuild the
table on SQLite must create the triggers again (this module's SQLITE_TRIGGERS)."""

from django.db import migrations

TABLE = "search_searchdocument"
FTS = f"{TABLE}_fts"
COLUMNS = "numbers, heading, body"

POSTGRESQL = [f"CREATE INDEX search_document_vector_gin ON {TABLE} USING gin (search_vector)"]
POSTGRESQL_REVERSE = ["DROP INDEX IF EXISTS search_document_vector_gin"]

SQLITE_TRIGGERS = [
    f"""CREATE TRIGGER {TABLE}_ai AFTER INSERT ON {TABLE} BEGIN
        INSERT INTO {FTS}(rowid, {COLUMNS}) VALUES (new.id, new.numbers, new.heading, new.body); END""",
    f"""CREATE TRIGGER {TABLE}_ad AFTER DELETE ON {TABLE} BEGIN
        INSERT INTO {FTS}({FTS}, rowid, {COLUMNS}) VALUES ('delete', old.id, old.numbers, old.heading, old.body); END""",
    f"""CREATE TRIGGER {TABLE}_au AFTER UPDATE ON {TABLE} BEGIN
        INSERT INTO {FTS}({FTS}, rowid, {COLUMNS}) VALUES ('delete', old.id, old.numbers, old.heading, old.body);
        INSERT INTO {FTS}(rowid, {COLUMNS}) VALUES (new.id, new.numbers, new.heading, new.body); END""",
]
SQLITE = [
    f"""CREATE VIRTUAL TABLE {FTS} USING fts5({COLUMNS}, content='{TABLE}', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2')""",
    *SQLITE_TRIGGERS,
    f"INSERT INTO {FTS}({FTS}) VALUES ('rebuild')",
]
SQLITE_REVERSE = [*(f"DROP TRIGGER IF EXISTS {TABLE}_{suffix}" for suffix in ("ai", "ad", "au")),
                  f"DROP TABLE IF EXISTS {FTS}"]


def _run(statements: dict[str, list[str]]):
    def run(apps, schema_editor) -> None:
        for statement in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)
    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(_run({"postgresql": POSTGRESQL, "sqlite": SQLITE}),
                             _run({"postgresql": POSTGRESQL_REVERSE, "sqlite": SQLITE_REVERSE})),
    ]
