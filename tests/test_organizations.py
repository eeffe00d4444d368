import pytest

from generator.extract.organizations import extract_organizations


@pytest.mark.parametrize("body, home, expected", [
    ("The Ministry of Defense said the talks went well.", "AZ", ["Ministry of Defense of Azerbaijan"]),
    ("Azerbaijan's Defense Ministry said so.", None, ["Ministry of Defense of Azerbaijan"]),
    # The canonical form keeps the text's spelling of the field; an abbreviation takes the article's.
    ("The Serbian Ministry of Defence confirmed it.", "AZ", ["Ministry of Defence of Serbia"]),
    ("The Turkish National Defence Ministry said so.", None, ["Ministry of National Defence of Türkiye"]),
    ("Pakistan's MoD said the defence pact was signed.", None, ["Ministry of Defence of Pakistan"]),
    ("Pakistan's MoD said the defense pact was signed.", None, ["Ministry of Defense of Pakistan"]),
    ("Both support the UN and the SCO.", None, ["United Nations", "Shanghai Cooperation Organization"]),
    ("The Chinese Academy of Space Technology and Azercosmos signed a deal.", None,
     ["Chinese Academy of Space Technology", "Azercosmos"]),
    ("The Chief of the General Staff of the Azerbaijani Army arrived.", "AZ",
     ["General Staff of the Azerbaijani Army", "Azerbaijani Army"]),
    ("Special Forces took part in the Anatolian Eagle Exercise, APA reported.", None, []),
    ("The Turkish MFA welcomed the talks.", "AZ", ["Ministry of Foreign Affairs of Türkiye"]),
    ("The Italian company Leonardo and the operator Türksat signed.", None, ["Leonardo", "Türksat"]),
    ("Members of the Collective Security Treaty Organization met.", None, ["Collective Security Treaty Organization"]),
    ("The Ministry of Defense of the Russian Federation said so.", None, ["Ministry of Defense of Russia"]),
    ("Turkish Air Force Commander Gen. Ziya Kadıoğlu spoke.", None, ["Turkish Air Force"]),
    ("Türkiye's Defense Industry Agency and Pakistan's Ministry of Defence Production signed.", None,
     ["Defense Industry Agency", "Ministry of Defence Production of Pakistan"]),
    ("The Turkish National Defense Ministry said so.", None, ["Ministry of National Defense of Türkiye"]),
    ("Deals with HBIS Group and Zijin Mining followed.", None, ["HBIS Group", "Zijin Mining"]),
    # Two bodies' names joined by "and", the second a whole name of its own; a place before "and" is no
    # body's; a name that holds its "and" stays whole; a possessive ends a name at the phrase's end too.
    ("Ahead were the Belarusian State University of Informatics and Radioelectronics and Yanka Kupala State "
     "University of Grodno.", None, ["Belarusian State University of Informatics and Radioelectronics",
                                     "Yanka Kupala State University of Grodno"]),
    ("The rate was 49.5 pounds at the National Bank of Egypt and Banque Misr on Wednesday.", None,
     ["National Bank of Egypt", "Banque Misr"]),
    ("The Securities and Exchange Commission and the Institute for Peace and Security Studies met.", None,
     ["Securities and Exchange Commission", "Institute for Peace and Security Studies"]),
    ("After that, Virgin Australia's services to Brisbane resumed.", None, ["Virgin Australia"]),
    # A name defined by its acronym keeps its "and"; later uses of the acronym are that body.
    ("The National Economic and Development Authority (NEDA) approved it. NEDA met again.", None,
     ["National Economic and Development Authority"]),
    ("The Nigerian Independent System Operator (NISO) said so.", None, ["Nigerian Independent System Operator"]),
    # A possessive ends a name ("People's" does not).
    ("The Treasury's Office of Foreign Assets Control said so.", None, ["Office of Foreign Assets Control"]),
    ("The US Department of Agriculture's Animal and Plant Health Inspection Service (APHIS) said so.", None,
     ["US Department of Agriculture", "Animal and Plant Health Inspection Service"]),
    ("The State Council of the People's Republic of China met.", None, ["State Council of the People's Republic of China"]),
    # A company is written as the text first names it, legal form and all; it is found by what introduces it.
    ("It bought the sites from Hitachi Ltd last year; Hitachi said so.", None, ["Hitachi Ltd"]),
    ("The Danish company Bavarian Nordic makes it.", None, ["Bavarian Nordic"]),
    # Generic national bodies take their country.
    ("The Central Bank cut its rate.", "BR", ["Central Bank of Brazil"]),
    ("Serbia's Constitutional Court ruled.", None, ["Constitutional Court of Serbia"]),
    # A group's member company is named as the text names it.
    ("Hyundai Steel and Airbus Defence and Space signed; Hyundai itself did not.", None,
     ["Hyundai Steel", "Airbus Defence and Space", "Hyundai"]),
    # A title and a name after a body's "of …" end it; a lone word after "and" belongs to it; a state's
    # department keeps its state and takes no country.
    ("Central Bank of Kenya Governor Kamau Thugge said so.", None, ["Central Bank of Kenya"]),
    ("The International Defence Exhibition and Conference opened.", None,
     ["International Defence Exhibition and Conference"]),
    ("The Pennsylvania Department of Banking and Securities closed it.", "US",
     ["Pennsylvania Department of Banking and Securities"]),
    ("The Federal Ministry of Health said so.", "NG", ["Ministry of Health of Nigeria"]),
    # A news agency cited is an outlet, no organisation; "the Commerce Department" is the country's.
    ("The Jordan News Agency reported that the Ministry of Interior agreed.", "JO", ["Ministry of Interior of Jordan"]),
    ("The Commerce Department added 140 firms.", "US", ["Department of Commerce of the United States"]),
    # "<Place>-based" says where a body is, it is no part of its name.
    ("The Philippines-based Asian Terminal Corporation will run it.", None, ["Asian Terminal Corporation"]),
    # Industry words name a company's body ("Ganfeng Lithium", "Transnet Port Terminals").
    ("Ganfeng Lithium and Transnet Port Terminals signed.", None, ["Ganfeng Lithium", "Transnet Port Terminals"]),
    # Known international bodies and companies by name alone.
    ("OPEC and Glencore both said so, as did the WHO.", None, ["OPEC", "Glencore", "World Health Organization"]),
    # Not organisations: a board, a title before a name, a name across lines, the page's outlet.
    ("Chairman of the Board of Baykar spoke.", None, ["Baykar"]),
    ("Former Supreme Court chief spoke.", "SK", ["Supreme Court of Slovakia"]),
    ("0 Comments\n\nBrazil's Supreme Federal Court ruled.", None, ["Supreme Federal Court"]),
    ("The Daily Lantern Media Group owns it.", None, ["Daily Lantern Media Group"]),
    # "the National Assembly" is written as the text names it, with no country.
    ("The law passed the National Assembly on Friday.", "KR", ["National Assembly"]),
    # A legal form belongs to a company's name, and makes a phrase one without a head word; not a
    # person's initials, nor the publisher on a copyright line.
    ("Kenanga Investment Bank Bhd economist Ana Rahman said so; UniCredit Bank SA and Alpha Bank Romania SA merged.",
     None, ["Kenanga Investment Bank Bhd", "UniCredit Bank SA", "Alpha Bank Romania SA"]),
    ("About Kalvara Copper Corp.\nKalvara Copper Corp. and Tamboro Resources Limited will combine.", None,
     ["Kalvara Copper Corp.", "Tamboro Resources Limited"]),
    ("The deal between Nammo AS and Polska Grupa Zbrojeniowa S.A. was signed.", None,
     ["Nammo AS", "Polska Grupa Zbrojeniowa S.A."]),
    ("General S.A. Munir said so.\nCopyright © 2025 Bennett, Coleman & Co. Ltd. All rights reserved.", None, []),
    # A military unit keeps its number; an exhibition's edition is no part of its name.
    ("The Serbian Army's 72nd Brigade for Special Operations and the 9th Army Corps took part.", None,
     ["Serbian Army", "72nd Brigade for Special Operations", "9th Army Corps"]),
    ("It opened the 5th Azerbaijan International Defence Exhibition.", None, ["Azerbaijan International Defence Exhibition"]),
    # A ministry's fields listed with commas are one name.
    ("Japan's Ministry of Economy, Trade and Industry said so.", None, ["Ministry of Economy, Trade and Industry of Japan"]),
    # A known name that capitalised words go on from to a head word or a legal form begins another
    # body's name; one that a longer name holds is that name's.
    ("The PLA Navy ship and the PLA National Defense University; TikTok Technology Limited appealed.", None,
     ["PLA Navy", "PLA National Defense University", "TikTok Technology Limited"]),
    ("NATO Secretary General Mark Rutte spoke.", None, ["NATO"]),
    # A body's name goes on through "on" and its subject, not a date or a country.
    ("The Cabinet Committee on Security cleared it; the International Coordinating Group on Vaccine Provision "
     "approved it.", None, ["Cabinet Committee on Security", "International Coordinating Group on Vaccine Provision"]),
    ("The Joint Committee on Monday spoke of the Defence Council on Ukraine.", None, ["Joint Committee", "Defence Council"]),
    # The last of a comma list is a name of its own, not joined to the one before; a committee's
    # comma-listed fields are one name.
    ("He met the heads of Kestrel, Telstra, Optus and TPG Telecom on Monday.", None,
     ["Kestrel", "Telstra", "Optus", "TPG Telecom"]),
    ("The National Assembly's Land, Infrastructure and Transport Committee will meet.", None,
     ["National Assembly", "Land, Infrastructure and Transport Committee"]),
    # A force, plural centres, a trust and a club are bodies by their head words; the bare word is not.
    ("The Papua New Guinea Defence Force and the Centers for Disease Control and Prevention said so; the "
     "Defence Force declined.", None, ["Papua New Guinea Defence Force", "Centers for Disease Control and Prevention"]),
    ("The HALO Trust cleared mines near the Royal Malta Yacht Club.", None, ["HALO Trust", "Royal Malta Yacht Club"]),
])
def test_organizations(body, home, expected, taxonomy):
    assert extract_organizations(body, taxonomy, home) == expected


