import pytest

from generator.extract.organizations import extract_organizations


@pytest.mark.parametrize("body, home, expected", [
    ("The Ministry of Defense said the talks went well.", "AZ", ["Ministry of Defense of Azerbaijan"]),
    ("Azerbaijan's Defense Ministry said so.", None, ["Ministry of Defense of Azerbaijan"]),
    ("The Serbian Ministry of Defence confirmed it.", "AZ", ["Ministry of Defense of Serbia"]),
    ("Both support the UN and the SCO.", None, ["United Nations", "Shanghai Cooperation Organization"]),
    ("The Chinese Academy of Space Technology and Azercosmos signed a deal.", None,
     ["Chinese Academy of Space Technology", "Azercosmos"]),
    ("The Chief of the General Staff of the Azerbaijani Army arrived.", "AZ",
     ["General Staff of the Azerbaijani Army", "Azerbaijani Army"]),
    ("Special Forces took part in the Anatolian Eagle Exercise, APA reported.", None, []),
    ("The Turkish MFA welcomed the talks.", "AZ", ["Ministry of Foreign Affairs of Türkiye"]),
    ("The Italian company Leonardo and the operator Türksat signed.", None, ["Leonardo", "Türksat"]),
    ("Members of the Collective Security Treaty Organization met.", None, ["Collective Security Treaty Organization"]),
    ("The Ministry of Defense of the Russian Federation said so.", None, ["Ministry of Defense of Russia"]),
    ("Turkish Air Force Commander Gen. Ziya Kadıoğlu spoke.", None, ["Turkish Air Force"]),
    ("Türkiye's Defense Industry Agency and Pakistan's Ministry of Defence Production signed.", None,
     ["Defense Industry Agency", "Ministry of Defence Production of Pakistan"]),
    ("The Turkish National Defense Ministry said so.", None, ["Ministry of National Defense of Türkiye"]),
    ("Deals with HBIS Group and Zijin Mining followed.", None, ["HBIS Group", "Zijin Mining"]),
])
def test_organizations(body, home, expected, taxonomy):
    assert extract_organizations(body, taxonomy, home) == expected
