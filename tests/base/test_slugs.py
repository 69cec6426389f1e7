"""Inclusive writing marks separate words in slugs, for every page type, on the server and in the admin."""

import pytest

from base.models import StandardPage
from base.text import title_slug
from projects.services.needs import submit_needs_sheet
from tests import factories


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Réunion des infirmier·ères", "reunion-des-infirmier-eres"),
        ("Salarié•es et délégué‧es", "salarie-es-et-delegue-es"),
        ("Les salarié.e.s exposé⋅es", "les-salarie-e-s-expose-es"),
        ("Visite S.S.T. du site", "visite-sst-du-site"),
        ("Médecins du travail", "medecins-du-travail"),
    ],
)
def test_title_slug_separates_inclusive_writing(title, slug):
    assert title_slug(title) == slug


@pytest.mark.django_db
@pytest.mark.parametrize(
    "factory",
    ["NewsPageFactory", "EventPageFactory", "CaseStudyPageFactory", "ApproachPageFactory", "WorkingGroupPageFactory"],
)
def test_a_new_page_gets_the_separated_slug(sections, factory):
    page = getattr(factories, factory)(title="Rencontre des infirmier·ères", slug="")
    assert page.slug == "rencontre-des-infirmier-eres"


@pytest.mark.django_db
def test_a_standard_page_added_under_home_gets_it_and_siblings_are_numbered(home):
    first = home.add_child(instance=StandardPage(title="Les infirmier·ères"))
    second = home.add_child(instance=StandardPage(title="Les infirmier·ères"))
    assert first.slug == "les-infirmier-eres"
    assert second.slug == "les-infirmier-eres-2"


@pytest.mark.django_db
def test_a_slug_given_is_kept(sections):
    page = factories.NewsPageFactory(title="Les infirmier·ères", slug="choisi")
    assert page.slug == "choisi"


@pytest.mark.django_db
def test_the_admin_slug_field_separates_them_too(admin_client, sections):
    index = sections["news.NewsIndexPage"]
    body = admin_client.get(f"/admin/pages/add/news/newspage/{index.pk}/").content.decode()
    assert 'data-controller="w-slug"' in body
    assert "data-w-slug-formatters-value=" in body
    assert "u00b7" in body


@pytest.mark.django_db
def test_a_needs_sheet_submitted_from_the_site_gets_it(sections, reader):

    sheet = submit_needs_sheet(
        sections["projects.NeedsIndexPage"], reader, title="Besoin des infirmier·ères", need="Un outil."
    )
    assert sheet.slug == "besoin-des-infirmier-eres"
