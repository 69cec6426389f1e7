"""Thin views of the directory that are not pages."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from .forms import PhoneForm
from .models import Person
from .services import directory_page, set_own_phone


def my_card(request):
    """The header's "Ma fiche": the reader's own card, found when they click rather than on every page."""
    person_id = Person.objects.filter(user=request.user).values_list("pk", flat=True).first()
    directory = directory_page(request)
    if person_id is not None and directory is not None:
        return redirect(directory.person_url(person_id, request))
    messages.info(request, _("Vous n’avez pas encore de fiche dans l’annuaire : un chargé de projet peut la créer."))
    return redirect(directory.get_url(request) if directory is not None else "/")


def my_phone(request):
    """The reader corrects the phone number of their own card (and only theirs: the account decides which)."""
    if request.method != "POST":
        # The address reopened after a refused number: back to the card.
        return redirect("my_card")
    person = Person.objects.select_related("metier", "photo", "user").filter(user=request.user).first()
    directory = directory_page(request)
    if person is None or directory is None:
        return my_card(request)
    form = PhoneForm(request.POST)
    if form.is_valid():
        set_own_phone(request.user, form.cleaned_data["phone"])
        messages.success(request, _("Votre numéro de téléphone est enregistré."))
        return redirect(directory.person_url(person.pk, request) + "#contact-titre")
    messages.error(request, _("Votre numéro de téléphone n’a pas été modifié."))
    response = directory.person_card(request, person, phone_form=form)
    response.status_code = 400
    return response
