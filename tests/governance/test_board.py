"""The administration's « Tableau de gouvernance »: who sees it, what each table counts, the filters and the CSV."""

import datetime

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from governance.models import FeedbackReport
from governance.services.board import Scope, board, safe_cell
from governance.services.reviews import set_owner
from projects.choices import GroupStatus
from tests.factories import (
    CaseStudyPageFactory,
    NeedsSheetPageFactory,
    ServiceProjectPageFactory,
    WorkingGroupMeetingFactory,
    WorkingGroupPageFactory,
)
from tests.utils import page_text, restrict_page_to_groups

pytestmark = pytest.mark.django_db

BOARD = reverse("governance_admin:board")


def csv_of(client, name, query=""):
    response = client.get(reverse("governance_admin:board_csv", args=[name]) + query)
    assert response.status_code == 200
    return response.content.decode("utf-8-sig")


def old(days):
    return timezone.now() - datetime.timedelta(days=days)


@pytest.fixture
def hidden_page(sections, committee):
    """A case study restricted to a committee the officer is not in, with an open report."""
    page = CaseStudyPageFactory(title="Étude réservée au comité")
    restrict_page_to_groups(page, committee)
    FeedbackReport.objects.create(page=page, text="Secret")
    return page


def test_only_officers_and_administrators_open_the_board(sections, officer_client, admin_client, reader_client, client):
    assert officer_client.get(BOARD).status_code == 200
    assert admin_client.get(BOARD).status_code == 200
    assert reader_client.get(BOARD).status_code in (302, 403)
    assert reader_client.get(reverse("governance_admin:board_csv", args=["en-retard"])).status_code in (302, 403)
    assert client.get(BOARD).status_code in (302, 403)
    assert client.get(reverse("governance_admin:board_csv", args=["responsables"])).status_code in (302, 403)


def test_a_page_the_officer_may_not_open_is_in_no_count_table_chart_or_csv(hidden_page, owned_page, officer_client):
    text = officer_client.get(BOARD).content.decode()
    assert "Étude réservée" not in text and "Lina Lecteur" in text
    for name in ("responsables", "rubriques", "sans-responsable", "signalements", "en-retard"):
        assert "réservée" not in csv_of(officer_client, name)
    # Counted nowhere: the knowledge section has the one visible case study, and no open report.
    sections_csv = csv_of(officer_client, "rubriques")
    assert "Signalements ouverts" in sections_csv
    line = next(line for line in sections_csv.splitlines() if line.startswith("Études de cas"))
    assert line.split(";")[1:] == ["1", "0", "0", "0"]


def test_pages_by_owner_overdue_reports_and_orphans(sections, owned_page, reader):
    orphan = CaseStudyPageFactory(title="Étude orpheline", first_published_at=old(3 * 365))
    sheet = NeedsSheetPageFactory(title="Fiche besoin des officiers")
    FeedbackReport.objects.create(page=owned_page, text="Lien cassé")
    data = board(_request_for(reader), Scope())
    assert ("Lina Lecteur", 1) in data.by_owner
    orphans = [row.page.pk for row in data.orphaned]
    assert orphan.pk in orphans and owned_page.pk not in orphans
    # The officers answer for a needs sheet by choice of the type, not for want of anyone else.
    assert sheet.pk not in orphans
    assert [row.page.pk for row in data.overdue] == [orphan.pk]
    assert [row.page.pk for row in data.reported] == [owned_page.pk]


def _request_for(user):
    request = RequestFactory().get(BOARD)
    request.user = user
    request.session = SessionStore()
    return request


def test_inactive_groups_follow_the_months_filter(sections, officer_client):
    quiet = WorkingGroupPageFactory(title="Groupe silencieux", last_published_at=old(300))
    WorkingGroupPageFactory(title="Groupe clos", status=GroupStatus.CLOSED, last_published_at=old(900))
    met = WorkingGroupPageFactory(title="Groupe réuni", last_published_at=old(900))
    WorkingGroupMeetingFactory(page=met, starts_at=old(20))
    assert csv_of(officer_client, "groupes-inactifs").splitlines()[1:] == [
        f"Groupe silencieux;{timezone.localdate(quiet.last_published_at).isoformat()}"
    ]
    assert "Groupe silencieux" not in csv_of(officer_client, "groupes-inactifs", "?months=12")


def test_objectives_without_an_active_action_sheet(sections, officer_client):
    project = ServiceProjectPageFactory()
    project.objectives = [
        ("objective", {"title": "Harmoniser les pratiques d’intervention", "description": ""}),
        ("objective", {"title": "Recueillir les besoins", "description": ""}),
        ("objective", {"title": "Former les équipes", "description": ""}),
    ]
    project.save()
    steps = [("step", {"title": "Réunir", "state": "doing", "description": "", "due": None})]
    WorkingGroupPageFactory(action_objectives="<p>Harmoniser les pratiques d’intervention.</p>", action_steps=steps)
    WorkingGroupPageFactory(action_objectives="<p>Recueillir les besoins</p>")  # no open step
    WorkingGroupPageFactory(
        action_objectives="<p>Former les équipes</p>", status=GroupStatus.CLOSED, action_steps=steps
    )
    lines = csv_of(officer_client, "objectifs").splitlines()[1:]
    assert [line.split(";")[0] for line in lines] == ["Recueillir les besoins", "Former les équipes"]


