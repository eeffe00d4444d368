"""`briefing status`: what a curator should know before regenerating. Reads; writes nothing."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import BriefingError
from generator.extract.article import extract_article
from generator.generate import Project, body_fingerprint, scan_pages
from generator.read import check_source, read_bytes, read_source_bytes, real_folder, scan_sources
from generator.render import FIELDS, article_front_matter, fingerprint
from generator.state import State
from generator.taxonomy import load_taxonomy


@dataclass
class Status:
    edited: dict[str, list[str]] = field(default_factory=dict)      # page -> fields edited by hand
    conflicts: dict[str, list[str]] = field(default_factory=dict)   # page -> edited fields the source changed
    missing_sources: list[str] = field(default_factory=list)        # pages whose source is gone
    not_generated: list[str] = field(default_factory=list)          # sources with no page yet
    changed_sources: list[str] = field(default_factory=list)        # sources changed since their page was made
    broken: list[BriefingError] = field(default_factory=list)
    taxonomy: list[BriefingError] = field(default_factory=list)    # taxonomy.yml entries that do not validate
    refused: list[BriefingError] = field(default_factory=list)     # sources that are not read (links out, pipes)
    # (page, field) -> (the hand value, the extracted one, what changed): conflicts a run recorded, unsettled
    conflict_values: dict[tuple[str, str], tuple] = field(default_factory=dict)


def open_conflicts(front: dict) -> dict[str, dict]:
    """The conflicts a page's provenance records and the curator has not settled: a record stands while
    the field still holds the hand value it was recorded against."""
    records = (front.get("provenance") or {}).get("conflicts") or {}
    return {name: record for name, record in records.items()
            if isinstance(record, dict) and record.get("hand") == fingerprint(front.get(name))}


def edited_fields(front: dict) -> list[str]:
    """The fields whose value no longer matches what the generator wrote, or that a human deleted."""
    prints = (front.get("provenance") or {}).get("fingerprint") or {}
    return [key for key in FIELDS
            if (key in front and prints.get(key) != fingerprint(front[key])) or (key not in front and key in prints)]


def status(root: Path) -> Status:
    project = Project(root)
    taxonomy = load_taxonomy(project.taxonomy)
    # Every page is read whole: the state keeps only what index pages need, not the fingerprints.
    pages = scan_pages(project, taxonomy, State())
    result = Status(broken=list(pages.broken.values()), taxonomy=list(taxonomy.problems))
    listing = scan_sources(project.sources)
    inside = real_folder(project.sources)
    result.refused = list(listing.refused)
    sources = {}
    for path in listing.paths:
        name = project.relative_unresolved(Path(path))
        try:
            check_source(path, name, inside)
        except BriefingError as error:
            result.refused.append(error)
            continue
        sources[name] = Path(path)
    page_of = {source: relative for relative, source in pages.source_of.items()}
    # With no state, every page was read whole: its front matter as written holds the fingerprints.
    for relative, page in sorted(pages.parsed.items()):
        front = page.written
        source = pages.source_of.get(relative)
        if source not in sources:
            result.missing_sources.append(relative)
        fields = edited_fields(front)
        written = ((front.get("provenance") or {}).get("fingerprint") or {}).get("body")
        if written and body_fingerprint(page.body) != written:
            fields.append("body")       # edited outside its notes: kept as it stands
        if fields:
            result.edited[relative] = fields
        for field_name, record in open_conflicts(front).items():
            result.conflicts.setdefault(relative, []).append(field_name)
            result.conflict_values[(relative, field_name)] = (front.get(field_name), record.get("extracted"),
                                                              record.get("cause") or "the source")
        data = _source_bytes(sources[source], source, inside) if source in sources else None
        # The page names the bytes it was made from: a fresh clone (no state, new mtimes) has changed nothing.
        made_from = page.front.provenance.sha256
        sha = hashlib.sha256(data).hexdigest() if data is not None else None
        if data is not None and made_from != sha:
            result.changed_sources.append(source)
            if fields:
                for field_name in _conflicting(front, fields, source, data, taxonomy):
                    if field_name not in result.conflicts.get(relative, []):
                        result.conflicts.setdefault(relative, []).append(field_name)
    result.not_generated = sorted(name for name in sources if name not in page_of)
    return result


def _source_bytes(path: Path, name: str, inside: str) -> bytes | None:
    """A source's bytes when it may be read (a link out of sources/, a pipe, a huge file: None)."""
    try:
        return read_source_bytes(str(path), name, inside)
    except BriefingError:
        return None


def _conflicting(front: dict, fields: list[str], source: str, data: bytes, taxonomy) -> list[str]:
    try:
        article = extract_article(read_bytes(data, source, html=source.endswith((".html", ".htm"))), taxonomy)
    except BriefingError:
        return []
    fresh = article_front_matter(article)["provenance"]["fingerprint"]
    old = (front.get("provenance") or {}).get("fingerprint") or {}
    return [key for key in fields if old.get(key) and fresh.get(key) != old.get(key)]


def _shown(value) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 120 else text[:117] + "…"


def format_status(result: Status) -> str:
    lines = []

    def section(title: str, rows: list[str]) -> None:
        lines.append(f"{title}: {len(rows)}")
        lines.extend(f"  {row}" for row in rows)

    section("pages with hand edits", [f"{page}: {', '.join(fields)}" for page, fields in result.edited.items()])
    rows = []
    for page, fields in result.conflicts.items():
        for name in fields:
            if (page, name) in result.conflict_values:
                hand, extracted, cause = result.conflict_values[(page, name)]
                rows.append(f"{page}: {name}: kept the hand value {_shown(hand)}; {cause} now gives {_shown(extracted)}"
                            f" (settle: edit the field, or briefing settle {page} {name} --keep hand|extracted)")
            else:
                rows.append(f"{page}: {name}: edited by hand, and the source changed since (the next run records it)")
    section("conflicts (a hand edit kept where the extraction changed)", rows)
    section("pages whose source is missing", result.missing_sources)
    section("sources not yet generated", result.not_generated)
    section("sources changed since their page was generated", result.changed_sources)
    section("broken pages", [str(error) for error in result.broken])
    section("taxonomy problems (no page changes until they are fixed)", [str(error) for error in result.taxonomy])
    section("sources refused (not read)", [str(error) for error in result.refused])
    return "\n".join(lines)
