# Content release 2026.3: one migration for all of this release's model changes.

import django.core.validators
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0002_region_emergency_sources"),
    ]

    operations = [
        migrations.AddField(
            model_name="source",
            name="label",
            field=models.CharField(default="", max_length=80),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="optionfact",
            name="brief",
            field=models.TextField(blank=True),
        ),
        # C1: the evidence grid (guideline stance, approximate cells) and the concerns' descriptions.
        migrations.AddField(
            model_name="concern",
            name="description",
            field=models.TextField(blank=True, help_text="Two or three plain sentences, each claim sourced."),
        ),
        migrations.AddField(
            model_name="concern",
            name="description_sources",
            field=models.ManyToManyField(blank=True, related_name="described_concerns", to="content.source"),
        ),
        migrations.AddField(
            model_name="evidence",
            name="approximate",
            field=models.BooleanField(default=False),
        ),
        migrations.AddField(
            model_name="evidence",
            name="guideline_for",
            field=models.CharField(
                blank=True, help_text='For whom it is suggested first, e.g. "for mild OCD".', max_length=80
            ),
        ),
        migrations.AddField(
            model_name="evidence",
            name="guideline_severity",
            field=models.CharField(
                blank=True,
                choices=[
                    ("less_severe", "Less severe low mood (PHQ-9 under 16)"),
                    ("more_severe", "More severe low mood (PHQ-9 16 or more)"),
                ],
                max_length=20,
            ),
        ),
        migrations.AddField(
            model_name="evidence",
            name="guideline_body",
            field=models.CharField(blank=True, help_text='Who wrote it, e.g. "NICE".', max_length=40),
        ),
        migrations.AddField(
            model_name="evidence",
            name="guideline_code",
            field=models.CharField(blank=True, help_text='Its code, e.g. "NG116".', max_length=40),
        ),
        migrations.AddField(
            model_name="evidence",
            name="guideline_position",
            field=models.CharField(
                blank=True,
                choices=[
                    ("first_line", "Suggested first"),
                    ("option", "One of the options offered"),
                    ("second_line", "Offered if first choices do not help or do not suit"),
                    ("not_recommended", "Advised against"),
                    ("not_covered", "Not named in the guideline"),
                ],
                max_length=20,
            ),
        ),
        migrations.AlterField(
            model_name="evidence",
            name="level",
            field=models.CharField(
                choices=[
                    ("strong", "Strong evidence"),
                    ("moderate", "Moderate evidence"),
                    ("limited", "Limited evidence"),
                    ("not_recommended", "Not recommended"),
                    ("insufficient", "Not enough research"),
                ],
                max_length=20,
            ),
        ),
        migrations.AddConstraint(
            model_name="evidence",
            constraint=models.CheckConstraint(
                condition=models.Q(guideline_body="", guideline_code="", guideline_position="")
                | (~models.Q(guideline_body="") & ~models.Q(guideline_code="") & ~models.Q(guideline_position="")),
                name="evidence_guideline_whole_or_blank",
            ),
        ),
        migrations.AddField(
            model_name="resource",
            name="phone",
            field=models.CharField(
                blank=True,
                help_text="What to dial, digits only (+ in front if needed), e.g. 116123. Blank if there is no phone line.",
                max_length=20,
                validators=[
                    django.core.validators.RegexValidator("^\\+?[0-9]+$", "Digits only, with + in front if needed.")
                ],
            ),
        ),
        migrations.AddField(
            model_name="resource",
            name="text_number",
            field=models.CharField(
                blank=True,
                help_text="Where to send a text, digits only, e.g. 741741. Blank if there is no text line.",
                max_length=20,
                validators=[
                    django.core.validators.RegexValidator("^\\+?[0-9]+$", "Digits only, with + in front if needed.")
                ],
            ),
        ),
        migrations.AddField(
            model_name="resource",
            name="text_keyword",
            field=models.CharField(
                blank=True,
                help_text="The word to send, e.g. HOME for 741741. Blank if any message will do.",
                max_length=20,
                validators=[
                    django.core.validators.RegexValidator("^[A-Za-z0-9]+$", "One word of letters or digits, no spaces.")
                ],
            ),
        ),
        # C2: costs by pattern of care, where to get each option, icon arrays, glossary, SURE items.
        migrations.CreateModel(
            name="Figure",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("code", models.SlugField(max_length=40, unique=True)),
                ("title", models.CharField(max_length=200)),
                ("outcome", models.CharField(help_text='What the count counts: "felt much better".', max_length=200)),
                ("time_frame", models.CharField(help_text='When it was measured: "After 12 weeks."', max_length=200)),
                ("people", models.CharField(help_text="Who was studied, in plain words.", max_length=200)),
                ("uncertainty", models.TextField()),
                ("order", models.PositiveSmallIntegerField(default=0)),
                ("reviewed_on", models.DateField()),
                ("concerns", models.ManyToManyField(blank=True, related_name="figures", to="content.concern")),
                ("options", models.ManyToManyField(related_name="figures", to="content.option")),
                (
                    "source",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT, related_name="figures", to="content.source"
                    ),
                ),
            ],
            options={
                "ordering": ["order", "code"],
            },
        ),
        migrations.CreateModel(
            name="GlossaryTerm",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("term", models.CharField(max_length=60, unique=True)),
                ("meaning", models.TextField()),
                ("order", models.PositiveSmallIntegerField(default=0)),
                ("reviewed_on", models.DateField()),
                ("sources", models.ManyToManyField(blank=True, related_name="glossary_terms", to="content.source")),
            ],
            options={
                "ordering": ["order", "term"],
            },
        ),
        migrations.CreateModel(
            name="SureItem",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("code", models.CharField(max_length=30, unique=True)),
                ("letter", models.CharField(max_length=1)),
                ("label", models.CharField(max_length=80)),
                ("question", models.CharField(max_length=200)),
                ("help", models.TextField()),
                ("order", models.PositiveSmallIntegerField(unique=True)),
                ("reviewed_on", models.DateField()),
                ("sources", models.ManyToManyField(related_name="sure_items", to="content.source")),
            ],
            options={
                "ordering": ["order"],
            },
        ),
        migrations.CreateModel(
            name="CostItem",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("sessions", "Therapy sessions"),
                            ("group_sessions", "Group sessions"),
                            ("visits", "Visits with a prescriber"),
                            ("medicine", "The medicine itself"),
                        ],
                        max_length=20,
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0)),
                ("count_low", models.PositiveSmallIntegerField(blank=True, null=True)),
                ("count_high", models.PositiveSmallIntegerField(blank=True, null=True)),
                ("amount_low", models.DecimalField(blank=True, decimal_places=2, max_digits=8, null=True)),
                ("amount_high", models.DecimalField(blank=True, decimal_places=2, max_digits=8, null=True)),
                ("text", models.TextField(help_text="What this figure counts, in plain words, shown with it.")),
                ("approximate", models.BooleanField(default=False)),
                ("reviewed_on", models.DateField()),
                (
                    "option",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="cost_items", to="content.option"
                    ),
                ),
                (
                    "region",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="cost_items",
                        to="content.region",
                    ),
                ),
                ("sources", models.ManyToManyField(blank=True, related_name="cost_items", to="content.source")),
            ],
            options={
                "ordering": ["option__order", "order", "id"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            ("count_low__isnull", True), ("count_high__gte", models.F("count_low")), _connector="OR"
                        ),
                        name="cost_item_count_range",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("amount_low__isnull", True), ("amount_high__gte", models.F("amount_low")), _connector="OR"
                        ),
                        name="cost_item_amount_range",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="FigureGroup",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("label", models.CharField(help_text='Who they were: "People who had CBT".', max_length=120)),
                ("count", models.PositiveSmallIntegerField()),
                ("order", models.PositiveSmallIntegerField(default=0)),
                (
                    "figure",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="groups", to="content.figure"
                    ),
                ),
            ],
            options={
                "ordering": ["figure", "order", "id"],
                "constraints": [
                    models.CheckConstraint(condition=models.Q(("count__lte", 100)), name="figure_group_out_of_100")
                ],
            },
        ),
        migrations.CreateModel(
            name="OptionAccess",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("text", models.TextField()),
                ("reviewed_on", models.DateField()),
                (
                    "option",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="access", to="content.option"
                    ),
                ),
                (
                    "region",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="access", to="content.region"
                    ),
                ),
                ("sources", models.ManyToManyField(blank=True, related_name="access", to="content.source")),
            ],
            options={
                "verbose_name_plural": "option access",
                "ordering": ["option__order", "region"],
                "constraints": [
                    models.UniqueConstraint(fields=("option", "region"), name="one_access_per_option_region")
                ],
            },
        ),
    ]
