"""Database and cache settings that keep the portal answering when PostgreSQL or Redis falters."""


def apply(settings: dict) -> None:
    """Adjust the settings being built in portal/settings/base.py."""
