"""The head of a page: which line is the headline, whatever furniture stands around it (table-driven).

The pages are invented, each in the shape of a kind of page copy-pasted from the web."""

from __future__ import annotations

import pytest

from generator.clean import clean
from generator.head import content_stems, first_paragraph, headline_score, is_furniture, is_ticker, word_count

LEAD = ("Finance ministers from twelve countries agreed on Tuesday to cut tariffs on fertiliser imports by half, "
        "a move officials said would lower food prices before the planting season.")
HEADLINE = "Twelve countries agree to halve fertiliser tariffs"


@pytest.mark.parametrize("head, expected", [
    # accessibility link, menus, section name above the headline; a deck, a byline and a badge below it
    (["Skip to main content", "World", "Business", "Markets", "Opinion", "Markets", HEADLINE,
      "The cut takes effect in March and covers nitrogen and potash products.", "By Ana Ruiz", "4 min read"], HEADLINE),
    # the site's name, a sign-in strip and a language switch first
    (["The Daily Ledger", "Newsletter Sign in", "EN | FR", HEADLINE], HEADLINE),
    # a ticker of other stories before the headline
    (["Latest News: Gold hits record | Rupee slips | Port strike ends", HEADLINE], HEADLINE),
    (["Trending Now: Election results due tonight", HEADLINE], HEADLINE),
    # a photo caption with its credit, repeated, above the headline
    (["Ministers at the meeting in Geneva on Tuesday. Photo: Jan Weber / Staff"] * 3 + [HEADLINE], HEADLINE),
    # a dateline and a timestamp are not headlines
    (["Geneva, March 4, WIRE", "04.03.2025 [16:20]", HEADLINE], HEADLINE),
    # a section suffix and the site's name after bars
    ([HEADLINE + " | Trade | The Daily Ledger"], HEADLINE),
    # the headline is repeated (a site prints it twice)
    ([HEADLINE, HEADLINE], HEADLINE),
    # a cookie banner, then the headline
    (["We use some essential cookies to make this website work.", "Accept additional cookies", HEADLINE], HEADLINE),
    # only furniture above the text: no headline (the title is then derived from the first sentence)
    (["Skip to content", "Menu", "Share", "Listen to this article"], None),
    # a headline that shares no word with its lead still leads when it stands alone
    (["Why the tariff truce will not last"], "Why the tariff truce will not last"),
    # a headline in capitals is one; a tagline under the site's name, above its menu, is not
    (["Press Releases", HEADLINE.upper()], HEADLINE.upper()),
    (["The Ledger", "The region's leading independent news source", "Sign in", "Subscribe", "Search",
      "Will the truce hold? Ministers agree to halve fertiliser tariffs"],
     "Will the truce hold? Ministers agree to halve fertiliser tariffs"),
    # a browser's title line with " - <outlet>"; a breadcrumb glued without spaces; a search box's label
    ([HEADLINE + " - The Ledger Times"], HEADLINE),
    (["Home»Politics»" + HEADLINE], HEADLINE),
    (["Search Ticker, Name or Symbol", "Sign In", HEADLINE], HEADLINE),
    # menu items with small words ("Israel at War"); a membership banner above a headline printed twice;
    # a notice's block of fields
    (["The Ledger", "Sign In", "Israel at War", "Israel & the Region", "Opinion", HEADLINE], HEADLINE),
    (["Become a member", "0 members on board",
      "31,000 people chose to be part of the Ledger community and its journalism, thank you.",
      HEADLINE, "2 min read", HEADLINE], HEADLINE),
    (["Recalls and safety alerts", HEADLINE, "Product: Potash tablets, 500 mg", "Issue: Health products - safety",
      "Audience: General public"], HEADLINE),
    # a forwarded message's label is no headline
    (["⏩ Forwarded many times"], None),
    # a breadcrumb glued to the headline with gaps is cut off
    (["Skip to content", "Home  News  " + HEADLINE], HEADLINE),
    # an Italian cookie banner ("cookie", no plural) and a reading time in Italian above the headline
    (["Questo sito utilizza cookie tecnici e, previo tuo consenso, cookie di profilazione di terze parti. "
      "Accetta | Rifiuta", "Tempo di lettura: 4 minuti", HEADLINE], HEADLINE),
    (["Home / Trade / " + HEADLINE], HEADLINE),
    # an e-mail's subject label is cut from the headline it gives
    (["From: Ledger Briefing <news@ledger.example>", "Subject: " + HEADLINE], HEADLINE),
    # a release's channel and issuer before a slash are part of its headline, no breadcrumb
    (["Search", "EANS-Adhoc: Ledger AG / " + HEADLINE], "EANS-Adhoc: Ledger AG / " + HEADLINE),
    # a headline that asks is no paragraph, and the site's name above the menu is no headline
    (["Ledger Institute for Trade Studies", "Search", "Research", "About",
      "After the truce: how long will lower fertiliser tariffs last?"],
     "After the truce: how long will lower fertiliser tariffs last?"),
])
def test_the_headline_is_told_from_the_furniture(head, expected):
    page = "\n".join(head + ["", LEAD, "", "The agreement was signed in Geneva after two days of talks."])
    found = clean(page)
    assert found.headline == expected
    assert found.lines[0].startswith("Finance ministers") or found.lines[0].startswith("The cut takes effect")
    assert not any(line in found.lines for line in head if line not in (expected, head[-1]) and len(line.split()) < 8)


