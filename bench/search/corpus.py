"""A benchmark corpus: the demo content plus generated French pages (news, events, case studies) on
occupational-health topics, written in bulk and indexed through the search backend in batches.

The generated prose shares the portal's common vocabulary (santé, travail, prévention, entreprise,
médecin…) so that it competes with the demo pages, but none of the expressions the labelled queries look
for (queries.json, "reserved"): the relevant answers stay the demo's, and those of a few dated series
(SERIES: yearly reports, minutes, guide versions…), which alone carry their own reserved words.
"""

import datetime
import json
import random
import re
import uuid
from collections.abc import Iterator
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from tqdm import tqdm
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText
from wagtail.search.backends import get_search_backend

from base.text import fold

QUERIES_FILE = Path(__file__).with_name("queries.json")
# Rows written, then indexed, per transaction.
BATCH = 500

THEMES = [
    "le bruit",
    "la chaleur",
    "le travail de nuit",
    "le travail sur écran",
    "le risque routier",
    "les chutes de hauteur",
    "la vaccination",
    "le sommeil des salariés",
    "l’activité physique",
    "l’éclairage des postes",
    "la qualité de l’air intérieur",
    "l’amiante",
    "les poussières de bois",
    "les horaires atypiques",
    "l’accueil des apprentis",
    "les jeunes travailleurs",
    "les salariés seniors",
    "le travail isolé",
    "les vibrations des engins",
    "le port de charges",
    "les solvants",
    "le froid",
    "la coactivité sur les chantiers",
    "les agressions au guichet",
    "la conduite d’engins",
    "les rayonnements",
    "le stress thermique",
    "l’hygiène des locaux",
]
SECTORS = [
    "du bâtiment",
    "de la restauration",
    "du commerce de détail",
    "du transport routier",
    "de la propreté",
    "de la métallurgie",
    "de la boulangerie",
    "de la coiffure",
    "des garages automobiles",
    "des espaces verts",
    "de l’imprimerie",
    "des collectivités",
    "de l’hôtellerie",
    "de l’agriculture",
    "des laboratoires",
    "de la plasturgie",
    "de la menuiserie",
    "de l’enseignement",
]
TOWNS = ["Lens", "Arras", "Béthune", "Douai", "Saint-Omer", "Calais", "Liévin", "Hénin-Beaumont", "Bruay", "Carvin"]
ACTORS = [
    "Le médecin du travail",
    "L’infirmière en santé au travail",
    "L’équipe pluridisciplinaire",
    "Le service de santé au travail",
    "L’employeur",
    "Le technicien de prévention",
    "La direction",
    "Le collaborateur médecin",
    "L’assistante santé travail",
    "Le préventeur",
]
VERBS = [
    "accompagne",
    "conseille",
    "informe",
    "alerte l’encadrement sur",
    "propose un diagnostic sur",
    "fait le point sur",
    "rappelle les règles concernant",
    "étudie",
    "présente une action sur",
]
OBJECTS = [
    "la prévention des risques liés à {theme}",
    "les conditions de travail face à {theme}",
    "la santé des salariés exposés à {theme}",
    "les mesures collectives contre {theme}",
    "l’organisation du travail et {theme}",
    "les obligations de l’employeur concernant {theme}",
    "le suivi de l’état de santé des salariés confrontés à {theme}",
]
PLACES = [
    "dans les entreprises {sector}",
    "auprès des salariés {sector}",
    "sur le site de {town}",
    "dans une PME {sector} de {town}",
    "lors d’une visite dans une entreprise {sector}",
    "avec les employeurs {sector} du secteur de {town}",
]
EXTRAS = [
    "Les échanges ont porté sur les équipements de protection et l’aménagement des horaires.",
    "Une réunion de restitution est prévue avec les représentants du personnel.",
    "Les salariés ont été associés à l’analyse des difficultés du quotidien.",
    "Un bilan sera présenté à la fin du semestre.",
    "Les recommandations ont été remises à l’employeur par écrit.",
    "La démarche s’appuie sur la réglementation et les bonnes pratiques de prévention.",
    "Plusieurs entreprises ont demandé un accompagnement pour l’année prochaine.",
    "Des supports d’information seront diffusés aux équipes.",
    "Le service reste disponible pour toute question des adhérents.",
    "Une attention particulière est portée aux nouveaux embauchés.",
    "Les résultats seront partagés lors d’une prochaine réunion d’équipe.",
    "La prévention primaire reste la priorité de l’intervention.",
]
NEWS_TITLES = [
    "{Theme} : une action {sector} à {town}",
    "{Theme} {sector} : les premiers résultats",
    "Prévenir {theme} {sector}",
    "{Theme} : ce qui change pour les employeurs {sector}",
    "Une campagne sur {theme} à {town}",
    "{Theme} : retour d’expérience {sector}",
]
EVENT_TITLES = [
    "Matinée d’information sur {theme} à {town}",
    "Atelier employeurs {sector} : {theme}",
    "Réunion des adhérents {sector} à {town}",
    "Webinaire : {theme} {sector}",
]
CASE_TITLES = [
    "{Theme} dans une entreprise {sector}",
    "Agir sur {theme} {sector} à {town}",
    "Une intervention sur {theme} {sector}",
]
# Share of each generated page type (the rest are news).
EVENT_SHARE = 0.25
CASE_SHARE = 0.15


