"""A benchmark corpus: the demo content plus generated French pages (news, events, case studies) on
occupational-health topics, written in bulk and indexed through the search backend in batches.

The generated prose shares the portal's common vocabulary (santé, travail, prévention, entreprise,
médecin…) so that it competes with the demo pages, but none of the expressions the labelled queries look
for (queries.json, "reserved"): the relevant answers stay the demo's.
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


def check_reserved():
    reserved = reserved_expressions()
    for fragment in generator_fragments():
        folded = fold(fragment)
        clash = [expression for expression in reserved if re.search(rf"\b{re.escape(expression)}", folded)]
        if clash:
            raise ValueError(f"Le texte généré contient une expression réservée : {clash} dans « {fragment} »")


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
    pages, specifics = [], []
    for number in numbers:
        slug_prefix, model, _index_model, build = kinds[_kind_of(number)]
        section = sections[model]
        values = build(Writer(number), number)
        slug = f"{slug_prefix}-{number:06d}"
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
            first_published_at=now,
            last_published_at=now,
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


def page_count() -> int:
    return Page.objects.count()


def generate(total_pages: int, log=print):
    """Add generated pages until the site has `total_pages` pages, writing and indexing them in batches."""
    check_reserved()
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