def test_a_deck_below_the_headline_stays_article_text():
    page = "\n".join([HEADLINE, "The cut takes effect in March and covers nitrogen and potash products.", "By Ana Ruiz",
                      "", LEAD])
    found = clean(page)
    assert found.headline == HEADLINE
    assert found.lines[0] == "The cut takes effect in March and covers nitrogen and potash products."
    assert "By Ana Ruiz" not in found.lines


def test_related_stories_in_a_menu_above_the_article_do_not_end_it():
    page = "\n".join(["Home", "News", "More News", "Business", HEADLINE, "", LEAD, "", "Related stories",
                      "Another story about something else entirely"])
    found = clean(page)
    assert found.headline == HEADLINE and found.lines == (LEAD,)


@pytest.mark.parametrize("line, furniture", [
    ("Skip to main content", True), ("Skip next section Navigation", True), ("Close this search box.", True),
    ("3 min read", True), ("This article is more than 1 year old", True), ("Listen to this article", True),
    ("Tempo di lettura: 4 minuti", True), ("Lesezeit: 3 Min.", True), ("Czas czytania: 5 min", True),
    ("4 min de lecture", True), ("Questo sito utilizza cookie tecnici", True),
    ("Newsletter Sign in", True), ("DAWN.COM Logo", True), (HEADLINE, False), ("Central bank cuts rates", False),
])
def test_furniture_lines(line, furniture):
    assert is_furniture(line) is furniture


@pytest.mark.parametrize("line", ["Startseite Ausland Europa Fertiliser tariffs halved",
                                  "Inicio Economía Twelve countries halve fertiliser tariffs"])
def test_a_breadcrumb_that_lost_its_separators_is_no_headline(line):
    assert headline_score(line, content_stems(LEAD), False) is None


@pytest.mark.parametrize("item", ["Arts & Culture", "Russia & CIS"])
def test_a_menu_item_scores_below_any_headline_unless_the_lead_tells_it(item):
    from generator.head import _ALONE_MIN_SCORE, content_stems

    assert headline_score(item, content_stems(LEAD), False) < _ALONE_MIN_SCORE
    assert headline_score(item, content_stems(LEAD), False) < headline_score(HEADLINE, content_stems(LEAD), False)


def test_a_short_headline_in_title_case_told_by_the_lead_is_chosen_over_the_site_name():
    lead = ("On November 18, the Minister for Foreign Affairs of Ledgerland held a Foreign Ministers' Meeting with "
            "the Minister of Foreign Affairs of Kestrelia, the ministry said.")
    page = "\n".join(["Skip to main content", "Ministry of Foreign Affairs of Ledgerland", "Japanese", "Site Search",
                      "Home", "Foreign Policy", "About Us", "Ledgerland-Kestrelia Foreign Ministers' Meeting", "Japanese",
                      "", lead])
    assert clean(page).headline == "Ledgerland-Kestrelia Foreign Ministers' Meeting"


@pytest.mark.parametrize("line, score_is_none", [
    ("Delegates at the plenary on Thursday. Chris Whiteoak / Staff", True),   # a caption's credit
    ("https://example.com/news/fertiliser-tariffs", True),
    ("Markets:", True),
    (HEADLINE, False),
    ("Central Bank cuts Selic benchmark rate to 10.75% a year", False),     # a percentage is not a clock
    ("• KGS/USD = 0.01144 0%", True),         # a currency ticker's figures
    ("Home › Press & speeches › Central bankers' speeches", True),       # a breadcrumb
    ("Soldiers at a joint exercise in Finnmark. (Foto: Ole-Sverre Haugli/Forsvaret)", True),   # a caption's credit
    ("→ Twelve countries cut fertiliser tariffs by half", True),         # a point of a list
    ("Daily Sabah - Latest & Breaking News from Turkey", True),         # a listed outlet's own site title
    ("Fertiliser Weekly <news@fertiliser.example> Unsubscribe", True),  # an e-mail's sender
])
def test_what_can_never_be_a_headline(line, score_is_none):
    assert (headline_score(line, {"twelv", "countr", "fertil", "tarif"}, False) is None) is score_is_none


def test_the_first_paragraph_and_tickers():
    lines = ["Menu", "Latest: " + " | ".join(["A story about a long thing that happened"] * 4), HEADLINE, LEAD]
    assert is_ticker(lines[1]) and not is_ticker(HEADLINE)
    assert first_paragraph(lines) == 3


