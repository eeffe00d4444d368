"""A headline chooser whose weights are learned from the labelled corpus, measured split by split.

Usage: python bench/headline_model.py [SPLIT ...] [--l2 L2] [--weights OUT.json]

Each article's head lines (as cleaning hands them to head.choose_headline) and "no headline" are the
options; each gets a vector of the signals head.py weighs by hand (taken apart, not summed) and of shape
and position. A softmax over an article's options (a conditional logistic regression, L2-penalised) is
fitted on every split but one and scored on the one left out, title as bench/accuracy.py counts it.

With this checkout's code both choosers pick among options that cleaning (its head, its suffix and junk
tables) was tuned to give on every split, the held-out one too. The fair comparison is therefore made
again with the code each unseen split was first read at (its generator package taken from that commit):
there the hand chooser reproduces the first readings, and the learned one is scored on the same options.
"oracle" is the best any chooser of those options could do. The never-tuned test split, and any split
still being written, are never read.
"""

from __future__ import annotations

import argparse
import io
import json
import math
import os
import re
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
OPENWORLD = ROOT / "tests" / "openworld"
# Every labelled split but the never-tuned test split (and any split being written, which is not listed).
SPLITS = {"corpus": ROOT / "tests" / "corpus", "heldout": ROOT / "tests" / "heldout",
          **{name: OPENWORLD / name for name in ["dev", *(f"dev{n}" for n in range(2, 17))]}}
# The hand chooser's title accuracy on each split read before it was tuned on it (the openworld README),
# and the commit it was read at: the fourth round's first code for dev12-dev15, the fifth's for dev16.
FIRST_READINGS = {"dev12": 0.700, "dev13": 0.750, "dev14": 0.750, "dev15": 0.833, "dev16": 0.750}
FIRST_CODE = {"dev12": "2fcd667", "dev13": "2fcd667", "dev14": "2fcd667", "dev15": "2fcd667", "dev16": "01d521a"}
UNSEEN = tuple(FIRST_READINGS)

# The modules measured: this checkout's, or an older commit's generator package (_measure_at), set by _load.
clean_module = head = outlets = find_dates = _title_key = normalise = is_organization_name = extract_title = None
read_source = None


def _load(code: Path) -> None:
    global clean_module, head, outlets, find_dates, _title_key, normalise, is_organization_name, extract_title
    global read_source
    sys.path.insert(0, str(code))
    import generator.clean as clean_module      # noqa: F811
    import generator.extract.organizations as organizations
    from generator import head, outlets         # noqa: F811
    from generator.dates import find_dates      # noqa: F811
    from generator.evaluation import _title_key, normalise     # noqa: F811
    from generator.extract.title import extract_title          # noqa: F811
    from generator.read import read_source      # noqa: F811
    # Rules an older commit did not have yet count as never firing.
    is_organization_name = getattr(organizations, "is_organization_name", lambda line: False)


def _rule(name: str):
    """One of head.py's rules by name; one an older commit's code did not have yet never fires."""
    return getattr(head, name, lambda *args: False)


def _without_tab_tail(candidates: list[str], chosen: int) -> int:
    found = getattr(clean_module, "_without_tab_tail", None)
    return found(candidates, chosen) if found else chosen


def _social_post(line: str) -> bool:
    handle = getattr(head, "_HANDLE", None)
    return bool(_rule("post_age")(line) or handle and handle.fullmatch(line))


@dataclass
class Call:
    """One call of choose_headline as cleaning makes it."""
    candidates: list[str]
    lead: str
    page_lines: list[str]
    first_above_menu: bool
    owners: tuple[str, ...]


@dataclass
class Page:
    split: str
    name: str
    document: object
    gold: str | None            # the label's title key (None: no headline)
    today: str | None           # today's chooser's title key
    calls: list[Call]
    features: tuple | None = None   # the first call's (option features, "no headline" features)


def _title_of(document) -> str | None:
    text = clean_module.clean(document.text)
    title, derived = extract_title(text, document.html_title)
    return _title_key({"title": title, "title_derived": derived})


