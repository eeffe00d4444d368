import pytest

from generator.extract.countries import PageClues, extract_countries, outlet_country, city_country


@pytest.mark.parametrize("headline, body, countries", [
    (None, "Azerbaijan and the PRC signed a deal. Chinese officials and Beijing welcomed it.", {"AZ", "CN"}),
    (None, "Stability in the South Caucasus and the Balkans matters to Serbia.", {"RS"}),
    (None, "Azerbaijan joined the Shanghai Cooperation Organization as a partner.", {"AZ"}),
    (None, "Azerbaijani-Armenian border talks continued.", {"AZ", "AM"}),
    ("Türkiye and Pakistan sign deal", "The Turkish side and Islamabad agreed.", {"TR", "PK"}),
    (None, "Azercosmos may use China Great Wall Industry Corporation launchers, Azerbaijan said.", {"AZ"}),
    (None, "Oil from Azerbaijan flows through the Baku–Tbilisi–Ceyhan pipeline.", {"AZ"}),
    (None, "Trade with Azerbaijan reached 2.8 billion U.S. dollars.", {"AZ"}),
    # Currencies, treaties and clubs named after a place are not that country.
    (None, "Argentina said the cut would cost the Treasury US$ 820 million this year.", {"AR"}),
    (None, "Egypt reaffirmed its goals under the Paris Agreement at the talks.", {"EG"}),
    # Menus, "Read next" headline lists, tickers and credit lines are not the article's text.
    (None, "Serbia approved the mine on Friday.\n\nUkraine\n\nWorld\n\nHungary's Orban hosts Fico for talks on EU funds",
     {"RS"}),
    (None, "Chile raised output this year.\n\nLatest: Zambia signs power deal | Gold tops $2,450 | Namibia votes today.",
     {"CL"}),
    (None, "Output rose, officials in Riyadh said.\n\nReporting by Olivia Hartley in London; Editing by Paul Brennan",
     {"SA"}),
    # A hard-wrapped sentence (a PDF) is joined again before it is judged.
    (None, "The leaders welcomed the peace process between Azerbaijan and\n\nArmenia and agreed to meet.", {"AZ", "AM"}),
    # A capital named once as where something took place is a venue, as a dateline's place is, beside a
    # country the text names more; named as a government, or twice, it is its country.
    (None, "Armenia and Azerbaijan initialled the agreement in Washington. Armenia and Azerbaijan will sign it soon.",
     {"AM", "AZ"}),
    (None, "Armenia and Azerbaijan initialled the agreement. Armenia thanked Washington for its help.",
     {"AM", "AZ", "US"}),
    (None, "The ministers met in Dushanbe.", {"TJ"}),
])
def test_countries(headline, body, countries, taxonomy):
    found, primary = extract_countries(headline, body, taxonomy)
    assert set(found) == countries
    assert 1 <= len(primary) <= 3 and set(primary) <= countries


def test_headline_countries_are_primary(taxonomy):
    found, primary = extract_countries("Azerbaijan, Serbia strengthen ties", "Serbia and Azerbaijan met. Russia was mentioned.", taxonomy)
    assert primary[:2] == ["AZ", "RS"] and "RU" in found


def test_no_countries(taxonomy):
    assert extract_countries(None, "The weather was fine.", taxonomy) == ([], [])


def test_bare_korea_is_the_south(taxonomy):
    found, _ = extract_countries(None, "Korea's AI law takes effect, and Korean firms must comply.", taxonomy)
    assert found == ["KR"]


