"""Render an article page: YAML front matter (yaml.safe_dump) and a Markdown body made from it.

The body's header is rendered from the front matter, so a hand edit of the front matter shows on
the page; the article text follows, escaped. Pure: data in, text out.
"""

from __future__ import annotations

import hashlib
import html
import io
import json
import re

import yaml

from generator import __version__
from generator.dates import find_dates
from generator.errors import printable
from generator.extract.sentences import split_sentences
from generator.markdown_text import escape_text, inert_markup
from generator.model import Article
from generator.slugs import organization_slug, person_slug
from generator.spellings import with_plain_spellings
from generator.taxonomy import Taxonomy

# Front-matter keys, in the order LABELLING.md gives them; `provenance` follows.
FIELDS = (
    "title", "title_derived", "date", "date_precision", "source", "countries", "primary_countries",
    "people", "organizations", "topics", "summary", "key_figures", "events",
)
TEXT_HEADING = "## Article text"


def article_front_matter(article: Article, collected: str | None = None) -> dict:
    """The extracted fields as front matter, with provenance and a fingerprint of each field.

    `collected` (YYYY-MM-DD) is the day the article entered the briefing: the caller passes the page's
    own when it has one, so a page keeps the day it was first made."""
    record = article.record()
    data = {key: record[key] for key in FIELDS}
    if data["title"]:
        data["title"] = inert_markup(data["title"])
    data["provenance"] = {
        "file": article.path,
        "sha256": article.sha256,
        **({"collected": collected} if collected else {}),
        "generator": f"briefing {__version__}",
        "inferred": _inferred(article),
        "fingerprint": {key: fingerprint(data[key]) for key in FIELDS},
    }
    return data


def _inferred(article: Article) -> list[str]:
    notes = []
    if article.title_derived:
        notes.append("title: derived from the first sentence (the text has no headline)")
    if article.title and inert_markup(article.title) != article.title:
        notes.append("title: an invisible word joiner follows each '<' that would open markup, so that a renderer "
                     "that prints titles as HTML shows it as text")
    if article.section:
        notes.append(section_note(article.section))
    if article.date is None:
        notes.append("date: not stated with a year in the text")
    elif article.date_precision != "day":
        notes.append(f"date: only the {article.date_precision} is stated")
    return notes


_SECTION_NOTE = "title: the section label '{}' after the headline was removed"
_SECTION_NOTE_READ = re.compile(r"^title: the section label '(?P<label>[^']+)' after the headline was removed$")


def section_note(label: str) -> str:
    """The provenance note that keeps a headline's section label ("| Opinion") cleaning removed."""
    return _SECTION_NOTE.format(label)


def section_label(front: dict) -> str | None:
    """The section label a page's provenance notes record, else None."""
    for note in (front.get("provenance") or {}).get("inferred") or []:
        found = _SECTION_NOTE_READ.match(str(note))
        if found:
            return found.group("label")
    return None


def fingerprint(value) -> str:
    """A short hash of a field's value: tells a generated value from a hand-edited one."""
    canonical = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()[:12]


# libyaml's safe dumper: the same safe representer as yaml.safe_dump (plain types only), ten times faster.
SAFE_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


_STR, _SEQ, _MAP = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"


def dump_front_matter(data: dict) -> str:
    """yaml.safe_dump(data) in block style, keys in their order, width 100."""
    # PyYAML's representer turns the data into nodes through a generic dispatch (aliases, type
    # lookups) that was a third of dumping a page; front matter is strings, lists and dicts, whose
    # nodes are built here directly, then serialized by libyaml as yaml.dump does. A test checks the
    # text is yaml.dump's.
    stream = io.StringIO()
    dumper = SAFE_DUMPER(stream, default_flow_style=False, sort_keys=False, allow_unicode=True, width=100)
    try:
        dumper.open()
        dumper.serialize(_node(dumper, data))
        dumper.close()
    finally:
        dumper.dispose()
    return stream.getvalue()


