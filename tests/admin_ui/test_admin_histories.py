"""The administration's listings of personal subscription addresses (revocable) and of needs-status changes
(filterable, exported): for administrators and project officers only."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from personal_feeds.models import FeedToken
from personal_feeds.services import regenerate, token_for
from projects.choices import NeedStatus
from projects.models import NeedsStatusChange
from projects.services.needs_status import change_status
from tests import factories

FEEDS_URL = "/admin/adresses-abonnement/"
HISTORY_URL = "/admin/historique-statuts/"
ADMIN_QUERY_BUDGET = 15


def _queries(client, url: str) -> int:
    client.get(url)  # what each process keeps for good (content types, locales) is loaded once
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def _accounts(django_user_model, count: int, start: int = 0) -> list:
    return [
        django_user_model.objects.create_user(username=f"compte{n}", email=f"compte{n}@example.org", last_name=f"N{n}")
        for n in range(start, start + count)
    ]


# Personal subscription addresses


@pytest.mark.django_db
def test_administrators_and_project_officers_list_addresses_without_the_secret(
    admin_client, officer_client, reader, home
):
    token, secret = token_for(reader)
    for browser in (admin_client, officer_client):
        response = browser.get(FEEDS_URL)
        assert response.status_code == 200
        content = response.content.decode()
        assert reader.email in content and f"{token.prefix}…" in content
        assert secret not in content and secret[: len(token.prefix) + 1] not in content


@pytest.mark.django_db
def test_an_address_is_revoked_from_the_list(admin_client, reader, home):
    token, _secret = token_for(reader)
    delete_url = f"{FEEDS_URL}delete/{token.pk}/"
    page = admin_client.get(delete_url)
    assert page.status_code == 200 and "Révoquer" in page.content.decode()
    response = admin_client.post(delete_url, follow=True)
    assert response.status_code == 200
    assert not FeedToken.objects.filter(user=reader).exists()
    assert "est révoquée" in response.content.decode()


@pytest.mark.django_db
def test_addresses_are_never_added_nor_edited_from_the_admin(admin_client, reader, home):
    token, _secret = token_for(reader)
    assert admin_client.get(f"{FEEDS_URL}new/").status_code in (302, 403, 404)
    assert admin_client.get(f"{FEEDS_URL}edit/{token.pk}/").status_code in (302, 403, 404)
    assert admin_client.get(f"{FEEDS_URL}copy/{token.pk}/").status_code == 404


@pytest.mark.django_db
def test_the_address_list_filters_by_use(admin_client, django_user_model, home):
    used, unused = _accounts(django_user_model, 2)
    regenerate(used)
    token_for(unused)
    FeedToken.objects.filter(user=used).update(last_used_at="2026-01-02T10:00:00Z")
    content = admin_client.get(FEEDS_URL, {"usage": "jamais"}).content.decode()
    assert unused.email in content and used.email not in content


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params", [{"usage": "\x00"}, {"created_at_after": "²"}, {"p": "99999999999999999999"}, {"q": "x" * 5000}]
)
def test_hostile_address_list_parameters_do_not_break_it(admin_client, params, home):
    assert admin_client.get(FEEDS_URL, params).status_code == 200


@pytest.mark.django_db
def test_readers_pilots_and_anonymous_see_no_address(client, reader_client, reader, pilot, signed_in, home):
    token, _secret = token_for(reader)
    pilot_client = signed_in(pilot)
    for browser in (client, reader_client, pilot_client):
        for url in (FEEDS_URL, f"{FEEDS_URL}delete/{token.pk}/"):
            response = browser.get(url)
            assert response.status_code in (302, 403), url
            assert token.prefix not in response.content.decode()
        browser.post(f"{FEEDS_URL}delete/{token.pk}/")
    assert FeedToken.objects.filter(pk=token.pk).exists()


@pytest.mark.django_db
def test_the_address_list_costs_the_same_with_more_addresses(admin_client, django_user_model, home):
    for account in _accounts(django_user_model, 5):
        token_for(account)
    few = _queries(admin_client, FEEDS_URL)
    for account in _accounts(django_user_model, 25, start=5):
        token_for(account)
    assert _queries(admin_client, FEEDS_URL) == few <= ADMIN_QUERY_BUDGET


# Needs-status history


def _decide(sheet, officer, status=NeedStatus.UNDER_REVIEW, reason=""):
    return change_status(sheet, status, by=officer, reason=reason)


@pytest.mark.django_db
def test_project_officers_list_filter_and_export_status_changes(officer_client, project_officer, home):
    studied = factories.NeedsSheetPageFactory(title="Outil de préparation des visites")
    refused = factories.NeedsSheetPageFactory(title="Navette entre sites")
    _decide(studied, project_officer)
    _decide(refused, project_officer)
    _decide(refused, project_officer, NeedStatus.NOT_RETAINED, reason="Hors du périmètre du projet")
    content = officer_client.get(HISTORY_URL).content.decode()
    assert "Outil de préparation des visites" in content and "Navette entre sites" in content
    assert "Hors du périmètre du projet" in content and "Non retenue" in content

    filtered = officer_client.get(HISTORY_URL, {"status": NeedStatus.NOT_RETAINED}).content.decode()
    assert "Navette entre sites" in filtered and "Outil de préparation des visites" not in filtered

    export = officer_client.get(HISTORY_URL, {"export": "csv"})
    assert export.status_code == 200
    csv = b"".join(export.streaming_content).decode()
    assert "Fiche,Statut,Motif,Décidé par,Date" in csv
    assert "Navette entre sites,Non retenue,Hors du périmètre du projet" in csv


@pytest.mark.django_db
def test_the_history_is_read_only(admin_client, project_officer, home):
    change = _decide(factories.NeedsSheetPageFactory(), project_officer)
    assert change is not None
    pk = NeedsStatusChange.objects.get().pk
    for url in (f"{HISTORY_URL}new/", f"{HISTORY_URL}edit/{pk}/", f"{HISTORY_URL}delete/{pk}/"):
        assert admin_client.get(url).status_code in (302, 403, 404), url
    admin_client.post(f"{HISTORY_URL}delete/{pk}/")
    assert NeedsStatusChange.objects.filter(pk=pk).exists()


@pytest.mark.django_db
def test_readers_pilots_and_anonymous_see_no_status_change(
    client, reader_client, pilot, signed_in, project_officer, home
):
    _decide(factories.NeedsSheetPageFactory(title="Fiche confidentielle"), project_officer, reason="Motif interne")
    for browser in (client, reader_client, signed_in(pilot)):
        for params in ({}, {"export": "csv"}):
            response = browser.get(HISTORY_URL, params)
            assert response.status_code in (302, 403)
            assert b"Motif interne" not in b"".join(getattr(response, "streaming_content", [response.content]))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [{"status": "\x00"}, {"decided_at_after": "²"}, {"decided_by": "99999999999999999999"}, {"q": "x" * 5000}],
)
def test_hostile_history_parameters_do_not_break_it(admin_client, params, home):
    assert admin_client.get(HISTORY_URL, params).status_code == 200


@pytest.mark.django_db
def test_the_history_costs_the_same_with_more_changes(admin_client, project_officer, home):
    for _n in range(5):
        _decide(factories.NeedsSheetPageFactory(), project_officer)
    few = _queries(admin_client, HISTORY_URL)
    for _n in range(25):
        _decide(factories.NeedsSheetPageFactory(), project_officer)
    assert _queries(admin_client, HISTORY_URL) == few <= ADMIN_QUERY_BUDGET
