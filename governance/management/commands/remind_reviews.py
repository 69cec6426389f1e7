from django.core.management.base import BaseCommand

from governance.services.reminders import escalation_delay, remind_reviews


class Command(BaseCommand):
    help = (
        "Prévient les responsables des pages à vérifier (une fois), puis les chargés de projet quand une page "
        "reste non vérifiée après le délai GOVERNANCE_ESCALATION_DAYS. Relancée, la commande ne prévient personne "
        "deux fois."
    )

    def handle(self, *args, **options):
        def progress(done: int, total: int) -> None:
            self.stdout.write(f"  {done}/{total} pages examinées")

        report = remind_reviews(progress=progress)
        self.stdout.write(
            self.style.SUCCESS(
                f"{report.due} page(s) à vérifier sur {report.pages} ; {report.reminded} rappel(s) aux responsables, "
                f"{report.escalated} signalement(s) aux chargés de projet (après {escalation_delay().days} jours)."
            )
        )
