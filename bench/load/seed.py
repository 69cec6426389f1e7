"""The site the load benchmark serves, seeded reproducibly in the database of DATABASE_URL: the demo, 2,000
accounts with their directory entries spread over the métiers, 10 working groups with members, 2,000
documents, then generated pages of every type up to the size (news dated over the last year), and finally
signed-in sessions of readers of different métiers plus the URLs to load, written as a JSON manifest.

Started by bench/load/run.py with the benchmark's settings:
    python -m bench.load.seed --size 20000 --manifest var/bench/load-20000.json
"""

import argparse
import datetime
import hashlib
import json
import os
import random
import sys
import time
from pathlib import Path
from urllib.parse import quote

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.load.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.contrib.auth.hashers import make_password  # noqa: E402
from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402
from django.utils.module_loading import import_string  # noqa: E402
from tqdm import tqdm  # noqa: E402
from wagtail.models import Collection, Locale, Page  # noqa: E402
from wagtail.search.backends import get_search_backend  # noqa: E402

from accounts.models import User  # noqa: E402
from accounts.roles import READERS, ensure_roles  # noqa: E402
from base.text import fold  # noqa: E402
from bench.search import corpus  # noqa: E402
from dashboard.models import DashboardPage  # noqa: E402
from demo.loader import load_demo  # noqa: E402
from documents.models import PortalDocument, TextStatus  # noqa: E402
from events.models import EventIndexPage  # noqa: E402
from knowledge.models import ApproachIndexPage, ApproachPage, CaseStudyPage  # noqa: E402
from news.models import NewsIndexPage, NewsPage  # noqa: E402
from people.models import Metier, Person  # noqa: E402
from projects.choices import GroupStatus  # noqa: E402
from projects.models import WorkingGroupIndexPage, WorkingGroupMember, WorkingGroupPage  # noqa: E402

READER_EMAIL = "lecteur@example.org"
USERS = 2000
DOCUMENTS = 2000
GROUPS = 10
MEMBERS_PER_GROUP = 12
# Share of the generated pages that are approaches (the corpus generator writes news, events, case studies).
APPROACH_SHARE = 0.05
URLS_PER_KIND = 5
# A word most pages contain: search at its most expensive.
SEARCH_WORDS = ["prévention", "santé", "travail"]
FIRST_NAMES = ["Camille", "Julie", "Thomas", "Nadia", "Karim", "Sophie", "Marc", "Élodie", "Hugo", "Léa", "Yann"]
LAST_NAMES = ["Martin", "Lefebvre", "Dubois", "Lambert", "Morel", "Fontaine", "Caron", "Delattre", "Petit", "Roux"]
DOCUMENT_FOLDER = "documents/bench"
SEED = 20240


def log(message: str):
    print(message, file=sys.stderr, flush=True)


def progress(total: int, description: str, unit: str):
    return tqdm(total=total, desc=description, unit=unit, file=sys.stderr, leave=True)


def _batched(items: list, size: int = corpus.BATCH):
    for start in range(0, len(items), size):
        yield items[start : start + size]


# Accounts and directory


def ensure_users(total: int) -> None:
    """`total` accounts in all, each a reader with a directory entry; the generated ones share a password
    (hashed once: the bench signs them in through sessions, never through the form)."""
    missing = total - User.objects.count()
    if missing <= 0:
        return
    readers = ensure_roles()[READERS]
    metiers = list(Metier.objects.order_by("sort_order", "name"))
    password = make_password("bench-non-utilise")
    start = User.objects.filter(email__endswith="@charge.example.org").count() + 1
    with progress(missing, "Comptes et fiches annuaire", "compte") as bar:
        for numbers in _batched(list(range(start, start + missing))):
            with transaction.atomic():
                users = User.objects.bulk_create(
                    [
                        User(
                            email=f"agent-{number:05d}@charge.example.org",
                            username=f"agent-{number:05d}@charge.example.org",
                            first_name=FIRST_NAMES[number % len(FIRST_NAMES)],
                            last_name=f"{LAST_NAMES[number % len(LAST_NAMES)]}-{number:05d}",
                            password=password,
                            is_active=True,
                        )
                        for number in numbers
                    ]
                )
                User.groups.through.objects.bulk_create(
                    [User.groups.through(user_id=user.pk, group_id=readers.pk) for user in users]
                )
                people = Person.objects.bulk_create(
                    [
                        Person(
                            user=user,
                            first_name=user.first_name,
                            last_name=user.last_name,
                            folded_name=fold(f"{user.first_name} {user.last_name}"),
                            job_title=metiers[number % len(metiers)].name,
                            metier=metiers[number % len(metiers)],
                            site=corpus.TOWNS[number % len(corpus.TOWNS)],
                            email=user.email,
                        )
                        for number, user in zip(numbers, users, strict=True)
                    ]
                )
                get_search_backend().add_bulk(Person, people)
            bar.update(len(numbers))


# Working groups


