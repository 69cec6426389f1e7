"""Two editors saving the same page from the same starting version: both versions are kept.

Wagtail 8 saves each submission as a new revision, even when the editor started from an older one (only
its autosave refuses to overwrite a newer revision). The second save becomes the current version; the
first stays in the page's history, from which it can be compared and restored.
"""

import re

import pytest
from django.test import Client
from wagtail.test.utils.form_data import nested_form_data, streamfield

from tests.factories import NewsPageFactory

pytestmark = pytest.mark.django_db


def _edit_form(client: Client, page) -> dict:
    """What the edit form sends back about the version the editor loaded."""
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    return {
        name: re.search(rf'name="{name}"[^>]*value="([^"]*)"', html).group(1)
        for name in ("loaded_revision_id", "loaded_revision_created_at")
    }


def _save(client: Client, page, loaded: dict, title: str, summary: str, action: str):
    data = nested_form_data(
        {
            "title": title,
            "slug": page.slug,
            "summary": summary,
            "date": page.date.isoformat(),
            "body": streamfield([]),
            "comments": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0, "MIN_NUM_FORMS": 0, "MAX_NUM_FORMS": 1000},
        }
    )
    return client.post(f"/admin/pages/{page.pk}/edit/", {**data, **loaded, action: ""})


@pytest.mark.parametrize("action", ["action-publish", "action-save-draft"])
def test_two_editors_saving_the_same_page_keep_both_versions(project_officer, administrator, sections, action):
    page = NewsPageFactory(title="Horaires", summary="Ouvert de 9 h à 17 h.")
    page.save_revision().publish()
    laura, alain = Client(), Client()
    laura.force_login(project_officer)
    alain.force_login(administrator)
    loaded_by_laura, loaded_by_alain = _edit_form(laura, page), _edit_form(alain, page)
    assert loaded_by_laura["loaded_revision_id"] == loaded_by_alain["loaded_revision_id"]

    first = _save(laura, page, loaded_by_laura, "Horaires d'été", "Ouvert de 8 h à 16 h.", action)
    second = _save(alain, page, loaded_by_alain, "Horaires", "Fermé le samedi.", action)

    assert first.status_code == second.status_code == 302
    revisions = list(page.revisions.order_by("created_at", "pk"))
    saved = [(revision.user, revision.content["title"], revision.content["summary"]) for revision in revisions[-2:]]
    assert saved == [
        (project_officer, "Horaires d'été", "Ouvert de 8 h à 16 h."),
        (administrator, "Horaires", "Fermé le samedi."),
    ]
    page.refresh_from_db()
    assert page.latest_revision == revisions[-1]
    # The history shows both, each with its author, and the first can be brought back.
    history = alain.get(f"/admin/pages/{page.pk}/history/").content.decode()
    assert "Laura" in history and "Alain" in history
    assert alain.get(f"/admin/pages/{page.pk}/revisions/{revisions[-2].pk}/revert/").status_code == 200
