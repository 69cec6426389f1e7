"""Imported Markdown becomes editable rich text; HTML in it is shown as text, never run."""

from importer.markdown import to_rich_text
from news.models import NewsPage


def test_script_in_the_body_never_reaches_the_page(jsonl, import_content, reader_client):
    path = jsonl(
        [
            {
                "type": "news",
                "title": "Piégée",
                "summary": "<script>alert('résumé')</script>",
                "body": "Avant <script>alert('corps')</script> après <img src=x onerror=alert(1)>",
            }
        ]
    )
    assert not import_content(path).failed
    page = NewsPage.objects.get()

    response = reader_client.get(page.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert('corps')&lt;/script&gt;" in page.body[0].value.source
    assert "&lt;script&gt;alert('corps')" in html


def test_headings_fit_under_the_page_title():
    html = to_rich_text("# Un\n\n## Deux\n\n### Trois\n\n#### Quatre")

    assert html == "<h2>Un</h2><h2>Deux</h2><h3>Trois</h3><h3>Quatre</h3>"


def test_javascript_links_are_not_links():
    html = to_rich_text("[piège](javascript:alert(1)) et [site](https://example.org/)")

    assert 'href="javascript' not in html
    assert '<a href="https://example.org/">site</a>' in html


def test_code_and_images_become_plain_text():
    html = to_rich_text("`<b>code</b>` et ![un schéma](schema.png)\n\n```\n<i>bloc</i>\nligne 2\n```")

    assert "<code>" not in html and "<img" not in html and "<pre>" not in html
    assert "&lt;b&gt;code&lt;/b&gt; et un schéma" in html
    assert "<p>&lt;i&gt;bloc&lt;/i&gt;<br/>ligne 2</p>" in html


def test_blank_markdown_gives_nothing():
    assert to_rich_text("  \n ") == ""
