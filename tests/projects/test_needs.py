"""Fiches d'identification des besoins: any staff member submits one from the front-end form."""

import re

import pytest
from django.test import Client

from home.services.site_tree import ensure_section
from people.models import Person
from projects.models import NeedsSheetPage, NeedStatus
from tests import factories
from tests.utils import page_text, restrict_page_to_groups


@pytest.fixture
def needs_index(home):
    return ensure_section("projects.NeedsIndexPage")


@pytest.fixture
def form_url(needs_index):
    return needs_index.url + "soumettre/"


def _valid_data(**changes):
    data = {
        "title": "Outil de repérage des risques chimiques",
        "need": "Un outil commun pour repérer les produits dangereux lors des visites.",
        "context": "Chaque équipe utilise sa propre grille.",
        "expected_benefits": "Des visites plus rapides.",
    }
    data.update(changes)
    return data


@pytest.mark.django_db
def test_the_form_opens_for_a_reader(reader_client, form_url):
    factories.MetierFactory(name="Médecin du travail")
    response = reader_client.get(form_url)
    assert response.status_code == 200
    content = response.content.decode()
    for field in ("title", "need", "context", "expected_benefits", "metiers"):
        assert f'name="{field}"' in content, field


@pytest.mark.django_db
def test_submitting_publishes_a_sheet_signed_by_the_new_directory_entry(reader_client, reader, form_url, needs_index):
    infirmier = factories.MetierFactory(name="Infirmier en santé au travail")
    iprp = factories.MetierFactory(name="IPRP")
    factories.MetierFactory(name="Secrétaire médicale")
    assert not Person.objects.filter(user=reader).exists()

    group = factories.WorkingGroupPageFactory(title="Risque chimique")
    response = reader_client.post(form_url, _valid_data(metiers=[infirmier.pk, iprp.pk], suggested_group=group.pk))

    sheet = NeedsSheetPage.objects.child_of(needs_index).get()
    assert response.status_code == 302
    assert response["Location"] == sheet.url
    assert sheet.live and sheet.title == "Outil de repérage des risques chimiques"
    assert sheet.status == NeedStatus.SUBMITTED
    person = Person.objects.get(user=reader)
    assert sheet.submitted_by == person
    assert (person.first_name, person.last_name) == ("Lina", "Lecteur")
    assert set(sheet.metiers.all()) == {infirmier, iprp}
    assert sheet.suggested_group.specific == group
    assert "produits dangereux" in sheet.need
    assert sheet.owner == reader


