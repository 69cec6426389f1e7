"""The index follows the content: publish, edit, unpublish, move, delete, privacy and document uploads
show in the next search, and the vocabulary (completions, corrections) follows too."""

import pytest
from django.core.files.base import ContentFile

from search.models import IndexedWord, SearchRecord
from search.services.site_search import search_site
from tests import factories, sample_files
from tests.utils import restrict_collection_to_groups, restrict_page_to_groups


def _search(reader, query):
    # A fresh account object, as each request has: what a reader may see is remembered on it.
    return search_site(type(reader).objects.get(pk=reader.pk), query)


def _titles(reader, query):
    return [item.record.title for item in _search(reader, query).items]


def _found(reader, query, obj) -> bool:
    return any(item.record.object_id == str(obj.pk) for item in _search(reader, query).items)


@pytest.mark.django_db
def test_a_published_page_is_found_and_an_edit_replaces_its_words(reader, home):
    page = factories.NewsPageFactory(title="Campagne de vaccination antigrippale")
    assert _found(reader, "antigrippale", page)

    page.title = "Campagne de dépistage auditif"
    page.save_revision().publish()
    assert not _found(reader, "antigrippale", page)
    assert _found(reader, "auditif", page)
    assert not IndexedWord.objects.filter(word="antigrippale", documents__gt=0).exists()
    assert IndexedWord.objects.get(word="auditif").documents == 1


@pytest.mark.django_db
def test_unpublished_moved_and_deleted_pages(reader, sections):
    page = factories.NewsPageFactory(title="Journée audiométrie")
    assert _found(reader, "audiométrie", page)

    page.unpublish()
    assert not _found(reader, "audiométrie", page)

    page.save_revision().publish()
    page.move(factories.StandardPageFactory(title="Archives"), pos="last-child")
    page.refresh_from_db()
    hits = _search(reader, "audiométrie").items
    assert [item.record.object_id for item in hits] == [str(page.pk)]

    page.delete()
    assert not _search(reader, "audiométrie").items
    assert not SearchRecord.objects.filter(object_id=str(page.pk), kind="actualites").exists()
    assert not IndexedWord.objects.filter(word="audiométrie", documents__gt=0).exists()


@pytest.mark.django_db
def test_a_privacy_change_applies_at_once_to_results_and_counts(reader, committee_member, committee, home):
    page = factories.NewsPageFactory(title="Réorganisation du pôle ergonomie")
    assert _found(reader, "réorganisation", page)

    restriction = restrict_page_to_groups(page, committee)
    outcome = _search(reader, "réorganisation")
    assert outcome.count == 0 and not any(value.count for value in outcome.facets["type"])
    assert _found(committee_member, "réorganisation", page)

    restriction.delete()
    assert _found(reader, "réorganisation", page)


@pytest.mark.django_db
def test_a_document_is_found_by_its_text_and_a_new_file_replaces_it(
    reader, committee, committee_member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        document = factories.make_document(
            "fiche.pdf", sample_files.pdf_bytes("Protocole de décontamination des locaux"), title="Fiche pratique"
        )
    assert _found(reader, "décontamination", document)

    with django_capture_on_commit_callbacks(execute=True):
        content = sample_files.pdf_bytes("Consignes de ventilation des ateliers")
        document.file.save("fiche-v2.pdf", ContentFile(content), save=False)
        document.file_size = len(content)
        document._set_file_hash()
        document.save()
    assert not _found(reader, "décontamination", document)
    assert _found(reader, "ventilation", document)

    document.refresh_from_db()
    collection = document.collection.add_child(name="Comité")
    document.collection = collection
    document.save()
    restrict_collection_to_groups(collection, committee)
    assert not _found(reader, "ventilation", document)
    assert _found(committee_member, "ventilation", document)


@pytest.mark.django_db
def test_update_index_rebuilds_records_and_word_counts(reader, home):
    from django.core.management import call_command

    factories.NewsPageFactory(title="Surveillance des nuisances sonores")
    factories.NewsPageFactory(title="Les nuisances sonores en atelier")
    IndexedWord.objects.filter(word="nuisances").update(documents=40)
    SearchRecord.objects.create(content_type_id=SearchRecord.objects.first().content_type_id, object_id="999999")

    call_command("update_index", verbosity=0)

    assert IndexedWord.objects.get(word="nuisances").documents == 2
    assert not SearchRecord.objects.filter(object_id="999999").exists()
    assert len(_titles(reader, "nuisances sonores")) == 2
