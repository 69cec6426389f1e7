"""Moderation e-mails (Wagtail's workflow notifications) go only to people who can open the page.

Wagtail e-mails the approvers when a pilot submits a change, and the author when it is approved or
rejected. Each notifier here keeps Wagtail's recipients and drops those who could neither open the page
on the intranet (base.visibility) nor edit it in the administration.
"""

from wagtail.admin.mail import (
    GroupApprovalTaskStateSubmissionEmailNotifier,
    WorkflowStateApprovalEmailNotifier,
    WorkflowStateRejectionEmailNotifier,
    WorkflowStateSubmissionEmailNotifier,
)
from wagtail.models import GroupApprovalTask, Page, TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted

from .visibility import can_view_page


def can_open(page: Page, user) -> bool:
    """Whether the account may open the page: on the intranet, or in the administration as an editor."""
    return can_view_page(page, user) or page.permissions_for_user(user).can_edit()


class VisibleRecipientsMixin:
    def get_valid_recipients(self, instance, **kwargs):
        recipients = super().get_valid_recipients(instance, **kwargs)
        workflow_state = instance.workflow_state if isinstance(instance, TaskState) else instance
        page = workflow_state.content_object
        if not isinstance(page, Page):
            return recipients
        return {user for user in recipients if can_open(page, user)}


class TaskSubmissionNotifier(VisibleRecipientsMixin, GroupApprovalTaskStateSubmissionEmailNotifier):
    pass


class WorkflowSubmissionNotifier(VisibleRecipientsMixin, WorkflowStateSubmissionEmailNotifier):
    """Told of a submission once: whoever is asked to review its first task (superusers included) hears of it
    by the task's e-mail, not by the workflow's too."""

    def get_recipient_users(self, workflow_state, **kwargs):
        recipients = super().get_recipient_users(workflow_state, **kwargs)
        task_state = workflow_state.current_task_state
        if task_state is None or not isinstance(task_state.task.specific, GroupApprovalTask):
            return recipients
        reviewers = TaskSubmissionNotifier().get_recipient_users(task_state.specific, **kwargs)
        return recipients.exclude(pk__in=reviewers.values("pk"))


class WorkflowApprovalNotifier(VisibleRecipientsMixin, WorkflowStateApprovalEmailNotifier):
    pass


class WorkflowRejectionNotifier(VisibleRecipientsMixin, WorkflowStateRejectionEmailNotifier):
    pass


# Wagtail's own dispatch_uids: connected first (the base app is ready before wagtail.admin), these
# receivers take the place of Wagtail's, whose later connection with the same uid is then ignored.
NOTIFIERS = (
    (task_submitted, TaskState, TaskSubmissionNotifier(), "group_approval_task_submitted_email_notification"),
    (workflow_submitted, WorkflowState, WorkflowSubmissionNotifier(), "workflow_state_submitted_email_notification"),
    (workflow_rejected, WorkflowState, WorkflowRejectionNotifier(), "workflow_state_rejected_email_notification"),
    (workflow_approved, WorkflowState, WorkflowApprovalNotifier(), "workflow_state_approved_email_notification"),
)


def connect_notifiers() -> None:
    for signal, sender, notifier, uid in NOTIFIERS:
        signal.connect(notifier, sender=sender, dispatch_uid=uid)