# The main countries, strongest first: the outlet's own country where the text names it, the headline's
# leading country, the dateline's, then the headline's others and the text's most named.
@pytest.mark.parametrize("headline, body, clues, first", [
    # A headline's country that only follows its verb does not lead it: the text's own country does.
    ("Foreign Ministry summons Russian envoy after drone found on Gulf of Finland island",
     "Finland's ministry summoned Russia's envoy. Finnish border guards found it. The Finnish Defence Forces "
     "secured the site. Finland closed its border with Russia.", None, "FI"),
    # A pair that opens the headline's countries, joined by a dash or "and": the first leads.
    ("New Stage: deepening military ties between Azerbaijan and China",
     "Chinese officers came to Azerbaijan. China and Azerbaijan agreed. Beijing sent a delegation.", None, "AZ"),
    ("The 15th meeting of the Azerbaijan-Türkiye High-Level Military Dialogue was held",
     "Turkish and Azerbaijani officers met. Türkiye and Azerbaijan agreed. Turkish delegates spoke.", None, "AZ"),
    # A question's verb stands before its subject.
    ("Why isn't New Zealand putting money into Brazil's rainforest fund?",
     "Brazil launched the fund. Brazil asked for money. Norway gave. New Zealand declined.", None, "NZ"),
    # The outlet's name holds its country ("The Korea Times"); so may the page's own address.
    (None, "The report was sent to France and Canada, where the engines were designed. France's BEA helped "
           "in Paris. It was the worst crash in Korea in decades.", PageClues(outlet="The Korea Times"), "KR"),
    (None, "The report was sent to France and Canada, where the engines were designed. France's BEA helped "
           "in Paris. It was the worst crash in Korea in decades.", PageClues(page="By Lee\nlhj@daily.co.kr"), "KR"),
    # The outlet's country over the headline's only where the text names it nearly as often.
    ("Azerbaijani naval special forces join AMAN-25", "Azerbaijan sent ships. Azerbaijan's navy and "
     "Azerbaijani sailors drilled. Pakistan hosted. Azerbaijan thanked Baku's partners.",
     PageClues(outlet="Daily Pakistan"), "AZ"),
    ("Azerbaijan's chief of general staff in Tashkent", "Uzbekistan hosted Azerbaijan. Uzbek and Azerbaijani "
     "officers met in Tashkent.", PageClues(outlet="Kun.uz", page="Kun.uz"), "UZ"),
    # The dateline's place, where the text names its country.
    (None, "Azerbaijani cadets study in Bulgaria. Azerbaijan and Bulgaria signed. Azerbaijan's rector came.",
     PageClues(dateline="Sofia, March 4 (BTA) -"), "BG"),
    (None, "Malaysia held its rate as US tariffs loom. The US and Malaysia talk. US demand fell.",
     PageClues(dateline="KUALA LUMPUR (Sept 4):"), "MY"),
])
def test_main_country_first(headline, body, clues, first, taxonomy):
    _, primary = extract_countries(headline, body, taxonomy, clues)
    assert primary[0] == first


def test_a_page_naming_no_country_is_its_outlets(taxonomy):
    assert extract_countries(None, "Manitoba teachers ratified their contract on Friday.", taxonomy,
                             PageClues(page="www.hrnews.ca")) == (["CA"], ["CA"])


@pytest.mark.parametrize("clues, country", [
    (PageClues(outlet="Philippine News Agency"), "PH"),
    (PageClues(outlet="China Daily"), "CN"),            # masked in the text, the outlet's country all the same
    (PageClues(page="Contact: desk@yle.fi\nwww.yle.fi/news"), "FI"),
    (PageClues(page="Read more at www.gov.uk."), "GB"),
    (PageClues(page="Watch on latam.tv and listen on radio.fm"), None),     # vanity addresses
    (PageClues(page="U.S. officials, e.g. Mr.Li, said so."), None),
])
def test_outlet_country(clues, country, taxonomy):
    assert outlet_country(clues, taxonomy) == country


@pytest.mark.parametrize("body, countries", [
    # A region names its country on a page that names none; a country's name inside a region's is the region's.
    ("A loaded grain truck fell into the river when the bridge collapsed near Atlantic, Iowa, on Monday.", ["US"]),
    ("The attorney general of New Mexico sued the supermarket chain over prices on Tuesday.", ["US"]),
    ("Nurses at the hospital in the Eastern Cape went on strike over unpaid overtime this week.", ["ZA"]),
    # Beside a country, a region adds nothing (its name may be a company's, a city's, a person's).
    ("Shares of the firm rose on Bursa Malaysia after its listing, Malaysia's exchange said.", ["MY"]),
    # A region's name inside a person's name is neither.
    ("Ararat Mirzoyan said the talks had gone well, the minister's office said.", []),
    ("The minister, Ahmet Hamdi Kara, said the talks had gone well.", []),
])
def test_a_region_names_its_country_only_where_no_country_is_named(body, countries, taxonomy):
    assert extract_countries(None, body, taxonomy)[0] == countries


