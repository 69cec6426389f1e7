"""The administration's « Tableau de gouvernance »: the board's tables and charts, filtered, and each table as a
CSV file. For the project officers and administrators; only pages the viewer may open are counted."""

import csv

from django.contrib.auth.decorators import permission_required
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from ..filters import BoardFilterSet
from ..services.board import DEFAULT_INACTIVE_MONTHS, TABLES, Scope, board, table
from ..services.owners import governed_pages
from .admin import CHANGE_STEWARDSHIP


def _scope(request) -> tuple[BoardFilterSet, Scope]:
    filters = BoardFilterSet(request.GET or None, queryset=governed_pages(), request=request)
    filters.form.is_valid()
    cleaned = filters.form.cleaned_data if filters.is_bound else {}
    scope = Scope(
        section=cleaned.get("section"),
        group=cleaned.get("group"),
        owner=cleaned.get("owner"),
        months=cleaned.get("months") or DEFAULT_INACTIVE_MONTHS,
    )
    return filters, scope


@permission_required(CHANGE_STEWARDSHIP, raise_exception=True)
def board_view(request):
    filters, scope = _scope(request)
    context = {
        "board": board(request, scope),
        "filters": filters,
        "query": request.GET.urlencode(),
        "page_title": _("Tableau de gouvernance"),
        "header_icon": "table",
    }
    return TemplateResponse(request, "governance/admin/board.html", context)


@permission_required(CHANGE_STEWARDSHIP, raise_exception=True)
def board_csv(request, name: str):
    if name not in TABLES:
        raise Http404
    _filters, scope = _scope(request)
    header, lines = table(board(request, scope), name)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="gouvernance-{name}.csv"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow(header)
    writer.writerows(lines)
    return response
