"""Enqueue again every pending notification e-mail: the fallback when a worker's queue was lost."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from participation.models import EmailDelivery
from participation.tasks import enqueue_later, send_deliveries


class Command(BaseCommand):
    help = "Remet en file d’attente les e-mails de notification non envoyés (immédiats et résumés)."

    def handle(self, *args, **options):
        pending = list(EmailDelivery.objects.pending().order_by("pk").values_list("pk", "scheduled_for"))
        total = len(pending)
        now = timezone.now()
        self.stdout.write(f"{total} e-mail(s) en attente.")
        for done, (delivery_id, scheduled_for) in enumerate(pending, start=1):
            if scheduled_for is None or scheduled_for <= now or not enqueue_later([delivery_id], scheduled_for):
                send_deliveries.enqueue([delivery_id])
            if done % 50 == 0 or done == total:
                self.stdout.write(f"{done}/{total} remis en file d’attente.")
        self.stdout.write(self.style.SUCCESS("Terminé."))
