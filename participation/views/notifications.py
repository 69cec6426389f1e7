"""The reader's notifications: the list, marking them read, and opening one."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from ..models import Notification
from ..services.bell import mark_read as mark_notifications_read
from .redirects import redirect_back

PER_PAGE = 20


@require_GET
def notification_list(request):
    notifications = Notification.objects.for_reader(request).select_related("page").order_by("-created_at", "-pk")
    page_obj = Paginator(notifications, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "participation/notifications.html", {"page_obj": page_obj})


@require_GET
def open_notification(request, pk: int):
    """Mark the notification read and go to its page (only the recipient's own, still visible)."""
    notification = get_object_or_404(Notification.objects.for_reader(request).select_related("page"), pk=pk)
    if notification.read_at is None:
        mark_notifications_read(request.user, notification)
    url = notification.page.get_url(request)
    if not url:
        raise Http404
    return redirect(url)


@require_POST
def mark_read(request, pk: int):
    notification = get_object_or_404(Notification.objects.filter(recipient=request.user), pk=pk)
    mark_notifications_read(request.user, notification)
    messages.success(request, _("Notification marquée comme lue."))
    return redirect_back(request, "participation:notifications")


@require_POST
def mark_all_read(request):
    if mark_notifications_read(request.user):
        messages.success(request, _("Toutes vos notifications sont marquées comme lues."))
    else:
        messages.info(request, _("Vous n’aviez aucune notification non lue."))
    return redirect_back(request, "participation:notifications")
