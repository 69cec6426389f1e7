"""The « Données personnelles » page: the portal's record of processing (RGPD art. 30) for its staff."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from base.models import ViewRestrictionsInOneQueryMixin
from base.retention import read_notification_days, search_log_months
from base.rich_text import SHORT_FEATURES

# Retention periods the portal applies itself (legal.tasks): shown from the settings, never typed twice.
RETENTION_RULES = [
    ("", _("Durée écrite ci-dessus")),
    ("search_log", _("Journal des recherches (réglage du portail)")),
    ("read_notifications", _("Notifications lues (réglage du portail)")),
]


def applied_retention(rule: str) -> str:
    if rule == "search_log":
        return _(
            "%(months)s mois pour chaque recherche ; ensuite, seuls les nombres de recherches par jour sont gardés."
        ) % {"months": search_log_months()}
    if rule == "read_notifications":
        return _("%(days)s jours après leur lecture ; une notification non lue reste dans la cloche.") % {
            "days": read_notification_days()
        }
    return ""


class ProcessingBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("traitement"), max_length=200)
    purpose = blocks.TextBlock(label=_("finalité"))
    data = blocks.TextBlock(label=_("données traitées"))
    legal_basis = blocks.CharBlock(label=_("base légale"), max_length=300)
    retention = blocks.TextBlock(label=_("durée de conservation"), required=False)
    retention_rule = blocks.ChoiceBlock(
        label=_("durée appliquée par le portail"), choices=RETENTION_RULES, required=False
    )
    recipients = blocks.TextBlock(label=_("qui peut les voir"))

    class Meta:
        icon = "list-ul"
        label = _("traitement")


class PersonalDataPage(ViewRestrictionsInOneQueryMixin, Page):
    """What the portal does with the staff's personal data (RGPD art. 30 and 13): one entry per processing
    (purpose, data, legal basis, retention, who may see it), who to ask (the DPO), and the reader's rights,
    with the link to « Mes données ». Linked from every page's footer; one per site."""

    introduction = RichTextField(_("introduction"), blank=True, features=SHORT_FEATURES)
    processings = StreamField([("processing", ProcessingBlock())], verbose_name=_("traitements"), blank=True)
    contact = RichTextField(_("contact (délégué·e à la protection des données)"), blank=True, features=SHORT_FEATURES)

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("processings"),
        FieldPanel("contact"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        verbose_name = _("page Données personnelles")
        verbose_name_plural = _("pages Données personnelles")

    def processing_rows(self) -> list[dict]:
        rows = []
        for block in self.processings:
            value = dict(block.value)
            value["retention"] = applied_retention(value.get("retention_rule") or "") or value.get("retention", "")
            rows.append(value)
        return rows
