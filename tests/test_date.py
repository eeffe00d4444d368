import pytest

from generator.clean import clean
from generator.extract.date import extract_date


@pytest.mark.parametrize("text, expected", [
    ("Title\n\n# 22 October 2019 13:43 (UTC +04:00)\n\nOn October 22, they met.", ("2019-10-22", "day")),
    ("Title\n\nOn June 14, the minister met guests. The forum is in September, 2024.", (None, None)),
    ("Title\n\nThe visit in late October 2023 mattered.", ("2023-10", "month")),
    ("Title\n\nAt ADEX 2018 the companies showed drones.", ("2018", "year")),
    ("Title\n\nBAKU, March 3 (Xinhua) -- They met on Friday.", (None, None)),
    ("Title\n\nBaku, 15 April 2022, AZERTAC. They met.", ("2022-04-15", "day")),
    ("Title\n\nThe sides met. Nothing else is known.", (None, None)),
    ("Title\n\nThe railway, opened in October 2017, remains the only link.", (None, None)),
    ("Title\n\nCargo grew by 62 percent in 2024 to about 4 million tons.", (None, None)),
    ("Title\n\nBelarus and China began the Eagle Assault-2024 training.", ("2024", "year")),
])
def test_date(text, expected):
    assert extract_date(clean(text)) == expected
