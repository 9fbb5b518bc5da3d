import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('alerts', '0002_clause_subscriptions'),
        ('clauses', '0001_initial'),
    ]

    # The clause models moved from bills to clauses, keeping their tables: only the state changes.
    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[
            migrations.AlterField(
                model_name='subscription',
                name='clause',
                field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='alert_subscriptions', to='clauses.clause'),
            ),
        ]),
    ]