@pytest.mark.parametrize("body, outlet, expected", [
    ("Copyright 2024 Business Standard Private Ltd. The Reserve Bank of India said so.", "Business Standard",
     ["Reserve Bank of India"]),
    ("The Daily Lantern Media Group owns it.", "Daily Lantern Media Group", []),
])
def test_the_pages_own_outlet_is_no_organisation(body, outlet, expected, taxonomy):
    assert extract_organizations(body, taxonomy, None, outlet) == expected


@pytest.mark.parametrize("body, people, expected", [
    # An appositive naming the kind of body; a possessive country before the name is not part of it.
    ("Sales by Debswana, the joint venture between the state and a miner, fell.", (), ["Debswana"]),
    ("Tankers owned by Sovcomflot, Russia's largest shipping group, were named.", (), ["Sovcomflot"]),
    ("The Umbrella for Democratic Change (UDC), a coalition of parties, won.", (), ["Umbrella for Democratic Change"]),
    # ... but not a person's description, nor a word that only starts a sentence.
    ("Ana Lima, a company spokeswoman, said so.", ("Ana Lima",), []),
    ("Separately, the company said it would pay.", (), []),
    # An officer's title after the name; "the <name> party"; where figures come from.
    ("Iberdrola chairman Ignacio Galán said so.", ("Ignacio Galán",), ["Iberdrola"]),
    ("Buying jets lets the ruling Georgian Dream party show partners it is loyal.", (), ["Georgian Dream"]),
    ("Imports rose, according to ship-tracking data from Kpler.", (), ["Kpler"]),
    ("Gas goes to the network operated by Uztransgaz.", (), ["Uztransgaz"]),
    # A name listed beside a body found is one too; two names joined by "and" vouch only forwards.
    ("The owners, Iberdrola chairman Ana Ruiz said, are Iberdrola, Endesa and Naturgy.", ("Ana Ruiz",),
     ["Iberdrola", "Endesa", "Naturgy"]),
    ("The Justice and Development Party won.", (), ["Justice and Development Party"]),
    ("A deal between SOCAR and Hungary's MVM followed.", (), ["SOCAR", "MVM"]),
    ("Voters backed the New Reform Party of Lee Jun-seok.", ("Lee Jun-seok",), ["New Reform Party"]),
    # What only a company has, after its name's possessive or before "of" and its name; a verb opening a
    # list item is no part of the name, and a short form of a body found is that body.
    ("Half of ASML's China sales went to them.", (), ["ASML"]),
    ("Missiles damaged facilities of Ukrgasvydobuvannya in two regions.", (), ["Ukrgasvydobuvannya"]),
    ("The miner Kalvara Copper agreed the deal.\n- Combines Kalvara's mine with a project of Tamboro's shareholders.",
     (), ["Kalvara Copper", "Tamboro"]),
    # Where a person works is a body, even when the name was taken for a person's.
    ("\"It stays,\" said Dieter Haas, a tanker analyst at Nordlicht Shipbroking.", ("Dieter Haas", "Nordlicht Shipbroking"),
     ["Nordlicht Shipbroking"]),
    # A body's name ends where a person's begins.
    ("He was with the State Secretary at the Ministry of Defence Nenad Nerić.", ("Nenad Nerić",),
     ["Ministry of Defence"]),
    ("The Department of Defense Policy and Major General Song signed.", ("Song Yanchao",), ["Department of Defense Policy"]),
    ("Chamber of Mines of Zimbabwe CE Tafadzwa Moyo said so.", (), ["Chamber of Mines of Zimbabwe"]),
    # Words that open a list of bodies vouch for all its names.
    ("Tools made by US firms such as Applied Materials, Lam Research and KLA are covered.", (),
     ["Applied Materials", "Lam Research", "KLA"]),
    ("Shares of JBS, Minerva and Marfrig rose.", (), ["JBS", "Minerva", "Marfrig"]),
    # An acronym the text describes as a kind of body, after a few words of description; not a thing
    # described in a sentence ("the FDA posts the company's notice").
    ("Inflation rose, according to the INDEC national statistics bureau.", (), ["INDEC"]),
    ("GPIAAF, the rail accident investigation office, has opened an inquiry.", (), ["GPIAAF"]),
    ("They will exhibit at the KADEX exhibition in Astana.", (), ["KADEX"]),
    ("It will also serve the ANKA fleet already in service.", (), []),
    # A country's possessive, then a name shaped as no ordinary word is; not a place named with its noun,
    # nor a measure's or a good's acronym.
    ("Eight companies, including Norway's DNO and Gulf Keystone Petroleum, have sued.", (),
     ["DNO", "Gulf Keystone Petroleum"]),
    ("Germany's Hapag-Lloyd paused its transits.", (), ["Hapag-Lloyd"]),
    ("It was part of Denmark's AP Moller-Maersk group.", (), ["AP Moller-Maersk"]),
    ("Kuwait's Al-Udairi training area and Zambia's North-Western Province were named.", (), []),
    ("Russia's GDP grew while Japan's LNG imports fell.", (), []),
    # Regions, demonyms, compound adjectives and titles are no bodies.
    ("The candidates of the Eastern European group met.", (), []),
    ("Ships were attacked by the Iran-backed movement, the navy said.", (), []),
])
def test_bodies_named_by_what_surrounds_them(body, people, expected, taxonomy):
    assert extract_organizations(body, taxonomy, None, None, people) == expected


