import pytest

from generator.clean import clean, date_stamp, has_sentence, is_junk_line, strip_headline_suffix


@pytest.mark.parametrize("line, junk", [
    # cookie banners and their buttons in the languages of the month table
    ("Utilizamos cookies propias y de terceros para mejorar nuestros servicios. Si continúa navegando, consideramos "
     "que acepta su uso.", True),
    ("Nous utilisons des cookies pour améliorer votre expérience. Vous pouvez accepter ou refuser.", True),
    ("Wir verwenden Cookies, um die Webseite zu verbessern. Einstellungen", True),
    ("Aceptar Configurar", True),
    ("Accepter tout", True),
    ("La empresa fabrica galletas, no cookies, en su planta de Tarragona desde 1990.", False),
    ("THE OPERATION IS BEING PERFORMED", True),
    ("#", True),
    ("Share", True),
    ("Views: 1,234", True),
    ("Follow us on Telegram", True),
    ("(If you possess specialized knowledge and wish to contribute, please reach out to us at [email protected]).", True),
    ("azerbaijan-and-china-sign-deal-on-defense", True),
    ("Read also: Uzbekistan, Kazakhstan agree to build new rail link", True),
    ("We use cookies to personalize content. Cookie Policy Accept", True),
    ("Questo sito utilizza cookie tecnici e, previo tuo consenso, cookie di profilazione di terze parti. "
     "Chiudendo questo banner acconsenti all'uso dei cookie. Accetta | Rifiuta | Personalizza", True),
    ("The cookie maker opened a second site near the port on Monday.", False),
    ("report.az/en/military/azerbaijan-kazakhstan-defense-ministers-sign-plan/", True),
    ("Azerbaijan and China discuss military collaboration", False),
    ("The minister met the delegation.", False),
])
def test_junk_lines(line, junk):
    assert is_junk_line(line) is junk


@pytest.mark.parametrize("line, stamp", [
    ("# 22 October 2019 13:43 (UTC +04:00)", True),
    ("Published: 12.03.2021", True),
    ("2023-05-17 10:20", True),
    ("On 22 October 2019 the minister met the delegation.", False),
])
def test_date_stamp(line, stamp):
    assert (date_stamp(line) is not None) is stamp


@pytest.mark.parametrize("headline, expected", [
    ("New Stage: deepening military ties | Opinion", "New Stage: deepening military ties"),
    ("Baku hosts talks - Trend", "Baku hosts talks"),
    ("Azerbaijan, Serbia strengthen ties", "Azerbaijan, Serbia strengthen ties"),
    ("Self-propelled guns - a new era", "Self-propelled guns - a new era"),
    # A site's address or its edition's name as the browser's title shows it, before or after.
    ("Norway and Poland sign defence partnership - regjeringen.no", "Norway and Poland sign defence partnership"),
    ("Ethiopia, Kenya agree to deepen ties - ENA English", "Ethiopia, Kenya agree to deepen ties"),
    ("allAfrica.com: Nigeria: NNPC says the pipeline is ready", "Nigeria: NNPC says the pipeline is ready"),
    # A repost's credit after the headline.
    ("Zimbabwe to ban lithium exports – by Thandi Mokoena (Mining Weekly – June 6, 2025)", "Zimbabwe to ban lithium exports"),
    # A newsletter's name before its headline; a country before a headline stays.
    ("Devex Newswire: Malaria's comeback warning", "Malaria's comeback warning"),
    ("Nigeria: NNPC says the pipeline is ready", "Nigeria: NNPC says the pipeline is ready"),
    ("FINCANTIERI: ORDER FROM VIKING FOR FOUR NEW SHIPS", "FINCANTIERI: ORDER FROM VIKING FOR FOUR NEW SHIPS"),
    ("Fwd: Measles outbreak jumps the border", "Measles outbreak jumps the border"),
    # A forum thread's page number.
    ("Offtake with Japanese magnet maker signed - finally, page-1", "Offtake with Japanese magnet maker signed - finally"),
    # A page template's placeholder left in the copy.
    ("Electricity to be priciest in months ({{contentCtrl.commentsTotal}})", "Electricity to be priciest in months"),
    # A download link's date, file type and size; a headline about the format keeps its words.
    ("KESTREL TEA PLC - Profit Warning Dec 15, 2025 PDF (188 KB)", "KESTREL TEA PLC - Profit Warning"),
    ("Why PDF (portable) files matter", "Why PDF (portable) files matter"),
])
def test_headline_suffix(headline, expected):
    assert strip_headline_suffix(headline) == expected


