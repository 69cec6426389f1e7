from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """Running the portal: backup and restore of the database and uploaded files, the background task worker.

    Listed before django_tasks_db in INSTALLED_APPS, so that its `db_worker` command is the one manage.py runs.
    """

    name = "operations"
    verbose_name = "Exploitation"
