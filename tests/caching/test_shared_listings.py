"""Section listings and working group pages served from the shared cache: the same HTML for the readers of
one visibility class and one query string, cheaper on a second view, updated at once on publish and
unpublish, and never showing (or counting) what a reader may not open."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone

from tests import factories
from tests.utils import count_queries, page_text, restrict_page_to_groups


@pytest.fixture
def news_index(sections):
    return sections["news.NewsIndexPage"]


def stored_fragments(name: str) -> int:
    """How many entries of this shared fragment the (in-memory) test cache holds."""
    return sum(f"portal:shared:{name}:" in key for key in cache._cache)


def result_count(response) -> str:
    """The sentence counting the results ("3 actualités")."""
    text = response.content.decode()
    start = text.index(">", text.index('class="result-count"')) + 1
    return text[start : text.index("</p>", start)].strip()


# (a) Readers of different visibility classes ------------------------------------------------------------


@pytest.mark.django_db
def test_a_restricted_news_item_is_listed_and_counted_for_members_only(
    reader_client, member_client, committee, news_index
):
    factories.NewsPageFactory(title="Actualité pour tous")
    secret = factories.NewsPageFactory(title="Actualité du comité")
    restrict_page_to_groups(secret, committee)
    # The member renders (and stores) the listing first; the outsider, next, gets their own.
    member = member_client.get(news_index.url)
    assert "Actualité du comité" in page_text(member)
    assert result_count(member) == "2 actualités"
    outsider = reader_client.get(news_index.url)
    assert "Actualité du comité" not in page_text(outsider)
    assert result_count(outsider) == "1 actualité"
    # And the other way round, once both are cached.
    assert "Actualité du comité" in page_text(member_client.get(news_index.url))
    assert "Actualité du comité" not in page_text(reader_client.get(news_index.url))


@pytest.mark.django_db
def test_a_restricted_group_is_named_on_news_cards_and_offered_as_filter_to_members_only(
    reader_client, member_client, committee, news_index
):
    group = factories.WorkingGroupPageFactory(title="Groupe confidentiel des pilotes")
    restrict_page_to_groups(group, committee)
    factories.NewsPageFactory(title="Actualité du groupe", working_group=group)
    assert "Groupe confidentiel des pilotes" in page_text(member_client.get(news_index.url))
    outsider = page_text(reader_client.get(news_index.url))
    assert "Actualité du groupe" in outsider
    assert "Groupe confidentiel des pilotes" not in outsider


@pytest.mark.django_db
def test_a_restricted_group_page_shares_its_news_with_members_only(reader_client, member_client, committee, sections):
    group = factories.WorkingGroupPageFactory(title="Groupe ouvert")
    secret = factories.NewsPageFactory(title="Actualité réservée au comité", working_group=group)
    restrict_page_to_groups(secret, committee)
    factories.NewsPageFactory(title="Actualité publique du groupe", working_group=group)
    member = page_text(member_client.get(group.url))
    assert "Actualité réservée au comité" in member and "Actualité publique du groupe" in member
    outsider = page_text(reader_client.get(group.url))
    assert "Actualité réservée au comité" not in outsider
    assert "Actualité publique du groupe" in outsider


@pytest.mark.django_db
def test_a_restricted_group_stays_out_of_the_group_index_of_outsiders(
    reader_client, member_client, committee, sections
):
    index = sections["projects.WorkingGroupIndexPage"]
    factories.WorkingGroupPageFactory(title="Groupe ouvert")
    restrict_page_to_groups(factories.WorkingGroupPageFactory(title="Groupe du comité"), committee)
    assert "Groupe du comité" in page_text(member_client.get(index.url))
    outsider = reader_client.get(index.url)
    assert "Groupe du comité" not in page_text(outsider)
    assert result_count(outsider) == "1 groupe de travail"


@pytest.mark.django_db
def test_follow_buttons_stay_personal_on_shared_pages(reader_client, member_client, reader, sections):
    """The listing is shared, the follow button is not: one reader following never shows to another."""
    from participation.models import Follow

    group = factories.WorkingGroupPageFactory(title="Groupe suivi")
    member_client.get(group.url)  # the member renders and stores the shared parts first
    Follow.objects.create(user=reader, page=group)
    assert "Ne plus suivre" in page_text(reader_client.get(group.url))
    assert "Ne plus suivre" not in page_text(member_client.get(group.url))


# (b) Publishing and unpublishing --------------------------------------------------------------------------


@pytest.mark.django_db
def test_publishing_and_unpublishing_show_in_the_listing_at_once(reader_client, news_index):
    factories.NewsPageFactory(title="Première actualité")
    assert result_count(reader_client.get(news_index.url)) == "1 actualité"
    news = factories.NewsPageFactory(title="Nouvelle actualité", live=False)
    news.save_revision().publish()
    response = reader_client.get(news_index.url)
    assert "Nouvelle actualité" in page_text(response)
    assert result_count(response) == "2 actualités"
    news.refresh_from_db()
    news.unpublish()
    response = reader_client.get(news_index.url)
    assert "Nouvelle actualité" not in page_text(response)
    assert result_count(response) == "1 actualité"


@pytest.mark.django_db
def test_a_new_meeting_shows_on_the_group_page_at_once(reader_client, sections):
    group = factories.WorkingGroupPageFactory(title="Groupe")
    reader_client.get(group.url)
    factories.WorkingGroupMeetingFactory(page=group, title="Réunion de rentrée")
    group.save_revision().publish()
    assert "Réunion de rentrée" in page_text(reader_client.get(group.url))


# (c) A second identical request is cheaper ------------------------------------------------------------------


@pytest.mark.django_db
def test_the_news_index_costs_fewer_queries_once_shared(reader_client, news_index):
    group = factories.WorkingGroupPageFactory()
    factories.NewsPageFactory.create_batch(3, working_group=group)
    first = count_queries(reader_client, news_index.url)
    second = count_queries(reader_client, news_index.url)
    assert second < first
    # The session's user, the page, the reader's restrictions and follows: no listing query at all.
    assert second <= 5, second


@pytest.mark.django_db
@pytest.mark.parametrize(
    "label", ["events.EventIndexPage", "projects.WorkingGroupIndexPage", "knowledge.CaseStudyIndexPage"]
)
def test_other_listings_cost_fewer_queries_once_shared(reader_client, sections, label):
    factories.EventPageFactory.create_batch(2)
    factories.WorkingGroupPageFactory.create_batch(2)
    factories.CaseStudyPageFactory.create_batch(2)
    url = sections[label].url
    first = count_queries(reader_client, url)
    second = count_queries(reader_client, url)
    assert second < first
    assert second <= 5, (label, second)


@pytest.mark.django_db
def test_the_group_page_costs_fewer_queries_once_shared(reader_client, sections):
    group = factories.WorkingGroupPageFactory(referent=factories.PersonFactory())
    factories.WorkingGroupMemberFactory(page=group)
    factories.WorkingGroupMeetingFactory(page=group)
    factories.NewsPageFactory(working_group=group)
    first = count_queries(reader_client, group.url)
    second = count_queries(reader_client, group.url)
    assert second < first
    assert second <= 5, second


# (d) Query strings ---------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_filters_and_pages_get_fragments_of_their_own(reader_client, news_index):
    last_year = timezone.localdate().year - 1
    factories.NewsPageFactory(title="Actualité ancienne", date=datetime.date(last_year, 3, 1))
    factories.NewsPageFactory.create_batch(10)
    first_page = reader_client.get(news_index.url)
    assert result_count(first_page) == "11 actualités"
    assert "Actualité ancienne" not in page_text(first_page)  # the eleventh, on page 2
    second_page = reader_client.get(news_index.url + "?page=2")
    assert "Actualité ancienne" in page_text(second_page)
    filtered = reader_client.get(news_index.url + f"?annee={last_year}")
    assert result_count(filtered) == "1 actualité"
    assert "Actualité ancienne" in page_text(filtered)
    # Each answer stays the same once served from the cache.
    assert result_count(reader_client.get(news_index.url)) == "11 actualités"
    assert result_count(reader_client.get(news_index.url + f"?annee={last_year}")) == "1 actualité"
    assert stored_fragments("news-listing") == 3


@pytest.mark.django_db
def test_past_and_upcoming_events_get_fragments_of_their_own(reader_client, sections):
    agenda = sections["events.EventIndexPage"]
    factories.EventPageFactory(title="Réunion passée", start=timezone.now() - datetime.timedelta(days=3))
    factories.EventPageFactory(title="Réunion à venir")
    upcoming = page_text(reader_client.get(agenda.url))
    assert "Réunion à venir" in upcoming and "Réunion passée" not in upcoming
    past = page_text(reader_client.get(agenda.url + "?periode=passes"))
    assert "Réunion passée" in past and "Réunion à venir" not in past


# (e) Hostile query strings ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_long_query_string_answers_but_is_not_stored(reader_client, news_index):
    factories.NewsPageFactory(title="Actualité")
    hostile = news_index.url + "?tag=" + "x" * 600 + "&utm=" + "y" * 400
    for _ in range(2):
        response = reader_client.get(hostile)
        assert response.status_code == 200
        assert "Actualité" in page_text(response)
    assert stored_fragments("news-listing") == 0
    assert stored_fragments("section-header") == 0
    # An ordinary query string is kept.
    assert reader_client.get(news_index.url + "?page=1").status_code == 200
    assert stored_fragments("news-listing") == 1


@pytest.mark.django_db
def test_made_up_filters_and_pages_answer_but_are_never_stored(reader_client, news_index):
    factories.NewsPageFactory.create_batch(3)
    made_up = [
        "?tag=inconnu",
        "?metier=pas-un-metier",
        "?annee=%C2%B2",
        "?page=999",
        "?page=01",
        "?utm_source=courriel",
        "?annee=2026&annee=2025",
        "?groupe=99999999999999999999",
    ]
    for query in made_up:
        response = reader_client.get(news_index.url + query)
        assert response.status_code == 200, query
        assert result_count(response) in {"3 actualités", "0 actualité"}, query
    # Each made-up query string cost its rendering, none a cache entry.
    assert stored_fragments("news-listing") == 0
    assert stored_fragments("section-header") == 0


@pytest.mark.django_db
def test_one_choice_of_filters_is_one_entry_whatever_the_order_or_blank_fields(reader_client, news_index):
    this_year = timezone.localdate().year
    factories.NewsPageFactory(title="Actualité de l’année", date=datetime.date(this_year, 1, 15))
    # As the filter form sends it (every field, blank ones included), then as a link writes it.
    for query in (f"?metier=&tag=&groupe=&annee={this_year}", f"?annee={this_year}", f"?annee={this_year}&page=1"):
        response = reader_client.get(news_index.url + query)
        assert result_count(response) == "1 actualité", query
    assert stored_fragments("news-listing") == 1


@pytest.mark.django_db
def test_a_value_the_filters_refuse_is_never_served_the_listing_of_blank_filters(reader_client, news_index):
    """A value made of spaces is refused by the filters: it must not share the key of no value."""
    reader_client.get(news_index.url)
    for query in ("?annee=%20", "?annee=%0B"):
        response = reader_client.get(news_index.url + query)
        assert "Indiquez une année sur quatre chiffres" in page_text(response), query
