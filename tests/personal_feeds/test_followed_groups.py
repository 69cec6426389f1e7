"""« Mes abonnements » offers the meetings address of every group one follows, member or not."""

import pytest

from participation.services.follows import follow
from tests import factories
from tests.utils import assert_query_budget

SUBSCRIPTIONS = "/mon-compte/abonnements/"


@pytest.mark.django_db
def test_a_followed_group_offers_its_personal_meetings_address(reader_client, reader, reader_secret, group):
    follow(reader, group)
    body = reader_client.get(SUBSCRIPTIONS).content.decode()
    assert f"/flux/personnel/{reader_secret}/groupes/{group.pk}/reunions.ics" in body
    assert f"Réunions – {group.title}" in body


@pytest.mark.django_db
def test_a_group_not_followed_offers_none(reader_client, reader_secret, group):
    body = reader_client.get(SUBSCRIPTIONS).content.decode()
    assert f"groupes/{group.pk}/reunions.ics" not in body


@pytest.mark.django_db
def test_a_followed_group_now_restricted_offers_none(reader_client, reader, reader_secret, secret_group):
    follow(reader, secret_group)
    body = reader_client.get(SUBSCRIPTIONS).content.decode()
    assert f"groupes/{secret_group.pk}/reunions.ics" not in body
    assert secret_group.title not in body


@pytest.mark.django_db
def test_subscriptions_query_budget(reader_client, reader, reader_secret, sections):
    def follow_groups(n):
        for group in factories.WorkingGroupPageFactory.create_batch(n):
            follow(reader, group)

    assert_query_budget(reader_client, SUBSCRIPTIONS, follow_groups)
