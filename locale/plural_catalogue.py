"""Rebuild locale/fr/LC_MESSAGES/django.po from `makemessages` output: the plural messages and file sizes.

The interface is written in French, so no message needs translating; but without a catalogue gettext
applies the English plural rule, where 0 takes the plural ("0 résultats"). In French 0 and 1 are
singular: this catalogue carries the French rule and, for every plural message, itself as translation.

    python manage.py makemessages -l fr -e html,txt,py --ignore=.venv --ignore=var --ignore=tests --no-location
    python locale/plural_catalogue.py
    python manage.py compilemessages -l fr     # or: msgfmt -o django.mo django.po

The compiled django.mo is kept in the repository: gettext is not needed at run time.
"""

import ast
import sys
from pathlib import Path

PO_FILE = Path(__file__).resolve().parent / "fr" / "LC_MESSAGES" / "django.po"
HEADER = r"""# Catalogue français : la règle du pluriel (0 et 1 au singulier) pour les messages au pluriel.
msgid ""
msgstr ""
"Project-Id-Version: intranet\n"
"Language: fr\n"
"MIME-Version: 1.0\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Content-Transfer-Encoding: 8bit\n"
"Plural-Forms: nplurals=2; plural=(n > 1);\n"
"""
# File sizes as French readers write them (Django's own catalogue says "Kio", "Mio").
FILE_SIZES = r"""#, python-format
msgid "%s KB"
msgstr "%s Ko"

#, python-format
msgid "%s MB"
msgstr "%s Mo"

#, python-format
msgid "%s GB"
msgstr "%s Go"

#, python-format
msgid "%s TB"
msgstr "%s To"

#, python-format
msgid "%(size)d byte"
msgid_plural "%(size)d bytes"
msgstr[0] "%(size)d octet"
msgstr[1] "%(size)d octets"
"""

# Wagtail's and allauth's French catalogues, where they speak to staff in the wrong register or misspell.
WORDING = r"""#, python-format
msgid "Hello %(username)s,"
msgstr "Bonjour %(username)s,"

#, python-format
msgid "%(total)s Page <span class=\"w-sr-only\">created in %(site_name)s</span>"
msgid_plural "%(total)s Pages <span class=\"w-sr-only\">created in %(site_name)s</span>"
msgstr[0] "%(total)s page <span class=\"w-sr-only\">créée dans %(site_name)s</span>"
msgstr[1] "%(total)s pages <span class=\"w-sr-only\">créées dans %(site_name)s</span>"

msgid "All child pages will be created."
msgstr "Toutes les sous-pages seront créées."

msgid "Promoted search results"
msgstr "Recommandations"

msgid "Promoted results"
msgstr "Résultats recommandés"

#, python-format
msgid "Submit to %(workflow_name)s"
msgstr "Soumettre (%(workflow_name)s)"

#, python-format
msgid "Resubmit to %(task_name)s"
msgstr "Soumettre à nouveau (%(task_name)s)"
"""


def parse(text: str) -> list[dict[str, str]]:
    """The entries of a .po file as {keyword: string} (msgctxt, msgid, msgid_plural, msgstr…)."""
    entries, current, keyword = [], {}, None
    for line in text.splitlines() + [""]:
        line = line.strip()
        if not line:
            if current:
                entries.append(current)
            current, keyword = {}, None
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            current[keyword] += ast.literal_eval(line)
        else:
            keyword, _, value = line.partition(" ")
            current[keyword] = ast.literal_eval(value)
    return entries


def quote(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'


def plural_catalogue(entries: list[dict[str, str]]) -> str:
    blocks = [HEADER, FILE_SIZES, WORDING]
    for entry in sorted(
        (
            e
            for e in entries
            if "msgid_plural" in e and e["msgid"] != "%(size)d byte" and not e["msgid"].startswith("%(total)s Page ")
        ),
        key=lambda e: (e["msgid"], e.get("msgctxt", "")),
    ):
        lines = ["#, python-format"] if "%(" in entry["msgid"] + entry["msgid_plural"] else []
        if "msgctxt" in entry:
            lines.append(f"msgctxt {quote(entry['msgctxt'])}")
        lines += [
            f"msgid {quote(entry['msgid'])}",
            f"msgid_plural {quote(entry['msgid_plural'])}",
            f"msgstr[0] {quote(entry['msgid'])}",
            f"msgstr[1] {quote(entry['msgid_plural'])}",
        ]
        blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks)


if __name__ == "__main__":
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else PO_FILE
    path.write_text(plural_catalogue(parse(path.read_text(encoding="utf-8"))), encoding="utf-8")
