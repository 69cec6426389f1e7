"""The project dashboard: every figure counts only the pages its reader may open."""

import datetime
import re

import pytest
from django.utils import timezone

from projects.models import NeedsStatusChange
from tests import factories
from tests.utils import (
    assert_query_budget,
    is_redirect_to_sign_in,
    page_queries,
    page_text,
    restrict_page_to_groups,
)

from .test_charts import EXTERNAL


def _steps(*states, due=None):
    return [{"type": "step", "value": {"title": f"Étape {state}", "due": due, "state": state}} for state in states]


def _reached_indicator():
    value = {"name": "Taux", "target": "10", "values": [{"date": "2026-01-31", "value": "12", "comment": ""}]}
    return [{"type": "indicator", "value": value}]


def _row(text, title):
    """The dashboard table's row of a group, as a reader sees it."""
    match = re.search(rf"{re.escape(title)} ((?:\d+ )+\d+ sur \d+)", text)
    return match.group(1) if match else None


@pytest.mark.django_db
def test_dashboard_section_is_created_with_the_site(dashboard):
    assert dashboard.title == "Tableau de bord" and dashboard.slug == "tableau-de-bord" and dashboard.live


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_sign_in(client, dashboard):
    assert is_redirect_to_sign_in(client.get(dashboard.url))


@pytest.mark.django_db
def test_group_progress_counts_steps_and_indicators(reader_client, dashboard):
    late = datetime.date.today() - datetime.timedelta(days=3)
    factories.WorkingGroupPageFactory(
        title="Maintien en emploi",
        action_steps=_steps("done", "done", "doing", "todo", "abandoned") + _steps("todo", due=late),
        indicators=_reached_indicator(),
    )
    text = page_text(reader_client.get(dashboard.url))
    # Réalisées, En cours, En retard, À faire, Abandonnées, indicators at target.
    assert _row(text, "Maintien en emploi") == "2 1 1 1 1 1 sur 1"


@pytest.mark.django_db
def test_a_restricted_group_is_neither_shown_nor_counted_outside_its_committee(
    reader_client, member_client, committee, dashboard
):
    factories.WorkingGroupPageFactory(title="Groupe ouvert", action_steps=_steps("done"))
    secret = factories.WorkingGroupPageFactory(title="Groupe du comité", action_steps=_steps("done", "done"))
    restrict_page_to_groups(secret, committee)

    outsider = page_text(reader_client.get(dashboard.url))
    member = page_text(member_client.get(dashboard.url))
    assert "Groupe du comité" not in outsider and "Groupe du comité" in member
    assert "1 réalisées" in outsider and "3 réalisées" in member  # the chart's spoken summary


@pytest.mark.django_db
def test_needs_by_status_at_each_month_end_from_history(reader_client, member_client, committee, dashboard):
    today = timezone.localdate()
    this_month = today.replace(day=1)
    last_month = (this_month - datetime.timedelta(days=1)).replace(day=1)
    sheet = factories.NeedsSheetPageFactory()
    hidden = factories.NeedsSheetPageFactory()
    restrict_page_to_groups(hidden, committee)

    def change(page, status, day):
        moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))
        NeedsStatusChange.objects.create(sheet=page, status=status, decided_at=moment)

    change(sheet, "submitted", last_month)
    change(hidden, "submitted", last_month)
    change(sheet, "under_review", this_month)

    body = reader_client.get(dashboard.url).content.decode()
    section = body[body.index('id="fiches-besoins"') :]
    rows = re.findall(r"<tr>\s*<th scope=\"row\">([^<]+)</th>((?:\s*<td class=\"num\">\d+</td>)+)", section)
    counts = [[int(n) for n in re.findall(r"\d+", cells)] for _month, cells in rows[:2]]
    # Soumise, En étude, Retenue, Non retenue: the hidden sheet is not counted.
    assert counts == [[1, 0, 0, 0], [0, 1, 0, 0]]
    # This month, in the chart's spoken summary: the committee's member also counts the hidden sheet.
    assert "0 soumise, 1 en étude" in page_text(reader_client.get(dashboard.url))
    assert "1 soumise, 1 en étude" in page_text(member_client.get(dashboard.url))


@pytest.mark.django_db
def test_trained_staff_accumulate_month_by_month(reader_client, dashboard):
    today = timezone.localdate()
    this_month = today.replace(day=1)
    last_month = (this_month - datetime.timedelta(days=1)).replace(day=1)
    factories.PersonFactory(trained_in_project_management_on=last_month)
    factories.PersonFactory(trained_in_project_management_on=last_month)
    factories.PersonFactory(trained_in_project_management_on=this_month)
    factories.PersonFactory(trained_in_project_management_on=None)

    body = reader_client.get(dashboard.url).content.decode()
    section = body[body.index('id="personnes-formees"') :]
    counts = [int(n) for n in re.findall(r'<td class="num">(\d+)</td>', section)]
    assert counts == [2, 3]


@pytest.mark.django_db
def test_dashboard_charts_are_accessible_and_local(reader_client, dashboard):
    factories.WorkingGroupPageFactory(action_steps=_steps("done", "todo"))
    body = reader_client.get(dashboard.url).content.decode()
    svgs = re.findall(r"<svg\b.*?</svg>", body, re.S)
    charts = [svg for svg in svgs if "pygal-chart" in svg]
    assert len(charts) == 6  # each drawn wide and narrow
    for svg in charts:
        assert re.match(r'<svg role="img" aria-label="[^"]+"', svg)
        assert not EXTERNAL.search(svg)
    assert body.count("<caption") >= 3


@pytest.mark.django_db
def test_dashboard_query_count_does_not_grow_with_groups(reader_client, dashboard):
    def add_items(count):
        for _ in range(count):
            group = factories.WorkingGroupPageFactory(
                action_steps=_steps("done", "todo"), indicators=_reached_indicator()
            )
            NeedsStatusChange.objects.create(sheet=factories.NeedsSheetPageFactory(), status="submitted")
            factories.PersonFactory(trained_in_project_management_on=datetime.date.today())
            assert group.live

    assert_query_budget(reader_client, dashboard.url, add_items)


@pytest.mark.django_db
def test_the_dashboard_is_computed_once_for_readers_who_see_the_same_pages(
    signed_in, reader, django_user_model, dashboard
):
    factories.WorkingGroupPageFactory(action_steps=_steps("done", "todo"))
    other_reader = django_user_model.objects.create_user(username="autre", email="autre.lecteur@example.org")
    other_reader.groups.set(reader.groups.all())
    first = page_queries(signed_in(reader), dashboard.url)
    second = page_queries(signed_in(other_reader), dashboard.url)
    assert len(second) < len(first)
    assert not [query for query in second if "projects_needsstatuschange" in query]


@pytest.mark.django_db
def test_a_status_change_shows_on_the_dashboard_at_once(reader_client, dashboard):
    sheet = factories.NeedsSheetPageFactory()
    NeedsStatusChange.objects.create(sheet=sheet, status="submitted")
    assert "1 soumise, 0 en étude" in page_text(reader_client.get(dashboard.url))
    NeedsStatusChange.objects.create(sheet=sheet, status="under_review")
    assert "0 soumise, 1 en étude" in page_text(reader_client.get(dashboard.url))
