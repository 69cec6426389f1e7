"""Finding directory entries for accounts and names, without regard to case or accents."""

import pytest

from people.models import Metier, Person
from people.services import find_or_create_metier, find_or_create_person, person_for_user, split_full_name
from tests import factories


@pytest.mark.django_db
def test_person_for_user_creates_the_entry_from_the_account(reader):
    person = person_for_user(reader)
    assert (person.first_name, person.last_name, person.email, person.user) == ("Lina", "Lecteur", reader.email, reader)
    assert person_for_user(reader) == person
    assert Person.objects.filter(user=reader).count() == 1


@pytest.mark.django_db
def test_person_for_user_links_an_unlinked_entry_with_the_same_email(reader):
    existing = factories.PersonFactory(first_name="Lina", last_name="Lecteur", email="LECTEUR@example.org")
    assert person_for_user(reader) == existing
    existing.refresh_from_db()
    assert existing.user == reader


@pytest.mark.django_db
def test_person_for_user_without_names_uses_the_email(django_user_model):
    user = django_user_model.objects.create_user(username="anonyme", email="j.martin@example.org", password="x")
    assert person_for_user(user).first_name == "j.martin"


@pytest.mark.django_db
def test_find_or_create_person_matches_without_case_or_accents():
    helene = factories.PersonFactory(first_name="Hélène", last_name="Lefèvre")
    assert find_or_create_person("  helene   LEFEVRE ") == helene
    created = find_or_create_person("Dr Fabrice ROY")
    assert (created.first_name, created.last_name) == ("Fabrice", "Roy")
    assert find_or_create_person("ROY Fabrice") == created
    assert find_or_create_person("Docteur fabrice roy") == created
    assert Person.objects.count() == 2


def test_split_full_name():
    assert split_full_name("Laura Deleligne") == ("Laura", "Deleligne")
    assert split_full_name("Mme Olivia SKOURY-RENARD") == ("Olivia", "Skoury-Renard")
    assert split_full_name("DELELIGNE Laura") == ("Laura", "Deleligne")
    assert split_full_name("M. Philippe Duflo") == ("Philippe", "Duflo")
    assert split_full_name("Cher") == ("Cher", "")
    assert split_full_name("") == ("", "")


@pytest.mark.django_db
def test_find_or_create_metier_matches_without_case_or_accents():
    medecin = Metier.objects.create(name="Médecin du travail")
    assert find_or_create_metier("MEDECIN  du travail") == medecin
    iprp = find_or_create_metier(" IPRP ")
    assert iprp.name == "IPRP" and iprp.slug == "iprp"
    assert Metier.objects.count() == 2
