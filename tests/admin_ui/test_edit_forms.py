"""Editors can open the add and edit forms of every page type and snippet in the Wagtail admin."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from home.services.site_tree import SECTIONS
from tests import factories

CHILD_TYPES = [
    ("projects.WorkingGroupIndexPage", "projects", "workinggrouppage"),
    ("projects.NeedsIndexPage", "projects", "needssheetpage"),
    ("news.NewsIndexPage", "news", "newspage"),
    ("events.EventIndexPage", "events", "eventpage"),
    ("knowledge.CaseStudyIndexPage", "knowledge", "casestudypage"),
    ("knowledge.ApproachIndexPage", "knowledge", "approachpage"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("section_label", "app_label", "model_name"), CHILD_TYPES)
def test_add_form_of_each_content_type_opens_in_french(admin_client, sections, section_label, app_label, model_name):
    parent = sections[section_label]
    response = admin_client.get(reverse("wagtailadmin_pages:add", args=[app_label, model_name, parent.pk]))
    assert response.status_code == 200
    assert "Enregistrer le brouillon" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "factory_class",
    [
        factories.WorkingGroupPageFactory,
        factories.MicroProjectPageFactory,
        factories.NeedsSheetPageFactory,
        factories.ServiceProjectPageFactory,
        factories.NewsPageFactory,
        factories.EventPageFactory,
        factories.CaseStudyPageFactory,
        factories.ApproachPageFactory,
    ],
)
def test_edit_form_of_each_page_type_opens(admin_client, home, factory_class):
    page = factory_class()
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    assert escape(page.title) in response.content.decode()


@pytest.mark.django_db
def test_edit_forms_of_section_pages_open(admin_client, sections):
    for label in SECTIONS:
        response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[sections[label].pk]))
        assert response.status_code == 200, label


@pytest.mark.django_db
def test_group_edit_form_has_the_action_sheet_meetings_and_documents_tabs(admin_client, home):
    group = factories.WorkingGroupPageFactory()
    content = admin_client.get(reverse("wagtailadmin_pages:edit", args=[group.pk])).content.decode()
    for tab in ("Fiche action", "Réunions", "Documents", "Contexte / constat", "Indicateurs d&#x27;évaluation"):
        assert tab in content, tab


@pytest.mark.django_db
def test_directory_snippets_list_and_export(admin_client, home):
    person = factories.PersonFactory(last_name="Deleligne", first_name="Laura")
    listing = admin_client.get(reverse("wagtailsnippets_people_person:list"))
    assert listing.status_code == 200
    assert "Deleligne" in listing.content.decode()
    export = admin_client.get(reverse("wagtailsnippets_people_person:list") + "?export=csv")
    assert export.status_code == 200
    assert person.last_name in b"".join(export.streaming_content).decode()
    assert admin_client.get(reverse("wagtailsnippets_people_metier:list")).status_code == 200
