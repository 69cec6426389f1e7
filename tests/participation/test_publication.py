"""Publishing tells the followers once: in the bell and by e-mail, only those who may open the page."""

import pytest

from news.models import NewsPage
from participation.models import EmailDelivery, Notification
from participation.services.follows import follow
from participation.signals import announced_pages
from tests.factories import MetierFactory, NewsPageFactory, PersonFactory
from tests.participation.conftest import make_member
from tests.utils import restrict_page_to_groups

pytestmark = pytest.mark.django_db


def test_first_publication_gives_one_notification_and_one_email(smtp, publish, reader, project_officer, sections):
    follow(reader, sections["news.NewsIndexPage"])
    news = NewsPageFactory(title="Nouveau protocole de visite", live=False)
    publish(news, project_officer)

    notification = Notification.objects.get()
    assert notification.recipient == reader and notification.page_id == news.pk
    assert notification.message == "Nouvelle publication : « Nouveau protocole de visite »"
    assert len(smtp.messages) == 1
    message = smtp.messages[0]
    assert message["To"] == reader.email
    assert message["Subject"].strip() == "[Intranet] Nouvelle publication : « Nouveau protocole de visite »"
    assert message["List-Unsubscribe"].strip().startswith("<http://testserver/desabonnement/")
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    link = f"http://testserver/notifications/{notification.pk}/ouvrir/"
    assert "Du nouveau dans ce que vous suivez" in text and link in text
    assert f'href="{link}"' in html
    assert EmailDelivery.objects.get().status == "sent"


def test_a_plain_publication_of_a_live_page_tells_nobody(smtp, publish, reader, project_officer, sections):
    follow(reader, sections["news.NewsIndexPage"])
    news = publish(NewsPageFactory(live=False), project_officer)
    news.title = "Titre corrigé"
    publish(news, project_officer)
    assert Notification.objects.count() == 1
    assert len(smtp.messages) == 1


def test_publish_and_notify_tells_followers_again(smtp, publish, reader, project_officer, sections):
    follow(reader, sections["news.NewsIndexPage"])
    news = publish(NewsPageFactory(live=False, title="Guide"), project_officer)
    token = announced_pages.set(frozenset({news.pk}))
    try:
        publish(news, project_officer)
    finally:
        announced_pages.reset(token)
    assert list(Notification.objects.order_by("pk").values_list("kind", flat=True)) == ["publication", "update"]
    assert len(smtp.messages) == 2
    assert "Mise à jour importante : « Guide »" in smtp.messages[1]["Subject"]


def test_a_follower_by_group_and_by_section_is_told_once(smtp, publish, reader, project_officer, group, draft_in_group):
    make_member(group, reader)
    follow(reader, group.get_parent().specific)
    publish(draft_in_group, project_officer)
    assert Notification.objects.filter(recipient=reader).count() == 1
    assert len(smtp.messages) == 1


def test_members_who_left_their_group_are_not_told(publish, reader, project_officer, group, draft_in_group):
    from participation.services.follows import unfollow

    make_member(group, reader)
    unfollow(reader, group)
    publish(draft_in_group, project_officer)
    assert not Notification.objects.exists()


def test_news_for_a_metier_reaches_its_staff(publish, reader, project_officer, sections):
    nurse = MetierFactory(name="Infirmier")
    PersonFactory(user=reader, metier=nurse)
    other = NewsPageFactory(live=False, metiers=[MetierFactory(name="Médecin")])
    publish(other, project_officer)
    assert not Notification.objects.exists()
    news = NewsPageFactory(live=False, metiers=[nurse])
    publish(news, project_officer)
    assert Notification.objects.get().recipient == reader


def test_the_author_and_drafts_tell_nobody(
    smtp, publish, reader, project_officer, sections, django_capture_on_commit_callbacks
):
    follow(reader, sections["news.NewsIndexPage"])
    follow(project_officer, sections["news.NewsIndexPage"])
    news = NewsPageFactory(live=False)
    with django_capture_on_commit_callbacks(execute=True):
        news.save_revision(user=project_officer)
    assert not Notification.objects.exists()
    publish(news, project_officer)
    assert list(Notification.objects.values_list("recipient", flat=True)) == [reader.pk]


def test_a_restricted_page_reaches_only_its_group(
    smtp, publish, reader, committee_member, committee, project_officer, sections
):
    for user in (reader, committee_member):
        follow(user, sections["news.NewsIndexPage"])
    news = NewsPageFactory(live=False, title="Compte rendu du comité")
    restrict_page_to_groups(news, committee)
    publish(news, project_officer)
    assert list(Notification.objects.values_list("recipient", flat=True)) == [committee_member.pk]
    assert [message["To"] for message in smtp.messages] == [committee_member.email]


def test_a_tag_follower_is_told(publish, reader, project_officer):
    from taggit.models import Tag

    tag = Tag.objects.create(name="Bruit", slug="bruit")
    follow(reader, tag)
    news = NewsPageFactory(live=False)
    news.tags.add(tag)
    publish(news, project_officer)
    assert Notification.objects.get().recipient == reader


def test_the_action_is_offered_in_the_editor_for_live_pages(client, administrator, sections):
    client.force_login(administrator)
    news = NewsPageFactory()
    html = client.get(f"/admin/pages/{news.pk}/edit/").content.decode()
    assert 'name="action-publish-notify"' in html and "Publier et prévenir les abonnés" in html


def test_publish_and_notify_from_the_editor(
    smtp, client, administrator, reader, sections, django_capture_on_commit_callbacks
):
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    follow(reader, sections["news.NewsIndexPage"])
    news = NewsPageFactory(title="Procédure")
    news.save_revision().publish()  # first publication (author: nobody)
    Notification.objects.all().delete()
    client.force_login(administrator)
    data = nested_form_data(
        {
            "title": "Procédure révisée",
            "slug": news.slug,
            "summary": news.summary,
            "date": news.date.isoformat(),
            "body": streamfield([]),
            "comments": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0, "MIN_NUM_FORMS": 0, "MAX_NUM_FORMS": 1000},
        }
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/pages/{news.pk}/edit/", {**data, "action-publish": ""})
    assert response.status_code == 302
    assert not Notification.objects.exists()  # plain "Publier": nobody told

    data["title"] = "Procédure révisée, version 2"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/pages/{news.pk}/edit/", {**data, "action-publish-notify": "1"})
    assert response.status_code == 302, response.content.decode()[:3000]
    news.refresh_from_db()
    assert news.title == "Procédure révisée, version 2" and not news.has_unpublished_changes
    notification = Notification.objects.get()
    assert notification.kind == "update" and notification.recipient == reader
    assert len(smtp.messages) == 1


def test_an_import_publishes_without_notifying_anyone(smtp, reader, sections, tmp_path):
    from django.core.management import call_command

    follow(reader, sections["news.NewsIndexPage"])
    records = tmp_path / "actualites.jsonl"
    records.write_text('{"type": "news", "slug": "archive-2024", "title": "Archive de 2024"}\n', encoding="utf-8")
    call_command("import_content", str(records), stdout=open(tmp_path / "out.txt", "w"))  # noqa: SIM115

    assert NewsPage.objects.filter(title="Archive de 2024", live=True).exists()
    assert not Notification.objects.exists() and not smtp.messages