def collect() -> list[Page]:
    original = clean_module.choose_headline
    pages = []
    for split, folder in SPLITS.items():
        for gold in sorted(folder.glob("*.yml")):
            article = gold.with_suffix(".txt")
            document = read_source(article)
            calls: list[Call] = []

            def recording(candidates, lead, page_lines, first_above_menu=False, owners=()):
                calls.append(Call(list(candidates), lead, list(page_lines), first_above_menu, tuple(owners)))
                return original(candidates, lead, page_lines, first_above_menu=first_above_menu, owners=owners)

            clean_module.choose_headline = recording
            try:
                today = _title_of(document)
            finally:
                clean_module.choose_headline = original
            label = yaml.safe_load(gold.read_text(encoding="utf-8")) or {}
            page = Page(split, article.name, document, _title_key(label), today, calls)
            page.features = featurise(calls[0]) if calls else None
            pages.append(page)
    return pages


# ---------------------------------------------------------------------------------------------- features

def _leads(call: Call) -> tuple[str, str]:
    """The lead cleaning compares with first, and the one it falls back on (the text after a notice)."""
    end = len(call.candidates)
    lines = call.page_lines
    return " ".join(lines[end:end + 2]), " ".join(lines[end + 2:end + 4]) if len(lines) > end + 3 else ""


def _stems_of(text: str) -> set[str]:
    return head.content_stems(" ".join(text.split()[:head._LEAD_WORDS]))


_CAPITAL_WORD = re.compile(r"^[\W\d_]*[A-ZÀ-Þ]")
_DIGIT = re.compile(r"\d")
_QUOTE = re.compile(r"[\"“”‘’']")
_DASH = re.compile(r"\s[-–—]\s")


def _rejections(line: str, words: list[str], stems: set[str]) -> dict[str, float]:
    """headline_score's hard rules, each on its own (the hand score gives up at the first)."""
    lexicon = head.lexicon()
    return {
        "r_length": float(not head._MIN_WORDS <= len(words) <= head._MAX_WORDS or len(line) > 250),
        "r_colon_end": float(line.rstrip().endswith(":")),
        "r_url": float(bool(head._URL.search(line))),
        "r_bars": float(line.count("|") >= 2),
        "r_furniture": float(head.is_furniture(line)),
        "r_credit": float(bool(lexicon.credits.search(line))),
        "r_outlet": float(len(words) <= 6 and outlets.looks_like_outlet(line)),
        "r_site_title": float(bool(outlets.outlet_named(head._SITE_TITLE_SPLIT.split(line, 1)[0]))),
        "r_bullet": float(line[:1] in head._BULLETS),
        "r_crumb": float(len(head._CRUMB_SEPARATOR.findall(line)) >= 2),
        "r_figures": float(2 * sum(any(ch.isalpha() for ch in w) for w in words) < len(words) + 1),
        "r_no_stems": float(not stems),
    }


