"""The content version kept in the database: bumped in the transaction of every change that shows in a page,
and only then, so that what the cache holds can never outlive the content it was computed from."""

import pytest
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.db import transaction

from accounts.sso.provisioning import apply_identity
from base.bulk import bulk_publication
from base.content_version import ContentVersion, read_content_version
from tests import factories
from tests.utils import page_text, restrict_page_to_groups

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(sections):
    return factories.NewsPageFactory(title="Compte rendu du comité")


def changes(action) -> bool:
    """Whether `action` changed the content version."""
    before = read_content_version()
    action()
    return read_content_version() != before


def test_restrictions_memberships_and_publication_change_the_version(news, reader, committee):
    restriction = restrict_page_to_groups(news, committee)
    assert changes(lambda: restriction.groups.add(Group.objects.create(name="Direction")))
    assert changes(lambda: reader.groups.add(committee))
    assert changes(lambda: committee.user_set.remove(reader))
    assert changes(lambda: news.unpublish())
    assert changes(lambda: news.save_revision().publish())
    assert changes(lambda: restriction.delete())
    assert changes(lambda: committee.delete())


def test_a_rolled_back_change_leaves_the_version_as_it_was(news, committee):
    before = read_content_version()
    with pytest.raises(RuntimeError), transaction.atomic():
        restrict_page_to_groups(news, committee)
        assert read_content_version() != before  # bumped by the change's own transaction…
        raise RuntimeError("the editor's request failed")
    assert read_content_version() == before  # …and undone with it


def test_the_version_never_goes_back(news):
    versions = [read_content_version()]
    for title in ("Première", "Deuxième", "Troisième"):
        news.title = title
        news.save_revision().publish()
        versions.append(read_content_version())
    assert versions == sorted(versions) and len(set(versions)) == len(versions)


def test_a_draft_saved_or_autosaved_changes_nothing_readers_see(news):
    def save_draft():
        news.title = "Brouillon en cours"
        news.save_revision()

    assert not changes(save_draft)


def test_a_sign_in_with_unchanged_claims_changes_nothing(reader, roles):
    claims = {
        "first_name": "Lina",
        "last_name": "Lecteur",
        "email": reader.email,
        "metier": "Infirmier",
        "site": "Arras",
        "groups": [],
    }
    assert changes(lambda: apply_identity(reader, claims))  # the first time: a new métier, a directory entry
    assert not changes(lambda: apply_identity(reader, claims))
    assert changes(lambda: apply_identity(reader, {**claims, "site": "Lens"}))


def test_an_old_copy_of_the_cache_serves_nothing_restricted_since(reader_client, member_client, committee, news):
    """A cache restarted from an older snapshot (Redis's RDB file), or a worker's memory that missed the
    change, holds the entries of before: they are under an older version, so they are never read again."""
    index = news.get_parent()
    for url in (news.url, index.url, index.get_parent().url):
        assert "Compte rendu du comité" in page_text(reader_client.get(url))
    memory = caches["default"]
    snapshot = (dict(memory._cache), dict(memory._expire_info))

    restrict_page_to_groups(news, committee)
    memory._cache.clear()
    memory._cache.update(snapshot[0])
    memory._expire_info.update(snapshot[1])

    assert reader_client.get(news.url).status_code in (302, 403, 404)
    for url in (index.url, index.get_parent().url):
        assert "Compte rendu du comité" not in page_text(reader_client.get(url)), url
        assert "Compte rendu du comité" in page_text(member_client.get(url)), url


def test_unknown_addresses_and_sub_routes_leave_nothing_in_the_cache(reader_client, news):
    memory = caches["default"]
    assert reader_client.get(news.url).status_code == 200
    kept = len(memory._cache)
    for path in ("inconnue/", "inconnue/et-plus/", "a%00b/"):
        assert reader_client.get(news.get_parent().url + path).status_code == 404, path
    assert reader_client.get("/nulle-part/").status_code == 404
    assert len(memory._cache) == kept


def test_a_bulk_import_bumps_the_version_once_at_its_end(sections):
    before = read_content_version()
    with transaction.atomic(), bulk_publication():
        for number in range(3):
            factories.NewsPageFactory(title=f"Importée {number}")
        # Nothing bumped (nor locked) yet: other publications do not wait for the import.
        assert read_content_version() == before
    assert read_content_version() != before
    # And nothing at all when the import fails.
    before = read_content_version()
    with pytest.raises(RuntimeError), transaction.atomic(), bulk_publication():
        factories.NewsPageFactory(title="Importée puis annulée")
        raise RuntimeError("ligne 3 : date invalide")
    assert ContentVersion.objects.get().value == before