@pytest.mark.parametrize("body, home, expected", [
    # Ministries no table knows take their country, with "the" where English puts it; a department only the
    # country the text writes beside it (LABELLING.md's canonical form is a ministry's), the page's own not.
    ("The Department of Agriculture (DA) will monitor prices.", "PH", ["Department of Agriculture"]),
    ("Ireland's Department of Finance said it respected the ruling.", None, ["Department of Finance of Ireland"]),
    ("The Ministry for the Ecological Transition said so.", "ES", ["Ministry for the Ecological Transition of Spain"]),
    # A ministry is written in the canonical form LABELLING.md gives ("Ministry of <field> of <country>"),
    # its field spelt as the text spells it.
    ("Indonesia's Ministry of Defence signed.", None, ["Ministry of Defence of Indonesia"]),
    ("Indonesia's Defense Ministry signed.", None, ["Ministry of Defense of Indonesia"]),
    ("The US Treasury imposed sanctions.", None, ["Department of the Treasury of the United States"]),
    # A ministry named in lower case is one all the same, its country found as a capitalised one's is.
    ("Drones will be assembled there, the defence ministry said on Friday.", "ID", ["Ministry of Defence of Indonesia"]),
    ("Flows are due to restart, Iraq's oil ministry said.", "TR", ["Ministry of Oil of Iraq"]),
])
def test_national_departments(body, home, expected, taxonomy):
    assert extract_organizations(body, taxonomy, home) == expected


@pytest.mark.parametrize("body, officials, expected", [
    # A state's defence ministry is its ministry of national defence where the text names it so too.
    ("Türkiye's National Defence Ministry has said so. Türkiye's defence ministry says more.", (),
     ["Ministry of National Defence of Türkiye"]),
    ("Talks were held, the Turkish Defense Ministry said.", (("National Defense Minister", "TR"),),
     ["Ministry of National Defense of Türkiye"]),
    ("Talks were held, the Turkish Defense Ministry said.", (("Serbian Defense Minister", "RS"),),
     ["Ministry of Defense of Türkiye"]),
])
def test_a_ministry_of_national_defence(body, officials, expected, taxonomy):
    assert extract_organizations(body, taxonomy, None, officials=officials) == expected


@pytest.mark.parametrize("body, home, officials, expected", [
    # A ministry named without its country is the one of the minister of that field the text names.
    ("Uzbekistan's Minister of Energy, Jurabek Mirzamakhmudov, signed. The Ministry of Energy said so.", "RU",
     (("Minister of Energy", "UZ"),), ["Ministry of Energy of Uzbekistan"]),
    ("The Minister of Defense of Azerbaijan met the guests, the Ministry of Defense said.", "SA",
     (("Minister of Defense of the Republic of Azerbaijan", "AZ"),), ["Ministry of Defense of Azerbaijan"]),
    # ... unless ministers of two states hold that field, or the text gives the ministry's country.
    ("The Foreign Ministry said so.", "IL", (("Foreign Minister", "IL"), ("Azerbaijani Foreign Minister", "AZ")),
     ["Ministry of Foreign Affairs of Israel"]),
    ("Seoul's Defense Ministry said so.", "EG", (("Egyptian Defense Minister", "EG"),),
     ["Ministry of Defense of South Korea"]),
])
def test_a_ministry_takes_its_ministers_country(body, home, officials, expected, taxonomy):
    assert extract_organizations(body, taxonomy, home, officials=officials) == expected