def candidate_features(call: Call, lead_stems: set[str], alt_stems: set[str], context: dict) -> list[dict | None]:
    """A feature dict for each candidate line (None for an empty one)."""
    candidates = call.candidates
    seen = context["seen"]
    fields = head.field_block(candidates)
    menu_items = {head.line_key(line) for number, line in enumerate(candidates)
                  if head._among_menu_items(candidates, number)
                  and (len(line.split()) <= 4 or seen.get(head.line_key(line), 0) > 1)}
    nonempty = [n for n, line in enumerate(candidates) if line.strip()]
    longest = max((len(candidates[n].split()) for n in nonempty), default=1)
    stop = head.lexicon().stopwords
    rows: list[dict | None] = []
    for number, line in enumerate(candidates):
        if not line.strip():
            rows.append(None)
            continue
        words = line.split()
        stems = head.content_stems(line)
        shared = len(stems & lead_stems)
        share = shared / len(stems) if stems else 0.0
        alt_shared = len(stems & alt_stems)
        rejections = _rejections(line, words, stems)
        owner = len(words) <= 6 and any(line in o for o in call.owners)
        rejections["r_field_or_owner"] = float(number in fields or owner)
        rejections["r_cut_short"] = float(_rule("_cut_short")(line, candidates))
        rejections["r_names_lead"] = float(head._names_the_lead_begins_with(line, context["lead"]))
        rejections["r_body_over_menu"] = float(bool(head.lexicon().body_name.fullmatch(line))
                                               and head.navigation_follows(candidates, number + 1))
        dated = next((d for d in find_dates(line) if d.month is not None), None)
        alpha = [w for w in words if any(ch.isalpha() for ch in w)]
        capital = sum(bool(_CAPITAL_WORD.match(w)) for w in alpha) / max(1, len(alpha))
        content = [w for w in alpha if w.lower() not in stop]
        previous = next((candidates[n] for n in range(number - 1, -1, -1) if candidates[n].strip()), "")
        following = next((candidates[n] for n in range(number + 1, len(candidates)) if candidates[n].strip()), "")
        row = {
            **rejections,
            "any_rejection": float(any(rejections.values())),
            # the hand score's parts
            "share": share,
            "shared": min(shared, 4) / 4,
            "shared_none": float(shared == 0),
            "alt_share": len(stems & alt_stems) / len(stems) if stems else 0.0,
            "alt_only": float(shared == 0 and alt_shared > 0),
            "lead_cover": shared / max(1, len(lead_stems)),
            "body_share": len(stems & context["body_stems"]) / len(stems) if stems else 0.0,
            "menu_like": float(head._menu_like(words)),
            "repeated": float(seen.get(head.line_key(line), 0) > 1),
            "repeats": min(seen.get(head.line_key(line), 0) - 1, 3) / 3,
            "mid_length": float(5 <= len(words) <= 20),
            "ends_stop": float(head._ends_sentence(line) and not line.rstrip().endswith("?")),
            "ends_question": float(line.rstrip().endswith("?")),
            "two_sentences": float(_rule("_two_sentences")(line)),
            "clock": float(bool(head._CLOCK.search(line))),
            "dated": float(dated is not None and (len(line[:dated.start].split()) < 4 or len(words) < 8)),
            "date_inside": float(dated is not None),
            "above_menu": float(number == 0 and call.first_above_menu),
            "over_furniture": float(number == 1 and head._furniture_follows(candidates, 2)),
            "organization": float(is_organization_name(line)),
            "menu_item": float(head.line_key(line) in menu_items),
            # position and length
            "first": float(number == nonempty[0]),
            "last": float(number == nonempty[-1]),
            "position": nonempty.index(number) / max(1, len(nonempty) - 1),
            "lines_to_text": min(len(candidates) - 1 - number, 10) / 10,
            "log_words": math.log(len(words)),
            "short": float(len(words) <= 4),
            "long": float(len(words) > 20),
            "relative_length": len(words) / longest,
            "longest": float(len(words) == longest),
            # shape
            "capital_share": capital,
            "all_capitals": float(line.upper() == line and any(ch.isalpha() for ch in line)),
            "title_case": float(bool(content) and all(_CAPITAL_WORD.match(w) for w in content) and len(words) > 3),
            "lower_start": float(line[:1].islower()),
            "stop_share": sum(w.lower() in stop for w in words) / len(words),
            "inner_colon": float(":" in line.rstrip(":")),
            "quote": float(bool(_QUOTE.search(line))),
            "dash": float(bool(_DASH.search(line))),
            "digit": float(bool(_DIGIT.search(line))),
            "comma": float("," in line),
            "ellipsis": float(line.rstrip().endswith(("...", "…"))),
            "parenthesis": float("(" in line),
            # neighbours
            "stamp_below": float(head._stamp_follows(candidates, number + 1)),
            "byline_below": float(following.startswith("By ")),
            "menu_below": float(head.navigation_follows(candidates, number + 1)),
            "furniture_below": float(head._furniture_follows(candidates, number + 1)),
            "short_above": float(0 < len(previous.split()) <= 2),
            "furniture_above": float(bool(previous) and head.is_furniture(previous)),
            "sentence_below": float(len(following.split()) >= 8 and head._ends_sentence(following)),
        }
        rows.append(row)
    # against the other candidates of the head
    open_rows = [r for r in rows if r is not None and not r["any_rejection"]]
    best = max((r["share"] for r in open_rows), default=0.0)
    for r in rows:
        if r is not None:
            r["best_share"] = float(not r["any_rejection"] and r["share"] == best and best > 0)
            r["share_gap"] = r["share"] - best
    first_open = next((r for r in rows if r is not None and not r["any_rejection"]), None)
    if first_open is not None:
        first_open["first_open"] = 1.0
    return rows