@pytest.mark.parametrize("body, countries", [
    # Countries' names in the languages of the month table's pages, a person's name aside.
    ("El canciller de Azerbaiyán firmó el memorando con su par de la Argentina en la sede del ministerio.",
     {"AZ", "AR"}),
    ("La Curazao y Colombia acordaron bloquear los sitios de apuestas ilegales, informó la entidad.", {"CO", "CW"}),
    ("Mauricio Macri dijo que el acuerdo con Azerbaiyán era una buena noticia para Argentina.", {"AZ", "AR"}),
    # in their cases: Ukrainian, Serbian in Cyrillic, Croatian
    ("Делегація України прибула до Польщі на переговори.", {"UA", "PL"}),
    ("Председник Владе Србије примио је амбасадора.", {"RS"}),
    ("Predsjednik Hrvatske sastao se s izaslanstvom.", {"HR"}),
])
def test_countries_named_in_other_languages(body, countries, taxonomy):
    assert set(extract_countries(None, body, taxonomy)[0]) == countries


def test_addresses_read_with_whole_parts_are_those_of_the_plain_pattern():
    # _ADDRESS takes a host name's parts possessively; over every line of the corpus it finds what the
    # pattern that gives a part back a character at a time finds.
    import re

    from corpus_text import corpus_lines
    from generator.extract.countries import _ADDRESS

    plain = re.compile(_ADDRESS.pattern.replace("++", "+"))
    assert plain.pattern != _ADDRESS.pattern
    lines = sorted(corpus_lines()) + ["lhj@koreatimes.co.kr", "www.yle.fi/news", "Kun.uz.", "a-b.c-d.uk-x", "x.fi.com",
                                      "e.g. fi"]
    found = 0
    for line in lines:
        fast = [(m.span(), m.group(1)) for m in _ADDRESS.finditer(line)]
        assert fast == [(m.span(), m.group(1)) for m in plain.finditer(line)], line
        found += len(fast)
    assert found > 100


@pytest.mark.parametrize("text, code", [
    ("Делегация Национального университета обороны Китая прибыла в Минск.", "CN"),
    ("Землетрясение ощущалось на юге Казахстана и в Кыргызстане.", "KZ"),
    ("Министр обороны Беларуси встретил делегацию.", "BY"),
])
def test_a_country_in_a_russian_text_s_other_cases(text, code, taxonomy):
    found, _ = extract_countries(None, text, taxonomy)
    assert code in found


def test_a_country_s_regions_named_again_and_again_beside_another_country_lead(taxonomy):
    body = ("The county commission approved the lithium mine on Tuesday. Nevada regulators had issued the "
            "water permit in March, and the company expects to ship concentrate to China from 2027.\n\n"
            "Ranchers across Nevada spoke against the plan, and a hearing will be held in northern Nevada next "
            "month, the state's water engineer said.")
    found, primary = extract_countries(None, body, taxonomy)
    assert primary[0] == "US" and "CN" in found
    once = body.replace("Ranchers across Nevada", "Ranchers").replace("in northern Nevada", "in the north")
    assert extract_countries(None, once, taxonomy)[1] == ["CN"]     # a region named once is no match for a country


def test_a_country_s_name_that_the_text_gives_a_person_as_first_name_is_that_person(taxonomy):
    body = ("City council approved the transit fare rise on Wednesday, the third in three years, and riders "
            "say the buses are no better.\n\nJordan Whitford covers city hall for the paper. Read more about Jordan.")
    assert "JO" not in extract_countries(None, body, taxonomy)[0]
    country = "King Abdullah of Jordan met the delegation in Amman on Wednesday to discuss water and trade."
    assert "JO" in extract_countries(None, country, taxonomy)[0]


