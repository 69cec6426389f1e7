"""A bad file is rejected with line numbers, in French, and nothing from it is written."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page

from people.models import Metier, Person

GOOD = {"type": "news", "title": "Une actualité", "audiences": ["Nouveau métier"]}
GOOD_GROUP = {"type": "working_group", "title": "Un groupe", "pilots": ["Nouvelle Personne"]}


def _counts():
    return Page.objects.count(), Metier.objects.count(), Person.objects.count()


@pytest.mark.parametrize(
    ("bad_line", "message"),
    [
        ({"type": "blog", "title": "x"}, "type inconnu « blog »"),
        ({"type": "news", "title": "x", "author": "Moi"}, "clé inconnue « author »"),
        ({"type": "news", "summary": "pas de titre"}, "titre manquant"),
        ({"type": "news", "title": "x", "date": "2026-02-30"}, "date invalide"),
        (
            {"type": "news", "title": "x", "date": "24/11/2026"},
            "« 24/11/2026 » pour « date » (format attendu : AAAA-MM-JJ)",
        ),
        ({"type": "event", "title": "x", "date": "demain"}, "date invalide"),
        ({"type": "working_group", "title": "x", "status": "terminé"}, "statut inconnu"),
        ({"type": "event", "title": "x", "date": "2026-12-01", "kind": "kermesse"}, "type d'événement inconnu"),
        ({"type": "approach", "title": "x", "summary": "s", "steps": [{"body": "sans titre"}]}, "n'a pas de titre"),
        ('{"type": "news", "title": "JSON coupé"', "JSON invalide"),
        ('["une", "liste"]', "objet JSON"),
        ({"type": "news", "title": "Une actualité"}, "déjà celui de la ligne 1"),
    ],
)
def test_a_bad_record_after_good_ones_imports_nothing(jsonl, import_content, bad_line, message):
    path = jsonl([GOOD, GOOD_GROUP, bad_line])
    before = _counts()

    outcome = import_content(path)

    assert outcome.failed
    assert [line for line in outcome.stderr.splitlines() if line.startswith("ligne 3 : ") and message in line]
    assert "Aucune page importée : 1 erreur(s)." in outcome.message
    assert _counts() == before


def test_every_error_is_reported_with_its_line(jsonl, import_content):
    path = jsonl([{"type": "news"}, GOOD, {"type": "news", "title": "x", "date": "2026-13-01"}, "pas du JSON"])

    outcome = import_content(path)

    assert outcome.stderr.splitlines() == [
        "ligne 1 : titre manquant (clé « title »)",
        "ligne 3 : date invalide « 2026-13-01 » pour « date » (ce jour n'existe pas)",
        "ligne 4 : JSON invalide (colonne 1) : chaque ligne doit être un objet JSON complet",
    ]
    assert "3 erreur(s)" in outcome.message


def test_type_specific_required_keys(jsonl, import_content):
    outcome = import_content(jsonl([{"type": "case_study", "title": "Sans client", "situation": "s"}]))

    assert "ligne 1 : clé « client » obligatoire pour une étude de cas" in outcome.stderr
    assert "ligne 1 : clé « results » obligatoire pour une étude de cas" in outcome.stderr


def test_a_line_that_is_not_utf8_is_reported(tmp_path, import_content):
    path = tmp_path / "latin1.jsonl"
    path.write_bytes(b'{"type": "news", "title": "ok"}\n' + '{"type": "news", "title": "é"}\n'.encode("latin-1"))

    outcome = import_content(path)

    assert "ligne 2 : texte illisible : le fichier doit être enregistré en UTF-8" in outcome.stderr
    assert Page.objects.filter(slug="ok").count() == 0


@pytest.mark.parametrize(("content", "message"), [("", "aucun enregistrement"), ("\n\n  \n", "aucun enregistrement")])
def test_an_empty_file_is_rejected(tmp_path, import_content, content, message):
    path = tmp_path / "vide.jsonl"
    path.write_text(content, encoding="utf-8")

    outcome = import_content(path)

    assert outcome.failed and message in outcome.stderr


def test_a_missing_file_is_rejected(tmp_path, import_content):
    outcome = import_content(tmp_path / "absent.jsonl")

    assert outcome.failed
    assert "Fichier introuvable" in outcome.stderr


def test_a_failure_while_writing_leaves_nothing(jsonl, import_content, monkeypatch):
    """Every page is written in one transaction: an error on the third page undoes the first two."""
    from importer import services

    real_create_page, calls = services.create_page, []

    def failing_create_page(parent, page):
        calls.append(page.title)
        if len(calls) == 3:
            raise ValidationError({"title": ["refusé pour le test"]})
        return real_create_page(parent, page)

    monkeypatch.setattr(services, "create_page", failing_create_page)
    path = jsonl([GOOD, GOOD_GROUP, {"type": "news", "title": "Troisième"}])
    before = _counts()

    outcome = import_content(path)

    assert outcome.failed
    assert "ligne 3 : title : refusé pour le test" in outcome.stderr
    assert _counts() == before


@pytest.mark.parametrize(
    ("bad_line", "message"),
    [
        ('{"type": "news", "title": "a\\u0000b"}', "« title » : caractère nul U+0000 en position 2"),
        ('{"type": "news", "title": "x", "summary": "\\ud800"}', "« summary » : caractère invalide U+D800"),
        ('{"type": "news", "title": "x", "tags": ["\\u001b[31m"]}', "« tags » : caractère de contrôle U+001B"),
        ({"type": "news", "title": "x", "date": "0001-01-01"}, "date hors limites « 0001-01-01 »"),
        ({"type": "event", "title": "x", "date": "9999-12-31T23:30-05:00"}, "date hors limites"),
        ('{"type": "news", "title": "x", "summary": ' + "9" * 5000 + "}", "nombre trop long"),
        ({"type": ["news"], "title": "x"}, "type inconnu"),
        ({"type": "news", "title": 1e308}, "« title » doit être un texte"),
    ],
)
def test_text_no_database_can_store_is_reported_by_line(jsonl, import_content, bad_line, message):
    before = _counts()

    outcome = import_content(jsonl([GOOD, bad_line]))

    assert outcome.failed
    assert [line for line in outcome.stderr.splitlines() if line.startswith("ligne 2 : ") and message in line]
    assert _counts() == before


def test_an_import_interrupted_half_way_leaves_the_site_as_it_was(jsonl, import_content, monkeypatch):
    from importer import services

    real_create_page, calls = services.create_page, []

    def interrupted_create_page(parent, page):
        calls.append(page.title)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real_create_page(parent, page)

    monkeypatch.setattr(services, "create_page", interrupted_create_page)
    before = _counts()

    outcome = import_content(jsonl([GOOD, GOOD_GROUP, {"type": "news", "title": "Troisième"}]))

    assert outcome.failed and outcome.message == "Import interrompu : aucune page importée."
    assert _counts() == before


def test_a_refusal_from_the_database_names_its_line(jsonl, import_content, monkeypatch):
    from django.db import DataError

    from importer import services

    def refused(parent, page):
        raise DataError("value too long for type character varying(100)")

    monkeypatch.setattr(services, "create_page", refused)

    outcome = import_content(jsonl([GOOD]))

    assert "ligne 1 : la base de données refuse cette page (value too long" in outcome.stderr
    assert Page.objects.filter(title=GOOD["title"]).count() == 0
