"""Who is told of a publication is worked out by a task: the editor's publish request makes the same number
of queries whatever the number of recipients; the task then tells exactly those who may open the page."""

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.test.utils.form_data import nested_form_data, streamfield

from participation.models import Notification
from participation.publication_tasks import notify_publication_later
from participation.services.follows import follow
from tests.factories import NewsPageFactory
from tests.utils import restrict_page_to_groups

pytestmark = pytest.mark.django_db

# Tasks are recorded, not run: what the request itself costs is measured.
RECORDED_TASKS = override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}})


def _followers(django_user_model, sections, count, start):
    for n in range(start, start + count):
        user = django_user_model.objects.create_user(username=f"suiveur{n}", email=f"suiveur{n}@example.org")
        follow(user, sections["news.NewsIndexPage"])


def _publish_from_the_editor(client, news):
    data = nested_form_data(
        {
            "title": news.title,
            "slug": news.slug,
            "summary": news.summary,
            "date": news.date.isoformat(),
            "body": streamfield([]),
            "comments": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0, "MIN_NUM_FORMS": 0, "MAX_NUM_FORMS": 1000},
        }
    )
    with CaptureQueriesContext(connection) as queries:
        response = client.post(f"/admin/pages/{news.pk}/edit/", {**data, "action-publish": ""})
    assert response.status_code == 302, response.content.decode()[:2000]
    return len(queries)


def test_the_publish_request_does_not_grow_with_the_recipients(
    admin_client, django_user_model, sections, django_capture_on_commit_callbacks
):
    with RECORDED_TASKS:
        _followers(django_user_model, sections, 5, 0)
        admin_client.get("/admin/")  # the session and caches warmed once
        few = _publish_from_the_editor(admin_client, NewsPageFactory(live=False, title="Pour cinq"))
        _followers(django_user_model, sections, 25, 5)
        many = _publish_from_the_editor(admin_client, NewsPageFactory(live=False, title="Pour trente"))
    assert many == few
    assert not Notification.objects.exists()  # nobody told during the request


def test_the_task_tells_those_who_may_open_the_page(reader, committee_member, committee, sections, project_officer):
    follow(reader, sections["news.NewsIndexPage"])
    follow(committee_member, sections["news.NewsIndexPage"])
    with RECORDED_TASKS:
        news = NewsPageFactory(live=False, title="Réservée au comité")
        restrict_page_to_groups(news, committee)
        revision = news.save_revision(user=project_officer)
        revision.publish(user=project_officer)
        assert not Notification.objects.exists()
    assert notify_publication_later.call(news.pk, revision.pk, True) == 1
    assert list(Notification.objects.values_list("recipient_id", flat=True)) == [committee_member.pk]
    assert notify_publication_later.call(news.pk, revision.pk, True) == 0  # never twice
    assert notify_publication_later.call(10**9, revision.pk, True) == 0  # page gone since: nothing
