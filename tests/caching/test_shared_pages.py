"""Pages, navigation and the home page served from the shared cache: cheaper on a second view, updated at
once on publish, unpublish, move, delete and privacy changes, and never showing a reader what is refused
to them."""

import pytest
from django.test import RequestFactory

from base.page_cache import shared_fragment
from tests import factories
from tests.utils import count_queries, page_text, restrict_page_to_groups


@pytest.fixture
def news_index(sections):
    return sections["news.NewsIndexPage"]


def nav_titles(response) -> list[str]:
    """The titles of the main navigation, as the reader sees them."""
    return [item.title for item in response.context["main_navigation"]]


def publish_title(page, title: str):
    page = page.specific
    page.title = title
    page.save_revision().publish()
    return page


@pytest.mark.django_db
def test_a_content_page_costs_fewer_queries_once_shared(reader_client, news_index):
    news = factories.NewsPageFactory(
        author=factories.PersonFactory(), working_group=factories.WorkingGroupPageFactory()
    )
    news.tags.add("Prévention")
    news.save()
    first = count_queries(reader_client, news.url)
    second = count_queries(reader_client, news.url)
    assert second < first
    # The session (read with the content version) and the reader's account, as on the bench's floor view: the route,
    # the restrictions, what the reader may see and the body come from the cache.
    assert second == 2, second


@pytest.mark.django_db
def test_a_published_change_shows_at_once(reader_client, news_index):
    news = factories.NewsPageFactory(title="Première version")
    home = news_index.get_parent()
    assert "Première version" in page_text(reader_client.get(news.url))
    assert "Première version" in page_text(reader_client.get(home.url))
    publish_title(news, "Seconde version")
    assert "Seconde version" in page_text(reader_client.get(news.url))
    home_text = page_text(reader_client.get(home.url))
    assert "Seconde version" in home_text and "Première version" not in home_text


@pytest.mark.django_db
def test_an_unpublished_section_leaves_the_navigation_at_once(reader_client, sections, news_index):
    assert "Actualités" in nav_titles(reader_client.get(news_index.get_parent().url))
    news_index.unpublish()
    assert "Actualités" not in nav_titles(reader_client.get(news_index.get_parent().url))


@pytest.mark.django_db
def test_moved_and_deleted_pages_leave_the_navigation_at_once(reader_client, home):
    first = factories.StandardPageFactory(parent=home, title="Informations pratiques", show_in_menus=True)
    second = factories.StandardPageFactory(parent=home, title="Aide", show_in_menus=True)
    assert {"Informations pratiques", "Aide"} <= set(nav_titles(reader_client.get(home.url)))
    first.move(second, pos="last-child")
    titles = nav_titles(reader_client.get(home.url))
    assert "Informations pratiques" not in titles and "Aide" in titles
    second.delete()
    assert "Aide" not in nav_titles(reader_client.get(home.url))


@pytest.mark.django_db
def test_a_page_made_private_disappears_at_once_for_others_only(reader_client, member_client, committee, sections):
    home = sections["news.NewsIndexPage"].get_parent()
    section = factories.StandardPageFactory(parent=home, title="Espace du comité", show_in_menus=True)
    news = factories.NewsPageFactory(title="Compte rendu du comité")
    # Both readers warm the shared caches (navigation, home news) first.
    for client in (reader_client, member_client):
        response = client.get(home.url)
        assert "Espace du comité" in nav_titles(response)
        assert "Compte rendu du comité" in page_text(response)
    restrict_page_to_groups(section, committee)
    restrict_page_to_groups(news, committee)
    outsider = reader_client.get(home.url)
    assert "Espace du comité" not in nav_titles(outsider)
    assert "Compte rendu du comité" not in page_text(outsider)
    member = member_client.get(home.url)
    assert "Espace du comité" in nav_titles(member)
    assert "Compte rendu du comité" in page_text(member)


