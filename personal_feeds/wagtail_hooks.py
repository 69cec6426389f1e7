"""The administration's list of personal subscription addresses: whose, since when, last used; « Révoquer »."""

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from base.admin_permissions import LimitedActionsPolicy

from .filters import FeedTokenFilterSet
from .models import FeedToken
from .views import AdminRevokeView

# Viewing and revoking (personal_feeds.view_feedtoken, delete_feedtoken: project officers and administrators).
register_permission_policy(FeedToken, LimitedActionsPolicy(FeedToken, actions={"view", "delete"}), exact_class=True)


class FeedTokenViewSet(ModelViewSet):
    """Read and revoke only: a secret is created by its holder, and never shown here beyond its first characters."""

    model = FeedToken
    name = "adresses-abonnement"
    icon = "link"
    menu_label = _("Adresses d’abonnement")
    add_to_settings_menu = True
    copy_view_enabled = False
    # No add or edit form is ever served (the permission policy refuses both); Wagtail still builds one.
    form_fields = []
    delete_view_class = AdminRevokeView
    filterset_class = FeedTokenFilterSet
    search_fields = ["user__email", "user__first_name", "user__last_name", "prefix"]
    ordering = ["-created_at"]
    list_per_page = 50

    @cached_property
    def list_display(self):
        return [
            Column("user", label=_("Compte"), accessor="user.get_full_name"),
            Column("user_email", label=_("E-mail"), accessor="user.email"),
            Column("masked", label=_("Début du secret")),
            DateColumn("created_at", label=_("Créée le"), sort_key="created_at"),
            DateColumn("last_used_at", label=_("Dernière utilisation"), sort_key="last_used_at"),
        ]

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(queryset=FeedToken.objects.select_related("user"), **kwargs)


@hooks.register("register_admin_viewset")
def feed_token_viewset():
    return FeedTokenViewSet()
