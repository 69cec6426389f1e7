"""Every page type round-trips from a JSON Lines file to a live page under its section."""

import datetime
from zoneinfo import ZoneInfo

from events.models import EventPage
from knowledge.models import ApproachPage, CaseStudyPage
from news.models import NewsPage
from people.models import Metier, Person
from projects.models import GroupStatus, NeedsSheetPage, NeedStatus, WorkingGroupMember, WorkingGroupPage

PARIS = ZoneInfo("Europe/Paris")


def test_news_fields_and_audiences_matched_without_case_or_accents(jsonl, import_content):
    doctors = Metier.objects.create(name="Médecin du travail")
    path = jsonl(
        [
            {
                "type": "news",
                "title": "Réunion d'information des médecins",
                "date": "2026-11-20",
                "summary": "Le point sur le projet de service.",
                "body": "Un **texte** important.\n\n- premier point\n- second point",
                "tags": ["réunion", "médecins"],
                "audiences": ["MEDECIN DU TRAVAIL", "Ergonome"],
            }
        ]
    )

    outcome = import_content(path)

    assert not outcome.failed, outcome.stderr
    assert "1 page créée, 0 mise à jour." in outcome.stdout
    page = NewsPage.objects.get()
    assert page.live and page.url == "/actualites/reunion-dinformation-des-medecins/"
    assert page.date == datetime.date(2026, 11, 20)
    assert page.summary == "Le point sur le projet de service."
    assert [block.block_type for block in page.body] == ["paragraph"]
    assert "<strong>texte</strong>" in page.body[0].value.source
    assert "<li>second point</li>" in page.body[0].value.source
    assert set(page.tags.names()) == {"réunion", "médecins"}
    assert set(page.metiers.all()) == {doctors, Metier.objects.get(name="Ergonome")}
    assert Metier.objects.count() == 2


def test_event_date_alone_starts_at_nine_in_paris(jsonl, import_content):
    path = jsonl(
        [
            {"type": "event", "title": "Formation à la conduite de projet", "date": "2026-12-01"},
            {
                "type": "event",
                "title": "Rencontre des pilotes",
                "date": "2026-07-02T14:30",
                "end": "2026-07-02T17:00",
                "kind": "Rencontre des pilotes",
                "location": "Arras, salle du conseil",
            },
        ]
    )

    assert not import_content(path).failed

    training = EventPage.objects.get(slug="formation-a-la-conduite-de-projet")
    assert training.start == datetime.datetime(2026, 12, 1, 9, 0, tzinfo=PARIS)
    assert training.end is None
    meeting = EventPage.objects.get(slug="rencontre-des-pilotes")
    assert meeting.start == datetime.datetime(2026, 7, 2, 14, 30, tzinfo=PARIS)
    assert meeting.end == datetime.datetime(2026, 7, 2, 17, 0, tzinfo=PARIS)
    assert meeting.kind == "pilots"
    assert meeting.location == "Arras, salle du conseil"
    assert meeting.url == "/agenda/rencontre-des-pilotes/"


def test_case_study_sections_become_rich_text(jsonl, import_content):
    path = jsonl(
        [
            {
                "type": "case_study",
                "title": "Études de cas à l'EHESP",
                "client": "École des hautes études en santé publique",
                "situation": "Une expérience d'études de cas.",
                "mandate": "Conduire les politiques *sous forme de projet*.",
                "intervention": "- études de cas\n- présentations collectives",
                "results": "Un document **partagé**.",
                "tags": ["conduite de projet"],
                "date": "2024-06-18",
            }
        ]
    )

    assert not import_content(path).failed

    page = CaseStudyPage.objects.get()
    assert page.client == "École des hautes études en santé publique"
    assert page.situation == "<p>Une expérience d'études de cas.</p>"
    assert page.mandate == "<p>Conduire les politiques <em>sous forme de projet</em>.</p>"
    assert "<li>présentations collectives</li>" in page.intervention
    assert page.results == "<p>Un document <strong>partagé</strong>.</p>"
    assert list(page.tags.names()) == ["conduite de projet"]
    assert page.date == datetime.date(2024, 6, 18)
    assert page.get_parent().specific_class.__name__ == "CaseStudyIndexPage"


