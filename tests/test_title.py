import pytest

from generator.clean import clean
from generator.extract.article import extract_article
from generator.extract.title import derive_title, extract_section, extract_title
from generator.model import RawDocument


def test_stated_headline():
    assert extract_title(clean("Ministers meet | Opinion\n\nThe ministers met today.")) == ("Ministers meet", False)


def test_derived_title_is_marked():
    title, derived = extract_title(clean("The two countries have strengthened their ties in many fields over the last few years of close work."))
    assert derived is True and title.startswith("The two countries")


def test_derive_title_shortens():
    assert derive_title("In recent years, a b c d e f g h i j k l m n o p q.").endswith("…")


@pytest.mark.parametrize("raw, headline, expected", [
    ("New Stage: deepening military ties | Opinion\n\nThe visit opened new horizons.", "New Stage: deepening military ties", "Opinion"),
    ("Ministers meet - analysis | Trend\n\nText.", "Ministers meet", "Analysis"),   # spelled as the table does
    ("Ministers meet | The Guardian\n\nText.", "Ministers meet", None),         # an outlet is no section
    ("Ministers meet\n\nText.", "Ministers meet", None),
    ("Ministers meet | Opinionated readers\n\nText.", "Ministers meet", None),
    ("Text without a headline.", None, None),
])
def test_section_label_after_the_headline(raw, headline, expected):
    assert extract_section(raw, headline) == expected


def test_the_section_label_reaches_the_article(taxonomy):
    article = extract_article(RawDocument("sources/x.txt", "Ministers meet in Baku | Opinion\n\n"
                                          "The ministers of defence met in Baku on Tuesday to discuss ties.", "0"),
                              taxonomy)
    assert (article.title, article.section) == ("Ministers meet in Baku", "Opinion")
