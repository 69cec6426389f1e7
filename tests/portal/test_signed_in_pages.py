"""Signed-in staff read every page type; drafts and pages restricted to other groups stay out of reach."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page, get_page_models

from tests import factories
from tests.utils import is_redirect_to_sign_in, page_text, restrict_page_to_groups

DRAFTABLE = [
    factories.NewsPageFactory,
    factories.EventPageFactory,
    factories.WorkingGroupPageFactory,
    factories.MicroProjectPageFactory,
    factories.NeedsSheetPageFactory,
    factories.CaseStudyPageFactory,
    factories.ApproachPageFactory,
    factories.StandardPageFactory,
]


@pytest.mark.django_db
def test_every_page_type_renders_for_a_reader(reader_client, page_of_each_type):
    assert {m._meta.label for m in get_page_models() if m is not Page} <= set(page_of_each_type)
    failures = {}
    for label, page in page_of_each_type.items():
        response = reader_client.get(page.url)
        if response.status_code != 200 or page.title not in page_text(response):
            failures[label] = response.status_code
    assert failures == {}


@pytest.mark.django_db
def test_pages_are_french_and_carry_the_site_navigation(reader_client, page_of_each_type):
    response = reader_client.get(page_of_each_type["news.NewsPage"].url)
    content = response.content.decode()
    assert '<html lang="fr' in content
    for section in ("Actualités", "Agenda", "Groupes de travail"):
        assert section in page_text(response)


@pytest.mark.django_db
@pytest.mark.parametrize("factory_class", DRAFTABLE, ids=lambda f: f._meta.model.__name__)
def test_drafts_are_not_found_by_readers(reader_client, home, factory_class):
    draft = factory_class(title="Brouillon confidentiel", live=False)
    assert draft.url
    response = reader_client.get(draft.url)
    assert response.status_code == 404
    assert "Brouillon confidentiel" not in page_text(response)


@pytest.mark.django_db
def test_unpublishing_a_page_takes_it_away(reader_client, home):
    news = factories.NewsPageFactory(title="Actualité retirée")
    assert reader_client.get(news.url).status_code == 200
    url = news.url
    news.unpublish()
    assert reader_client.get(url).status_code == 404


@pytest.mark.django_db
def test_page_restricted_to_a_group_is_refused_to_readers_outside_it(reader_client, home):
    committee = Group.objects.create(name="Comité stratégique")
    news = factories.NewsPageFactory(title="Compte rendu du comité stratégique")
    restrict_page_to_groups(news, committee)

    response = reader_client.get(news.url)

    assert response.status_code != 200
    assert "Compte rendu du comité stratégique" not in page_text(response)
    assert is_redirect_to_sign_in(response, next_url=news.url)
    # The sign-in page opens (to change account) instead of bouncing back in a loop.
    assert reader_client.get(news.url, follow=True).status_code == 200


@pytest.mark.django_db
def test_page_restricted_to_a_group_is_shown_to_its_members(client, reader, home):
    committee = Group.objects.create(name="Comité stratégique")
    reader.groups.add(committee)
    client.force_login(reader)
    news = factories.NewsPageFactory(title="Compte rendu du comité stratégique")
    restrict_page_to_groups(news, committee)
    response = client.get(news.url)
    assert response.status_code == 200
    assert "Compte rendu du comité stratégique" in page_text(response)


@pytest.mark.django_db
def test_restriction_covers_the_pages_below(reader_client, home):
    committee = Group.objects.create(name="Comité stratégique")
    group = factories.WorkingGroupPageFactory(title="Groupe restreint")
    micro = factories.MicroProjectPageFactory(parent=group, title="Micro-projet restreint")
    restrict_page_to_groups(group, committee)
    response = reader_client.get(micro.url)
    assert response.status_code != 200
    assert "Micro-projet restreint" not in page_text(response)


@pytest.mark.django_db
def test_unknown_address_is_a_french_404_for_readers(reader_client, home):
    response = reader_client.get("/cette-page-n-existe-pas/")
    assert response.status_code == 404
    assert "introuvable" in page_text(response).lower()