def _node(dumper, data) -> yaml.Node:
    kind = type(data)
    if kind is str:
        return yaml.ScalarNode(_STR, data)
    if kind is list:
        return yaml.SequenceNode(_SEQ, [_node(dumper, item) for item in data], flow_style=False)
    if kind is dict:
        return yaml.MappingNode(_MAP, [(_node(dumper, key), _node(dumper, value)) for key, value in data.items()],
                                flow_style=False)
    return dumper.represent_data(data)      # None, booleans, numbers, dates: the representer's own


def render_page(front_matter: dict, body: str) -> str:
    return f"---\n{dump_front_matter(front_matter)}---\n\n{body.rstrip()}\n"


def render_drafted_page(front_yaml: str, more: dict, body: str) -> str:
    """render_page(front_matter | more, body) from front_matter dumped already: YAML's top-level
    mapping is its keys one after another, so `more` is dumped on its own and follows."""
    return f"---\n{front_yaml}{dump_front_matter(more) if more else ''}---\n\n{body.rstrip()}\n"


def format_date(date: str | None, precision: str | None) -> str:
    """A date as a reader should see it: 'June 2024' for a month, 'date not stated' for none."""
    import datetime as dt

    if not date:
        return "date not stated"
    date = str(date)        # a page as written may say `date: 2024`, which YAML reads as a number
    try:
        if precision == "day" or len(date) == 10:
            return dt.date.fromisoformat(date).strftime("%-d %B %Y")
        if precision == "month" or len(date) == 7:
            return dt.date.fromisoformat(date + "-01").strftime("%B %Y")
    except ValueError:
        return date
    return date


def stated_date(front: dict, text: str) -> str:
    """The page's date line: the front matter's date, else a day and month the lead states without a
    year ("14 June (year not stated)"), else 'date not stated'. The year is never guessed."""
    if front.get("date"):
        return format_date(front.get("date"), front.get("date_precision"))
    sentences = split_sentences(text) if text else ()
    lead = find_dates(sentences[0]) if sentences else []
    if lead and lead[0].yearless:
        import datetime as dt

        month = dt.date(2000, lead[0].month, 1).strftime("%B")
        day = f"{lead[0].day} " if lead[0].day else ""
        return f"{day}{month} (year not stated)"
    return "date not stated"


