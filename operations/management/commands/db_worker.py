"""`manage.py db_worker`: django_tasks_db's command with a worker that waits through database outages
(operations/worker.py); same options, `--batch` included."""

from django_tasks_db.management.commands import db_worker

from operations.worker import ResilientWorker


class Command(db_worker.Command):
    help = (
        "Lance le travailleur des tâches de fond (file dans la base de données). Pendant une panne de la base, "
        "il attend qu’elle revienne puis reprend la file. Avec --batch, il traite la file puis s’arrête."
    )

    def handle(self, *args, **options):
        # django_tasks_db builds its module's `Worker` inside handle() and offers no setting to choose another
        # class: for the time of this command, that name is ours. Its options and checks stay its own.
        library_worker = db_worker.Worker
        db_worker.Worker = ResilientWorker
        try:
            return super().handle(*args, **options)
        finally:
            db_worker.Worker = library_worker
