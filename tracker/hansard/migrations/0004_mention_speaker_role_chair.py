from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('hansard', '0003_mention_clause_moved'),
    ]

    operations = [
        migrations.AlterField(
            model_name='mention',
            name='speaker_role',
            field=models.CharField(blank=True, choices=[('mover', 'Mover (its lead sponsor)'), ('minister', 'Minister (a sponsor of the bill in this House)'), ('chair', 'The Chair or Speaker (takes no side)')], max_length=16),
        ),
    ]
