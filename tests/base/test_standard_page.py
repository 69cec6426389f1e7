"""Free-form pages: their download lists show only documents the reader may open; a bounded cost."""

import pytest
from wagtail.models import Collection

from base.models import StandardPage
from tests import factories
from tests.utils import assert_query_budget, assert_shown_only_to_members, restrict_collection_to_groups


def _page_with_documents(documents) -> StandardPage:
    page = factories.StandardPageFactory(title="Informations pratiques")
    page.body = [("documents", {"title": "À télécharger", "documents": list(documents)})]
    page.save_revision().publish()
    return page


@pytest.mark.django_db
def test_documents_of_a_restricted_collection_are_not_listed(home, reader_client, member_client, committee):
    private = Collection.get_first_root_node().add_child(name="Comité")
    restrict_collection_to_groups(private, committee)
    public = factories.make_document("ouvert.txt", b"Tout le monde", title="Planning commun")
    secret = factories.make_document("prive.txt", b"Confidentiel", title="Relevé de décisions", collection=private)
    page = _page_with_documents([public, secret])
    assert_shown_only_to_members(reader_client, member_client, page.url, "Relevé de décisions")
    assert "Planning commun" in reader_client.get(page.url).content.decode()


@pytest.mark.django_db
def test_an_image_of_a_restricted_collection_is_shown_only_to_members(home, reader_client, member_client, committee):
    private = Collection.get_first_root_node().add_child(name="Comité")
    restrict_collection_to_groups(private, committee)
    public = factories.ImageFactory(title="Plan d’accès", file__filename="plan.png")
    secret = factories.ImageFactory(
        title="Organigramme du comité", collection=private, file__filename="organigramme.png"
    )
    page = factories.StandardPageFactory(title="Informations pratiques")
    page.body = [("image", {"image": public, "decorative": False}), ("image", {"image": secret, "decorative": False})]
    page.save_revision().publish()
    # The title is the image's alternative text; its file, an address a reader could try.
    assert_shown_only_to_members(reader_client, member_client, page.url, "Organigramme du comité")
    assert_shown_only_to_members(reader_client, member_client, page.url, "/media/images/organigramme")
    assert "Plan d’accès" in reader_client.get(page.url).content.decode()


@pytest.mark.django_db
def test_standard_page_query_budget(home, reader_client):
    page = factories.StandardPageFactory(title="Aide")
    documents = []

    def add_documents(n):
        start = len(documents)
        documents.extend(
            factories.make_document(f"doc-{i}.txt", b"Texte", title=f"Document {i}") for i in range(start, start + n)
        )
        page.body = [("documents", {"title": "Documents", "documents": list(documents)})]
        page.save_revision().publish()

    assert_query_budget(reader_client, page.url, add_documents)
