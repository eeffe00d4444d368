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
    ('"Today is a historic day," Vucic said after the talks.', "2024-07-19", "day", [None]),
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


@pytest.mark.parametrize("text, expected", [
    ("On Thursday, the Indonesian Defense Ministry signed a contract with Naval Group for two submarines.",
     "The Indonesian Defense Ministry signed a contract with Naval Group for two submarines"),
    ("The ministry approved the plan on Monday, which ends years of delay, the agency said.",
     "The ministry approved the plan on Monday"),
])
def test_what_is_a_short_line(text, expected):
    assert extract_events(text, "2024-03-28", "day")[0]["what"] == expected


def test_undated_day_is_kept_in_what():
    what = extract_events("On June 14, the minister met the delegation.")[0]["what"]
    assert "June 14" in what


def test_two_occurrences_in_one_sentence_get_their_own_lines():
    events = extract_events("The court ruled on July 11 that the plan was lawful, and on Tuesday the government "
                            "reinstated the plan.", "2024-07-19", "day")
    assert [(e["date"], e["what"]) for e in events] == [
        ("2024-07-11", "The court ruled on July 11 that the plan was lawful"),
        ("2024-07-16", "On Tuesday the government reinstated the plan"),
    ]


def test_a_relative_clause_does_not_look_ahead():
    assert _dates("Russia will respond to the package, which the EU adopted on Friday.", "2024-02-24", "day") \
        == ["2024-02-23"]


@pytest.mark.parametrize("cut, line", [
    ("announced an invitation to visit the country in September to participate in the",
     "announced an invitation to visit the country in September to participate"),
    ("the subsequent visit of the Minister of Defense to the People's", "the subsequent visit of the Minister of Defense"),
    ("signed a deal with (", "signed a deal"),
    ("met the Prime Minister", "met the Prime Minister"),
])
def test_an_event_line_never_ends_on_a_dangling_word(cut, line):
    from generator.extract.events import _without_dangling_words

    assert _without_dangling_words(cut) == line