# Dated series: several editions of one publication or event, for the queries asking for the newest one
# (queries.json, category « récence »). Unlike the bulk prose above, each series has its own words, the
# reserved expressions it lists in "own" (the words the queries find it by); it contains none of the others.
# Every edition is written on the same pattern, so that only its date and figures tell it from the others.
SERIES = [
    {
        "slug": "rapport-activite",
        "type": "news",
        "own": ["rapport annuel", "rapport d’activité", "rapport d'activité"],
        "title": "Rapport annuel d’activité {year}",
        "summary": "L’année {year} du service en chiffres : visites, entreprises adhérentes, interventions en "
        "entreprise.",
        "paragraphs": [
            "Le rapport annuel d’activité {year} a été présenté au conseil d’administration le {presented}. Il "
            "recense {visits} visites réalisées par les médecins et les infirmier·ères, {members} entreprises "
            "adhérentes et {actions} interventions en entreprise.",
            "Le rapport détaille l’activité de chaque secteur et les priorités retenues pour {next}. Il peut être "
            "demandé à la direction.",
        ],
        "editions": [
            {
                "date": "2022-03-15",
                "year": 2021,
                "next": 2022,
                "presented": "8 mars 2022",
                "visits": "38 400",
                "members": "5 870",
                "actions": "1 120",
            },
            {
                "date": "2023-03-14",
                "year": 2022,
                "next": 2023,
                "presented": "7 mars 2023",
                "visits": "40 150",
                "members": "5 990",
                "actions": "1 260",
            },
            {
                "date": "2024-03-19",
                "year": 2023,
                "next": 2024,
                "presented": "12 mars 2024",
                "visits": "41 020",
                "members": "6 080",
                "actions": "1 390",
            },
            {
                "date": "2025-03-18",
                "year": 2024,
                "next": 2025,
                "presented": "11 mars 2025",
                "visits": "42 600",
                "members": "6 140",
                "actions": "1 450",
            },
            {
                "date": "2026-03-17",
                "year": 2025,
                "next": 2026,
                "presented": "10 mars 2026",
                "visits": "43 900",
                "members": "6 230",
                "actions": "1 530",
            },
        ],
    },
    {
        "slug": "commission-medico-technique",
        "type": "news",
        "own": ["médico-technique", "cmt"],
        "title": "Commission médico-technique : compte rendu de la séance du {day}",
        "summary": "La commission médico-technique (CMT) du {day} : {topics}.",
        "paragraphs": [
            "La commission médico-technique réunit les médecins du travail et des représentants des autres métiers "
            "de l’équipe pluridisciplinaire. Lors de la séance du {day}, elle a examiné {topics}.",
            "{decision} Le prochain compte rendu sera publié après la séance suivante.",
        ],
        "editions": [
            {
                "date": "2024-06-11",
                "day": "11 juin 2024",
                "topics": "le plan d’actions de l’année et l’organisation des permanences d’été",
                "decision": "Les permanences d’été sont assurées sur deux sites par alternance.",
            },
            {
                "date": "2024-11-19",
                "day": "19 novembre 2024",
                "topics": "le bilan des permanences d’été et les délais de visite par secteur",
                "decision": "Un suivi mensuel des délais de visite est mis en place.",
            },
            {
                "date": "2025-06-10",
                "day": "10 juin 2025",
                "topics": "les priorités de l’action en entreprise et le recours à la téléconsultation",
                "decision": "La téléconsultation est ouverte aux visites qui le permettent, avec l’accord du salarié.",
            },
            {
                "date": "2025-11-18",
                "day": "18 novembre 2025",
                "topics": "l’accueil des collaborateurs médecins et le partage des tâches avec les infirmier·ères",
                "decision": "Un parrainage est proposé à chaque collaborateur médecin pendant sa première année.",
            },
            {
                "date": "2026-06-09",
                "day": "9 juin 2026",
                "topics": "l’harmonisation des courriers aux employeurs et les priorités du second semestre",
                "decision": "Un modèle commun de courrier aux employeurs est adopté pour tous les sites.",
            },
        ],
    },
    {
        "slug": "guide-mi-carriere",
        "type": "news",
        "own": ["mi-carrière"],
        "title": "Guide de la visite de mi-carrière – version {version}",
        "summary": "La version {version} du guide de la visite de mi-carrière, à l’usage des médecins et des "
        "infirmier·ères : {change}.",
        "paragraphs": [
            "Organisée autour de 45 ans, la visite de mi-carrière fait le point sur l’adéquation entre le poste et "
            "l’état de santé du salarié, et anticipe les risques de fin de carrière.",
            "La version {version} du guide, publiée en {month}, {change_long}. {replaces}",
        ],
        "editions": [
            {
                "date": "2022-05-10",
                "version": 1,
                "month": "mai 2022",
                "change": "support d’entretien et courrier à l’employeur",
                "change_long": "propose un support d’entretien et un modèle de courrier à l’employeur",
                "replaces": "Elle accompagne la mise en place de la visite dans le service.",
            },
            {
                "date": "2023-09-12",
                "version": 2,
                "month": "septembre 2023",
                "change": "visite confiée aux infirmier·ères",
                "change_long": "précise les conditions dans lesquelles la visite est confiée aux infirmier·ères",
                "replaces": "Elle remplace la version 1.",
            },
            {
                "date": "2025-10-14",
                "version": 3,
                "month": "octobre 2025",
                "change": "repères pour l’aménagement des fins de carrière",
                "change_long": "ajoute des repères pour l’aménagement des fins de carrière et une synthèse remise au "
                "salarié",
                "replaces": "Elle remplace la version 2.",
            },
        ],
    },
    {
        "slug": "journee-regionale",
        "type": "event",
        "own": ["journée régionale"],
        "title": "Journée régionale des services de santé au travail {year}",
        "summary": "La journée régionale {year} réunit les équipes des services de la région autour du thème "
        "« {topic} ».",
        "paragraphs": [
            "Conférences, tables rondes et ateliers d’échanges entre métiers autour du thème « {topic} ». "
            "Ouverte à tous les professionnels des services de santé au travail de la région.",
        ],
        "location": "{place}",
        "editions": [
            {"date": "2022-10-13", "year": 2022, "topic": "l’usure professionnelle", "place": "Lille, Grand Palais"},
            {
                "date": "2023-10-12",
                "year": 2023,
                "topic": "le travail et le numérique",
                "place": "Arras, centre de congrès",
            },
            {
                "date": "2024-10-10",
                "year": 2024,
                "topic": "l’égalité entre femmes et hommes au travail",
                "place": "Lille, Grand Palais",
            },
            {"date": "2025-10-09", "year": 2025, "topic": "le vieillissement au travail", "place": "Amiens, Mégacité"},
            {
                "date": "2026-10-15",
                "year": 2026,
                "topic": "les transitions professionnelles",
                "place": "Arras, centre de congrès",
            },
        ],
    },
    {
        "slug": "canicule",
        "type": "news",
        "own": ["canicule"],
        "title": "Canicule {year} : les consignes aux employeurs",
        "summary": "Vigilance canicule {year} : les mesures à prendre dans les entreprises en période de fortes "
        "chaleurs.",
        "paragraphs": [
            "Dès le déclenchement de la vigilance orange, l’employeur adapte les horaires, met de l’eau fraîche à "
            "disposition et organise des pauses régulières. Les travaux pénibles sont reportés aux heures les moins "
            "chaudes.",
            "{specific}",
        ],
        "editions": [
            {
                "date": "2022-06-14",
                "year": 2022,
                "specific": "Le service rappelle les signes du coup de chaleur à connaître dans chaque équipe.",
            },
            {
                "date": "2023-06-13",
                "year": 2023,
                "specific": "Une affiche sur les bons réflexes est mise à disposition des employeurs adhérents.",
            },
            {
                "date": "2024-06-11",
                "year": 2024,
                "specific": "Les chantiers en plein air font l’objet d’un suivi renforcé pendant tout l’été.",
            },
            {
                "date": "2025-06-17",
                "year": 2025,
                "specific": "Le service publie une liste des postes les plus concernés, secteur par secteur.",
            },
            {
                "date": "2026-06-16",
                "year": 2026,
                "specific": "Les employeurs peuvent joindre une ligne dédiée pour toute question pendant les alertes.",
            },
        ],
    },
]


