"""The one visibility rule: restricted pages, documents and images, for readers in and out of a group."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from wagtail.models import BaseViewRestriction, Collection, Page, PageViewRestriction

from base.visibility import can_view_page, hidden_paths, visible_in_collections, visible_pages
from documents.models import PortalDocument
from news.models import NewsPage
from tests import factories
from tests.utils import restrict_collection_to_groups, restrict_page_to_groups


def _request(user, session=None):
    request = RequestFactory().get("/")
    request.user = user
    request.session = session if session is not None else {}
    return request


@pytest.fixture
def news_pair(sections):
    return factories.NewsPageFactory(title="Ouverte"), factories.NewsPageFactory(title="Réservée")


def titles(queryset):
    return sorted(queryset.values_list("title", flat=True))


def test_page_restricted_to_a_group_is_hidden_from_others_and_shown_to_members(
    news_pair, reader, committee_member, committee
):
    restrict_page_to_groups(news_pair[1], committee)
    assert titles(NewsPage.objects.visible_to(_request(reader))) == ["Ouverte"]
    assert titles(NewsPage.objects.visible_to(_request(committee_member))) == ["Ouverte", "Réservée"]
    # An account (e-mails, personal feeds) follows the same rule as a request.
    assert titles(NewsPage.objects.visible_to(reader)) == ["Ouverte"]
    assert titles(NewsPage.objects.visible_to(committee_member)) == ["Ouverte", "Réservée"]


def test_restriction_on_a_section_hides_everything_below_it(news_pair, sections, reader, committee):
    restrict_page_to_groups(sections["news.NewsIndexPage"], committee)
    assert titles(NewsPage.objects.visible_to(_request(reader))) == []
    visible = visible_pages(Page.objects.all(), _request(reader))
    assert not visible.filter(pk=sections["news.NewsIndexPage"].pk).exists()
    assert visible.filter(pk=sections["events.EventIndexPage"].pk).exists()


def test_superusers_see_group_restricted_pages(news_pair, administrator, committee):
    restrict_page_to_groups(news_pair[1], committee)
    assert "Réservée" in titles(NewsPage.objects.visible_to(_request(administrator)))


def test_password_restriction_is_passed_only_by_the_session_that_gave_the_password(news_pair, reader):
    restriction = PageViewRestriction.objects.create(
        page=news_pair[1], restriction_type=BaseViewRestriction.PASSWORD, password="secret"
    )
    assert titles(NewsPage.objects.visible_to(_request(reader))) == ["Ouverte"]
    session = {restriction.passed_view_restrictions_session_key: [restriction.pk]}
    assert titles(NewsPage.objects.visible_to(_request(reader, session))) == ["Ouverte", "Réservée"]


def test_login_restriction_hides_pages_from_anonymous_readers_only(news_pair, reader):
    PageViewRestriction.objects.create(page=news_pair[1], restriction_type=BaseViewRestriction.LOGIN)
    assert titles(NewsPage.objects.visible_to(_request(AnonymousUser()))) == ["Ouverte"]
    assert titles(NewsPage.objects.visible_to(_request(reader))) == ["Ouverte", "Réservée"]


def test_drafts_are_never_visible(news_pair, committee_member):
    news_pair[0].unpublish()
    assert titles(NewsPage.objects.visible_to(_request(committee_member))) == ["Réservée"]


def test_documents_in_a_restricted_collection(db, reader, committee_member, committee):
    root = Collection.get_first_root_node()
    private = root.add_child(name="Comité")
    inner = private.add_child(name="Comptes rendus")
    PortalDocument.objects.create(title="Public", file="documents/a.txt", collection=root)
    PortalDocument.objects.create(title="Privé", file="documents/b.txt", collection=inner)
    restrict_collection_to_groups(private, committee)
    assert titles(visible_in_collections(PortalDocument.objects.all(), _request(reader))) == ["Public"]
    assert titles(PortalDocument.objects.visible_to(_request(committee_member))) == ["Privé", "Public"]


def test_the_rule_costs_one_query_per_request_whatever_the_number_of_restrictions(
    sections, reader, committee, django_assert_num_queries
):
    pages = [factories.NewsPageFactory(title=f"Réservée {n}") for n in range(12)]
    for page in pages:
        restrict_page_to_groups(page, committee)
    request = _request(reader)
    # The content version (the restrictions an account fails are kept under it), the restrictions the reader
    # fails, then the two listings.
    with django_assert_num_queries(4):
        assert list(visible_pages(NewsPage.objects.all(), request)) == []
        assert list(NewsPage.objects.visible_to(request)) == []
    assert len(hidden_paths(request, "page")) == 12
    assert not can_view_page(pages[0], request)


def test_served_page_restrictions_match_wagtail_for_pages_and_aliases(sections, committee):
    from wagtail.models import Page as WagtailPage

    index = sections["news.NewsIndexPage"]
    page = factories.NewsPageFactory(title="Sous une rubrique réservée")
    restriction = restrict_page_to_groups(index, committee)
    assert list(page.get_view_restrictions()) == [restriction]
    assert list(WagtailPage.get_view_restrictions(page)) == [restriction]
    # An alias of the restricted section answers with its source's restriction.
    alias = index.create_alias(parent=index.get_parent(), update_slug="actualites-bis")
    assert list(alias.specific.get_view_restrictions()) == [restriction]
    assert list(sections["events.EventIndexPage"].get_view_restrictions()) == []


def test_a_section_lists_by_default_its_child_pages_the_reader_may_see(sections, reader, committee):
    from base.models import SectionIndexPage

    index = sections["news.NewsIndexPage"]
    factories.NewsPageFactory(title="Ouverte")
    restrict_page_to_groups(factories.NewsPageFactory(title="Réservée"), committee)
    listed = SectionIndexPage.get_listing(index, _request(reader))
    assert [page.title for page in listed] == ["Ouverte"]
    assert isinstance(listed[0], NewsPage)