def _headline_without_suffix_plainly(headline: str) -> str:
    """strip_headline_suffix with every pattern tried on every line (it skips those that need a bar or a
    dash after a space on a line that has none)."""
    from generator import clean as module

    _, _, suffix = module._patterns()
    headline = module._TEMPLATE.sub("", suffix.sub("", headline)).strip()
    headline = module._SITE_PREFIX.sub("", headline)
    headline = module._FORWARDED.sub("", headline)
    named = module._NAMED_PREFIX.match(headline)
    if named and module.outlets.name_words().newsletter_name.search(named.group("name")):
        headline = headline[named.end():]
    headline = module._BYLINE_SUFFIX.sub("", headline)
    headline = module._PAGE_SUFFIX.sub("", headline)
    headline = module._FILE_SUFFIX.sub("", headline)
    while (found := module._BAR_SUFFIX.search(headline)) and found.start() > 0:
        headline = headline[:found.start()].rstrip()
    found = module._DASH_SUFFIX.search(headline)
    if found and found.start() > 0 and module.outlets.looks_like_outlet(found.group("name")):
        headline = headline[:found.start()].rstrip()
    return headline


def test_headline_suffix_skips_only_what_a_line_without_a_separator_cannot_match():
    from corpus_text import corpus_lines

    lines = [line for line in corpus_lines() if line and len(line) <= 300]
    lines += ["", " ", "İstanbul'da zirve | Dünya", "Straße gesperrt – Tagesschau", "ß ş ı ə\u00a0|\u00a0Gündem",
              "Talks end -Trend", "Talks end- Trend", "Talks end —\tReuters", "Talks end\u2003| Opinion",
              "Devex Newswire: Vote | Devex", "x ({{a}}) - The Korea Times", "Baku hosts talks - Trend [PDF 2MB]"]
    assert len(lines) > 5000
    assert sum(strip_headline_suffix(line) != line for line in lines) > 20
    for line in lines:
        assert strip_headline_suffix(line) == _headline_without_suffix_plainly(line), line


def test_repeated_headline_and_stamp():
    text = "Ministers meet in Beijing\n\nMinisters meet in Beijing\n# 22 October 2019 13:43 (UTC +04:00)\n\nThe ministers met.\n\nArmy\n#\n"
    result = clean(text)
    assert result.headline == "Ministers meet in Beijing"
    assert result.lines == ("The ministers met.",)
    assert result.date_stamps == ("22 October 2019 13:43 (UTC +04:00)",)    # the heading marker is not text
    assert result.trailing == ("Army",)


def test_markdown_heading_markers_are_not_text():
    result = clean("## Ministers meet in Beijing ##\n\n### Background\n\nThe ministers met.\n")
    assert result.headline == "Ministers meet in Beijing"
    assert result.lines == ("Background", "The ministers met.")


def test_leading_date_line_and_glued_byline():
    text = " date 2024-06-20 Azerbaijan, Serbia strengthen cooperation\nBy Sabina AlizadeThe visit of the minister marked a new phase.\n"
    result = clean(text)
    assert result.headline == "Azerbaijan, Serbia strengthen cooperation"
    assert result.date_stamps == ("2024-06-20",)
    assert result.byline == "Sabina Alizade"
    assert result.lines[0].startswith("The visit of the minister")


def test_glued_sentences_split_but_domains_kept():
    result = clean("Title here\n\nThe threats are serious.The parties agreed. Read it on News.Az now.")
    assert "serious. The parties" in result.body
    assert "News.Az" in result.body


def test_other_news_block_is_dropped():
    result = clean("Headline\n\nThe talks went well.\n\nOther news\nIran tests a missile\nFrance buys jets")
    assert "Iran" not in result.body


def test_dateline_is_set_aside():
    result = clean("Headline\n\nBAKU, March 3 (Xinhua) -- Azerbaijan and China signed a plan.")
    assert result.dateline.startswith("BAKU, March 3 (Xinhua)")
    assert result.lines[0] == "Azerbaijan and China signed a plan."


