"""The first accessibility statement, written from the portal's own audit of 7 December 2026
(docs/accessibilite-audit.md): what a fresh site starts with (legal/migrations/0002, and the site setup of
home.services.site_tree when the page is missing). Administrators keep it up to date in the admin; later audits
change the page, not this text."""

import datetime

AUDIT_DATE = datetime.date(2026, 12, 7)

AUDIT_METHOD = """
<p>Auto-évaluation réalisée en interne par l’équipe technique du portail, avec le référentiel général
d’amélioration de l’accessibilité (RGAA), version 4.1. Ce n’est pas un audit complet : tous les critères
n’ont pas encore été évalués sur l’échantillon, si bien qu’aucun taux de conformité ne peut être donné et que
le portail est déclaré non conforme, comme le prévoit le RGAA en l’absence d’audit complet.</p>
<ul>
<li>Tests automatiques avec axe-core (règles des WCAG 2.1, niveaux A et AA) sur chaque type de page et chaque
adresse du portail, en largeur d’ordinateur (1 280 px) et de téléphone (390 px).</li>
<li>Navigation au clavier seul : lien d’évitement, ordre de tabulation (recherche, menu, contenu), focus
visible, menus de l’en-tête.</li>
<li>Zoom à 200 %, texte seul agrandi à 200 % et affichage sur 320 px de large, sans défilement horizontal.</li>
<li>Examen manuel des critères qu’aucun outil ne vérifie (images, couleurs, tableaux, liens, structure,
présentation, formulaires, navigation, consultation) : 67 critères évalués, dont le détail est tenu dans le
rapport d’audit du portail.</li>
</ul>
<p>Échantillon : accueil, projet de service, groupes de travail (liste, page d’un groupe, micro-projet),
fiches besoins (liste, formulaire, fiche, « Mes fiches »), actualités (liste, article), agenda (liste,
événement), études de cas, démarches modélisées, bibliothèque de documents, annuaire et fiche d’une personne,
recherche, tableau de bord, notifications, abonnements, « Ma fiche », connexion, mot de passe, page
introuvable et la présente déclaration.</p>
"""

NON_CONFORMITIES = """
<ul>
<li>Documents à télécharger (critère 13.3) : la plupart des documents de la bibliothèque (PDF, DOCX, ODT…)
n’ont pas encore été vérifiés ; leur état est indiqué à côté de chaque lien (« accessible », « non
accessible », « à vérifier »).</li>
<li>Limite de temps (critère 13.1) : la session se ferme 10 heures après la connexion, sans avertissement ni
possibilité de la prolonger ; un formulaire en cours de saisie à ce moment est à recommencer.</li>
<li>Contenus rédigés par les contributeurs (critères 1.3 et 9.1) : l’alternative des images et la hiérarchie
des titres des textes riches dépendent de leurs auteurs ; elles ne sont vérifiées que sur l’échantillon.</li>
</ul>
"""

EXEMPT_CONTENT = """
<ul>
<li>Les pages du fournisseur d’identité de l’organisation (connexion unique), qui ne sont ni développées ni
contrôlées par le portail.</li>
<li>Les documents bureautiques publiés avant le 23 septembre 2018, sauf ceux nécessaires pour accomplir une
démarche.</li>
</ul>
"""

INACCESSIBLE_CONTENT = """
<p>L’interface d’administration (publication des contenus, réservée aux contributeurs) n’a pas été évaluée.
Aucune restitution par un lecteur d’écran n’a encore été vérifiée.</p>
"""

TECHNOLOGIES = "<ul><li>HTML5</li><li>CSS</li><li>JavaScript (sans bibliothèque)</li><li>WAI-ARIA</li><li>SVG</li></ul>"

TEST_ENVIRONMENT = """
<ul>
<li>Chromium (Debian) sous Linux, piloté par Playwright, en 1 280, 640, 390 et 320 pixels de large.</li>
<li>axe-core, par axe-playwright-python.</li>
<li>Aucune technologie d’assistance (lecteur d’écran, loupe, commande vocale) n’a encore été utilisée.</li>
</ul>
"""

CONTACT = """
<p>Si vous n’arrivez pas à accéder à un contenu ou à un service du portail, signalez-le à l’équipe projet (les
chargés de projet, dans l’Annuaire) : nous vous répondrons et vous proposerons l’information ou le document
sous une forme accessible.</p>
"""

# The legal wording of the RGAA 4.1 model statement.
RECOURSE = """
<p>Cette procédure est à utiliser dans le cas suivant : vous avez signalé au responsable du portail un
défaut d’accessibilité qui vous empêche d’accéder à un contenu ou à un des services du portail et vous n’avez
pas obtenu de réponse satisfaisante.</p>
<ul>
<li>Écrire un message au Défenseur des droits
(<a href="https://formulaire.defenseurdesdroits.fr/">formulaire en ligne</a>)</li>
<li>Contacter le délégué du Défenseur des droits dans votre région
(<a href="https://www.defenseurdesdroits.fr/saisir/delegues">liste des délégués</a>)</li>
<li>Envoyer un courrier par la poste (gratuit, ne pas mettre de timbre) : Défenseur des droits, Libre réponse
71120, 75342 Paris CEDEX 07</li>
</ul>
"""


def _compact(html: str) -> str:
    return " ".join(html.split()).replace("> <", "><")


def first_statement() -> dict:
    """The statement's fields as the audit left them: non conforme, no rate (no complete audit yet)."""
    return {
        "summary": "L’engagement du service pour rendre son intranet accessible, et ce qui ne l’est pas encore.",
        "compliance_status": "non",
        "compliance_rate": None,
        "statement_date": AUDIT_DATE,
        "audit_date": AUDIT_DATE,
        "audit_method": _compact(AUDIT_METHOD),
        "non_conformities": _compact(NON_CONFORMITIES),
        "derogations": "",
        "exempt_content": _compact(EXEMPT_CONTENT),
        "inaccessible_content": _compact(INACCESSIBLE_CONTENT),
        "technologies": TECHNOLOGIES,
        "test_environment": _compact(TEST_ENVIRONMENT),
        "contact": _compact(CONTACT),
        "recourse": _compact(RECOURSE),
    }