def ensure_groups(total: int) -> None:
    """`total` working groups, the missing ones added with a pilot and members taken from the directory."""
    index = WorkingGroupIndexPage.objects.get()
    existing = WorkingGroupPage.objects.count()
    people = list(Person.objects.filter(email__endswith="@charge.example.org").order_by("pk"))
    chooser = random.Random(SEED)
    for number in range(existing + 1, total + 1):
        writer = corpus.Writer(number)
        group = WorkingGroupPage(
            title=f"Groupe de travail : {writer.theme} ({number})",
            slug=f"groupe-charge-{number:02d}",
            summary=writer.paragraph(1),
            status=GroupStatus.ACTIVE,
            action_context=f"<p>{writer.paragraph(3)}</p>",
            action_objectives=f"<p>{writer.paragraph(2)}</p>",
        )
        index.add_child(instance=group)
        members = chooser.sample(people, MEMBERS_PER_GROUP)
        WorkingGroupMember.objects.bulk_create(
            [
                WorkingGroupMember(
                    page=group,
                    person=person,
                    role=WorkingGroupMember.Role.PILOT if position == 0 else WorkingGroupMember.Role.MEMBER,
                    sort_order=position,
                )
                for position, person in enumerate(members)
            ]
        )
        group.save_revision().publish()
        get_search_backend().add(group)
    log(f"  {total} groupes de travail.")


# Documents


def ensure_documents(total: int) -> None:
    """`total` generated text documents in an open collection, their text read and indexed."""
    collection = Collection.objects.filter(name="Documents de travail").first()
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name="Documents de travail")
    start = PortalDocument.objects.filter(collection=collection).count() + 1
    missing = total - (start - 1)
    if missing <= 0:
        return
    folder = Path(settings.MEDIA_ROOT) / DOCUMENT_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    metiers = list(Metier.objects.all())
    through = PortalDocument.metiers.through
    with progress(missing, "Documents écrits et indexés", "document") as bar:
        for numbers in _batched(list(range(start, start + missing))):
            documents = []
            for number in numbers:
                writer = corpus.Writer(-number)
                text = "\n\n".join(writer.paragraph(3) for _ in range(3))
                content = text.encode()
                name = f"{DOCUMENT_FOLDER}/note-{number:05d}.txt"
                (Path(settings.MEDIA_ROOT) / name).write_bytes(content)
                digest = hashlib.sha1(content).hexdigest()
                documents.append(
                    PortalDocument(
                        title=_title(writer, number),
                        file=name,
                        file_size=len(content),
                        file_hash=digest,
                        collection=collection,
                        description=writer.paragraph(1),
                        extracted_text=text,
                        extracted_from_hash=digest,
                        text_status=TextStatus.DONE,
                    )
                )
            with transaction.atomic():
                documents = PortalDocument.objects.bulk_create(documents)
                through.objects.bulk_create(
                    [
                        through(portaldocument_id=document.pk, metier_id=metiers[document.pk % len(metiers)].pk)
                        for document in documents[::2]
                    ]
                )
                get_search_backend().add_bulk(PortalDocument, documents)
            bar.update(len(numbers))


def _title(writer: corpus.Writer, number: int) -> str:
    return corpus._french(f"Note de prévention sur {writer.theme} ({number})")


# Pages


def _approach(writer: corpus.Writer, number: int) -> dict:
    return {
        "title": corpus._french(f"Démarche : agir sur {writer.theme} {writer.sector} ({number})"),
        "summary": writer.paragraph(1),
        "date": writer.date(),
        "purpose": f"<p>{writer.paragraph(3)}</p>",
    }


def add_approaches(total: int) -> None:
    """Approaches until there are `total`, written in bulk like the corpus generator's pages."""
    kinds = [("demarche", ApproachPage, ApproachIndexPage, _approach)]
    missing = total - ApproachPage.objects.count()
    if missing <= 0:
        return
    sections = {ApproachPage: corpus._Section(ApproachIndexPage.objects.get())}
    locale, now = Locale.get_default(), timezone.now()
    start = Page.objects.filter(slug__startswith="demarche-").count() + 1
    with progress(missing, "Démarches écrites et indexées", "page") as bar:
        for numbers in corpus._batches(missing, start):
            with transaction.atomic():
                # The generator picks one of three kinds per page number: here all three are approaches.
                created = corpus._write_batch(numbers, kinds * 3, sections, locale, now)
                section = sections[ApproachPage]
                Page.objects.filter(pk=section.parent.pk).update(numchild=section.parent.numchild + section.added)
                corpus._index(created)
            bar.update(len(numbers))


