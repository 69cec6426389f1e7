"""French typography for dates: the first day of a month is written "1er" ("1er décembre").

Loaded as a template builtin (TEMPLATES OPTIONS "builtins"), so its `date` filter replaces Django's
in every template without a `{% load %}`.
"""

import re

from django import template
from django.template.defaultfilters import date as django_date

register = template.Library()

MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
FIRST_OF_MONTH = re.compile(r"\b1(\s|\u00a0)(" + "|".join(MONTHS) + r")\b", re.IGNORECASE)


def first_of_month(text: str) -> str:
    """ "1 décembre" → "1er décembre"; "11 décembre" and "21 décembre" are left alone."""
    return FIRST_OF_MONTH.sub(r"1er\1\2", text)


@register.filter(expects_localtime=True, is_safe=False)
def date(value, arg=None):
    """Django's `date` filter, with "1er" for the first day of a month."""
    formatted = django_date(value, arg)
    return first_of_month(formatted) if formatted else formatted