def test_menus_mastheads_and_section_names_above_the_headline_are_furniture():
    text = ("AZERTAC\nPolitics    Economy    Military    Society    World\nMilitary\n"
            "Defense ministers meet in Beijing\n13.09.2024 [16:20]\nShare\n\nISTANBUL\n\nThe ministers met.\n\n"
            "MORE FROM DEFENSE\nGreece receives jets\n")
    result = clean(text)
    assert result.headline == "Defense ministers meet in Beijing"
    assert result.masthead == ("AZERTAC", "Military")
    assert result.dateline == "ISTANBUL"
    assert result.lines == ("The ministers met.",)
    assert result.date_stamps == ("13.09.2024 [16:20]",)


def test_no_headline_when_first_line_is_a_paragraph():
    first = "In recent years, the two countries have strengthened their ties in many fields of cooperation."
    assert clean(first + "\n\nMore text follows here.").headline is None


@pytest.mark.parametrize("text, refused", [
    ("Contact Us\nSubscribe\nAbout\nPrivacy Policy\nTerms of Use", True),
    ("Home\nNews\nWorld\n© 2024 Example Media", True),
    ("Share\nPrint\nViews: 1,204", True),
    ("Talks resume in Geneva\n\nThe two sides met again in Geneva.", False),
])
def test_a_file_with_no_sentence_left_is_refused(text, refused):
    from generator.errors import BriefingError
    from generator.extract.article import extract_article
    from generator.model import RawDocument
    from generator.taxonomy import load_taxonomy
    from conftest import ROOT

    document = RawDocument(path="sources/page.txt", text=text, sha256="0")
    if refused:
        with pytest.raises(BriefingError, match="no sentence"):
            extract_article(document, load_taxonomy(ROOT / "taxonomy.yml"))
    else:
        assert extract_article(document, load_taxonomy(ROOT / "taxonomy.yml")).title == "Talks resume in Geneva"


@pytest.mark.parametrize("raw, expected", [
    # a PDF's title, wrapped mid-phrase and centred
    (["        JOINT STATEMENT", "   on the visit of the Prime Minister of the", "      Republic of Ruritania", "",
      "Text."], ["        JOINT STATEMENT on the visit of the Prime Minister of the Republic of Ruritania", "", "Text."]),
    # a paragraph wrapped at a width, with a word split by a hyphen
    (["The President of the Republic received the Prime Minister, who", "paid an official visit to the capital on 11",
      "July 2024. The sides discussed the progress and the resto-", "ration of the railway line."],
     ["The President of the Republic received the Prime Minister, who paid an official visit to the capital on 11 "
      "July 2024. The sides discussed the progress and the restoration of the railway line."]),
    # a web page's paragraphs, one a line, and a headline above its deck: left as they are
    (["Ministers agree to halve fertiliser tariffs", "The cut takes effect in March and covers potash.",
      "Finance ministers from twelve countries agreed on Tuesday to cut tariffs on fertiliser imports by half."],
     ["Ministers agree to halve fertiliser tariffs", "The cut takes effect in March and covers potash.",
      "Finance ministers from twelve countries agreed on Tuesday to cut tariffs on fertiliser imports by half."]),
    # a notice boxed between rules of dashes, wrapped at a width: the rules part it from the lines around
    (["Zurück   Drucken   Teilen", "", "-" * 60, "  Disclosed inside information pursuant to article 17 Market Abuse",
      "  Regulation (MAR) transmitted by a wire service with the aim of a Europe-wide",
      "  distribution. The issuer is solely responsible for the content of the", "  announcement.", "-" * 60],
     ["Zurück   Drucken   Teilen", "", "-" * 60, "  Disclosed inside information pursuant to article 17 Market Abuse "
      "Regulation (MAR) transmitted by a wire service with the aim of a Europe-wide distribution. The issuer is "
      "solely responsible for the content of the announcement.", "-" * 60]),
    # a brand's word with a capital inside ("e-Paper") under the headline is a menu item, not its wrap
    (["India and Kyrgyzstan begin exercise in Tokmok", "e-Paper", "Subscribe",
      "The exercise, which began on Monday, is the twelfth of", "its kind."],
     ["India and Kyrgyzstan begin exercise in Tokmok", "e-Paper", "Subscribe",
      "The exercise, which began on Monday, is the twelfth of its kind."]),
    # menu items, one ending on "in", are no wrapped line
    (["Subscribe", "Sign in", "Share this post", "Text of the post."], ["Subscribe", "Sign in", "Share this post",
                                                                        "Text of the post."]),
])
def test_hard_wrapped_lines_are_joined(raw, expected):
    from generator.clean import unwrap_lines

    assert unwrap_lines(raw) == expected


