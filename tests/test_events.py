import pytest

from generator.extract.events import extract_events


def _dates(text, article_date=None, precision=None):
    return [e["date"] for e in extract_events(text, article_date, precision)]


@pytest.mark.parametrize("text, article_date, expected", [
    # A full date as stated, with or without the article's date.
    ("The two ministers signed the agreement in Baku on 11 July 2024.", None, ["2024-07-11"]),
    ("The cutting cycle began in August 2023, when the rate stood at 13.75%.", "2024-03-20", ["2023-08"]),
    ("Georgia signed a contract with France in 2018 for missiles.", None, ["2018"]),
    # A day and month take the year nearest the article's date.
    ("On December 28, the sides met in Ankara.", "2024-01-02", ["2023-12-28"]),
    ("The runoff will be held on April 6.", "2024-03-24", ["2024-04-06"]),
    # A weekday: the nearest on or before the article's date, the next one when the clause looks ahead.
    ("Korcok won the first round of the election on Saturday.", "2024-03-24", ["2024-03-23"]),
    ("The congress is due to open its annual session on Tuesday.", "2024-03-04", ["2024-03-05"]),
    ("Caputo said on Monday that the duties will be cut.", "2025-01-28", ["2025-01-27"]),
    ("The ministry announced the new rules on Friday.", "2024-03-08", ["2024-03-08"]),
    # Today, yesterday, tomorrow count from the article's date.
    ("Rwanda today declared the end of the outbreak.", "2024-12-20", ["2024-12-20"]),
    ("The minister met the delegation yesterday.", "2024-12-20", ["2024-12-19"]),
    ("The delegation will visit the academy tomorrow.", "2022-11-15", ["2022-11-16"]),
    # A month alone: the nearest before, or the next when the clause looks ahead; "next year" counts too.
    ("Serbia revoked the licences in January after protests.", "2024-07-19", ["2024-01"]),
    ("The committee expects a further cut at its next meeting, in May.", "2024-03-20", ["2024-05"]),
    ("COP29 will be held in Baku in November next year.", "2023-12-12", ["2024-11"]),
    ("Last month the State Department announced visa restrictions.", "2025-06-27", ["2025-05"]),
    # ... beside a verb in the past that no table lists, but never beside a figure, whose period it is.
    ("In June, Cambodia asked the International Court of Justice to rule on four disputed areas.", "2025-10-27",
     ["2025-06"]),
    ("Exports reached a record 2.1 million tonnes in June, up from a year earlier, traders noted.", "2025-10-27", []),
    # "The same day" is the day of the event before it.
    ("The Council adopted the package on February 23. Washington announced sanctions on the same day.",
     "2024-02-24", ["2024-02-23", "2024-02-23"]),
])
def test_event_dates(text, article_date, expected):
    assert _dates(text, article_date, "day" if article_date else None) == expected


@pytest.mark.parametrize("text, article_date, precision, expected", [
    # Without the article's own full date nothing relative is resolved.
    ("On June 14, the minister met the delegation.", None, None, [None]),
    ("The ministers met on Tuesday in Dakar.", "2024-03", "month", [None]),
    # Limits and spans' ends are not when something happened.
    ("The lower rates will remain in force until June 30.", "2025-01-28", "day", []),
    ("Troops have stayed there since 2008, officials said.", "2024-03-12", "day", []),
    # A year that names something is not a date; a figure's month beside a day is its period.
    ("The 2022 decision to scrap the plan was annulled on July 11.", "2024-07-19", "day", ["2024-07-11"]),
    ("Figures published on Wednesday showed inflation fell to 2% in May from 2.3% in April.",
     "2024-06-20", "day", ["2024-06-19"]),
    # A month alone with no event word is a figure's period, not an event.
    ("U.S. crude output hit a record 13.3 million bpd in December.", "2024-03-04", "day", []),
    # Time words inside a quotation are the speaker's, not the article's.
    ('The two presidents signed the agreement, which Vucic called "a historic day for us today".', "2024-07-19",
     "day", [None]),
    # Only real events: a clause whose verb reports no occurrence is none, whatever nouns it holds.
    ("The expert noted that such visits enhance defence capabilities.", "2024-02-24", "day", []),
    ("Their partnership rests on two pillars, energy and defence, and on regular visits.", None, None, []),
    # Ceremonial steps are not events.
    ("On Monday the minister laid a wreath at the monument.", "2024-03-04", "day", []),
    # A date stamp or a headline left in the text is not an event.
    ("Thu 20 Jun 2024 12.02 BST", "2024-06-20", "day", []),
])
def test_what_is_not_dated(text, article_date, precision, expected):
    assert _dates(text, article_date, precision) == expected


