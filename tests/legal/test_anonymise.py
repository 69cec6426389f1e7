"""A departed person's contributions stay, signed « Ancien·ne membre du personnel »; the account is
deactivated; only administrators may do it, after a confirmation; the audit log says who did."""

import pytest
from wagtail.models import ModelLogEntry

from legal.services.anonymise import FORMER_NAME
from personal_feeds.models import FeedToken
from projects.models import NeedComment
from tests.factories import NeedsSheetPageFactory, NewsPageFactory, PersonFactory

pytestmark = pytest.mark.django_db


def url(user):
    return f"/admin/comptes/{user.pk}/anonymiser/"


@pytest.fixture
def departed(reader, page_of_each_type):
    person = PersonFactory(user=reader, first_name="Lina", last_name="Lecteur", phone="01 02 03 04 05")
    sheet = NeedsSheetPageFactory(title="Fiche de Lina", submitted_by=person)
    NeedComment.objects.create(sheet=sheet, author=reader, body="Mon commentaire reste.")
    news = NewsPageFactory(title="Actualité de Lina", author=person)
    FeedToken.objects.create(user=reader, secret="secret-de-lina-0123456789", prefix="secretde")
    return {"user": reader, "person": person, "sheet": sheet, "news": news}


def test_an_administrator_anonymises_after_a_confirmation(admin_client, administrator, departed, signed_in):
    user = departed["user"]
    confirm = admin_client.get(url(user))
    assert confirm.status_code == 200 and "Oui, anonymiser" in confirm.content.decode()
    user.refresh_from_db()
    assert user.is_active  # nothing happens before the confirmation

    assert admin_client.post(url(user)).status_code == 302
    user.refresh_from_db()
    assert not user.is_active and user.get_full_name() == FORMER_NAME and "lecteur" not in user.email
    assert not FeedToken.objects.filter(user=user).exists()
    entry = ModelLogEntry.objects.get(action="legal.anonymise")
    assert entry.user_id == administrator.pk and entry.object_id == str(user.pk)

    viewer = signed_in(administrator)
    sheet_page = viewer.get(departed["sheet"].url).content.decode()
    assert (
        "Mon commentaire reste." in sheet_page
        and FORMER_NAME in sheet_page
        and "Lina" not in sheet_page.replace("Fiche de Lina", "")
    )
    news_page = viewer.get(departed["news"].url).content.decode()
    assert FORMER_NAME in news_page and "01 02 03 04 05" not in news_page

    assert admin_client.post(url(user)).status_code == 302  # again: nothing more changes
    assert ModelLogEntry.objects.filter(action="legal.anonymise").count() == 2


def test_readers_and_project_officers_cannot_anonymise(reader_client, officer_client, departed, committee_member):
    assert reader_client.get(url(committee_member)).status_code in (302, 403)
    assert officer_client.post(url(committee_member)).status_code in (302, 403)
    committee_member.refresh_from_db()
    assert committee_member.is_active


def test_anonymous_visitors_cannot_anonymise(client, departed):
    response = client.post(url(departed["user"]))
    assert response.status_code == 302 and "/comptes/connexion/" in response["Location"]
    departed["user"].refresh_from_db()
    assert departed["user"].is_active


def test_the_accounts_list_offers_it_to_administrators(admin_client, departed):
    text = admin_client.get("/admin/users/").content.decode()
    assert url(departed["user"]) in text


def test_a_huge_account_number_is_not_found(admin_client):
    assert admin_client.get("/admin/comptes/99999999999999999999/anonymiser/").status_code == 404
