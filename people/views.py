"""Directory listing and person cards (served through DirectoryPage's routes)."""

from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from base.text import fold

from .models import Metier, Person

PEOPLE_PER_PAGE = 30


def directory_index(request, page):
    people = Person.objects.select_related("metier", "photo").order_by("last_name", "first_name")
    query = request.GET.get("q", "").strip()
    metier_slug = request.GET.get("metier", "")
    site = request.GET.get("site", "")
    if query:
        folded = fold(query)
        people = people.filter(
            Q(folded_name__contains=folded) | Q(job_title__icontains=query) | Q(site__icontains=query)
        )
    if metier_slug:
        people = people.filter(metier__slug=metier_slug)
    if site:
        people = people.filter(site=site)
    paginator = Paginator(people, PEOPLE_PER_PAGE)
    return TemplateResponse(
        request,
        "people/directory_page.html",
        {
            "page": page,
            "self": page,
            "people": paginator.get_page(request.GET.get("page")),
            "query": query,
            "metiers": Metier.objects.all(),
            "selected_metier": metier_slug,
            "sites": Person.objects.exclude(site="").order_by("site").values_list("site", flat=True).distinct(),
            "selected_site": site,
        },
    )


def person_detail(request, page, person_id: int):
    person = get_object_or_404(Person.objects.select_related("metier", "photo", "user"), pk=person_id)
    memberships = person.group_memberships.filter(page__live=True).select_related("page").order_by("page__title")
    return TemplateResponse(
        request,
        "people/person_page.html",
        {
            "page": page,
            "self": page,
            "person": person,
            "memberships": memberships,
            "referent_groups": person.referent_groups.live().order_by("title"),
        },
    )