# French contractions the templates produce when a theme follows "à" or "de".
CONTRACTIONS = {" à le ": " au ", " à les ": " aux ", " de le ": " du ", " de les ": " des "}


def _french(text: str) -> str:
    for loose, contracted in CONTRACTIONS.items():
        text = text.replace(loose, contracted)
    return text


def reserved_expressions() -> list[str]:
    """What the generated text must never contain (folded): the labelled queries' distinctive words."""
    return [fold(expression) for expression in json.loads(QUERIES_FILE.read_text())["reserved"]]


def generator_fragments() -> list[str]:
    """Every piece of text the generator assembles (checked against the reserved expressions)."""
    return (
        THEMES + SECTORS + TOWNS + ACTORS + VERBS + OBJECTS + PLACES + EXTRAS + NEWS_TITLES + EVENT_TITLES + CASE_TITLES
    )


class Writer:
    """Generated prose, reproducible from the page number."""

    def __init__(self, number: int):
        self.random = random.Random(number)
        self.theme = self.random.choice(THEMES)
        self.sector = self.random.choice(SECTORS)
        self.town = self.random.choice(TOWNS)

    def _fill(self, template: str) -> str:
        text = template.format(
            theme=self.theme,
            Theme=self.theme[:1].upper() + self.theme[1:],
            sector=self.sector,
            town=self.town,
        )
        return text[:1].upper() + text[1:]

    def title(self, templates: list[str], number: int) -> str:
        return _french(f"{self._fill(self.random.choice(templates))} ({number})")

    def sentence(self) -> str:
        pick = self.random.choice
        # Now and then another theme, sector or town, as real pages mention several.
        if self.random.random() < 0.3:
            self.theme = pick(THEMES)
        if self.random.random() < 0.2:
            self.sector, self.town = pick(SECTORS), pick(TOWNS)
        clause = f"{pick(ACTORS)} {pick(VERBS)} {pick(OBJECTS).format(theme=self.theme)}"
        place = pick(PLACES).format(sector=self.sector, town=self.town)
        sentence = f"{clause} {place}."
        if self.random.random() < 0.5:
            sentence += " " + pick(EXTRAS)
        return _french(sentence)

    def paragraph(self, sentences: int) -> str:
        return " ".join(self.sentence() for _ in range(sentences))

    def body(self) -> list[tuple[str, RichText]]:
        paragraphs = self.random.randint(2, 5)
        return [
            ("paragraph", RichText(f"<p>{self.paragraph(self.random.randint(2, 4))}</p>")) for _ in range(paragraphs)
        ]

    def date(self) -> datetime.date:
        return datetime.date(2019, 1, 1) + datetime.timedelta(days=self.random.randint(0, 365 * 8))


