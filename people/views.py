"""Thin views of the directory that are not pages."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from .models import Person
from .services import directory_page


def my_card(request):
    """The header's "Ma fiche": the reader's own card, found when they click rather than on every page."""
    person_id = Person.objects.filter(user=request.user).values_list("pk", flat=True).first()
    directory = directory_page(request)
    if person_id is not None and directory is not None:
        return redirect(directory.person_url(person_id, request))
    messages.info(request, _("Vous n’avez pas encore de fiche dans l’annuaire : un chargé de projet peut la créer."))
    return redirect(directory.get_url(request) if directory is not None else "/")
