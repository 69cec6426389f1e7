"""The few HTML pages of the test identity provider, in French: login form, auto-posting form, messages."""

from html import escape

TITLE = "Fournisseur d'identité SAML de test"

_STYLE = """
body { font-family: system-ui, sans-serif; max-width: 28rem; margin: 3rem auto; padding: 0 1rem; color: #1e1e1e; }
label { display: block; margin-top: 1rem; font-weight: 600; }
input[type=text], input[type=password] { width: 100%; padding: .5rem; box-sizing: border-box; }
button { margin-top: 1.5rem; padding: .6rem 1.2rem; }
.erreur { color: #a00; border-left: 4px solid #a00; padding-left: .75rem; }
"""


def _page(heading: str, body: str, *, script: str = "") -> str:
    return (
        '<!DOCTYPE html>\n<html lang="fr">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(heading)} — {TITLE}</title>\n<style>{_STYLE}</style>\n</head>\n"
        f"<body>\n<main>\n<h1>{escape(heading)}</h1>\n{body}\n</main>\n{script}</body>\n</html>\n"
    )


def _hidden(fields: dict[str, str]) -> str:
    return "\n".join(
        f'<input type="hidden" name="{escape(name)}" value="{escape(value)}">'
        for name, value in fields.items()
        if value is not None
    )


def login_page(action: str, hidden: dict[str, str], *, username: str = "", error: str | None = None) -> str:
    """The sign-in form; `hidden` carries the SAML request through the POST back here."""
    message = f'<p class="erreur" role="alert">{escape(error)}</p>\n' if error else ""
    body = (
        f"<p>{TITLE} : identifiez-vous pour accéder au service demandé.</p>\n{message}"
        f'<form method="post" action="{escape(action)}">\n{_hidden(hidden)}\n'
        '<label for="username">Identifiant</label>\n'
        f'<input type="text" id="username" name="username" value="{escape(username)}" '
        'autocomplete="username" autofocus required>\n'
        '<label for="password">Mot de passe</label>\n'
        '<input type="password" id="password" name="password" autocomplete="current-password" required>\n'
        '<button type="submit">Se connecter</button>\n</form>'
    )
    return _page("Connexion", body)


def post_form_page(action: str, fields: dict[str, str]) -> str:
    """The HTTP-POST binding: a form to the service provider, sent by script, or by hand with "Continuer"."""
    body = (
        "<p>Vous allez être redirigé vers le service demandé.</p>\n"
        f'<form id="saml-post" method="post" action="{escape(action)}">\n{_hidden(fields)}\n'
        '<button type="submit">Continuer</button>\n</form>'
    )
    script = '<script>document.getElementById("saml-post").submit();</script>\n'
    return _page("Redirection", body, script=script)


def message_page(heading: str, text: str) -> str:
    return _page(heading, f"<p>{escape(text)}</p>")