NOTICE = ("We and our partners store and access information on your device, such as cookies, and process personal "
          "data for ads, content measurement and audience research.")


@pytest.mark.parametrize("banner", [
    ["We value your privacy", NOTICE, "Accept", "Reject", "More options"],
    ["Please update your browser", "Your browser is out of date and may not be compatible with our website, "
     "so some features of these pages may not work as expected until you update it.", "Subscribe", "Login",
     "World", "Business"],
])
def test_a_notice_with_its_buttons_above_the_menu_is_not_the_article(banner):
    # A consent box or a browser warning is a paragraph, but buttons and menus follow it, not text.
    page = "\n".join(banner + ["News", "World", HEADLINE, "By Ana Ruiz", "", LEAD])
    found = clean(page)
    assert found.headline == HEADLINE
    assert found.lines[0] == LEAD


def test_a_deck_above_a_byline_and_buttons_is_still_text():
    deck = ("Finance ministers agreed the cut after two days of talks, but farmers' groups say the relief comes "
            "too late for this season's planting across the region.")
    page = "\n".join(["Home", "News", HEADLINE, deck, "Ana Ruiz (The Ledger)", "Premium", "Lisbon",
                      "Mon, March 10, 2025", "", LEAD])
    found = clean(page)
    assert found.headline == HEADLINE
    assert found.lines[0] == deck


LEGAL = ("NOT FOR RELEASE, PUBLICATION OR DISTRIBUTION, IN WHOLE OR IN PART, DIRECTLY OR INDIRECTLY, IN OR INTO THE "
         "UNITED STATES, AUSTRALIA, CANADA OR JAPAN, OR ANY OTHER JURISDICTION WHERE SUCH RELEASE WOULD BE UNLAWFUL.")


@pytest.mark.parametrize("head, expected", [
    # A legal notice in capitals under the headline is no lead: the headline is still told by the text.
    (["Kallvik Energy AB (publ)", HEADLINE, "Tue, Mar 10, 2026 07:30 CET", LEGAL], HEADLINE),
    # The browser's title line, long with the site's description, above the headline it begins with.
    ([HEADLINE + " - Example News - Breaking news, special reports, world, business and sport coverage of "
      "all current events across the region", "Home", "News", HEADLINE], HEADLINE),
])
def test_the_headline_under_notices_titles_and_tickers(head, expected):
    page = "\n".join(head + ["", LEAD, "", "The agreement was signed in Geneva after two days of talks."])
    assert clean(page).headline == expected


def test_the_site_named_by_the_copyright_line_is_not_the_headline():
    # "The Twelve Countries Fertiliser Ledger" shares words with the lead, but the page's copyright line names it.
    page = "\n".join(["• KGS/USD = 0.01144 0%", "The Twelve Countries Fertiliser Ledger", "Economy", HEADLINE,
                      "", LEAD, "", "Related stories", "© The Twelve Countries Fertiliser Ledger"])
    assert clean(page).headline == HEADLINE


def test_a_menu_item_repeated_as_the_section_above_the_headline_is_not_it():
    # The menu's item shares words with the lead and stands twice; the second time it is the section's name.
    item = "Fertiliser Tariffs and Farm Trade"
    page = "\n".join(["Home", "Markets", "Grain", item, "Livestock", "Machinery", "Contact", item, HEADLINE, "", LEAD])
    assert clean(page).headline == HEADLINE


@pytest.mark.parametrize("stamp", ["3d · 🌏", "2w • Edited •", "5 hrs ·", "1h ·", "@ana.bsky.social · 3h", "14 March at 10:24 · 🌐",
                                   "2 days ago · Shared with 186 neighborhoods"])
def test_a_social_post_has_no_headline(stamp):
    # The page's name and the post's age above the post: its first sentence is text, not a headline.
    page = "\n".join(["Twelve Countries Fertiliser Council", stamp, "", HEADLINE + ".", "", LEAD])
    assert clean(page).headline is None


def test_a_post_under_its_author_s_handle_has_no_headline():
    page = "\n".join(["Sign in", "Subscribe", "", "Ana Ruiz", "@anaruiz", "Nov 27", "", HEADLINE + ".", "", LEAD])
    assert clean(page).headline is None


def test_a_story_s_age_under_its_byline_leaves_the_headline_above_it():
    # A news portal's "3h •" under the byline: the line above that agrees with the lead is the headline.
    page = "\n".join(["Skip to content", "Sign in", "Home", "Money", "Follow", HEADLINE, "Story by Ana Ruiz", "3h •",
                      "4 min read", "", LEAD])
    assert clean(page).headline == HEADLINE


