"""`load_demo`: idempotent, refused outside demo mode, and the demo accounts work as their personas."""

import io

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from people.models import Person
from projects.models import MicroProjectPage, WorkingGroupPage

ACCOUNTS = {
    "lecteur@example.org": "lecteur-demo",
    "pilote@example.org": "pilote-demo",
    "charge@example.org": "charge-demo",
    "admin@example.org": "admin-demo",
}


def load_demo() -> str:
    output = io.StringIO()
    call_command("load_demo", stdout=output)
    return output.getvalue()


def row_counts() -> dict[str, int]:
    tables = set(connection.introspection.table_names())
    return {model._meta.label: model.objects.count() for model in apps.get_models() if model._meta.db_table in tables}


@pytest.mark.django_db
def test_loading_twice_changes_nothing():
    load_demo()
    counts = row_counts()

    output = load_demo()

    assert row_counts() == counts
    assert "0 page créée, 0 mise à jour" in output
    assert "0 page(s) créée(s) ou mise(s) à jour." in output


@pytest.mark.django_db
def test_refused_when_demo_mode_is_off(settings):
    settings.PORTAL_DEMO = False

    with pytest.raises(CommandError, match="PORTAL_DEMO"):
        load_demo()

    assert not get_user_model().objects.exists()
    assert not Person.objects.exists()


@pytest.mark.django_db
def test_the_four_accounts_sign_in_and_are_listed(client, monkeypatch):
    monkeypatch.setenv("PORT", "8123")

    output = load_demo()

    assert "http://127.0.0.1:8123/" in output
    for email, password in ACCOUNTS.items():
        assert email in output and password in output
        assert client.login(email=email, password=password), email
        client.logout()
        user = get_user_model().objects.get(email=email)
        assert Person.objects.get(user=user).email == email
    assert get_user_model().objects.get(email="admin@example.org").is_superuser


@pytest.mark.django_db
def test_pilot_edits_their_own_group_and_no_other():
    load_demo()
    users = {email: get_user_model().objects.get(email=email) for email in ACCOUNTS}
    pilot, reader, officer = users["pilote@example.org"], users["lecteur@example.org"], users["charge@example.org"]
    own = WorkingGroupPage.objects.get(slug="prevention-desinsertion-professionnelle")
    other = WorkingGroupPage.objects.get(slug="risques-psychosociaux")

    assert pilot.person in own.pilots
    assert pilot.person in other.participants
    assert own.permissions_for_user(pilot).can_edit()
    assert MicroProjectPage.objects.child_of(own).get().permissions_for_user(pilot).can_edit()
    assert not other.permissions_for_user(pilot).can_edit()
    assert not own.permissions_for_user(reader).can_edit()
    assert own.permissions_for_user(officer).can_edit() and other.permissions_for_user(officer).can_edit()
    assert pilot.groups.filter(name="Pilotes").exists()
    assert officer.groups.filter(name="Chargés de projet").exists()
    assert users["admin@example.org"].groups.filter(name="Administrateurs").exists()
