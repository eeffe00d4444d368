import pytest

from generator.dates import find_dates, parse_date


@pytest.mark.parametrize("text, expected", [
    ("On June 14, the minister", [(None, 6, 14)]),
    ("in late October 2023.", [("2023-10", 10, None)]),
    ("# 22 October 2019 13:43 (UTC +04:00)", [("2019-10-22", 10, 22)]),
    ("to be held in September, 2024.", [("2024-09", 9, None)]),
    ("date 2024-06-20 Azerbaijan", [("2024-06-20", 6, 20)]),
    ("Published: 12.03.2021", [("2021-03-12", 3, 12)]),
    ("Baku, Oct.22, 2019", [("2019-10-22", 10, 22)]),
    ("October 22nd, 2019", [("2019-10-22", 10, 22)]),
    ("the 22nd of October 2019", [("2019-10-22", 10, 22)]),
    ("at ADEX 2018 in Baku", [("2018", None, None)]),
    ("some 2000 troops took part", []),
    ("We may witness the signing", []),
    ("Marshal 12 said", []),
    ("on 31 February", []),
    ("OCTOBER 5, 2020", [("2020-10-05", 10, 5)]),
    # Ordinals, other languages' month names and abbreviations (data/months.yml).
    ("Sunday 24th Nov 2024", [("2024-11-24", 11, 24)]),
    ("le 1er mars 2024", [("2024-03-01", 3, 1)]),
    ("12 de marzo de 2024", [("2024-03-12", 3, 12)]),
    ("Publicado em 20 de março de 2024 - 19:23", [("2024-03-20", 3, 20)]),
    ("23 ноя 2021 | 10:42", [("2021-11-23", 11, 23)]),
    ("24 февраля 2024 г. 12:47", [("2024-02-24", 2, 24)]),
    ("05 Mart 2024 Salı 10:42", [("2024-03-05", 3, 5)]),
    ("15 noyabr 2022, 12:47", [("2022-11-15", 11, 15)]),
    ("12 dekabr 2023, 14:35", [("2023-12-12", 12, 12)]),
    ("18. März 2025", [("2025-03-18", 3, 18)]),
    ("4 Şubat 2024", [("2024-02-04", 2, 4)]),
    ("2024年3月5日", [("2024-03-05", 3, 5)]),
    ("2025. 11. 18. 16:42", [("2025-11-18", 11, 18)]),     # year first, dots and spaces (Hungarian, Korean)
    ("in 2025. 11 people were hurt", [("2025", None, None)]),
    # Year first, then the month's name and the day: Lithuanian and Hungarian stamps.
    ("2026 m. vasario 10 d. 13:47", [("2026-02-10", 2, 10)]),
    ("2026. február 10., kedd", [("2026-02-10", 2, 10)]),
    ("2026 Feb 10", [("2026-02-10", 2, 10)]),
    ("the 2022 Expo 15 opened", [("2022", None, None)]),
    # Czech, Slovak, Slovenian, Latvian, Estonian, Swedish, Finnish and Greek month names; a word of twelve
    # letters is read too ("października").
    ("10. února 2026", [("2026-02-10", 2, 10)]),
    ("3. októbra 2025", [("2025-10-03", 10, 3)]),
    ("5. junija 2024", [("2024-06-05", 6, 5)]),
    ("2025. gada 4. novembrī", [("2025-11-04", 11, 4)]),
    ("12. detsember 2023", [("2023-12-12", 12, 12)]),
    ("den 7 augusti 2025", [("2025-08-07", 8, 7)]),
    ("10. maaliskuuta 2026", [("2026-03-10", 3, 10)]),
    ("10 Φεβρουαρίου 2026", [("2026-02-10", 2, 10)]),
    ("15 października 2025", [("2025-10-15", 10, 15)]),
    # Numeric dates only where the numbers decide: dots are day first, a number over 12 is the day.
    ("Mon, 12/18/2023 - 17:12", [("2023-12-18", 12, 18)]),
    ("03/24/2024", [("2024-03-24", 3, 24)]),
    ("24/03/2024", [("2024-03-24", 3, 24)]),
    ("05/05/2024", [("2024-05-05", 5, 5)]),
    ("05/06/2024", []),
    ("Baku/18.10.22/Turan:", [("2022-10-18", 10, 18)]),
    ("2024-06-20T10:00:00+04:00", [("2024-06-20", 6, 20)]),
    # A span gives its first day; words that only look like months give nothing.
    ("on 11-12 July 2024", [("2024-07-11", 7, 11)]),
    ("Nov 21-24", [(None, 11, 21)]),
    ("3 out of 4 voters", []),
    ("they may 5 times", []),
    ("5 may 2024", [("2024-05-05", 5, 5)]),
    ("a $3.2 billion deal", []),
    ("Updated 3 hours ago", []),
    # Korean and Vietnamese write the month as a number with a word; Arabic, Persian, Hebrew and Swahili
    # their month names, Arabic often in its own digits (one for one, so offsets stay the text's).
    ("입력 2025년 7월 10일 14:02", [("2025-07-10", 7, 10)]),
    ("Hà Nội, ngày 10 tháng 7 năm 2025", [("2025-07-10", 7, 10)]),
    ("Cập nhật 10 tháng 7", [(None, 7, 10)]),
    ("القاهرة في ١٥ يناير ٢٠٢٥", [("2025-01-15", 1, 15)]),
    ("الأحد 16 فبراير 2025", [("2025-02-16", 2, 16)]),
    ("مارس الضغط 3 مرات", []),          # "he practised": a verb, not March, without a day and a year
    ("14 ژوئن 2025", [("2025-06-14", 6, 14)]),
    ("21 בנובמבר 2025", [("2025-11-21", 11, 21)]),
    ("Jumanne, 14 Oktoba 2025", [("2025-10-14", 10, 14)]),
    # The Maghreb's Arabic months, a Malay stamp's abbreviation; "dis" alone is no month.
    ("الخميس 22 ماي 2025 - 17:45", [("2025-05-22", 5, 22)]),
    ("في غشت 2015", [("2015-08", 8, None)]),
    ("Khamis, 18 Dis 2025 10:45 PG", [("2025-12-18", 12, 18)]),
    ("dis 2025", []),
    # Calendars of other years: the Thai Buddhist Era (its last two digits too), Japanese eras.
    ("27 ส.ค. 68 18:42", [("2025-08-27", 8, 27)]),
    ("วันที่ 5 มกราคม 2568", [("2025-01-05", 1, 5)]),
    ("令和7年6月20日", [("2025-06-20", 6, 20)]),
    ("令和元年5月1日に", [("2019-05-01", 5, 1)]),
    ("平成30年度", [("2018", None, None)]),
    # Hindi and Bengali with their own digits and vowel signs, Urdu, Albanian, Kazakh, Uzbek, Macedonian,
    # Icelandic, Georgian, Armenian.
    ("१२ मार्च २०२५", [("2025-03-12", 3, 12)]),
    ("৯ জুলাই ২০২৫ খ্রিস্টাব্দ", [("2025-07-09", 7, 9)]),
    ("12 جنوری 2025", [("2025-01-12", 1, 12)]),
    ("Tiranë, 5 nëntor 2025", [("2025-11-05", 11, 5)]),
    ("12 наурыз 2025", [("2025-03-12", 3, 12)]),
    ("Toshkent, 3-sentyabr 2025", [("2025-09-03", 9, 3)]),
    ("12 септември 2025", [("2025-09-12", 9, 12)]),
    ("12. febrúar 2025", [("2025-02-12", 2, 12)]),
    ("12 მარტი 2025", [("2025-03-12", 3, 12)]),
    ("12 մարտի 2025", [("2025-03-12", 3, 12)]),
    # Mongolian writes the month by its number.
    ("Улаанбаатар, 2025 оны 3-р сарын 12", [("2025-03-12", 3, 12)]),
    ("2025 оны 10 дугаар сарын 5-нд", [("2025-10-05", 10, 5)]),
    # The solar Hijri calendar of Iranian pages, in its digits or in ASCII ones; a day it does not have is none.
    ("۱۲ آذر ۱۴۰۴", [("2025-12-03", 12, 3)]),
    ("تهران - ایرنا - 1 فروردین 1404", [("2025-03-21", 3, 21)]),
    ("۳۱ اسفند ۱۴۰۳", []),
])
def test_find_dates(text, expected):
    assert [(d.iso, d.month, d.day) for d in find_dates(text)] == expected


