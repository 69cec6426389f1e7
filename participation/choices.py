"""The fixed choices of participation's models: kinds of notification, kinds and states of e-mail."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class NotificationKind(models.TextChoices):
    PUBLICATION = "publication", _("Publication")
    UPDATE = "update", _("Mise à jour")
    STATUS = "status", _("Statut de fiche")
    # A page to check, or a reader's report on it and its answer (governance).
    REVIEW = "review", _("Vérification de page")
    FEEDBACK = "feedback", _("Retour de lecteur")


class DeliveryKind(models.TextChoices):
    IMMEDIATE = "immediate", _("Immédiat")
    DIGEST = "digest", _("Résumé")


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("À envoyer")
    SENT = "sent", _("Envoyé")
    FAILED = "failed", _("Échec")
    CANCELLED = "cancelled", _("Annulé")