@pytest.mark.parametrize("body, expected", [
    # A name given its acronym is a body even without a head word; the acronym's later uses are that body.
    ("Great British Nuclear (GBN) has today completed the purchase. GBN will now assess both sites.",
     ["Great British Nuclear"]),
    ("The commander met them, the Inter-Services Public Relations (ISPR) said.", ["Inter-Services Public Relations"]),
    # An acronym the list writes bare is the body the text spells out, written so (a homonym too).
    ("It goes to the United Nations High Commissioner for Refugees (UNHCR).",
     ["United Nations High Commissioner for Refugees"]),
    ("The State Oil Company of the Azerbaijan Republic (SOCAR) won the tender; SOCAR left in 2018.",
     ["State Oil Company of the Azerbaijan Republic"]),
    ("A director at the Thai Sugar Millers Corporation (TSMC) said TSMC expects more cane.",
     ["Thai Sugar Millers Corporation"]),
    # An acronym the list writes out is still the list's name.
    ("The International Monetary Fund (IMF) said so. The IMF agreed.", ["International Monetary Fund"]),
    # ... but not a thing's name: an agreement, a weapon, a project.
    ("They signed the Comprehensive Economic Partnership Agreement (CEPA) in 2022.", []),
    ("Gas from the Greater Tortue Ahmeyim (GTA) project flows.", []),
    ("It buys the Naval Strike Missile (NSM) system.", []),
    # The place after "in" is part of the name the acronym spells, and an acronym in it gives all its letters.
    ("They served in the UN Interim Force in Lebanon (UNIFIL); UNIFIL said so.", ["UN Interim Force in Lebanon"]),
    ("They served in the United Nations Interim Force in Lebanon (UNIFIL).",
     ["United Nations Interim Force in Lebanon"]),
    # An officer's title spelled out before letters is no body, whichever way its letters are read.
    ("He met the Minister de Energia (MDE) on Monday.", []),
])
def test_a_name_given_its_acronym(body, expected, taxonomy):
    assert extract_organizations(body, taxonomy, None) == expected


def test_a_name_shown_to_be_a_body_is_no_person(taxonomy):
    from generator.extract.article import extract_article
    from generator.model import RawDocument

    text = ("Rates held at five per cent\n\nThe central bank kept its main rate at five per cent on Thursday, "
            "the seventh meeting in a row, said Ruth Gregory. Economists at Capital Economics said they "
            "expected two cuts before the end of the year.")
    article = extract_article(RawDocument("sources/x.txt", text, "0"), taxonomy)
    assert "Capital Economics" in article.organizations
    assert [p.name for p in article.people] == ["Ruth Gregory"]


def test_the_lexicon_passed_is_the_one_used(taxonomy):
    import dataclasses

    from generator.extract.article import extract_article
    from generator.gazetteer import Gazetteer
    from generator.lexicon import load_lexicon
    from generator.model import RawDocument

    shipped = load_lexicon()
    aliases = Gazetteer([("Zorblax", "Zorblax Holdings")])
    lexicon = dataclasses.replace(shipped, organizations=dataclasses.replace(shipped.organizations, aliases=aliases))
    text = "Zorblax wins order\n\nZorblax won an order for forty trucks from the city on Tuesday, the city said."
    document = RawDocument("sources/x.txt", text, "0")
    assert "Zorblax Holdings" in extract_article(document, taxonomy, lexicon).organizations
    assert "Zorblax Holdings" not in extract_article(document, taxonomy).organizations


@pytest.mark.parametrize("body, expected", [
    # A known acronym that only qualifies another body or a meeting names no body of its own ...
    ("Around 620,000 refugees are registered with the UN refugee agency, UNHCR, in Jordan.", ["UNHCR"]),
    ("Delegates met on the first day of a UN climate conference.", []),
    ("Simon Stiell, Executive Secretary of UN Climate Change, said so.", []),
    # ... but it does where the text names it on its own, or names its officer.
    ("The UN refugee agency helps; the UN said aid fell.", ["United Nations"]),
    ("UN Secretary-General António Guterres spoke.", ["United Nations"]),
    # ... or names it in full, though the list knows only its acronym.
    ("The facility is with the International Monetary Fund.\n\nAn IMF staff team is due next month.",
     ["International Monetary Fund"]),
])
def test_an_acronym_that_qualifies_another_body(body, expected, taxonomy):
    assert extract_organizations(body, taxonomy, None) == expected



@pytest.mark.parametrize("body, expected", [
    # An embassy, a mission or a local office is one place's: its name goes on through "in" and the place,
    # not a date nor a person; an officer's office is a body's name.
    ("The Russian Embassy in Helsinki said so.", ["Russian Embassy in Helsinki"]),
    ("The District Mining Office in Rybnik said so.", ["District Mining Office in Rybnik"]),
    ("The Higher Public Prosecutor's Office in Novi Sad suspects fraud.", ["Higher Public Prosecutor's Office in Novi Sad"]),
    ("The British Embassy in March said so.", ["British Embassy"]),
    ("The Qatari Academy in Doha trains them.", ["Qatari Academy"]),
])
def test_a_body_that_is_one_places(body, expected, taxonomy):
    assert extract_organizations(body, taxonomy, None) == expected


@pytest.mark.parametrize("body, expected", [
    # Names in other languages, kept as written: their small words, a head word before its modifiers,
    # an article that is no part of the name, their "y" joining two bodies.
    ("The Banco Central de la República Argentina raised reserve requirements.",
     ["Banco Central de la República Argentina"]),
    ("Units of the Policía Nacional del Perú and of the Armada Boliviana will patrol.",
     ["Policía Nacional del Perú", "Armada Boliviana"]),
    ("Ferromex is a subsidiary of Grupo Bimbo.", ["Grupo Bimbo"]),
    ("Units of the Argentine Air Force and of the Chilean Army took part.", ["Argentine Air Force", "Chilean Army"]),
    ("It is run with the Mutuelle Agricole Marocaine d'Assurances.", ["Mutuelle Agricole Marocaine d'Assurances"]),
    ("La Policía Federal informó.", ["Policía Federal"]),
    ("El Senado de la República y la Cámara de Representantes aprobaron.",
     ["Senado de la República", "Cámara de Representantes"]),
    ("Grupo Bimbo - Mexico City said so.", ["Grupo Bimbo"]),
    # A comma list of fields; an acronym spelt by the small words too; a name capitalised only at its start.
    ("It needs approval by Peru's Superintendencia de Banca, Seguros y AFP (SBS).",
     ["Superintendencia de Banca, Seguros y AFP"]),
    ("Its shares trade on Bolsas y Mercados Argentinos (BYMA).", ["Bolsas y Mercados Argentinos"]),
    ("Workers at the Société de transport de Montréal (STM) went on strike.", ["Société de transport de Montréal"]),
    ("The Tribunal administratif du travail (TAT) ruled.", ["Tribunal administratif du travail"]),
    ("Gross domestic product (GDP) rose.", []),
    # The small words of Portuguese, Italian, German and Dutch names.
    ("A Federação Nacional dos Professores e a Confederação Nacional das Associações de Pais reagiram.",
     ["Federação Nacional dos Professores", "Confederação Nacional das Associações de Pais"]),
    ("Die Flächen hat das Bundesamt für Seeschifffahrt und Hydrographie untersucht.",
     ["Bundesamt für Seeschifffahrt und Hydrographie"]),
    ("Lo ha detto la Banca d'Italia e il Ministero della Difesa ha confermato.",
     ["Banca d'Italia", "Ministero della Difesa"]),
    # A sentence's article is no part of the name.
    ("Das Bundesministerium für Wirtschaft und Energie teilte mit.", ["Bundesministerium für Wirtschaft und Energie"]),
    # A rank named after its service: the officer follows, not the service's name.
    ("Il a été reçu par le Général d'Armée Sadio Camara.", []),
    ("Explicó el jefe, general del Ejército David Ojeda Parra.", []),
    ("Dijo Arturo Quiroz, gerente general de la Asociación de Productores de Palta.",
     ["Asociación de Productores de Palta"]),
    # A release's "About <company>" heading is the company.
    ("About Kestrel Mining Company\nKestrel Mining Company digs copper.", ["Kestrel Mining Company"]),
])
def test_names_in_other_languages(body, expected, taxonomy):
    assert extract_organizations(body, taxonomy, None) == expected


