"""News for the reader only: index, filter choices and feeds hide what the reader may not open;
hostile filter values are explained, not fatal; listings cost a fixed number of queries."""

import datetime
import re
import xml.etree.ElementTree as ET

import pytest
from wagtail.models import Collection

from tests import factories
from tests.utils import (
    assert_query_budget,
    assert_shown_only_to_members,
    hostile_queries,
    page_text,
    restrict_collection_to_groups,
    restrict_page_to_groups,
)

ATOM = "{http://www.w3.org/2005/Atom}"
SECRET = "Décision confidentielle du comité"
REFUSED = "Certains filtres n’ont pas été appliqués"


@pytest.fixture
def news_index(sections):
    return sections["news.NewsIndexPage"]


@pytest.fixture
def secret_group(news_index):
    return factories.WorkingGroupPageFactory(title="Groupe des pilotes régionaux")


@pytest.fixture
def secret_news(news_index, committee, secret_group):
    """A news item restricted to the committee, alone with its tag, its year and its working group."""
    news = factories.NewsPageFactory(title=SECRET, date=datetime.date(2019, 5, 1), working_group=secret_group)
    news.tags.add("Budget confidentiel")
    news.save()
    restrict_page_to_groups(news, committee)
    factories.NewsPageFactory(title="Actualité pour tous", date=datetime.date(2025, 3, 1))
    return news


def options(response, name: str) -> list[str]:
    """The values offered by the <select name=…> of a filters bar."""
    select = re.search(rf'<select[^>]*name="{name}"[^>]*>(.*?)</select>', response.content.decode(), re.S)
    assert select, f"no select {name}"
    return [value for value in re.findall(r'<option value="([^"]*)"', select.group(1)) if value]


def feed_titles(response) -> list[str]:
    root = ET.fromstring(response.content)
    return [item.findtext("title") for item in root.iter("item")] + [
        entry.findtext(f"{ATOM}title") for entry in root.iter(f"{ATOM}entry")
    ]


def _rich_news(count: int, group=None):
    metier = factories.MetierFactory()
    for _ in range(count):
        news = factories.NewsPageFactory(metiers=[metier], working_group=group, author=factories.PersonFactory())
        news.tags.add("Prévention", "Réunions")
        news.save()


@pytest.mark.django_db
def test_news_index_hides_restricted_news(reader_client, member_client, secret_news, news_index):
    assert_shown_only_to_members(reader_client, member_client, news_index.url, SECRET)


@pytest.mark.django_db
def test_news_index_offers_no_choice_taken_from_restricted_news(
    reader_client, member_client, secret_news, secret_group, news_index
):
    outsider = reader_client.get(news_index.url)
    member = member_client.get(news_index.url)
    assert "budget-confidentiel" not in options(outsider, "tag")
    assert "budget-confidentiel" in options(member, "tag")
    assert "2019" not in options(outsider, "annee")
    assert options(member, "annee") == ["2025", "2019"]
    assert str(secret_group.pk) not in options(outsider, "groupe")
    assert str(secret_group.pk) in options(member, "groupe")
    assert "Groupe des pilotes régionaux" not in outsider.content.decode()


@pytest.mark.django_db
def test_a_restricted_news_tag_is_refused_like_an_unknown_one(reader_client, member_client, secret_news, news_index):
    outsider = reader_client.get(news_index.url + "?tag=budget-confidentiel")
    assert outsider.status_code == 200
    assert REFUSED in page_text(outsider)
    assert SECRET not in outsider.content.decode()
    member = page_text(member_client.get(news_index.url + "?tag=budget-confidentiel"))
    assert SECRET in member and "Actualité pour tous" not in member and REFUSED not in member


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/flux/actualites.rss", "/flux/actualites.atom", "/flux/actualites.rss?annee=2019"])
def test_feeds_hide_restricted_news(reader_client, member_client, secret_news, url):
    assert_shown_only_to_members(reader_client, member_client, url, SECRET)


@pytest.mark.django_db
def test_group_filtered_feed_hides_restricted_news(reader_client, member_client, secret_news, secret_group):
    url = f"/flux/actualites.atom?groupe={secret_group.pk}"
    assert_shown_only_to_members(reader_client, member_client, url, SECRET)
    assert feed_titles(member_client.get(url)) == [SECRET]
    assert feed_titles(reader_client.get(url)) == ["Actualité pour tous"]  # refused filter: ignored


@pytest.mark.django_db
def test_feeds_filter_by_tag_and_year_like_the_index(reader_client, news_index):
    tagged = factories.NewsPageFactory(title="Sur la vaccination", date=datetime.date(2024, 5, 1))
    tagged.tags.add("Vaccination")
    tagged.save()
    factories.NewsPageFactory(title="Autre sujet", date=datetime.date(2025, 5, 1))
    assert feed_titles(reader_client.get("/flux/actualites.rss?tag=vaccination")) == ["Sur la vaccination"]
    assert feed_titles(reader_client.get("/flux/actualites.atom?annee=2025")) == ["Autre sujet"]


