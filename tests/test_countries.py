import pytest

from generator.extract.countries import extract_countries


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
