"""The validation circuit in the page editor: who publishes directly is not offered to submit to it."""

from wagtail import hooks

SUBMIT_ACTION = "action-submit"


def can_publish_directly(request, context) -> bool:
    """Whether the editor's user may publish the page (or a new page under its parent) themselves."""
    page, parent = context.get("page"), context.get("parent_page")
    if context.get("view") == "create" and parent is not None:
        return parent.permissions_for_user(request.user).can_publish_subpage()
    return page is not None and page.permissions_for_user(request.user).can_publish()


@hooks.register("construct_page_action_menu")
def hide_submission_from_publishers(menu_items, request, context):
    # Project officers validate the pilots' changes: they publish theirs, they do not send them to themselves.
    if can_publish_directly(request, context):
        menu_items[:] = [item for item in menu_items if item.name != SUBMIT_ACTION]
