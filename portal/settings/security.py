"""Security headers and policies shared by every environment."""


def apply(settings: dict) -> None:
    """Adjust the settings being built in portal/settings/base.py."""