def null_features(call: Call, rows: list[dict | None], lead_stems: set[str]) -> dict:
    """What speaks for "no headline" on the page as a whole."""
    open_rows = [r for r in rows if r is not None and not r["any_rejection"]]
    shares = sorted((r["share"] for r in open_rows), reverse=True)
    return {
        "null_bias": 1.0,
        "null_post": float(any(_social_post(line) for line in call.candidates)),
        "null_no_open": float(not open_rows),
        "null_open_lines": min(len(open_rows), 10) / 10,
        "null_best_share": shares[0] if shares else 0.0,
        "null_second_share": shares[1] if len(shares) > 1 else 0.0,
        "null_head_lines": min(len(call.candidates), 20) / 20,
        "null_no_lead": float(not lead_stems),
        "null_one_open": float(len(open_rows) == 1),
    }


def featurise(call: Call) -> tuple[list[dict | None], dict]:
    lead, alt = _leads(call)
    lead_stems, alt_stems = _stems_of(lead), _stems_of(alt)
    seen: dict[str, int] = {}
    for line in call.page_lines:
        key = head.line_key(line)
        seen[key] = seen.get(key, 0) + 1
    body = " ".join(call.page_lines[len(call.candidates):])
    context = {"seen": seen, "lead": call.lead, "body_stems": head.content_stems(" ".join(body.split()[:400]))}
    rows = candidate_features(call, lead_stems, alt_stems, context)
    return rows, null_features(call, rows, lead_stems)


def targets(call: Call, gold: str | None) -> list[int]:
    """The candidates (by index; -1 for "no headline") that give the label's title."""
    if gold is None:
        return [-1]
    return [n for n, line in enumerate(call.candidates) if line.strip()
            and normalise(call.candidates[_without_tab_tail(call.candidates, n)]) == gold]


# ------------------------------------------------------------------------------------------------ model

class Model:
    """Softmax over an article's candidates and "no headline": score = weights · features."""

    def __init__(self, weights: dict[str, float]):
        self.weights = weights

    def scores(self, rows: list[dict | None], null: dict) -> list[tuple[int, float]]:
        w = self.weights
        out = [(-1, sum(w.get(k, 0.0) * v for k, v in null.items()))]
        out += [(n, sum(w.get(k, 0.0) * v for k, v in row.items())) for n, row in enumerate(rows) if row is not None]
        return out

    def choose(self, call: Call) -> int | None:
        rows, null = featurise(call)
        best = max(self.scores(rows, null), key=lambda pair: pair[1])[0]   # the upper line of a tie
        return None if best == -1 else best


def _examples(pages: list[Page]) -> list[tuple[list[tuple[int, dict]], set[int]]]:
    """(candidates as (index, features), the indices of the right ones) for the pages a candidate can get right."""
    examples = []
    for page in pages:
        if not page.calls:
            continue
        call = page.calls[0]
        right = set(targets(call, page.gold))
        if not right:
            continue            # no head line gives the label's title: a miss whatever the chooser
        rows, null = page.features
        options = [(-1, null)] + [(n, row) for n, row in enumerate(rows) if row is not None]
        examples.append((options, right))
    return examples