def test_indicators_not_updated_within_their_period(sections, officer_client, settings):
    today = timezone.localdate()

    def indicator(name, *days):
        values = [{"date": today - datetime.timedelta(days=d), "value": "1", "comment": ""} for d in days]
        return ("indicator", {"name": name, "unit": "", "direction": "increase", "values": values})

    WorkingGroupPageFactory(
        title="Groupe mesuré",
        indicators=[indicator("Récent", 200, 10), indicator("Ancien", 120), indicator("Jamais")],
    )
    lines = csv_of(officer_client, "indicateurs").splitlines()[1:]
    assert lines == [
        f"Groupe mesuré;Ancien;{(today - datetime.timedelta(days=120)).isoformat()}",
        "Groupe mesuré;Jamais;",
    ]
    settings.GOVERNANCE_INDICATOR_MONTHS = 12
    assert csv_of(officer_client, "indicateurs").splitlines()[1:] == ["Groupe mesuré;Jamais;"]


def test_filters_narrow_the_tables(sections, owned_page, officer_client, reader, person_of):
    group = WorkingGroupPageFactory(title="Groupe filtré")
    other = CaseStudyPageFactory(title="Autre étude")
    set_owner(other, person_of(reader))
    by_group = csv_of(officer_client, "sans-responsable", f"?group={group.pk}")
    assert "Groupe filtré" in by_group and "Autre étude" not in by_group
    section = sections["projects.WorkingGroupIndexPage"]
    by_section = csv_of(officer_client, "responsables", f"?section={section.pk}")
    assert "Lina Lecteur" not in by_section
    by_owner = csv_of(officer_client, "responsables", f"?owner={person_of(reader).pk}")
    assert by_owner.splitlines()[1:] == ["Lina Lecteur;2"]


@pytest.mark.parametrize(
    "query",
    [
        "?section=%C2%B2",
        "?group=%00",
        "?owner=99999999999999999999",
        "?months=%C2%B2",
        "?months=99999999999999999999",
        "?months=-3",
        "?months=" + "9" * 5000,
    ],
)
def test_hostile_filters_get_a_french_message(sections, owned_page, officer_client, query):
    response = officer_client.get(BOARD + query)
    assert response.status_code == 200
    text = page_text(response)
    assert any(word in text for word in ("Ce choix n’existe pas", "Indiquez un nombre de mois", "supérieure ou égale"))
    assert officer_client.get(reverse("governance_admin:board_csv", args=["responsables"]) + query).status_code == 200


def test_unknown_table_is_not_found(sections, officer_client):
    assert officer_client.get(reverse("governance_admin:board_csv", args=["inconnu"])).status_code == 404


def test_csv_cells_cannot_run_as_formulas(sections, officer_client):
    CaseStudyPageFactory(title='=HYPERLINK("http://x")')
    assert '\'=HYPERLINK(""http://x"")' in csv_of(officer_client, "sans-responsable")
    assert [safe_cell(v) for v in ("+1", "-1", "@a", "ok", 3)] == ["'+1", "'-1", "'@a", "ok", "3"]


def test_the_board_shows_charts_with_their_tables(sections, owned_page, officer_client):
    text = officer_client.get(BOARD).content.decode()
    assert text.count("<svg") >= 2 and "Pages par responsable" in text and "<caption>" in text


@pytest.mark.parametrize("count", [5, 30])
def test_the_board_costs_the_same_queries_for_5_or_30_pages(
    sections, officer_client, count, django_assert_max_num_queries
):
    for index in range(count):
        group = WorkingGroupPageFactory(title=f"Groupe {index}")
        CaseStudyPageFactory(title=f"Étude {index}", first_published_at=old(900))
        WorkingGroupMeetingFactory(page=group, starts_at=old(index + 1))
    officer_client.get(BOARD)
    # As many queries for 5 groups and pages as for 30 (31 when measured).
    with django_assert_max_num_queries(32):
        assert officer_client.get(BOARD).status_code == 200


def test_a_group_the_officer_may_not_open_is_in_no_group_table(sections, committee, officer_client):
    indicators = [("indicator", {"name": "Taux secret", "unit": "", "direction": "increase", "values": []})]
    group = WorkingGroupPageFactory(title="Groupe réservé", last_published_at=old(900), indicators=indicators)
    restrict_page_to_groups(group, committee)
    text = officer_client.get(BOARD).content.decode()
    assert "Groupe réservé" not in text and "Taux secret" not in text
    for name in ("groupes", "groupes-inactifs", "indicateurs", "sans-responsable"):
        assert "réservé" not in csv_of(officer_client, name)
    # Chosen by id, it is refused like an unknown group.
    assert "Ce choix n’existe pas" in page_text(officer_client.get(BOARD + f"?group={group.pk}"))