def test_one_event_per_occurrence():
    text = ("Prince Khalid received General Munir in Riyadh on Friday. "
            "During the meeting on Friday, Prince Khalid and General Munir reviewed bilateral relations.")
    assert _dates(text, "2024-03-08", "day") == ["2024-03-08"]


@pytest.mark.parametrize("text, article_date, expected", [
    # A resolved time phrase, the attribution and a relative clause after the verb phrase go.
    ("On Thursday, the Indonesian Defense Ministry signed a contract with Naval Group for two submarines.",
     "2024-03-28", "The Indonesian Defense Ministry signed a contract with Naval Group for two submarines"),
    ("The ministry approved the plan on Monday, which ends years of delay, the agency said.", "2024-03-28",
     "The ministry approved the plan"),
    # A position beside a name goes (the person's page has it), and so does a dateline.
    ("Azerbaijan's Defense Minister, Colonel General Zakir Hasanov, on Thursday received a delegation of the "
     "Italian company Leonardo.", "2023-11-17",
     "Colonel General Zakir Hasanov received a delegation of the Italian company Leonardo"),
    ("BELGRADE - Serbian Minister of Defence Bratislav Gašić on Tuesday received a delegation of the Central "
     "Military Commission of China.", "2024-05-28",
     "Serbian Minister of Defence Bratislav Gašić received a delegation of the Central Military Commission of China"),
    # A long verb phrase is cut before a modifier (here the purpose clause), never inside a clause.
    ("The Ministry of Defense of Azerbaijan also announced an invitation to the Serbian Minister to visit the "
     "country in September to participate in the international defense exhibition ADEX.", "2024-06-20",
     "The Ministry of Defense of Azerbaijan announced an invitation to the Serbian Minister to visit the country"),
    # The clause that holds the time: a leading one with its own verb, a relative one, the other of two.
    ("When Hungarian Prime Minister Viktor Orbán hosted the informal summit in Budapest in May 2024, Aliyev was "
     "among the guests.", "2024-11-14", "Hungarian Prime Minister Viktor Orbán hosted the informal summit in Budapest"),
    ("Russia will respond to the package, which the EU adopted on Friday, the ministry said.", "2024-02-24",
     "The EU adopted the package"),
    # A clause whose verb reports no occurrence gives the occurrence's own phrase.
    ("The importance of such meetings was highlighted during the subsequent visit of the minister to China in "
     "late October 2023.", "2023-12-01", "The subsequent visit of the minister to China"),
])
def test_what_is_a_short_line(text, article_date, expected):
    assert extract_events(text, article_date, "day")[0]["what"] == expected


@pytest.mark.parametrize("text, expected", [
    ("Prabowo, who won the February 14 presidential election and will be inaugurated in October, witnessed the "
     "signing.", [("2024-02-14", "Prabowo won the February 14 presidential election"),
                  ("2024-10", "Prabowo will be inaugurated")]),
    ("Serbia received six MiG-29 fighter jets from Russia in 2017 and four from Belarus in 2019.",
     [("2017", "Serbia received six MiG-29 fighter jets from Russia"), ("2019", "Serbia received four from Belarus")]),
])
def test_each_occurrence_of_a_sentence_has_its_own_clause(text, expected):
    assert [(e["date"], e["what"]) for e in extract_events(text, "2024-03-28", "day")] == expected


def test_undated_day_is_kept_in_what():
    what = extract_events("On June 14, the minister met the delegation.")[0]["what"]
    assert "June 14" in what


def test_two_occurrences_in_one_sentence_get_their_own_lines():
    events = extract_events("The court ruled on July 11 that the plan was lawful, and on Tuesday the government "
                            "reinstated the plan.", "2024-07-19", "day")
    assert [(e["date"], e["what"]) for e in events] == [
        ("2024-07-11", "The court ruled that the plan was lawful"),
        ("2024-07-16", "The government reinstated the plan"),
    ]


def test_a_relative_clause_does_not_look_ahead():
    assert _dates("Russia will respond to the package, which the EU adopted on Friday.", "2024-02-24", "day") \
        == ["2024-02-23"]


PLAN = ("Azerbaijan and Uzbekistan sign military cooperation plan for 2025\n\n14 January 2025\n\n"
        "The plan of bilateral military cooperation between Azerbaijan and Uzbekistan for 2025 was signed in "
        "Tashkent on 14 January 2025. The plan for 2025 provides for more than 40 joint events. The plan of "
        "military cooperation for 2025 was signed in 2025 by the deputy ministers of defence of the two countries.\n")


