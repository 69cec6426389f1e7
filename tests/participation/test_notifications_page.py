"""The bell, the notifications page, opening and marking notifications read; only one's own, still visible."""

import pytest

from participation.models import Notification
from tests.factories import NewsPageFactory
from tests.participation.conftest import fresh
from tests.utils import assert_query_budget, hostile_queries, page_text, restrict_page_to_groups

pytestmark = pytest.mark.django_db


def notify(user, page, n=0, **fields):
    return Notification.objects.create(
        recipient=user,
        page=page,
        kind="publication",
        message=f"Nouvelle publication : « {page.title} »",
        key=f"t{n}",
        **fields,
    )


def test_the_bell_counts_unread_notifications(reader_client, reader, sections):
    assert "Notifications, 0 non lue" in page_text(reader_client.get("/notifications/"))
    for n in range(3):
        notify(reader, NewsPageFactory(), n)
    notify(reader, NewsPageFactory(), 9).__class__.objects.filter(key="t9").update(read_at="2026-01-01T00:00:00Z")
    assert "Notifications, 3 non lues" in page_text(reader_client.get("/notifications/"))


def test_the_list_is_newest_first_with_unread_highlighted(reader_client, reader, sections):
    old = notify(reader, NewsPageFactory(title="Ancienne"), 1)
    notify(reader, NewsPageFactory(title="Récente"), 2)
    Notification.objects.filter(pk=old.pk).update(created_at="2026-01-01T00:00:00Z")
    html = reader_client.get("/notifications/").content.decode()
    assert html.index("Récente") < html.index("Ancienne")
    assert html.count("notification--unread") == 2


def test_opening_marks_read_and_redirects_to_the_page(reader_client, reader, sections):
    news = NewsPageFactory()
    notification = notify(reader, news)
    response = reader_client.get(f"/notifications/{notification.pk}/ouvrir/")
    assert response.status_code == 302 and response["Location"].endswith(news.url)
    assert Notification.objects.get().read_at is not None


def test_someone_elses_notification_is_404(reader_client, project_officer, sections):
    notification = notify(project_officer, NewsPageFactory())
    assert reader_client.get(f"/notifications/{notification.pk}/ouvrir/").status_code == 404
    assert reader_client.post(f"/notifications/{notification.pk}/lue/").status_code == 404
    assert Notification.objects.get().read_at is None


def test_mark_one_and_mark_all_read(reader_client, reader, sections):
    first, second = notify(reader, NewsPageFactory(), 1), notify(reader, NewsPageFactory(), 2)
    response = reader_client.post(f"/notifications/{first.pk}/lue/", {"next": "//ailleurs.example/"})
    assert response["Location"] == "/notifications/"
    assert Notification.objects.unread().count() == 1
    reader_client.post("/notifications/tout-marquer-lu/")
    assert not Notification.objects.unread().exists()
    assert second.pk


def test_a_page_restricted_later_is_no_longer_listed(
    reader_client, member_client, reader, committee_member, committee, sections
):
    news = NewsPageFactory(title="Compte rendu confidentiel")
    notification = notify(reader, news, 1)
    notify(committee_member, news, 1)
    restrict_page_to_groups(news, committee)
    assert "Compte rendu confidentiel" not in page_text(reader_client.get("/notifications/"))
    assert "Notifications, 0 non lue" in page_text(reader_client.get("/notifications/"))
    assert reader_client.get(f"/notifications/{notification.pk}/ouvrir/").status_code == 404
    assert "Compte rendu confidentiel" in page_text(member_client.get("/notifications/"))
    assert Notification.objects.for_reader(fresh(reader)).count() == 0


def test_the_notifications_page_keeps_to_its_query_budget(reader_client, reader, sections):
    page = NewsPageFactory()

    def add_items(n):
        start = Notification.objects.count()
        for i in range(start, start + n):
            notify(reader, page, i)
        # New notifications drop the bell's cached count: the first page after them recounts it once.
        reader_client.get("/notifications/")

    assert_query_budget(reader_client, "/notifications/", add_items)


@pytest.mark.parametrize("query", hostile_queries("page"))
def test_hostile_page_numbers_never_break_the_list(reader_client, reader, sections, query):
    notify(reader, NewsPageFactory())
    assert reader_client.get("/notifications/" + query).status_code == 200
    assert reader_client.get("/mon-compte/abonnements/" + query).status_code == 200


@pytest.mark.parametrize("value", ["%C2%B2", "%00", "99999999999999999999", "inconnu", "x" * 500])
def test_hostile_ids_in_paths_never_break(reader_client, value):
    for url in (f"/notifications/{value}/ouvrir/", f"/notifications/{value}/lue/"):
        assert reader_client.get(url).status_code in (404, 405)
        assert reader_client.post(url).status_code in (404, 405)
    for url in ("/mon-compte/abonnements/suivre/", "/mon-compte/abonnements/ne-plus-suivre/"):
        assert reader_client.post(url, {"page": value, "tag": value, "next": value}).status_code == 302
    response = reader_client.post("/mon-compte/abonnements/preference/", {"email_frequency": value})
    assert response.status_code == 400


def test_anonymous_visitors_are_sent_to_sign_in(client, reader, sections):
    from tests.utils import is_redirect_to_sign_in

    notification = notify(reader, NewsPageFactory())
    for url in (
        "/notifications/",
        f"/notifications/{notification.pk}/ouvrir/",
        "/mon-compte/abonnements/",
    ):
        assert is_redirect_to_sign_in(client.get(url)), url
    for url in (
        f"/notifications/{notification.pk}/lue/",
        "/notifications/tout-marquer-lu/",
        "/mon-compte/abonnements/suivre/",
        "/mon-compte/abonnements/ne-plus-suivre/",
        "/mon-compte/abonnements/preference/",
    ):
        assert is_redirect_to_sign_in(client.post(url)), url
    assert Notification.objects.get().read_at is None
