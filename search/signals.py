"""Publishing re-indexes the page once its tags and métiers are written.

Wagtail indexes a page when it is saved, and modelcluster writes the page's tags and métiers just after
that save: without this, they would reach the index (and the search's facets) only at the next save.
"""

from django.dispatch import receiver
from modelsearch.tasks import insert_or_update_object_task
from wagtail.signals import page_published


@receiver(page_published)
def index_published_page(sender, instance, **kwargs):
    insert_or_update_object_task.enqueue(instance._meta.app_label, instance._meta.model_name, str(instance.pk))
