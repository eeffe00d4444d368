from generator.clean import clean
from generator.extract.title import derive_title, extract_title


def test_stated_headline():
    assert extract_title(clean("Ministers meet | Opinion\n\nThe ministers met today.")) == ("Ministers meet", False)


def test_derived_title_is_marked():
    title, derived = extract_title(clean("The two countries have strengthened their ties in many fields over the last few years of close work."))
    assert derived is True and title.startswith("The two countries")


def test_derive_title_shortens():
    assert derive_title("In recent years, a b c d e f g h i j k l m n o p q.").endswith("…")
