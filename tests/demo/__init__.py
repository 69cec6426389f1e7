"""The demo accounts and their passwords, as `load_demo` creates and prints them."""

DEMO_ACCOUNTS = {
    "lecteur@example.org": "lecteur-demo",
    "pilote@example.org": "pilote-demo",
    "charge@example.org": "charge-demo",
    "admin@example.org": "admin-demo",
}
