"""The search benchmark (`make bench-search`): relevance and latency over the demo content plus generated
French pages, on SQLite and PostgreSQL."""
