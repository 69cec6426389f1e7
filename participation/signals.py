"""Publication and needs decisions become notifications; their e-mails leave through tasks."""

from contextvars import ContextVar

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published

from base.bulk import in_bulk_publication
from people.models import Person
from projects.models import NeedsStatusChange, WorkingGroupMember, WorkingGroupPage

from .models import Follow, Notification, PublicationNotice
from .publication_tasks import notify_publication_later
from .services.bell import forget_unread_counts
from .services.follow_state import forget_follow_state
from .services.notify import is_first_publication, notify_status_change

# Pages being published through "Publier et prévenir les abonnés", set around that one publication.
announced_pages: ContextVar[frozenset] = ContextVar("announced_pages", default=frozenset())


@receiver(page_published, dispatch_uid="participation_notify_publication")
def notify_followers(sender, instance, revision=None, **kwargs):
    if in_bulk_publication() or revision is None or instance.alias_of_id:
        return
    announced = instance.pk in announced_pages.get()
    if announced:
        PublicationNotice.objects.get_or_create(
            revision=revision, defaults={"page_id": instance.pk, "requested_by_id": revision.user_id}
        )
    first = is_first_publication(instance)
    # Only a first publication or an announced update tells anyone; the recipients are found by a task (the
    # database backend writes it in the publication's transaction: the worker sees both or neither).
    if first or announced or PublicationNotice.objects.filter(revision=revision, significant=True).exists():
        notify_publication_later.enqueue(instance.pk, revision.pk, first)


@receiver(post_save, sender=NeedsStatusChange, dispatch_uid="participation_notify_status_change")
def notify_submitter(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        notify_status_change(instance)


@receiver(post_save, sender=Notification, dispatch_uid="participation_forget_bell_on_save")
@receiver(post_delete, sender=Notification, dispatch_uid="participation_forget_bell_on_delete")
def forget_bell(sender, instance, **kwargs):
    forget_unread_counts([instance.recipient_id])


@receiver(post_save, sender=Follow, dispatch_uid="participation_forget_follow_state_on_save")
@receiver(post_delete, sender=Follow, dispatch_uid="participation_forget_follow_state_on_delete")
def forget_follows(sender, instance, **kwargs):
    forget_follow_state(instance.user_id)


# Who belongs to which group changes with members, referents (saved with the group) and people's accounts.
@receiver(post_save, sender=WorkingGroupMember, dispatch_uid="participation_member_saved")
@receiver(post_delete, sender=WorkingGroupMember, dispatch_uid="participation_member_deleted")
def forget_member(sender, instance, **kwargs):
    forget_follow_state(Person.objects.filter(pk=instance.person_id).values_list("user_id", flat=True).first())


@receiver(post_save, sender=WorkingGroupPage, dispatch_uid="participation_group_saved")
def forget_referent(sender, instance, **kwargs):
    if instance.referent_id:
        forget_follow_state(Person.objects.filter(pk=instance.referent_id).values_list("user_id", flat=True).first())


@receiver(post_save, sender=Person, dispatch_uid="participation_person_saved")
@receiver(post_delete, sender=Person, dispatch_uid="participation_person_deleted")
def forget_person(sender, instance, **kwargs):
    forget_follow_state(instance.user_id)
