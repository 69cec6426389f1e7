# Indicators get targets, dated values and a direction; steps may be abandoned.

import wagtail.fields
from django.db import migrations


def convert_indicators(apps, schema_editor):
    """Former free-text targets become a number (when the text holds one) and keep the text as label."""
    import json

    from projects.progress import convert_indicator

    def converted(stream):
        changed = False
        for block in stream or []:
            if block.get("type") == "indicator" and "values" not in (block.get("value") or {}):
                block["value"] = convert_indicator(block.get("value") or {})
                changed = True
        return changed

    WorkingGroupPage = apps.get_model("projects", "WorkingGroupPage")
    for page in WorkingGroupPage.objects.exclude(indicators=[]).only("pk", "indicators"):
        raw = [dict(block) for block in page.indicators.raw_data]
        if converted(raw):
            page.indicators = raw
            page.save(update_fields=["indicators"])

    # Drafts and history keep loading: revisions hold the indicators as a JSON string.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    content_type = ContentType.objects.filter(app_label="projects", model="workinggrouppage").first()
    if content_type is None:
        return
    for revision in Revision.objects.filter(content_type=content_type).iterator():
        text = revision.content.get("indicators")
        if not text:
            continue
        stream = json.loads(text) if isinstance(text, str) else text
        if converted(stream):
            revision.content["indicators"] = json.dumps(stream) if isinstance(text, str) else stream
            Revision.objects.filter(pk=revision.pk).update(content=revision.content)


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0003_needs_status_history"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AlterField(
            model_name="workinggrouppage",
            name="action_steps",
            field=wagtail.fields.StreamField(
                [("step", 4)],
                blank=True,
                block_lookup={
                    0: ("wagtail.blocks.CharBlock", (), {"label": "action", "max_length": 200}),
                    1: ("wagtail.blocks.TextBlock", (), {"label": "description", "required": False}),
                    2: ("wagtail.blocks.DateBlock", (), {"label": "échéance", "required": False}),
                    3: (
                        "wagtail.blocks.ChoiceBlock",
                        [],
                        {
                            "choices": [
                                ("todo", "À faire"),
                                ("doing", "En cours"),
                                ("done", "Réalisée"),
                                ("abandoned", "Abandonnée"),
                            ],
                            "label": "avancement",
                        },
                    ),
                    4: (
                        "wagtail.blocks.StructBlock",
                        [[("title", 0), ("description", 1), ("due", 2), ("state", 3)]],
                        {},
                    ),
                },
                verbose_name="actions et étapes",
            ),
        ),
        migrations.AlterField(
            model_name="workinggrouppage",
            name="indicators",
            field=wagtail.fields.StreamField(
                [("indicator", 12)],
                blank=True,
                block_lookup={
                    0: ("wagtail.blocks.CharBlock", (), {"label": "indicateur", "max_length": 200}),
                    1: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {
                            "help_text": "Par exemple « % », « personnes ».",
                            "label": "unité",
                            "max_length": 40,
                            "required": False,
                        },
                    ),
                    2: ("wagtail.blocks.DecimalBlock", (), {"label": "valeur de départ", "required": False}),
                    3: ("wagtail.blocks.DecimalBlock", (), {"label": "cible", "required": False}),
                    4: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {
                            "help_text": "La cible telle qu’on la formule.",
                            "label": "cible (en clair)",
                            "max_length": 200,
                            "required": False,
                        },
                    ),
                    5: ("wagtail.blocks.DateBlock", (), {"label": "échéance de la cible", "required": False}),
                    6: (
                        "wagtail.blocks.ChoiceBlock",
                        [],
                        {
                            "choices": [("increase", "Plus haut est mieux"), ("decrease", "Plus bas est mieux")],
                            "label": "sens",
                        },
                    ),
                    7: ("wagtail.blocks.DateBlock", (), {"label": "date"}),
                    8: ("wagtail.blocks.DecimalBlock", (), {"label": "valeur"}),
                    9: ("wagtail.blocks.CharBlock", (), {"label": "commentaire", "max_length": 300, "required": False}),
                    10: ("wagtail.blocks.StructBlock", [[("date", 7), ("value", 8), ("comment", 9)]], {}),
                    11: ("wagtail.blocks.ListBlock", (10,), {"default": [], "label": "valeurs mesurées"}),
                    12: (
                        "wagtail.blocks.StructBlock",
                        [
                            [
                                ("name", 0),
                                ("unit", 1),
                                ("baseline", 2),
                                ("target", 3),
                                ("target_label", 4),
                                ("target_date", 5),
                                ("direction", 6),
                                ("values", 11),
                            ]
                        ],
                        {},
                    ),
                },
                verbose_name="indicateurs d'évaluation",
            ),
        ),
        migrations.RunPython(convert_indicators, migrations.RunPython.noop),
    ]
