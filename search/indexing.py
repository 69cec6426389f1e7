"""Keeping SearchRecord and the vocabulary (IndexedWord) in step with Wagtail's index.

A word's `documents` count moves by the difference between an item's old and new words, so re-indexing
an unchanged item changes nothing.
"""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.db.models.functions import Greatest
from modelsearch.index import get_indexed_models

from base.text import fold

from .models import IndexedWord, SearchRecord
from .records import record_values


def _split_words(stored: str) -> dict[str, str]:
    pairs = (entry.split("\t", 1) for entry in stored.split("\n") if "\t" in entry)
    return dict(pairs)


def _join_words(words: dict[str, str]) -> str:
    return "\n".join(f"{word}\t{term}" for word, term in sorted(words.items()))


def _count_words(deltas: dict[str, int], terms: dict[str, str]):
    """Move each word's count of items by its delta, creating the words met for the first time."""
    new_words = [word for word, delta in deltas.items() if delta > 0]
    IndexedWord.objects.bulk_create(
        [IndexedWord(word=word, folded=fold(word), term=terms[word]) for word in new_words],
        ignore_conflicts=True,
        batch_size=500,
    )
    by_delta = defaultdict(list)
    for word, delta in deltas.items():
        if delta:
            by_delta[delta].append(word)
    for delta, words in by_delta.items():
        for start in range(0, len(words), 500):
            IndexedWord.objects.filter(word__in=words[start : start + 500]).update(
                documents=Greatest(F("documents") + delta, 0)
            )


def _existing(objs) -> dict[tuple[int, str], SearchRecord]:
    by_type = defaultdict(list)
    for obj in objs:
        by_type[ContentType.objects.get_for_model(obj).pk].append(str(obj.pk))
    existing = {}
    for content_type_id, ids in by_type.items():
        for record in SearchRecord.objects.filter(content_type_id=content_type_id, object_id__in=ids).only(
            "pk", "content_type_id", "object_id", "words"
        ):
            existing[(record.content_type_id, record.object_id)] = record
    return existing


@transaction.atomic
def record_items(objs):
    """Write the search records of freshly indexed objects and count their new words."""
    objs = [obj for obj in objs if obj.pk is not None]
    if not objs:
        return
    existing = _existing(objs)
    deltas: dict[str, int] = defaultdict(int)
    terms: dict[str, str] = {}
    new_records = []
    for obj in objs:
        values = record_values(obj)
        words = values.pop("words")
        content_type_id = ContentType.objects.get_for_model(obj).pk
        old = existing.get((content_type_id, str(obj.pk)))
        old_words = _split_words(old.words) if old else {}
        for word in words.keys() - old_words.keys():
            deltas[word] += 1
            terms[word] = words[word]
        for word in old_words.keys() - words.keys():
            deltas[word] -= 1
        new_records.append(
            SearchRecord(content_type_id=content_type_id, object_id=str(obj.pk), words=_join_words(words), **values)
        )
    if existing:
        SearchRecord.objects.filter(pk__in=[record.pk for record in existing.values()]).delete()
    SearchRecord.objects.bulk_create(new_records, batch_size=200)
    _count_words(deltas, terms)


@transaction.atomic
def forget_items(objs):
    """Remove the search records of objects leaving the index, and their words' counts."""
    for existing in _existing([obj for obj in objs if obj.pk is not None]).values():
        _count_words(dict.fromkeys(_split_words(existing.words), -1), {})
        existing.delete()


@transaction.atomic
def rebuild_vocabulary_counts() -> tuple[int, int]:
    """Remove the records of objects no longer indexed and count each word's items afresh (after a full
    rebuild, so counts cannot drift). Returns (records removed, words known)."""
    removed = 0
    for model in get_indexed_models():
        content_type = ContentType.objects.get_for_model(model)
        indexed = {str(pk) for pk in model.get_indexed_objects().values_list("pk", flat=True)}
        recorded = SearchRecord.objects.filter(content_type=content_type).values_list("pk", "object_id")
        stale = [pk for pk, object_id in recorded if object_id not in indexed]
        for start in range(0, len(stale), 500):
            removed += SearchRecord.objects.filter(pk__in=stale[start : start + 500]).delete()[0]
    counts: dict[str, int] = defaultdict(int)
    terms: dict[str, str] = {}
    for stored in SearchRecord.objects.values_list("words", flat=True).iterator(chunk_size=500):
        for word, term in _split_words(stored).items():
            counts[word] += 1
            terms[word] = term
    IndexedWord.objects.update(documents=0)
    _count_words(dict(counts), terms)
    IndexedWord.objects.filter(documents=0).delete()
    return removed, len(counts)