def spread_news_over_a_year() -> None:
    """Generated news dated over the last twelve months (as a live intranet's), a third aimed at a métier."""
    today = timezone.localdate()
    ids = list(NewsPage.objects.filter(slug__startswith="actualite-").order_by("pk").values_list("pk", flat=True))
    with transaction.atomic():
        for day in range(365):
            chunk = ids[day::365]
            if chunk:
                NewsPage.objects.filter(pk__in=chunk).update(date=today - datetime.timedelta(days=day))
        through = NewsPage.metiers.through
        metier_ids = list(Metier.objects.values_list("pk", flat=True))
        through.objects.filter(newspage_id__in=ids).delete()
        through.objects.bulk_create(
            [through(newspage_id=pk, metier_id=metier_ids[pk % len(metier_ids)]) for pk in ids[::3]]
        )


def generate_pages(size: int) -> None:
    approaches = int(size * APPROACH_SHARE)
    add_approaches(approaches)
    corpus.generate(size, log=log)
    spread_news_over_a_year()


def settle() -> None:
    """Planner statistics, as a database in service keeps them (autovacuum, ANALYZE)."""
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


# Sessions and URLs


def sessions(count: int) -> list[dict]:
    """Signed-in sessions of readers of different métiers: the demo reader, then one account per métier,
    group members first."""
    store = import_string(f"{settings.SESSION_ENGINE}.SessionStore")
    readers = [User.objects.get(email=READER_EMAIL)]
    members = set(WorkingGroupMember.objects.values_list("person__user_id", flat=True))
    for metier in Metier.objects.order_by("sort_order", "name"):
        candidates = User.objects.filter(person__metier=metier, email__endswith="@charge.example.org").order_by("pk")
        user = candidates.filter(pk__in=members).first() or candidates.first()
        if user is not None:
            readers.append(user)
    chosen = []
    for user in (readers * count)[:count]:
        session = store()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        metier = getattr(getattr(user, "person", None), "metier", None)
        chosen.append({"email": user.email, "metier": str(metier or ""), "key": session.session_key})
    return chosen


def _urls(queryset, reader, count: int = URLS_PER_KIND) -> list[str]:
    pages = queryset.visible_to(reader).order_by("-pk")[:count]
    return [page.get_url() for page in pages]


def page_urls() -> dict[str, list[str]]:
    """A few URLs per page kind, all open to every reader of the bench."""
    reader = User.objects.get(email=READER_EMAIL)
    documents = PortalDocument.objects.filter(collection__name="Documents de travail").order_by("pk")
    step = max(documents.count() // URLS_PER_KIND, 1)
    return {
        "floor": ["/bench/plancher/"],
        "home": ["/"],
        "news_index": [NewsIndexPage.objects.get().get_url()],
        "news_item": _urls(NewsPage.objects.live(), reader),
        "group_index": [WorkingGroupIndexPage.objects.get().get_url()],
        "group": _urls(WorkingGroupPage.objects.live(), reader),
        "case_study": _urls(CaseStudyPage.objects.live(), reader),
        "approach": _urls(ApproachPage.objects.live(), reader),
        "agenda": [EventIndexPage.objects.get().get_url()],
        "dashboard": [DashboardPage.objects.get().get_url()],
        "search": [f"/recherche/?q={quote(word)}" for word in SEARCH_WORDS],
        "document": [document.url for document in documents[::step][:URLS_PER_KIND]],
        "rss": ["/flux/actualites.rss"],
    }


def counts() -> dict[str, int]:
    return {
        "pages": Page.objects.count(),
        "users": User.objects.count(),
        "documents": PortalDocument.objects.count(),
        "groups": WorkingGroupPage.objects.count(),
        "news": NewsPage.objects.count(),
        "case_studies": CaseStudyPage.objects.count(),
        "approaches": ApproachPage.objects.count(),
        "content_types": ContentType.objects.filter(pk__in=Page.objects.values("content_type")).count(),
    }


def seed(size: int) -> float:
    """Bring the database to the site of `size` pages; returns the seconds spent."""
    started = time.monotonic()
    corpus.check_reserved()
    log("  Migrations…")
    call_command("migrate", verbosity=0, interactive=False)
    if not User.objects.filter(email=READER_EMAIL).exists():
        log("  Contenu de démonstration…")
        load_demo(log=lambda message: log(f"    {message}"))
    ensure_users(USERS)
    ensure_groups(GROUPS)
    ensure_documents(DOCUMENTS)
    generate_pages(size)
    log("  Statistiques du planificateur…")
    settle()
    return time.monotonic() - started


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, required=True, help="pages du site")
    parser.add_argument("--manifest", type=Path, required=True)
    parser.add_argument("--sessions", type=int, default=8)
    options = parser.parse_args(argv)
    previous = json.loads(options.manifest.read_text()) if options.manifest.exists() else {}
    seconds = seed(options.size)
    if previous.get("size") == options.size and previous.get("seed_seconds"):
        seconds = previous["seed_seconds"]  # reused: the time it took to seed it
    manifest = {
        "size": options.size,
        "seed_seconds": seconds,
        "counts": counts(),
        "cookie": settings.SESSION_COOKIE_NAME,
        "sessions": sessions(options.sessions),
        "urls": page_urls(),
    }
    options.manifest.write_text(json.dumps(manifest, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
