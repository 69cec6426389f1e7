"""A pilot records an indicator value through the approval workflow; the group page and the dashboard show it."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from accounts.roles import PROJECT_OFFICERS, ensure_roles
from home.services.site_tree import ensure_sections
from projects.models import WorkingGroupMember, WorkingGroupPage
from projects.services.pilots import sync_pilot_permissions
from tests import factories

from .conftest import sign_in
from .test_accessibility import assert_no_blocking_violations, blocking_violations

pytestmark = pytest.mark.browser

PASSWORD = "motdepasse-de-test"
INDICATOR = "Salariés maintenus en emploi"


@pytest.fixture
def progress_portal(transactional_db, live_server):
    sections = ensure_sections()
    roles = ensure_roles()  # after the tree: the approval workflow is set on its root
    accounts = get_user_model().objects
    pilot = accounts.create_user(username="paul", email="paul.pilote@example.org", password=PASSWORD)
    officer = accounts.create_user(username="laura", email="laura.chargee@example.org", password=PASSWORD)
    officer.groups.add(roles[PROJECT_OFFICERS])
    group = factories.WorkingGroupPageFactory(
        title="Maintien en emploi",
        action_steps=[{"type": "step", "value": {"title": "État des lieux", "due": "2026-01-15", "state": "doing"}}],
        indicators=[
            {
                "type": "indicator",
                "value": {"name": INDICATOR, "unit": "%", "baseline": "50", "target": "70", "values": []},
            }
        ],
    )
    person = factories.PersonFactory(user=pilot, first_name="Paul", last_name="Pilote")
    WorkingGroupMember.objects.create(page=group, person=person, role=WorkingGroupMember.Role.PILOT)
    group.save_revision().publish()
    sync_pilot_permissions(group)
    return {"group": group, "officer": officer, "dashboard": sections["dashboard.DashboardPage"]}


def test_a_pilot_records_a_value_that_goes_live_once_approved(page, live_server, progress_portal):
    group = progress_portal["group"]
    sign_in(page, live_server.url, "paul.pilote@example.org", PASSWORD, next_path=f"/admin/pages/{group.pk}/edit/")
    page.get_by_role("tab", name="Fiche action").click()
    values = page.locator('[data-contentpath="indicators"] [data-contentpath="values"]').first
    values.locator("button.c-sf-add-button").first.click()
    page.locator('input[name$="-values-0-value-date"]').fill("31/10/2026")
    page.keyboard.press("Escape")
    page.locator('input[name$="-values-0-value-value"]').fill("63")
    page.locator('input[name$="-values-0-value-comment"]').fill("Relevé d’octobre")
    page.locator("footer .dropdown-toggle, footer [data-w-dropdown-target='toggle']").first.click()
    page.get_by_role("button", name="Soumettre").first.click()
    page.wait_for_load_state()

    group = WorkingGroupPage.objects.get(pk=group.pk)
    assert not list(group.indicators[0].value["values"])  # not live before approval

    # The project officer approves the change from the page's editor.
    page.context.clear_cookies()
    sign_in(page, live_server.url, "laura.chargee@example.org", PASSWORD, next_path=f"/admin/pages/{group.pk}/edit/")
    page.locator("footer .dropdown-toggle, footer [data-w-dropdown-target='toggle']").first.click()
    page.get_by_role("button", name="Approuver", exact=False).first.click()
    dialog = page.get_by_role("dialog")
    if dialog.count():
        dialog.get_by_role("button", name="Approuver", exact=False).first.click()
    page.wait_for_load_state()
    expect(page.locator(".messages")).to_contain_text("a été mise à jour")
    group = WorkingGroupPage.objects.get(pk=group.pk)
    assert [value["value"] for value in group.indicators[0].value["values"]] == [63]

    page.goto(live_server.url + group.url)
    table = page.get_by_role("table", name=f"Valeurs mesurées de l’indicateur « {INDICATOR} »")
    expect(table).to_contain_text("31/10/2026")
    expect(table).to_contain_text("63 %")
    expect(table).to_contain_text("Relevé d’octobre")
    expect(page.get_by_role("img", name=INDICATOR, exact=False)).to_be_visible()
    problems = blocking_violations(page, "group page with an indicator chart")

    page.goto(live_server.url + progress_portal["dashboard"].url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Tableau de bord")
    problems += blocking_violations(page, "dashboard")
    assert_no_blocking_violations(problems)
