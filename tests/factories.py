"""Factories for the portal's models (wagtail-factories for pages), shared by every test module."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from factory.django import DjangoModelFactory
from modelsearch.index import insert_or_update_object

from base.models import StandardPage
from events.models import EventKind, EventPage
from home.services.site_tree import ensure_home, ensure_section
from knowledge.models import ApproachPage, CaseStudyApproachLink, CaseStudyPage
from news.models import NewsPage
from people.models import Metier, Person
from projects.models import (
    GroupStatus,
    MicroProjectPage,
    NeedsSheetPage,
    NeedStatus,
    ServiceProjectPage,
    WorkingGroupMeeting,
    WorkingGroupMember,
    WorkingGroupPage,
)


def section(label):
    return factory.LazyFunction(lambda: ensure_section(label))


def _set_metiers(page, create, extracted, **kwargs):
    if create and extracted:
        page.metiers.set(extracted)
        page.save()
        # The index task runs inside save() with the tests' immediate task backend, before modelcluster
        # writes the métiers; the production worker runs it after the commit, as this does.
        insert_or_update_object(page)


class MetierFactory(DjangoModelFactory):
    class Meta:
        model = Metier
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Métier {n}")


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = Person

    first_name = factory.Faker("first_name", locale="fr_FR")
    last_name = factory.Faker("last_name", locale="fr_FR")
    job_title = "Infirmière en santé au travail"


class NewsPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Actualité {n}")
    parent = section("news.NewsIndexPage")
    summary = "Une actualité du projet de service."
    date = factory.LazyFunction(timezone.localdate)
    metiers = factory.PostGeneration(_set_metiers)


class EventPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EventPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Réunion d'information {n}")
    parent = section("events.EventIndexPage")
    kind = EventKind.INFORMATION_MEETING
    start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    location = "Arras, salle du conseil"
    metiers = factory.PostGeneration(_set_metiers)


class WorkingGroupPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = WorkingGroupPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Groupe de travail {n}")
    parent = section("projects.WorkingGroupIndexPage")
    status = GroupStatus.ACTIVE
    summary = "Un groupe de travail du projet de service."
    action_context = "<p>Constat partagé par les équipes de terrain.</p>"
    action_objectives = "<p>Harmoniser les pratiques d'intervention.</p>"
    metiers = factory.PostGeneration(_set_metiers)


class WorkingGroupMemberFactory(DjangoModelFactory):
    class Meta:
        model = WorkingGroupMember

    page = factory.SubFactory(WorkingGroupPageFactory)
    person = factory.SubFactory(PersonFactory)
    role = WorkingGroupMember.Role.MEMBER


class WorkingGroupMeetingFactory(DjangoModelFactory):
    class Meta:
        model = WorkingGroupMeeting

    page = factory.SubFactory(WorkingGroupPageFactory)
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=3))
    title = "Réunion du groupe"
    location = "Lens"


class MicroProjectPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = MicroProjectPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Micro-projet {n}")
    parent = factory.SubFactory(WorkingGroupPageFactory)


class NeedsSheetPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NeedsSheetPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Besoin {n}")
    parent = section("projects.NeedsIndexPage")
    status = NeedStatus.SUBMITTED
    need = "<p>Un outil commun pour préparer les visites d'entreprise.</p>"
    metiers = factory.PostGeneration(_set_metiers)


class ServiceProjectPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ServiceProjectPage
        skip_postgeneration_save = True

    title = "Projet de service 2025-2029"
    parent = factory.LazyFunction(lambda: ensure_section("projects.WorkingGroupIndexPage").get_parent())
    period_start = 2025
    period_end = 2029
    context = "<p>Au-delà d'une obligation réglementaire, une dynamique collective.</p>"


class ApproachPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ApproachPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Démarche {n}")
    parent = section("knowledge.ApproachIndexPage")
    purpose = "<p>Conduire un projet partenarial sur un territoire.</p>"
    metiers = factory.PostGeneration(_set_metiers)


class CaseStudyPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CaseStudyPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Étude de cas {n}")
    parent = section("knowledge.CaseStudyIndexPage")
    client = "École des hautes études en santé publique"
    territory = "Rennes"
    situation = "<p>Une expérience d'études de cas avec les promotions d'inspecteurs.</p>"
    mandate = "<p>Conduire les politiques sociales et de santé sous forme de projet.</p>"
    intervention = "<p>Études de cas élaborées avec des personnes ressources.</p>"
    results = "<p>Un document partagé repris comme outil de travail sur le terrain.</p>"
    metiers = factory.PostGeneration(_set_metiers)


class CaseStudyApproachLinkFactory(DjangoModelFactory):
    class Meta:
        model = CaseStudyApproachLink

    page = factory.SubFactory(CaseStudyPageFactory)
    approach = factory.SubFactory(ApproachPageFactory)


class DocumentFactory(wagtail_factories.DocumentFactory):
    class Meta:
        model = "documents.PortalDocument"

    title = factory.Sequence(lambda n: f"Document {n}")


class ImageFactory(wagtail_factories.ImageFactory):
    title = factory.Sequence(lambda n: f"Image {n}")


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StandardPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Page libre {n}")
    parent = factory.LazyFunction(ensure_home)
    summary = "Informations pratiques."


def make_document(filename: str, content: bytes, **fields):
    """A library document stored with a real file (text extraction runs when the transaction commits)."""
    from django.core.files.base import ContentFile

    from documents.models import PortalDocument

    fields.setdefault("title", filename.rsplit(".", 1)[0])
    fields.setdefault("file_size", len(content))
    return PortalDocument.objects.create(file=ContentFile(content, name=filename), **fields)