def test_a_plan_for_a_year_is_one_event_dated_by_its_signing():
    """'for 2025' names the plan, and the signing retold 'in 2025' is the signing of 14 January."""
    events = extract_events(PLAN.split("\n\n", 2)[2], "2025-01-14", "day")
    assert [e["date"] for e in events] == ["2025-01-14"]


def test_an_event_dated_by_its_plan_year_shows_once_on_the_timeline(project):
    from generator.generate import generate

    (project / "sources" / "plan.txt").write_text(PLAN, encoding="utf-8")
    generate(project, today="2025-01-20")
    year = (project / "content" / "timeline" / "2025.md").read_text(encoding="utf-8")
    lines = [line for line in year.splitlines() if "military cooperation" in line and line.startswith("- ")]
    events = [line for line in lines if "Event:" in line]
    assert len(events) == 1, year
    assert "Month not stated" not in year
    assert events[0].startswith("- **14 January 2025** · Event: The plan of bilateral military cooperation")


@pytest.mark.parametrize("text, expected", [
    ("Nigeria received 10,000 doses on Tuesday. Nigeria received 10,000 doses in August.",
     ["2024-08-27"]),                      # one line on a day and on the month that holds it: one event
    ("The ministers met in Baku on Friday. The ministers met in Baku in 2023.", ["2024-08-23", "2023"]),
])
def test_one_event_per_occurrence_at_its_most_precise_date(text, expected):
    assert [e["date"] for e in extract_events(text, "2024-08-27", "day")] == expected


@pytest.fixture(scope="module")
def corpus_lines(taxonomy):
    from pathlib import Path

    from generator.extract.article import extract_article
    from generator.read import read_source

    root = Path(__file__).resolve().parent.parent
    files = sorted((root / "sources").glob("*.txt")) + sorted((root / "tests" / "corpus").glob("*.txt"))
    return [(f.name, e.what) for f in files for e in extract_article(read_source(f), taxonomy).events]


def test_no_event_line_is_cut_inside_a_phrase(corpus_lines):
    from generator.extract.clauses import lexicon

    dangling = lexicon().dangling
    for name, what in corpus_lines:
        last = what.split()[-1]
        assert last.lower() not in dangling or last[0].isupper(), (name, what)
        assert not what.endswith((",", ":", ";", "(", "-", "–")), (name, what)
        assert what.count("(") == what.count(")") and what.count('"') % 2 == 0, (name, what)
        assert "…" not in what, (name, what)


@pytest.mark.parametrize("text, sentences", [
    # a company's legal form and a degree before a name end no sentence
    ("Nammo AS and Polska Grupa Zbrojeniowa S.A. signed a letter of intent. It covers shells.",
     ("Nammo AS and Polska Grupa Zbrojeniowa S.A. signed a letter of intent.", "It covers shells.")),
    ("CFO Mag. Andreas Wurzer said so. B.V. Krishna Rao agreed.",
     ("CFO Mag. Andreas Wurzer said so.", "B.V. Krishna Rao agreed.")),
    ("The talks ended. The ministers left.", ("The talks ended.", "The ministers left.")),
])
def test_sentences_keep_legal_forms_and_degrees_whole(text, sentences):
    from generator.extract.sentences import split_sentences

    assert split_sentences(text) == sentences


def test_event_words_lookahead_only_skips_places_no_word_starts():
    """The event words' lookahead (a letter after the boundary) finds what the bare alternation does."""
    import re

    from corpus_text import corpus_sentences

    from generator.extract.events import _EVENT_WORDS

    lookahead = "(?=[a-z])"
    assert lookahead in _EVENT_WORDS.pattern
    plain = re.compile(_EVENT_WORDS.pattern.replace(lookahead, "", 1))
    for sentence in corpus_sentences() + ("took place", "a 2nd phone call", "_met", "met_"):
        lowered = sentence.lower()
        assert [m.span() for m in _EVENT_WORDS.finditer(lowered)] == [m.span() for m in plain.finditer(lowered)]


