"""/recherche/ as staff use it: French matching, suggestions, highlighting, every kind of result in one
ranked list, facets with counts, sort, pagination, visibility of counts and a fixed query budget."""

import datetime
import re

import pytest
from wagtail.models import Collection

from tests import factories, sample_files
from tests.utils import count_queries, page_text, restrict_collection_to_groups, restrict_page_to_groups


def _get(client, query="", **params):
    response = client.get("/recherche/", {"q": query, **params})
    assert response.status_code == 200
    return response


def _titles(response) -> list[str]:
    """The plain titles of the results, in the order shown."""
    return [hit.title for hit in response.context["results"]]


def _facet(response, name) -> dict:
    """{value: count} of one facet of the page."""
    return {value.value: value.count for value in response.context["outcome"].facets[name]}


def _marks(response) -> list[str]:
    """The words marked in the results (titles and excerpts)."""
    body = response.content.decode()
    results = body[body.index('class="results"') :] if 'class="results"' in body else ""
    return re.findall(r"<mark>(.*?)</mark>", results)


# French matching


@pytest.mark.django_db
def test_the_plural_finds_the_singular(reader_client, home):
    factories.NewsPageFactory(title="Le médecin du travail", summary="Présentation du rôle.")
    assert "Le médecin du travail" in _titles(_get(reader_client, "médecins"))


@pytest.mark.django_db
def test_accents_are_optional(reader_client, home):
    factories.NewsPageFactory(title="Évaluation des risques professionnels", summary="La méthode.")
    assert "Évaluation des risques professionnels" in _titles(_get(reader_client, "evaluation"))


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["l’ergonomie", "l'ergonomie", "L’ERGONOMIE"])
def test_elisions_are_ignored(reader_client, home, query):
    factories.NewsPageFactory(title="Atelier ergonomie", summary="Les postes de caisse.")
    assert "Atelier ergonomie" in _titles(_get(reader_client, query))


@pytest.mark.django_db
def test_the_beginning_of_a_word_finds_it(reader_client, home):
    factories.NewsPageFactory(title="Prévenir les affections musculosquelettiques", summary="Un atelier.")
    assert "Prévenir les affections musculosquelettiques" in _titles(_get(reader_client, "musculo"))


@pytest.mark.django_db
def test_an_acronym_finds_its_expansion_and_the_reverse(reader_client, home):
    """Through the thesaurus seeded with the field's acronyms: neither page holds the other's words."""
    factories.NewsPageFactory(title="Prévenir les troubles musculo-squelettiques", summary="Un atelier en entrepôt.")
    factories.CaseStudyPageFactory(title="Les TMS en abattoir", results="<p>Moins d’arrêts de travail.</p>")

    assert "Prévenir les troubles musculo-squelettiques" in _titles(_get(reader_client, "TMS"))
    assert "Les TMS en abattoir" in _titles(_get(reader_client, "troubles musculo-squelettiques"))


@pytest.mark.django_db
def test_a_typo_gets_a_suggestion_linking_to_the_corrected_search(reader_client, home):
    factories.NewsPageFactory(title="Atelier ergonomie", summary="Les postes de caisse.")
    response = _get(reader_client, "ergonomei")
    assert response.context["suggestion"] == "ergonomie"
    assert "Vouliez-vous dire « ergonomie » ?" in page_text(response)
    assert 'href="?q=ergonomie"' in response.content.decode()
    # The corrected word is searched at once.
    assert "Atelier ergonomie" in _titles(response)


@pytest.mark.django_db
def test_the_suggestion_is_prominent_when_nothing_is_found(reader_client, home):
    factories.NewsPageFactory(title="Atelier ergonomie", summary="Les postes de caisse.")
    response = _get(reader_client, "ergonomei", type="agenda")
    assert response.context["result_count"] == 0
    body = response.content.decode()
    assert 'class="search-empty__suggestion"' in body
    assert 'href="?q=ergonomie&amp;type=agenda"' in body
    assert "Aucun résultat pour « ergonomei »." in page_text(response)


