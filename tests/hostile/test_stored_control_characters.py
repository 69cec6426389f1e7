"""A news item or an event whose stored text holds control characters (typed, pasted or imported before
input was cleaned) still renders everywhere: RSS, Atom, iCalendar, its page, the listings and search."""

import xml.etree.ElementTree as ET

import icalendar
import pytest
from django.db import connection

from tests import factories
from tests.utils import page_text


def _controls() -> str:
    # PostgreSQL text columns refuse NUL: such text can only come from SQLite.
    return "\x0b\x1f\x07" + ("\x00" if connection.vendor == "sqlite" else "")


@pytest.mark.django_db
def test_control_characters_in_stored_text_break_nothing(reader_client, world):
    controls = _controls()
    news = factories.NewsPageFactory(title=f"Alerte{controls} ergonomie", summary=f"Résumé{controls} piégé")
    news.tags.add(f"mot{controls}clé")
    news.save()
    event = factories.EventPageFactory(title=f"Atelier{controls} posture", location=f"Salle{controls} 2")
    event.summary = f"Ordre{controls} du jour"
    event.save()

    for url in (
        "/flux/actualites.rss",
        "/flux/actualites.atom",
        f"/flux/personnel/{world['feed_secret']}/actualites.rss",
    ):
        response = reader_client.get(url)
        assert response.status_code == 200, url
        feed = ET.fromstring(response.content)
        assert "Alerte ergonomie" in ET.tostring(feed, encoding="unicode"), url

    for url in ("/flux/agenda.ics", f"/flux/agenda/{event.pk}.ics"):
        response = reader_client.get(url)
        assert response.status_code == 200, url
        summaries = [str(item["summary"]) for item in icalendar.Calendar.from_ical(response.content).walk("VEVENT")]
        assert "Atelier posture" in summaries, url

    for url in (news.url, event.url, world["sections"]["news.NewsIndexPage"].url, "/"):
        response = reader_client.get(url)
        assert response.status_code == 200, url
        assert "ergonomie" in page_text(response) or "posture" in page_text(response), url

    assert reader_client.get("/recherche/", {"q": "alerte ergonomie"}).status_code == 200
    api = reader_client.get("/api/search/", {"q": "alerte"})
    assert api.status_code == 200 and api.json()["count"] >= 1
    assert reader_client.get("/api/v2/pages/", {"search": "alerte"}).status_code == 200
