"""Where uploaded files live: the local filesystem by default, S3-compatible object storage on request."""


def apply(settings: dict) -> None:
    """Adjust the settings being built in portal/settings/base.py."""
