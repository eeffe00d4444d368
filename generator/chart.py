"""Small bar charts as static inline SVG, drawn at build time (no script, no third-party host)."""

from __future__ import annotations

from html import escape

_BAR_WIDTH = 28
_GAP = 10
_HEIGHT = 120


def bar_chart(counts: list[tuple[str, int]], title: str) -> str:
    """An SVG bar chart of (label, count) pairs, with the counts written on the bars."""
    if not counts:
        return ""
    top = max(value for _, value in counts) or 1
    width = len(counts) * (_BAR_WIDTH + _GAP) + _GAP
    parts = [
        f'<svg class="briefing-chart" role="img" aria-label="{escape(title)}" '
        f'viewBox="0 0 {width} {_HEIGHT + 40}" width="{width}" height="{_HEIGHT + 40}" '
        'xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
    ]
    for index, (label, value) in enumerate(counts):
        x = _GAP + index * (_BAR_WIDTH + _GAP)
        height = max(2, round(_HEIGHT * value / top))
        y = _HEIGHT - height + 16
        parts.append(f'<rect x="{x}" y="{y}" width="{_BAR_WIDTH}" height="{height}" rx="3" fill="currentColor" '
                     'opacity="0.75"/>')
        parts.append(f'<text x="{x + _BAR_WIDTH / 2}" y="{y - 4}" text-anchor="middle" font-size="11" '
                     f'fill="currentColor">{value}</text>')
        parts.append(f'<text x="{x + _BAR_WIDTH / 2}" y="{_HEIGHT + 32}" text-anchor="middle" font-size="10" '
                     f'fill="currentColor">{escape(str(label))}</text>')
    parts.append("</svg>")
    return f'<figure class="briefing-figure">{"".join(parts)}<figcaption>{escape(title)}</figcaption></figure>'
