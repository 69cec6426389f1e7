"""The needs pages' sub-addresses answered by views (projects.views.needs), named as the pages' templates
reverse them ({% routablepageurl page "status_route" %}). Each page type lists its own (page_views)."""

from django.urls import path

from .views import needs

needs_index_views = [
    path("soumettre/", needs.submit, name="submit_route"),
]

needs_sheet_views = [
    path("statut/", needs.status, name="status_route"),
    path("soutien/", needs.support, name="support_route"),
    path("commentaires/", needs.comment, name="comment_route"),
    path("commentaires/<int:comment_id>/masquer/", needs.hide, name="hide_comment_route"),
]