PARAGRAPH = ("Finance ministers from twelve countries agreed on Tuesday to cut tariffs on fertiliser imports by half, "
             "officials said after two days of talks in Geneva.")


@pytest.mark.parametrize("header", ["Related", "Read next", "Latest updates", "Read more with Euractiv",
                                    "Most Visited in Politics", "Recommended Stories", "Related Topics", "Tags:"])
def test_a_block_of_other_stories_after_the_text_is_not_the_article(header):
    text = "\n".join(["Ministers halve fertiliser tariffs", "", PARAGRAPH, "", header,
                      "Sudan and Chad discuss aid to Darfur", "Gold price in Pakistan drops by Rs1,200 per tola"])
    assert clean(text).lines == (PARAGRAPH,)


def test_a_section_word_above_the_text_does_not_end_it():
    # "Latest" and "Topics" in the menu above the article, after a long title line: the article follows.
    text = "\n".join(["Ministers from twelve countries halve the tariffs on fertiliser imports after talks in Geneva",
                      "Latest", "Topics", "", PARAGRAPH])
    assert PARAGRAPH in clean(text).lines


@pytest.mark.parametrize("line", [
    "You have out of 5 free articles left for the month",
    "Create an account to continue accessing select articles, resources, and guidance notes.",
    "Start your free trial to access unlimited articles, resources, guidance notes, and workspaces.",
    "We've detected that you're using an ad content blocking browser plug-in or feature. Ads provide a critical "
    "source of revenue to the continued operation of this site.",
    "BAILII is celebrating 24 years of free online access to the law! Would you consider making a contribution?",
])
def test_a_paywall_or_ad_blocker_notice_is_junk(line):
    assert is_junk_line(line)


def test_a_box_of_other_stories_inside_the_article_does_not_end_it():
    later = ("The ministers will meet again in Belgrade in the spring to review the first shipments and to agree "
             "on the next steps of the plan, the statement said.")
    last = ("Officials from both sides said the plan would be extended to fertiliser made from potash if the first "
            "year of shipments went well for the farmers.")
    text = "\n".join(["Ministers halve fertiliser tariffs", "", PARAGRAPH, "", "Also read:",
                      "Sudan and Chad discuss aid to Darfur", "", later, "", last, "", "Related stories",
                      "Gold price in Pakistan drops by Rs1,200 per tola"])
    assert clean(text).lines == (PARAGRAPH, later, last)


def test_junk_rows_tried_only_beside_their_words_match_as_one_alternation_would():
    # A row with `needs` is skipped on lines without its words: on every line of the labelled corpus the
    # answer is the one a single alternation of all the rows gives.
    import re
    from generator import resources
    from corpus_text import corpus_lines
    from generator.clean import is_junk_line, _is_shouting

    rows = resources.load_data("junk.yml")["junk_lines"]
    alternation = re.compile("|".join(f"(?:{r if isinstance(r, str) else r['pattern']})" for r in rows), re.IGNORECASE)
    lines = {line for line in corpus_lines() if line and len(line) <= 400}
    lines |= {"We use cookies to improve your experience on our website.", "Please support our journalism today.",
              "You have 2 of 5 free articles left this month", "[email protected]",
              # the rows that need "agency", "portal" or a slash, in capitals and beside letters that fold
              "AZƏRBAYCAN STATE NEWS AGENCY", "Türkiye İletişim news portal", "İstanbul / Dünya", "ß / ş / ı",
              "Straße News Agency", "news  portal", "China / Military", "China /Military", "", " / "}
    assert len(lines) > 5000
    for line in lines:
        assert is_junk_line(line) == (bool(alternation.fullmatch(line)) or _is_shouting(line)), line


