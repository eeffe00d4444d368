"""Index pages (home, countries, topics, people, organisations, timeline) from the article pages' front matter.

Pure: pages (their typed front matter) and taxonomy in, {relative path: Markdown} out. Because they
read the pages in content/, a hand edit of a page's front matter is what the indexes show.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from dataclasses import dataclass

import yaml

from generator.chart import bar_chart
from generator.feed import build_feed, collected_first
from generator.markdown_text import escape_text
from generator.names import family_initial, family_name_key, fold
from generator.model import Event, FrontMatter, Person
from generator.pages import ArticlePage
from generator.render import SAFE_DUMPER, format_date
from generator.slugs import organization_slug, person_slug
from generator.spellings import with_plain_spellings
from generator.taxonomy import Taxonomy

_LATEST = 10
# A country or topic with more articles than this lists them on a page a year: no index page grows
# without bound as the briefing does, and a new article rewrites one year's page, not every listing.
ONE_PAGE_LIMIT = 100
_MOST_PEOPLE = 40       # people listed on a country or organisation page; the rest are on the people index
_MOST_COUNTRIES = 12    # countries listed on an organisation page
_TIMELINE_LATEST = 3    # events a year shown on the timeline index; the year's page has them all


@dataclass(frozen=True)
class About:
    title: str
    description: str


@dataclass(frozen=True)
class NamedWith:
    """A person named in the articles that name an organisation: in how many of them, and the role the
    newest of them that states one gives them. Co-mention, not membership."""

    name: str           # as the people pages index it (the taxonomy's label for a known spelling)
    articles: int
    role: str | None


def _sort_key(page: ArticlePage):
    # Newest first; partial dates sort as the start of their period; undated last.
    date = page.front.date or ""
    return (date != "", date, page.front.title)


def _newest_first(pages):
    """Dated articles newest first, then undated ones by title (A to Z)."""
    dated = sorted((p for p in pages if p.front.date), key=_sort_key, reverse=True)
    undated = sorted((p for p in pages if not p.front.date), key=lambda p: p.front.title)
    return dated + undated


def _latest(pages) -> list[ArticlePage]:
    """The newest dated articles (heapq: a briefing's ten newest without sorting all of it)."""
    return heapq.nlargest(_LATEST, (p for p in pages if p.front.date), key=_sort_key)


def plural(count: int, noun: str) -> str:
    """'1 article', '2 articles'."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _article_line(page: ArticlePage, up: str) -> str:
    front = page.front
    when = format_date(front.date, front.date_precision)
    source = f" · {escape_text(front.source)}" if front.source else ""
    return f"- [{escape_text(front.title or page.slug)}]({up}articles/{page.slug}.md) — {escape_text(when)}{source}"


def person_name(name: str, taxonomy: Taxonomy) -> str:
    """The name a person is indexed under: the taxonomy's label when the name is a known alias."""
    return taxonomy.person_by_alias.get(name, name)


class Wanted:
    """Which index pages to render this run: all of them, or (incremental runs) only those an edited
    article appears on. Every page that should exist is remembered, rendered or not."""

    def __init__(self, only: set[str] | None = None, previous: list[str] | None = None):
        self.only = only
        self.expected: set[str] = set()
        # The pages the last run counted, by folder ("countries/azerbaijan" -> its pages a year): the
        # pages a year of a country or topic none of whose articles changed are those, unrendered.
        self.previous_by_folder: dict[str, list[str]] | None = None
        if only is not None and previous is not None:
            self.previous_by_folder = defaultdict(list)
            for key in previous:
                folder, _, _ = key.rpartition("/")
                self.previous_by_folder[folder].append(key)

    def __call__(self, key: str) -> bool:
        self.expected.add(key)
        return self.only is None or key in self.only

    def unchanged_folder(self, folder: str) -> bool:
        """True when no page under folder/ is wanted this (incremental) run: its pages are the ones the
        last run made, and are counted as expected without grouping any article."""
        if self.previous_by_folder is None or any(key.startswith(f"{folder}/") for key in self.only):
            return False
        previous = [keys for name, keys in self.previous_by_folder.items()
                    if name == folder or name.startswith(f"{folder}/")]
        if not previous:
            return False        # the last run left none there: work them out
        self._keep(key for keys in previous for key in keys)
        return True

    def unchanged_year_pages(self, folder: str, slug: str) -> bool:
        """True when folder/slug.md is not wanted (none of its articles changed): its pages a year are
        the ones the last run made, and are counted as expected without grouping its articles."""
        if self.previous_by_folder is None or f"{folder}/{slug}.md" in self.only:
            return False
        self._keep(self.previous_by_folder.get(f"{folder}/{slug}", []))
        return True

    def _keep(self, keys) -> None:
        for key in keys:
            self(key)


def build_index_pages(pages: list[ArticlePage], taxonomy: Taxonomy, about: About,
                      wanted: Wanted | None = None) -> dict[str, str]:
    """The index pages the generator owns (those `wanted`), by path relative to content/."""
    wanted = wanted or Wanted()
    out: dict[str, str] = {}
    if wanted("index.md"):
        out["index.md"] = render_home(pages, taxonomy, about)
    out.update(render_country_pages(pages, taxonomy, wanted))
    out.update(render_topic_pages(pages, taxonomy, wanted))
    out.update(render_person_pages(pages, taxonomy, wanted))
    out.update(render_organization_pages(pages, taxonomy, wanted))
    out.update(render_timeline(pages, wanted))
    if wanted("feed.xml"):
        out["feed.xml"] = build_feed(pages, about.title, about.description)
    # Names typed without their diacritics find these pages too (generator/spellings.py).
    return {path: with_plain_spellings(text) if path.endswith(".md") else text for path, text in out.items()}


def pages_showing(front: FrontMatter, slug: str, taxonomy: Taxonomy) -> set[str]:
    """The index pages an article with this front matter appears on (for incremental runs)."""
    keys = {"index.md", "feed.xml", "countries/index.md", "topics/index.md", "people/index.md", "organizations/index.md",
            "timeline/index.md"}
    keys |= {f"countries/{taxonomy.country_slug(c)}.md" for c in front.countries}
    keys |= {f"topics/{t}.md" for t in front.topics if t in taxonomy.topics}
    keys |= {f"people/{person_slug(person_name(p.name, taxonomy))}.md" for p in front.people}
    keys |= {f"organizations/{organization_slug(taxonomy.organization_name(o))}.md" for o in _organizations(front)}
    dates = [front.date] + [e.date for e in front.events]
    keys |= {f"timeline/{d[:4]}.md" for d in dates if d}
    if not front.date:
        keys.add("timeline/undated.md")
    year = _year_page(front)
    keys |= {f"{k[:-3]}/{year}.md" for k in keys if k.startswith(("countries/", "topics/", "organizations/"))
             and not k.endswith("/index.md")}
    return keys


def _names(front: FrontMatter) -> list[str]:
    return sorted(p.name for p in front.people)


def _organizations(front: FrontMatter) -> list[str]:
    return [o for o in front.organizations if o.strip()]


def _names_and_countries(front: FrontMatter) -> list[tuple[str, str]]:
    # The people index orders by family name, which a person's country can decide (Xi Jinping).
    return sorted((p.name, str(p.country)) for p in front.people)


def _dated(front: FrontMatter) -> list[Event]:
    """The events with a date: all the timeline shows of events."""
    return [e for e in front.events if e.date]


def _dated_events(front: FrontMatter) -> list[tuple[str, str]]:
    return sorted((e.date, e.what) for e in _dated(front))


def _dates(front: FrontMatter) -> list[str]:
    return [front.date or ""] + sorted(e.date for e in _dated(front))


# What the pages that list every article show of one: when that is unchanged, an edit of the article
# leaves the page as it is (so a warm run need not render it again).
_SHOWN_ON_LISTINGS = {
    "countries/index.md": lambda f: sorted(f.countries),
    "topics/index.md": lambda f: sorted(f.topics),
    "people/index.md": _names_and_countries,
    "organizations/index.md": lambda f: sorted(_organizations(f)),
    # the years' counts, their latest events with the article's title, and the undated articles
    "timeline/index.md": lambda f: (_dates(f), _dated_events(f), f.title if _dated_events(f) or not f.date else None,
                                    None if f.date else f.source),
    "index.md": lambda f: (_line(f), sorted(f.countries), _names(f), f.provenance.collected),
    "feed.xml": lambda f: (f.title, f.date, f.date_precision, f.summary, f.topics, f.provenance.collected),
}


def _line(front: FrontMatter):
    """What an article's line on a listing shows (_article_line), and what charts and groups count."""
    return front.title, front.date, front.date_precision, front.source


def _shown_on(key: str):
    """What the index page `key` shows of an article it lists, as a function of the article's front
    matter; None when the page is to be rendered again whatever changed. A page a year shows no more
    of an article than its country's or topic's main page, so it never needs rendering while that
    one does not (Wanted.unchanged_year_pages relies on it)."""
    if key in _SHOWN_ON_LISTINGS:
        return _SHOWN_ON_LISTINGS[key]
    folder, _, rest = key.partition("/")
    if folder == "topics" or (folder in ("countries", "organizations") and "/" in rest):
        return _line                    # lines, latest articles, counts a year
    if folder == "countries":           # also countries named with it, topics, the country's people and roles
        return lambda f: (_line(f), sorted(f.countries), f.topics, f.people)
    if folder == "organizations":       # also the people and roles, and the countries, named with it
        return lambda f: (_line(f), sorted(f.countries), f.people)
    if folder == "people":              # the roles, and the country most often given
        return lambda f: (_line(f), f.people)
    if folder == "timeline":            # dated events only
        return lambda f: (_line(f), _dated(f))
    return None


def pages_changed_by(before: FrontMatter | None, after: FrontMatter | None, slug: str,
                     taxonomy: Taxonomy) -> set[str]:
    """The index pages to render again when an article's front matter goes from `before` to `after`
    (None: the article is new, or gone): those it joins or leaves, and those it stays on whose view
    of it changed. An edit of its summary or its text leaves its country, topic and person pages as
    they are."""
    if before is None or after is None:
        return set().union(*(pages_showing(front, slug, taxonomy) for front in (before, after) if front is not None))
    was, now = pages_showing(before, slug, taxonomy), pages_showing(after, slug, taxonomy)
    return (was ^ now) | {key for key in was & now
                          if (shown := _shown_on(key)) is None or shown(before) != shown(after)}


# Front matter of a page a year: Material's search leaves it out. Its lines are article titles (and
# event sentences) that the articles' own pages already put in the index, which readers download
# whole: a fifth of it at 10,000 articles, and a hit there would only lead on to the article.
_NOT_SEARCHED = ("search:", "  exclude: true")


def _year_page(front: FrontMatter) -> str:
    """The name of the year page an article is listed on (on a country or topic with many articles)."""
    return (front.date or "")[:4] or "undated"


def _article_listing(members: list[ArticlePage], folder: str, slug: str, title: str, wanted: Wanted):
    """The articles section of a country or topic page (a function that makes its lines, called only
    when that page is wanted) and its year pages: every article on the page itself, grouped by year, or,
    past ONE_PAGE_LIMIT, the latest ones there and a page a year (folder/slug/<year>.md)."""
    if len(members) <= ONE_PAGE_LIMIT:
        return lambda: ["## Articles", ""] + _by_year(members, "../"), {}
    if wanted.unchanged_year_pages(folder, slug):
        return lambda: [], {}     # neither its page nor its pages a year are wanted
    groups: dict[str, list[ArticlePage]] = defaultdict(list)
    for page in members:
        groups[_year_page(page.front)].append(page)
    years = sorted((y for y in groups if y != "undated"), reverse=True) + (["undated"] if "undated" in groups else [])
    heading = {y: "Date not stated" if y == "undated" else y for y in years}

    def lines() -> list[str]:
        latest = _latest(members)
        out = ["## Latest articles", ""] + [_article_line(p, "../") for p in latest]
        out += ["", "## Articles by year", ""]
        return out + [f"- [{heading[y]}]({slug}/{y}.md): {plural(len(groups[y]), 'article')}" for y in years]

    pages = {}
    for year in years:
        key = f"{folder}/{slug}/{year}.md"
        if not wanted(key):
            continue
        name = f"{title}: {heading[year]}"
        text = ["---", f"title: {_yaml_str(name)}", *_NOT_SEARCHED, "---", "", f"# {escape_text(name)}", "",
                f"{plural(len(groups[year]), 'article')} · [all years]({'../' + slug}.md)", ""]
        text += (_by_month(groups[year], "../../") if year != "undated"
                 else [_article_line(p, "../../") for p in _newest_first(groups[year])])
        pages[key] = "\n".join(text) + "\n"
    return lines, pages


def render_home(pages: list[ArticlePage], taxonomy: Taxonomy, about: About) -> str:
    countries = {c for p in pages for c in p.front.countries}
    spellings = {x.name for p in pages for x in p.front.people}
    people = {person_name(name, taxonomy) for name in spellings}
    dates = [p.front.date for p in pages if p.front.date]
    span = (f"{escape_text(format_date(min(dates), None))} to {escape_text(format_date(max(dates), None))}"
            if dates else "no dated articles yet")
    lines = [
        "---", "title: Home", "---", "",
        f"# {escape_text(about.title)}", "",
        escape_text(about.description), "",
        f"**{len(pages)}** articles · **{len(countries)}** countries · **{len(people)}** people · {span}", "",
        "Browse by [country](countries/index.md), [topic](topics/index.md), [person](people/index.md), "
        "[organisation](organizations/index.md) or along the [timeline](timeline/index.md). New articles: [Atom feed](feed.xml).", "",
    ]
    chart = bar_chart(_per_year(pages), "Articles per year")
    if chart:
        lines += [chart, ""]
    lines += ["## Latest articles", ""]
    # What is new is what entered the briefing last, dated or not: the order of the feed.
    latest = heapq.nlargest(_LATEST, pages, key=collected_first)
    lines += [_collected_line(p) for p in latest] or ["No articles yet."]
    return "\n".join(lines) + "\n"


def _collected_line(page: ArticlePage) -> str:
    """A line of the home page's latest articles: the listing's line, then the day it was collected."""
    day = page.front.provenance.collected
    return _article_line(page, "") + (f" · collected {escape_text(format_date(day, 'day'))}" if day else "")


def render_country_pages(pages: list[ArticlePage], taxonomy: Taxonomy, wanted: Wanted) -> dict[str, str]:
    if wanted.unchanged_folder("countries"):
        return {}
    by_country: dict[str, list[ArticlePage]] = defaultdict(list)
    for page in pages:
        for code in page.front.countries:
            by_country[code].append(page)
    out = {}
    for code, members in by_country.items():
        slug = taxonomy.country_slug(code)
        label = taxonomy.country_label(code)
        listing_lines, year_pages = _article_listing(members, "countries", slug, label, wanted)
        out.update(year_pages)
        if not wanted(f"countries/{slug}.md"):
            continue
        term = taxonomy.countries.get(code)
        lines = ["---", f"title: {_yaml_str(label)}", "---", "", f"# {escape_text(label)}", ""]
        if term and term.description:
            lines += [escape_text(term.description), ""]
        lines += [f"{plural(len(members), 'article')} {'mentions' if len(members) == 1 else 'mention'} "
                  f"{escape_text(label)}.", ""]
        chart = bar_chart(_per_year(members), f"Articles on {label} per year")
        if chart:
            lines += [chart, ""]
        # Co-mention, not partnership: an adversary is named in the same articles as often as an ally.
        named_with = Counter(c for p in members for c in set(p.front.countries) if c != code)
        if named_with:
            lines += ["## Countries named in the same articles", "",
                      f"The countries most often named in articles that name {escape_text(label)}, with the number "
                      "of those articles. Being named together says nothing of how the countries stand.", ""]
            ranked = sorted(named_with.items(), key=lambda item: (-item[1], taxonomy.country_label(item[0])))
            lines += [f"- [{escape_text(taxonomy.country_label(c))}]({taxonomy.country_slug(c)}.md) ({n})"
                      for c, n in ranked[:8]]
            lines.append("")
        topics = Counter(t for p in members for t in p.front.topics if t in taxonomy.topics)
        if topics:
            lines += ["## Topics", ""]
            ranked = sorted(topics.items(), key=lambda item: (-item[1], taxonomy.topic_label(item[0])))
            lines += [f"- [{escape_text(taxonomy.topic_label(t))}](../topics/{t}.md) ({n})" for t, n in ranked]
            lines.append("")
        people = _people_of_country(members, code, taxonomy)
        if people:
            lines += ["## People", ""]
            if len(people) > _MOST_PEOPLE:
                lines += [f"The {_MOST_PEOPLE} named most often of {len(people)}; the [people index](../people/index.md) "
                          "lists everyone.", ""]
            lines += [f"- [{escape_text(name)}](../people/{person_slug(name)}.md)" + (f" — {escape_text(role)}" if role else "")
                      for name, role in people[:_MOST_PEOPLE]]
            lines.append("")
        lines += listing_lines()
        out[f"countries/{slug}.md"] = "\n".join(lines) + "\n"
    listing = ["---", "title: Countries", "---", "", "# Countries", ""]
    for code in sorted(by_country, key=lambda c: (-len(by_country[c]), taxonomy.country_label(c))):
        listing.append(f"- [{escape_text(taxonomy.country_label(code))}]({taxonomy.country_slug(code)}.md) "
                       f"({len(by_country[code])})")
    if wanted("countries/index.md"):
        out["countries/index.md"] = "\n".join(listing) + "\n"
    return out


def _people_of_country(pages, code: str, taxonomy: Taxonomy) -> list[tuple[str, str | None]]:
    """(name, latest role) of the country's people, those in most articles first, then by name."""
    seen: dict[str, str | None] = {}
    mentions: Counter[str] = Counter()
    for page in _newest_first(pages):
        for person in page.front.people:
            if person.country == code:
                name = person_name(person.name, taxonomy)
                mentions[name] += 1
                if name not in seen or (seen[name] is None and person.role):
                    seen[name] = person.role
    return sorted(seen.items(), key=lambda item: (-mentions[item[0]], item[0]))


def render_topic_pages(pages: list[ArticlePage], taxonomy: Taxonomy, wanted: Wanted) -> dict[str, str]:
    if wanted.unchanged_folder("topics"):
        return {}
    by_topic: dict[str, list[ArticlePage]] = defaultdict(list)
    for page in pages:
        for slug in page.front.topics:
            by_topic[slug].append(page)
    out = {}
    listing = ["---", "title: Topics", "---", "", "# Topics", ""]
    for slug, term in taxonomy.topics.items():
        members = by_topic.get(slug, [])
        if not members:
            continue
        listing.append(f"- [{escape_text(term.label)}]({slug}.md) ({len(members)})")
        listing_lines, year_pages = _article_listing(members, "topics", slug, term.label, wanted)
        out.update(year_pages)
        if not wanted(f"topics/{slug}.md"):
            continue
        lines = ["---", f"title: {_yaml_str(term.label)}", "---", "", f"# {escape_text(term.label)}", ""]
        if term.description:
            lines += [escape_text(term.description), ""]
        lines += [f"{plural(len(members), 'article')}.", ""]
        chart = bar_chart(_per_year(members), f"Articles on {term.label} per year")
        if chart:
            lines += [chart, ""]
        lines += listing_lines()
        out[f"topics/{slug}.md"] = "\n".join(lines) + "\n"
    if wanted("topics/index.md"):
        out["topics/index.md"] = "\n".join(listing) + "\n"
    return out


def render_person_pages(pages: list[ArticlePage], taxonomy: Taxonomy, wanted: Wanted) -> dict[str, str]:
    if wanted.unchanged_folder("people"):
        return {}
    by_slug: dict[str, list[tuple[ArticlePage, Person]]] = defaultdict(list)
    slug_of: dict[str, str] = {}      # a name is mentioned in many articles: its slug is made once
    for page in pages:
        for person in page.front.people:
            name = person_name(person.name, taxonomy)
            slug = slug_of.get(name)
            if slug is None:
                slug = slug_of[name] = person_slug(name)
            by_slug[slug].append((page, person))
    names: dict[str, str] = {}
    for name, slug in slug_of.items():
        names[slug] = min(names.get(slug, name), name)      # two spellings with one slug share a page
    terms = {t.label: t for t in taxonomy.people.values()}
    out = {}
    listing = ["---", "title: People", "---", "", "# People", "",
               "Everyone the articles name, with the number of articles that mention them, by family name.", ""]
    letter = None
    show_listing = wanted("people/index.md")
    country_of = {}
    if show_listing:        # the country most often given decides which word is the family name
        for slug, entries in by_slug.items():
            given = Counter(p.country for _, p in entries if p.country).most_common(1)
            country_of[slug] = given[0][0] if given else None
    for slug in sorted(by_slug, key=lambda s: (family_name_key(names[s], country_of[s]), s)) if show_listing else by_slug:
        name, entries = names[slug], by_slug[slug]
        if show_listing:
            initial = family_initial(name, country_of[slug])
            if initial != letter:
                letter = initial
                listing += ["", f"## {escape_text(initial)}", ""]
            listing.append(f"- [{escape_text(name)}]({slug}.md) ({len(entries)})")
        if not wanted(f"people/{slug}.md"):
            continue
        term = terms.get(name)
        countries = Counter(p.country for _, p in entries if p.country)
        lines = ["---", f"title: {_yaml_str(name)}", "---", "", f"# {escape_text(name)}", ""]
        if term and term.description:
            lines += [escape_text(term.description), ""]
        if countries:
            code = countries.most_common(1)[0][0]
            lines += [f"Country: [{escape_text(taxonomy.country_label(code))}](../countries/{taxonomy.country_slug(code)}.md)", ""]
        if term and term.aliases:
            lines += ["Also written: " + ", ".join(escape_text(a) for a in term.aliases), ""]
        lines += ["## Roles and articles", ""]
        for page, person in sorted(entries, key=lambda e: _sort_key(e[0]), reverse=True):
            role = f" — as {escape_text(person.role)}" if person.role else ""
            lines.append(_article_line(page, "../") + role)
        out[f"people/{slug}.md"] = "\n".join(lines) + "\n"
    if show_listing:
        out["people/index.md"] = "\n".join(listing) + "\n"
    return out


def render_organization_pages(pages: list[ArticlePage], taxonomy: Taxonomy, wanted: Wanted) -> dict[str, str]:
    """organizations/index.md (every organisation an article names, A to Z, with its articles' count) and
    a page per organisation: the taxonomy's description and aliases when it has the organisation, the
    people and the countries named in the same articles, and those articles, newest first (past
    ONE_PAGE_LIMIT, a page a year). A spelling the taxonomy knows is indexed under its label."""
    if wanted.unchanged_folder("organizations"):
        return {}
    by_slug: dict[str, list[ArticlePage]] = defaultdict(list)
    names: dict[str, str] = {}
    for page in pages:
        seen = set()
        for written in _organizations(page.front):
            name = taxonomy.organization_name(written)
            slug = organization_slug(name)
            names[slug] = min(names.get(slug, name), name)      # two spellings with one slug share a page
            if slug not in seen:        # an article that names it twice counts once
                seen.add(slug)
                by_slug[slug].append(page)
    terms = {term.label: term for term in taxonomy.organizations.values()}
    out = {}
    for slug, members in by_slug.items():
        name = names[slug]
        listing_lines, year_pages = _article_listing(members, "organizations", slug, name, wanted)
        out.update(year_pages)
        if not wanted(f"organizations/{slug}.md"):
            continue
        term = terms.get(name)
        lines = ["---", f"title: {_yaml_str(name)}", "---", "", f"# {escape_text(name)}", ""]
        if term and term.description:
            lines += [escape_text(term.description), ""]
        # The articles come last, after who and what they name: the count leads to them.
        anchor = "articles" if len(members) <= ONE_PAGE_LIMIT else "latest-articles"
        lines += [f"[{plural(len(members), 'article')}](#{anchor}) {'names' if len(members) == 1 else 'name'} "
                  f"{escape_text(name)}.", ""]
        if term and term.aliases:
            lines += ["Also written: " + ", ".join(escape_text(a) for a in term.aliases), ""]
        lines += ["[All organisations](index.md)", ""]
        lines += _organization_people_lines(_people_named_with(members, taxonomy), name, len(members))
        lines += _organization_country_lines(members, taxonomy)
        lines += listing_lines()
        out[f"organizations/{slug}.md"] = "\n".join(lines) + "\n"
    if wanted("organizations/index.md"):
        listing = ["---", "title: Organisations", "---", "", "# Organisations", "",
                   "Every organisation the articles name, with the number of articles that name it.", ""]
        letter = None
        for slug in sorted(by_slug, key=lambda s: (_organization_key(names[s]), s)):
            initial = _organization_key(names[slug])[:1].upper()
            initial = initial if initial.isalpha() else "#"
            if initial != letter:
                letter = initial
                listing += ["", f"## {escape_text(initial)}", ""]
            listing.append(f"- [{escape_text(names[slug])}]({slug}.md) ({len(by_slug[slug])})")
        out["organizations/index.md"] = "\n".join(listing) + "\n"
    return out


def _people_named_with(members: list[ArticlePage], taxonomy: Taxonomy) -> list[NamedWith]:
    """The people the articles `members` name, those in most of them first, then by name."""
    articles: Counter[str] = Counter()
    roles: dict[str, str] = {}
    for page in _newest_first(members):
        seen = set()
        for person in page.front.people:
            name = person_name(person.name, taxonomy)
            if name not in seen:        # one article counts once, whatever it calls them
                seen.add(name)
                articles[name] += 1
            if person.role and person.role.strip():
                roles.setdefault(name, person.role.strip())
    return [NamedWith(name, count, roles.get(name))
            for name, count in sorted(articles.items(), key=lambda item: (-item[1], item[0]))]


def _organization_people_lines(people: list[NamedWith], name: str, articles: int) -> list[str]:
    if not people:
        return []
    said = (f"Everyone the article that names {escape_text(name)} also names, with the role it states."
            if articles == 1 else
            f"Everyone the articles that name {escape_text(name)} also name, with how many of those articles "
            "and the latest role they state (each role as stated is on the person's page).")
    lines = ["## People named in the same articles", "",
             f"{said} Being named together does not make someone part of it.", ""]
    if len(people) > _MOST_PEOPLE:
        lines += [f"The {_MOST_PEOPLE} named most often of {len(people)}; the [people index](../people/index.md) "
                  "lists everyone.", ""]
    for person in people[:_MOST_PEOPLE]:
        role = f" — {escape_text(person.role)}" if person.role else ""
        count = f" ({person.articles})" if articles > 1 else ""      # of one article, every count is 1
        lines.append(f"- [{escape_text(person.name)}](../people/{person_slug(person.name)}.md){count}{role}")
    return lines + [""]


def _organization_country_lines(members: list[ArticlePage], taxonomy: Taxonomy) -> list[str]:
    # Co-mention, as on a country page: a ministry's articles name the states it deals with as often as its own.
    named = Counter(c for page in members for c in set(page.front.countries))
    if not named:
        return []
    one = len(members) == 1
    said = "The countries the article names." if one else "The countries those articles name, with how many of them."
    lines = ["## Countries named in the same articles", "",
             f"{said} Being named together says nothing of where it belongs or how it stands with them.", ""]
    ranked = sorted(named.items(), key=lambda item: (-item[1], taxonomy.country_label(item[0])))
    if len(ranked) > _MOST_COUNTRIES:
        lines += [f"The {_MOST_COUNTRIES} named most often of {len(ranked)}.", ""]
    lines += [f"- [{escape_text(taxonomy.country_label(c))}](../countries/{taxonomy.country_slug(c)}.md)"
              + ("" if one else f" ({n})") for c, n in ranked[:_MOST_COUNTRIES]]
    return lines + [""]


def _organization_key(name: str) -> str:
    """An organisation's name as the index orders it: folded, without a leading 'The'."""
    folded = fold(name).strip()
    return folded[4:] if folded.startswith("the ") else folded


_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December")


def render_timeline(pages: list[ArticlePage], wanted: Wanted) -> dict[str, str]:
    """timeline/index.md (each year's counts and latest events, and undated articles) and one page a
    year, grouped by month."""
    if wanted.unchanged_folder("timeline"):
        return {}
    # year -> (date, kind, page, event): lines are made only for the years wanted this run
    by_year: dict[str, list[tuple[str, str, ArticlePage, Event | None]]] = defaultdict(list)
    undated: list[ArticlePage] = []
    for page in pages:
        date = page.front.date
        if date:
            by_year[date[:4]].append((date, "article", page, None))
        else:
            undated.append(page)
        for event in _dated(page.front):
            by_year[event.date[:4]].append((event.date, "event", page, event))
    out = {}

    def line(date: str, kind: str, page: ArticlePage, event: Event | None, label: bool = True) -> str:
        link = f"[{escape_text(page.front.title or page.slug)}](../articles/{page.slug}.md)"
        text = link if event is None else f"{escape_text(event.what)} *(in {link})*"
        kind_label = ("Article: " if kind == "article" else "Event: ") if label else ""
        return f"- **{escape_text(format_date(date, None))}** · {kind_label}{text}"

    listing = ["---", "title: Timeline", "---", "", "# Timeline", "",
               "The dated events the articles report, the latest of each year first; each year's page has every "
               "article and event by month. A date stated only to the month or the year is shown as such.", ""]
    for year in sorted(by_year, reverse=True):
        articles = sum(1 for e in by_year[year] if e[1] == "article")
        events = [e for e in by_year[year] if e[1] == "event"]
        counted = plural(len(events), "dated event") if events else "no dated events"
        listing += ["", f"## {year}", "", f"{counted}, {plural(articles, 'article')} · [{year} by month]({year}.md)", ""]
        latest = heapq.nlargest(_TIMELINE_LATEST, events, key=lambda e: (e[0], e[2].slug, e[3].what))
        listing += [line(*e, label=False) for e in latest]
        if not wanted(f"timeline/{year}.md"):
            continue
        entries = sorted(by_year[year], key=lambda e: (e[0], e[1], e[2].slug), reverse=True)
        lines = ["---", f"title: Timeline {year}", *_NOT_SEARCHED, "---", "", f"# {year}", "", "[All years](index.md)", ""]
        section = None
        for entry in entries:
            heading = _month_heading(entry[0])
            if heading != section:
                section = heading
                lines += ["", f"## {heading}", ""]
            lines.append(line(*entry))
        out[f"timeline/{year}.md"] = "\n".join(lines) + "\n"
    def undated_lines() -> list[str]:
        return [_article_line(p, "../") for p in _newest_first(undated)]      # by title: none is dated

    listing += ["", "## Undated articles", "", "Articles whose text states no date with a year.", ""]
    if len(undated) <= ONE_PAGE_LIMIT:
        listing += undated_lines() or ["None."]
    else:       # as many as a year's: a page of their own
        listing.append(f"- [Date not stated](undated.md): {plural(len(undated), 'article')}")
        if wanted("timeline/undated.md"):
            out["timeline/undated.md"] = "\n".join(
                ["---", "title: Timeline, date not stated", *_NOT_SEARCHED, "---", "", "# Date not stated", "",
                 f"{plural(len(undated), 'article')} whose text states no date with a year · [all years](index.md)", ""]
                + undated_lines()) + "\n"
    if wanted("timeline/index.md"):
        out["timeline/index.md"] = "\n".join(listing) + "\n"
    return out


def _per_year(pages: list[ArticlePage]) -> list[tuple[str, int]]:
    """(year, articles) for every year from the first dated article to the last, oldest first."""
    counts = Counter(p.front.date[:4] for p in pages if p.front.date)
    years = sorted(int(y) for y in counts if y.isdigit())
    if not years:
        return []
    span = range(years[0], years[-1] + 1) if years[-1] - years[0] <= 40 else years
    return [(str(y), counts.get(str(y), 0)) for y in span]


def _by_year(pages: list[ArticlePage], up: str) -> list[str]:
    """Article lines under a heading a year, newest first; undated ones last."""
    return _under_headings(pages, up, "###", lambda date: date[:4] or "Date not stated")


def _by_month(pages: list[ArticlePage], up: str) -> list[str]:
    """Article lines under a heading a month, newest first; those dated only to the year last."""
    return _under_headings(pages, up, "##", _month_heading)


def _under_headings(pages: list[ArticlePage], up: str, level: str, heading_of) -> list[str]:
    """Article lines, newest first, under a heading (`level`) each time heading_of(date) changes."""
    lines: list[str] = []
    current = None
    for page in _newest_first(pages):
        heading = heading_of(page.front.date or "")
        if heading != current:
            current = heading
            lines += ["", f"{level} {heading}", ""]
        lines.append(_article_line(page, up))
    return lines


def _month_heading(date: str) -> str:
    """'March' for a date stated to the month or the day; else 'Month not stated'."""
    return _MONTH_NAMES[int(date[5:7]) - 1] if len(date) >= 7 and date[5:7].isdigit() else "Month not stated"


def _yaml_str(text: str) -> str:
    # YAML's own double-quoted form, on one line: JSON's is not valid YAML for every character.
    return yaml.dump(str(text), Dumper=SAFE_DUMPER, default_style='"', allow_unicode=True, width=10**9).rstrip("\n")

