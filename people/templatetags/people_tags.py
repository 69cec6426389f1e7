"""Links to directory cards, for any template that shows a person."""

from django import template

from ..models import DirectoryPage
from ..services import directory_url

register = template.Library()


@register.simple_tag(takes_context=True)
def person_url(context, person) -> str:
    """The URL of a person's card in the directory ("" when there is no directory), from the directory's URL
    found once per request (DirectoryPage.card_url)."""
    if person is None or not getattr(person, "pk", None):
        return ""
    return DirectoryPage.card_url(directory_url(context.get("request")), person.pk)
