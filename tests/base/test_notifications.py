"""Moderation e-mails reach only people who can open the page they are about."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

from tests import factories
from tests.utils import restrict_page_to_groups


@pytest.fixture
def reviewers(django_user_model, committee):
    """A review group without edit rights: its members can open a page only if they may view it."""
    group = Group.objects.create(name="Relecteurs")
    outsider = django_user_model.objects.create_user(username="relecteur", email="relecteur@example.org")
    insider = django_user_model.objects.create_user(username="relectrice", email="relectrice@example.org")
    outsider.groups.add(group)
    insider.groups.add(group, committee)
    return group


def _submit_for_review(page, reviewers, author):
    task = GroupApprovalTask.objects.create(name="Relecture du comité")
    task.groups.set([reviewers])
    workflow = Workflow.objects.create(name="Relecture")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(page=page, workflow=workflow)
    page.save_revision(user=author)
    workflow.start(page, author)


def test_submission_mail_skips_reviewers_who_cannot_open_the_page(
    sections, reviewers, committee, administrator, mailoutbox, settings
):
    settings.WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
    page = factories.NewsPageFactory(title="Compte rendu du comité")
    restrict_page_to_groups(page, committee)
    _submit_for_review(page, reviewers, administrator)
    recipients = {address for message in mailoutbox for address in message.to}
    assert recipients == {"relectrice@example.org"}


def test_submission_mail_reaches_every_reviewer_for_an_open_page(
    sections, reviewers, administrator, mailoutbox, settings
):
    settings.WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
    page = factories.NewsPageFactory(title="Actualité ouverte")
    _submit_for_review(page, reviewers, administrator)
    recipients = {address for message in mailoutbox for address in message.to}
    assert recipients == {"relecteur@example.org", "relectrice@example.org"}


def test_a_superuser_reviewer_gets_one_mail_per_submission(sections, reviewers, administrator, pilot, mailoutbox):
    page = factories.NewsPageFactory(title="Actualité ouverte")
    _submit_for_review(page, reviewers, pilot)
    to_administrator = [message for message in mailoutbox if administrator.email in message.to]
    assert len(to_administrator) == 1
    assert "Bonjour Alain," in to_administrator[0].body and "Salut" not in to_administrator[0].body
    assert {address for message in mailoutbox for address in message.to} >= {"relecteur@example.org"}