@pytest.mark.django_db
def test_no_suggestion_for_a_known_word(reader_client, home):
    factories.NewsPageFactory(title="Atelier ergonomie", summary="Les postes de caisse.")
    response = _get(reader_client, "ergonomie")
    assert response.context["suggestion"] == ""
    assert "Vouliez-vous dire" not in page_text(response)


# Highlighting


@pytest.mark.django_db
def test_highlighting_marks_whole_words_only(reader_client, home):
    factories.NewsPageFactory(
        title="Mode d’emploi des études",
        summary="Les médecins et la médecine du travail : le mode opératoire des Études de poste.",
    )
    marked = _marks(_get(reader_client, "mode"))
    assert marked and {word.lower() for word in marked} == {"mode"}

    # A stop word finds nothing and marks nothing, least of all inside "médecins" or "Études".
    response = _get(reader_client, "de")
    assert _marks(response) == []
    assert "<mark>de</mark>" not in response.content.decode()


@pytest.mark.django_db
def test_highlighting_marks_the_words_of_the_same_stem(reader_client, home):
    """The French stemmer gives médecin, médecins and médecine one stem: all three are marked; médical
    is another word."""
    factories.NewsPageFactory(
        title="Le médecin du travail", summary="Deux médecins, la médecine du travail et le suivi médical."
    )
    marked = {word.lower() for word in _marks(_get(reader_client, "médecins"))}
    assert marked == {"médecin", "médecins", "médecine"}


@pytest.mark.django_db
def test_titles_and_excerpts_are_escaped(reader_client, home):
    factories.NewsPageFactory(title="Ergonomie <script>alert(1)</script>", summary="Ergonomie & <b>postes</b>.")
    body = _get(reader_client, "ergonomie").content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "&lt;b&gt;postes&lt;/b&gt;" in body or "&lt;b&gt;" not in body


# Every kind of result


@pytest.mark.django_db
def test_a_person_is_found_by_name_and_by_job_title(reader_client, sections):
    metier = factories.MetierFactory(name="Infirmier")
    factories.PersonFactory(
        first_name="Odile", last_name="Vasseur", job_title="Ergonome", metier=metier, site="Antenne de Lens"
    )
    by_name = _get(reader_client, "Vasseur")
    assert "Odile Vasseur" in _titles(by_name)
    text = page_text(by_name)
    assert "Ergonome" in text and "Infirmier" in text and "Antenne de Lens" in text
    assert by_name.context["results"][0].kind == "personnes"

    assert "Odile Vasseur" in _titles(_get(reader_client, "ergonome"))


