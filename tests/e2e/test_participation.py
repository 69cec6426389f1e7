"""A reader follows a working group, hears of a publication in it through the bell, and opens it."""

import re

from playwright.sync_api import expect

from .test_accessibility import assert_no_blocking_violations, blocking_violations

OTHER_GROUP = "Risques psychosociaux"


def test_follow_a_group_and_open_the_notification(signed_in_page, live_server):
    from projects.models import WorkingGroupPage
    from tests.factories import MicroProjectPageFactory

    page = signed_in_page
    group = WorkingGroupPage.objects.get(title=OTHER_GROUP)
    # Start from a clear bell (building the portal may already have told the reader of something).
    page.goto(live_server.url + "/notifications/")
    page.get_by_role("button", name="Tout marquer comme lu").click()
    page.wait_for_load_state()
    page.goto(live_server.url + group.url)
    page.get_by_role("button", name=re.compile(f"^Suivre « {OTHER_GROUP} »")).click()
    page.wait_for_load_state()
    expect(page.get_by_text(f"Vous suivez désormais « {OTHER_GROUP} ».")).to_be_visible()
    expect(page.get_by_role("link", name="Notifications, 0 non lue")).to_be_visible()

    # A project officer publishes a micro-project in the group.
    draft = MicroProjectPageFactory(parent=group, title="Écoute des salariés", live=False)
    draft.save_revision().publish()

    page.reload()
    bell = page.get_by_role("link", name="Notifications, 1 non lue")
    expect(bell).to_be_visible()
    bell.click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", name="Notifications", level=1)).to_be_visible()
    assert_no_blocking_violations(blocking_violations(page, "Notifications"))

    page.get_by_role("link", name="Nouvelle publication : « Écoute des salariés »").click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", name="Écoute des salariés", level=1)).to_be_visible()
    expect(page.get_by_role("link", name="Notifications, 0 non lue")).to_be_visible()

    page.goto(live_server.url + "/mon-compte/abonnements/")
    expect(page.get_by_role("heading", name="Mes abonnements", level=1)).to_be_visible()
    expect(page.get_by_text("membre du groupe")).to_be_visible()
    assert_no_blocking_violations(blocking_violations(page, "Mes abonnements"))