def _news(writer: Writer, number: int) -> dict:
    return {
        "title": writer.title(NEWS_TITLES, number),
        "summary": writer.paragraph(1),
        "date": writer.date(),
        "body": writer.body(),
    }


def _event(writer: Writer, number: int) -> dict:
    day = writer.date()
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(9, 30)))
    return {
        "title": writer.title(EVENT_TITLES, number),
        "summary": writer.paragraph(1),
        "start": start,
        "end": start + datetime.timedelta(hours=2),
        "location": f"Centre médical de {writer.town}",
        "body": writer.body(),
    }


def _case(writer: Writer, number: int) -> dict:
    return {
        "title": writer.title(CASE_TITLES, number),
        "summary": writer.paragraph(1),
        "date": writer.date(),
        "client": f"Entreprise {writer.sector} à {writer.town}",
        "situation": f"<p>{writer.paragraph(2)}</p>",
        "mandate": f"<p>{writer.paragraph(1)}</p>",
        "intervention": f"<p>{writer.paragraph(2)}</p>",
        "results": f"<p>{writer.paragraph(2)}</p>",
    }


def _kinds():
    from events.models import EventIndexPage, EventPage
    from knowledge.models import CaseStudyIndexPage, CaseStudyPage
    from news.models import NewsIndexPage, NewsPage

    return [
        ("actualite", NewsPage, NewsIndexPage, _news),
        ("evenement", EventPage, EventIndexPage, _event),
        ("etude", CaseStudyPage, CaseStudyIndexPage, _case),
    ]


