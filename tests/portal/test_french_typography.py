"""French typography: "1er décembre", 0 and 1 in the singular, file sizes in Ko and Mo."""

import datetime
import gettext
import re
from pathlib import Path

import pytest
from django.template import Context, Template
from django.utils import translation
from django.utils.translation import ngettext
from django.utils.translation.template import templatize

BASE_DIR = Path(__file__).resolve().parents[2]
CATALOGUE = BASE_DIR / "locale" / "fr" / "LC_MESSAGES"
TEMPLATE_FOLDERS = [BASE_DIR / "templates", *BASE_DIR.glob("*/templates")]
NGETTEXT = re.compile(r"ngettext\(u'((?:[^'\\]|\\.)*)', u'((?:[^'\\]|\\.)*)', count\)")


def render(source: str, **context) -> str:
    with translation.override("fr"):
        return Template(source).render(Context(context))


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (datetime.date(2026, 12, 1), "1er décembre 2026"),
        (datetime.date(2026, 8, 1), "1er août 2026"),
        (datetime.date(2026, 12, 11), "11 décembre 2026"),
        (datetime.date(2026, 12, 21), "21 décembre 2026"),
        (datetime.date(2026, 12, 2), "2 décembre 2026"),
    ],
)
def test_date_filter_writes_the_first_of_the_month_as_1er(day, expected):
    assert render("{{ day|date }}", day=day) == expected
    assert render('{{ day|date:"j F Y" }}', day=day) == expected


def test_date_filter_keeps_other_formats_and_times():
    moment = datetime.datetime(2026, 1, 1, 9, 5)
    assert render('{{ moment|date:"l j F Y à H:i" }}', moment=moment) == "jeudi 1er janvier 2026 à 09:05"
    assert render('{{ moment|date:"d/m/Y" }}', moment=moment) == "01/01/2026"
    assert render('{{ moment|date:"j/n" }} {{ moment|date:"F Y" }}', moment=moment) == "1/1 janvier 2026"
    assert render("{{ nothing|date }}", nothing=None) == ""


def _template_plurals() -> set[tuple[str, str]]:
    """(singular, plural) of every {% blocktranslate count %} in the portal's templates."""
    found = set()
    for folder in TEMPLATE_FOLDERS:
        for path in folder.rglob("*.html"):
            for singular, plural in NGETTEXT.findall(templatize(path.read_text(encoding="utf-8"))):
                found.add((singular.replace("\\'", "'"), plural.replace("\\'", "'")))
    return found


def test_every_plural_message_of_the_templates_is_singular_for_zero_and_one():
    plurals = _template_plurals()
    assert len(plurals) >= 10
    with translation.override("fr"):
        wrong = [
            singular
            for singular, plural in plurals
            if (ngettext(singular, plural, 0), ngettext(singular, plural, 1), ngettext(singular, plural, 2))
            != (singular, singular, plural)
        ]
    assert wrong == [], "Absents du catalogue (voir locale/plural_catalogue.py) : " + ", ".join(wrong)


def test_zero_results_is_singular_in_a_rendered_template():
    source = (
        "{% load i18n %}{% blocktranslate count counter=n %}{{ counter }} document"
        "{% plural %}{{ counter }} documents{% endblocktranslate %}"
    )
    assert [render(source, n=n) for n in (0, 1, 2)] == ["0 document", "1 document", "2 documents"]


def test_compiled_catalogue_matches_its_source():
    compiled = gettext.GNUTranslations((CATALOGUE / "django.mo").open("rb"))
    source = (CATALOGUE / "django.po").read_text(encoding="utf-8")
    msgids = re.findall(r'^msgid "(.+)"$', source, flags=re.M)
    assert msgids
    keys = {key if isinstance(key, str) else key[0] for key in compiled._catalog}
    missing = [msgid for msgid in msgids if msgid.replace('\\"', '"') not in keys]
    assert missing == []
    assert "plural=(n > 1)" in compiled.info()["plural-forms"]


def test_file_sizes_in_ko_and_mo():
    assert render("{{ size|filesizeformat }}", size=2048) == "2,0\xa0Ko"
    assert render("{{ size|filesizeformat }}", size=3 * 1024 * 1024) == "3,0\xa0Mo"
    assert render("{{ size|filesizeformat }}", size=0) == "0\xa0octet"
