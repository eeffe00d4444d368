"""`briefing settle PAGE FIELD --keep hand|extracted`: end a conflict a run recorded in a page.

A conflict is a field a curator edited whose extraction has changed since (generate.py records it in the
page's provenance). Keeping the hand value ends the conflict and the field stays an edit; keeping the
extracted value writes it into the field, which then follows the source again. The page is replaced
only if it is still the file read here, as every write of the generator is.
"""

from __future__ import annotations

from pathlib import Path

from generator.errors import BriefingError
from generator.pages import read_page
from generator.render import fingerprint, render_page
from generator.status import open_conflicts
from generator.taxonomy import load_taxonomy
from generator.write import ContentWriter, page_signature


def settle(root: Path, page: str, field: str, keep: str) -> str:
    """Settle one conflict; returns what was done, for the command to print."""
    content = Path(root) / "content"
    relative = page.removeprefix("content/")
    path = content / relative
    signature = page_signature(str(path))
    # Read as every run reads a page (a broken one is named with its line), and written back as it writes one.
    page_read = read_page(path, load_taxonomy(Path(root) / "taxonomy.yml"), f"content/{relative}")
    front, body = dict(page_read.written), page_read.body
    record = open_conflicts(front).get(field)
    if record is None:
        raise BriefingError(f"content/{relative}", f"{field}: no open conflict to settle (see briefing status)")
    provenance = dict(front["provenance"])
    conflicts = {name: value for name, value in (provenance.get("conflicts") or {}).items() if name != field}
    if conflicts:
        provenance["conflicts"] = conflicts
    else:
        provenance.pop("conflicts", None)
    if keep == "extracted":
        front[field] = record.get("extracted")
        provenance["fingerprint"] = {**(provenance.get("fingerprint") or {}), field: fingerprint(front[field])}
        done = f"content/{relative}: {field}: took the extracted value; the field follows the source again"
    else:
        done = f"content/{relative}: {field}: kept the hand value"
    front["provenance"] = provenance
    writer = ContentWriter(content, sweep=False)
    try:
        writer.write(relative, render_page(front, body), unchanged_since=signature)
    except (OSError, ValueError) as error:
        raise BriefingError(f"content/{relative}", f"cannot write: {error}") from None
    return done
