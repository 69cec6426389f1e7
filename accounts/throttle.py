"""Sign-in throttling kept in the database: it holds with Redis down and is shared by every worker.

django-allauth counts failed sign-ins and password-reset requests per client address and per account in
Django's cache. The default cache is Redis (which may be down, full or restarted) or one memory per process
(several workers would each count apart): neither can hold a limit. allauth's counters are therefore kept
in a database cache (THROTTLE_CACHE, a table of its own, ThrottleEntry) which every worker and every
instance shares.

The client address is the connection's, unless a trusted proxy is named: TRUSTED_PROXY_COUNT (the number of
proxies of ours in front of the portal, whose X-Forwarded-For entries are trusted) or TRUSTED_CLIENT_IP_HEADER
(a header that proxy sets, such as X-Real-IP). By default no header is trusted: behind a load balancer every
request would then share its address, so production names its proxy (docs/deployment.md).
"""

from allauth.core.internal import ratelimit
from django.core.cache import caches
from django.db import models
from django.utils.connection import ConnectionProxy
from django.utils.translation import gettext_lazy as _

# The CACHES alias and its table (portal/settings/resilience.py names them too).
THROTTLE_CACHE = "throttle"
THROTTLE_TABLE = "accounts_throttle_entry"


class ThrottleEntry(models.Model):
    """One counter of allauth's rate limits, in the layout of Django's database cache (createcachetable)."""

    cache_key = models.CharField(max_length=255, primary_key=True)
    value = models.TextField()
    expires = models.DateTimeField(db_index=True)

    class Meta:
        db_table = THROTTLE_TABLE
        verbose_name = _("compteur de tentatives de connexion")
        verbose_name_plural = _("compteurs de tentatives de connexion")

    def __str__(self):
        return self.cache_key


def keep_rate_limits_in_the_database() -> None:
    """Point allauth's rate limiter at the database cache (it reads the module's `cache`, the default alias)."""
    ratelimit.cache = ConnectionProxy(caches, THROTTLE_CACHE)
