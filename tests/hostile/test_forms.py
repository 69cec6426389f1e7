"""Every front-end form, sent anything: no server error, a refusal in French, nothing half-written.

A refused submission leaves every table it could write to as it was; an accepted one stores text
without control characters.
"""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from base.text import printable
from tests.hostile.strategies import EXAMPLES, raw_values
from tests.utils import page_text

# The fields of each form, as named in its <form>.
FORMS = {
    "needs": ["title", "need", "context", "expected_benefits", "metiers", "suggested_group"],
    "comment": ["body"],
    "support": ["concerne"],
    "status": ["status", "reason", "group"],
    "follow": ["page", "tag", "next"],
    "unfollow": ["page", "tag", "next"],
    "preference": ["email_frequency"],
    "feed_create": ["next"],
    "feed_regenerate": ["confirmer", "next"],
    "feed_revoke": ["confirmer", "next"],
}


def _addresses(world) -> dict[str, str]:
    needs, sheet = world["sections"]["projects.NeedsIndexPage"].url, world["sheet"].url
    return {
        "needs": needs + "soumettre/",
        "comment": sheet + "commentaires/",
        "support": sheet + "soutien/",
        "status": sheet + "statut/",
        "follow": "/mon-compte/abonnements/suivre/",
        "unfollow": "/mon-compte/abonnements/ne-plus-suivre/",
        "preference": "/mon-compte/abonnements/preference/",
        "feed_create": "/mon-compte/flux/creer/",
        "feed_regenerate": "/mon-compte/flux/regenerer/",
        "feed_revoke": "/mon-compte/flux/revoquer/",
    }


def _row_counts() -> dict[str, int]:
    from wagtail.models import Page, Revision

    from participation.models import Follow, NotificationPreference
    from personal_feeds.models import FeedToken
    from projects.models import NeedsSheetPage
    from projects.models.needs_history import NeedsStatusChange
    from projects.models.needs_participation import NeedComment, NeedSupport

    models = [Page, Revision, NeedsSheetPage, NeedsStatusChange, NeedComment, NeedSupport, Follow]
    models += [NotificationPreference, FeedToken]
    return {model.__name__: model.objects.count() for model in models}


VALID_VALUES = {
    "concerne": ["oui", "non"],
    "status": ["under_review", "retained", "not_retained"],
    "email_frequency": ["immediate", "daily", "none"],
    "confirmer": ["1"],
    "next": ["/", "/notifications/", "//evil.example", "javascript:alert(1)"],
    "title": ["Un besoin de terrain"],
    "need": ["Un outil commun."],
    "body": ["Je suis d’accord."],
}


def _field_values(name):
    return st.sampled_from(VALID_VALUES.get(name) or ["1"]) | raw_values(name)


@pytest.mark.django_db
@EXAMPLES
@given(data=st.data())
def test_forms_refuse_anything_cleanly(reader_client, officer_client, world, data):
    form = data.draw(st.sampled_from(sorted(FORMS)), label="form")
    fields = data.draw(st.sets(st.sampled_from(FORMS[form]), max_size=len(FORMS[form])), label="fields")
    payload = {name: data.draw(_field_values(name), label=name) for name in sorted(fields)}
    client = officer_client if form == "status" else reader_client
    before = _row_counts()
    response = client.post(_addresses(world)[form], payload)
    assert response.status_code < 500, (form, payload)
    if response.status_code in (302, 303):
        return  # accepted (or refused with a message shown after the redirect)
    assert _row_counts() == before, (form, payload)
    if response.status_code in (400, 403, 405):
        assert '<html lang="fr">' in response.content.decode()
    if response.status_code == 400:
        # The refusal says why, in French, next to what was typed.
        body = response.content.decode()
        assert any(mark in body for mark in ('role="alert"', "errorlist", "alert--error")), (form, payload)


@pytest.mark.django_db
def test_an_accepted_needs_sheet_keeps_no_control_character(reader_client, world):
    from projects.models import NeedsSheetPage

    url = world["sections"]["projects.NeedsIndexPage"].url + "soumettre/"
    response = reader_client.post(url, {"title": "Besoin\x0b de\x1f test\x00", "need": "Un\x07 outil\x00 commun."})
    assert response.status_code == 302
    sheet = NeedsSheetPage.objects.get(title="Besoin de test")
    assert printable(sheet.need) == sheet.need and "Un outil commun." in sheet.need


@pytest.mark.django_db
def test_a_blank_needs_sheet_is_refused_in_french_and_nothing_is_written(reader_client, world):
    url = world["sections"]["projects.NeedsIndexPage"].url + "soumettre/"
    before = _row_counts()
    response = reader_client.post(url, {"title": "\x00\x0b", "need": "\x1f"})
    assert response.status_code == 400
    assert "Donnez un intitulé court à votre besoin." in page_text(response)
    assert "Décrivez le besoin que vous avez identifié." in page_text(response)
    assert _row_counts() == before
