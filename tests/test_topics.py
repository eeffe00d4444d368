import pytest

from generator.extract.topics import extract_topics


@pytest.mark.parametrize("headline, body, expected", [
    # Case is folded, and a headline hit counts double.
    ("Tariffs lifted", "China lifted the tariffs on barley.", ["trade-economy"]),
    # A phrase is matched as listed: "strategic partnerships" in passing is no strategic partnership.
    (None, "The visits show a commitment to developing strategic partnerships.", []),
    # A common keyword counts only beside its topic's context words.
    (None, "The country bought the first doses of the vaccine. UNICEF supplied the rest.", []),
    # ... and beside it counts half: one passing purchase is no arms trade, two are (and an arms deal is
    # always military-technical cooperation).
    (None, "The army bought two air defence batteries.", []),
    (None, "The army bought two air defence batteries. They were delivered to the air force in May.",
     ["arms-trade", "military-technical-cooperation"]),
    # Everyday words of selling count beside the goods themselves, not beside rice.
    (None, "Azerbaijan agreed to buy fighter jets. The contract also covers missiles.",
     ["arms-trade", "military-technical-cooperation"]),
    (None, "The army signed a deal to buy rice from India.", []),
    (None, "The contract was the largest defence export deal in Pakistan's history.",
     ["arms-trade", "military-technical-cooperation"]),
    # An export of weapons is the arms trade, not trade and economy; an export of hazelnuts is.
    (None, "Turkey is a leading exporter of drones. Its defence exports rose. Exports of missiles doubled.",
     ["arms-trade", "military-technical-cooperation"]),
    (None, "Turkey is a leading exporter of hazelnuts. Its exports rose. Exports of steel doubled.",
     ["trade-economy"]),
    # Gas in transit through a pipeline is no transport corridor; ships in transit through a strait are.
    (None, "Gazprom signed a gas transit agreement with QazaqGaz. Kazakhstan is a transit bridge for gas flows.", []),
    (None, "Shell suspended all Red Sea transits. Lines will resume transits through the strait.",
     ["transport-corridors"]),
    # A manufacturer is the defence industry only in an article about arms (the context is the article's).
    (None, "Baykar is known for its drones. The manufacturer opened a production line in Corlu.",
     ["defence-industry", "military-technical-cooperation"]),
    (None, "The chip manufacturer opened a production line in Kumamoto.", []),
    # ... and so is an assembly line.
    (None, "The C-27J military aircraft are assembled in Turin. Hasanov visited the final assembly line.",
     ["defence-industry", "military-technical-cooperation"]),
    (None, "Toyota assembled two million cars in Turin. Workers visited the final assembly line.", []),
    # Technicians trained at a plant are no military education; servicemen trained abroad are.
    (None, "Twelve pilots and 30 engineers completed training at the Leonardo plant in Turin.", []),
    (None, "About 120 servicemen have completed training in China.", ["military-education"]),
    # A drone is technology where the article is not about arms.
    (None, "Zipline drones deliver blood to rural clinics. Its drones fly 100 km. The startup wrote its own "
           "software.", ["technology"]),
    (None, "The army's drones carry missiles. Its drones fly 100 km. The startup wrote its own software.", []),
    # A keyword that is the tail of a capitalised name is the name's ("Gavi, the Vaccine Alliance"); a
    # treaty named after the relation is the relation.
    (None, "The doses were financed by Gavi, the Vaccine Alliance, and UNICEF.", []),
    (None, "The Democratic Alliance of Korea took 14 seats.", []),
    (None, "The two presidents signed the Treaty on Allied Relations in Tashkent.", ["strategic-partnership"]),
    # A visit's words count beside its actor of rank (the topic's `requires`): doses "received" and a
    # meeting of officials are no high-level visit though a minister is named further on.
    (None, "Nigeria received 10,000 vaccine doses. They arrived in Abuja and were received by officials. "
           "The board held a meeting on Friday. The week before, aid workers met in Lagos. "
           "Health Minister Ali Pate thanked the donors.", []),
    (None, "President Ilham Aliyev received Defence Minister Yasar Guler, on an official visit to Baku.",
     ["high-level-visit"]),
    # ... and ranks count in their plurals.
    (None, "The defence ministers of Azerbaijan and Georgia met in Gabala for a trilateral meeting.", ["high-level-visit"]),
    # A formula in one sentence is a courtesy; the same words in two sentences are a subject.
    (None, "The ministers reaffirmed support for each other's sovereignty and territorial integrity.", []),
    (None, "The drone violated Finland's territorial integrity. Helsinki called it an attack on its sovereignty.",
     ["territorial-integrity"]),
    # A peace being made or a conflict being calmed is the region's stability, in other words than "stability".
    (None, "The two states initialled a peace agreement. The ceasefire along the border has held since March.",
     ["regional-stability"]),
    (None, "Hostilities resumed in the north. Both sides accused each other of escalation.", ["regional-stability"]),
    # An alliance by name (a party's, a vaccine body's, a military bloc's) is no strategic partnership; ports
    # named in passing are no transport corridor.
    (None, "The Democratic Alliance won the vote. The alliance now leads the council.", []),
    (None, "Cargo piled up at the ports after the strike. The ports reopened on Friday.", []),
    # Organised crime, trafficking and kidnapping for ransom are the security topic's too.
    (None, "Police broke up a drug trafficking ring. Organised crime groups had moved the cocaine by sea.",
     ["security-and-counterterrorism"]),
    # min_mentions still holds: one energy word is a passing word.
    (None, "Oil rose on Monday.", []),
    (None, "Oil output rose. Crude prices fell. The refinery closed. OPEC met.", ["energy"]),
])
def test_topics(headline, body, expected, taxonomy):
    assert extract_topics(headline, body, taxonomy) == expected