@pytest.mark.django_db
def test_index_feed_links_keep_the_filters_that_apply(reader_client, news_index):
    factories.NewsPageFactory(title="Une actualité", date=datetime.date(2024, 5, 1))
    body = reader_client.get(news_index.url + "?annee=2024&tag=inconnu").content.decode()
    assert 'href="/mon-compte/flux/s-abonner/actualites/?annee=2024"' in body
    body = reader_client.get("/mon-compte/flux/s-abonner/actualites/?annee=2024&tag=inconnu").content.decode()
    assert '/actualites.rss?annee=2024"' in body
    assert '/actualites.atom?annee=2024"' in body
    assert 'href="/flux/actualites.rss?annee=2024"' in body


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/flux/actualites.rss", "/flux/actualites.atom"])
def test_feeds_survive_control_characters_in_stored_text(reader_client, news_index, url):
    news = factories.NewsPageFactory(
        title="Titre\x0bavec\x1fcontrôles", summary="Résumé\x0cpropre", author=factories.PersonFactory()
    )
    news.tags.add("Mot\x1fclé")
    news.save()
    response = reader_client.get(url)
    assert response.status_code == 200
    assert feed_titles(response) == ["Titreaveccontrôles"]
    assert "Résumépropre" in response.content.decode()


HOSTILE = hostile_queries("annee", "groupe", "tag", "metier") + ["?annee=-1", "?metier=" + "é" * 3000]


@pytest.mark.django_db
@pytest.mark.parametrize("query", HOSTILE)
def test_news_index_explains_hostile_filter_values(reader_client, news_index, query):
    factories.NewsPageFactory(title="Une actualité")
    response = reader_client.get(news_index.url + query + "&page=%00")
    assert response.status_code == 200
    text = page_text(response)
    assert REFUSED in text
    assert "Une actualité" in text


@pytest.mark.django_db
@pytest.mark.parametrize("query", HOSTILE)
def test_feeds_ignore_hostile_filter_values(reader_client, news_index, query):
    factories.NewsPageFactory(title="Une actualité")
    for feed in ("/flux/actualites.rss", "/flux/actualites.atom"):
        response = reader_client.get(feed + query)
        assert response.status_code == 200
        assert feed_titles(response) == ["Une actualité"]


@pytest.mark.django_db
def test_news_index_query_budget(reader_client, news_index):
    group = factories.WorkingGroupPageFactory()
    assert_query_budget(reader_client, news_index.url, lambda n: _rich_news(n, group))


@pytest.mark.django_db
def test_filtered_news_index_query_budget(reader_client, news_index):
    group = factories.WorkingGroupPageFactory()
    url = news_index.url + f"?groupe={group.pk}&tag=prevention&annee={datetime.date.today().year}"
    assert_query_budget(reader_client, url, lambda n: _rich_news(n, group))


@pytest.mark.django_db
def test_news_page_query_budget(reader_client, news_index):
    news = factories.NewsPageFactory(
        author=factories.PersonFactory(), working_group=factories.WorkingGroupPageFactory()
    )

    def add_items(count):
        for index in range(count):
            news.metiers.add(factories.MetierFactory())
            news.tags.add(f"Mot-clé {news.tags.count()} {index}")
        news.save()

    assert_query_budget(reader_client, news.url, add_items)


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/flux/actualites.rss", "/flux/actualites.atom"])
def test_feed_query_budget(reader_client, news_index, url):
    group = factories.WorkingGroupPageFactory()
    assert_query_budget(reader_client, url, lambda n: _rich_news(n, group))


@pytest.mark.django_db
def test_a_restricted_group_is_named_only_to_its_members(reader_client, member_client, committee, news_index):
    group = factories.WorkingGroupPageFactory(title="Cellule restreinte")
    restrict_page_to_groups(group, committee)
    news = factories.NewsPageFactory(title="Actualité ouverte", working_group=group)
    assert_shown_only_to_members(reader_client, member_client, news.url, "Cellule restreinte")
    assert_shown_only_to_members(reader_client, member_client, news_index.url, "Cellule restreinte")


@pytest.mark.django_db
def test_an_image_of_a_restricted_collection_is_shown_only_to_members(
    reader_client, member_client, committee, news_index
):
    folder = Collection.get_first_root_node().add_child(name="Photos du comité")
    restrict_collection_to_groups(folder, committee)
    image = factories.ImageFactory(title="Portrait du comité", collection=folder)
    news = factories.NewsPageFactory(title="Actualité illustrée", image=image)
    # The image's title is its alternative text: the reader outside the group sees neither.
    assert_shown_only_to_members(reader_client, member_client, news.url, "Portrait du comité")
    assert_shown_only_to_members(reader_client, member_client, news_index.url, "card__media")
