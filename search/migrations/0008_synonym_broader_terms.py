"""Thesaurus entries get broader terms, and the thesaurus receives the lexicon of occupational health
(search/glossaries/lexique.tsv): technical words, the everyday words staff use for them, their broader
terms. `manage.py load_glossary` adds those a later lexicon brings."""

from django.db import migrations, models

from search.glossary import missing_entries, read_lexicon


def add_lexicon(apps, schema_editor):
    Synonym = apps.get_model("portal_search", "Synonym")
    entries = missing_entries(read_lexicon(), list(Synonym.objects.values_list("expressions", flat=True)))
    Synonym.objects.bulk_create(
        [Synonym(expressions=entry.expressions, broader=entry.broader_expressions, note=entry.note) for entry in entries]
    )


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0007_glossary_of_acronyms")]

    operations = [
        migrations.AddField(
            model_name="synonym",
            name="broader",
            field=models.TextField(
                blank=True,
                help_text=(
                    "Facultatif, séparés par des virgules, par exemple : troubles respiratoires. Une recherche sur "
                    "l’une des expressions trouve aussi, plus bas dans les résultats, ce qui parle de ces termes ; "
                    "l’inverse n’est pas vrai."
                ),
                verbose_name="termes plus généraux",
            ),
        ),
        migrations.RunPython(add_lexicon, migrations.RunPython.noop),
    ]
