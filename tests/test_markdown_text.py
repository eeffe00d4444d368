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
