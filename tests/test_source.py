import pytest

from generator.clean import clean
from generator.extract.source import extract_source


@pytest.mark.parametrize("text, source", [
    ("Title\n\nThe minister met guests, Report informs.", "Report"),
    ("Title\n\nThe Ministry of Defence told APA about the meeting.", "APA"),
    ("Title\n\nBEIJING, Oct. 22 (Xinhua) -- China and Azerbaijan met.", "Xinhua"),
    ("Title\n\nMOSCOW, October 22. /TASS/. The talks went well.", "TASS"),
    ("Title\n\nThe talks went well, Xinhua news agency reported.", None),
    ("Title\n\nThe talks went well.", None),
    ("Title\n\nThe talks went well and both sides agreed.\n\nNews.Az", "News.Az"),
])
def test_source(text, source):
    assert extract_source(clean(text)) == source
