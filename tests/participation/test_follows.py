"""Following and leaving groups, sections and tags; the groups one belongs to are followed by default."""

import pytest
from taggit.models import Tag

from participation.models import Follow
from participation.services.follows import is_following
from tests.participation.conftest import fresh, make_member
from tests.utils import page_text

pytestmark = pytest.mark.django_db

FOLLOW, UNFOLLOW, MINE = (
    "/mon-compte/abonnements/suivre/",
    "/mon-compte/abonnements/ne-plus-suivre/",
    "/mon-compte/abonnements/",
)


def test_follow_and_unfollow_a_section_by_post_redirect_get(reader_client, reader, sections):
    news_index = sections["news.NewsIndexPage"]
    response = reader_client.post(FOLLOW, {"page": news_index.pk, "next": "/actualites/"}, follow=True)
    assert response.redirect_chain[0][0] == "/actualites/"
    assert "Vous suivez désormais « Actualités »." in page_text(response)
    assert is_following(fresh(reader), news_index)
    assert "Actualités" in page_text(reader_client.get(MINE))

    response = reader_client.post(UNFOLLOW, {"page": news_index.pk, "next": "https://ailleurs.example/"})
    assert response["Location"] == MINE
    assert not is_following(fresh(reader), news_index)


def test_follow_is_unique_per_user_and_target(reader_client, reader, sections):
    index = sections["events.EventIndexPage"]
    reader_client.post(FOLLOW, {"page": index.pk})
    reader_client.post(FOLLOW, {"page": index.pk})
    assert Follow.objects.filter(user=reader, page=index).count() == 1


def _tagged_news(tag_name: str, **fields):
    from tests.factories import NewsPageFactory

    news = NewsPageFactory(**fields)
    news.tags.add(tag_name)
    news.save()
    return news


def test_a_tag_can_be_followed(reader_client, reader, sections):
    _tagged_news("Risques psychosociaux")
    tag = Tag.objects.get(name="Risques psychosociaux")
    reader_client.post(FOLLOW, {"tag": tag.pk})
    assert is_following(fresh(reader), tag)
    assert "Risques psychosociaux" in page_text(reader_client.get(MINE))


def test_a_tag_of_restricted_pages_only_answers_like_an_unknown_tag(
    reader_client, member_client, reader, committee_member, committee, sections
):
    from tests.utils import restrict_page_to_groups

    restrict_page_to_groups(_tagged_news("Plan social confidentiel"), committee)
    tag = Tag.objects.get(name="Plan social confidentiel")

    for url in (FOLLOW, UNFOLLOW):
        refused = reader_client.post(url, {"tag": tag.pk}, follow=True)
        assert "Ce mot-clé n’existe pas." in page_text(refused)
        assert "Plan social confidentiel" not in refused.content.decode()
    unknown = reader_client.post(FOLLOW, {"tag": tag.pk + 1000}, follow=True)
    assert page_text(unknown).replace(str(tag.pk + 1000), "") == page_text(refused).replace(str(tag.pk), "")
    assert not Follow.objects.filter(user=reader).exists()

    followed = member_client.post(FOLLOW, {"tag": tag.pk}, follow=True)
    assert "Vous suivez désormais « Plan social confidentiel »." in page_text(followed)
    assert is_following(fresh(committee_member), tag)


def test_a_tag_of_drafts_only_cannot_be_followed(reader_client, reader, sections):
    _tagged_news("Réorganisation des secteurs", live=False)
    tag = Tag.objects.get(name="Réorganisation des secteurs")
    response = reader_client.post(FOLLOW, {"tag": tag.pk}, follow=True)
    assert "Ce mot-clé n’existe pas." in page_text(response)
    assert "Réorganisation des secteurs" not in response.content.decode()
    assert not Follow.objects.exists()


def test_my_subscriptions_stop_naming_a_tag_once_its_pages_are_restricted(
    reader_client, member_client, committee, sections
):
    from tests.utils import restrict_page_to_groups

    news = _tagged_news("Plan social confidentiel")
    tag = Tag.objects.get(name="Plan social confidentiel")
    reader_client.post(FOLLOW, {"tag": tag.pk})
    member_client.post(FOLLOW, {"tag": tag.pk})
    assert "Plan social confidentiel" in page_text(reader_client.get(MINE))

    restrict_page_to_groups(news, committee)

    assert "Plan social confidentiel" not in reader_client.get(MINE).content.decode()
    assert "Vous ne suivez aucun mot-clé." in page_text(reader_client.get(MINE))
    assert "Plan social confidentiel" in page_text(member_client.get(MINE))


