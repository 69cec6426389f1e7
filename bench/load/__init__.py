"""`make bench`: the portal served by gunicorn under load (wrk), page kind by page kind, on a seeded site."""
