"""News pages and the news index with its filters."""

import datetime

import pytest

from home.services.site_tree import ensure_section
from tests import factories
from tests.utils import page_text


@pytest.fixture
def news_index(home):
    return ensure_section("news.NewsIndexPage")


@pytest.mark.django_db
def test_news_page_shows_date_in_french_author_body_and_audience(reader_client, home):
    medecin = factories.MetierFactory(name="Médecin du travail")
    news = factories.NewsPageFactory(
        title="Lancement des réunions d'information",
        date=datetime.date(2025, 3, 3),
        author=factories.PersonFactory(first_name="Laura", last_name="Deleligne"),
        metiers=[medecin],
        body=[("paragraph", "<p>Les réunions commencent à Arras.</p>")],
    )
    news.tags.add("Réunions")
    news.save()
    response = reader_client.get(news.url)
    assert response.status_code == 200
    text = page_text(response)
    assert "3 mars 2025" in text
    assert "Laura Deleligne" in text
    assert "Les réunions commencent à Arras." in text
    assert "Médecin du travail" in text
    assert "Réunions" in text


@pytest.mark.django_db
def test_news_index_lists_newest_first(reader_client, news_index):
    factories.NewsPageFactory(title="Ancienne actualité", date=datetime.date(2024, 1, 10))
    factories.NewsPageFactory(title="Récente actualité", date=datetime.date(2025, 6, 1))
    text = page_text(reader_client.get(news_index.url))
    assert text.index("Récente actualité") < text.index("Ancienne actualité")


@pytest.mark.django_db
def test_news_index_filters_by_metier_tag_group_and_year(reader_client, news_index):
    iprp = factories.MetierFactory(name="IPRP")
    group = factories.WorkingGroupPageFactory(title="Risque chimique")
    for_iprp = factories.NewsPageFactory(title="Pour les IPRP", metiers=[iprp], date=datetime.date(2024, 5, 1))
    tagged = factories.NewsPageFactory(title="Sur la vaccination", date=datetime.date(2025, 5, 1))
    tagged.tags.add("Vaccination")
    tagged.save()
    factories.NewsPageFactory(title="Du groupe chimique", working_group=group, date=datetime.date(2025, 4, 1))

    def titles(query):
        text = page_text(reader_client.get(news_index.url + query))
        return {t for t in ("Pour les IPRP", "Sur la vaccination", "Du groupe chimique") if t in text}

    assert titles("") == {"Pour les IPRP", "Sur la vaccination", "Du groupe chimique"}
    # News for everyone stay in a métier's selection; news for another métier only do not.
    factories.NewsPageFactory(title="Pour les médecins", metiers=[factories.MetierFactory(name="Médecin")])
    assert titles(f"?metier={iprp.slug}") == {"Pour les IPRP", "Sur la vaccination", "Du groupe chimique"}
    assert "Pour les médecins" not in page_text(reader_client.get(news_index.url + f"?metier={iprp.slug}"))
    assert titles("?tag=vaccination") == {"Sur la vaccination"}
    assert titles(f"?groupe={group.pk}") == {"Du groupe chimique"}
    assert titles("?annee=2024") == {"Pour les IPRP"}
    assert for_iprp.live


@pytest.mark.django_db
def test_news_index_survives_nonsense_filters(reader_client, news_index):
    factories.NewsPageFactory(title="Une actualité")
    response = reader_client.get(news_index.url + "?groupe=abc&annee=deux-mille&page=999&metier=inconnu")
    assert response.status_code == 200


@pytest.mark.django_db
def test_drafts_are_not_listed(reader_client, news_index):
    factories.NewsPageFactory(title="Actualité en préparation", live=False)
    assert "Actualité en préparation" not in page_text(reader_client.get(news_index.url))
