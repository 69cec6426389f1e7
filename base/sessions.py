"""Sessions in the database, read together with the content version (SESSION_ENGINE = "base.sessions").

Every signed-in page reads its session, and every page showing shared parts reads the content version
(base.content_version): one query reads both. Sessions live in the database only, so signing out is final whatever
a cache did meanwhile.
"""

from django.contrib.sessions.backends import db
from django.db.models import Subquery
from django.utils import timezone

from .content_version import ROW, ContentVersion, remember_content_version

_VERSION = Subquery(ContentVersion.objects.filter(pk=ROW).values("value")[:1])


class SessionStore(db.SessionStore):
    """Django's database session store; loading a session also reads the content version of the request."""

    def _get_session_from_db(self):
        if not self.session_key:
            return None
        found = list(
            self.model.objects.annotate(content_version=_VERSION).filter(
                session_key=self.session_key, expire_date__gt=timezone.now()
            )[:1]
        )
        if not found:
            self._session_key = None
            return None
        remember_content_version(found[0].content_version)
        return found[0]

    def load_with_content_version(self) -> None:
        """Load the session now (if the request has one), which reads the content version with it."""
        if self.session_key:
            self._get_session()  # memoised by Django: a loaded session is not read again
