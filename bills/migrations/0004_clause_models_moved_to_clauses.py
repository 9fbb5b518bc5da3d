from django.db import migrations

MOVED = ["ClauseEvent", "ClauseSupport", "ClauseLink", "ClauseVersion", "Clause", "Print"]  # dependants first


class Migration(migrations.Migration):
    """Prints, clauses and what is derived about them now live in the clauses app
    (tracker/clauses), which took over their tables: the bills app lets go of them in its state
    only, after every foreign key in the state points at the clauses app."""

    dependencies = [
        ("bills", "0003_clause_evidence_contributions"),
        ("clauses", "0001_initial"),
        ("alerts", "0003_subscription_clause_moved"),
        ("events", "0005_changeevent_clause_moved"),
        ("hansard", "0003_mention_clause_moved"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[migrations.DeleteModel(name) for name in MOVED]),
    ]
