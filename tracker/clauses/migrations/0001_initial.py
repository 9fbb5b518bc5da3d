import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('amendments', '0002_sponsorship_added_by_hand'),
        ('bills', '0003_clause_evidence_contributions'),
        ('hansard', '0002_mention_clause'),
    ]

    # The models already exist as the bills app's tables: this takes them into the clauses
    # app's state only; 0002 renames the tables once nothing in the state points at bills.
    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[
            migrations.CreateModel(
                name='Clause',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('key', models.SlugField(max_length=200)),
                    ('kind', models.CharField(choices=[('clause', 'Clause'), ('schedule', 'Schedule')], max_length=16)),
                    ('position', models.PositiveIntegerField(default=0, help_text="order in the bill's clause lists")),
                    ('label', models.CharField(help_text='its latest number, e.g. "Clause 65", or "New clause"', max_length=300)),
                    ('heading', models.CharField(blank=True, help_text='its latest recorded heading', max_length=1000)),
                    ('status', models.CharField(blank=True, help_text='kind of its last status event', max_length=20)),
                    ('status_date', models.DateField(blank=True, null=True)),
                    ('supporters_count', models.PositiveIntegerField(default=0)),
                    ('opponents_count', models.PositiveIntegerField(default=0)),
                    ('stage_marks', models.JSONField(blank=True, default=dict, help_text='{bill stage id: [event kinds]}: the clause-by-stage matrix row')),
                    ('bill', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='clauses', to='bills.bill')),
                    ('proposed_by', models.ForeignKey(blank=True, help_text='the amendment that tabled it as a new clause or schedule', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='proposed_clauses', to='amendments.amendment')),
                    ('status_stage', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='bills.billstage')),
                    ('superseded_by', models.ForeignKey(blank=True, help_text='set when evidence showed this to be another clause: its address then leads there', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='clauses.clause')),
                ],
                options={
                    'db_table': 'bills_clause',
                    'ordering': ['bill', 'position', 'key'],
                },
            ),
            migrations.CreateModel(
                name='ClauseSupport',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('source_url', models.URLField(blank=True, help_text='e.g. the contribution on Hansard', max_length=1000)),
                    ('quote', models.TextField(blank=True, help_text='the words relied on, exactly as recorded')),
                    ('key', models.CharField(help_text='via, evidence and member: unique per clause', max_length=100)),
                    ('stance', models.CharField(choices=[('supports', 'Supports'), ('opposes', 'Opposes')], max_length=10)),
                    ('via', models.CharField(choices=[('sponsor', 'Put their name to an amendment'), ('vote', 'Voted in a division'), ('speech', 'Said so in debate')], max_length=10)),
                    ('members_api_id', models.IntegerField(blank=True, null=True)),
                    ('name', models.CharField(blank=True, help_text='as the evidence gives it', max_length=300)),
                    ('party_name', models.CharField(blank=True, help_text='as the evidence gives it; blank: not recorded', max_length=200)),
                    ('party_colour', models.CharField(blank=True, max_length=6)),
                    ('note', models.CharField(blank=True, max_length=500)),
                    ('amendment', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='amendments.amendment')),
                    ('clause', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='supports', to='clauses.clause')),
                    ('contribution', models.ForeignKey(blank=True, help_text='the speech relied on', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='hansard.contribution')),
                    ('division', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='amendments.division')),
                    ('member', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='bills.member')),
                ],
                options={
                    'db_table': 'bills_clausesupport',
                    'ordering': ['clause', 'stance', 'party_name', 'name'],
                },
            ),
            migrations.CreateModel(
                name='Print',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('key', models.SlugField(help_text='stable within the bill: "publication-<id>", "stage-<id>", "act"', max_length=100)),
                    ('position', models.PositiveIntegerField(help_text="order among the bill's prints, from 0")),
                    ('label', models.CharField(help_text='e.g. "As introduced", "As brought from the Lords"', max_length=300)),
                    ('source', models.CharField(choices=[('lawmaker_xml', 'LawMaker XML of the print'), ('reconstructed', 'Reconstructed from evidence: not a complete text')], max_length=20)),
                    ('evidence_note', models.TextField(blank=True, help_text='for a reconstructed print: what it is built from')),
                    ('text_url', models.URLField(blank=True, help_text='the LawMaker XML read', max_length=1000)),
                    ('content_hash', models.CharField(blank=True, help_text='SHA-256 of the XML last parsed', max_length=64)),
                    ('bill', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='prints', to='bills.bill')),
                    ('bill_stage', models.ForeignKey(blank=True, help_text='the stage this is the text for; the Act: the Royal Assent stage', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='prints', to='bills.billstage')),
                    ('publication', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='prints', to='bills.publication')),
                ],
                options={
                    'db_table': 'bills_print',
                    'ordering': ['bill', 'position'],
                },
            ),
            migrations.CreateModel(
                name='ClauseVersion',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('kind', models.CharField(choices=[('clause', 'Clause'), ('schedule', 'Schedule')], max_length=16)),
                    ('slot', models.CharField(help_text='its key in the print: the number, or "~<clause key>" when the number is not recorded', max_length=220)),
                    ('position', models.PositiveIntegerField(help_text='order in the print')),
                    ('number', models.CharField(blank=True, help_text='as printed; blank: not recorded', max_length=20)),
                    ('heading', models.CharField(blank=True, help_text='blank: not recorded', max_length=1000)),
                    ('part_number', models.CharField(blank=True, max_length=20)),
                    ('part_heading', models.CharField(blank=True, max_length=500)),
                    ('chapter_number', models.CharField(blank=True, max_length=20)),
                    ('chapter_heading', models.CharField(blank=True, max_length=500)),
                    ('text', models.TextField(blank=True, help_text='plain text as printed; blank: not recorded')),
                    ('first_page', models.PositiveIntegerField(blank=True, null=True)),
                    ('first_line', models.PositiveIntegerField(blank=True, null=True)),
                    ('last_page', models.PositiveIntegerField(blank=True, null=True)),
                    ('last_line', models.PositiveIntegerField(blank=True, null=True)),
                    ('source_guid', models.CharField(blank=True, help_text="LawMaker's GUID for the provision", max_length=100)),
                    ('reconstructed', models.BooleanField(default=False)),
                    ('evidence', models.TextField(blank=True, help_text='for a reconstructed version: what shows each field')),
                    ('clause', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='versions', to='clauses.clause')),
                    ('print', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='versions', to='clauses.print')),
                ],
                options={
                    'db_table': 'bills_clauseversion',
                    'ordering': ['print', 'kind', 'position'],
                },
            ),
            migrations.CreateModel(
                name='ClauseLink',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('source_url', models.URLField(blank=True, help_text='e.g. the contribution on Hansard', max_length=1000)),
                    ('quote', models.TextField(blank=True, help_text='the words relied on, exactly as recorded')),
                    ('key', models.CharField(help_text='older print, newer print, older and newer version ids', max_length=100)),
                    ('method', models.CharField(choices=[('source id', 'Same LawMaker GUID in both prints'), ('similarity', 'Heading and text similarity'), ('amendment', 'An agreed amendment inserted or left it out'), ('debate evidence', 'What was said in debate'), ('admin', 'Corrected by an admin')], max_length=20)),
                    ('confidence', models.FloatField(help_text='0 to 1')),
                    ('evidence', models.TextField(blank=True)),
                    ('amendment', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='amendments.amendment')),
                    ('bill', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='clause_links', to='bills.bill')),
                    ('contribution', models.ForeignKey(blank=True, help_text='the speech relied on', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='hansard.contribution')),
                    ('newer', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='links_from_older', to='clauses.clauseversion')),
                    ('older', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='links_to_newer', to='clauses.clauseversion')),
                    ('newer_print', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='clauses.print')),
                    ('older_print', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='clauses.print')),
                ],
                options={
                    'db_table': 'bills_clauselink',
                    'ordering': ['bill', 'older_print__position', 'pk'],
                },
            ),
            migrations.CreateModel(
                name='ClauseEvent',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('source_url', models.URLField(blank=True, help_text='e.g. the contribution on Hansard', max_length=1000)),
                    ('quote', models.TextField(blank=True, help_text='the words relied on, exactly as recorded')),
                    ('kind', models.CharField(choices=[('introduced', 'Introduced'), ('tabled', 'Tabled as a new clause'), ('inserted', 'Inserted'), ('not_inserted', 'Not inserted'), ('numbered', 'Numbered in a print'), ('amended', 'Amended'), ('stood_part', 'Stood part'), ('left_out', 'Left out'), ('restored', 'Restored'), ('agreed_both', 'Agreed by both Houses'), ('enacted', 'Enacted'), ('not_enacted', 'Not enacted')], max_length=20)),
                    ('evidence_key', models.CharField(max_length=100)),
                    ('sequence', models.PositiveIntegerField(help_text="order in the clause's history")),
                    ('date', models.DateField(blank=True, help_text='null: not recorded', null=True)),
                    ('confidence', models.FloatField(blank=True, help_text='below 1 when it rests on a rule over words', null=True)),
                    ('note', models.TextField(blank=True)),
                    ('amendment', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='amendments.amendment')),
                    ('bill_stage', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='bills.billstage')),
                    ('clause', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='events', to='clauses.clause')),
                    ('contribution', models.ForeignKey(blank=True, help_text='the speech relied on', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='hansard.contribution')),
                    ('division', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='amendments.division')),
                    ('ping_pong_item', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='amendments.pingpongitem')),
                    ('print', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='clauses.print')),
                ],
                options={
                    'db_table': 'bills_clauseevent',
                    'ordering': ['clause', 'sequence'],
                },
            ),
            migrations.AddConstraint(
                model_name='clause',
                constraint=models.UniqueConstraint(fields=('bill', 'key'), name='unique_clause_key'),
            ),
            migrations.AddConstraint(
                model_name='clausesupport',
                constraint=models.UniqueConstraint(fields=('clause', 'key'), name='unique_clause_support'),
            ),
            migrations.AddConstraint(
                model_name='print',
                constraint=models.UniqueConstraint(fields=('bill', 'key'), name='unique_print_key'),
            ),
            migrations.AddConstraint(
                model_name='clauseversion',
                constraint=models.UniqueConstraint(fields=('print', 'kind', 'slot'), name='unique_version_slot'),
            ),
            migrations.AddConstraint(
                model_name='clauselink',
                constraint=models.UniqueConstraint(fields=('bill', 'key'), name='unique_clause_link_key'),
            ),
            migrations.AddConstraint(
                model_name='clauseevent',
                constraint=models.UniqueConstraint(fields=('clause', 'evidence_key'), name='unique_clause_event'),
            ),
        ]),
    ]
