from django.db import migrations

MOVED = ["clause", "clauseevent", "clauselink", "clausesupport", "clauseversion", "print"]


def content_types_move(apps, schema_editor, *, source: str, target: str) -> None:
    """Keep what points at the moved models' content types (editors' overrides, permissions,
    admin history) pointing at them. A content type the target app already has (a database
    created after the move) takes over the source's references instead."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Override = apps.get_model("corrections", "Override")
    Permission = apps.get_model("auth", "Permission")
    for model in MOVED:
        old = ContentType.objects.filter(app_label=source, model=model).first()
        if old is None:
            continue
        new = ContentType.objects.filter(app_label=target, model=model).first()
        if new is None:
            old.app_label = target
            old.save(update_fields=["app_label"])
            continue
        Override.objects.filter(content_type=old).update(content_type=new)
        Permission.objects.filter(content_type=old).delete()
        old.delete()


def forwards(apps, schema_editor):
    content_types_move(apps, schema_editor, source="bills", target="clauses")


def backwards(apps, schema_editor):
    content_types_move(apps, schema_editor, source="clauses", target="bills")


class Migration(migrations.Migration):
    """The tables take the clauses app's names (clauses_clause, …); every row stays."""

    dependencies = [
        ("clauses", "0001_initial"),
        ("bills", "0004_clause_models_moved_to_clauses"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("corrections", "0001_initial"),
    ]

    operations = [
        *[migrations.AlterModelTable(name=model, table=None) for model in MOVED],
        migrations.RunPython(forwards, backwards),
    ]
