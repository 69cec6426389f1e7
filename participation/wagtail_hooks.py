""" "Publier et prévenir les abonnés": publishing an update that the page's followers should hear about.

A plain "Publier" of a page already published tells nobody; this action publishes exactly as "Publier"
does (same checks, same validation, same history) and marks the published revision as significant.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.admin.views.pages.edit import EditView

from .signals import announced_pages

ACTION_NAME = "action-publish-notify"


class PublishAndNotifyMenuItem(ActionMenuItem):
    label = _("Publier et prévenir les abonnés")
    name = ACTION_NAME
    icon_name = "mail"
    order = 15

    def is_shown(self, context):
        # A first publication always tells the followers: the action is for pages already live.
        page = context.get("page")
        if context["view"] != "edit" or page is None or not page.live or context.get("locked_for_user"):
            return False
        return self.get_user_page_permissions_tester(context).can_publish()


@hooks.register("register_page_action_menu_item")
def register_publish_and_notify():
    return PublishAndNotifyMenuItem()


@hooks.register("before_edit_page")
def publish_and_notify(request, page):
    """Run Wagtail's own publication for this request, with the page marked as announced meanwhile."""
    if request.method != "POST" or not request.POST.get(ACTION_NAME):
        return None
    data = request.POST.copy()
    del data[ACTION_NAME]
    data["action-publish"] = "action-publish"
    request.POST = data
    token = announced_pages.set(announced_pages.get() | {page.pk})
    try:
        return EditView.as_view()(request, page_id=page.pk)
    finally:
        announced_pages.reset(token)