def test_kept_words_are_those_outside_every_dropped_span():
    """_kept_words, with its loop over the dropped spans, keeps the words the plain rule does: those
    that start inside no dropped span (a dropped top-level comma moved onto the word kept before it)."""
    from corpus_text import corpus_sentences

    from generator.dates import find_dates
    from generator.extract import clauses
    from generator.extract.events import _dropped_spans, _kept_words, _whens

    def plain(sentence, resolved):
        dropped = _dropped_spans(sentence, resolved)
        kept = []
        for word in clauses.tokenize(sentence):
            if any(a <= word.start < b for a, b in dropped):
                if clauses.top_comma(word) and kept and not clauses.top_comma(kept[-1]):
                    kept[-1] = clauses.with_text(kept[-1], kept[-1].text + ",")
                continue
            kept.append(word)
        return kept

    import datetime as dt
    dropping = 0
    for sentence in corpus_sentences():
        resolved = _whens(sentence, find_dates(sentence), dt.date(2025, 3, 12), None)
        kept = _kept_words(sentence, resolved, 0, len(sentence))
        assert kept == plain(sentence, resolved)
        dropping += len(kept) < len(clauses.tokenize(sentence))
    assert dropping > 500       # the corpus does drop datelines, attributions and times


def test_ceremonial_phrases_hold_the_words_that_let_them_be_tried():
    """_may_be_ceremonial (words each ceremonial phrase holds) lets every sentence through that
    _CEREMONIAL matches, over the corpus's sentences and a few made for each phrase."""
    from corpus_text import corpus_sentences

    from generator.extract.events import _CEREMONIAL, _may_be_ceremonial

    made = ("laid wreaths", "laid a wreath", "laid flowers", "guard of honor", "book of honour", "honored the memory",
            "honoured the memory", "paid tribute")
    for sentence in corpus_sentences() + made:
        lowered = sentence.lower()
        assert _may_be_ceremonial(lowered) or not _CEREMONIAL.search(lowered), sentence
    assert all(_CEREMONIAL.search(text) for text in made)


def test_event_words_found_by_the_automaton_are_those_the_pattern_finds():
    """A sentence holds an event word when _EVENT_GAZETTEER.holds says so exactly where _EVENT_WORDS
    (the terms between word boundaries) finds one, over the corpus's sentences."""
    from corpus_text import corpus_sentences

    from generator.extract.events import _EVENT_GAZETTEER, _EVENT_WORDS

    made = ("took place", "a phone  call", "telephone conversation_", "the drills", "exercise-led", "_met", "sold.",
            "metal", "executive", "2met", "methods met")
    held = 0
    for sentence in corpus_sentences() + made:
        lowered = sentence.lower()
        assert _EVENT_GAZETTEER.holds(lowered) == bool(_EVENT_WORDS.search(lowered)), sentence
        held += _EVENT_GAZETTEER.holds(lowered)
    assert held > 1000


# Texts for the fast paths' checks beyond the corpus: spaces of other kinds, line breaks at the end,
# letters that fold onto ASCII ones in a case-insensitive match ("İ", "ı", "ſ", "K") and others' letters.
_AWKWARD_ENDS = ("", " ", "\n", "a\n", "a \n", "a\n\n", "said\u00a0on", "met  \t later  ", "LATER ", "Later\n",
                 "earlİer ", "earlıer ", "lateſt ", "ear\u212alier ", "İlham Əliyev ", "ş ", "Straße later ",
                 "the talks, which ended earlier\u2003", "x\u2028late ", "(early) ", "mid-early ", "earlylate ")


