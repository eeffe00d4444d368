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


@pytest.mark.parametrize("sentence, title", [
    # The main clause whole, without the leading phrase: never cut inside it, never an ellipsis.
    ("In recent years, the Republic of Azerbaijan and the People's Republic of China have significantly "
     "strengthened their diplomatic and economic ties.",
     "The Republic of Azerbaijan and the People's Republic of China have significantly strengthened their "
     "diplomatic and economic ties"),
    # A long verb phrase is cut before a phrase, after its object.
    ("Baku/18.10.22/Turan: The Ground Forces of the Iranian Army on Monday began large-scale exercises along the "
     "Aras River on the border with Azerbaijan.",
     "The Ground Forces of the Iranian Army on Monday began large-scale exercises"),
    # A reporting verb keeps what it reports.
    ("SEOUL, South Korea (AP) — South Korea said Wednesday that one of its defense companies has signed a $3.2 "
     "billion deal to supply Saudi Arabia with missile interceptors.",
     "South Korea said Wednesday that one of its defense companies has signed a $3.2 billion deal"),
    # A helper verb is never left without its verb ("have in recent years").
    ("Relations between Azerbaijan and Uzbekistan have in recent years grown from a warm friendship into a "
     "genuine alliance that now reaches from trade and energy to defence and security.",
     "Relations between Azerbaijan and Uzbekistan have in recent years grown from a warm friendship"),
    # A point of a summary list keeps no list mark.
    ("- Nigeria and Azerbaijan have agreed to explore the joint production of drones.",
     "Nigeria and Azerbaijan have agreed to explore the joint production of drones"),
])
def test_a_derived_title_ends_where_a_clause_or_phrase_ends(sentence, title):
    assert derive_title(sentence) == title


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


def _section_plainly(raw: str, headline: str | None) -> str | None:
    """extract_section with every head line respaced (it skips those without the headline's first word)."""
    from generator.extract.title import _HEAD_LINES, _section_suffix

    if not headline:
        return None
    pattern, spelling = _section_suffix()
    for line in raw.split("\n")[:_HEAD_LINES]:
        line = " ".join(line.split()).lstrip("#").strip()
        if not line.startswith(headline) or len(line) == len(headline):
            continue
        found = pattern.match(line[len(headline):])
        if found:
            return spelling.get(found.group("label").lower(), found.group("label"))
    return None


def test_the_section_label_is_found_where_every_line_is_respaced():
    from pathlib import Path

    from generator.clean import clean

    pages = [path.read_text(encoding="utf-8") for path in sorted(Path(__file__).parent.glob("openworld/dev*/*.txt"))]
    cases = [(page, clean(page).headline) for page in pages]
    cases += [("##  İstanbul   zirvesi | Opinion", "İstanbul zirvesi"), ("# # Opinion x | Analysis", "# Opinion x"),
              ("Straße\u00a0gesperrt | Politics", "Straße gesperrt"), ("ş ı ə | Opinion", " ş ı ə"), ("x", ""),
              ("Talks|Opinion", "Talks"), ("  Talks\tend  | Analysis", "Talks end"), ("", "Talks")]
    assert sum(_section_plainly(raw, headline) is not None for raw, headline in cases) >= 3
    for raw, headline in cases:
        assert extract_section(raw, headline) == _section_plainly(raw, headline), headline


def test_the_section_label_reaches_the_article(taxonomy):
    article = extract_article(RawDocument("sources/x.txt", "Ministers meet in Baku | Opinion\n\n"
                                          "The ministers of defence met in Baku on Tuesday to discuss ties.", "0"),
                              taxonomy)
    assert (article.title, article.section) == ("Ministers meet in Baku", "Opinion")


def test_a_post_s_flags_are_no_part_of_its_derived_title():
    assert derive_title("🇧🇾🇨🇳 The delegation of the university arrived in Minsk on a working visit.").startswith("The delegation")


@pytest.mark.parametrize("masthead, source", [
    # A ministry's page that names its state keeps the name it gives itself; one named generically takes
    # the article's state.
    ("The Ministry of Foreign Affairs of the Republic of Tajikistan", "Ministry of Foreign Affairs of the Republic of Tajikistan"),
    ("Ministry of Foreign Affairs", "Ministry of Foreign Affairs of Tajikistan"),
])
def test_a_ministry_as_its_own_source(masthead, source, taxonomy):
    text = (f"{masthead}\nHome | News | Press\n\nTajikistan and Kyrgyzstan agree to reopen border posts\n\n"
            "Dushanbe, 1 April 2025 - The foreign ministers of Tajikistan and Kyrgyzstan agreed on Tuesday to reopen "
            "all border crossing points, the ministry said in a statement.\n\n"
            f"© 2025 {masthead}. All rights reserved.")
    article = extract_article(RawDocument("sources/x.txt", text, "0"), taxonomy)
    assert article.source == source