def _kind_of(number: int) -> int:
    position = random.Random(-number).random()
    return 1 if position < EVENT_SHARE else 2 if position < EVENT_SHARE + CASE_SHARE else 0


def series_fragments(series: dict) -> list[str]:
    """Every piece of text a series' editions are made of, filled in."""
    templates = [series["title"], series["summary"], *series["paragraphs"], series.get("location", "")]
    return [template.format(**edition) for edition in series["editions"] for template in templates]


def _clashes(fragments: list[str], reserved: list[str]):
    for fragment in fragments:
        folded = fold(fragment)
        clash = [expression for expression in reserved if re.search(rf"\b{re.escape(expression)}", folded)]
        if clash:
            raise ValueError(f"Le texte généré contient une expression réservée : {clash} dans « {fragment} »")


def check_reserved():
    reserved = reserved_expressions()
    _clashes(generator_fragments(), reserved)
    for series in SERIES:
        own = [fold(expression) for expression in series["own"]]
        missing = [expression for expression in own if expression not in reserved]
        if missing:
            raise ValueError(f"La série « {series['slug']} » revendique des expressions non réservées : {missing}")
        _clashes(series_fragments(series), [expression for expression in reserved if expression not in own])


class _Section:
    """A section page receiving generated children: its next free treebeard path."""

    def __init__(self, parent: Page):
        self.parent = parent
        last = parent.get_children().order_by("-path").values_list("path", flat=True).first()
        self.next_step = (int(last[-Page.steplen :], 36) + 1) if last else 1
        self.added = 0

    def next_path(self) -> str:
        path = Page._get_path(self.parent.path, self.parent.depth + 1, self.next_step)
        self.next_step += 1
        self.added += 1
        return path


def _batches(total: int, start: int) -> Iterator[range]:
    for first in range(start, start + total, BATCH):
        yield range(first, min(first + BATCH, start + total))


def _write_batch(numbers: range, kinds, sections, locale, now) -> dict:
    """The pages of these numbers: Page rows in one bulk insert, then each type's own rows; returns the
    new page ids by model."""
    entries = []
    for number in numbers:
        slug_prefix, model, _index_model, build = kinds[_kind_of(number)]
        entries.append((model, f"{slug_prefix}-{number:06d}", build(Writer(number), number), now))
    return _write_pages(entries, sections, locale)


