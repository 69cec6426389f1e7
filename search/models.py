"""What the portal's search keeps beside Wagtail's index: the thesaurus administrators edit, the words of
the index (for prefixes and "Vouliez-vous dire"), each indexed item's text by field (for ranking and
facets) and what people searched for (for the search report)."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from .analysis import terms
from .querysets import SearchQueryRecordQuerySet, SearchRecordQuerySet

SYNONYM_SEPARATOR = ","


class Synonym(models.Model):
    """A group of equivalent expressions of the field: an acronym and what it stands for, or two ways of
    saying the same thing. Searching for any of them finds the others."""

    expressions = models.TextField(
        _("expressions équivalentes"),
        help_text=_(
            "Séparées par des virgules, par exemple : TMS, troubles musculo-squelettiques. "
            "Une recherche sur l’une trouve aussi les autres."
        ),
    )
    broader = models.TextField(
        _("termes plus généraux"),
        blank=True,
        help_text=_(
            "Facultatif, séparés par des virgules, par exemple : troubles respiratoires. Une recherche sur "
            "l’une des expressions trouve aussi, plus bas dans les résultats, ce qui parle de ces termes ; "
            "l’inverse n’est pas vrai."
        ),
    )
    note = models.CharField(_("note"), max_length=200, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [FieldPanel("expressions"), FieldPanel("broader"), FieldPanel("note")]

    class Meta:
        verbose_name = _("synonyme")
        verbose_name_plural = _("thésaurus")
        ordering = ["expressions"]

    def __str__(self):
        return self.expressions

    @property
    def expression_list(self) -> list[str]:
        return [part.strip() for part in self.expressions.split(SYNONYM_SEPARATOR) if part.strip()]

    @property
    def broader_list(self) -> list[str]:
        return [part.strip() for part in self.broader.split(SYNONYM_SEPARATOR) if part.strip()]

    def term_groups(self) -> list[tuple[str, ...]]:
        """Each expression as its terms; expressions made only of stop words are left out."""
        return _analysed(self.expression_list)

    def broader_term_groups(self) -> list[tuple[str, ...]]:
        return _analysed(self.broader_list)


def _analysed(expressions: list[str]) -> list[tuple[str, ...]]:
    groups = [tuple(terms(expression, for_query=True)) for expression in expressions]
    return [group for group in groups if group]


class IndexedWord(models.Model):
    """A word found in the indexed text, with its term and how many indexed items hold it."""

    word = models.CharField(max_length=100, unique=True)
    folded = models.CharField(max_length=100, db_index=True)
    term = models.CharField(max_length=100, db_index=True)
    documents = models.PositiveIntegerField(default=0)

    def __str__(self):
        return self.word


class SearchRecord(models.Model):
    """One indexed item's terms by field, and what the facets read (type, date, métiers, group, tags).

    Written with Wagtail's index entry and deleted with it (search.backends), so the two agree.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=64, db_index=True)
    kind = models.CharField(max_length=40, db_index=True)
    # As written, for display: the title, and the item's own text (summary, fields, body; one passage a
    # line, cut to search.records.MAX_TEXT_LENGTH) that excerpts are cut from.
    heading = models.TextField(blank=True)
    text = models.TextField(blank=True)
    # The terms of each zone, in order.
    title = models.TextField(blank=True)
    summary = models.TextField(blank=True)
    fields = models.TextField(blank=True)
    # The body's terms in order, space-separated and padded: " a b c ". Searched in place by the database.
    body = models.TextField(blank=True)
    words = models.TextField(blank=True)
    date = models.DateField(null=True, blank=True)
    metiers = models.JSONField(default=list)
    group = models.IntegerField(null=True, blank=True)
    tags = models.JSONField(default=list)

    objects = SearchRecordQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="unique_search_record"),
        ]

    def __str__(self):
        return f"{self.kind} {self.object_id}"


class SearchQueryRecord(models.Model):
    """A query as the search reads it (its analysed form: « médecins » and « medecin » are one), how often,
    and how many results it found the last time; the spellings people typed are counted beside it.

    Also counted, for the query as a whole and never for a person or a session: how many of its searches
    showed results, how many of those led to a click on a result (at most one per page shown) and how often
    the « Vouliez-vous dire … ? » it offered was followed (search.services.reporting)."""

    query = models.CharField(max_length=200, unique=True)
    searches = models.PositiveIntegerField(default=0)
    last_result_count = models.PositiveIntegerField(default=0)
    last_searched_at = models.DateTimeField(auto_now=True, db_index=True)
    searches_with_results = models.PositiveIntegerField(default=0)
    # Never more than searches_with_results: a click is counted only against a search that showed results.
    clicked_searches = models.PositiveIntegerField(default=0)
    suggestions_taken = models.PositiveIntegerField(default=0)

    objects = SearchQueryRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("recherche effectuée")
        verbose_name_plural = _("recherches effectuées")
        ordering = ["-searches"]

    def __str__(self):
        return self.query


class SearchDailyCount(models.Model):
    """How many searches were made on a day, how many found nothing, how many led to a click on a result and
    how many followed a suggestion: no query text, no person.

    What remains of the search log once its queries are past their retention period (base.retention).
    """

    day = models.DateField(unique=True)
    searches = models.PositiveIntegerField(default=0)
    without_results = models.PositiveIntegerField(default=0)
    # Of the day's searches: those followed by a click on a result, and the suggestions followed.
    clicked_searches = models.PositiveIntegerField(default=0)
    suggestions_taken = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("nombre de recherches du jour")
        verbose_name_plural = _("nombres de recherches par jour")
        ordering = ["-day"]

    def __str__(self):
        return f"{self.day}: {self.searches}"


class SearchSpelling(models.Model):
    """One way people typed a recorded query (« Médecins », « medecin »…), accents kept, and how often."""

    record = models.ForeignKey(SearchQueryRecord, on_delete=models.CASCADE, related_name="spellings")
    text = models.CharField(max_length=200)
    searches = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("orthographe d’une recherche")
        verbose_name_plural = _("orthographes d’une recherche")
        constraints = [models.UniqueConstraint(fields=["record", "text"], name="unique_spelling_per_search")]

    def __str__(self):
        return self.text