@pytest.mark.parametrize("line, junk", [
    ("Compartilhe:   Facebook   X   LinkedIn   WhatsApp", True),       # a share strip under its label
    ("Partager : Facebook Twitter E-mail", True),
    ("Note: X and Facebook are", False),
    ("nour.elkhoury.outdoors • Follow", True),                         # a post's account and its button
    ("JavaScript is disabled in your web browser or browser is too old to support JavaScript. Today almost all web "
     "pages contain JavaScript, a scripting programming language that runs on visitor's web browser.", True),
    ("Please enable JavaScript to view the comments", True),
    ("The browser maker said the update would block trackers by default from March.", False),
])
def test_share_strips_follow_buttons_and_browser_notices_are_junk(line, junk):
    assert is_junk_line(line) is junk


def test_a_box_of_headlines_above_the_text_does_not_end_the_article():
    # A newsletter's "Top news" column beside its board of advisers ("Vice President, Hemisferio Logistics
    # Inc." ends on a stop but is no text): the article's text comes after it.
    text = "\n".join(["Renata B. Quiroga", "Vice President, Government Affairs, Hemisferio Logistics Inc.", "",
                      "Ministers halve fertiliser tariffs", "", "TOP NEWS",
                      "Sudan and Chad discuss aid to Darfur", "", PARAGRAPH])
    cleaned = clean(text)
    assert PARAGRAPH in cleaned.lines
    assert cleaned.headline == "Ministers halve fertiliser tariffs"


def test_a_label_over_a_text_that_never_says_its_words_is_no_title():
    cleaned = clean("\n".join(["From the Newsroom", "", PARAGRAPH]))
    assert cleaned.headline is None
    assert clean("\n".join(["Fertiliser tariffs halved", "", PARAGRAPH])).headline == "Fertiliser tariffs halved"
    assert clean("\n".join(["A long article", "", PARAGRAPH])).headline == "A long article"   # a note's own title


def test_a_tab_title_ending_on_a_section_gives_way_to_the_page_s_headline():
    text = "\n".join(["Ministers Halve the Tariffs on Fertiliser Imports - Nasional - en.example.co", "",
                      "Skip to content", "Nasional > Economy", "", "Ministers Halve the Tariffs on Fertiliser Imports",
                      "", PARAGRAPH])
    assert clean(text).headline == "Ministers Halve the Tariffs on Fertiliser Imports"


@pytest.mark.parametrize("line", [
    "This copy is for your personal non-commercial use only. To order presentation-ready copies for distribution "
    "to colleagues, clients or customers, or inquire about permissions, please go to the reprints page.",
    "Regions » Queenstown",
    "Home › Press & speeches › Central bankers' speeches",
])
def test_a_reprint_notice_and_a_breadcrumb_of_chevrons_are_junk(line):
    assert is_junk_line(line)


def test_the_line_over_the_byline_is_the_headline_when_a_caption_stands_above_it():
    text = "\n".join(["Home", "News", "Canada", "", "The winner smiles as she speaks to supporters at a legion hall on "
                      "Monday night. She won the byelection with 51 per cent of the vote.",
                      "Former deputy mayor wins the byelection, vows to fight for the hospital", "",
                      "By The Example Press", "", PARAGRAPH])
    assert clean(text).headline == "Former deputy mayor wins the byelection, vows to fight for the hospital"


def test_a_title_line_ending_on_a_possessive_runs_on():
    text = "\n".join(["POLICY BRIEF", "", "Back to the Market: What Jordan's", "2025 Eurobond Tells Us About the Cost",
                      "", PARAGRAPH])
    assert clean(text).headline == "Back to the Market: What Jordan's 2025 Eurobond Tells Us About the Cost"


def test_a_tab_title_opening_on_the_site_s_name_gives_way_to_the_page_s_headline():
    text = "\n".join(["Kestrel Parliament - Experts divided over the cap on fertiliser tariffs", "", "Kestrel Parliament",
                      "Members  Committees  Documents  Press", "", "Experts divided over the cap on fertiliser tariffs",
                      "", PARAGRAPH])
    assert clean(text).headline == "Experts divided over the cap on fertiliser tariffs"


def test_a_site_s_title_naming_its_body_and_a_caption_placing_people_are_no_headline():
    site = "\n".join(["Finance Diplomacy - Ministry of Finance and Tariffs", "Skip to content", "Home",
                      "Press", "Twelve countries – Q&A – excerpt from the press briefing (4 June 2025)", "", PARAGRAPH])
    assert clean(site).headline == "Twelve countries – Q&A – excerpt from the press briefing (4 June 2025)"
    caption = "\n".join(["Ministers meet in Geneva", "", "Finance ministers (right) and officials (left) agree to cut "
                         "tariffs on fertiliser imports by half in Geneva", "", PARAGRAPH])
    assert clean(caption).headline == "Ministers meet in Geneva"