def _write_pages(entries: list[tuple], sections, locale) -> dict:
    """(model, slug, values, published) entries: Page rows in one bulk insert, then each type's own rows;
    returns the new page ids by model."""
    pages, specifics = [], []
    for model, slug, values, published in entries:
        section = sections[model]
        page = Page(
            title=values["title"],
            draft_title=values["title"],
            slug=slug,
            path=section.next_path(),
            depth=section.parent.depth + 1,
            numchild=0,
            url_path=f"{section.parent.url_path}{slug}/",
            content_type=ContentType.objects.get_for_model(model),
            live=True,
            has_unpublished_changes=False,
            first_published_at=published,
            last_published_at=published,
            locale=locale,
            translation_key=uuid.uuid4(),
        )
        pages.append(page)
        specifics.append((model, values))
    Page.objects.bulk_create(pages, batch_size=BATCH)
    created: dict = {}
    by_model: dict = {}
    for page, (model, values) in zip(pages, specifics, strict=True):
        fields = {key: value for key, value in values.items() if key != "title"}
        by_model.setdefault(model, []).append(model(page_ptr_id=page.pk, **fields))
        created.setdefault(model, []).append(page.pk)
    for model, rows in by_model.items():
        # Only the type's own table: the Page rows are there already (multi-table bulk_create is refused).
        local = list(model._meta.local_concrete_fields)
        model._base_manager.get_queryset()._batched_insert(rows, local, batch_size=BATCH)
    return created


def _index(created: dict):
    backend = get_search_backend()
    for model, ids in created.items():
        backend.add_bulk(model, list(model.get_indexed_objects().filter(pk__in=ids)))


def _series_entries(kinds) -> list[tuple]:
    """Every edition of every series: (model, slug, values, published), published on the edition's date."""
    models = {"news": kinds[0][1], "event": kinds[1][1]}
    entries = []
    for series in SERIES:
        for edition in series["editions"]:
            day = datetime.date.fromisoformat(edition["date"])
            published = timezone.make_aware(datetime.datetime.combine(day, datetime.time(9, 0)))
            values = {
                "title": series["title"].format(**edition),
                "summary": series["summary"].format(**edition),
                "body": [("paragraph", RichText(f"<p>{text.format(**edition)}</p>")) for text in series["paragraphs"]],
            }
            if series["type"] == "event":
                values |= {
                    "start": published,
                    "end": published + datetime.timedelta(hours=8),
                    "location": series["location"].format(**edition),
                }
            else:
                values["date"] = day
            slug = f"serie-{series['slug']}-{edition['date']}"
            entries.append((models[series["type"]], slug, values, published))
    return entries


def _generate_series(log=print):
    """Add the dated series' editions missing from the site, written and indexed together."""
    kinds = _kinds()
    entries = [entry for entry in _series_entries(kinds) if not Page.objects.filter(slug=entry[1]).exists()]
    if not entries:
        return
    sections = {model: _Section(index_model.objects.get()) for _prefix, model, index_model, _build in kinds}
    log(f"  {len(entries)} page(s) de séries datées…")
    with transaction.atomic():
        created = _write_pages(entries, sections, Locale.get_default())
        for section in sections.values():
            if section.added:
                Page.objects.filter(pk=section.parent.pk).update(numchild=section.parent.numchild + section.added)
        _index(created)


def page_count() -> int:
    return Page.objects.count()


def generate(total_pages: int, log=print):
    """Add generated pages until the site has `total_pages` pages, writing and indexing them in batches."""
    check_reserved()
    _generate_series(log)
    missing = total_pages - page_count()
    if missing <= 0:
        return
    kinds = _kinds()
    sections = {model: _Section(index_model.objects.get()) for _prefix, model, index_model, _build in kinds}
    locale = Locale.get_default()
    now = timezone.now()
    start = Page.objects.filter(slug__regex=r"^(actualite|evenement|etude)-[0-9]{6}$").count() + 1
    log(f"  {missing} page(s) générée(s)…")
    with tqdm(total=missing, unit="page", desc="Pages écrites et indexées", leave=True) as progress:
        for numbers in _batches(missing, start):
            with transaction.atomic():
                created = _write_batch(numbers, kinds, sections, locale, now)
                for section in sections.values():
                    if section.added:
                        Page.objects.filter(pk=section.parent.pk).update(
                            numchild=section.parent.numchild + section.added
                        )
                _index(created)
            progress.update(len(numbers))
    for section in sections.values():
        section.parent.refresh_from_db()
