# How much more a match in the title counts than one in the body when the database picks the candidates
# that the portal then ranks (search.services.ranking weighs titles over bodies likewise).
TITLE_WEIGHT = 3.0
# Index entries read, best first, before the reader's queryset (live pages, visibility…) is applied.
RANKED_WINDOW = 2000