@pytest.mark.django_db
def test_a_document_is_found_by_a_word_of_its_text_and_shows_its_format(
    reader_client, home, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        factories.make_document(
            "protocole.pdf", sample_files.pdf_bytes("Protocole de vaccination antitetanique"), title="Protocole"
        )
    response = _get(reader_client, "antitetanique")
    assert _titles(response) == ["Protocole"]
    hit = response.context["results"][0]
    assert hit.kind == "documents"
    text = page_text(response)
    assert "PDF" in text
    assert "<mark>antitetanique</mark>" in response.content.decode()


@pytest.mark.django_db
def test_kinds_are_ranked_together(reader_client, home, django_capture_on_commit_callbacks):
    """A document titled with the searched word comes before a page that only mentions it in passing."""
    factories.NewsPageFactory(
        title="Retour sur la journée régionale",
        summary="Ateliers, tables rondes et un point sur la vaccination des saisonniers.",
    )
    with django_capture_on_commit_callbacks(execute=True):
        factories.make_document("vaccination.txt", b"Calendrier et rappels.", title="Vaccination")
    titles = _titles(_get(reader_client, "vaccination"))
    assert titles == ["Vaccination", "Retour sur la journée régionale"]


# Facets


def _tag(page, name):
    page.tags.add(name)
    page.save()
    # Indexed again: the index reads the page when it is saved, before its new tags are written.
    page.save()


@pytest.fixture
def tagged_content(home):
    """2 news and 1 case study tagged "amiante" for the métier "Infirmier", and one untagged news item."""
    metier = factories.MetierFactory(name="Infirmier")
    other = factories.MetierFactory(name="Médecin")
    pages = [
        factories.NewsPageFactory(title="Amiante : nouvelle note", summary="Amiante en chantier.", metiers=[metier]),
        factories.NewsPageFactory(
            title="Amiante : formation", summary="Amiante et désamiantage.", metiers=[metier, other]
        ),
        factories.CaseStudyPageFactory(title="Amiante en carrière", results="<p>Amiante.</p>", metiers=[metier]),
    ]
    for page in pages:
        _tag(page, "amiante")
    factories.NewsPageFactory(title="Amiante : rappel", summary="Amiante dans les écoles.")
    return metier, other


@pytest.mark.django_db
def test_facets_count_the_whole_result_set(reader_client, tagged_content):
    metier, other = tagged_content
    response = _get(reader_client, "amiante")
    assert response.context["result_count"] == 4
    assert _facet(response, "type") == {"actualites": 3, "etudes-de-cas": 1}
    assert response.context["all_count"] == 4
    assert _facet(response, "metier") == {metier.pk: 3, other.pk: 1}
    assert _facet(response, "mot_cle") == {"amiante": 3}
    assert _facet(response, "annee") == {datetime.date.today().year: 4}
    text = page_text(response)
    assert "Tout 4" in text and "Actualités 3" in text and "Études de cas 1" in text


@pytest.mark.django_db
def test_facets_combine(reader_client, tagged_content):
    metier, other = tagged_content
    news = _get(reader_client, "amiante", type="actualites")
    assert news.context["result_count"] == 3
    # The type keeps its counts (to switch type); the others count within the chosen type.
    assert _facet(news, "type") == {"actualites": 3, "etudes-de-cas": 1}
    assert _facet(news, "metier") == {metier.pk: 2, other.pk: 1}
    assert _facet(news, "mot_cle") == {"amiante": 2}

    both = _get(reader_client, "amiante", type="actualites", metier=metier.pk)
    assert set(_titles(both)) == {"Amiante : nouvelle note", "Amiante : formation"}
    assert _facet(both, "type") == {"actualites": 2, "etudes-de-cas": 1}
    assert _facet(both, "metier") == {metier.pk: 2, other.pk: 1}

    tagged = _get(reader_client, "amiante", mot_cle="amiante", metier=other.pk)
    assert _titles(tagged) == ["Amiante : formation"]


@pytest.mark.django_db
def test_facet_links_keep_the_other_choices_and_a_chosen_value_can_be_removed(reader_client, tagged_content):
    metier, _other = tagged_content
    response = _get(reader_client, "amiante", type="actualites", tri="date", page="1")
    body = response.content.decode()
    # Choosing a métier keeps the query, the type and the order, and goes back to the first page.
    assert f'href="?q=amiante&amp;type=actualites&amp;tri=date&amp;metier={metier.pk}"' in body
    # The type tabs keep the rest too.
    assert 'href="?q=amiante&amp;type=etudes-de-cas&amp;tri=date"' in body
    assert 'href="?q=amiante&amp;tri=date"' in body

    chosen = _get(reader_client, "amiante", metier=metier.pk)
    body = chosen.content.decode()
    # The chosen value is marked as such and its link removes it.
    assert re.search(r'<a class="facet__link" href="\?q=amiante" aria-current="true">', body)
    active = chosen.context["active_filters"]
    assert [(item.heading, item.label, item.remove_url) for item in active] == [("Métier", "Infirmier", "?q=amiante")]
    assert "Métier : Infirmier" in page_text(chosen)


@pytest.mark.django_db
def test_a_chosen_type_with_no_result_still_shows_as_chosen(reader_client, tagged_content):
    response = _get(reader_client, "amiante", type="documents")
    assert response.context["result_count"] == 0
    assert [(tab.value, tab.count, tab.selected) for tab in response.context["type_tabs"]] == [
        ("actualites", 3, False),
        ("etudes-de-cas", 1, False),
        ("documents", 0, True),
    ]
    assert "Chercher sans les filtres appliqués" in page_text(response)


@pytest.mark.django_db
def test_refused_parameters_are_explained_in_french(reader_client, tagged_content):
    response = _get(reader_client, "amiante", metier="abc", annee="1200", tri="hasard", type="inconnu")
    text = page_text(response)
    assert "Certains critères n’ont pas été appliqués" in text
    for label in ("métier", "année", "tri", "type de contenu"):
        assert f"La valeur indiquée pour « {label} » n’est pas reconnue" in text
    # The rest still applies.
    assert response.context["result_count"] == 4


# Visibility


@pytest.mark.django_db
def test_counts_leave_out_restricted_content_and_drafts(
    reader_client, member_client, committee, tagged_content, django_capture_on_commit_callbacks
):
    metier, _other = tagged_content
    secret = factories.NewsPageFactory(title="Amiante : note du comité", summary="Amiante.", metiers=[metier])
    _tag(secret, "amiante")
    restrict_page_to_groups(secret, committee)
    draft = factories.CaseStudyPageFactory(title="Amiante en brouillon", results="<p>Amiante.</p>", live=False)
    _tag(draft, "amiante")
    closed = Collection.get_first_root_node().add_child(name="Comité")
    restrict_collection_to_groups(closed, committee)
    with django_capture_on_commit_callbacks(execute=True):
        factories.make_document("ferme.txt", b"Amiante : le dossier", title="Dossier du comite", collection=closed)

    outsider = _get(reader_client, "amiante")
    member = _get(member_client, "amiante")
    assert outsider.context["result_count"] == 4 and member.context["result_count"] == 6
    assert _facet(outsider, "type") == {"actualites": 3, "etudes-de-cas": 1}
    assert _facet(member, "type") == {"actualites": 4, "etudes-de-cas": 1, "documents": 1}
    assert _facet(outsider, "metier")[metier.pk] == 3 and _facet(member, "metier")[metier.pk] == 4
    assert _facet(outsider, "mot_cle") == {"amiante": 3} and _facet(member, "mot_cle") == {"amiante": 4}
    for text in (page_text(outsider), page_text(member)):
        assert "Amiante en brouillon" not in text
    assert "Amiante : note du comité" not in page_text(outsider)
    assert "Dossier du comite" not in page_text(outsider)
    assert "Documents" not in [tab.label for tab in outsider.context["type_tabs"]]


@pytest.mark.django_db
def test_a_group_the_reader_may_not_open_is_not_a_facet(reader_client, member_client, committee, home):
    group = factories.WorkingGroupPageFactory(title="Groupe du comité", summary="Amiante.")
    factories.NewsPageFactory(title="Amiante au comité", summary="Amiante.", working_group=group)
    restrict_page_to_groups(group, committee)
    assert _facet(_get(reader_client, "amiante"), "groupe") == {}
    assert _facet(_get(member_client, "amiante"), "groupe") == {group.pk: 2}


# Order and pages


@pytest.mark.django_db
def test_sort_by_date_puts_the_latest_first(reader_client, home):
    today = datetime.date.today()
    factories.NewsPageFactory(title="Ergonomie", summary="Ergonomie.", date=today - datetime.timedelta(days=300))
    factories.NewsPageFactory(title="Point d’étape", summary="Un mot sur l’ergonomie.", date=today)
    assert _titles(_get(reader_client, "ergonomie"))[0] == "Ergonomie"
    by_date = _get(reader_client, "ergonomie", tri="date")
    assert _titles(by_date) == ["Point d’étape", "Ergonomie"]
    assert re.search(r'<a href="\?q=ergonomie&amp;tri=date" aria-current="true">Date</a>', by_date.content.decode())


@pytest.mark.django_db
def test_results_come_15_to_a_page(reader_client, home):
    for number in range(20):
        factories.NewsPageFactory(title=f"Ergonomie {number}", summary="Ergonomie.")
    first = _get(reader_client, "ergonomie")
    assert first.context["result_count"] == 20 and len(_titles(first)) == 15
    assert 'href="?q=ergonomie&amp;page=2"' in first.content.decode()
    second = _get(reader_client, "ergonomie", page="2")
    assert len(_titles(second)) == 5
    assert not set(_titles(first)) & set(_titles(second))
    assert '<ol class="results" start="16">' in second.content.decode()


@pytest.mark.django_db
def test_promotions_show_on_the_first_page_only(reader_client, home):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    promoted = factories.ApproachPageFactory(title="Démarche de référence")
    for number in range(20):
        factories.NewsPageFactory(title=f"Ergonomie {number}", summary="Ergonomie.")
    SearchPromotion.objects.create(query=Query.get("ergonomie"), page=promoted, sort_order=0)
    assert "Recommandé" in page_text(_get(reader_client, "ergonomie"))
    assert "Démarche de référence" not in page_text(_get(reader_client, "ergonomie", page="2"))


# What else the page says


@pytest.mark.django_db
def test_an_empty_query_explains_what_is_searched(reader_client, home):
    text = page_text(_get(reader_client, ""))
    assert "l’annuaire des personnes" in text and "le texte des documents" in text
    assert "« TMS »" in text and "facultatifs" in text


@pytest.mark.django_db
@pytest.mark.parametrize(("count", "expected"), [(0, "0 résultat pour"), (1, "1 résultat pour"), (2, "2 résultats")])
def test_the_count_line_speaks_french(reader_client, home, count, expected):
    for number in range(count):
        factories.NewsPageFactory(title=f"Silicose {number}", summary="Silicose.")
    assert f"{expected}" in page_text(_get(reader_client, "silicose"))


# Cost


def _query_count(client, add_items, url):
    add_items(5)
    client.get(url)
    with_five = count_queries(client, url)
    add_items(45)
    client.get(url)
    return with_five, count_queries(client, url)


# The account; the vocabulary's and the thesaurus' freshness; the reader's restrictions; the directory page;
# per source (pages, documents, people) the engine's query and the check of its matches against what the
# reader may see; the records; facet labels; the pages shown (one query per page type), the documents and
# the people shown, their excerpts; the menu; the search report; Wagtail's promotions. Above the portal's 15
# per page: a search asks three sources, and every count and facet is worked out on the whole result set. The
# search report counts the query, the spelling typed and the day (three updates).
QUERY_CEILING = 23


@pytest.mark.django_db
def test_the_page_costs_the_same_number_of_queries_with_5_and_50_results_of_every_kind(
    reader_client, sections, django_capture_on_commit_callbacks
):
    metier = factories.MetierFactory(name="Infirmier")
    group = factories.WorkingGroupPageFactory(title="Groupe amiante")
    # One item of each kind named after the query: every kind is on the first page, with 5 items as with 50.
    with django_capture_on_commit_callbacks(execute=True):
        factories.NewsPageFactory(title="Amiante", metiers=[metier], working_group=group)
        factories.CaseStudyPageFactory(title="Amiante", metiers=[metier])
        factories.PersonFactory(first_name="Paul", last_name="Amiante", metier=metier, site="Lens")
        factories.make_document("amiante.txt", b"Amiante", title="Amiante")

    def add_items(n):
        with django_capture_on_commit_callbacks(execute=True):
            for number in range(n):
                _tag(factories.NewsPageFactory(summary="Amiante.", metiers=[metier], working_group=group), f"t{number}")
                factories.CaseStudyPageFactory(results="<p>Amiante.</p>", metiers=[metier])
                factories.PersonFactory(job_title="Référent amiante", metier=metier)
                factories.make_document(f"fiche-{number}.txt", b"Amiante en chantier", title=f"Fiche {number}")

    url = "/recherche/?q=amiante"
    with_five, with_fifty = _query_count(reader_client, add_items, url)
    assert with_five == with_fifty, f"{with_five} queries with 5 items of each kind, {with_fifty} with 50"
    assert with_fifty <= QUERY_CEILING, with_fifty
    print("QUERIES", with_fifty)


@pytest.mark.django_db
def test_a_very_common_word_says_only_the_best_matches_are_ranked(reader_client, sections, monkeypatch):
    monkeypatch.setattr("search.services.site_search.MAX_CANDIDATES", 3)
    for number in range(4):
        factories.NewsPageFactory(title=f"Canicule, consigne {number}")
    factories.NewsPageFactory(title="Vigilance orange")
    text = page_text(reader_client.get("/recherche/", {"q": "canicule"}))
    assert "seuls les plus pertinents sont classés et comptés" in text
    assert "seuls les plus pertinents" not in page_text(reader_client.get("/recherche/", {"q": "vigilance"}))
