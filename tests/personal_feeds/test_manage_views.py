"""Creating, regenerating and revoking one's address: signed in, POST only, back where one came from."""

import pytest
from django.template import engines
from django.test import RequestFactory

from personal_feeds.models import FeedToken
from tests import factories
from tests.utils import is_redirect_to_sign_in

CREATE, REGENERATE, REVOKE = "/mon-compte/flux/creer/", "/mon-compte/flux/regenerer/", "/mon-compte/flux/revoquer/"


@pytest.mark.django_db
@pytest.mark.parametrize("url", [CREATE, REGENERATE, REVOKE])
def test_anonymous_callers_are_sent_to_sign_in(client, url):
    assert is_redirect_to_sign_in(client.post(url, {"confirmer": "1"}))
    assert FeedToken.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize("url", [CREATE, REGENERATE, REVOKE])
def test_get_is_refused(reader_client, url):
    assert reader_client.get(url).status_code == 405


@pytest.mark.django_db
def test_create_then_back_to_the_page(reader_client, reader):
    response = reader_client.post(CREATE, {"next": "/agenda/?type=formation"})
    assert response.status_code == 302 and response["Location"] == "/agenda/?type=formation"
    assert FeedToken.objects.filter(user=reader).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("target", ["https://ailleurs.example/", "//ailleurs.example/", "javascript:alert(1)", "\x00"])
def test_next_leaving_the_site_is_ignored(reader_client, target):
    assert reader_client.post(CREATE, {"next": target})["Location"] == "/"


@pytest.mark.django_db
def test_regenerate_needs_the_confirmation(reader_client, reader):
    old = FeedToken.objects.create(user=reader, secret="s" * 43, prefix="s" * 8)
    reader_client.post(REGENERATE, {"next": "/"})
    assert FeedToken.objects.get(user=reader).secret == old.secret
    reader_client.post(REGENERATE, {"next": "/", "confirmer": "1"})
    assert FeedToken.objects.get(user=reader).secret != old.secret


@pytest.mark.django_db
def test_revoke_deletes_the_token(reader_client, reader):
    FeedToken.objects.create(user=reader, secret="s" * 43, prefix="s" * 8)
    response = reader_client.post(REVOKE, {"confirmer": "1"}, follow=True)
    assert not FeedToken.objects.filter(user=reader).exists()
    assert "Adresse révoquée" in [str(message) for message in response.context["messages"]][0]


@pytest.mark.django_db
def test_csrf_is_enforced(reader):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(reader)
    assert browser.post(CREATE).status_code == 403


def render_my_feeds(user) -> str:
    request = RequestFactory().get("/mon-compte/abonnements/")
    request.user = user
    template = engines["django"].get_template("personal_feeds/includes/my_feeds.html")
    return template.render({"request": request, "user": user}, request)


@pytest.mark.django_db
def test_my_feeds_without_token_offers_to_create_one(reader):
    html = render_my_feeds(reader)
    assert "Créer mon adresse d’abonnement" in html and "Révoquer" not in html


@pytest.mark.django_db
def test_my_feeds_lists_every_address_and_the_groups_of_the_reader(reader, reader_secret, group, secret_group):
    from tests.factories import WorkingGroupMemberFactory

    person = factories.PersonFactory(user=reader)
    WorkingGroupMemberFactory(page=group, person=person)
    WorkingGroupMemberFactory(page=secret_group, person=person)  # member, but the page is restricted away
    html = render_my_feeds(reader)
    assert f"/flux/personnel/{reader_secret}/actualites.rss" in html
    assert f"/flux/personnel/{reader_secret}/actualites.atom" in html
    assert f"/flux/personnel/{reader_secret}/agenda.ics" in html
    assert f"/flux/personnel/{reader_secret}/groupes/{group.pk}/reunions.ics" in html
    assert "Groupe confidentiel" not in html and str(secret_group.pk) + "/reunions" not in html
    assert "Régénérer l’adresse" in html and "Révoquer" in html
