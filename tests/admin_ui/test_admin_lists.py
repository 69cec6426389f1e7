"""In the administration, a pilot lists and names only the pages they may open or edit (their own group's drafts
included) and the documents and images their collections let them open: page, document and image choosers,
searches, the admin API, reports, the site summary. Project officers keep seeing everything."""

import re
from types import SimpleNamespace

import pytest
from wagtail.models import Collection

from projects.models import WorkingGroupMember
from tests import factories
from tests.utils import page_text, restrict_collection_to_groups, restrict_page_to_groups

HIDDEN = ("Cellule confidentielle", "Groupe en préparation", "Budget du comité", "Organigramme du comité")


@pytest.fixture
def scene(sections, committee, pilot):
    """The pilot's group (with a draft in it), an open group, a group restricted to the committee, another
    group's draft; an open and a restricted document and image."""
    mine = factories.WorkingGroupPageFactory(title="Groupe du pilote")
    WorkingGroupMember.objects.create(
        page=mine, person=factories.PersonFactory(user=pilot), role=WorkingGroupMember.Role.PILOT
    )
    mine.save_revision().publish()  # makes the pilot an editor of the group
    own_draft = factories.MicroProjectPageFactory(parent=mine, title="Micro-projet en préparation", live=False)
    open_group = factories.WorkingGroupPageFactory(title="Groupe ouvert")
    secret = factories.WorkingGroupPageFactory(title="Cellule confidentielle")
    restrict_page_to_groups(secret, committee)
    secret.save_revision()  # the last page of its type edited
    draft = factories.WorkingGroupPageFactory(title="Groupe en préparation", live=False)
    folder = Collection.get_first_root_node().add_child(name="Comité")
    restrict_collection_to_groups(folder, committee)
    return SimpleNamespace(
        index=sections["projects.WorkingGroupIndexPage"],
        mine=mine,
        own_draft=own_draft,
        open_group=open_group,
        secret=secret,
        draft=draft,
        open_document=factories.make_document("planning.txt", b"Planning", title="Planning commun"),
        secret_document=factories.make_document("budget.txt", b"Budget", title="Budget du comité", collection=folder),
        open_image=factories.ImageFactory(title="Plan d’accès", collection=Collection.get_first_root_node()),
        secret_image=factories.ImageFactory(title="Organigramme du comité", collection=folder),
    )


@pytest.fixture
def pilot_client(signed_in, pilot):
    return signed_in(pilot)


def _modal(response) -> str:
    """The HTML of a chooser's answer (a modal step in JSON, or a page of results)."""
    assert response.status_code == 200, response.status_code
    if response["Content-Type"].startswith("application/json"):
        return response.json().get("html", "") + str(response.json().get("result", ""))
    return response.content.decode()


def _shows(text: str, *titles: str) -> bool:
    return all(title in text for title in titles)


def _hides(text: str, *titles: str) -> bool:
    return not any(title in text for title in titles)


@pytest.mark.django_db
def test_the_page_chooser_lists_the_pages_the_pilot_may_open_or_edit(pilot_client, officer_client, scene):
    children = _modal(pilot_client.get(f"/admin/choose-page/{scene.index.pk}/"))
    assert _shows(children, "Groupe du pilote", "Groupe ouvert")
    assert _hides(children, "Cellule confidentielle", "Groupe en préparation")
    assert "Micro-projet en préparation" in _modal(pilot_client.get(f"/admin/choose-page/{scene.mine.pk}/"))

    found = _modal(pilot_client.get("/admin/choose-page/search/", {"q": "groupe"}))
    assert _shows(found, "Groupe du pilote", "Groupe ouvert")
    assert _hides(found, "Groupe en préparation")
    assert _hides(_modal(pilot_client.get("/admin/choose-page/search/", {"q": "cellule"})), "Cellule confidentielle")

    everything = _modal(officer_client.get(f"/admin/choose-page/{scene.index.pk}/"))
    assert _shows(everything, "Groupe du pilote", "Groupe ouvert", "Cellule confidentielle", "Groupe en préparation")


@pytest.mark.django_db
def test_the_page_chooser_names_no_hidden_page_chosen_by_id(pilot_client, officer_client, scene):
    ids = {"id": [scene.secret.pk, scene.draft.pk, scene.open_group.pk]}
    chosen = _modal(pilot_client.get("/admin/choose-page/chosen-multiple/", ids))
    assert _shows(chosen, "Groupe ouvert") and _hides(chosen, "Cellule confidentielle", "Groupe en préparation")
    everything = _modal(officer_client.get("/admin/choose-page/chosen-multiple/", ids))
    assert _shows(everything, "Groupe ouvert", "Cellule confidentielle", "Groupe en préparation")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("chooser", "shown", "hidden"),
    [
        ("documents", "Planning commun", "Budget du comité"),
        ("images", "Plan d’accès", "Organigramme du comité"),
    ],
)
def test_the_document_and_image_choosers_list_what_the_pilot_may_open(
    pilot_client, officer_client, scene, chooser, shown, hidden
):
    listing = _modal(pilot_client.get(f"/admin/{chooser}/chooser/"))
    assert shown in listing and hidden not in listing
    found = _modal(pilot_client.get(f"/admin/{chooser}/chooser/results/", {"q": hidden.split()[0]}))
    assert hidden not in found
    assert shown in _modal(pilot_client.get(f"/admin/{chooser}/chooser/results/", {"q": shown.split()[0]}))
    assert _shows(_modal(officer_client.get(f"/admin/{chooser}/chooser/")), shown, hidden)


