"""Apply the retention periods of personal data by hand (the task worker does it every day: operations.daily)."""

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Applique les durées de conservation : recherches de plus de 13 mois réduites aux nombres par jour, "
        "notifications lues anciennes supprimées. Sans effet si rien n’a dépassé sa durée."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue", action="store_true", help="Confier le travail au travailleur des tâches de fond."
        )

    def handle(self, *args, **options):
        from legal.services.retention import apply_retention
        from legal.tasks import apply_retention_periods

        if options["enqueue"]:
            apply_retention_periods.enqueue()
            self.stdout.write(self.style.SUCCESS("Tâche de conservation mise en file d’attente."))
            return
        labels = {"search_queries": "recherches", "read_notifications": "notifications lues"}

        def progress(name: str, count: int) -> None:
            self.stdout.write(f"… {count} {labels[name]} supprimée(s)")

        counts = apply_retention(progress=progress)
        for name, count in counts.items():
            self.stdout.write(f"{labels[name].capitalize()} supprimées : {count}")
        self.stdout.write(self.style.SUCCESS("Terminé."))