def test_the_site_s_notice_to_its_reader_is_not_the_first_paragraph():
    # The site speaks to its reader above the story; a speaker's "we" to "you" in quotation marks is text.
    page = "\n".join(["Investor Relations", "Home  About  Disclosures  Contact", "",
                      "We would like to hear your opinion about our investor relations website.", "Later Close Vote Now!",
                      "", HEADLINE, "", LEAD])
    assert clean(page).headline == HEADLINE
    quoted = "\n".join([HEADLINE, "", '"We will help you cut the cost of fertiliser this season," the minister told '
                         "farmers at the meeting in the capital on Tuesday.", "", LEAD])
    assert clean(quoted).headline == HEADLINE


def test_a_reading_time_is_no_post_age():
    page = "\n".join(["Listen to this article", "5 min", HEADLINE, "By Ana Ruiz", "", LEAD])
    assert clean(page).headline == HEADLINE


def test_a_ministry_named_above_its_menu_is_the_site_not_the_headline():
    page = "\n".join(["Ministry of Finance of the Twelve Countries Fertiliser Union", "Search...", "Home", "Ministry", "News",
                      "Press releases", HEADLINE, "", LEAD])
    assert clean(page).headline == HEADLINE


@pytest.mark.parametrize("cover, expected", [
    (["Fertiliser Tariffs at an Impasse:", "What the Twelve Countries", "Still Get Wrong"],
     "Fertiliser Tariffs at an Impasse: What the Twelve Countries Still Get Wrong"),
    (["Twelve Countries Halve Fertiliser", "Tariffs: Who Pays and Who Gains"],
     "Twelve Countries Halve Fertiliser Tariffs: Who Pays and Who Gains"),
])
def test_a_title_set_over_lines_on_a_cover_is_one_headline(cover, expected):
    page = "\n".join(["POLICY BRIEF", *cover, "Ana Ruiz", "June 2025", "", LEAD])
    assert clean(page).headline == expected


def test_a_title_in_capitals_whose_last_word_wrapped_is_one_headline():
    # The wrap is joined only where the short line in capitals ends the block; the deck below stays apart.
    page = "\n".join(["LEDGER BRIEFING PAPER", "MARCH 2025", "", "TWELVE COUNTRIES AGREE TO HALVE FERTILISER",
                      "TARIFFS", "", "FROM TALKS TO A DEAL", "", "Ana Ruiz", "", LEAD])
    assert clean(page).headline == "TWELVE COUNTRIES AGREE TO HALVE FERTILISER TARIFFS"


def test_the_authors_over_their_own_note_are_not_the_headline():
    page = "\n".join(["POLICY BRIEF", HEADLINE, "Ana Ruiz and Daniel P. Hartwell", "",
                      "Ana Ruiz is a senior fellow at the institute, where she studies fertiliser tariffs, farm trade "
                      "and the prices twelve countries pay for imports.", "", LEAD])
    assert clean(page).headline == HEADLINE


def test_a_headline_in_another_language_agrees_with_its_lead():
    # Spanish small words do not count as what a line is about; the headline agrees with the lead more
    # clearly than the station's tagline does, though less than a minimum set for English pages.
    lead = ("Los ministros de Defensa de ambos países se reunieron en Puno y firmaron un acuerdo para crear una "
            "Fuerza de Tarea Binacional que operará desde la próxima semana en el Titicaca.")
    page = "\n".join(["RPP Noticias", "La información más relevante de la actualidad al momento",
                      "Alcalde de Juliaca pide declarar emergencia por heladas",
                      "Perú y Bolivia acuerdan patrullajes conjuntos en el lago Titicaca contra el contrabando",
                      "", lead])
    assert clean(page).headline == "Perú y Bolivia acuerdan patrullajes conjuntos en el lago Titicaca contra el contrabando"


def test_a_headline_between_a_menu_and_a_weather_widget_is_still_the_headline():
    page = "\n".join(["• D.C.", "• BXL", "• Lagos", "• Riyadh", HEADLINE, "sunny Cotonou", "cloudy Abuja",
                      "rotating globe", "1. Fertiliser tariffs", "", LEAD])
    assert clean(page).headline == HEADLINE


def test_a_body_named_alone_above_a_title_case_headline_is_not_it():
    # The council's name shares more of the lead's words than the headline, but it is only a name.
    lead = ("The Twelve Countries Fertiliser Council of Ministers has welcomed the decision to cut tariffs on "
            "fertiliser imports by half, its chair said in Geneva on Tuesday.")
    headline = "Council Welcomes Tariff Cut, Calls for Relief for Small Farmers"
    page = "\n".join(["Twelve Countries Fertiliser Council of Ministers", "Search", "Home › Press Releases", headline,
                      "", lead])
    assert clean(page).headline == headline


