"""Invitation moves from the clinicians app to sharing, which owns everything a patient is
sent or sends (issue 22.4: no import cycle between the two apps). State only: the table
keeps its name (clinicians_invitation) and its rows."""

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import decisionaid.sharing.tokens


class Migration(migrations.Migration):
    dependencies = [
        ("clinicians", "0001_initial"),
        ("sharing", "0002_opening_pdf"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Invitation",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("public_id", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                        (
                            "token",
                            models.CharField(
                                default=decisionaid.sharing.tokens.new_invitation_token,
                                editable=False,
                                max_length=64,
                                unique=True,
                            ),
                        ),
                        ("label", models.CharField(max_length=80, verbose_name="label")),
                        ("practice_name", models.CharField(max_length=120, verbose_name="practice name")),
                        ("contact", models.CharField(max_length=200, verbose_name="how patients contact the practice")),
                        (
                            "region",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("US", "United States"),
                                    ("UK", "United Kingdom"),
                                    ("IE", "Ireland"),
                                    ("CA", "Canada"),
                                    ("AU", "Australia"),
                                    ("NZ", "New Zealand"),
                                    ("OTHER", "Somewhere else"),
                                ],
                                max_length=8,
                                verbose_name="region",
                            ),
                        ),
                        (
                            "not_offered",
                            models.JSONField(blank=True, default=list, verbose_name="options not offered here"),
                        ),
                        (
                            "session_fee",
                            models.DecimalField(
                                blank=True, decimal_places=2, max_digits=9, null=True, verbose_name="fee per session"
                            ),
                        ),
                        (
                            "wait_weeks",
                            models.PositiveSmallIntegerField(
                                blank=True, null=True, verbose_name="typical wait in weeks"
                            ),
                        ),
                        ("expires_on", models.DateField(verbose_name="last day it works")),
                        ("revoked_at", models.DateTimeField(blank=True, null=True)),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        (
                            "clinician",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="invitations",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "db_table": "clinicians_invitation",
                        "ordering": ["-created_at", "-id"],
                        "indexes": [
                            models.Index(fields=["clinician", "-created_at"], name="invitation_clinician_created")
                        ],
                        "constraints": [
                            models.CheckConstraint(
                                condition=models.Q(("session_fee__gte", 0)), name="invitation_fee_not_negative"
                            )
                        ],
                    },
                ),
                migrations.AlterField(
                    model_name="invitedanswers",
                    name="invitation",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="answer_sets", to="sharing.invitation"
                    ),
                ),
                migrations.AlterField(
                    model_name="sentsummary",
                    name="invitation",
                    field=models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="sent_summaries",
                        to="sharing.invitation",
                    ),
                ),
            ],
            database_operations=[],
        ),
    ]