@pytest.mark.parametrize("body, found", [
    ("She told supporters in both French and English that she would fight for the hospital.", []),
    ("The paper publishes a Russian-language edition for readers in the region.", []),
    ("He answered the questions in Russian.", []),
    ("The jets entered Russian airspace on Monday, the ministry said.", ["RU"]),
    ("The French president met the delegation on Monday.", ["FR"]),
])
def test_a_demonym_that_names_a_language_names_no_country(body, found, taxonomy):
    assert extract_countries(None, body, taxonomy)[0] == found


@pytest.mark.parametrize("body, code", [
    ("El ministro y su homólogo marroquí acordaron este martes reforzar la cooperación migratoria.", "MA"),
    ("Le président sénégalais a reçu la délégation au palais, a indiqué la présidence.", "SN"),
    ("O ministro angolano anunciou a produção de petróleo de fevereiro em Luanda.", "AO"),
])
def test_a_country_s_adjective_in_another_language(body, code, taxonomy):
    assert code in extract_countries(None, body, taxonomy)[0]


def test_prose_lines_are_those_the_plain_patterns_find():
    # is_prose_line reads a stripped line's stop as its last character, and looks for a ticker's bars only
    # on a line that holds one.
    from corpus_text import corpus_lines
    from generator.extract.countries import _SENTENCE_END, _TICKER, is_prose_line

    def plainly(line: str) -> bool:
        line = line.strip()
        words = len(line.split())
        if words < 4 and line[-1:] in ("。", "！", "？"):
            words = len(line) // 2      # a Chinese or Japanese sentence: two letters a word
        if _TICKER.search(line) or words < 4:
            return False
        return bool(_SENTENCE_END.search(line)) or words >= 25

    lines = list(corpus_lines()) + ["", "İstanbul ve Ankara arasında görüşme.", "a b c d\n", "a b c d.\u00a0", "a | b c | d e",
                                    "ş ı ə ß »", "one two three four”", "one two three four) ", "x • y z • w.", "a b c d…"]
    assert sum(map(is_prose_line, lines)) > 1000
    for line in lines:
        assert is_prose_line(line) == plainly(line), line


def test_a_page_that_names_no_country_is_the_country_of_the_cities_it_names(taxonomy):
    body = ("Yorkshire Water was fined £1.2 million at Leeds Crown Court yesterday after sewage polluted a beck for "
            "three days.\n\nThe spill began at a treatment works near Bradford, the court heard.")
    assert extract_countries("Water company fined over sewage spill", body, taxonomy)[0] == ["GB"]
    # cities of two countries say nothing; a city's name before a capitalised word is a name's part
    assert city_country("Flights from Leeds to Pittsburgh were cancelled on Monday after the storm.") is None
    assert city_country("Leeds United beat the visitors in front of a crowd of forty thousand people.") is None
    # a country named outweighs every city
    assert extract_countries("Fine", "A court in Leeds fined the French company on Monday.", taxonomy)[0] == ["FR"]


def test_countries_named_in_chinese_japanese_and_korean(taxonomy):
    from generator.extract.countries import named_in_other_languages
    found = [m.value[1] for m in named_in_other_languages("國軍今天在台灣展開漢光演習，美國與日本關注。")]
    assert found == ["TW", "US", "JP"]
    assert [m.value[1] for m in named_in_other_languages("미국과 한국은 합동훈련을 실시했다")] == ["US", "KR"]


@pytest.mark.parametrize("text, code", [
    ("La Russie a annoncé de nouvelles livraisons.", "RU"),     # pycountry: "Russie, Fédération de"
    ("Rusya ile anlaşma imzalandı.", "RU"),
    ("El acuerdo con EE.UU. fue firmado.", "US"),
])
def test_the_short_names_pages_write_where_the_translations_give_a_long_one(text, code):
    from generator.extract.countries import named_in_other_languages
    assert code in [m.value[1] for m in named_in_other_languages(text)]