@pytest.mark.parametrize("text, precision", [
    ("2024-06-20", "day"), ("May 2021", "month"), ("in 2018", "year"), ("June 14", None),
])
def test_precision(text, precision):
    found = find_dates(text)
    assert found and found[0].precision == precision


def test_parse_date_skips_yearless_dates():
    assert parse_date("June 14, then on 3 March 2020").iso == "2020-03-03"
    assert parse_date("no date here") is None


def test_calendar_words_answer_as_the_month_and_weekday_lookups_do():
    # events.py asks the set about lower-case ASCII words; on them it must agree with the lookups.
    import re
    from corpus_text import corpus_lines
    from generator.dates import calendar_words, month_number, weekday_number

    words = {w for line in corpus_lines() for w in re.findall(r"[^\W\d_]{3,}", line.lower()) if w.isascii()}
    words |= {"march", "mar", "may", "sept", "monday", "mon", "dekabr", "ekim", "martes", "maio"}
    assert len(words) > 5000
    for word in words:
        assert (word in calendar_words()) == (month_number(word) is not None or weekday_number(word) is not None), word


def test_a_date_starts_where_the_date_pattern_matches():
    # find_dates looks for where a date starts with _DATE_START and reads it there with _DATE: at every
    # place of every line and sentence of the corpus (and a few made to try each alternative), the one
    # matches exactly where the other does.
    from corpus_text import corpus_lines, corpus_sentences
    from generator.dates import _DATE, _DATE_START

    made = ["2024-06-20T10:00", "2024. 06. 20.", "2024年6月20日", "令和7年6月20日", "27 ส.ค. 68", "5 มกราคม 2568", "20.06.2024", "12/18/2023", "18.10.22",
            "11-12 July", "12 de marzo de 2024", "Nov 21-24, 2024", "March, 15, 2025", "marzo de 2024",
            "October 22", "Septembers 5", "Internationally 2024", "5 tanks", "killed 5%", "on 3rd of May"]
    texts = [t for t in (*corpus_lines(), *corpus_sentences(), *made) if any(c.isdigit() for c in t)]
    assert len(texts) > 5000
    for text in texts:
        for at in range(len(text)):
            assert (_DATE_START.match(text, at) is None) == (_DATE.match(text, at) is None), (text, at)


def test_bare_years_tried_before_each_year_are_those_the_pattern_finds():
    # _bare_years tries _YEAR_ONLY only at the word or dash right before each year's digits: over every line
    # and sentence of the corpus (and a few made for each opening) it finds what finditer finds.
    from corpus_text import corpus_lines, corpus_sentences
    from generator.dates import _YEAR_ONLY, _bare_years

    made = ["in 2020", "In  2020", "-2020", "x-2020", "within 2020", "ABC 2020", "Zürich 2020", "since\u00a02019",
            "in 2020 and in 2021", "US 2020", "9in 2020", "the 1999-2000", "of 20201", "mid-2021", "Spring 2024,"]
    found = 0
    for text in (*corpus_lines(), *corpus_sentences(), *made):
        years = [m.span("year") for m in _bare_years(text)]
        assert years == [m.span("year") for m in _YEAR_ONLY.finditer(text)], text
        found += len(years)
    assert found > 1000


def test_other_scripts_digits_keep_the_offsets():
    text = "في ١٥ يناير ٢٠٢٥ وقع"
    (found,) = find_dates(text)
    assert text[found.start:found.end] == "١٥ يناير ٢٠٢٥"
