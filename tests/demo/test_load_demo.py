"""`load_demo`: idempotent, refused outside demo mode, its accounts sign in, its documents are searchable.

What a second load does with the changes made since: test_load_demo_again.py."""

import io

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from documents.models import PortalDocument
from people.models import Person

from . import DEMO_ACCOUNTS


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
    assert "0 page créée, 56 déjà présentes, laissées telles quelles." in output
    assert "0 page créée ou remplie, 13 déjà présentes, laissées telles quelles." in output


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
    for email, password in DEMO_ACCOUNTS.items():
        assert email in output and password in output
        assert client.login(email=email, password=password), email
        client.logout()
        user = get_user_model().objects.get(email=email)
        assert Person.objects.get(user=user).email == email
    assert get_user_model().objects.get(email="admin@example.org").is_superuser


@pytest.mark.django_db
def test_demo_documents_are_real_files_whose_text_is_searchable(django_capture_on_commit_callbacks, client):
    with django_capture_on_commit_callbacks(execute=True):
        load_demo()

    documents = PortalDocument.objects.all()
    assert {document.file_extension for document in documents} == {"pdf", "docx", "odt"}
    assert all(document.extracted_text for document in documents)
    found = [document.title for document in PortalDocument.objects.search("désinsertion")]
    assert "Compte rendu – groupe prévention de la désinsertion professionnelle" in found
    client.login(email="lecteur@example.org", password="lecteur-demo")
    response = client.get("/recherche/", {"q": "pré-reprise"})
    assert "Livret « Reprendre le travail après un arrêt long »" in response.content.decode()
