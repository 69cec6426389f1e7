"""The group page shows each indicator's progress as a chart and as a table, and flags late steps."""

import datetime
import re

import pytest

from tests import factories
from tests.utils import page_text


def _group():
    today = datetime.date.today()
    return factories.WorkingGroupPageFactory(
        action_steps=[
            {
                "type": "step",
                "value": {"title": "Étape oubliée", "due": today - datetime.timedelta(days=10), "state": "doing"},
            },
            {"type": "step", "value": {"title": "Étape laissée", "due": None, "state": "abandoned"}},
        ],
        indicators=[
            {
                "type": "indicator",
                "value": {
                    "name": "Salariés maintenus en emploi",
                    "unit": "%",
                    "baseline": "50",
                    "target": "70",
                    "direction": "increase",
                    "values": [
                        {"date": "2026-03-31", "value": "55", "comment": "Premier relevé"},
                        {"date": "2026-06-30", "value": "60.5", "comment": ""},
                    ],
                },
            }
        ],
    )


@pytest.mark.django_db
def test_group_page_shows_indicator_figures_chart_and_table(reader_client, home):
    group = _group()
    response = reader_client.get(group.url)
    body = response.content.decode()
    text = page_text(response)
    assert "60,5 %" in text and "70 %" in text
    assert "52 %" in text  # (60.5 − 50) / (70 − 50)
    assert "Premier relevé" in text and "31/03/2026" in text
    assert re.search(r'<svg role="img" aria-label="[^"]*Salariés maintenus en emploi', body)
    assert "Valeurs mesurées de l’indicateur « Salariés maintenus en emploi »</caption>" in body
    assert "css/progress.css" in body


@pytest.mark.django_db
def test_group_page_flags_late_and_abandoned_steps_in_words(reader_client, home):
    text = page_text(reader_client.get(_group().url))
    assert "Étape oubliée" in text and "En retard" in text
    assert "Abandonnée" in text


@pytest.mark.django_db
def test_an_indicator_without_values_has_no_chart(reader_client, home):
    group = factories.WorkingGroupPageFactory(
        indicators=[{"type": "indicator", "value": {"name": "Satisfaction", "target_label": "Questionnaire"}}]
    )
    response = reader_client.get(group.url)
    text = page_text(response)
    assert "Questionnaire" in text and "Aucune valeur mesurée" in text
    assert 'role="img"' not in response.content.decode()
