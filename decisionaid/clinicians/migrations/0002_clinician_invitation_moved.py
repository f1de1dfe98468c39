"""Invitation now lives in the sharing app (its 0003 migration). State only: the table stays."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("clinicians", "0001_initial"),
        ("sharing", "0003_clinician_invitation_moved"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="Invitation")], database_operations=[]
        ),
    ]
