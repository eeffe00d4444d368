"""Extraction: one module per field, each a short fallback chain over cleaned text."""