@pytest.mark.django_db
def test_a_real_browser_submission_passes_the_csrf_check(reader, form_url, needs_index):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(reader)
    form_page = browser.get(form_url).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form_page).group(1)
    response = browser.post(form_url, {**_valid_data(), "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert NeedsSheetPage.objects.child_of(needs_index).count() == 1


@pytest.mark.django_db
def test_the_new_sheet_is_shown_to_readers(reader_client, form_url):
    response = reader_client.post(form_url, _valid_data(), follow=True)
    assert response.status_code == 200
    text = page_text(response)
    assert "Outil de repérage des risques chimiques" in text
    assert "produits dangereux" in text


@pytest.mark.django_db
def test_an_existing_directory_entry_is_reused(reader_client, reader, form_url, needs_index):
    person = factories.PersonFactory(user=reader, first_name="Lina", last_name="Lecteur")
    reader_client.post(form_url, _valid_data())
    assert NeedsSheetPage.objects.child_of(needs_index).get().submitted_by == person
    assert Person.objects.filter(user=reader).count() == 1


@pytest.mark.django_db
def test_two_sheets_with_the_same_title_get_distinct_addresses(reader_client, form_url, needs_index):
    reader_client.post(form_url, _valid_data())
    reader_client.post(form_url, _valid_data())
    sheets = list(NeedsSheetPage.objects.child_of(needs_index))
    assert len(sheets) == 2
    assert len({sheet.slug for sheet in sheets}) == 2
    for sheet in sheets:
        assert reader_client.get(sheet.url).status_code == 200


@pytest.mark.django_db
def test_markup_typed_in_the_form_is_shown_as_text(reader_client, form_url, needs_index):
    reader_client.post(form_url, _valid_data(need="<script>alert('x')</script> Besoin réel"))
    sheet = NeedsSheetPage.objects.child_of(needs_index).get()
    assert "<script>" not in sheet.need
    response = reader_client.get(sheet.url)
    assert "<script>alert" not in response.content.decode()


@pytest.mark.django_db
def test_missing_title_and_need_gives_400_with_french_messages_and_keeps_what_was_typed(reader_client, form_url):
    response = reader_client.post(form_url, {"context": "Constat : des grilles différentes par antenne."})
    assert response.status_code == 400
    text = page_text(response)
    assert "Donnez un intitulé court à votre besoin." in text
    assert "Décrivez le besoin que vous avez identifié." in text
    assert "Constat : des grilles différentes par antenne." in text
    assert not NeedsSheetPage.objects.exists()


@pytest.mark.django_db
def test_missing_need_keeps_the_typed_title(reader_client, form_url):
    response = reader_client.post(form_url, {"title": "Un titre déjà tapé"})
    assert response.status_code == 400
    assert 'value="Un titre déjà tapé"' in response.content.decode()
    assert not NeedsSheetPage.objects.exists()


@pytest.mark.django_db
def test_a_draft_group_cannot_be_suggested(reader_client, form_url):
    draft = factories.WorkingGroupPageFactory(title="Groupe en préparation", live=False)
    response = reader_client.post(form_url, _valid_data(suggested_group=draft.pk))
    assert response.status_code == 400
    assert "Groupe en préparation" not in page_text(response)
    assert not NeedsSheetPage.objects.exists()


@pytest.mark.django_db
def test_an_empty_submission_is_refused_with_messages(reader_client, form_url):
    response = reader_client.post(form_url, {})
    assert response.status_code == 400
    assert "Donnez un intitulé court à votre besoin." in page_text(response)
    assert not NeedsSheetPage.objects.exists()


@pytest.mark.django_db
def test_needs_index_lists_sheets_and_filters_by_status(reader_client, needs_index):
    factories.NeedsSheetPageFactory(title="Besoin soumis sur les vaccinations", status=NeedStatus.SUBMITTED)
    factories.NeedsSheetPageFactory(title="Besoin retenu sur le maintien en emploi", status=NeedStatus.RETAINED)
    factories.NeedsSheetPageFactory(title="Besoin en brouillon", status=NeedStatus.RETAINED, live=False)

    everything = page_text(reader_client.get(needs_index.url))
    assert "Besoin soumis sur les vaccinations" in everything
    assert "Besoin retenu sur le maintien en emploi" in everything
    assert "Besoin en brouillon" not in everything

    retained = reader_client.get(needs_index.url + "?statut=retained")
    assert retained.status_code == 200
    text = page_text(retained)
    assert "Besoin retenu sur le maintien en emploi" in text
    assert "Besoin soumis sur les vaccinations" not in text


@pytest.mark.django_db
def test_needs_index_ignores_an_unknown_status(reader_client, needs_index):
    factories.NeedsSheetPageFactory(title="Besoin soumis sur les vaccinations")
    response = reader_client.get(needs_index.url + "?statut=n-importe-quoi")
    assert response.status_code == 200
    assert "Besoin soumis sur les vaccinations" in page_text(response)


@pytest.mark.django_db
def test_a_text_over_the_limit_is_refused_in_french_and_kept_whole(reader_client, form_url):
    long_need = "Un besoin décrit très longuement. " * 200  # about 6 800 characters, limit 5 000
    response = reader_client.post(form_url, _valid_data(need=long_need))
    assert response.status_code == 400
    text = page_text(response)
    assert f"Ce texte compte {len(long_need.strip())} caractères, pour 5000 au plus" in text
    assert "Tout ce que vous avez écrit est conservé" in text
    assert long_need.strip() in text
    assert not NeedsSheetPage.objects.exists()


@pytest.mark.django_db
def test_a_title_over_the_limit_is_refused_and_kept(reader_client, form_url):
    long_title = "Intitulé " * 30
    response = reader_client.post(form_url, _valid_data(title=long_title))
    assert response.status_code == 400
    assert f'value="{long_title}"' in response.content.decode()
    assert "pour 200 au plus" in page_text(response)


@pytest.mark.django_db
def test_the_form_does_not_cut_pasted_text_and_loads_its_counter(reader_client, form_url):
    content = reader_client.get(form_url).content.decode()
    assert "maxlength" not in content
    assert 'data-max-length="5000"' in content and 'data-max-length="200"' in content
    assert "projects/needs_form.js" in content


@pytest.mark.django_db
def test_hostile_status_on_the_needs_index_gives_a_french_message(reader_client, needs_index):
    response = reader_client.get(needs_index.url + "?statut=%00")
    assert response.status_code == 200
    assert "Statut : Ce choix n’existe pas." in page_text(response)


@pytest.mark.django_db
def test_a_restricted_group_cannot_be_suggested_by_an_outsider(reader_client, form_url, committee):
    secret = factories.WorkingGroupPageFactory(title="Groupe du comité restreint")
    restrict_page_to_groups(secret, committee)
    assert "Groupe du comité restreint" not in page_text(reader_client.get(form_url))
    response = reader_client.post(form_url, _valid_data(suggested_group=secret.pk))
    assert response.status_code == 400
    assert not NeedsSheetPage.objects.exists()