@pytest.mark.parametrize("line, name", [
    ("Parliament of the Republic of South Africa", True),
    ("Embassy of the People's Republic of China in the Republic of Kazakhstan", True),
    ("Ministry of Finance", True),
    ("Council Welcomes Tariff Cut, Calls for Relief", False),
    ("Bank of England holds interest rates at 5.25%", False),
    ("Ministry", False),
])
def test_a_line_that_is_only_a_body_s_name(line, name):
    from generator.extract.organizations import is_organization_name

    assert is_organization_name(line) is name


def test_a_headline_may_end_on_the_day_it_names():
    # A dateline or a stamp is mostly its date; this headline names its day after seven words.
    headline = "Fertiliser Council Spokesperson's Regular Press Conference on June 12, 2025"
    lead = ("Question: Twelve countries agreed on Tuesday to cut tariffs on fertiliser imports by half. Can the "
            "spokesperson share more about the council's plans and the press conference?")
    page = "\n".join(["Fertiliser Council", "Spokesperson's Remarks", headline, "", lead])
    assert clean(page).headline == headline
    assert headline_score("Geneva, June 12, 2025, AZERTAC", set(), False) < headline_score(headline, set(), False)


def test_a_notice_before_the_text_is_not_the_lead_the_headline_is_told_by():
    # The first paragraph is a translation notice that shares no word with the headline; the text after it
    # tells what the headline says. A download link's size is cut from the headline.
    notice = ("This document has been translated from the original for reference purposes only. In the event of any "
              "discrepancy between this translated document and the original, the original shall prevail.")
    page = "\n".join(["Ledger Bank", "Personal", "Business", "Investor Relations", HEADLINE + " [PDF 486KB]", "",
                      notice, "", "Second notice paragraph about the translation and the rights reserved by the bank, "
                      "which are not affected by it in any way whatsoever.", "", LEAD, "",
                      "The agreement was signed in Geneva after two days of talks."])
    assert clean(page).headline == HEADLINE


def test_an_abbreviation_s_stop_inside_a_headline_ends_no_sentence():
    stems = set()
    with_abbreviation = headline_score("Ledger Foods, Inc. Recalls Roasted Pistachio Kernels Because of Possible Risk", stems, False)
    without = headline_score("Ledger Foods Recalls Roasted Pistachio Kernels Because of Possible Risk Today", stems, False)
    two_sentences = headline_score("Ledger Foods recalls pistachio kernels. Buyers may return them", stems, False)
    assert with_abbreviation == without > two_sentences


def test_the_quick_checks_before_splitting_a_line_skip_only_lines_with_nothing_to_split():
    # A line the hint does not find would be split into one piece only, on every line of the corpus.
    from corpus_text import corpus_lines
    from generator.clean import _MENU_HINT, _MENU_SEPARATOR
    from generator.head import _CRUMB_GAP, _CRUMB_HINT

    lines = set(corpus_lines())
    lines |= {"Home\u00a0 News", "Home\u2009\u2009News", "Home »News", "Home\t›\tNews", "a | b | c", "x\u3000y"}
    assert len(lines) > 5000
    for line in lines:
        if not _CRUMB_HINT.search(line):
            assert len([p for p in _CRUMB_GAP.split(line) if p]) <= 1, line
        if not _MENU_HINT.search(line):
            assert len([p for p in _MENU_SEPARATOR.split(line) if p.strip()]) <= 1, line


def test_the_quick_checks_written_class_first_find_what_their_plain_alternations_find():
    import re

    from corpus_text import corpus_lines
    from generator.clean import _MENU_HINT
    from generator.head import _CRUMB_HINT

    crumb, menu = re.compile(r"  |[^\S ]|[»›]| [>/]"), re.compile(r"  |[^\S ]|[|•·»>]")
    for line in set(corpus_lines()) | {"a  b", "a\u00a0b", "a » b", "a›b", "a > b", "a / b", "a|b", "a•b", "a·b", "a>b",
                                       "a ", " a", "a\tb", "a /", "a b"}:
        assert bool(_CRUMB_HINT.search(line)) == bool(crumb.search(line)), line
        assert bool(_MENU_HINT.search(line)) == bool(menu.search(line)), line


def test_a_shortened_copy_of_the_headline_is_not_it():
    # A breadcrumb's last item cut with an ellipsis above the whole headline agrees with the lead as well.
    page = "\n".join(["Government of Ledgerland", "Search", "Twelve countries agree to halve fertiliser...", HEADLINE
                      + " before the planting season", "", LEAD])
    assert clean(page).headline == HEADLINE + " before the planting season"


def test_credits_found_by_one_alternation_are_those_each_word_s_own_boundaries_find():
    import re

    from corpus_text import corpus_lines
    from generator import resources
    from generator.head import lexicon

    data = resources.load_data("headline.yml")
    words, labels = data["credits"], data["credit_labels"]
    plain = re.compile("|".join([*(rf"(?<![\w]){re.escape(c)}(?![\w])" for c in words),
                                 *(rf"(?<![\w]){label}(?:\s*[:/|]|\s+by\b)" for label in labels),
                                 *(rf"\({label}\)" for label in labels)]), re.IGNORECASE)
    lines = set(corpus_lines()) | {"Photo: X", "photos", "photographer", "Reuters/", "x/ staff", "EPA-EFE", "epaper",
                                   "Image by X", "(Photo)", "credit rating", "Credit | X"}
    for line in lines:
        assert bool(lexicon().credits.search(line)) == bool(plain.search(line)), line


