"""Every address of the portal that reads a query string, with the parameters it reads, and the hostile
values a property-based test mixes with valid ones."""

from urllib.parse import quote

# Parameters of the section listings (base/filters.py and each app's filters.py), pagination included.
LISTING_PARAMETERS = {
    "news.NewsIndexPage": ["metier", "tag", "groupe", "annee", "page"],
    "events.EventIndexPage": ["periode", "type", "metier", "tag", "page"],
    "projects.WorkingGroupIndexPage": ["statut", "metier", "tag", "page"],
    "projects.NeedsIndexPage": ["statut", "tag", "tri", "page"],
    "knowledge.CaseStudyIndexPage": ["theme", "metier", "territoire", "page"],
    "knowledge.ApproachIndexPage": ["theme", "metier", "page"],
    "documents.DocumentLibraryPage": ["q", "collection", "type", "metier", "page"],
    "people.DirectoryPage": ["q", "metier", "site", "page"],
    "dashboard.DashboardPage": ["metier", "annee", "page"],
    "projects.ServiceProjectPage": ["page"],
}
SEARCH_PARAMETERS = ["q", "type", "metier", "groupe", "annee", "mot_cle", "tri", "page"]
FEED_PARAMETERS = ["metier", "tag", "groupe", "annee", "periode", "type"]
API_PARAMETERS = [
    "offset",
    "limit",
    "order",
    "search",
    "search_operator",
    "fields",
    "type",
    "child_of",
    "descendant_of",
    "ancestor_of",
    "id",
    "title",
    "slug",
    "locale",
    "site",
    "collection_id",
    "tags",
    "show_in_menus",
    "translation_of",
]

# What parsers, engines and databases read as syntax, and values that fooled them before.
HOSTILE = [
    "\x00",
    "a\x00b",
    "\x01",
    "\x0b",
    "\x1f",
    "\x7f",
    "\u200b",
    "\ufeff",
    "\u202e",
    "\ufffe",
    "²",
    "³",
    "١٢٣",
    "١٢٣٤",
    "𝟘",
    "１２",
    "Ⅻ",
    "-1",
    "-99999999999999999999",
    "0",
    "00",
    "1e9",
    "1.5",
    " 1",
    "NaN",
    "Infinity",
    "9" * 20,
    "9" * 400,
    "2147483648",
    "9223372036854775808",
    "99999",
    "0001",
    "x" * 3000,
    " ".join(f"mot{n}" for n in range(400)),
    " OR ".join(["tms"] * 200),
    "(" * 200 + "a" + ")" * 200,
    '"' * 300,
    "' OR '1'='1",
    "'); DELETE FROM wagtailcore_page; --",
    "%",
    "_",
    "%%",
    "*",
    "*:*",
    "title:",
    "-title",
    "?",
    "<script>alert(1)</script>",
    "{{ 7*7 }}",
    "../../../etc/passwd",
    "..%2F..%2Fetc",
    "😀",
    "e\u0301",
    "İ",
    "ﬁ",
    "",
    " ",
]
# Raw bytes as they reach the server percent-encoded (lone surrogates, invalid UTF-8).
ENCODED = ["%ED%A0%80", "%ED%BF%BF", "%FF%FE", "%C0%AF", "%C3", "%00", "%E2%80%AE", "%F4%90%80%80"]

VALID = {
    "page": ["1", "2"],
    "annee": ["2026", "2025"],
    "periode": ["passes"],
    "tri": ["recentes", "soutiens", "date", "pertinence"],
    "statut": ["submitted", "active"],
    "type": ["pdf", "news", "information_meeting", "news.NewsPage"],
    "q": ["ergonomie", "tms"],
    "metier": ["infirmier"],
    "tag": ["ergonomie"],
    "site": ["Arras"],
    "territoire": ["Arras"],
    "offset": ["0", "10"],
    "limit": ["1", "20"],
    "order": ["title", "-id", "random"],
    "search": ["ergonomie"],
    "search_operator": ["and", "or"],
    "fields": ["title", "*", "-title", "_,title"],
}


def encoded(value: str) -> str:
    """A value as a browser puts it in a query string."""
    return quote(value, safe="")


# The values that broke the portal before, tried one by one on every parameter.
KNOWN_BREAKERS = [
    "\x00",
    "a\x00b",
    "\x0b",
    "²",
    "١٢٣",
    "-1",
    "9" * 20,
    "9223372036854775808",
    "x" * 3000,
    " ".join(f"mot{n}" for n in range(400)),
]


def hand_picked(parameters) -> list[str]:
    """Query strings giving each parameter each known breaker in turn, and a lone surrogate."""
    return [f"{name}={encoded(value)}" for name in parameters for value in KNOWN_BREAKERS] + [
        f"{name}=%ED%A0%80" for name in parameters
    ]