def test_a_government_site_s_banner_is_junk():
    for line in ["An official website of the United States government", "Here's how you know",
                 "Official websites use .gov", "Secure .gov websites use HTTPS",
                 "A .gov website belongs to an official government organization in the United States.",
                 "An official website of the European Union", "How do you know?"]:
        assert is_junk_line(line), line


def test_a_title_case_headline_naming_a_body_is_no_body_s_name_and_a_title_wrapped_over_three_lines_may_ask():
    release = "\n".join(["Kestrel Newswire", "Newsroom", "Pricing", "Kestrel Therapeutics, Inc.",
                         "Kestrel Therapeutics Reaches Fertiliser Tariff Agreement With the Ministers' Tariffs Board",
                         "Agreement lowers the tariffs on fertiliser imports by 38% for the ministers' farmers",
                         "", PARAGRAPH])
    assert clean(release).headline == \
        "Kestrel Therapeutics Reaches Fertiliser Tariff Agreement With the Ministers' Tariffs Board"
    brief = "\n".join(["Policy Brief", "Fertiliser Tariffs in 2026:", "Protecting Farmers or Raising", "Imports?",
                       "", PARAGRAPH])
    assert clean(brief).headline == "Fertiliser Tariffs in 2026: Protecting Farmers or Raising Imports?"


def test_a_line_without_a_capital_is_no_headline():
    from generator.head import content_stems, headline_score
    lead = content_stems(PARAGRAPH)
    assert headline_score("finance ministers agree to cut tariffs on fertiliser imports in geneva", lead, False) is None
    assert headline_score("Finance ministers agree to cut tariffs on fertiliser imports in Geneva", lead, False) > 0


def test_a_caption_with_its_file_credit_and_a_line_of_names_alone_are_no_headline():
    from generator.head import content_stems, headline_score
    lead = content_stems("Anna Berg and Omar Daud signed the agreement on fertiliser tariffs at the substation in "
                         "Nairobi on Tuesday, the ministry said.")
    assert headline_score("Technicians at the substation in Nairobi/FILE - KESTREL POWER", lead, False) is None
    assert headline_score("Anna Berg and Omar Daud", lead, True) is None
    assert headline_score("Berg and Daud sign the fertiliser tariffs agreement in Nairobi", lead, False) > 0


def test_a_report_s_short_title_over_its_subtitle_is_the_headline():
    text = "\n".join(["Kestrel Policy Brief", "MAY 2025", "", "Between Geneva and the Farms",
                      "What the fertiliser tariff cut means for twelve countries' finance ministers", "",
                      "Anna Berg", "", PARAGRAPH])
    assert clean(text).headline == "Between Geneva and the Farms"
    news = "\n".join(["Home", "News", "Between Geneva and the Farms",
                      "What the fertiliser tariff cut means for twelve countries' finance ministers", "", PARAGRAPH])
    assert clean(news).headline == "What the fertiliser tariff cut means for twelve countries' finance ministers"
    # A "Commentary" among the menu's items far above is no report series over a cover.
    menu = "\n".join(["Home", "News", "Business", "Sports", "Commentary", "Letters", "Lifestyle", "Search", "News",
                       "Lead Stories", "Fertiliser tariff cut to pay out in full",
                       "What the cut means for twelve countries' finance ministers", "", PARAGRAPH])
    assert clean(menu).headline == "Fertiliser tariff cut to pay out in full"


def test_a_headline_ending_on_an_abbreviation_s_point_is_no_sentence():
    text = "\n".join(["Menú", "Noticias", "Economía", "Abinader forma comisión para negociar el arancel del 10 % de "
                       "EE.UU.", "El Gobierno buscará que Washington excluya a los productos del DR-CAFTA; las zonas "
                       "francas, las más expuestas a la medida que anunció la Casa Blanca", "Mariela Peña",
                       "Santo Domingo", "03 abr. 2025", "", "El presidente Luis Abinader se reunió este jueves con los "
                       "exportadores para evaluar el impacto del arancel del 10 % y anunció una comisión que "
                       "negociará con Washington."])
    assert clean(text).headline == "Abinader forma comisión para negociar el arancel del 10 % de EE.UU."