def test_a_keyword_serves_every_topic_that_lists_it(taxonomy):
    # "talks" is a keyword of high-level visits; the same word listed under a second topic counts there too.
    from generator.extract.topics import _keyword_gazetteer
    from generator.taxonomy import Term

    terms = (Term(slug="a", label="A", aliases=("talks",)), Term(slug="b", label="B", aliases=("talks",)))
    assert [m.value for m in _keyword_gazetteer(terms).find("the talks")] == [("a", "b")]


@pytest.mark.parametrize("text", ["", "İlham Əliyev's ŞƏHƏR talks", "ıtalks ış", "Straße talks", "tariffs, TALKS"])
def test_the_gazetteer_found_by_identity_is_the_one_found_by_content(text):
    # extract_topics finds its gazetteer by the terms' identity (_keyword_gazetteer_of), not by hashing them.
    from generator.extract.topics import _keyword_gazetteer, _keyword_gazetteer_of
    from generator.taxonomy import Term

    def terms(alias):
        return (Term(slug="a", label="A", aliases=(alias, "şəhər", "straße")), Term(slug="b", label="B", aliases=("tariff",)))

    first, equal, other = terms("talks"), terms("talks"), terms("ıtalks")
    assert _keyword_gazetteer_of(first) is _keyword_gazetteer(first)
    assert _keyword_gazetteer_of(first) is _keyword_gazetteer_of(first)
    assert _keyword_gazetteer_of(equal).find(text) == _keyword_gazetteer(first).find(text)
    assert _keyword_gazetteer_of(other).find(text) == _keyword_gazetteer(other).find(text)


@pytest.mark.parametrize("alias, text, found", [
    ("tariff", "new tariffs", True),          # a single word matches in its plural
    ("tax", "new taxes", True),
    ("strategic partnership", "strategic partnerships", False),      # a phrase only as listed
    ("tariff", "tariffsx", False),
])
def test_plurals(alias, text, found):
    from generator.extract.topics import _keyword_gazetteer
    from generator.taxonomy import Term

    assert bool(_keyword_gazetteer((Term(slug="a", label="A", aliases=(alias,)),)).find(text)) is found


@pytest.mark.parametrize("body, expected", [
    # Russian, in its cases: "визита" and "встретился" beside "Министр" are a visit's words.
    ("Министр обороны Азербайджана встретился с министром обороны Китая в ходе официального визита. "
     "Стороны обсудили военно-техническое сотрудничество.",
     ["high-level-visit", "military-technical-cooperation"]),
    # Spanish: a contract beside frigates is half an arms deal, an arms sale a whole one.
    ("La Armada firmó un contrato para comprar dos fragatas. La venta de armas fue aprobada por el Congreso.",
     ["arms-trade", "military-technical-cooperation"]),
    # Turkish and Azerbaijani, with their suffixes.
    ("Türkiye savunma sanayii alanında büyüyor. Azerbaycan da savunma sanayisinin gelişimine önem veriyor.",
     ["defence-industry", "military-technical-cooperation"]),
    ("Prezident İlham Əliyev rəsmi səfərlə Bakıda olan Serbiya Prezidentini qəbul edib.", ["high-level-visit"]),
    # Serbian in both scripts.
    ("Ministar odbrane je posetio Baku. Tokom posete ministar je razgovarao o vojno-tehničkoj saradnji.",
     ["high-level-visit", "military-technical-cooperation"]),
    ("Србија и Азербејџан развијају стратешко партнерство.", ["strategic-partnership"]),
    # French and Portuguese.
    ("Les cadets de l'académie militaire de Saint-Cyr ont défilé.", ["military-education"]),
    ("A integridade territorial do país foi violada. O governo defende a soberania nacional.",
     ["territorial-integrity"]),
    # Bare common words are no topic: security and cooperation in general, a minister's passing visit, and
    # the fair ("feira") inside Portuguese weekdays.
    ("La seguridad y la cooperación son importantes. El ministro habló de la visita.", []),
    ("A reunião de sexta-feira foi adiada. Na segunda-feira e na quarta-feira houve greve.", []),
    # German compounds, Polish cases, Indonesian phrases.
    ("Die Rüstungsexporte stiegen. Die Waffenlieferungen an die Ukraine gingen weiter.",
     ["arms-trade", "military-technical-cooperation"]),
    ("Umowa handlowa z Mercosurem budzi sprzeciw. Eksport żywności wzrósł, a cła spadły. Bilans handlowy poprawił się.",
     ["trade-economy"]),
    ("Kementerian Pertahanan menggelar latihan militer gabungan dengan TNI. Latihan gabungan itu berlangsung sepekan.",
     ["joint-exercises"]),
    # The other languages' words that English writes too are not theirs: English prose stays as it was.
    ("Bus transport in the city resumed after the school holidays; a drone filmed the social event.", []),
])
def test_topics_in_other_languages(body, expected, taxonomy):
    assert extract_topics(None, body, taxonomy) == expected
