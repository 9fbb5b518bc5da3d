import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('clauses', '0001_initial'),
        ('events', '0004_clause_status_changed'),
    ]

    # The clause models moved from bills to clauses, keeping their tables: only the state changes.
    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[
            migrations.AlterField(
                model_name='changeevent',
                name='clause',
                field=models.ForeignKey(blank=True, help_text='the clause whose status changed', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='change_events', to='clauses.clause'),
            ),
        ]),
    ]
