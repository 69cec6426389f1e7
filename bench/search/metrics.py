"""Relevance and latency measures of the search benchmark, as pure functions.

A ranking is the list of the grades of the results in order (0 for a result nobody asked for); the
judgments are the grades of every expected result, found or not.
"""

import math
from collections.abc import Sequence


def reciprocal_rank(ranking: Sequence[int], k: int = 10) -> float:
    """1/rank of the first relevant result in the top k, 0 if none."""
    for position, grade in enumerate(ranking[:k], 1):
        if grade > 0:
            return 1.0 / position
    return 0.0


def _dcg(grades: Sequence[int]) -> float:
    return sum((2**grade - 1) / math.log2(position + 1) for position, grade in enumerate(grades, 1))


def ndcg(ranking: Sequence[int], judgments: Sequence[int], k: int = 10) -> float:
    """Normalised discounted cumulative gain at k (gain 2^grade - 1): 1 when the expected results come
    first, in order of grade."""
    ideal = _dcg(sorted((grade for grade in judgments if grade > 0), reverse=True)[:k])
    return _dcg(ranking[:k]) / ideal if ideal else 0.0


def recall(ranking: Sequence[int], judgments: Sequence[int], k: int = 3) -> float:
    """The share of the expected results found in the top k."""
    expected = sum(1 for grade in judgments if grade > 0)
    found = sum(1 for grade in ranking[:k] if grade > 0)
    return min(found, expected) / expected if expected else 0.0


def percentile(values: Sequence[float], share: float) -> float:
    """The value below which `share` (0–100) of the values lie, interpolated between the closest two."""
    if not values:
        return math.nan
    ordered = sorted(values)
    position = (len(ordered) - 1) * share / 100
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else math.nan