def test_a_line_s_key_is_its_words_joined_as_the_non_words_replaced_by_one_space():
    import re

    from corpus_text import corpus_lines
    from generator.head import line_key

    for line in set(corpus_lines()) | {"  -- Hello, World! --  ", "", "___", "a\u00a0b", "İstanbul’s"}:
        assert line_key(line) == re.sub(r"\W+", " ", line).strip().lower(), line


@pytest.mark.parametrize("prompt", ["View this email in your browser", "Engage with your Parliament by logging in",
                                    "Search by Trading Code: FERTCO [Go]", "Sign up for our fertiliser tariffs newsletter and get your briefing"])
def test_a_line_telling_the_reader_what_to_do_is_no_headline(prompt):
    text = "\n".join([prompt, "", "Twelve countries halve fertiliser tariffs", "", LEAD])
    assert clean(text).headline == "Twelve countries halve fertiliser tariffs"
    assert clean("\n".join([prompt, "", LEAD])).headline != prompt


def test_a_verb_opening_a_headline_is_no_prompt_without_the_reader_or_a_button():
    text = "\n".join(["Menu", "", "Search ends for missing fertiliser tariffs data", "", LEAD])
    assert clean(text).headline == "Search ends for missing fertiliser tariffs data"


def test_a_single_bulleted_line_in_the_head_is_the_headline_without_its_bullet():
    lone = "\n".join(["Handbook", "How Parliament Works", "", "• Twelve countries halve fertiliser tariffs", "", LEAD])
    assert clean(lone).headline == "Twelve countries halve fertiliser tariffs"
    listed = "\n".join(["• Twelve countries halve fertiliser tariffs", "• Other countries keep fertiliser tariffs", "", LEAD])
    assert clean(listed).headline is None


def test_a_paste_opening_on_a_social_network_s_name_is_a_post_without_a_headline():
    post = "\n".join(["ВКонтакте", "Поиск", "Новости", "", "Посольство России в Мали", "три часа назад", "",
                      "Сегодня Посол России в Мали был принят министром обороны Республики Мали. Стороны обсудили "
                      "вопросы военного сотрудничества и подготовки кадров."])
    assert clean(post).headline is None
    article = "\n".join(["Facebook ties to the fertiliser lobby questioned", "", LEAD])
    assert clean(article).headline == "Facebook ties to the fertiliser lobby questioned"


@pytest.mark.parametrize("furniture", ["Nous respectons votre vie privée", "We value your privacy", "En savoir plus",
                                       "Aller au contenu principal", "Se connecter", "Suivez-nous sur Facebook"])
def test_furniture_in_other_languages(furniture):
    assert is_furniture(furniture)
    text = "\n".join([furniture, "", "Twelve countries halve fertiliser tariffs", "", LEAD])
    assert clean(text).headline == "Twelve countries halve fertiliser tariffs"


def test_the_site_s_tagline_over_its_menu_is_no_headline_however_much_it_shares_with_the_lead():
    text = "\n".join(["Tariffwatch", "Fertiliser tariffs, trade deals and farm prices", "News", "Deal Directory",
                      "Charts", "Events", "", "Twelve countries halve fertiliser tariffs", "", LEAD])
    assert clean(text).headline == "Twelve countries halve fertiliser tariffs"


def test_a_line_opening_in_lower_case_counts_less_as_a_headline():
    stems = content_stems(LEAD)
    lower = headline_score("agreed by Finance ministers of twelve countries on fertiliser", stems, False)
    upper = headline_score("Agreed by Finance ministers of twelve countries on fertiliser", stems, False)
    assert lower == upper - 2.0
    assert headline_score("eBay halves fertiliser tariffs for sellers", stems, False) == \
        headline_score("EBay halves fertiliser tariffs for sellers", stems, False)


def test_a_close_button_over_the_page_makes_no_post():
    text = "\n".join(["X", "", "Twelve countries halve fertiliser tariffs", "", LEAD])
    assert clean(text).headline == "Twelve countries halve fertiliser tariffs"


# Chinese and Japanese write no spaces between words: a headline is one "word" to split().
CHINESE_PAGE = """新华网
首页
时政
国际
财经
新华网 > 国际 > 正文
中吉乌铁路吉尔吉斯斯坦段首条隧道贯通
2026-04-22 09:15:32 来源：新华网
分享到：
新华社比什凯克4月21日电 中吉乌铁路吉尔吉斯斯坦境内段首条隧道21日顺利贯通，标志着这条连接中国与中亚的战略性铁路通道建设取得重要阶段性进展，项目负责人表示全线施工进展顺利。
隧道全长约4.2公里，是该段线路的控制性工程。
"""

