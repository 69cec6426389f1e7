from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A staff member's account. Staff sign in with their e-mail address."""

    email = models.EmailField(_("adresse e-mail"), unique=True)

    class Meta:
        verbose_name = _("utilisateur")
        verbose_name_plural = _("utilisateurs")
        ordering = ["last_name", "first_name"]

    def __str__(self):
        return self.get_full_name() or self.email
