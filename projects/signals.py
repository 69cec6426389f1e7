from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from .models import WorkingGroupEditors, WorkingGroupPage
from .services.pilots import forget_editors_group, release_pilots_role, sync_pilot_permissions


@receiver(page_published, sender=WorkingGroupPage)
def grant_pilots_their_group(sender, instance: WorkingGroupPage, **kwargs):
    sync_pilot_permissions(instance)


@receiver(page_unpublished, sender=WorkingGroupPage)
def release_pilots_of_an_unpublished_group(sender, instance: WorkingGroupPage, **kwargs):
    release_pilots_role()


@receiver(post_delete, sender=WorkingGroupEditors)
def delete_the_editors_group_of_a_deleted_group(sender, instance: WorkingGroupEditors, **kwargs):
    forget_editors_group(instance)


@receiver(post_delete, sender=WorkingGroupPage)
def release_pilots_of_a_deleted_group(sender, instance: WorkingGroupPage, **kwargs):
    release_pilots_role()
