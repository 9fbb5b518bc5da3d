"""Moving the clause models into their own app (tracker/clauses) keeps every row.

The fixture is a database loaded from the bundled Procurement Bill snapshot under the schema
before the move, with a clause alert, a change event and an editor's override of a clause link
added (`manage.py dumpdata --natural-foreign`). The test builds that database with the models
of the time, migrates it forward and compares every row with what it held."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest
from django.apps import apps as current_apps
from django.core import serializers
from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor

FIXTURE = Path(__file__).parent / "fixtures" / "migrations" / "procurement-bill-before-layers.json"

# Each project app's last migration before the move; apps made since start from nothing.
BEFORE_THE_MOVE = {
    "scraping": "0001_initial",
    "events": "0004_clause_status_changed",
    "corrections": "0001_initial",
    "bills": "0003_clause_evidence_contributions",
    "amendments": "0002_sponsorship_added_by_hand",
    "alerts": "0002_clause_subscriptions",
    "hansard": "0002_mention_clause",
}
MOVED_TO_CLAUSES = {"clause", "clauseevent", "clauselink", "clausesupport", "clauseversion", "print"}
PROJECT_PACKAGES = ("tracker.", "bills", "amendments")


def _project_apps() -> list[str]:
    return [config.label for config in current_apps.get_app_configs()
            if config.name.startswith(PROJECT_PACKAGES) and (Path(config.path) / "migrations").is_dir()]


def _targets_before() -> list[tuple[str, str | None]]:
    return [(label, BEFORE_THE_MOVE.get(label)) for label in _project_apps()]


def _label_after(label: str) -> str:
    app, model = label.split(".")
    return f"clauses.{model}" if app == "bills" and model in MOVED_TO_CLAUSES else label


def _load(old_apps, rows: list[dict]) -> None:
    """Create each row with the models of the time, as loaddata would (raw: no defaults or
    auto_now applied), inside one transaction so foreign keys are checked at the end."""
    content_types = old_apps.get_model("contenttypes", "ContentType")
    with transaction.atomic():
        for row in rows:
            model = old_apps.get_model(row["model"])
            values, many = {"pk": row["pk"]}, {}
            for name, value in row["fields"].items():
                field = model._meta.get_field(name)
                if field.many_to_many:
                    many[name] = value
                elif field.remote_field and isinstance(value, list):  # a content type by natural key
                    values[field.attname] = content_types.objects.get_or_create(
                        app_label=value[0], model=value[1])[0].pk
                elif field.remote_field:
                    values[field.attname] = value
                else:
                    values[name] = field.to_python(value)
            obj = model(**values)
            obj.save_base(raw=True)
            for name, pks in many.items():
                getattr(obj, name).set(pks)


def _dump(labels: set[str]) -> dict[tuple[str, int], dict]:
    found = {}
    for label in labels:
        model = current_apps.get_model(label)
        for row in json.loads(serializers.serialize("json", model.objects.all(), use_natural_foreign_keys=True)):
            found[(row["model"], row["pk"])] = row["fields"]
    return found


@pytest.mark.django_db(transaction=True)
def test_every_row_of_a_loaded_database_survives_the_move_of_the_clause_models():
    rows = json.loads(FIXTURE.read_text())
    by_model = defaultdict(int)
    for row in rows:
        by_model[row["model"]] += 1
    assert by_model["bills.clause"] and by_model["bills.clauselink"] and by_model["corrections.override"]

    before = _targets_before()
    executor = MigrationExecutor(connection)
    try:
        executor.migrate(before)
        executor.loader.build_graph()
        _load(executor.loader.project_state([node for node in before if node[1]]).apps, rows)
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())

    expected = {(_label_after(row["model"]), row["pk"]): row["fields"] for row in rows}
    for fields in expected.values():
        if fields.get("content_type") == ["bills", "clauselink"]:
            fields["content_type"] = ["clauses", "clauselink"]
    found = _dump({label for label, _ in expected})
    assert found.keys() == expected.keys()
    # Every value the row held is kept (fields added since then start at their defaults).
    assert {key: {name: found[key][name] for name in fields} for key, fields in expected.items()} == expected


@pytest.mark.django_db(transaction=True)
def test_the_tables_take_the_clauses_app_names():
    tables = set(connection.introspection.table_names())
    assert {f"clauses_{model}" for model in MOVED_TO_CLAUSES} <= tables
    assert not {f"bills_{model}" for model in MOVED_TO_CLAUSES} & tables
