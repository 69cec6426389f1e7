"""The « Données personnelles » page on a fresh site: created under the home page, with the portal's
processings, when missing; one already there is left as it is."""

from __future__ import annotations

from django.db import transaction
from wagtail.models import Page

from home.services.site_tree import ensure_home

from ..models import PersonalDataPage

TITLE = "Données personnelles"
SLUG = "donnees-personnelles"

INTRODUCTION = (
    "<p>Cet intranet est réservé au personnel du service. Voici les données personnelles qu’il traite, "
    "pourquoi, sur quelle base légale, combien de temps et qui peut les voir (registre des activités de "
    "traitement, article 30 du RGPD). Vous pouvez obtenir à tout moment une copie de ce que le portail "
    "conserve sur vous, depuis « Mes données » dans le menu de votre compte (articles 15 et 20).</p>"
)

CONTACT = (
    "<p>Pour toute question, ou pour exercer vos droits d’accès, de rectification, de limitation ou "
    "d’opposition, écrivez au délégué ou à la déléguée à la protection des données du service "
    "(adresse indiquée par la direction). Vous pouvez aussi saisir la CNIL.</p>"
)

STAFF = "Les personnes connectées au portail"
ADMINS = "Les administrateurs du portail"

PROCESSINGS = [
    {
        "name": "Annuaire",
        "purpose": "Permettre au personnel de se trouver et de se joindre ; dire qui pilote quel groupe.",
        "data": "Nom, prénom, fonction, métier, site, e-mail et téléphone professionnels, rôles, présentation.",
        "legal_basis": "Intérêt légitime du service (organisation du travail)",
        "retention": "Tant que la personne travaille au service ; sa fiche est retirée ou anonymisée à son départ.",
        "recipients": STAFF,
    },
    {
        "name": "Comptes et connexion unique",
        "purpose": "Réserver l’intranet au personnel et donner à chacun ses droits.",
        "data": "E-mail, nom, identifiant chez le fournisseur d’identité, rôles, dates de connexion.",
        "legal_basis": "Intérêt légitime du service (sécurité du système d’information)",
        "retention": "Tant que la personne travaille au service ; le compte est désactivé à son départ.",
        "recipients": ADMINS,
    },
    {
        "name": "Notifications et résumés par e-mail",
        "purpose": "Prévenir chacun des publications qu’il suit, aux heures de travail seulement.",
        "data": "Abonnements, préférence d’e-mail, notifications, envois d’e-mails (date, état).",
        "legal_basis": "Intérêt légitime du service (information du personnel)",
        "retention_rule": "read_notifications",
        "recipients": "La personne elle-même ; les administrateurs pour les envois en échec",
    },
    {
        "name": "Journal des recherches",
        "purpose": "Améliorer la recherche (thésaurus, recommandations) à partir des recherches sans résultat.",
        "data": (
            "Le texte des recherches et leur nombre, sans le nom de qui a cherché ; pour chaque recherche, des "
            "totaux seulement : combien ont trouvé des résultats, combien ont été suivies d’un clic sur un "
            "résultat et combien de suggestions « Vouliez-vous dire » ont été suivies, sans rien garder de qui "
            "a cliqué ni de ce que chacun a ouvert."
        ),
        "legal_basis": "Intérêt légitime du service (qualité de l’outil)",
        "retention_rule": "search_log",
        "recipients": ADMINS,
    },
    {
        "name": "Fiches besoins",
        "purpose": "Recueillir les besoins du terrain et suivre leur décision.",
        "data": "Auteur de la fiche, son contenu (sans donnée de santé identifiante), statut et historique.",
        "legal_basis": "Intérêt légitime du service (projet de service participatif)",
        "retention": "Durée du projet de service ; l’auteur est anonymisé à son départ.",
        "recipients": STAFF,
    },
    {
        "name": "Commentaires et soutiens des fiches besoins",
        "purpose": "Permettre à chacun de dire qu’un besoin le concerne et d’en discuter.",
        "data": "Auteur, date et texte des commentaires ; qui s’est dit concerné·e.",
        "legal_basis": "Intérêt légitime du service (projet de service participatif)",
        "retention": "Durée du projet de service ; l’auteur est anonymisé à son départ.",
        "recipients": STAFF,
    },
    {
        "name": "Avis des lecteurs",
        "purpose": "Savoir si une page a été utile, pour l’améliorer.",
        "data": "Avis et commentaire, sans statistique de lecture par personne.",
        "legal_basis": "Intérêt légitime du service (qualité des contenus)",
        "retention": "Durée de vie de la page concernée.",
        "recipients": "Les responsables de la page et les administrateurs",
    },
]


@transaction.atomic
def ensure_personal_data_page() -> PersonalDataPage:
    """The site's « Données personnelles » page, created and published under the home page when missing."""
    existing = PersonalDataPage.objects.first()
    if existing is not None:
        return existing
    home: Page = ensure_home()
    page = PersonalDataPage(
        title=TITLE,
        slug=SLUG,
        show_in_menus=False,
        introduction=INTRODUCTION,
        contact=CONTACT,
        processings=[{"type": "processing", "value": item} for item in PROCESSINGS],
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page
