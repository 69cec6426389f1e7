"""Comments on needs sheets: posted by staff, hidden with a trace by project officers, never deleted."""

import pytest

from projects.models import NeedComment, NeedSupport
from tests import factories
from tests.utils import assert_query_budget, is_redirect_to_sign_in, page_text, restrict_page_to_groups


@pytest.fixture
def sheet(sections):
    return factories.NeedsSheetPageFactory(title="Grille commune de visite")


def _comment_url(sheet):
    return sheet.url + "commentaires/"


@pytest.mark.django_db
def test_post_a_comment_shown_with_author_and_date_oldest_first(reader_client, officer_client, sheet):
    assert reader_client.post(_comment_url(sheet), {"body": "Premier avis."}).status_code == 302
    assert officer_client.post(_comment_url(sheet), {"body": "Second avis."}).status_code == 302
    text = page_text(reader_client.get(sheet.url))
    assert text.index("Premier avis.") < text.index("Second avis.")
    assert "Lina Lecteur" in text and "Laura Chargée" in text


@pytest.mark.django_db
@pytest.mark.parametrize("body", ["", "   ", "\x00\x01\x1b"])
def test_an_empty_comment_is_refused_in_french(reader_client, sheet, body):
    response = reader_client.post(_comment_url(sheet), {"body": body})
    assert response.status_code == 400
    assert "Écrivez votre commentaire" in page_text(response)
    assert not NeedComment.objects.exists()


@pytest.mark.django_db
def test_control_characters_are_stripped(reader_client, sheet):
    reader_client.post(_comment_url(sheet), {"body": "Avis\x00 utile\x1b[31m\nsur deux lignes"})
    assert NeedComment.objects.get().body == "Avis utile[31m\nsur deux lignes"


@pytest.mark.django_db
def test_a_too_long_comment_is_refused_and_kept_in_the_form(reader_client, sheet):
    response = reader_client.post(_comment_url(sheet), {"body": "é" * 2001})
    assert response.status_code == 400
    assert "é" * 2001 in response.content.decode()
    assert not NeedComment.objects.exists()


@pytest.mark.django_db
def test_officer_hides_a_comment_with_a_trace_readers_no_longer_see_its_text(reader_client, officer_client, sheet):
    reader_client.post(_comment_url(sheet), {"body": "Propos déplacé."})
    comment = NeedComment.objects.get()
    hide_url = f"{_comment_url(sheet)}{comment.pk}/masquer/"
    assert officer_client.post(hide_url, {"reason": ""}).status_code == 400
    assert reader_client.post(hide_url, {"reason": "Je masque."}).status_code == 403
    assert officer_client.post(hide_url, {"reason": "Propos personnels."}).status_code == 302
    comment.refresh_from_db()
    assert comment.hidden and comment.hidden_reason == "Propos personnels." and comment.hidden_at is not None
    reader_text = page_text(reader_client.get(sheet.url))
    assert "Commentaire masqué par la modération" in reader_text
    assert "Propos déplacé." not in reader_text and "Propos personnels." not in reader_text
    officer_text = page_text(officer_client.get(sheet.url))
    assert "Propos personnels." in officer_text and "Masqué par Laura Chargée" in officer_text
    assert NeedComment.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("comment_id", ["99999999999999999999", "0", "123456"])
def test_hiding_an_unknown_comment_is_404(officer_client, sheet, comment_id):
    assert officer_client.post(f"{_comment_url(sheet)}{comment_id}/masquer/", {"reason": "x"}).status_code == 404


@pytest.mark.django_db
def test_a_restricted_sheet_takes_no_comment_from_other_staff(reader_client, member_client, committee, sections):
    secret = factories.NeedsSheetPageFactory(title="Besoin du comité")
    restrict_page_to_groups(secret, committee)
    response = reader_client.post(_comment_url(secret), {"body": "Intrusion"})
    assert response.status_code != 200 and "Besoin du comité" not in page_text(response)
    assert not NeedComment.objects.exists()
    assert member_client.post(_comment_url(secret), {"body": "Avis du comité"}).status_code == 302


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_sign_in(client, sheet):
    assert is_redirect_to_sign_in(client.post(_comment_url(sheet), {"body": "Anonyme"}))
    assert is_redirect_to_sign_in(client.post(f"{_comment_url(sheet)}1/masquer/", {"reason": "x"}))
    assert not NeedComment.objects.exists()


@pytest.mark.django_db
def test_sheet_page_query_budget_with_comments_and_supports(officer_client, sheet, django_user_model):
    counter = iter(range(10_000))

    def add_items(n):
        for _ in range(n):
            n = next(counter)
            user = django_user_model.objects.create_user(username=f"u{n}", email=f"u{n}@example.org", password="x")
            NeedComment.objects.create(sheet=sheet, author=user, body="Avis")
            NeedSupport.objects.create(sheet=sheet, user=user)

    assert_query_budget(officer_client, sheet.url, add_items, budget=25)
