"""What a newcomer met on needs sheets: the decision told on the page, a micro-project carrying the sheet, the
suggested group preselected, action addresses that can be reopened, no support of one's own sheet, and the
server counting characters as the live counter does."""

import pytest

from people.models import Person
from projects.forms import NeedCommentForm
from projects.models import MicroProjectPage, NeedsStatusChange, NeedStatus, NeedSupport
from projects.services.needs import submit_needs_sheet
from tests import factories
from tests.utils import page_text


@pytest.fixture
def group(sections):
    return factories.WorkingGroupPageFactory(title="Risque chimique")


@pytest.fixture
def sheet(sections, group):
    infirmier = factories.MetierFactory(name="Infirmier en santé au travail")
    return factories.NeedsSheetPageFactory(
        title="Grille commune de visite",
        context="<p>Chaque site a sa propre grille.</p>",
        suggested_group=group,
        metiers=[infirmier],
    )


def _url(sheet, action):
    return sheet.url + action


@pytest.mark.django_db
def test_a_sheet_retained_without_reason_no_longer_says_awaiting_study(officer_client, reader_client, sheet, group):
    assert "En attente de l’étude par l’équipe projet" in page_text(reader_client.get(sheet.url))
    officer_client.post(_url(sheet, "statut/"), {"status": NeedStatus.RETAINED, "group": group.pk})
    text = page_text(reader_client.get(sheet.url))
    assert "En attente de l’étude" not in text
    assert "Fiche retenue par l’équipe projet." in text


@pytest.mark.django_db
def test_a_sheet_not_retained_tells_its_reason(officer_client, reader_client, sheet):
    officer_client.post(_url(sheet, "statut/"), {"status": NeedStatus.NOT_RETAINED, "reason": "Déjà couvert."})
    text = page_text(reader_client.get(sheet.url))
    assert "En attente de l’étude" not in text
    assert "Fiche non retenue par l’équipe projet. Motif : Déjà couvert." in text


@pytest.mark.django_db
def test_the_micro_project_keeps_the_sheets_metiers_and_description(officer_client, reader_client, sheet, group):
    officer_client.post(_url(sheet, "statut/"), {"status": NeedStatus.RETAINED, "group": group.pk})
    project = MicroProjectPage.objects.get()
    assert [m.name for m in project.metiers.all()] == ["Infirmier en santé au travail"]
    text = page_text(reader_client.get(project.url))
    assert "Un outil commun pour préparer les visites d'entreprise." in text
    assert "Chaque site a sa propre grille." in text


@pytest.mark.django_db
def test_the_decision_form_preselects_the_suggested_group(officer_client, sheet, group):
    body = officer_client.get(sheet.url).content.decode()
    assert f'<option value="{group.pk}" selected>' in body


@pytest.mark.django_db
def test_an_empty_comment_shows_the_page_with_its_error_and_the_address_can_be_reopened(reader_client, sheet):
    response = reader_client.post(_url(sheet, "commentaires/"), {"body": "   "})
    assert response.status_code == 400
    text = page_text(response)
    assert "Écrivez votre commentaire avant de l’envoyer." in text and sheet.title in text
    reopened = reader_client.get(_url(sheet, "commentaires/"))
    assert reopened.status_code == 302 and reopened["Location"] == f"{sheet.url}#commentaires-titre"
    assert reader_client.get(reopened["Location"]).status_code == 200


@pytest.mark.django_db
def test_a_refused_comment_keeps_what_was_typed(reader_client, sheet):
    response = reader_client.post(_url(sheet, "commentaires/"), {"body": "x" * 2001})
    assert response.status_code == 400
    assert "x" * 2001 in response.content.decode()


@pytest.mark.django_db
def test_a_refused_status_change_can_be_reopened(officer_client, sheet):
    response = officer_client.post(_url(sheet, "statut/"), {"status": NeedStatus.NOT_RETAINED, "reason": ""})
    assert response.status_code == 400
    assert "Indiquez le motif" in page_text(response)
    reopened = officer_client.get(_url(sheet, "statut/"))
    assert reopened.status_code == 302 and reopened["Location"].startswith(sheet.url)
    assert not NeedsStatusChange.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("action", ["statut/", "soutien/", "commentaires/"])
def test_reopening_an_action_address_goes_back_to_the_page_for_readers_too(reader_client, sheet, action):
    response = reader_client.get(_url(sheet, action))
    assert response.status_code == 302 and response["Location"].startswith(sheet.url + "#")


@pytest.mark.django_db
@pytest.mark.parametrize("action", ["statut/", "soutien/", "commentaires/"])
def test_reopened_addresses_send_anonymous_callers_to_sign_in(client, sheet, action):
    response = client.get(_url(sheet, action))
    assert response.status_code == 302 and "/comptes/" in response["Location"]


@pytest.mark.django_db
def test_the_author_cannot_support_their_own_sheet(reader_client, reader, sheet):
    person = Person.objects.filter(user=reader).first() or factories.PersonFactory(user=reader)
    sheet.submitted_by = person
    sheet.save()
    text = page_text(reader_client.get(sheet.url))
    assert "Je suis concerné·e" not in text
    assert "Vous avez déposé cette fiche" in text
    response = reader_client.post(_url(sheet, "soutien/"), {"concerne": "oui"})
    assert response.status_code == 400
    assert "vous ne pouvez pas vous déclarer concerné·e par votre propre besoin" in page_text(response)
    assert not NeedSupport.objects.exists()


@pytest.mark.django_db
def test_the_owner_of_a_sheet_submitted_from_the_site_cannot_support_it(reader_client, reader, sections):
    sheet = submit_needs_sheet(sections["projects.NeedsIndexPage"], reader, title="Navette", need="Une navette.")
    assert reader_client.post(_url(sheet, "soutien/"), {"concerne": "oui"}).status_code == 400
    assert not NeedSupport.objects.exists()


@pytest.mark.django_db
def test_others_still_support_it(officer_client, sheet):
    assert officer_client.post(_url(sheet, "soutien/"), {"concerne": "oui"}).status_code == 302
    assert NeedSupport.objects.count() == 1


def _text_of(lines: int, separator: str) -> str:
    # The browser's counter reads "\n" line breaks; the form sends them as "\r\n".
    return separator.join(["abcdefghi"] * lines)


@pytest.mark.parametrize("separator", ["\r\n", "\n"])
def test_the_server_counts_line_breaks_as_the_live_counter_does(separator):
    at_limit = _text_of(200, separator)  # 200 × 9 characters + 199 line breaks, one each = 1999
    at_limit += "é"  # 2000
    assert len(at_limit.replace("\r\n", "\n")) == 2000
    assert NeedCommentForm({"body": at_limit}).is_valid()
    form = NeedCommentForm({"body": at_limit + "x"})
    assert not form.is_valid()
    assert "Ce texte compte 2001 caractères, pour 2000 au plus" in form.errors["body"][0]
