"""The secret address behind a reader's personal feeds and calendars."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

PREFIX_LENGTH = 8


class FeedToken(models.Model):
    """One account's subscription secret: whoever holds it reads that account's feeds and calendars.

    The secret is stored as is, like an API key: calendar applications and feed readers keep the full
    address, and a reader adding it to a second application must be able to display it again. A hash only
    would force a new secret (breaking the first subscription) every time. In exchange the secret gives
    read access to feeds only, is revocable and regenerable at once, and is matched in constant time: the
    lookup goes through its non-secret prefix (indexed), the full secret is then compared with
    hmac.compare_digest.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("compte"), on_delete=models.CASCADE, related_name="feed_token"
    )
    secret = models.CharField(_("secret"), max_length=64)
    prefix = models.CharField(_("début du secret"), max_length=PREFIX_LENGTH, db_index=True)
    created_at = models.DateTimeField(_("créé le"), default=timezone.now)
    last_used_at = models.DateTimeField(_("dernière utilisation"), null=True, blank=True)

    class Meta:
        verbose_name = _("adresse d’abonnement")
        verbose_name_plural = _("adresses d’abonnement")

    def __str__(self):
        return f"{self.masked} ({self.user})"

    @property
    def masked(self) -> str:
        """The secret's first characters only: enough to tell two addresses apart, never enough to use one."""
        return f"{self.prefix}…"
