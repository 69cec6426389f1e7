"""The search benchmark's measures (bench/search/metrics.py) on rankings whose scores are known."""

import math

import pytest

from bench.search.metrics import mean, ndcg, percentile, recall, reciprocal_rank


def test_reciprocal_rank_is_one_over_the_first_relevant_position():
    assert reciprocal_rank([2, 0, 0]) == 1.0
    assert reciprocal_rank([0, 0, 1, 2]) == pytest.approx(1 / 3)


def test_reciprocal_rank_ignores_results_beyond_k():
    assert reciprocal_rank([0] * 10 + [2], k=10) == 0.0
    assert reciprocal_rank([]) == 0.0


def test_ndcg_is_one_for_the_ideal_order_and_lower_otherwise():
    assert ndcg([2, 1, 0], [2, 1]) == pytest.approx(1.0)
    swapped = ndcg([1, 2, 0], [2, 1])
    # DCG of the swapped order: 1/log2(2) + 3/log2(3); the ideal: 3/log2(2) + 1/log2(3).
    assert swapped == pytest.approx((1 + 3 / math.log2(3)) / (3 + 1 / math.log2(3)))
    assert 0 < swapped < 1


def test_ndcg_counts_a_missing_expected_result_against_the_ranking():
    assert ndcg([2, 0, 0], [2, 2]) == pytest.approx(3 / (3 + 3 / math.log2(3)))
    assert ndcg([0, 0], [2]) == 0.0
    assert ndcg([1], []) == 0.0


def test_recall_at_3_is_the_share_of_expected_results_in_the_top_three():
    assert recall([2, 0, 1, 0], [2, 1], k=3) == 1.0
    assert recall([2, 0, 0, 1], [2, 1], k=3) == 0.5
    assert recall([0, 0, 0], [2], k=3) == 0.0


def test_percentile_interpolates_between_the_closest_values():
    values = [10.0, 20.0, 30.0, 40.0]
    assert percentile(values, 50) == pytest.approx(25.0)
    assert percentile(values, 0) == 10.0
    assert percentile(values, 100) == 40.0
    assert percentile([5.0], 95) == 5.0
    assert math.isnan(percentile([], 50))


def test_mean():
    assert mean([1.0, 0.5]) == 0.75
    assert math.isnan(mean([]))
