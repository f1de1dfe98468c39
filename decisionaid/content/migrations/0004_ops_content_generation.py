from django.db import migrations, models


def first_row(apps, schema_editor):
    apps.get_model("content", "ContentGeneration").objects.get_or_create(pk=1)


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0003_release_2026_3"),
    ]

    operations = [
        migrations.CreateModel(
            name="ContentGeneration",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("number", models.PositiveBigIntegerField(default=0)),
            ],
        ),
        migrations.RunPython(first_row, migrations.RunPython.noop),
    ]
