"""The thesaurus receives the glossary of acronyms of occupational health (search/glossaries/sigles.tsv),
beside the entries it already has; `manage.py load_glossary` adds those a later glossary brings."""

from django.db import migrations

from search.glossary import missing_entries, read_glossary


def add_glossary(apps, schema_editor):
    Synonym = apps.get_model("portal_search", "Synonym")
    entries = missing_entries(read_glossary(), list(Synonym.objects.values_list("expressions", flat=True)))
    Synonym.objects.bulk_create([Synonym(expressions=entry.expressions, note=entry.note) for entry in entries])


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0006_search_spellings")]
    operations = [migrations.RunPython(add_glossary, migrations.RunPython.noop)]