@pytest.mark.django_db
def test_a_restricted_fragment_never_reaches_a_non_member(reader_client, member_client, committee, news_index):
    """The member renders (and caches) a page linking to a restricted group; the outsider, next, sees none of it."""
    group = factories.WorkingGroupPageFactory(title="Groupe confidentiel des pilotes")
    restrict_page_to_groups(group, committee)
    news = factories.NewsPageFactory(title="Actualité du groupe", working_group=group)
    assert "Groupe confidentiel des pilotes" in page_text(member_client.get(news.url))
    outsider = page_text(reader_client.get(news.url))
    assert "Actualité du groupe" in outsider
    assert "Groupe confidentiel des pilotes" not in outsider


@pytest.mark.django_db
def test_joining_a_group_shows_its_pages_at_once(reader_client, reader, committee, home):
    section = factories.StandardPageFactory(parent=home, title="Espace du comité", show_in_menus=True)
    restrict_page_to_groups(section, committee)
    assert "Espace du comité" not in nav_titles(reader_client.get(home.url))
    reader.groups.add(committee)
    assert "Espace du comité" in nav_titles(reader_client.get(home.url))
    reader.groups.remove(committee)
    assert "Espace du comité" not in nav_titles(reader_client.get(home.url))


@pytest.mark.django_db
def test_a_page_restricted_after_being_served_is_refused_at_once(reader_client, member_client, committee, news_index):
    news = factories.NewsPageFactory(title="Note interne")
    # Both readers have opened it: its route and its (absent) restrictions are in the cache.
    for client in (reader_client, member_client):
        assert client.get(news.url).status_code == 200
    restrict_page_to_groups(news, committee)
    refused = reader_client.get(news.url)
    assert refused.status_code != 200 and "Note interne" not in page_text(refused)
    assert "Note interne" in page_text(member_client.get(news.url))


@pytest.mark.django_db
def test_a_deleted_group_no_longer_opens_its_pages(member_client, committee, news_index):
    news = factories.NewsPageFactory(title="Note du comité")
    restrict_page_to_groups(news, committee)
    assert "Note du comité" in page_text(member_client.get(news.url))
    assert "Note du comité" in page_text(member_client.get(news_index.url))
    committee.delete()
    assert member_client.get(news.url).status_code != 200
    assert "Note du comité" not in page_text(member_client.get(news_index.url))


@pytest.mark.django_db
def test_a_new_address_is_served_at_once_and_the_old_one_no_longer(reader_client, news_index):
    news = factories.NewsPageFactory(title="Calendrier des visites", slug="calendrier")
    old_url = news.url
    assert reader_client.get(old_url).status_code == 200
    news.slug = "calendrier-des-visites"
    news.save_revision().publish()
    news.refresh_from_db()
    assert reader_client.get(old_url).status_code == 404
    assert "Calendrier des visites" in page_text(reader_client.get(news.url))


@pytest.mark.django_db
def test_a_fragment_holding_a_form_token_is_never_stored(reader, client):
    client.force_login(reader)
    request = RequestFactory().get("/")
    request.user = reader
    request.session = client.session
    rendered = []

    def render(token):
        def inner():
            rendered.append(token)
            return f'<form><input name="csrfmiddlewaretoken" value="{token}"></form>'

        return inner

    assert "jeton-de-lina" in shared_fragment(request, "form", render("jeton-de-lina"))
    # A second reader of the same class gets a fresh render, never the first reader's token.
    assert "jeton-de-marc" in shared_fragment(request, "form", render("jeton-de-marc"))
    assert rendered == ["jeton-de-lina", "jeton-de-marc"]
    # Without a token, the fragment is rendered once and shared.
    assert shared_fragment(request, "plain", lambda: "<p>commun</p>") == "<p>commun</p>"
    assert shared_fragment(request, "plain", lambda: "<p>autre</p>") == "<p>commun</p>"


@pytest.mark.django_db
def test_the_home_page_costs_fewer_queries_once_shared(reader_client, sections):
    home = sections["news.NewsIndexPage"].get_parent()
    factories.NewsPageFactory.create_batch(3)
    factories.EventPageFactory.create_batch(3)
    first = count_queries(reader_client, home.url)
    second = count_queries(reader_client, home.url)
    assert second < first
    assert second <= 8, second