def test_approach_steps_keep_their_order(jsonl, import_content):
    path = jsonl(
        [
            {
                "type": "approach",
                "title": "Conduire un projet partenarial",
                "summary": "Une démarche en trois temps.",
                "steps": [
                    {"title": "Analyser la demande", "body": "Identifier les **enjeux**."},
                    {"title": "Formaliser le mandat"},
                    {"title": "Évaluer", "body": "Partager les résultats."},
                ],
            }
        ]
    )

    assert not import_content(path).failed

    page = ApproachPage.objects.get()
    steps = [(block.value["title"], block.value["body"].source) for block in page.steps]
    assert steps == [
        ("Analyser la demande", "<p>Identifier les <strong>enjeux</strong>.</p>"),
        ("Formaliser le mandat", ""),
        ("Évaluer", "<p>Partager les résultats.</p>"),
    ]
    assert page.purpose == "<p>Une démarche en trois temps.</p>"


def test_working_group_pilots_matched_or_added_and_status_labels(jsonl, import_content):
    known = Person.objects.create(first_name="Laura", last_name="Deleligne")
    path = jsonl(
        [
            {
                "type": "working_group",
                "title": "Prévention de la désinsertion professionnelle",
                "status": "En Constitution",
                "pilots": ["laura DÉLÉLIGNE", "Claire Vasseur"],
                "objectives": "- Repérer plus tôt",
            },
            {"type": "working_group", "title": "Risques psychosociaux", "status": "ACTIF"},
            {"type": "working_group", "title": "Communication interne", "status": "closed"},
        ]
    )

    assert not import_content(path).failed

    group = WorkingGroupPage.objects.get(slug="prevention-de-la-desinsertion-professionnelle")
    assert group.status == GroupStatus.FORMING
    assert "<li>Repérer plus tôt</li>" in group.action_objectives
    pilots = WorkingGroupMember.objects.filter(page=group, role=WorkingGroupMember.Role.PILOT)
    assert [member.person.full_name for member in pilots.order_by("sort_order")] == [
        "Laura Deleligne",
        "Claire Vasseur",
    ]
    assert pilots.filter(person=known).exists()
    assert Person.objects.count() == 2
    assert WorkingGroupPage.objects.get(slug="risques-psychosociaux").status == GroupStatus.ACTIVE
    assert WorkingGroupPage.objects.get(slug="communication-interne").status == GroupStatus.CLOSED


def test_needs_sheet_status_submitter_and_texts(jsonl, import_content):
    path = jsonl(
        [
            {
                "type": "needs_sheet",
                "title": "Un outil pour préparer les visites",
                "status": "en etude",
                "submitted_by": "Aurélie Hennebelle",
                "need": "Une **trame** commune.",
                "body": "Il faut souvent revenir dans l'entreprise.",
                "date": "2026-02-10",
            },
            {"type": "needs_sheet", "title": "Une navette", "status": "Non retenue", "need": "Une navette."},
            {"type": "needs_sheet", "title": "Un livret", "status": "RETENUE", "need": "Un livret."},
        ]
    )

    assert not import_content(path).failed

    sheet = NeedsSheetPage.objects.get(slug="un-outil-pour-preparer-les-visites")
    assert sheet.status == NeedStatus.UNDER_REVIEW
    assert sheet.submitted_by.full_name == "Aurélie Hennebelle"
    assert sheet.need == "<p>Une <strong>trame</strong> commune.</p>"
    assert sheet.context == "<p>Il faut souvent revenir dans l'entreprise.</p>"
    assert sheet.date == datetime.date(2026, 2, 10)
    assert NeedsSheetPage.objects.get(slug="une-navette").status == NeedStatus.NOT_RETAINED
    assert NeedsSheetPage.objects.get(slug="un-livret").status == NeedStatus.RETAINED