def test_last_word_finds_what_the_pattern_finds():
    """_last_word, read from the text's end, gives the group and start _LAST_WORD.search gives."""
    from corpus_text import corpus_sentences

    from generator.extract.events import _LAST_WORD, _last_word

    def plain(text):
        found = _LAST_WORD.search(text)
        return (found.start(1), found.group(1)) if found else None

    texts = list(_AWKWARD_ENDS)
    for sentence in corpus_sentences()[:3000]:
        texts += [sentence, sentence.rstrip(), sentence[:len(sentence) // 2], sentence + "\n"]
    for text in texts:
        assert _last_word(text) == plain(text), repr(text)


def test_with_adverb_agrees_with_its_pattern():
    """_with_adverb finds the adverb before a time phrase where the one pattern over the text before does."""
    from corpus_text import corpus_sentences

    from generator.extract.events import _with_adverb, _with_adverb_plainly

    cases = [(text + "this month", len(text)) for text in _AWKWARD_ENDS]
    for sentence in corpus_sentences()[:3000]:
        cases += [(sentence, start) for start in range(0, len(sentence), 7)]
    for sentence, start in cases:
        assert _with_adverb(sentence, start) == _with_adverb_plainly(sentence, start), (sentence, start)


def test_a_long_report_keeps_a_dozen_dated_occurrences():
    # A chronology of twelve meetings on twelve days: each is an event on the timeline, none cut off.
    places = ["Baku", "Ankara", "Tbilisi", "Astana", "Tashkent", "Bishkek", "Dushanbe", "Ashgabat", "Yerevan",
              "Belgrade", "Sofia", "Bucharest"]
    verbs = ["met", "signed", "visited", "opened", "launched", "hosted", "ratified", "announced", "approved",
             "agreed", "inaugurated", "held"]
    body = " ".join(f"On March {day}, 2024, the delegation {verb} talks in {place}." for day, (verb, place)
                    in enumerate(zip(verbs, places), start=1))
    events = extract_events(body, "2024-03-31", "day")
    assert [event["date"] for event in events] == [f"2024-03-{day:02d}" for day in range(1, 13)]


# Articles dated Wednesday 5 November 2025: the times other languages state, anchored as in English.
@pytest.mark.parametrize("text, expected", [
    ("El ministro visitó Lima el lunes.", ["2025-11-03"]),
    ("La jueza declaró abierto el concurso este miércoles.", ["2025-11-05"]),
    ("Ayer se firmó el acuerdo entre ambos gobiernos.", ["2025-11-04"]),
    ("La planta de litio abrirá en septiembre.", ["2026-09"]),          # a future tense looks ahead
    ("El accidente en la mina ocurrió en julio.", ["2025-07"]),
    ("Os dois países assinaram o memorando na segunda-feira.", ["2025-11-03"]),
    ("Une nouvelle séance de négociation est prévue lundi prochain.", ["2025-11-10"]),
    ("Le ministre a reçu les syndicats hier au siège du ministère.", ["2025-11-04"]),
    ("Il Consiglio ha approvato il decreto ieri.", ["2025-11-04"]),
    ("Am Dienstag traf der Kanzler den Präsidenten.", ["2025-11-04"]),
    ("В сентябре стороны подписали договор о сотрудничестве.", ["2025-09"]),
    ("Вчора уряд ухвалив рішення про будівництво.", ["2025-11-04"]),
    ("W październiku rząd przyjął projekt ustawy.", ["2025-10"]),
    ("Bakan dün Ankara'da heyeti kabul etti.", ["2025-11-04"]),
    ("В 2023 году стороны подписали договор.", ["2023"]),
    ("Firmaron en 2024 un memorando de entendimiento.", ["2024"]),
    ("Compania speră să semneze contractul până în martie.", ["2026-03"]),      # "by March": ahead
    ("ANRE a aprobat în iulie planul de dezvoltare a rețelei.", ["2025-07"]),
])
def test_times_in_other_languages(text, expected):
    assert _dates(text, "2025-11-05", "day") == expected


@pytest.mark.parametrize("text", [
    "Plácido Domingo cantó en el Teatro Real.",                  # a name, not Sunday
    "El buque navegó en mar abierto durante días.",              # "mar" is the sea, not March
    "Carrasco recibió 2,1 millones de pasajeros en 2024.",       # the period a figure measures
    "La inflación se ubicó en 5,18 % en septiembre.",
    "Le Salon Expo 2024 a fermé ses portes.",                    # a year that names
])
def test_words_that_are_not_times_in_other_languages(text):
    assert _dates(text, "2025-11-05", "day") == []


def test_other_languages_times_wait_for_the_article_date():
    # Without the article's own full date, "el lunes" is stated but not resolved.
    assert _dates("El ministro visitó Lima el lunes.") == []


def test_an_article_without_the_tables_words_is_dated_as_when_they_are_looked_for():
    from generator.extract.event_times import foreign_times, holds_time_words
    english = "The ministers met in Baku on Monday and signed the plan in 2024."
    assert not holds_time_words(english)
    assert foreign_times(english, words=False) == foreign_times(english)
    assert holds_time_words("El ministro visitó Lima el lunes.")


def test_a_sentence_end_read_from_its_last_characters_is_the_pattern_s():
    import sys
    from corpus_text import corpus_sentences
    from generator.extract.events import _SENTENCE_END, _ends_as_a_sentence

    spaces = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    tricky = ["", " ", ".", "x.", "x.”", "x!)", "x”", "”", ".”  \n", "x?\u00a0", "İstanbul'da.", "Straße.ß", "ş ı ə?\"",
              "x.\n\n", "x. ”", ")"] + [f"Done.{space}" for space in spaces] + [f"Done.”{space}x" for space in spaces]
    for sentence in list(corpus_sentences()) + tricky:
        assert _ends_as_a_sentence(sentence) == bool(_SENTENCE_END.search(sentence)), repr(sentence)
