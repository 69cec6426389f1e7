from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from .throttle import ThrottleEntry  # noqa: F401  (a model of this app)


class User(AbstractUser):
    """A staff member's account. Staff sign in with their e-mail address."""

    email = models.EmailField(_("adresse e-mail"), unique=True)

    class Meta:
        verbose_name = _("utilisateur")
        verbose_name_plural = _("utilisateurs")
        ordering = ["last_name", "first_name"]

    def __str__(self):
        return self.get_full_name() or self.email


class IdentityProviderRole(models.Model):
    """A role (Wagtail group) that the identity provider gave a user at sign-in.

    Kept apart from memberships granted by an administrator: at each sign-in, only the roles
    recorded here are taken away when the IdP no longer grants them.
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="identity_provider_roles")
    group = models.ForeignKey("auth.Group", on_delete=models.CASCADE, related_name="+")
    granted_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("rôle donné par le fournisseur d’identité")
        verbose_name_plural = _("rôles donnés par le fournisseur d’identité")
        constraints = [models.UniqueConstraint(fields=["user", "group"], name="unique_identity_provider_role")]

    def __str__(self):
        return f"{self.user} – {self.group}"
