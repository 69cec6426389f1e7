"""The reviewer's comparison of a pilot's submission shows what the pilot changed, in French, and nothing else."""

import pytest
from django.urls import reverse
from wagtail.admin.compare import comparison_class_registry, text_from_html
from wagtail.admin.rich_text import DraftailRichTextArea

from base.rich_text import SHORT_FEATURES
from importer.markdown import to_rich_text
from projects.models import WorkingGroupPage
from tests import factories
from tests.utils import page_text

DELIVERABLES = (
    "- Fiche de liaison\n- Trame de visite de pré-reprise\n\nUn livret « Reprendre le travail »\nen deux parties."
)


def _indicator(direction: str, target_date: str) -> list[dict]:
    value = {
        "name": "Salariés accompagnés",
        "unit": "personnes",
        "baseline": None,
        "target": None,
        "target_label": "",
        "target_date": target_date,
        "direction": direction,
        "values": [],
    }
    return [{"type": "indicator", "value": value}]


@pytest.mark.django_db
def test_the_comparison_shows_choices_by_label_and_dates_in_french(officer_client, home):
    group = factories.WorkingGroupPageFactory(title="Maintien en emploi")
    group.indicators = _indicator("increase", "2026-06-30")
    before = group.save_revision()
    before.publish()
    group = WorkingGroupPage.objects.get(pk=group.pk)
    group.indicators = _indicator("decrease", "2026-12-01")
    after = group.save_revision()

    url = reverse("wagtailadmin_pages:revisions_compare", args=[group.pk, before.pk, after.pk])
    text = page_text(officer_client.get(url))
    assert "Plus bas est mieux" in text and "Plus haut est mieux" in text
    assert "decrease" not in text and "increase" not in text
    assert "1er décembre 2026" in text and "30 juin 2026" in text
    assert "2026-12-01" not in text


@pytest.mark.django_db
def test_keywords_in_another_order_are_not_a_change(home):
    group = factories.WorkingGroupPageFactory(title="Maintien en emploi")
    group.tags.add("Zèbre", "Absentéisme", "Maintien")
    before = group.save_revision().as_object()
    # What the editor's form does when the pilot saves without touching the keywords: set them again.
    group.tags.set(["Maintien", "Zèbre", "Absentéisme"])
    after = group.save_revision().as_object()
    field = WorkingGroupPage._meta.get_field("tags")
    comparison = comparison_class_registry.get(field)(field, before, after)
    assert not comparison.has_changed()
    after.tags.set(["Maintien", "Absentéisme"])
    assert comparison_class_registry.get(field)(field, before, after).has_changed()


def test_imported_rich_text_is_what_the_editor_saves():
    """Saving the page from the editor leaves an imported text as it is: the comparison sees no change."""
    stored = to_rich_text(DELIVERABLES)
    widget = DraftailRichTextArea(features=SHORT_FEATURES)
    saved = widget.value_from_datadict({"field": widget.format_value(stored)}, {}, "field")
    assert text_from_html(saved) == text_from_html(stored)
    assert "Un livret « Reprendre le travail » en deux parties." in text_from_html(stored)


@pytest.mark.django_db
def test_the_comparison_is_for_editors_only(client, reader_client, home):
    group = factories.WorkingGroupPageFactory(title="Maintien en emploi")
    first = group.save_revision()
    second = group.save_revision()
    url = reverse("wagtailadmin_pages:revisions_compare", args=[group.pk, first.pk, second.pk])
    for response in (client.get(url), reader_client.get(url)):
        assert response.status_code in (302, 403)
        assert "Maintien en emploi" not in response.content.decode()
