"""Briefing: raw news articles in, a searchable, curated briefing site out."""

__version__ = "0.1.0"
