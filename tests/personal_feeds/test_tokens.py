"""The subscription secret: one per account, regenerable, revocable, refused once inactive."""

import pytest

from personal_feeds.models import FeedToken
from personal_feeds.services import current_token, regenerate, revoke, token_for, user_for_secret


@pytest.mark.django_db
def test_token_for_creates_once_and_returns_the_secret_only_then(reader):
    token, secret = token_for(reader)
    assert secret and token.secret == secret and token.prefix == secret[:8]
    again, no_secret = token_for(reader)
    assert again.pk == token.pk and no_secret is None
    assert FeedToken.objects.count() == 1


@pytest.mark.django_db
def test_current_token_creates_nothing(reader):
    assert current_token(reader) is None
    assert FeedToken.objects.count() == 0


@pytest.mark.django_db
def test_secret_leads_to_its_account_and_records_the_use(reader, reader_secret):
    assert user_for_secret(reader_secret) == reader
    assert FeedToken.objects.get(user=reader).last_used_at is not None


@pytest.mark.django_db
def test_regenerated_secret_replaces_the_old_one_at_once(reader, reader_secret):
    new = regenerate(reader)
    assert new != reader_secret
    assert user_for_secret(reader_secret) is None
    assert user_for_secret(new) == reader


@pytest.mark.django_db
def test_revoked_secret_no_longer_works(reader, reader_secret):
    assert revoke(reader) is True
    assert user_for_secret(reader_secret) is None
    assert revoke(reader) is False


@pytest.mark.django_db
def test_inactive_account_is_refused(reader, reader_secret):
    reader.is_active = False
    reader.save()
    assert user_for_secret(reader_secret) is None


@pytest.mark.django_db
@pytest.mark.parametrize("secret", ["", "\x00" * 43, "a" * 42, "a" * 44, "é" * 43, None, 12])
def test_malformed_secrets_are_refused(reader_secret, secret):
    assert user_for_secret(secret) is None


@pytest.mark.django_db
def test_a_secret_sharing_only_the_prefix_is_refused(reader_secret):
    forged = reader_secret[:8] + ("A" if reader_secret[8] != "A" else "B") + reader_secret[9:]
    assert user_for_secret(forged) is None
