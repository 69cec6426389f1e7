"""The header's "Ma fiche" link leads to the reader's own card, or says there is none yet."""

import pytest

from tests import factories
from tests.utils import page_text


@pytest.mark.django_db
def test_my_card_leads_to_the_readers_card(sections, reader_client, reader):
    person = factories.PersonFactory(user=reader, first_name="Lina", last_name="Lecteur")
    response = reader_client.get("/ma-fiche/")
    assert response.status_code == 302
    assert response["Location"] == sections["people.DirectoryPage"].specific.person_url(person.pk)
    assert "Lina Lecteur" in page_text(reader_client.get(response["Location"]))


@pytest.mark.django_db
def test_my_card_without_a_card_explains_it(sections, reader_client):
    response = reader_client.get("/ma-fiche/", follow=True)
    assert response.status_code == 200
    assert "pas encore de fiche" in page_text(response)


@pytest.mark.django_db
def test_the_header_offers_the_administration_only_to_those_who_may_open_it(sections, reader_client, officer_client):
    assert "Administration" not in page_text(reader_client.get("/"))
    assert "Administration" in page_text(officer_client.get("/"))
    assert "Ma fiche" in page_text(reader_client.get("/"))
