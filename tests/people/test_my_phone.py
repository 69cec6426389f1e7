"""A person corrects their own phone number from their card (« Ma fiche »), and only theirs."""

import pytest

from people.models import Person
from tests import factories
from tests.utils import HOSTILE_VALUES, is_redirect_to_sign_in, page_text

PHONE = "/ma-fiche/telephone/"


@pytest.fixture
def card(sections, reader):
    return factories.PersonFactory(user=reader, first_name="Lina", last_name="Lecteur", phone="03 21 00 00 00")


@pytest.fixture
def other(sections):
    return factories.PersonFactory(first_name="Odile", last_name="Autre", phone="03 21 99 99 99")


def card_url(sections, person) -> str:
    return sections["people.DirectoryPage"].specific.person_url(person.pk)


@pytest.mark.django_db
def test_my_card_offers_to_correct_my_phone_and_saves_it(reader_client, sections, card):
    url = reader_client.get("/ma-fiche/")["Location"]
    assert "Corriger mon numéro de téléphone" in page_text(reader_client.get(url))
    response = reader_client.post(PHONE, {"phone": "+33 3.21.12.34.56"})
    assert response.status_code == 302 and response["Location"].startswith(card_url(sections, card))
    card.refresh_from_db()
    assert card.phone == "03 21 12 34 56"
    text = page_text(reader_client.get(url))
    assert "Votre numéro de téléphone est enregistré." in text and "03 21 12 34 56" in text


@pytest.mark.django_db
def test_an_empty_number_removes_it(reader_client, card):
    reader_client.post(PHONE, {"phone": "  "})
    card.refresh_from_db()
    assert card.phone == ""


@pytest.mark.django_db
@pytest.mark.parametrize(
    "value", ["12", "03 21 12 34 5x", "²² ²² ²² ²² ²²", "\x00", "9" * 41, "+1 23", *HOSTILE_VALUES]
)
def test_a_bad_number_is_refused_in_french_and_kept(reader_client, sections, card, value):
    response = reader_client.post(PHONE, {"phone": value})
    assert response.status_code == 400
    text = page_text(response)
    assert "Votre numéro de téléphone n’a pas été modifié." in text
    assert "Ce numéro de téléphone n’est pas valide" in text or "Le caractère nul n’est pas autorisé." in text
    card.refresh_from_db()
    assert card.phone == "03 21 00 00 00"
    # The address can be reopened: it leads back to the card.
    assert reader_client.get(PHONE)["Location"] == "/ma-fiche/"


@pytest.mark.django_db
def test_another_persons_card_offers_no_form_and_cannot_be_changed(reader_client, sections, card, other):
    assert "Corriger mon numéro" not in page_text(reader_client.get(card_url(sections, other)))
    reader_client.post(PHONE, {"phone": "03 21 55 55 55", "person": other.pk, "id": other.pk})
    other.refresh_from_db()
    assert other.phone == "03 21 99 99 99"
    assert Person.objects.get(pk=card.pk).phone == "03 21 55 55 55"


@pytest.mark.django_db
def test_without_a_card_nothing_is_created(reader_client, sections):
    response = reader_client.post(PHONE, {"phone": "03 21 55 55 55"}, follow=True)
    assert "pas encore de fiche" in page_text(response)
    assert not Person.objects.exists()


@pytest.mark.django_db
def test_anonymous_callers_are_sent_to_sign_in(client, sections, card):
    assert is_redirect_to_sign_in(client.post(PHONE, {"phone": "03 21 55 55 55"}))
    card.refresh_from_db()
    assert card.phone == "03 21 00 00 00"


@pytest.mark.django_db
def test_card_query_budget_with_the_form(reader_client, sections, card, django_assert_max_num_queries):
    url = card_url(sections, card)
    reader_client.get(url)
    with django_assert_max_num_queries(15):
        reader_client.get(url)