@pytest.mark.django_db
@pytest.mark.parametrize("chooser", ["documents", "images"])
def test_a_hidden_document_or_image_chosen_by_id_answers_like_an_unknown_one(
    pilot_client, officer_client, scene, chooser
):
    if chooser == "documents":
        secret, public = scene.secret_document, scene.open_document
    else:
        secret, public = scene.secret_image, scene.open_image
    assert pilot_client.get(f"/admin/{chooser}/chooser/chosen/{secret.pk}/").status_code == 404
    assert pilot_client.get(f"/admin/{chooser}/chooser/chosen/{secret.pk + 1000}/").status_code == 404
    assert public.title in _modal(pilot_client.get(f"/admin/{chooser}/chooser/chosen/{public.pk}/"))
    several = _modal(pilot_client.get(f"/admin/{chooser}/chooser/chosen-multiple/", {"id": [secret.pk, public.pk]}))
    assert public.title in several and secret.title not in several
    assert secret.title in _modal(officer_client.get(f"/admin/{chooser}/chooser/chosen/{secret.pk}/"))
    if chooser == "images":
        assert pilot_client.get(f"/admin/images/chooser/{secret.pk}/select_format/").status_code == 404
        assert pilot_client.get(f"/admin/images/chooser/{public.pk}/select_format/").status_code == 200


@pytest.mark.django_db
def test_a_pilot_in_the_committee_finds_its_pages_documents_and_images(pilot, pilot_client, committee, scene):
    pilot.groups.add(committee)
    assert "Cellule confidentielle" in _modal(pilot_client.get(f"/admin/choose-page/{scene.index.pk}/"))
    assert "Budget du comité" in _modal(pilot_client.get("/admin/documents/chooser/"))
    assert "Organigramme du comité" in _modal(pilot_client.get("/admin/images/chooser/"))
    # Another group's draft is no one's to see but its editors'.
    assert "Groupe en préparation" not in _modal(pilot_client.get(f"/admin/choose-page/{scene.index.pk}/"))


@pytest.mark.django_db
def test_a_pilot_finds_their_own_uploads_in_a_restricted_collection(pilot, pilot_client, scene):
    folder = scene.secret_document.collection
    factories.make_document("notes.txt", b"Notes", title="Notes du pilote", collection=folder, uploaded_by_user=pilot)
    listing = _modal(pilot_client.get("/admin/documents/chooser/"))
    assert "Notes du pilote" in listing and "Budget du comité" not in listing


@pytest.mark.django_db
def test_admin_searches_and_api_list_what_the_pilot_may_open_or_edit(pilot_client, officer_client, scene):
    searched = page_text(pilot_client.get("/admin/pages/search/", {"q": "groupe"}))
    assert "Groupe du pilote" in searched and _hides(searched, "Cellule confidentielle", "Groupe en préparation")

    api = pilot_client.get("/admin/api/main/pages/", {"search": "groupe"})
    assert api.status_code == 200, api.content
    titles = [item["title"] for item in api.json()["items"]]
    assert "Groupe du pilote" in titles
    assert "Cellule confidentielle" not in titles and "Groupe en préparation" not in titles
    assert pilot_client.get(f"/admin/api/main/pages/{scene.secret.pk}/").status_code == 404

    listed = pilot_client.get("/admin/api/main/pages/", {"child_of": scene.mine.pk, "for_explorer": 1}).json()
    assert [item["title"] for item in listed["items"]] == ["Micro-projet en préparation"]

    everything = officer_client.get("/admin/api/main/pages/", {"search": "groupe", "limit": 20}).json()
    assert {"Cellule confidentielle", "Groupe en préparation"} <= {item["title"] for item in everything["items"]}


@pytest.mark.django_db
def test_the_page_types_report_counts_and_names_only_listed_pages(pilot_client, officer_client, scene):
    report = page_text(pilot_client.get("/admin/reports/page-types-usage/"))
    assert _hides(report, "Cellule confidentielle", "Groupe en préparation")
    # The pilot's own group and the open group; the officer also counts the restricted group and the draft.
    assert re.search(r"projects\.workinggrouppage 2 Groupe du pilote", report), report
    officer = page_text(officer_client.get("/admin/reports/page-types-usage/"))
    assert re.search(r"projects\.workinggrouppage 4 Cellule confidentielle", officer), officer


@pytest.mark.django_db
@pytest.mark.parametrize("report", ["site-history", "workflow", "workflow_tasks", "aging-pages"])
def test_the_other_reports_a_pilot_opens_name_no_hidden_page(pilot_client, scene, report):
    response = pilot_client.get(f"/admin/reports/{report}/")
    assert response.status_code == 200
    assert _hides(page_text(response), *HIDDEN)


@pytest.mark.django_db
def test_a_pilot_cannot_open_the_locked_pages_report(pilot_client, scene):
    assert pilot_client.get("/admin/reports/locked/").status_code in (302, 403)


@pytest.mark.django_db
def test_the_site_summary_counts_what_the_pilot_may_open(pilot_client, officer_client, scene):
    def counts(client):
        text = page_text(client.get("/admin/"))
        return {kind: int(re.search(rf"(\d+) {kind}s?\b", text, flags=re.I).group(1)) for kind in ("document", "image")}

    assert counts(pilot_client) == {"document": 1, "image": 1}
    assert counts(officer_client) == {"document": 2, "image": 2}
