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
