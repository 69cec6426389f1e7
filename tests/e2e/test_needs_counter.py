"""The live character counter of the needs forms counts what the server counts."""

from pathlib import Path

import pytest

from projects.forms import NeedCommentForm

SCRIPT = Path(__file__).resolve().parents[2] / "projects" / "static" / "projects" / "needs_form.js"


@pytest.mark.parametrize(
    "text",
    [
        "Première ligne\nseconde ligne\ntroisième",
        "Avec un émoji 😀 et un trait d’union conditionnel\u00ad ici",
        "  espaces autour\n\n",
    ],
)
def test_the_counter_and_the_server_count_the_same(page, text):
    page.set_content('<textarea id="id_body" data-max-length="2000"></textarea>')
    page.add_script_tag(path=str(SCRIPT))
    field = page.locator("#id_body")
    field.fill(text)
    field.blur()
    shown = page.locator("#id_body_compteur").text_content()
    # What the browser submits: its line breaks as "\r\n".
    form = NeedCommentForm({"body": text.replace("\n", "\r\n")})
    assert form.is_valid()
    assert shown == f"{len(form.cleaned_data['body'])} / 2\u202f000 caractères"