def fit(pages: list[Page], l2: float) -> Model:
    """Maximum likelihood of the right candidates, with an L2 penalty, by L-BFGS."""
    examples = _examples(pages)
    names = sorted({k for options, _ in examples for _, f in options for k in f})
    index = {name: i for i, name in enumerate(names)}
    dense = [([(n, [(index[k], v) for k, v in f.items() if v]) for n, f in options], right) for options, right in examples]
    size = len(names)

    def loss_and_gradient(w: list[float]) -> tuple[float, list[float]]:
        loss = 0.5 * l2 * sum(x * x for x in w)
        grad = [l2 * x for x in w]
        for options, right in dense:
            scores = [sum(w[i] * v for i, v in f) for _, f in options]
            top = max(scores)
            top_right = max(s for (n, _), s in zip(options, scores) if n in right)
            exps = [math.exp(s - top) for s in scores]
            right_exps = [math.exp(s - top_right) if n in right else 0.0 for (n, _), s in zip(options, scores)]
            total, good = sum(exps), sum(right_exps)
            loss += top + math.log(total) - top_right - math.log(good)
            for (n, f), e, r in zip(options, exps, right_exps):
                coefficient = e / total - r / good
                if coefficient:
                    for i, v in f:
                        grad[i] += coefficient * v
        return loss, grad

    w = lbfgs(loss_and_gradient, [0.0] * size)
    return Model({name: round(w[i], 4) for name, i in index.items()})


def lbfgs(function, x: list[float], memory: int = 10, iterations: int = 300, tolerance: float = 1e-6) -> list[float]:
    """Minimise a smooth convex function (value and gradient) by limited-memory BFGS with backtracking."""
    value, grad = function(x)
    s_list: list[list[float]] = []
    y_list: list[list[float]] = []
    for _ in range(iterations):
        q = list(grad)
        alphas = []
        for s, y in reversed(list(zip(s_list, y_list))):
            rho = 1.0 / sum(a * b for a, b in zip(y, s))
            alpha = rho * sum(a * b for a, b in zip(s, q))
            alphas.append((rho, alpha, s, y))
            q = [a - alpha * b for a, b in zip(q, y)]
        if s_list:
            s, y = s_list[-1], y_list[-1]
            gamma = sum(a * b for a, b in zip(s, y)) / sum(b * b for b in y)
            q = [gamma * a for a in q]
        for rho, alpha, s, y in reversed(alphas):
            beta = rho * sum(a * b for a, b in zip(y, q))
            q = [a + (alpha - beta) * b for a, b in zip(q, s)]
        direction = [-a for a in q]
        slope = sum(a * b for a, b in zip(grad, direction))
        if slope >= 0:
            direction, slope, s_list, y_list = [-g for g in grad], -sum(g * g for g in grad), [], []
        step = 1.0
        while True:
            candidate = [a + step * d for a, d in zip(x, direction)]
            new_value, new_grad = function(candidate)
            if new_value <= value + 1e-4 * step * slope or step < 1e-10:
                break
            step *= 0.5
        s_new = [a - b for a, b in zip(candidate, x)]
        y_new = [a - b for a, b in zip(new_grad, grad)]
        if sum(a * b for a, b in zip(s_new, y_new)) > 1e-12:
            s_list.append(s_new)
            y_list.append(y_new)
            if len(s_list) > memory:
                s_list.pop(0)
                y_list.pop(0)
        improvement = value - new_value
        x, value, grad = candidate, new_value, new_grad
        if improvement < tolerance * max(1.0, abs(value)):
            break
    return x


# ------------------------------------------------------------------------------------------- measuring

def title_with(model: Model, page: Page) -> str | None:
    """The page's title key with the model choosing the headline (it decides once, with both leads)."""
    original = clean_module.choose_headline

    def learned(candidates, lead, page_lines, first_above_menu=False, owners=()):
        call = Call(list(candidates), lead, list(page_lines), first_above_menu, tuple(owners))
        if lead != _leads(call)[0]:
            return None         # cleaning's second try, with the later lead: the model weighed that lead already
        return model.choose(call)

    clean_module.choose_headline = learned
    try:
        return _title_of(page.document)
    finally:
        clean_module.choose_headline = original


def accuracy(keys: list[tuple[str | None, str | None]]) -> float:
    return sum(got == want for got, want in keys) / len(keys) if keys else 1.0


