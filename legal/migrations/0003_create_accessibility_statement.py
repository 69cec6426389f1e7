"""A fresh site has its accessibility statement under the home page, written from the portal's first audit."""

from django.db import migrations
from django.utils import timezone

from legal.accessibility_statement import first_statement

TITLE = "Déclaration d’accessibilité"
SLUG = "accessibilite"
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard's, as Wagtail's pages use it
STEPLEN = 4


def _next_step(step: str) -> str:
    number = 0
    for character in step:
        number = number * len(ALPHABET) + ALPHABET.index(character)
    number += 1
    digits = ""
    while number:
        number, rest = divmod(number, len(ALPHABET))
        digits = ALPHABET[rest] + digits
    return digits.rjust(STEPLEN, "0")


def create_statement(apps, schema_editor):
    Site = apps.get_model("wagtailcore.Site")
    Page = apps.get_model("wagtailcore.Page")
    ContentType = apps.get_model("contenttypes.ContentType")
    Statement = apps.get_model("legal.AccessibilityStatementPage")
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None or Statement.objects.exists():
        return
    home = site.root_page
    children = Page.objects.filter(path__startswith=home.path, depth=home.depth + 1)
    if children.filter(slug=SLUG).exists():
        return
    last = children.order_by("-path").values_list("path", flat=True).first()
    path = home.path + (_next_step(last[-STEPLEN:]) if last else "0001")
    content_type, _ = ContentType.objects.get_or_create(app_label="legal", model="accessibilitystatementpage")
    now = timezone.now()
    Statement.objects.create(
        title=TITLE,
        draft_title=TITLE,
        slug=SLUG,
        content_type=content_type,
        path=path,
        depth=home.depth + 1,
        numchild=0,
        url_path=f"{home.url_path}{SLUG}/",
        locale_id=home.locale_id,
        live=True,
        show_in_menus=False,
        first_published_at=now,
        last_published_at=now,
        **first_statement(),
    )
    Page.objects.filter(pk=home.pk).update(numchild=children.count())


def remove_statement(apps, schema_editor):
    apps.get_model("legal.AccessibilityStatementPage").objects.filter(slug=SLUG).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("legal", "0002_accessibility_statement_page"),
        ("home", "0002_create_homepage"),
    ]

    operations = [migrations.RunPython(create_statement, remove_statement)]
