from django.dispatch import receiver
from wagtail.signals import page_published

from .models import WorkingGroupPage
from .services.pilots import sync_pilot_permissions


@receiver(page_published, sender=WorkingGroupPage)
def grant_pilots_their_group(sender, instance: WorkingGroupPage, **kwargs):
    sync_pilot_permissions(instance)
