from django.db import migrations

# Wagtail creates the root collection as "Root": staff see it in every document and image form.
WAGTAIL_NAME, FRENCH_NAME = "Root", "Bibliothèque"


def rename_root(from_name, to_name):
    def rename(apps, schema_editor):
        Collection = apps.get_model("wagtailcore", "Collection")
        Collection.objects.filter(depth=1, name=from_name).update(name=to_name)

    return rename


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0004_text_status"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(rename_root(WAGTAIL_NAME, FRENCH_NAME), rename_root(FRENCH_NAME, WAGTAIL_NAME)),
    ]
