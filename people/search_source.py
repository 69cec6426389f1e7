"""The directory's people as results of the site search (search.registry): found by name, job title,
site and biography, linked to their card, and searched only by readers who may open the directory."""

from django.db.models import prefetch_related_objects
from django.utils.translation import gettext_lazy as _

from base.visibility import can_view_page
from search.registry import Facets, Kind, Source, register

from .models import DirectoryPage, Person
from .services import directory_url


def _directory_visible(reader) -> bool:
    directory = DirectoryPage.for_request(reader)
    return directory is not None and can_view_page(directory, reader)


def _card_url(person: Person, request) -> str:
    return DirectoryPage.card_url(directory_url(request), person.pk)


def _prefetch_photos(people: list[Person]) -> None:
    """People's photos and their renditions for the whole page at once, not one person at a time."""
    with_photo = [person for person in people if person.photo_id]
    if with_photo:
        prefetch_related_objects(with_photo, "photo__renditions")


register(
    Person,
    kind=Kind("personnes", _("Personnes"), order=100),
    title=("first_name", "last_name"),
    summary=("job_title",),
    body=("biography",),
    facets=Facets(date=None, metiers="metier_id", tags=None),
    source=Source(
        "person",
        url=_card_url,
        visible_to=lambda reader: Person.objects.in_directory(),
        available_to=_directory_visible,
        select_related=("metier", "photo"),
        prefetch=_prefetch_photos,
        shows_date=False,
    ),
)