@pytest.mark.parametrize("body, expected", [
    # A company's organs are the company's; an officer's title or its shares before "of" are no part of it.
    ("The Management Board of Saryarka Bank approved it.", ["Saryarka Bank"]),
    ("said Kwame Mensah, Commercial Manager of Yara Ghana Limited.", ["Yara Ghana Limited"]),
    ("Shares of Dar Al Sahel Logistics Co rose.", ["Dar Al Sahel Logistics Co"]),
    ("The Executive Board of the National Bank of Serbia met.",
     ["Executive Board of the National Bank of Serbia", "National Bank of Serbia"]),
])
def test_an_officers_title_or_a_companys_organ_is_no_body(body, expected, taxonomy):
    assert extract_organizations(body, taxonomy, None) == expected


@pytest.mark.parametrize("body, home, expected", [
    # A council of ministers is a country's; a ministry "in" a capital is that country's.
    ("The Council of Ministers met in extraordinary session.", "MZ", ["Council of Ministers of Mozambique"]),
    ("Serbian Defence Minister Gašić and Hungarian Minister of Defence Szalay-Bobrovniczky signed the plan at "
     "the Ministry of Defence in Belgrade.", "HU", ["Ministry of Defence of Serbia"]),
])
def test_a_countrys_body_named_without_its_country(body, home, expected, taxonomy):
    assert extract_organizations(body, taxonomy, home) == expected


@pytest.mark.parametrize("body, expected", [
    # A word or two and then a country's name is how national companies and agencies are named ...
    ("Flights were grounded after a strike by Air Canada flight attendants.", ["Air Canada"]),
    ("The drug was recalled; Health Canada has asked the maker to investigate.", ["Health Canada"]),
    # ... not a region, an era, a demonym, a sentence's first words nor a headline's.
    ("Rain fell across South Australia and Mainland China, said two Israeli officials.", []),
    ("Air Canada Strike Grounds Flights Across The Country\nPassengers waited.", []),
    ("Karabakh Armenians left the region.", []),
])
def test_a_body_named_after_its_country(body, expected, taxonomy):
    assert extract_organizations(body, taxonomy, None) == expected


@pytest.mark.parametrize("body, expected", [
    # In a comma list "and" joins the list's last name, not a member company's last word; a legal form ends
    # a company's name as a head word does.
    ("Alstom, Siemens Mobility and Talgo have bid.", ["Alstom", "Siemens Mobility", "Talgo"]),
    ("The fine on Velaria SpA and Velaria Holding NV was cut.", ["Velaria SpA", "Velaria Holding NV"]),
])
def test_two_companies_joined_by_and(body, expected, taxonomy):
    assert extract_organizations(body, taxonomy, None) == expected


@pytest.mark.parametrize("body, expected", [
    # "and" joins two bodies only where each is one before its own "of", and not after a field's "for".
    ("The Institute for Peace and Security Studies of Addis Ababa University said so.",
     ["Institute for Peace and Security Studies of Addis Ababa University", "Addis Ababa University"]),
    ("The Japan Organization for Metals and Energy Security will fund it.",
     ["Japan Organization for Metals and Energy Security"]),
    ("The Ministry of Defence and Ministry of Interior met.", ["Ministry of Defence", "Ministry of Interior"]),
    ("The Securities and Exchange Commission said so.", ["Securities and Exchange Commission"]),
    # A head word alone before "and" shares the next name's head: one body.
    ("Officers train at the Command and Staff College in Amman.", ["Command and Staff College"]),
    ("The Government and Air France-KLM agreed.", ["Air France-KLM"]),
    # A known body's acronym inside a law's name only qualifies it.
    ("It breached the General Data Protection Regulation (Regulation (EU) 2016/679).", []),
])
def test_where_and_joins_two_bodies(body, expected, taxonomy):
    assert extract_organizations(body, taxonomy, None) == expected


@pytest.mark.parametrize("body, expected", [
    # A phrase ending on an instrument's, a law's or a plan's word names a thing; its head words are modifiers.
    ("It is the second review of the Extended Fund Facility.", []),
    ("Both ratified the Status of Visiting Forces Agreement.", []),
    ("It filed under the Securities Exchange Act of 1934.", []),
    ("The Monetary Policy Committee cut the rate.", ["Monetary Policy Committee"]),
])
def test_a_things_name_is_no_body(body, expected, taxonomy):
    assert extract_organizations(body, taxonomy, None) == expected


@pytest.mark.parametrize("body, expected", [
    # Headquarters one meets at are a place; the body they house is named if it is.
    ("He called on the Chief of the Naval Staff at Naval Headquarters on Sunday.", []),
    ("He called on the commander at the Western Naval Command Headquarters.", ["Western Naval Command"]),
    ("The Central Disaster and Safety Countermeasures Headquarters raised the alert.",
     ["Central Disaster and Safety Countermeasures Headquarters"]),
])
def test_headquarters_one_meets_at(body, expected, taxonomy):
    assert extract_organizations(body, taxonomy, None) == expected


@pytest.mark.parametrize("body, expected", [
    # An issuer's press or media desk is no body the article is about.
    ("Source: Press Service of the Mazhilis.", []),
    ("For more information contact the Media Relations Office, 343-203-7700.", []),
    ("Communications Department of the Supreme Court, phone 640 5555.", ["Supreme Court"]),
    ("The Australian Communications and Media Authority fined Optus.", ["Australian Communications and Media Authority", "Optus"]),
])
def test_a_press_office_is_no_body(body, expected, taxonomy):
    assert extract_organizations(body, taxonomy, None) == expected


def test_a_parliaments_chamber_is_a_body(taxonomy):
    body = "The bill passed the House of Representatives and goes to the House of Councillors next week."
    assert extract_organizations(body, taxonomy, "JP") == ["House of Representatives", "House of Councillors"]


