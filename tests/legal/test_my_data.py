"""« Mes données »: each person downloads their own data, JSON or CSV; never anybody else's; anonymous
visitors get nothing. The « Données personnelles » page is on the site and in the footer."""

import io
import json
import zipfile

import pytest

from governance.models import FeedbackReport, PageReview
from participation.models import Follow, Notification
from personal_feeds.models import FeedToken
from projects.models import NeedComment, NeedSupport
from tests.factories import NeedsSheetPageFactory, PersonFactory
from tests.utils import is_redirect_to_sign_in, restrict_page_to_groups

pytestmark = pytest.mark.django_db

URL = "/mon-compte/mes-donnees/"


@pytest.fixture
def two_people(reader, committee_member, page_of_each_type):
    """The reader and another person, each with a card, a sheet, a comment, a support, a follow, a
    notification and a feed address."""
    news = page_of_each_type["news.NewsPage"]
    for user, word in ((reader, "LECTRICE"), (committee_member, "AUTRUI")):
        person = PersonFactory(user=user, first_name=f"Prénom{word}", phone=f"01 {word}")
        sheet = NeedsSheetPageFactory(title=f"Fiche {word}", submitted_by=person)
        NeedComment.objects.create(sheet=sheet, author=user, body=f"Commentaire {word}")
        NeedSupport.objects.create(sheet=page_of_each_type["projects.NeedsSheetPage"], user=user)
        Follow.objects.create(user=user, page=news)
        Notification.objects.create(recipient=user, page=news, kind="publication", message=f"Notif {word}", key=word)
        FeedToken.objects.create(user=user, secret=f"secret{word}0123456789", prefix=f"s{word}"[:8])
        FeedbackReport.objects.create(page=news, reporter=user, text=f"Lien cassé {word}")
        PageReview.objects.create(page=news, reviewed_by=user, comment=f"Relu {word}")
    return reader, committee_member


def test_my_data_as_json_holds_my_data_only(reader_client, two_people, django_assert_max_num_queries):
    with django_assert_max_num_queries(30):
        response = reader_client.get(URL + "mes-donnees.json")
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    text = response.content.decode()
    data = json.loads(text)["sections"]
    for key in (
        "compte",
        "fiche_annuaire",
        "abonnements",
        "notifications",
        "fiches_besoins",
        "commentaires",
        "signalements",
        "verifications",
    ):
        assert data[key]["rows"], key
    assert data["compte"]["rows"][0]["email"] == "lecteur@example.org"
    assert "LECTRICE" in text and "AUTRUI" not in text and "membre@example.org" not in text
    assert "secretLECTRICE" not in text and data["adresses_abonnement"]["rows"][0]["secret"].startswith("secr")


def test_my_data_as_csv_files_in_a_zip(reader_client, two_people):
    response = reader_client.get(URL + "mes-donnees.zip")
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert "compte.csv" in archive.namelist() and "commentaires.csv" in archive.namelist()
    everything = "".join(archive.read(name).decode("utf-8-sig") for name in archive.namelist())
    assert "Commentaire LECTRICE" in everything and "AUTRUI" not in everything


def test_the_page_counts_my_data_and_links_the_downloads(reader_client, two_people, django_assert_max_num_queries):
    with django_assert_max_num_queries(30):
        response = reader_client.get(URL)
    text = response.content.decode()
    assert response.status_code == 200 and "mes-donnees.json" in text and "mes-donnees.zip" in text
    assert "AUTRUI" not in text


@pytest.mark.parametrize("suffix", ["", "mes-donnees.json", "mes-donnees.zip"])
def test_anonymous_visitors_get_nothing(client, two_people, suffix):
    response = client.get(URL + suffix)
    assert is_redirect_to_sign_in(response) and b"LECTRICE" not in response.content


def test_the_personal_data_page_is_in_the_footer_and_lists_the_processings(
    reader_client, page_of_each_type, django_assert_max_num_queries
):
    page = page_of_each_type["legal.PersonalDataPage"]
    home = reader_client.get("/").content.decode()
    assert f'href="{page.url}"' in home
    reader_client.get(page.url)
    with django_assert_max_num_queries(15):
        text = reader_client.get(page.url).content.decode()
    for name in ("Annuaire", "Journal des recherches", "Fiches besoins", "Base légale", "protection des données"):
        assert name in text


def test_a_personal_data_page_restricted_to_a_group_is_not_shown_to_others(
    reader_client, member_client, committee, page_of_each_type
):
    page = page_of_each_type["legal.PersonalDataPage"]
    restrict_page_to_groups(page, committee)
    assert reader_client.get(page.url).status_code in (403, 404) or "Journal des recherches" not in (
        reader_client.get(page.url).content.decode()
    )
    assert "Journal des recherches" in member_client.get(page.url).content.decode()