def test_members_follow_their_group_by_default_until_they_leave_it(reader_client, reader, group):
    make_member(group, reader)
    assert is_following(fresh(reader), group)
    assert not Follow.objects.exists()  # computed, not stored
    text = page_text(reader_client.get(MINE))
    assert group.title in text and "membre du groupe" in text

    reader_client.post(UNFOLLOW, {"page": group.pk}, follow=True)
    assert not is_following(fresh(reader), group)
    assert group.title not in page_text(reader_client.get(MINE))


def test_the_button_is_on_the_group_and_section_pages(reader_client, group, sections):
    assert "Suivre" in page_text(reader_client.get(group.url))
    for label in ("news.NewsIndexPage", "events.EventIndexPage", "projects.NeedsIndexPage"):
        text = page_text(reader_client.get(sections[label].url))
        assert "Suivre « " in text, label


def test_unfollowing_shows_ne_plus_suivre(reader_client, sections):
    index = sections["knowledge.CaseStudyIndexPage"]
    reader_client.post(FOLLOW, {"page": index.pk})
    assert "Ne plus suivre" in page_text(reader_client.get(index.url))


@pytest.mark.parametrize("data", [{}, {"page": "abc"}, {"page": "²"}, {"page": "99999999999999999999"}, {"tag": "0"}])
def test_bad_targets_get_a_french_message(reader_client, sections, data):
    response = reader_client.post(FOLLOW, data, follow=True)
    assert response.status_code == 200
    assert 'class="alert alert--error"' in response.content.decode()
    assert any(text in page_text(response) for text in ("Choisissez un groupe", "n’existe pas"))
    assert not Follow.objects.exists()


def test_a_plain_page_or_a_hidden_group_cannot_be_followed(reader_client, committee, group, sections):
    from tests.factories import NewsPageFactory
    from tests.utils import restrict_page_to_groups

    news = NewsPageFactory()
    restrict_page_to_groups(group, committee)
    for page in (news, group):
        response = reader_client.post(FOLLOW, {"page": page.pk}, follow=True)
        assert "ne peut pas être suivie" in page_text(response)
    assert not Follow.objects.exists()


def test_email_preference_is_saved_and_bad_values_refused(reader_client, reader):
    from participation.models import NotificationPreference

    response = reader_client.post("/mon-compte/abonnements/preference/", {"email_frequency": "weekly"})
    assert response.status_code == 302
    assert NotificationPreference.objects.get(user=reader).email_frequency == "weekly"
    response = reader_client.post("/mon-compte/abonnements/preference/", {"email_frequency": "x" * 5000})
    assert response.status_code == 400
    assert "Choisissez une des fréquences proposées." in page_text(response)
    assert NotificationPreference.objects.get(user=reader).email_frequency == "weekly"


def test_a_tag_filter_offers_to_follow_the_tag(reader_client, reader, sections):
    from tests.factories import NewsPageFactory

    news = NewsPageFactory()
    news.tags.add("Bruit")
    news.save()
    index = sections["news.NewsIndexPage"]
    text = page_text(reader_client.get(index.url + "?tag=bruit"))
    assert "Suivre « Bruit »" in text
    assert "Suivre « Bruit »" not in page_text(reader_client.get(index.url))


@pytest.mark.parametrize(
    ("factory", "section"),
    [("CaseStudyPageFactory", "knowledge.CaseStudyIndexPage"), ("ApproachPageFactory", "knowledge.ApproachIndexPage")],
)
def test_a_theme_filter_of_the_knowledge_lists_offers_to_follow_the_tag(reader_client, sections, factory, section):
    from tests import factories

    page = getattr(factories, factory)()
    page.tags.add("Bruit")
    page.save()
    index = sections[section]
    assert "Suivre « Bruit »" in page_text(reader_client.get(index.url + "?theme=bruit"))
    assert "Suivre « Bruit »" not in page_text(reader_client.get(index.url))
    assert "Suivre « Bruit »" not in page_text(reader_client.get(index.url + "?theme=%00"))
