import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('clauses', '0001_initial'),
        ('hansard', '0002_mention_clause'),
    ]

    # The clause models moved from bills to clauses, keeping their tables: only the state changes.
    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[
            migrations.AlterField(
                model_name='mention',
                name='clause',
                field=models.ForeignKey(blank=True, help_text='the clause that number is in the print in force at the sitting; null: not linked', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='hansard_mentions', to='clauses.clause'),
            ),
        ]),
    ]
