import markdown
import pytest

from generator.markdown_text import escape_text


@pytest.mark.parametrize("text", [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    "*bold* _it_ `code` # heading",
    "1986. The year",
    "{: onclick=alert(1) }",
    "People's Republic & friends",
    "| a | b |",
    '!!! danger "<script>alert(1)</script>"',
    "~~~ fence",
])
def test_escaped_text_renders_as_the_same_text(text):
    rendered = markdown.markdown(escape_text(text), extensions=["tables", "attr_list", "admonition"])
    assert "<script" not in rendered and "<img" not in rendered and "<a " not in rendered
    assert "onclick" not in rendered.split(">", 1)[0]
    plain = rendered.removeprefix("<p>").removesuffix("</p>")
    import html
    assert html.unescape(plain) == text


@pytest.mark.parametrize("title, inert", [
    ("<script>alert(1)</script> talks", "<\u2060script>alert(1)<\u2060/script> talks"),
    ("<img src=x onerror=alert(1)>", "<\u2060img src=x onerror=alert(1)>"),
    ("<!-- a comment -->", "<\u2060!-- a comment -->"),
    ("Inflation < 2% as rates hold", "Inflation < 2% as rates hold"),      # no markup: as it was
    ("Plain headline", "Plain headline"),
])
def test_a_title_never_opens_markup_and_reads_the_same(title, inert):
    from html.parser import HTMLParser

    from generator.markdown_text import inert_markup

    assert inert_markup(title) == inert
    tags = []
    parser = HTMLParser()
    parser.handle_starttag = lambda tag, attrs: tags.append(tag)
    parser.handle_comment = lambda data: tags.append("!--")
    parser.feed(inert_markup(title))
    assert tags == []
    assert inert_markup(title).replace("\u2060", "") == title
