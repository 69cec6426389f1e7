"""The responsable line, the overdue notice and the feedback forms on content pages; « Mes contenus à
vérifier » and « Toujours exact »; reports and their answers; privacy both ways; hostile input."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from governance.models import FeedbackReport, PageReview, PageStewardship, PageUsefulness
from governance.services.reviews import set_owner
from participation.models import Notification
from tests.utils import is_redirect_to_sign_in, page_queries, page_text, restrict_page_to_groups

pytestmark = pytest.mark.django_db

GOVERNED = [
    "base.StandardPage",
    "projects.WorkingGroupPage",
    "projects.MicroProjectPage",
    "projects.NeedsSheetPage",
    "news.NewsPage",
    "events.EventPage",
    "knowledge.CaseStudyPage",
    "knowledge.ApproachPage",
]


def test_every_content_page_shows_its_responsable_and_the_feedback_forms(page_of_each_type, reader_client):
    for label in GOVERNED:
        page = page_of_each_type[label]
        response = reader_client.get(page.url)
        text = page_text(response)
        assert "Responsable :" in text, label
        assert "Cette page vous a-t-elle été utile ?" in text and "Signaler un problème" in text, label
    for label in ("home.HomePage", "news.NewsIndexPage"):
        assert "Responsable :" not in page_text(reader_client.get(page_of_each_type[label].url)), label


def test_the_responsable_links_to_the_directory_and_the_review_date_shows(owned_page, reader_client, reader):
    from governance.services.reviews import mark_reviewed
    from people.models import DirectoryPage

    mark_reviewed(owned_page, reader)
    response = reader_client.get(owned_page.url)
    text = page_text(response)
    assert "Responsable : Lina Lecteur" in text
    assert f"Vérifiée le {timezone.localdate().year}" not in text and "Vérifiée le" in text
    directory = DirectoryPage.objects.first()
    if directory is not None:
        assert directory.person_url(reader.person.pk) in response.content.decode()


def test_a_new_owner_shows_at_once_despite_the_shared_cache(owned_page, reader_client, project_officer, person_of):
    assert "Responsable : Lina Lecteur" in page_text(reader_client.get(owned_page.url))
    set_owner(owned_page, person_of(project_officer))
    assert "Responsable : Laura Chargée" in page_text(reader_client.get(owned_page.url))


def test_an_overdue_page_tells_its_readers(owned_page, reader_client):
    old = timezone.now() - datetime.timedelta(days=800)
    PageStewardship.objects.filter(page=owned_page).update(last_reviewed_at=old)
    text = page_text(reader_client.get(owned_page.url))
    assert "Cette page n’a pas été vérifiée depuis le" in text
    PageStewardship.objects.filter(page=owned_page).update(last_reviewed_at=timezone.now())
    from base.content_version import bump_content_version

    bump_content_version()
    assert "n’a pas été vérifiée" not in page_text(reader_client.get(owned_page.url))


def test_the_footer_costs_no_query_once_shared(owned_page, reader_client):
    reader_client.get(owned_page.url)
    warm = page_queries(reader_client, owned_page.url)
    assert len(warm) <= 15, "\n".join(query[:300] for query in warm)
    assert not [query for query in warm if "governance_" in query]


def test_anonymous_visitors_get_nothing(owned_page, client):
    assert is_redirect_to_sign_in(client.get(owned_page.url))
    assert is_redirect_to_sign_in(client.get(reverse("governance:my_reviews")))
    assert client.post(reverse("governance:vote", args=[owned_page.pk]), {"useful": "oui"}).status_code == 302
    assert client.post(reverse("governance:report", args=[owned_page.pk]), {"text": "x"}).status_code == 302
    assert not PageUsefulness.objects.exists() and not FeedbackReport.objects.exists()


def test_a_vote_is_counted_once_and_may_change_once(owned_page, reader_client):
    url = reverse("governance:vote", args=[owned_page.pk])
    reader_client.post(url, {"useful": "oui"})
    reader_client.post(url, {"useful": "oui"})
    counts = PageUsefulness.objects.get(page=owned_page)
    assert (counts.useful, counts.not_useful) == (1, 0)
    reader_client.post(url, {"useful": "non"})
    counts.refresh_from_db()
    assert (counts.useful, counts.not_useful) == (0, 1)
    response = reader_client.post(url, {"useful": "oui"}, follow=True)
    counts.refresh_from_db()
    assert (counts.useful, counts.not_useful) == (0, 1)
    assert "déjà modifié votre réponse" in page_text(response)


@pytest.mark.parametrize("value", ["", "peut-être", "\x00", "²", "9" * 30, "x" * 5000])
def test_a_hostile_vote_gets_a_french_message(owned_page, reader_client, value):
    response = reader_client.post(reverse("governance:vote", args=[owned_page.pk]), {"useful": value}, follow=True)
    assert response.status_code == 200
    assert "Répondez par oui ou par non." in page_text(response)
    assert not PageUsefulness.objects.exists()


def test_hostile_page_ids_answer_404(reader_client):
    for url in ("/retours/99999999999999999999/utile/", "/retours/99999999999999999999/signaler/"):
        assert reader_client.post(url, {"useful": "oui", "text": "x"}).status_code == 404
    assert reader_client.get("/retours/signalements/99999999999999999999/repondre/").status_code == 404


def test_a_report_reaches_the_owner_who_answers_the_reporter(
    owned_page, signed_in, committee_member, reader, django_capture_on_commit_callbacks
):
    reporter = signed_in(committee_member)
    with django_capture_on_commit_callbacks(execute=True):
        response = reporter.post(
            reverse("governance:report", args=[owned_page.pk]), {"text": "Le lien vers la fiche est cassé."}
        )
    assert response.status_code == 302 and response["Location"].endswith("#avis-page")
    report = FeedbackReport.objects.get()
    notification = Notification.objects.get(recipient=reader)
    assert notification.kind == "feedback" and "Le lien vers la fiche est cassé." in notification.message
    assert [message.to for message in mail.outbox] == [[reader.email]]

    owner = signed_in(reader)
    listing = page_text(owner.get(reverse("governance:my_reviews")))
    assert "Le lien vers la fiche est cassé." in listing
    answer_url = reverse("governance:answer", args=[report.pk])
    refused = owner.post(answer_url, {"status": "treated", "reply": ""})
    assert refused.status_code == 200 and "Écrivez une réponse" in page_text(refused)
    with django_capture_on_commit_callbacks(execute=True):
        owner.post(answer_url, {"status": "treated", "reply": "Corrigé, merci."})
    report.refresh_from_db()
    assert report.status == "treated" and report.handled_by == reader
    told = Notification.objects.get(recipient=committee_member)
    assert "Corrigé, merci." in told.message
    # Another reader may not answer.
    assert signed_in(committee_member).get(answer_url).status_code == 404


def test_a_report_form_refused_keeps_the_text_at_an_address_that_can_be_reopened(owned_page, reader_client):
    url = reverse("governance:report", args=[owned_page.pk])
    response = reader_client.post(url, {"text": "é" * 1001})
    assert response.status_code == 200
    assert "1001 caractères, pour 1000 au plus" in page_text(response)
    assert "é" * 1001 in response.content.decode()
    assert reader_client.get(url).status_code == 200
    empty = reader_client.post(url, {"text": "\x00 "})
    assert "Décrivez le problème en quelques mots." in page_text(empty)
    assert not FeedbackReport.objects.exists()


def test_a_restricted_page_keeps_its_feedback_to_those_who_may_see_it(
    owned_page, committee, reader, reader_client, member_client, project_officer, person_of
):
    restrict_page_to_groups(owned_page, committee)
    # The reader (its responsable) may no longer open it: nothing of it reaches or shows to them.
    assert member_client.post(reverse("governance:report", args=[owned_page.pk]), {"text": "Erreur"}).status_code == 302
    assert not Notification.objects.filter(recipient=reader).exists()
    assert "Étude de cas Bruit" not in page_text(reader_client.get(reverse("governance:my_reviews")))
    assert reader_client.post(reverse("governance:vote", args=[owned_page.pk]), {"useful": "oui"}).status_code == 404
    assert reader_client.get(reverse("governance:report", args=[owned_page.pk])).status_code == 404
    report = FeedbackReport.objects.get()
    assert reader_client.get(reverse("governance:answer", args=[report.pk])).status_code == 404


def test_my_contents_lists_due_pages_and_toujours_exact_records_a_review(owned_page, reader_client, reader):
    PageStewardship.objects.filter(page=owned_page).update(
        last_reviewed_at=timezone.now() - datetime.timedelta(days=800)
    )
    response = reader_client.get(reverse("governance:my_reviews"))
    text = page_text(response)
    assert "Délai de vérification atteint" in text and "Étude de cas Bruit en atelier" in text
    revisions = owned_page.revisions.count()
    reader_client.post(reverse("governance:confirm_review", args=[owned_page.pk]), {"comment": "Relu avec l’équipe"})
    review = PageReview.objects.get()
    assert review.reviewed_by == reader and review.comment == "Relu avec l’équipe"
    assert owned_page.revisions.count() == revisions
    assert "Aucune page à vérifier" in page_text(reader_client.get(reverse("governance:my_reviews")))


def test_only_the_responsable_or_an_officer_may_confirm_a_review(owned_page, member_client, officer_client):
    url = reverse("governance:confirm_review", args=[owned_page.pk])
    assert member_client.post(url).status_code == 404
    assert officer_client.post(url).status_code == 302
    assert PageReview.objects.count() == 1


def test_the_user_menu_links_to_my_contents_for_owners_only(owned_page, reader_client, member_client):
    link = reverse("governance:my_reviews")
    assert link in reader_client.get(owned_page.url).content.decode()
    assert link not in member_client.get(owned_page.url).content.decode()


def test_my_contents_costs_the_same_with_more_pages(sections, reader_client, reader, person_of):
    from tests.factories import CaseStudyPageFactory
    from tests.utils import assert_query_budget

    def add(n):
        for _ in range(n):
            set_owner(CaseStudyPageFactory(), person_of(reader))

    # The page works out the responsable of every page the reader may open: a few queries more than a listing.
    assert_query_budget(reader_client, reverse("governance:my_reviews"), add, budget=20)
