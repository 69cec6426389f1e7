"""Progress of a fiche action: late steps, indicators toward their targets, the conversion of former targets."""

import datetime
from decimal import Decimal

import pytest

from projects.progress import (
    convert_indicator,
    indicator_progress,
    is_late,
    parse_target,
    step_counts,
)
from tests import factories
from tests.utils import page_text

TODAY = datetime.date(2026, 11, 24)


def _indicator(values=(), **fields):
    return {
        "name": "Délai",
        "values": [{"date": datetime.date(2026, month, 1), "value": Decimal(value)} for month, value in values],
        **fields,
    }


def test_progress_from_the_baseline_toward_a_higher_target():
    progress = indicator_progress(_indicator([(1, 50), (3, 60)], baseline=Decimal(40), target=Decimal(80)))
    assert progress.latest.value == 60
    assert progress.percent == 50
    assert not progress.reached


def test_progress_from_the_first_value_toward_a_lower_target():
    progress = indicator_progress(_indicator([(3, 100), (1, 140)], target=Decimal(90), direction="decrease"))
    assert progress.latest.value == 100  # the values are read in date order
    assert progress.percent == 80


def test_reached_targets_in_both_directions():
    assert indicator_progress(_indicator([(1, 85)], target=Decimal(80))).reached
    lower = indicator_progress(_indicator([(1, 85)], target=Decimal(90), direction="decrease"))
    assert lower.reached and lower.percent == 100


def test_no_values_or_no_target_give_no_progress():
    assert indicator_progress(_indicator([], target=Decimal(10))).percent is None
    assert indicator_progress(_indicator([(1, 5)])).percent is None
    assert not indicator_progress(_indicator([(1, 5)])).reached


def test_going_the_wrong_way_counts_as_zero():
    progress = indicator_progress(_indicator([(1, 30)], baseline=Decimal(40), target=Decimal(80)))
    assert progress.percent == 0


def test_late_steps_are_open_steps_past_their_due_date():
    past, future = datetime.date(2026, 11, 1), datetime.date(2026, 12, 1)
    assert is_late({"due": past, "state": "todo"}, TODAY)
    assert is_late({"due": past, "state": "doing"}, TODAY)
    assert not is_late({"due": past, "state": "done"}, TODAY)
    assert not is_late({"due": past, "state": "abandoned"}, TODAY)
    assert not is_late({"due": future, "state": "todo"}, TODAY)
    assert not is_late({"due": None, "state": "todo"}, TODAY)


@pytest.mark.parametrize(
    ("text", "number", "unit"),
    [
        ("Moins de 90 jours", Decimal(90), ""),
        ("70 %", Decimal(70), "%"),
        ("80 % des médecins", Decimal(80), "%"),
        ("12,5 par mois", Decimal("12.5"), ""),
        ("1 200 entreprises", Decimal(1200), ""),
        ("Tous d’ici fin 2027", None, ""),
        ("Suivi trimestriel", None, ""),
        ("", None, ""),
    ],
)
def test_parse_target(text, number, unit):
    assert parse_target(text) == (number, unit)


def test_former_indicators_are_converted_keeping_their_text():
    converted = convert_indicator({"name": "Délai", "target": "Moins de 90 jours"})
    assert converted["target"] == "90"
    assert converted["target_label"] == "Moins de 90 jours"
    assert converted["direction"] == "decrease"
    assert converted["values"] == []
    free_text = convert_indicator({"name": "Satisfaction", "target": "Questionnaire à la fin du test"})
    assert free_text["target"] is None and free_text["target_label"] == "Questionnaire à la fin du test"
    assert convert_indicator(converted) is converted


@pytest.mark.django_db
def test_a_converted_indicator_loads_and_renders(reader_client, home):
    group = factories.WorkingGroupPageFactory(
        indicators=[{"type": "indicator", "value": convert_indicator({"name": "Sites", "target": "70 %"})}]
    )
    group.save_revision().publish()
    text = page_text(reader_client.get(group.url))
    assert "Sites" in text and "70 %" in text


def test_step_counts_put_late_steps_apart():
    class Block:
        def __init__(self, value):
            self.value = value

    steps = [
        Block({"state": "done", "due": None}),
        Block({"state": "doing", "due": datetime.date(2026, 1, 1)}),
        Block({"state": "todo", "due": None}),
        Block({"state": "abandoned", "due": datetime.date(2026, 1, 1)}),
    ]
    assert step_counts(steps, TODAY) == {"done": 1, "doing": 0, "late": 1, "todo": 1, "abandoned": 1}