JAPANESE_PAGE = """日本経済新聞
トップ
経済
2026年3月10日 18:20 (2026年3月10日 20:05更新)
キオクシア北上工場に最大1500億円補助 経産省、AI向けメモリー量産を支援
経済産業省は10日、キオクシアが岩手県北上市で建設を進める新工場に最大1500億円を補助すると発表した。AI向けの先端メモリーの量産を支援し、国内の半導体供給網を強化する狙いがある。
"""


@pytest.mark.parametrize("page, headline", [
    (CHINESE_PAGE, "中吉乌铁路吉尔吉斯斯坦段首条隧道贯通"),
    (JAPANESE_PAGE, "キオクシア北上工場に最大1500億円補助 経産省、AI向けメモリー量産を支援"),
])
def test_a_headline_written_without_spaces(page, headline):
    # not the date stamp beside it, which split() made the only line with enough words
    assert clean(page).headline == headline


def test_words_of_scripts_without_spaces():
    assert word_count("Twelve countries agree to halve tariffs") == 6
    assert word_count("中吉乌铁路吉尔吉斯斯坦段首条隧道贯通") == 9      # two characters a word
    assert word_count("AI向けメモリー量産を支援") == 6
    # a headline and its lead share pairs of characters as they share words
    assert {"隧道", "贯通"} <= content_stems("首条隧道贯通") & content_stems("科克阿尔特隧道21日顺利贯通")


def test_thai_words_are_counted_by_their_letters():
    # a Thai word is some four letters, its vowel and tone marks none: a menu's "ต่างประเทศ" ("Foreign") is two
    # words, too few for a headline, and the story's headline under the menu is a headline's length
    assert word_count("ต่างประเทศ") == 2
    assert 8 <= word_count("ไทย-กัมพูชา เห็นพ้อง 11 ข้อ ห้ามเสริมกำลัง-เร่งเก็บกู้ทุ่นระเบิดตามแนวชายแดน") <= 20
    page = "\n".join(["Thai PBS", "หน้าแรก", "ข่าว", "การเมือง", "ต่างประเทศ", "สิ่งแวดล้อม", "ค้นหา",
                      "ไทย-กัมพูชา เห็นพ้อง 11 ข้อ ห้ามเสริมกำลังตามแนวชายแดน", "27 ส.ค. 68", "",
                      "วันนี้ ที่ประชุมคณะกรรมการชายแดนไทย-กัมพูชา เห็นพ้อง 11 ข้อ ห้ามเสริมกำลังตามแนวชายแดน "
                      "และเร่งเก็บกู้ทุ่นระเบิดในพื้นที่ชายแดนทั้งหมด เพื่อความปลอดภัยของประชาชนในพื้นที่ต่างประเทศ"])
    assert clean(page).headline == "ไทย-กัมพูชา เห็นพ้อง 11 ข้อ ห้ามเสริมกำลังตามแนวชายแดน"


@pytest.mark.parametrize("masthead", [
    "Autorité Nationale de Régulation du secteur de l'Électricité",
    "SOCIEDAD QUÍMICA Y MINERA DEL NORTE S.A.",
])
def test_a_name_the_text_gives_a_short_name_is_no_headline(masthead):
    # the lead repeats the body's whole name with its short one in brackets, as it never does a headline;
    # above the headline, the name shares more of the lead's words than the headline does
    lead = {"Autorité Nationale de Régulation du secteur de l'Électricité":
            "L'Autorité Nationale de Régulation du secteur de l'Électricité (ANARE) informe les consommateurs "
            "que les tarifs de l'électricité seront ajustés le 1er juillet, sur décision du Gouvernement.",
            "SOCIEDAD QUÍMICA Y MINERA DEL NORTE S.A.":
            "Sociedad Química y Minera del Norte S.A. (\"SQN\" o la \"Sociedad\") informa que la asociación con "
            "la minera estatal para el litio del Salar quedó materializada con esta fecha."}[masthead]
    headline = {"Autorité Nationale de Régulation du secteur de l'Électricité":
                "Ajustement des tarifs de l'électricité au 1er juillet",
                "SOCIEDAD QUÍMICA Y MINERA DEL NORTE S.A.": "Materialización de la asociación para el litio del Salar"}[masthead]
    page = "\n".join(["Accueil", "Actualités", masthead, headline, "", lead])
    assert clean(page).headline == headline
    # without the short name in brackets, the same lines choose the name, which shares more of the lead
    plain = lead.replace(" (ANARE)", "").replace(' ("SQN" o la "Sociedad")', "")
    assert clean("\n".join(["Accueil", "Actualités", masthead, headline, "", plain])).headline == masthead


