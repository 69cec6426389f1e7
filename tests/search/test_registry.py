"""A page type plugs into the site search by declaring itself through search.registry, nothing in search/
changed: its results carry its kind's label, its facets are read where it says, and only readers who may
open it find it."""

import datetime

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection, models
from wagtail.models import Page
from wagtail.models.pages import PAGE_MODEL_CLASSES
from wagtail.search import index

from search.parameters import SearchFilters
from search.registry import Facets, Kind, register, unregister
from search.services.results import hits
from search.services.site_search import search_site
from tests.utils import restrict_page_to_groups

APP_LABEL = "base"
ISSUED_ON = datetime.date(2019, 3, 14)


@pytest.fixture(scope="module")
def bulletin_model(django_db_setup, django_db_blocker):
    """A page type defined by the test: its table is created, then dropped, around the module's tests."""

    class BulletinPage(Page):
        issued_on = models.DateField()
        body = models.TextField(blank=True)

        search_fields = Page.search_fields + [index.SearchField("body")]

        class Meta:
            app_label = APP_LABEL
            verbose_name = "bulletin"

    register(
        BulletinPage,
        kind=Kind("bulletins", "Bulletins d’information", order=15),
        facets=Facets(date="issued_on"),
    )
    with django_db_blocker.unblock():
        with connection.schema_editor() as editor:
            editor.create_model(BulletinPage)
        ContentType.objects.get_for_model(BulletinPage)
    try:
        yield BulletinPage
    finally:
        with django_db_blocker.unblock():
            with connection.schema_editor() as editor:
                editor.delete_model(BulletinPage)
            ContentType.objects.filter(app_label=APP_LABEL, model="bulletinpage").delete()
        unregister(BulletinPage)
        del apps.all_models[APP_LABEL]["bulletinpage"]
        apps.clear_cache()
        PAGE_MODEL_CLASSES.remove(BulletinPage)
        ContentType.objects.clear_cache()


@pytest.fixture
def bulletin(bulletin_model, home):
    page = home.add_child(
        instance=bulletin_model(
            title="Bulletin du printemps", issued_on=ISSUED_ON, body="Les dosimètres sont renouvelés.", live=False
        )
    )
    page.save_revision().publish()
    return page


def _search(reader, query: str, **filters):
    return search_site(type(reader).objects.get(pk=reader.pk), query, SearchFilters(**filters))


@pytest.mark.django_db
def test_a_declared_page_type_is_found_with_its_kind_and_facets(reader, bulletin):
    outcome = _search(reader, "dosimetre")

    assert [item.record.object_id for item in outcome.items] == [str(bulletin.pk)]
    assert [(value.value, value.label, value.count) for value in outcome.facets["type"]] == [
        ("bulletins", "Bulletins d’information", 1)
    ]
    assert [(value.value, value.count) for value in outcome.facets["annee"]] == [(ISSUED_ON.year, 1)]
    hit = hits(outcome.items, outcome.query)[0]
    assert (hit.kind, hit.title, hit.date, hit.type_label) == (
        "bulletins",
        "Bulletin du printemps",
        ISSUED_ON,
        "Bulletin",
    )
    assert hit.url == bulletin.url

    assert _search(reader, "dosimetre", type="bulletins", annee=ISSUED_ON.year).items
    assert not _search(reader, "dosimetre", annee=ISSUED_ON.year + 1).items


@pytest.mark.django_db
def test_a_declared_page_type_stays_hidden_from_readers_who_may_not_open_it(
    reader, committee_member, committee, bulletin
):
    restrict_page_to_groups(bulletin, committee)

    assert not _search(reader, "dosimetre").items
    assert _search(reader, "dosimetre").facets["type"] == []
    assert [item.record.object_id for item in _search(committee_member, "dosimetre").items] == [str(bulletin.pk)]
