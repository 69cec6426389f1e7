"""The search report counts, per search and per day, the searches with results, those followed by a click on a
result and the « Vouliez-vous dire » suggestions followed (search.services.reporting)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("portal_search", "0008_synonym_broader_terms"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchdailycount",
            name="clicked_searches",
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddField(
            model_name="searchdailycount",
            name="suggestions_taken",
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddField(
            model_name="searchqueryrecord",
            name="clicked_searches",
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddField(
            model_name="searchqueryrecord",
            name="searches_with_results",
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddField(
            model_name="searchqueryrecord",
            name="suggestions_taken",
            field=models.PositiveIntegerField(default=0),
        ),
    ]