@pytest.mark.parametrize("body, expected", [
    # A common noun and a head word after "and" end one body's name, not begin another's.
    ("Cadets of the Chirchik Higher Tank Command and Engineering School came.",
     ["Chirchik Higher Tank Command and Engineering School"]),
    ("The National Assembly's Public Administration and Security Committee met.",
     ["National Assembly", "Public Administration and Security Committee"]),
    ("HBIS Group and Zijin Mining signed.", ["HBIS Group", "Zijin Mining"]),
])
def test_a_common_noun_and_a_head_word_after_and(body, expected, taxonomy):
    assert extract_organizations(body, taxonomy, None) == expected


@pytest.mark.parametrize("body, expected", [
    # A word built on an energy company's ending is a body, not a place the text puts "off" or "in", nor a
    # surname after a first name.
    ("Gas flows via Bulgartransgaz and Romania's Transgaz.", ["Bulgartransgaz", "Transgaz"]),
    ("Ships gathered off Burgas; the port of Burgas was shut.", []),
    ("It patrols near the islands of Miangas and Marore.", []),
    ("Photo: Juan Vargas", []),
])
def test_a_word_built_on_a_companys_ending(body, expected, taxonomy):
    assert extract_organizations(body, taxonomy, None) == expected


@pytest.mark.parametrize("body, expected", [
    # What closes a list ("and all other licensees") vouches for its names; countries and days stay none.
    ("We invite Vodacom, MTN, Cell C, Telkom, Rain and all other licensees to comment.",
     ["Vodacom", "MTN", "Cell C", "Telkom", "Rain"]),
    ("France, Germany and other countries agreed on Monday, Tuesday and other days.", []),
])
def test_a_list_closed_by_its_kind(body, expected, taxonomy):
    assert extract_organizations(body, taxonomy, None) == expected


def test_context_patterns_written_capital_first_match_their_lookbehind_first_form():
    """The context patterns that open on a name's capital (or on "the") are written with the character
    before it checked after it; they match where the form that checks it first does."""
    import re

    from corpus_text import corpus_bodies

    from generator.extract.organizations import _NAME_OPENING, _UPPER, load_organization_lexicon

    def lookbehind_first(pattern: str) -> str:
        if pattern.startswith("the(?<!\\wthe)"):
            return "\\bthe" + pattern[len("the(?<!\\wthe)"):]
        if pattern.startswith("(?P<name>" + _NAME_OPENING):
            return "(?<![\\w'’.&-])(?P<name>[" + _UPPER + "]" + pattern[len("(?P<name>" + _NAME_OPENING):]
        return pattern

    patterns = load_organization_lexicon().context_patterns
    plain = [re.compile(lookbehind_first(p.pattern)) for p in patterns]
    assert sum(p.pattern != q.pattern for p, q in zip(patterns, plain)) == 4
    texts = corpus_bodies() + ("xSinopec, the state-owned company", "-Uber's shares", "Athe Hlas party",
                               "Sinopec, the company", "the Hlas party", "(Shell's shares)")
    for fast, slow in zip(patterns, plain):
        for text in texts:
            assert [m.span("name") for m in fast.finditer(text)] == [m.span("name") for m in slow.finditer(text)]


def test_patterns_opened_by_a_lookahead_of_first_letters_match_as_without_it():
    """The introducers' and the source phrases' patterns open on a lookahead of their words' first
    letters (any case, and any letter beyond ASCII): over the corpus they match exactly where the plain
    patterns do, and the lookahead is left out where a word opens on a mark."""
    import re

    from corpus_text import corpus_bodies

    from generator.extract.organizations import _opening_letters, load_organization_lexicon

    lex = load_organization_lexicon()
    found = 0
    for pattern in (lex.introducer_re, lex.context_patterns[3]):
        lookahead = re.search(r"\(\?=\[[A-Za-z]+\\x80-\\U0010ffff\]\)", pattern.pattern).group()
        plain = re.compile(pattern.pattern.replace(lookahead, "", 1))
        for body in corpus_bodies() + ("Data from Kpler", "ſtrategists at Nomura", "the miner Rio Tinto"):
            fast = [(m.span(), m.group("name")) for m in pattern.finditer(body)]
            assert fast == [(m.span(), m.group("name")) for m in plain.finditer(body)]
            found += len(fast)
    assert found > 100
    assert _opening_letters(["(?:a|b)c", "d"]) == "" and _opening_letters(["s?hip"]) == ""
    assert _opening_letters(["data from", "Analysts at"]) == r"(?=[ADadx80-\U0010ffff])".replace("x80", r"\x80")


def test_the_head_word_asked_of_a_set_is_the_one_the_pattern_finds():
    """has_head_word, a set of one-word heads against the phrase's runs of word characters and a pattern
    for the rest, says what head_re says of every capitalised phrase of the corpus."""
    from corpus_text import corpus_bodies

    from generator.extract.organizations import _capitalised_phrases, has_head_word, load_organization_lexicon

    lex = load_organization_lexicon()
    assert lex.one_word_heads and lex.other_heads_re is not None
    phrases = [p for body in corpus_bodies() for _, _, p in _capitalised_phrases(body)]
    phrases += ["Ministry's Armed Forces", "Armed Forcesx", "xMinistry", "Prosecutor's Office", "Red Cross-", "Bankers"]
    headed = 0
    for phrase in phrases:
        assert has_head_word(phrase, lex) == bool(lex.head_re.search(phrase)), phrase
        headed += has_head_word(phrase, lex)
    assert headed > 1000


