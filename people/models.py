"""The directory: métiers (professions) and the people of the service."""

from django.conf import settings
from django.db import models
from django.http import Http404
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from base.memo import remember, request_memo
from base.models import TitleSlugMixin, ViewRestrictionsInOneQueryMixin
from base.rich_text import INLINE_FEATURES, SHORT_FEATURES
from base.services.listing import listing_context
from base.text import fold
from search.registry import ANALYSED_FIELD, searchable

from .filters import DirectoryFilterSet
from .forms import PhoneForm
from .querysets import PersonQuerySet

PEOPLE_PER_PAGE = 30
# What other sections add to a person's card: functions (person, request) → context entries, registered with
# this Wagtail hook (projects adds the working groups the reader may see).
PERSON_CARD_HOOK = "person_card_context"


class Metier(index.Indexed, models.Model):
    """A profession of the service (médecin du travail, infirmier, IPRP…), used to target content."""

    name = models.CharField(_("nom"), max_length=120, unique=True)
    slug = models.SlugField(_("identifiant"), max_length=120, unique=True, blank=True)
    folded_name = models.CharField(max_length=120, editable=False, db_index=True, default="")
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("ordre"), default=100)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description"), FieldPanel("sort_order")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("métier")
        verbose_name_plural = _("métiers")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.folded_name = fold(self.name)
        if not self.slug:
            self.slug = slugify(self.name)[:120]
        super().save(*args, **kwargs)


class Person(index.Indexed, models.Model):
    """A staff member or resource person as shown in the directory, optionally linked to an account."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("compte"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
    )
    first_name = models.CharField(_("prénom"), max_length=100)
    last_name = models.CharField(_("nom"), max_length=100)
    job_title = models.CharField(_("fonction"), max_length=200, blank=True)
    metier = models.ForeignKey(
        Metier, verbose_name=_("métier"), null=True, blank=True, on_delete=models.SET_NULL, related_name="people"
    )
    site = models.CharField(_("site / antenne"), max_length=120, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("téléphone"), max_length=40, blank=True)
    sector_delegate_for = models.CharField(
        _("médecin délégué du secteur"),
        max_length=120,
        blank=True,
        help_text=_("Nom du secteur pour un médecin délégué de secteur ; vide sinon."),
    )
    trained_in_project_management_on = models.DateField(_("formé(e) à la conduite de projet le"), null=True, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    biography = RichTextField(_("présentation"), blank=True, features=SHORT_FEATURES)
    folded_name = models.CharField(max_length=220, editable=False, db_index=True, default="")

    objects = PersonQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [FieldPanel("first_name"), FieldPanel("last_name"), FieldPanel("photo")], heading=_("Identité")
        ),
        MultiFieldPanel(
            [
                FieldPanel("job_title"),
                FieldPanel("metier"),
                FieldPanel("site"),
                FieldPanel("sector_delegate_for"),
                FieldPanel("trained_in_project_management_on"),
            ],
            heading=_("Fonction"),
        ),
        MultiFieldPanel([FieldPanel("email"), FieldPanel("phone"), FieldPanel("user")], heading=_("Contact et compte")),
        FieldPanel("biography"),
    ]
    search_fields = [
        index.SearchField("first_name"),
        index.SearchField("last_name"),
        index.SearchField("job_title"),
        index.SearchField("site"),
        index.SearchField("biography"),
        index.SearchField(ANALYSED_FIELD),
        index.AutocompleteField("last_name"),
        index.AutocompleteField("first_name"),
        index.RelatedFields("metier", [index.SearchField("name")]),
        index.FilterField("metier"),
    ]

    class Meta:
        verbose_name = _("personne")
        verbose_name_plural = _("personnes")
        ordering = ["last_name", "first_name"]

    def __str__(self):
        return self.full_name

    def save(self, *args, **kwargs):
        self.folded_name = fold(self.full_name)
        super().save(*args, **kwargs)

    @property
    def has_left(self) -> bool:
        """Whether the person's account was closed (departure): the card stays, marked as such."""
        return self.user_id is not None and not self.user.is_active

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def initials(self) -> str:
        return (self.first_name[:1] + self.last_name[:1]).upper()


# Searched as one of the "Autres pages"; the people it lists are searched too (people.search_source).
@searchable()
class DirectoryPage(RoutablePageMixin, TitleSlugMixin, ViewRestrictionsInOneQueryMixin, Page):
    """The annuaire: everyone in the service, filterable by métier and site, with one card per person."""

    introduction = RichTextField(_("introduction"), blank=True, features=INLINE_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("annuaire")

    @classmethod
    def for_request(cls, request=None) -> "DirectoryPage | None":
        """The live directory page, looked up once per request (None when the site has none)."""
        return request_memo(request, "directory_page", lambda: cls.objects.live().first())

    def remember(self, request) -> None:
        """This page serves the request: person links on it cost no extra query."""
        remember(request, "directory_page", self)

    def person_url(self, person_id: int, request=None) -> str:
        """The URL of a person's card: the one definition, used by every link to a card ("" when unroutable)."""
        return self.card_url(self.get_url(request), person_id)

    @classmethod
    def card_url(cls, directory_url: str | None, person_id: int) -> str:
        """A card's URL from the directory's URL (which a plain Page of the menu already knows)."""
        if not directory_url:
            return ""
        return directory_url.rstrip("/") + "/" + cls.get_resolver().reverse("person_route", person_id)

    def get_listing(self, request):
        return Person.objects.in_directory().select_related("metier", "photo").order_by("last_name", "first_name", "pk")

    @path("")
    def index_route(self, request):
        """Everyone, filtered by text, métier and site, one page of results."""
        self.remember(request)
        context = listing_context(request, self.get_listing(request), DirectoryFilterSet, per_page=PEOPLE_PER_PAGE)
        filters = context["filters"]
        context.update(
            people=context["items"],
            query=filters.form["q"].value() if filters.is_bound and "q" not in filters.form.errors else "",
        )
        return self.render(request, context_overrides=context)

    @path("<int:person_id>/")
    def person_route(self, request, person_id):
        """A person's card, with what other sections say of them (PERSON_CARD_HOOK)."""
        self.remember(request)
        person = Person.objects.select_related("metier", "photo", "user").filter(pk=person_id).first()
        if person is None:
            raise Http404
        return self.person_card(request, person)

    def person_card(self, request, person, phone_form: PhoneForm | None = None):
        """The card's page; its holder gets the form correcting their phone number (`phone_form`: as refused)."""
        context = {"person": person}
        if person.user_id is not None and person.user_id == request.user.pk:
            context["phone_form"] = phone_form or PhoneForm(initial={"phone": person.phone})
        for card_context in hooks.get_hooks(PERSON_CARD_HOOK):
            context.update(card_context(person, request))
        return self.render(request, template="people/person_page.html", context_overrides=context)
