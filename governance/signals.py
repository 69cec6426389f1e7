"""What changes a page's footer, and the changes that ask for a review of a page.

- a responsable chosen, a review made, review periods changed: a new content version (the footer is shared
  between readers);
- an account deactivated: the pages its person answered for ask for a review (their responsable has left),
  and the project officers are told who answers for each now (a task);
- a working group published as closed: its pages and its news ask for a review;
- a document replaced or deleted: the pages that link to it (Wagtail's reference index) ask for a review;
- a page published with « Publier et prévenir les abonnés » (an important change): the pages linking to it.
"""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver
from wagtail.documents import get_document_model
from wagtail.models import Page, ReferenceIndex
from wagtail.signals import page_published

from base.bulk import in_bulk_publication
from base.content_version import bump_content_version
from news.models import NewsPage
from participation.models import PublicationNotice
from participation.signals import announced_pages
from people.models import Person
from projects.choices import GroupStatus
from projects.models import WorkingGroupPage

from .choices import ReviewReason
from .models import PageReview, PageStewardship, ReviewPeriods
from .services.owners import pages_answered_by_person
from .services.reviews import request_review
from .tasks import tell_officers_of_departure_later


@receiver(post_save, sender=PageStewardship, dispatch_uid="governance_stewardship_saved")
@receiver(post_delete, sender=PageStewardship, dispatch_uid="governance_stewardship_deleted")
@receiver(post_save, sender=PageReview, dispatch_uid="governance_review_saved")
def bump_on_stewardship_change(sender, raw=False, **kwargs):
    if not raw:
        bump_content_version()


@receiver(post_save, sender=ReviewPeriods, dispatch_uid="governance_periods_saved")
def bump_on_periods_change(sender, created=False, raw=False, **kwargs):
    # The row is created with the defaults the first time a page reads it: nothing changes then.
    if not raw and not created:
        bump_content_version()


@receiver(pre_save, sender=get_user_model(), dispatch_uid="governance_account_deactivated")
def owner_leaves(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or instance.pk is None or instance.is_active or (update_fields and "is_active" not in update_fields):
        return
    was_active = sender.objects.filter(pk=instance.pk, is_active=True).exists()
    person = Person.objects.filter(user_id=instance.pk).first()
    if was_active and person is not None:
        page_ids = pages_answered_by_person(person)
        request_review(page_ids, ReviewReason.OWNER_LEFT)
        # The footers name another responsable now.
        bump_content_version()
        if page_ids:
            # Once the departure is saved, so that the pages' new responsables are read without the person.
            transaction.on_commit(
                lambda: tell_officers_of_departure_later.enqueue(person.pk, person.full_name, list(page_ids))
            )


def _referring_pages(target) -> set[int]:
    """Ids of the pages that link to `target` (a page or a document), from Wagtail's reference index."""
    page_type = ContentType.objects.get_for_model(Page)
    references = ReferenceIndex.get_references_to(target).filter(base_content_type=page_type)
    return {int(object_id) for object_id in references.values_list("object_id", flat=True)}


@receiver(pre_save, sender=get_document_model(), dispatch_uid="governance_document_replaced")
def document_replaced(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        return
    previous = sender.objects.filter(pk=instance.pk).values_list("file", flat=True).first()
    if previous is not None and previous != instance.file.name:
        request_review(_referring_pages(instance), ReviewReason.DOCUMENT_CHANGED)


@receiver(pre_delete, sender=get_document_model(), dispatch_uid="governance_document_deleted")
def document_deleted(sender, instance, **kwargs):
    request_review(_referring_pages(instance), ReviewReason.DOCUMENT_CHANGED)


@receiver(page_published, dispatch_uid="governance_page_published")
def page_changed(sender, instance, revision=None, **kwargs):
    if in_bulk_publication() or revision is None:
        return
    page = instance.specific
    if isinstance(page, WorkingGroupPage) and page.status == GroupStatus.CLOSED and _was_open(page, revision):
        in_group = set(Page.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True))
        in_group |= set(NewsPage.objects.filter(working_group=page).values_list("pk", flat=True))
        request_review(in_group, ReviewReason.GROUP_CLOSED)
    important = page.pk in announced_pages.get() or PublicationNotice.objects.filter(revision=revision).exists()
    if important:
        request_review(_referring_pages(page) - {page.pk}, ReviewReason.LINKED_PAGE_CHANGED)


def _was_open(group: WorkingGroupPage, revision) -> bool:
    """Whether the group's previous revision was not closed (a closed group published again asks nothing)."""
    previous = group.revisions.exclude(pk=revision.pk).order_by("-created_at", "-pk").first()
    return previous is None or previous.content.get("status") != GroupStatus.CLOSED