def test_tab_titles_with_two_tails_or_cut_short_give_way_to_the_page_s_headline():
    text = "\n".join(["Fertiliser: Tariff Cuts - Hansard written question HL5873 - Kestrel Parliament", "",
                      "Cookies on Kestrel Parliament", "Written questions, answers and statements",
                      "Fertiliser: Tariff Cuts", "", PARAGRAPH])
    assert clean(text).headline == "Fertiliser: Tariff Cuts"
    text = "\n".join(["Ministers to cut tariffs on fertiliser imports", "Regulatory press releases",
                      "Ministers to cut tariffs on fertiliser imports; twelve countries affected", "", PARAGRAPH])
    assert clean(text).headline == "Ministers to cut tariffs on fertiliser imports; twelve countries affected"


def test_a_social_post_has_no_headline_though_its_age_stands_in_a_strip():
    text = "\n".join(["Skip to main content", "Home    My Network    Jobs    Messaging", "", "Anna Berg • 2nd",
                      "Tariff analyst at Kestrel | Trade | Farming", "2w • Edited • 🌐", "", "Follow", "",
                      "Twelve countries cut fertiliser tariffs in Geneva today, and I could not be prouder 🚜", "",
                      PARAGRAPH])
    cleaned = clean(text)
    assert cleaned.headline is None
    assert cleaned.lines[0].startswith("Twelve countries cut fertiliser tariffs")


def test_heading_markers_are_removed_only_from_lines_holding_a_hash():
    # clean tries _HEADING_MARKERS only on a line holding "#": on every line of the corpus without one
    # the pattern leaves the line as it is.
    from corpus_text import corpus_lines
    from generator.clean import _HEADING_MARKERS

    for line in corpus_lines() | {"## Title ##", "# Title", "Title #", "#hashtag", "  "}:
        line = " ".join(line.split())
        if "#" not in line:
            assert _HEADING_MARKERS.sub("", line) == line, line
    assert _HEADING_MARKERS.sub("", "## Title ##") == "Title"


def test_words_of_a_credit_mark_a_caption_only_as_its_label():
    from generator.head import content_stems, headline_score
    lead = content_stems("Moody's cut the credit rating of the agency on Tuesday after the courtesy visit of the "
                         "ministers, as the EPA finalised its rule on the fertiliser tariffs.")
    for headline in ["Moody's cuts the agency's credit rating after the visit",
                     "EPA finalises its rule on fertiliser tariffs",
                     "Deputy Minister Receives Courtesy Visit of the Ambassador, Discusses Tariffs"]:
        assert headline_score(headline, lead, False) is not None, headline
    for caption in ["Photo: the ministers after the courtesy visit", "The ministers after the visit (Photo)",
                    "Ministers at the visit. Photo by Anna Berg", "MINISTERS AT THE VISIT / EPA-EFE"]:
        assert headline_score(caption, lead, False) is None, caption


def test_a_sentence_over_a_photo_credit_is_a_caption_not_the_article_s_first_paragraph():
    text = "\n".join(["Radio", "Podcasts", "Watch", "",
                      "Health workers spray a street in the capital against mosquitoes on Tuesday.", "",
                      "Photo/Ministry of Health", "", "Health", "",
                      "Island nation declares dengue outbreak as cases climb", "",
                      "Published", "17 February 2026, 3:05pm", "",
                      "The island nation has declared a dengue fever outbreak after nine cases of the fever were "
                      "confirmed in the capital in less than two weeks, health officials said."])
    assert clean(text).headline == "Island nation declares dengue outbreak as cases climb"


def test_a_long_caption_ending_on_its_photo_credit_is_no_first_paragraph():
    caption = ("The finance minister speaks during a ceremony at the fertiliser plant of the state company on "
               "Aug. 27, 2025, before the delegations signed the tariff deal. (Jane Doe/AFP via Getty Images)")
    text = "\n".join(["Global", "Europe", "", caption, "", "Twelve countries halve fertiliser tariffs", "",
                      PARAGRAPH])
    assert clean(text).headline == "Twelve countries halve fertiliser tariffs"


