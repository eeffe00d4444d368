import xml.etree.ElementTree as ET

from generator.chart import bar_chart


def test_chart_is_plain_svg_with_a_bar_per_value():
    svg = bar_chart([("2023", 3), ("2024", 1), ("<b>", 0)], 'Articles "by" year')
    root = ET.fromstring(svg)
    assert root.tag == "figure" and root.findtext("figcaption") == 'Articles "by" year'
    rects = root.findall(".//{http://www.w3.org/2000/svg}rect")
    assert len(rects) == 3
    assert "script" not in svg.lower()
    assert "&lt;b&gt;" in svg
    heights = [float(r.get("height")) for r in rects]
    assert heights[0] > heights[1] > 0


def test_no_chart_without_counts():
    assert bar_chart([], "Nothing") == ""
