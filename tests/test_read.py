"""Reading sources: encodings, repair, and the files that cannot be articles (refused by name, quickly)."""

from __future__ import annotations

import random
import time

import pytest

from generator.errors import BriefingError
from generator.read import MAX_TEXT_CHARS, read_bytes

SERBIAN = "Ministar odbrane Srbije Miloš Vučević razgovarao je sa kolegom Gašićem o saradnji i čestitao mu."
RUSSIAN = "Министр обороны Азербайджана Закир Гасанов встретился с министром обороны Китая в Пекине."


@pytest.mark.parametrize("data, text", [
    (SERBIAN.encode("utf-8"), SERBIAN),
    (SERBIAN.encode("utf-8-sig"), SERBIAN),
    (SERBIAN.encode("utf-16"), SERBIAN),
    (b"\xfe\xff" + SERBIAN.encode("utf-16-be"), SERBIAN),
    (SERBIAN.encode("utf-32"), SERBIAN),
    (SERBIAN.encode("cp1250"), SERBIAN),
    (RUSSIAN.encode("cp1251"), RUSSIAN),
    (SERBIAN.encode("utf-16-le"), SERBIAN),          # no byte-order mark: detected, not taken for binary
])
def test_encodings_are_detected(data, text):
    assert read_bytes(data, "a.txt").text == text


def test_mojibake_is_repaired_and_invisible_characters_removed():
    text = read_bytes("Serbiaâ€™s GaÅ¡iÄ‡\u202e met\x00 Hasanov\u200b \x1b[31mtoday\x07.".encode(), "a.txt").text
    assert text == "Serbia's Gašić met Hasanov today."


@pytest.mark.parametrize("data, problem", [
    (b"", "empty file"),
    (b" \n\t\r\n", "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(100), "binary file (a PNG image)"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary file (a PDF document)"),
    (b"PK\x03\x04\x14\x00\x06\x00", "binary file (a ZIP archive"),
    (bytes(2000), "binary file"),
    (random.Random(1).randbytes(4000), "binary file"),
    (b"\xff\xfe" + bytes(1000), "binary file"),                 # a byte-order mark, then zeros
    ("<html><body><script>alert(1)</script></body></html>".encode(), "no article text"),
])
def test_what_cannot_be_an_article_is_refused_by_name(data, problem):
    with pytest.raises(BriefingError) as raised:
        read_bytes(data, "sources/bad.txt")
    assert raised.value.path == "sources/bad.txt"
    assert str(raised.value).startswith(f"sources/bad.txt: {problem}")


def test_a_name_that_is_not_utf8_is_refused():
    with pytest.raises(BriefingError, match="file name is not valid UTF-8"):
        read_bytes(b"Text.", "sources/bad-\udce9.txt")


@pytest.mark.parametrize("data, html, outcome", [
    (b"Azerbaijan and China. " * 300_000, False, "too large"),                  # 6.6 MB
    (b"The talks went well. " * 190_000, False, "too long"),                    # 4 MB of text
    (b"<p>The talks went well.</p>" * 150_000, True, "too long"),               # 4 MB page of text
    (b"<html><head>" + b"<script>var x = '" + b"y" * 2000 + b"';</script>" * 1800
     + b"</head><body><p>Azerbaijan and China held talks in Baku.</p></body></html>", True, None),  # scripts
])
def test_a_source_of_megabytes_is_processed_or_refused_within_seconds(data, html, outcome):
    started = time.monotonic()
    if outcome:
        with pytest.raises(BriefingError, match=outcome):
            read_bytes(data, "big.html" if html else "big.txt", html=html)
    else:
        assert "held talks in Baku" in read_bytes(data, "big.html", html=True).text
    assert time.monotonic() - started < 5


def test_the_longest_article_accepted_is_extracted_within_seconds(taxonomy):
    from generator.extract.article import extract_article

    sentence = "General Zakir Hasanov met Minister Wei Fenghe in Beijing on 22 October 2019 to discuss drones. "
    text = "A long article\n\n" + sentence * (MAX_TEXT_CHARS // len(sentence) - 1)
    started = time.monotonic()
    article = extract_article(read_bytes(text.encode(), "long.txt"), taxonomy)
    assert article.title == "A long article"
    assert time.monotonic() - started < 10


def test_html_title_and_date_come_from_the_page_metadata():
    page = b"""<!DOCTYPE html><html><head><title>Drills
    in the Caspian</title><meta property="article:published_time" content="2021-09-14T09:30:00+04:00">
    <script>window.__pwned = 1</script></head><body><nav><a href="/">Home</a><a href="/army">Army</a></nav>
    <article><p>The navies of Azerbaijan and Turkiye held drills in the Caspian Sea on 14 September 2021.</p>
    <p>Twelve ships took part, the ministry said.</p></article></body></html>"""
    document = read_bytes(page, "page.html", html=True)
    assert document.html_title == "Drills in the Caspian"
    assert document.html_date == "2021-09-14"
    assert "Twelve ships" in document.text and "__pwned" not in document.text and "Army" not in document.text


def test_a_source_is_checked_before_it_is_opened(tmp_path):
    """check_source refuses, by name and without opening it, what read_source_bytes must never read."""
    import os

    from generator.read import MAX_SOURCE_BYTES, check_source, read_source_bytes, real_folder, scan_sources

    sources = tmp_path / "sources"
    (sources / "kept").mkdir(parents=True)
    (sources / "kept" / "a.txt").write_text("An article")
    (sources / "alias.txt").symlink_to(sources / "kept" / "a.txt")
    (tmp_path / "secret.txt").write_text("not collected")
    (sources / "secret.txt").symlink_to(tmp_path / "secret.txt")
    (sources / "folder").symlink_to(tmp_path, target_is_directory=True)
    os.mkfifo(sources / "pipe.txt")
    with open(sources / "big.txt", "wb") as stream:
        stream.truncate(MAX_SOURCE_BYTES + 1)
    listing = scan_sources(sources)
    assert [str(e) for e in listing.refused] == [
        "sources/folder: a link to a folder: not followed (sources are read only inside sources/)"]
    inside = real_folder(sources)
    verdicts = {}
    for path in listing.paths:
        name = os.path.relpath(path, tmp_path)
        try:
            verdicts[name] = read_source_bytes(path, name, inside)
        except BriefingError as error:
            verdicts[name] = error.problem.split(" (")[0].split(":")[0]
    assert verdicts == {
        "sources/alias.txt": b"An article",
        "sources/big.txt": "too large for an article",
        "sources/kept/a.txt": b"An article",
        "sources/pipe.txt": "a named pipe",
        "sources/secret.txt": "a link that leads outside sources/",
    }
    assert check_source(str(tmp_path / "secret.txt"), "secret.txt", None).st_size == 13  # a file named on the command line
