from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """Running the portal: backup and restore of the database and uploaded files."""

    name = "operations"
    verbose_name = "Exploitation"
