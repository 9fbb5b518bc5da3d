import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('bills', '0004_clause_models_moved_to_clauses'),
        ('clauses', '0002_tables_renamed'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='clause',
            name='ledger_summary',
            field=models.CharField(blank=True, help_text='who supports and opposes it, and what the count is made of', max_length=1000),
        ),
        migrations.AddField(
            model_name='clausesupport',
            name='date',
            field=models.DateField(blank=True, help_text='when: null when the evidence gives no date', null=True),
        ),
        migrations.AddField(
            model_name='clausesupport',
            name='method',
            field=models.CharField(blank=True, help_text='the rule that read it and its confidence', max_length=200),
        ),
        migrations.AlterField(
            model_name='clause',
            name='opponents_count',
            field=models.PositiveIntegerField(default=0, help_text='people whose evidence says they oppose it'),
        ),
        migrations.AlterField(
            model_name='clause',
            name='supporters_count',
            field=models.PositiveIntegerField(default=0, help_text='people whose evidence says they support it'),
        ),
        migrations.AlterField(
            model_name='clauseevent',
            name='kind',
            field=models.CharField(choices=[('introduced', 'Introduced'), ('tabled', 'Tabled as a new clause'), ('inserted', 'Inserted'), ('not_inserted', 'Not inserted'), ('numbered', 'Numbered in a print'), ('amended', 'Amended'), ('stood_part', 'Stood part'), ('left_out', 'Left out'), ('restored', 'Restored'), ('agreed_both', 'Agreed by both Houses'), ('enacted', 'Enacted'), ('not_enacted', 'Not enacted'), ('ping_pong', 'Named in a ping-pong motion')], max_length=20),
        ),
        migrations.AlterField(
            model_name='clausesupport',
            name='stance',
            field=models.CharField(choices=[('supports', 'Supports'), ('opposes', 'Opposes'), ('spoke', 'Spoke on it')], max_length=10),
        ),
        migrations.AlterField(
            model_name='clausesupport',
            name='via',
            field=models.CharField(choices=[('sponsor', 'Put their name to an amendment'), ('vote', 'Voted in a division'), ('speech', 'Said so in debate'), ('account', "Recorded in a cited account (an editor's entry)"), ('decision', 'Decided by the committee or House, members not recorded')], max_length=10),
        ),
        migrations.CreateModel(
            name='AccountEntry',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('clause_key', models.SlugField(help_text="the clause's key, as in its address", max_length=200)),
                ('key', models.SlugField(help_text='unique per bill: loading the same entry again updates it', max_length=100)),
                ('members_api_id', models.IntegerField(blank=True, help_text='the member, when the tracker knows them', null=True)),
                ('name', models.CharField(help_text='as the account names them', max_length=300)),
                ('party_name', models.CharField(blank=True, help_text='as the account gives it; blank: not recorded', max_length=200)),
                ('stance', models.CharField(choices=[('supports', 'Supports'), ('opposes', 'Opposes'), ('spoke', 'Spoke on it (no side recorded)')], max_length=10)),
                ('quote', models.TextField(blank=True, help_text="the account's words, exactly")),
                ('said_on', models.DateField(blank=True, help_text='empty: the account gives no date (shown undated)', null=True)),
                ('citation', models.CharField(help_text="the source the account cites: its address, or the account's name for it when it has none", max_length=1000)),
                ('reason', models.TextField(help_text='what the account records and why it is entered: shown on the page')),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('bill', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='account_entries', to='bills.bill')),
                ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name_plural': 'account entries',
            },
        ),
        migrations.AddField(
            model_name='clausesupport',
            name='account_entry',
            field=models.ForeignKey(blank=True, help_text="the editor's entry it comes from", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='clauses.accountentry'),
        ),
        migrations.AddConstraint(
            model_name='accountentry',
            constraint=models.UniqueConstraint(fields=('bill', 'key'), name='unique_account_entry'),
        ),
    ]