def test_a_filings_long_headline_in_title_case_is_no_paragraph():
    headline = ("Sahel Ports & Logistics Company Announces Signing of a Concession Agreement with the General Authority "
                "for the Suez Canal Economic Zone to Develop and Operate a Multipurpose Terminal at Sokhna Port")
    lead = ("Sahel Ports & Logistics Company (the \"Company\") announces that its subsidiary has signed a concession "
            "agreement with the General Authority for the Suez Canal Economic Zone to operate a terminal at Sokhna Port.")
    page = "\n".join(["Investor Relations", "Announcements", "Announcement Date: 2025-03-10", headline, "", lead])
    assert word_count(headline) > 30
    assert clean(page).headline == headline
    # the same words as a sentence, with its stop, are the text
    assert clean("\n".join(["Investor Relations", "Announcements", headline + ".", "", lead])).headline != headline + "."


def test_a_numbered_point_of_a_list_is_no_headline():
    assert headline_score("1. Armenia buys French artillery", {"armen", "artil"}, False) is None
    assert headline_score("5 things to know about French artillery", {"artil"}, False) is not None


def test_a_long_headline_without_a_stop_is_the_heads():
    headline = ("Communication of the KNF concerning the imposition of an administrative penalty on a regional cooperative bank "
                "for failures in ICT risk management and incident reporting")
    lead = ("The Polish Financial Supervision Authority imposed a penalty of PLN 4.2 million on the bank for failures "
            "in its management of ICT risk, the authority said in its decision on Monday.")
    page = "\n".join(["For the market", "Communications", headline, "Published: 2025-06-10", "", lead])
    assert word_count(headline) >= 25
    assert clean(page).headline == headline


def test_a_newsletters_tagline_and_its_forwarding_prompt_are_no_headline():
    page = "\n".join([
        "View this email in your browser", "Forwarded this email? Subscribe here for more", "THE KESTREL BRIEF",
        "Defence & security in Estonia, Latvia and Lithuania — the monthly briefing", "March 2025",
        "Mines back on the table: the Baltic states move to quit the Ottawa Convention", "",
        "For two decades the ban on landmines in Estonia, Latvia and Lithuania was one nobody questioned; this "
        "month the Baltic states moved to quit the Ottawa Convention."])
    assert clean(page).headline == "Mines back on the table: the Baltic states move to quit the Ottawa Convention"
    assert is_furniture("Forwarded this email? Subscribe here for more")


@pytest.mark.parametrize("tagline", [
    "Analysis and commentary on Australian strategy, defence and the Indo-Pacific",
    "A weekly note on container shipping, ports and the people who move the world's stuff",
])
def test_a_sites_tagline_over_its_menu_is_no_headline(tagline):
    page = "\n".join([
        "Skip to content", "Kestrel Institute", "The Bearing", tagline, "Home", "Defence", "Foreign policy",
        "Technology", "Pacific", "Subscribe", "Search", "Defence | AUKUS | Submarines",
        "The welders come first: why the shipyard's workforce will decide the submarine programme", "14 Aug 2025",
        "Fiona McAllister", "",
        "The submarine programme's fate depends less on the Pentagon's review of Australian strategy and defence "
        "than on whether the shipyard's workforce of welders can be trained in time, officials say."])
    assert clean(page).headline == ("The welders come first: why the shipyard's workforce will decide the submarine "
                                    "programme")


def test_a_newsletters_lead_story_under_the_editors_greeting_is_its_headline():
    lead = ("After almost a year of coalition wrangling, Estonia has opened a reverse auction for onshore wind that "
            "could support up to two terawatt-hours a year, the biggest onshore wind auction the country has held.")
    page = "\n".join([
        "View this email in your browser", "KESTREL GRID BRIEF", "Power, gas and grids in Estonia, Latvia and Lithuania",
        "Issue 118 · April 2026", "IN THIS ISSUE", "1. Estonia opens its biggest onshore wind auction yet",
        "2. Numbers of the month",
        "Good morning from Tallinn. This month's lead story is the long-delayed auction, which finally got its terms "
        "after months of talks between the coalition partners, and what it means for the developers.",
        "LEAD STORY", "Estonia opens its biggest onshore wind auction yet", lead])
    cleaned = clean(page)
    assert cleaned.headline == "Estonia opens its biggest onshore wind auction yet"
    assert lead in cleaned.body
    # A page that is no newsletter keeps its head's headline, whatever heading stands below its first paragraph.
    news = "\n".join(["Power, gas and grids in Estonia, Latvia and Lithuania", "",
                      "Good morning from the desk: the grids of the three states are the subject of this page, which "
                      "gathers the month's news on power, gas and their grids for readers across the region.",
                      "Estonia opens its biggest onshore wind auction yet", lead])
    assert clean(news).headline == "Power, gas and grids in Estonia, Latvia and Lithuania"
