"""Whether a reader may open Wagtail's administration: defined in base.access (a Wagtail permission, which
search asks too)."""

from base.access import ADMIN_ACCESS_SECONDS, ADMIN_ACCESS_SESSION_KEY, can_access_admin, reader_can_access_admin

__all__ = ["ADMIN_ACCESS_SECONDS", "ADMIN_ACCESS_SESSION_KEY", "can_access_admin", "reader_can_access_admin"]
