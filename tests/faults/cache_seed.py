"""Seeds the portal of the cache-fault tests (run by `manage.py shell` with the production settings): the site
tree, a reader, a member of the strategic committee, a project officer, an account whose sign-ins are guessed,
one news item per scenario (each restricted to the committee during its test) and one with a draft waiting to be
published; prints them as JSON."""

import json

from django.contrib.auth.models import Group

from accounts.models import User
from accounts.roles import PROJECT_OFFICERS, READERS, ensure_roles
from home.services.site_tree import ensure_home, ensure_sections
from news.models import NewsIndexPage, NewsPage
from personal_feeds.services import token_for

PASSWORD = "motdepasse-pannes-du-cache"
SCENARIOS = ("memoire", "redis-fige", "instantane", "redis-plein")

home = ensure_home()
home.news_count = 10  # every news item of the scenarios shows on the home page
home.save_revision().publish()
ensure_sections()
roles = ensure_roles()
committee = Group.objects.create(name="Comité stratégique")
accounts = {}
for key, email, groups, extra in (
    ("reader", "lecteur@example.org", [roles[READERS]], {}),
    ("member", "membre@example.org", [roles[READERS], committee], {}),
    ("officer", "charge@example.org", [roles[PROJECT_OFFICERS]], {"is_staff": True}),
    ("guessed", "devine@example.org", [roles[READERS]], {}),
):
    user = User.objects.create_user(username=email.split("@")[0], email=email, password=PASSWORD, **extra)
    user.groups.add(*groups)
    accounts[key] = email
reader = User.objects.get(email=accounts["reader"])
_token, secret = token_for(reader)

index = NewsIndexPage.objects.get()
news = {}
for scenario in SCENARIOS:
    page = index.add_child(
        instance=NewsPage(title=f"Budget confidentiel {scenario}", summary=f"Arbitrages budgétaires {scenario}.")
    )
    page.save_revision().publish()
    news[scenario] = {"id": page.pk, "url": page.url, "title": page.title}
draft = index.add_child(instance=NewsPage(title="Plénière : ordre du jour", summary="Version publiée."))
draft.save_revision().publish()
draft.title = "Plénière : ordre du jour définitif"
draft.save_revision()  # published during an outage by the test

print(
    "SEED "
    + json.dumps(
        {
            "accounts": accounts,
            "password": PASSWORD,
            "committee": committee.pk,
            "news": news,
            "draft": {"id": draft.pk, "url": draft.url, "title": "Plénière : ordre du jour définitif"},
            "index_url": index.url,
            "feed_secret": secret,
        }
    )
)