def test_a_title_and_subtitle_whose_last_words_wrapped_onto_a_short_line_are_one_headline():
    text = "\n".join(["EXAMPLE TRUST", "", "CASE BRIEF No. 3 | March 2025", "",
                      "Tariffs on the Border: What the Fertiliser Ruling", "Means for Farmers", "", PARAGRAPH])
    assert clean(text).headline == "Tariffs on the Border: What the Fertiliser Ruling Means for Farmers"
    dated = "\n".join(["Tariffs on the Border: What the Fertiliser Ruling Means", "March 4, 2025", "", PARAGRAPH])
    assert clean(dated).headline == "Tariffs on the Border: What the Fertiliser Ruling Means"


@pytest.mark.parametrize("page, reads", [
    # A script without case has no lower-case letter to show a sentence; one without spaces no words to count.
    ("أخبار\n\nمصر توقع اتفاقا لاستيراد شحنات الغاز الطبيعي المسال خلال الصيف\n\n"
     "وقعت وزارة البترول المصرية اليوم الثلاثاء اتفاقا مع شركة شل لاستيراد عشر شحنات من الغاز.", True),
    ("首页\n\n中国石油天然气集团公司与埃及石油部在开罗签署液化天然气长期供应协议，双方将扩大能源合作。", True),
    ("ראשי\n\nמצרים חתמה היום על הסכם לייבוא גז טבעי נוזלי בחודשי הקיץ הקרובים.", True),
    # Menus stay no text, in any script: items in capitals, short items, a few caseless words.
    ("HOME\nNEWS\nCONTACT US ABOUT OUR TEAM AND PARTNERS\nSUBSCRIBE", False),
    ("Contact Us\nSubscribe\nSign in", False),
    ("الرئيسية\nأخبار\nاتصل بنا", False),
    ("首页\n新闻\n联系我们", False),
])
def test_a_sentence_is_read_in_any_script(page, reads):
    assert has_sentence(clean(page)) is reads


def test_an_open_end_is_looked_for_only_on_lines_ending_as_one_of_its_endings_does():
    # _open_end tries the pattern on a line whose last character (before a last line break) one of the
    # pattern's endings can end on; every character the pattern takes there, in any case, is in the set.
    import sys
    from corpus_text import corpus_lines
    from generator.clean import _OPEN_END, _OPEN_END_LAST, _open_end

    import re

    # Each ending ends on one of these characters, written in the pattern (of, the, a, an, and, or, to, in, on,
    # for, with, by, at, from, its, their, his, her, a comma, a hyphen, 's).
    last = re.compile(r"[fearondhytms,-]", re.IGNORECASE)
    assert _OPEN_END.flags & re.IGNORECASE
    takes = {chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code <= 0xDFFF and last.fullmatch(chr(code))}
    assert takes <= _OPEN_END_LAST and "ſ" in takes
    lines = list(corpus_lines()) + ["", "\n", "of\n", "of\n\n", "İstanbul and", "Straße ß", "ş ı ə, ", "hiſ", "THE",
                                    "What Jordan's", "resto-", "x\u2019S"]
    assert sum(map(_open_end, lines)) > 50
    for line in lines:
        assert _open_end(line) == bool(_OPEN_END.search(line, max(0, len(line) - 8))), line


def test_the_paragraphs_of_a_script_written_without_spaces_are_text_not_trailing_fragments():
    # A Chinese paragraph is one "word" to split() and ends on a full-width stop: it is no section's name.
    paragraphs = [
        "（中央社記者台北9日電）漢光41號實兵演習今天起至18日展開，為期10天不分晝夜實施，並首度與內政部主導的"
        "城鎮韌性演習同步進行。國防部表示，今年動員約2萬2000名後備軍人，規模為歷年之最。",
        "國防部長顧立雄上午在國防部受訪表示，今年演習採無劇本方式，貼近實戰，強調演習不是演給任何人看，而是要驗證"
        "國軍的應變能力與全民防衛的韌性。",
        "美國在台協會發言人回應中央社詢問時表示，美方支持台灣強化自我防衛能力，並持續關注台海和平穩定。"]
    cleaned = clean("\n".join(["漢光41號實兵演習登場 顧立雄：首度結合城鎮韌性 不演給誰看", "2025/7/9 14:32", "",
                                *paragraphs]))
    assert cleaned.headline == "漢光41號實兵演習登場 顧立雄：首度結合城鎮韌性 不演給誰看"
    assert list(cleaned.lines) == paragraphs and not cleaned.trailing