def measure(l2: float, held_out: list[str]) -> dict[str, dict]:
    """For each split held out: its size, how many articles reach the chooser and how many of those have the
    right answer among the options, and title accuracy with the hand chooser and with the learned one
    (fitted on every other split)."""
    pages = collect()
    results = {}
    for name in held_out:
        held = [p for p in pages if p.split == name]
        model = fit([p for p in pages if p.split != name], l2)
        results[name] = {
            "articles": len(held),
            "chooser": sum(bool(p.calls) for p in held),
            "reach": sum(bool(p.calls and targets(p.calls[0], p.gold)) for p in held),
            "hand": accuracy([(p.today, p.gold) for p in held]),
            "learned": accuracy([(title_with(model, p), p.gold) for p in held]),
            # the best any chooser of these options could do: the right option whenever there is one
            "oracle": sum(bool(targets(p.calls[0], p.gold)) if p.calls else p.today == p.gold for p in held) / len(held),
        }
    return results


def _measure_at(commit: str, l2: float, held_out: list[str]) -> dict[str, dict]:
    """measure() with the generator package of an older commit (the labels are this checkout's)."""
    with tempfile.TemporaryDirectory() as folder:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", commit, "generator"], check=True,
                                 capture_output=True).stdout
        with tarfile.open(fileobj=io.BytesIO(archive)) as package:
            package.extractall(folder, filter="data")
        found = subprocess.run([sys.executable, __file__, "--code", folder, "--l2", str(l2), "--json", *held_out],
                               check=True, capture_output=True, text=True, cwd=folder,
                               env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}).stdout
    return json.loads(found)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("held_out", nargs="*", help="the splits to hold out one by one (all by default)")
    parser.add_argument("--l2", type=float, default=1.0, help="the weights' L2 penalty")
    parser.add_argument("--weights", type=Path, help="write the weights fitted on every split here (JSON)")
    parser.add_argument("--code", type=Path, help=argparse.SUPPRESS)    # the generator package to measure
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    _load(args.code or ROOT)
    held_out = args.held_out or list(SPLITS)
    now = measure(args.l2, held_out)
    if args.json:
        print(json.dumps(now))
        return
    first = {}
    for commit in sorted(set(FIRST_CODE.values())):
        wanted = [name for name in held_out if FIRST_CODE.get(name) == commit]
        if wanted:
            first.update(_measure_at(commit, args.l2, wanted))

    print("Title accuracy, each split held out in turn (the learned chooser fitted on all the others).")
    print("@first: the code a split was first read at (before it was tuned on); today: this checkout's code.")
    print("chooser: articles whose headline the chooser decides; reach: those with the label's among its options"
          " (today's code).")
    print(f"{'split':<9}{'articles':>9}{'chooser':>8}{'reach':>6}{'first read':>11}{'oracle@first':>13}"
          f"{'hand@first':>11}{'learned@first':>14}{'oracle today':>13}{'hand today':>11}{'learned today':>14}")
    for name in held_out:
        row = now[name]
        old = first.get(name)
        reading = f"{FIRST_READINGS[name]:.3f}" if name in FIRST_READINGS else "-"
        print(f"{name:<9}{row['articles']:>9}{row['chooser']:>8}{row['reach']:>6}{reading:>11}"
              + (f"{old['oracle']:>13.3f}{old['hand']:>11.3f}{old['learned']:>14.3f}" if old else f"{'-':>13}{'-':>11}{'-':>14}")
              + f"{row['oracle']:>13.3f}{row['hand']:>11.3f}{row['learned']:>14.3f}")
    unseen = [name for name in UNSEEN if name in held_out]
    if unseen:
        def mean(values):
            return sum(values) / len(values)
        def means(rows, keys):
            return "".join(f"{mean([rows[n][k] for n in unseen]):>{w}.3f}" for k, w in keys)
        print(f"{'mean ' + unseen[0] + '..' + unseen[-1]:<32}{mean([FIRST_READINGS[n] for n in unseen]):>11.3f}"
              + (means(first, (("oracle", 13), ("hand", 11), ("learned", 14)))
                 if all(n in first for n in unseen) else f"{'-':>13}{'-':>11}{'-':>14}")
              + means(now, (("oracle", 13), ("hand", 11), ("learned", 14))))
    if args.weights:
        args.weights.write_text(json.dumps(fit(collect(), args.l2).weights, indent=1, sort_keys=True) + "\n",
                                encoding="utf-8")


if __name__ == "__main__":
    main()