def test_capitalised_phrases_written_capital_first_are_those_of_the_lookbehind_first_form():
    """_PHRASE opens on a capital and checks the character before it after it; it finds the runs the
    form that checks that character first finds."""
    import re

    from corpus_text import corpus_bodies

    from generator.extract.organizations import _NAME_OPENING, _PHRASE, _UPPER

    assert _PHRASE.pattern.startswith(_NAME_OPENING)
    plain = re.compile("(?<![\\w'’.&-])[" + _UPPER + "]" + _PHRASE.pattern[len(_NAME_OPENING):])
    for text in corpus_bodies() + ("xBank of England", "-Bank", "O'Brien's Bank", "a.B C", "'Ministry"):
        assert [m.span() for m in _PHRASE.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_names_taken_whole_before_a_space_or_a_comma_match_as_the_plain_words_do():
    """The patterns that take a capitalised word whole where a space, a comma or a bracket follows it
    (_CAPITALISED_WHOLE) find, over the corpus's bodies and a few made to end words on marks, the
    matches and groups the same patterns with the plain word (_CAPITALISED) find."""
    import re

    from corpus_text import corpus_bodies

    from generator.extract import organizations as o

    whole, plain = "(?>[\\w'’.&-]*)(?<=\\w)", "(?:[\\w'’.&-]*\\w)?"
    assert o._CAPITALISED_WHOLE.endswith(whole) and o._CAPITALISED.endswith(plain)
    patterns = [p for p in (*o.load_organization_lexicon().context_patterns, o._LIST, o._CLOSED_LIST)
                if whole in p.pattern]
    assert len(patterns) == 5
    texts = corpus_bodies() + ("Iberdrola Corp., the utility", "Foo Inc. and Bar", "A., B. and C.", "X-, Y and Z",
                               "Vodacom, MTN., Cell C and all other licensees", "Lam Research's. and KLA",
                               "the Hlas. party", "Shell Plc. chairman Tom Smith", "Umbrella for Democratic Change (UDC), a coalition")
    found = 0
    for fast in patterns:
        slow = re.compile(fast.pattern.replace(whole, plain))
        for text in texts:
            matches = [(m.span(), m.groupdict()) for m in fast.finditer(text)]
            assert matches == [(m.span(), m.groupdict()) for m in slow.finditer(text)], (fast.pattern[:60], text[:80])
            found += len(matches)
    assert found > 300


@pytest.mark.parametrize("name, home, canonical", [
    # A state whose English name takes "the" keeps it, whether the text gave the state or the article did.
    ("Ministry of Defence of the Czech Republic", "AZ", "Ministry of Defence of the Czech Republic"),
    ("Ministry of Industry and Trade", "CZ", "Ministry of Industry and Trade of the Czech Republic"),
    ("Ministry of Defence", "AZ", "Ministry of Defence of Azerbaijan"),
])
def test_a_ministry_s_state_is_written_as_english_writes_it(name, home, canonical, taxonomy):
    from generator.extract.organizations import canonical_organization
    assert canonical_organization(name, taxonomy, home) == canonical


def test_the_context_words_a_text_holds_are_those_each_word_s_search_finds():
    """_named_by_context tries a context pattern on a text that holds one of its words, as one pass of
    context_words_held finds them."""
    from corpus_text import corpus_bodies

    from generator.extract.organizations import load_organization_lexicon

    lex = load_organization_lexicon()
    for body in corpus_bodies():
        lowered = body.lower()
        held = lex.context_words_held.held(lowered)
        assert [not held.isdisjoint(w) for w in lex.context_words] == [any(x in lowered for x in w) for w in lex.context_words]


def test_the_ministry_patterns_are_tried_only_where_what_they_match_stands():
    """A ministry's abbreviation and a ministry named in lower case are looked for only in a text holding an
    abbreviation or " ministry": each match holds one (the abbreviations are plain letters, the fields hold
    no " ministry" of their own), so the texts skipped hold no match."""
    from corpus_text import corpus_bodies

    from generator.extract.organizations import load_organization_lexicon

    lex = load_organization_lexicon()
    assert all(a.isalpha() for a in lex.ministry_abbreviations)
    assert lex.lower_ministry_re.pattern.endswith(") ministry\\b")
    for body in corpus_bodies() + ("the MoD said", "Iraq's oil ministry", "the defence ministry's"):
        for match in lex.abbreviation_re.finditer(body):
            assert any(a in match.group() for a in lex.ministry_abbreviations)
        for match in lex.lower_ministry_re.finditer(body):
            assert " ministry" in match.group()


def test_patterns_written_from_their_first_character_match_as_their_lookbehind_first_forms():
    """The sentence-case acronym pattern opens on its " (" and the company endings' on the name's capital,
    each checking what stands before it afterwards; they find what the forms that check it first find."""
    import re

    from corpus_text import corpus_bodies

    from generator.extract.organizations import _SENTENCE_CASE_ACRONYM, load_organization_lexicon

    acronym = re.compile(r"(?<=[a-zà-ÿ]) \((?P<abbr>[A-Z]{2,6})\)")
    endings = load_organization_lexicon().company_ending_re
    plain_endings = re.compile("(?<![\\w'’-])[A-Z]" + endings.pattern[len("[A-Z](?<![\\w'’-].)"):])
    assert endings.pattern.startswith("[A-Z](?<![\\w'’-].)")
    texts = corpus_bodies() + ("Société de transport de Montréal (STM)", "x (AB)", "ROSATOM (AB)", "-Rosatom",
                               "Srbijagas and Bulgartransgaz", "xGazprom")
    for text in texts:
        assert [(m.span(), m.group("abbr")) for m in _SENTENCE_CASE_ACRONYM.finditer(text)] == \
            [(m.span(), m.group("abbr")) for m in acronym.finditer(text)]
        assert [m.span() for m in endings.finditer(text)] == [m.span() for m in plain_endings.finditer(text)]


def test_introducers_tried_where_their_words_stand_match_as_the_pattern_s_own_search():
    """The introducers' pattern is tried only where one of its words starts (found in one pass): its words
    are plain (letters, spaces, hyphens), so every match starts at one, and over the corpus the matches are
    those of finditer."""
    import re

    from corpus_text import corpus_bodies

    from generator import resources
    from generator.extract.organizations import _matches_at, load_organization_lexicon

    lex = load_organization_lexicon()
    assert all(re.fullmatch(r"[A-Za-z -]+", word) for word in resources.load_data("organizations.yml")["introducers"])
    found = 0
    for body in corpus_bodies() + ("the miner Rio Tinto and the company Leonardo", "companyLeonardo", "xcompany Leonardo"):
        fast = [(m.span(), m.groupdict()) for m in _matches_at(lex.introducer_re, body, lex.introducers.starts(body))]
        assert fast == [(m.span(), m.groupdict()) for m in lex.introducer_re.finditer(body)]
        found += len(fast)
    assert found > 50


def test_the_context_patterns_tried_on_their_anchors_lines_find_what_they_find_in_the_whole_text():
    """_named_by_context tries each context pattern only on the lines that hold one of its anchors: the
    matches are those of the pattern over the whole text (none crosses a line, each holds an anchor), on
    the corpus and on texts with tabs, doubled spaces, line breaks and letters a caseless match folds."""
    from corpus_text import corpus_bodies

    from generator.extract.organizations import _lines_of_signals, _matches_on_lines, load_organization_lexicon

    lex = load_organization_lexicon()
    made = ("Kalvara, the\tjoint  venture,\nsaid", "Rosneft chief  executive Igor Sechin\nsaid", "ANALYſTS AT Kpler said",
            "economiſts at\tCapital Economics", "fİgures from Rystad", "Strategısts at Sandgate\n\nBank", "the Hlas\tparty",
            "the INDEC\nbureau", "GPIAAF, the rail accident investigation office", "ASML's China  sales", "board of\tBaykar",
            "İlham Əliyev's şirkət, Straße AG, the ﬁrm's group", "Data from Kpler\r\nshowed", "the  KADEX exhibition\n",
            "Debswana,\na joint venture", "Iberdrola\nchairman Ignacio Sánchez Galán", "\nSOCAR's\nprofits\n")
    for body in corpus_bodies() + made:
        for pattern, lines in zip(lex.context_patterns, _lines_of_signals(body, lex)):
            fast = [(m.span(), m.groupdict()) for m in _matches_on_lines(pattern, body, lines)]
            assert fast == [(m.span(), m.groupdict()) for m in pattern.finditer(body)], (pattern.pattern[:60], body[:80])


def test_substrings_where_finds_every_place_a_string_stands():
    from generator.gazetteer import Substrings

    strings = Substrings(["an", "ban", "nan", "ı", "straße"])
    text = "banana İı Straße straße"
    assert sorted(strings.where(text)) == sorted((at, s) for s in ["an", "ban", "nan", "ı", "straße"]
                                                 for at in range(len(text)) if text.startswith(s, at))


@pytest.mark.parametrize("body, expected", [
    ("Two patients have been admitted to Rarotonga Hospital and are in a stable condition.", ["Rarotonga Hospital"]),
    ("Aurora Public Schools closed all 60 of its schools on Wednesday.", ["Aurora Public Schools"]),
    ("The Elko County School District said buses would run as normal.", ["Elko County School District"]),
    ("Fredericia Municipality approved the plan for the plant.", ["Fredericia Municipality"]),
    ("Pakistan Railways suspended two trains after the floods.", ["Pakistan Railways"]),
    # An airport is as often where something happens, a venue, which is no organisation.
    ("The delegation landed at Gatwick Airport on Monday.", []),
])
def test_hospitals_schools_towns_and_railways(body, expected, taxonomy):
    assert extract_organizations(body, taxonomy, None) == expected


def test_an_acronym_written_as_a_word_is_the_body_it_names(taxonomy):
    body = "The aircraft will join Nato's nuclear mission, and Unicef said the schools would reopen."
    assert set(extract_organizations(body, taxonomy, None)) == {"NATO", "UNICEF"}


@pytest.mark.parametrize("body, expected", [
    ("Observers from the OSCE Office for Democratic Institutions and Human Rights said the vote was orderly.",
     ["OSCE Office for Democratic Institutions and Human Rights"]),
    ("The OPEC Fund for International Development lent $100 million.", ["OPEC Fund for International Development"]),
    ("The PLA National Defense University of China hosted them.", ["PLA National Defense University"]),
])
def test_a_body_a_known_name_begins_keeps_its_field_after_for(body, expected, taxonomy):
    assert extract_organizations(body, taxonomy, None) == expected


@pytest.mark.parametrize("body, expected", [
    # A plural's possessive is inside a name; a state's ends one as any possessive does.
    ("The Kurdistan Workers' Party was listed.", ["Kurdistan Workers' Party"]),
    ("The Solvent Extractors' Association of India asked for it.", ["Solvent Extractors' Association of India"]),
    ("The Armed Forces of the Philippines' Eastern Mindanao Command said so.",
     ["Armed Forces of the Philippines", "Eastern Mindanao Command"]),
    # "First" is a post's word only before a post.
    ("First Republic Bank was seized in May 2023.", ["First Republic Bank"]),
    ("The First Deputy Minister of Defence spoke.", []),
])
def test_where_a_name_begins_and_ends(body, expected, taxonomy):
    assert extract_organizations(body, taxonomy, None) == expected


@pytest.mark.parametrize("body, expected", [
    # A body whose name holds no head word is known by name, written as the text writes it.
    ("Safaricom said some of its base stations were running on batteries.", ["Safaricom"]),
    ("Frontex and Europol will send officers to the border.", ["Frontex", "Europol"]),
    ("A.P. Moller-Maersk said this week that it welcomed the reduction.", ["A.P. Moller-Maersk"]),
    # A social network's name on the share buttons is none; a news outlet is never an organisation.
    ("Share on Facebook\nShare on WhatsApp\nThe council met on Monday.", []),
    ("Reuters reported that the council met on Monday.", []),
])
def test_bodies_known_by_name(body, expected, taxonomy):
    assert extract_organizations(body, taxonomy, None) == expected


@pytest.mark.parametrize("body, expected", [
    # The list writes "Organization"; a text that spells the word with an s has its own spelling, for the
    # acronym as for the full name, and the other way round.
    ("Both are members of the SCO. The Shanghai Cooperation Organisation meets in June; an organisation "
     "of eight states.", ["Shanghai Cooperation Organisation"]),
    ("They agreed to coordinate within the Organization of Islamic Cooperation, an organization of 57 states.",
     ["Organization of Islamic Cooperation"]),
    ("Both support the SCO.", ["Shanghai Cooperation Organization"]),
])
def test_an_organisation_is_spelled_as_the_text_spells_the_word(body, expected, taxonomy):
    assert extract_organizations(body, taxonomy, None) == expected


@pytest.mark.parametrize("body, home, expected", [
    # Named in the page's language: the canonical English form, the page's own state's when it speaks it.
    ("El Ministerio de Hacienda y Crédito Público presentó el proyecto de presupuesto.", "CO",
     "Ministry of Finance and Public Credit of Colombia"),
    ("O Ministério da Saúde confirmou três casos de sarampo.", "BR", "Ministry of Health of Brazil"),
    ("Le ministère de l'Économie a publié ses prévisions.", "FR", None),     # lower case: no name here
    ("Ministerstwo Obrony Narodowej podpisało umowę z firmą Kongsberg.", None,
     "Ministry of National Defense of Poland"),       # the only state that writes Polish
    # A state it names itself wins over the page's.
    ("El Ministerio de Relaciones Exteriores de Chile emitió un comunicado.", "AR",
     "Ministry of Foreign Affairs of Chile"),
    # ... named in the page's language too, and that state is not one that writes it.
    ("O embaixador falou pelo Ministério dos Negócios Estrangeiros da Indonésia.", "TL",
     "Ministry of Foreign Affairs of Indonesia"),
    # A page about Morocco in Spanish: a Spanish-named ministry is not Morocco's, and with no Spanish-speaking
    # state to give it, it stays as written.
    ("Marruecos registra un brote de sarampión. El Ministerio de Sanidad pidió vacunarse.", "MA",
     "Ministerio de Sanidad"),
])
def test_a_ministry_named_in_another_language(body, home, expected, taxonomy):
    found = extract_organizations(body, taxonomy, home)
    ministries = [o for o in found if o.startswith(("Ministry", "Minist"))]
    assert ministries == ([expected] if expected else [])