def render_article_body(front: dict, text: str, taxonomy: Taxonomy, notes: str = "") -> str:
    """The page body: a header from the front matter, then the article text."""
    up = "../"
    lines: list[str] = [f"# {escape_text(front.get('title') or 'Untitled article')}", ""]
    facts = [f"**Date:** {escape_text(stated_date(front, text))}"]
    if front.get("source"):
        facts.append(f"**Source:** {escape_text(front['source'])}")
    label = section_label(front)
    if label:
        facts.insert(0, f"<small>{_h(label)}</small>")
    lines += [" · ".join(facts), ""]
    # The summary right under the date line: on a phone it is what the reader sees first.
    # Long texts go in as escaped HTML blocks: Markdown's inline pass over them is the bulk of a page's cost.
    if front.get("summary"):
        lines += ['<div class="admonition abstract"><p class="admonition-title">Summary</p>'
                  f"<p>{_h(front['summary'])}</p></div>", ""]
    countries = front.get("countries") or []
    if countries:
        links = [f"[{escape_text(taxonomy.country_label(c))}]({up}countries/{taxonomy.country_slug(c)}.md)"
                 for c in countries]
        lines += ["**Countries:** " + ", ".join(links), ""]
    topics = [t for t in front.get("topics") or [] if t in taxonomy.topics]
    if topics:
        links = [f"[{escape_text(taxonomy.topic_label(t))}]({up}topics/{t}.md)" for t in topics]
        lines += ["**Topics:** " + ", ".join(links), ""]
    people = front.get("people") or []
    if people:
        lines += ["**People:**", ""]
        for person in people:
            name = person.get("name") or ""
            canonical = taxonomy.person_by_alias.get(name, name)
            entry = f"- [{escape_text(name)}]({up}people/{person_slug(canonical)}.md)"
            role = person.get("role")
            country = taxonomy.country_label(person["country"]) if person.get("country") else None
            if country and role and country in role:
                country = None      # "Minister of Defense of Azerbaijan" already says it
            details = [d for d in (role, country) if d]
            if details:
                entry += " — " + escape_text(", ".join(details))
            lines.append(entry)
        lines.append("")
    organizations = [o for o in front.get("organizations") or [] if isinstance(o, str) and o.strip()]
    if organizations:       # "; " between them: a name may hold a comma
        links = [f"[{escape_text(o)}]({up}organizations/{organization_slug(taxonomy.organization_name(o))}.md)"
                 for o in organizations]
        lines += ["**Organisations:** " + "; ".join(links), ""]
    if front.get("key_figures"):
        lines += ["<p><strong>Key figures:</strong></p><ul>" + "".join(f"<li>{_h(f)}</li>" for f in front["key_figures"])
                  + "</ul>", ""]
    if front.get("events"):
        items = []
        for event in front["events"]:
            when = format_date(event.get("date"), None) if event.get("date") else "Date not stated"
            items.append(f"<li>{_h(when)}: {_h(event.get('what') or '')}</li>")
        lines += ["<p><strong>Events:</strong></p><ul>" + "".join(items) + "</ul>", ""]
    lines += [TEXT_HEADING, "", article_text_html(text), ""]
    provenance = front.get("provenance") or {}
    lines += ["---", "", f"*Source file:* `{escape_code(provenance.get('file', ''))}`"]
    for note in provenance.get("inferred") or []:
        lines.append(f"<br>*Inferred:* {escape_text(note)}")
    body = with_plain_spellings("\n".join(lines) + "\n")     # a curator's notes stay as they were written
    return body + f"\n{notes.strip()}\n" if notes.strip() else body


def _h(text) -> str:
    """Untrusted text for an HTML block Briefing writes: entities for <, > and &, on one line."""
    return html.escape(" ".join(str(text).split()), quote=False)


def article_text_html(text: str) -> str:
    """The article's paragraphs as one HTML block, every character escaped.

    Raw HTML that Briefing writes itself: Python-Markdown passes the block through without its inline
    pass, which is most of the cost of an article page on a large briefing. Nothing in the text can
    become markup, since <, > and & are entities.
    """
    paragraphs = [_h(part) for p in text.split("\n\n") if p.strip() for part in display_paragraphs(p)]
    return '<div class="briefing-text">\n' + "\n".join(f"<p>{p}</p>" for p in paragraphs) + "\n</div>"


MAX_PARAGRAPH_WORDS = 120


def display_paragraphs(paragraph: str) -> list[str]:
    """One paragraph as shown: a paragraph of more than MAX_PARAGRAPH_WORDS words is split at sentence
    ends into parts of at most that many words (a longer sentence stays whole). Only the display: the
    parts hold the paragraph's words, in order, and nothing else."""
    if len(paragraph.split()) <= MAX_PARAGRAPH_WORDS:
        return [paragraph]
    parts: list[list[str]] = [[]]
    count = 0
    for sentence in split_sentences(paragraph):
        words = len(sentence.split())
        if parts[-1] and count + words > MAX_PARAGRAPH_WORDS:
            parts.append([])
            count = 0
        parts[-1].append(sentence)
        count += words
    shown = [" ".join(part) for part in parts]
    # The sentence splitter only ever cuts at whitespace; should it not, the paragraph stays whole.
    return shown if " ".join(shown).split() == paragraph.split() else [paragraph]


def escape_code(text: str) -> str:
    """A file name inside a code span: no backtick to end it, control characters shown as escapes."""
    return printable(str(text).replace("`", "'"))
