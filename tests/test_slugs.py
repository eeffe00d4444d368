"""Slugs of page addresses (generator/slugs.py): organisations."""

from __future__ import annotations

import re

import pytest

from generator.slugs import organization_slug

LONG = "Main Directorate of International Military Cooperation of the People's Liberation Army of China"


@pytest.mark.parametrize("name, expected", [
    ("Ministry of Defense of Azerbaijan", "ministry-of-defense-of-azerbaijan"),
    ("People's Liberation Army", "people-s-liberation-army"),
    ("Elektroprivreda Srbije (EPS)", "elektroprivreda-srbije-eps"),
    ("Société Générale", "societe-generale"),
    ("../../etc/passwd", "etc-passwd"),                     # never a path
])
def test_organization_slug(name, expected):
    assert organization_slug(name) == expected


@pytest.mark.parametrize("name", ["Index", "CON", "nul", "Com1"])
def test_organization_slug_is_never_a_reserved_name(name):
    slug = organization_slug(name)
    assert slug != name.lower() and slug.startswith(name.lower() + "-")


@pytest.mark.parametrize("name", ["", "***", "— · —"])
def test_organization_slug_of_a_name_without_letters(name):
    assert re.fullmatch(r"organization-[0-9a-f]{10}", organization_slug(name))


def test_long_names_that_begin_alike_keep_a_page_each():
    other = LONG.replace("of China", "of the Republic of China")
    first, second = organization_slug(LONG), organization_slug(other)
    assert first != second
    assert len(first) <= 80 and len(second) <= 80
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", first)
