"""People: named persons of the article, each with the role and country the text gives them.

Chain per mention: a name right after a rank or role ("Colonel General Zakir Hasanov"), or before an
appositive role ("Zakir Hasanov, Minister of …"), or before a reporting verb ("Gaich noted"), or a
spelling the taxonomy knows. Short forms ("Z. Hasanov", "Hasanov") then fold into the full name, and a
full name nothing marks is kept when its short form is marked. What the rest of the text writes decides
the rest: a capitalised word it also writes in lower case is no part of a name.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from generator import resources
from generator.extract.countries import country_mentions, named_in_other_languages, region_country
from generator.model import Person
from generator.spellings import fold
from generator.taxonomy import Taxonomy

# Every token starts on a character that is no space: the lookahead passes over spaces without trying
# the branches. "H.E." is one token, written with its stops or without them ("H E Adish Mammadov").
def _token_pattern(abbreviations: frozenset[str]) -> re.Pattern:
    """A sentence's words; a rank's or a form of address's abbreviation keeps its stop ("Gen.", "Gov.",
    "Dr."), as do initials ("Z. Hasanov")."""
    dotted = "|".join(sorted((re.escape(a) for a in abbreviations), key=len, reverse=True))
    # (an initial of a transliterated letter is two: Mongolian "Kh.Amgalanbaatar", Russian "Zh.")
    return re.compile(rf"(?=\S)(?:H\.\s?E\.|H E(?=\s+[A-Z])|(?:{dotted})\.|(?:[A-Z]|Kh|Ts|Ch|Sh|Zh)\.(?=\s?[A-Z])|"
                      r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+|[^\w\s])")
# "Abdel Fattah el-Sisi", "Bashar al-Assad": a lower-case particle joined to a capitalised part.
_NAME_PARTICLE = re.compile(r"(?:el|al|ad|as|ash|ul|bin|ibn|van|von|de|da|di|du|der|den|ben)-[A-Z][\w'’-]*")
_CONNECTORS = {"of", "the", "for", "and", "on", "in", "at", "-", "(", ")", ",",
               # the same inside a post written in Spanish, Portuguese or French ("ministra de Transporte y
               # Obras Públicas", "ministre des Armées")
               "de", "del", "y", "e", "da", "do", "dos", "das", "des", "du", "et", "la", "el", "le", "los", "las",
               "en", "em", "auprès",   # "embajador de Estados Unidos en México", "auprès des Nations unies"
               "au", "aux", "al", "ao", "à",   # "l'Ambassadeur de Russie au Mali", "embajador de Chile al Perú"
               "wa", "ya"}     # (and Swahili: "Waziri wa Afya")
# What leads into a body's name after a post, in English and in the other languages ("ministra de
# Transporte", "consejera del CNE"): a capitalised run after one is the body's, not a person's.
_OF = frozenset({"of", "for", "de", "del", "da", "do", "dos", "das", "des", "du", "wa", "ya"})     # (Swahili "wa", "ya")
_AND = frozenset({"and", "&", "y", "e", "et"})
_OF_A_PERSON = frozenset({"of", "de", "del", "do", "da", "di", "du"})     # "the government of", "el gobierno de"
_ARTICLES = frozenset({"the", "le", "la", "les", "el", "los", "las", "il", "lo", "o", "a", "der", "die", "das", "de", "het"})


@dataclass(frozen=True)
class PeopleLexicon:
    """The tables of data/roles.yml, read once (load_people_lexicon) and passed along."""

    ranks: frozenset[str]            # lower-case rank phrases ("colonel general")
    rank_words: frozenset[str]       # lower-case words inside ranks
    rank_ends: frozenset[str]        # the last words of ranks ("general", not the "air" of "air marshal")
    role_words: frozenset[str]
    title_words: frozenset[str]      # role_words and rank_words: any word of a post or a rank
    role_modifiers: frozenset[str]
    speech_verbs: frozenset[str]
    not_name: frozenset[str]
    not_name_endings: tuple[str, ...]    # "-tion", "-ator": a common noun's ending, never a name's
    clause_openers: frozenset[str]
    international: re.Pattern        # a role at an international body: its holder has no state of their own
    stateless_roles: frozenset[str]  # analysts, experts: the article's country is not assumed to be theirs
    role_stop: frozenset[str]        # lower-case words that never stand inside a role ("said", "with")
    compound_heads: tuple[str, ...]  # the posts a German compound ends on ("ministerin"), longest first
    lower_compound_heads: tuple[str, ...]    # ... and a Nordic one in lower case ("forsvarsminister")
    honorifics: frozenset[str]       # "Dr", "Mr.", "H.E.": they mark a person but are neither name nor role
    particles: frozenset[str]        # "bin", "da", "van": lower-case words inside a name
    byline: re.Pattern               # "Reporting by ...", "Photo: ...": journalists, not people of the article
    byline_titles: frozenset[str]    # "reporter", "correspondent": what a byline calls its journalists
    credentials: frozenset[str]      # "PhD", "DVM" after a name
    post_nominals: frozenset[str]    # "SC", "KC", "OBE" right after a name: a person's
    counterpart_roles: frozenset[str]  # "Presidents", "Prime Minister": two holders joined by "and" serve two states
    nations: re.Pattern              # "Scotland", "Welsh": a nation inside a state, and the state (nation_states)
    nation_states: dict[str, str]
    corporate: re.Pattern            # "CEO", "managing director": a company's officer, of no state by default
    officer_letters: frozenset[str]  # "CEO", "PLC": capitals in such a role that name no body
    sole_posts: frozenset[str]       # "president": a state has one holder at a time (lower case)
    legal_after: re.Pattern          # ", Inc.", " SRL": a company's legal form right after its name
    legal_before: re.Pattern         # "OJSC ": and right before it
    personal_nouns: frozenset[str]   # "government", "wife": after a possessive, they make the owner a person
    surname_titles: frozenset[str]   # "King", "Emir": titles that are family names too ("Madeleine King said")
    tokens: re.Pattern               # a sentence's words, abbreviated ranks and forms of address with their stop
    public_figures: dict[str, str]   # a well-known office-holder's folded, lower-case name -> the state served
    given_names: frozenset[str]      # "Raymond", "Kelsey": a full name that opens on one is a person's
    lower_demonyms: frozenset[str]    # "paraguayo", "sénégalais": a state's adjective inside a post
    institutions: re.Pattern         # a body only one state has ("Lok Sabha", "Knesset"), data/institutions.yml
    institution_states: dict[str, str]


@lru_cache(maxsize=1)
def load_people_lexicon() -> PeopleLexicon:
    data = resources.load_data("roles.yml")
    ranks = frozenset(r.lower() for r in data["ranks"])
    # British and Asian papers write the abbreviations without their stops ("Capt", "Pol Lt Gen").
    ranks |= frozenset(r.replace(".", "") for r in ranks) | frozenset(r.lower() for r in data["office_abbreviations"])
    rank_words = frozenset(w for r in ranks for w in re.split(r"[\s-]+", r)) | ranks
    role_words = frozenset(w.lower() for w in data["role_words"])
    # "Gen.", "Lt.", "Gov.", "Mrs.": the abbreviated words of the ranks and forms of address, without the stop
    abbreviations = frozenset(word[:-1] for phrase in (*data["ranks"], *data["office_abbreviations"], *data["honorifics"]) for word in str(phrase).split()
                              if word.endswith(".") and len(word) >= 3 and word[:-1].isalpha())
    figures = resources.load_data("public_figures.yml")["figures"] or {}
    institutions = {name: code for code, names in resources.load_data("institutions.yml")["institutions"].items()
                    for name in names}
    return PeopleLexicon(
        tokens=_token_pattern(abbreviations),
        public_figures={_figure_key(name): code for code, names in figures.items() for name in names or ()},
        given_names=frozenset(resources.load_data("given_names.yml")["given_names"] or ()),
        lower_demonyms=frozenset(form for forms in resources.load_data("demonyms.yml")["demonyms"].values()
                                 for form in forms),
        institutions=re.compile(r"(?<![\w])(?:%s)(?![\w])" % "|".join(
            sorted((re.escape(n) for n in institutions), key=len, reverse=True))),
        institution_states=institutions,
        ranks=ranks,
        rank_words=rank_words,
        rank_ends=frozenset(re.split(r"[\s-]+", r)[-1] for r in ranks),
        role_words=role_words,
        title_words=role_words | rank_words,
        role_modifiers=frozenset(w.lower() for w in data["role_modifiers"]),
        speech_verbs=frozenset(data["speech_verbs"]),
        not_name=frozenset(data["not_name_words"]),
        not_name_endings=tuple(data["not_name_endings"]),
        clause_openers=frozenset(data["clause_openers"]),
        international=re.compile("|".join([r"\b(?:%s)\b" % "|".join(re.escape(b) for b in data["international_bodies"]),
                                           *data["international_words"]])),
        stateless_roles=frozenset(w.lower() for w in data["stateless_roles"]),
        role_stop=frozenset(data["role_stop_words"]) | frozenset(data["speech_verbs"]),
        compound_heads=tuple(sorted(data["compound_post_heads"], key=len, reverse=True)),
        lower_compound_heads=tuple(sorted(data["lower_case_compound_heads"], key=len, reverse=True)),
        honorifics=frozenset(h.lower() for h in data["honorifics"]),
        particles=frozenset(data["name_particles"]),
        credentials=frozenset(data["credentials"]),
        post_nominals=frozenset(data["post_nominals"]),
        counterpart_roles=frozenset(r.lower() for r in data["counterpart_roles"]),
        nations=re.compile(r"\b(?:%s)\b" % "|".join(re.escape(n) for n in data["nations"])),
        nation_states=dict(data["nations"]),
        personal_nouns=frozenset(data["personal_nouns"]),
        corporate=re.compile(r"\b(?:%s)\b" % "|".join(re.escape(r) for r in data["corporate_roles"]), re.IGNORECASE),
        officer_letters=frozenset(data["officer_letters"]),
        sole_posts=frozenset(p.lower() for p in data["sole_posts"]),
        legal_after=re.compile(r",?\s+(?:%s)(?![\w-])" % "|".join(re.escape(f) for f in data["legal_forms_after"])),
        legal_before=re.compile(r"\b(?:%s)\s+$" % "|".join(re.escape(f) for f in data["legal_forms_before"])),
        surname_titles=frozenset(data["surname_titles"]),
        byline_titles=frozenset(data["byline_titles"]),
        byline=re.compile(r"^\W*(?:%s)\b" % "|".join(re.escape(b) for b in data["byline_openers"]), re.IGNORECASE),
    )


@dataclass
class _Mention:
    name: str
    role: str | None
    country: str | None
    order: int
    near: str | None = None      # the country named last before the name in its sentence
    body: bool = False           # "Harjeet Singh of Climate Action Network": speaks for a body, not a state
    counterpart: str | None = None   # "Presidents A and B": the name of the other head, of another state
    unvouched: bool = False      # nothing near marks this full name: kept if its surname alone is marked (_vouched)


def _is_name_token(token: str, lex: PeopleLexicon, country_words: set[str]) -> bool:
    if not token[0].isupper():
        return False
    if len(token) == 2 and token[1] == ".":
        return True
    if token in lex.clause_openers:
        return False
    if not token[0].isalpha():
        return False
    base = token[:-2] if token.endswith(("'s", "’s")) else token
    if base.isupper() and len(base) > 1:       # acronyms ("PM's") are organisations or posts, not names
        return False
    if token.lower() in lex.honorifics:
        return False
    if "-" in base and base.rsplit("-", 1)[1].lower() in lex.title_words:
        return False        # "VDA-Präsidentin", "ADV-Hauptgeschäftsführer": a body's post, before the name
    key = _role_key(base, lex)
    if key != base.lower() and key in lex.title_words:
        return False        # "Regierungssprecher": a German compound post
    return base not in lex.not_name and base not in country_words and token.lower() not in lex.title_words \
        and not (len(base) >= 7 and base.lower().endswith(lex.not_name_endings))


def extract_people(body: str, taxonomy: Taxonomy, org_words: frozenset[str] = frozenset(),
                   home: str | None = None, lexicon: PeopleLexicon | None = None,
                   dateline: str | None = None) -> list[Person]:
    """Every named person in `body`, short forms folded into full names, in order of first mention.

    A person's country is the one the role or the words just before the name give; else the country
    named last before the name in its sentence; else `home`, the article's main country, unless the
    role is at an international body or is an analyst's."""
    from generator.extract.sentences import split_sentences

    lex = lexicon or load_people_lexicon()
    country_words, ranked = _country_words(body, taxonomy)
    common = _common_words(body)
    mentions: list[_Mention] = []
    for sentence in split_sentences(_join_wrapped(body)):
        if _is_credit(sentence, lex):
            continue
        mentions.extend(_sentence_mentions(sentence, lex, taxonomy, org_words, country_words, common, body,
                                           len(mentions)))
    return _fold(mentions, taxonomy, lex, home, ranked, body, dateline)


def _join_wrapped(body: str) -> str:
    # A PDF's hard-wrapped lines ("H.E. Mr. Ilham / Aliyev, the Prime Minister"): a long line that does
    # not end a sentence goes on in the next, so a name broken over two lines is read whole.
    return _WRAPPED.sub(" ", body)


# Written from the newline: a pattern that starts with its lookbehinds is tried at every character.
_WRAPPED = re.compile(r"\n(?<=[^\s.!?:;\"”’)\]]\n)(?<=.{60}\n)(?=[\w(\"“])")


def _is_credit(sentence: str, lex: PeopleLexicon) -> bool:
    """A byline or credit line ("Reporting by ...", "Photo: ...", "By Jane Doe"): its names are the staff's."""
    if lex.byline.match(sentence):
        return True
    if not sentence.startswith("By ") or sentence.rstrip().endswith("."):
        return False
    # "By Jeong Seo-yeon, staff reporter; Choi Min-jae, Daegu correspondent": a longer byline says what they are.
    return len(sentence.split()) <= 7 or bool(set(re.findall(r"[a-z]+", sentence)) & lex.byline_titles)


_NAME_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_POSSESSIVE_END = re.compile(r"['’]s$")


def _country_words(body: str, taxonomy: Taxonomy) -> tuple[set[str], list[tuple[str, int]]]:
    """The words of every country name in the text (never part of a person's name), and the countries
    from the most named down."""
    found = country_mentions(body, taxonomy)
    # the names in the page's language too ("Президент Азербайджана Ильхам Алиев")
    surfaces = [m.surface for m in found] + [m.surface for m in named_in_other_languages(body)]
    words = {word for surface in surfaces for word in _NAME_WORD.findall(surface)}
    ranked = Counter(m.value for m in found).most_common()
    return words | {_POSSESSIVE_END.sub("", w) for w in words}, ranked


# A word written in lower case, not inside an address ("john.smith@", "site.com/onion").
_LOWER_WORD = re.compile(r"(?<![\w.@/’'-])[a-z][a-z’'-]*[a-z](?![\w@/]|[.’'-]\w)")


def _common_words(body: str) -> frozenset[str]:
    """The words the text writes in lower case: a capitalised one of them is a common noun ("Kaminos
    Tankers" beside "tankers", "Onion Growers" beside "onion"), not part of a person's name."""
    return frozenset(_LOWER_WORD.findall(body))


def _common_word_at(run, common: frozenset[str], lex: PeopleLexicon) -> int | None:
    """The last capitalised word of a run that the text also writes in lower case, if any."""
    for k in range(len(run) - 1, -1, -1):
        word = run[k][0]
        if word[:1].isupper() and word.lower() in common and word not in lex.particles:
            return k
        if "-" in word and any(part in common for part in word.split("-")[1:] if part.islower() and len(part) > 3):
            return k      # "Perth-based", "Kyiv-born": a common word joined on
    return None


def _sentence_tokens(sentence: str, pattern: re.Pattern) -> list[tuple[str, int, int]]:
    """(token, start, end) of each match of `pattern` in `sentence`, as finditer finds them: read with the
    text before each token as one findall, whose strings give the offsets, instead of three calls on each
    match object (a sentence has dozens of tokens)."""
    position = 0
    return [(token, (start := position + len(gap)), (position := start + len(token)))
            for gap, token in _with_gaps(pattern).findall(sentence)]


@lru_cache(maxsize=4)
def _with_gaps(pattern: re.Pattern) -> re.Pattern:
    # The shortest run before a match is where a search finds it; the token pattern has no group of its own
    # and never matches an empty string, so each findall item is one (gap, token) pair.
    if pattern.groups:
        raise ValueError(f"the token pattern must have no group: {pattern.pattern!r:.80}")
    return re.compile(r"([\s\S]*?)(" + pattern.pattern + ")", pattern.flags)


def _sentence_mentions(sentence: str, lex: PeopleLexicon, taxonomy: Taxonomy, org_words, country_words,
                       common: frozenset[str], body_text: str, order: int) -> list[_Mention]:
    tokens = _sentence_tokens(sentence, lex.tokens)
    found: list[_Mention] = []
    unmarked: list[_Mention] = []     # full names nothing marks as a person's (see _vouched)
    last_end = -1      # the token after the last person found in this sentence
    i = 0
    count = len(tokens)
    first_word = next((k for k, t in enumerate(tokens) if t[0][0].isalnum()), count)
    while i < count:
        if not tokens[i][0][0].isupper():       # most words: skip them without a call
            i += 1
            continue
        if not (_is_name_token(tokens[i][0], lex, country_words) or _name_after_rank(tokens, i, lex, country_words)
                or _initials_before_name(tokens, i, lex, country_words) or _family_name_first(tokens, i, lex)):
            i += 1
            continue
        if _monsieur_at(tokens, i, lex, country_words):
            i += 1          # "M. Siaka Dembélé": Monsieur, the address before the name
            continue
        j = _run_end(tokens, i, lex, country_words, org_words)
        if tokens[j - 1][0] in org_words or (j < count and tokens[j][0] == "of" and tokens[i][0] in org_words):
            i = j      # "Duma Boko" is a person, "Capital Group" and "Bank of England" are not
            continue
        cut = _common_word_at(tokens[i:j], common, lex)
        if cut is not None:
            rest = _run_end(tokens, i + cut + 1, lex, country_words, org_words) if i + cut + 1 < j else i + cut + 1
            if rest - (i + cut + 1) < 2 or taxonomy.person_by_alias.get(_join(sentence, tokens[i:j])) \
                    or tokens[i + cut + 1][0][:1].islower():
                # (or the common noun is joined to more of the body's name: "Seguridad y Protección Ciudadana")
                i = j      # "Barrick Gold", "Onion Growers": a common noun in it makes it a body's name
                continue
            # "Minister of State for Military Production Mohamed Salah El-Din Mostafa": the body's word,
            # then the name.
            i, j = i + cut + 1, rest
        run = tokens[i:j]
        name = _join(sentence, run)
        # "Wu Chien-fu (吳健富), director of …", "Declan Mulhall SC, for TikTok": what the name is followed by
        # past an aside in brackets or a post-nominal, which marks a person as a title before it does.
        after, post_nominal = _past_aside(tokens, j, lex)
        following = tokens[after][0] if after < count else ""
        before = tokens[i - 1][0] if i > 0 else ""
        role_before = _role_before(sentence, tokens, i, lex, country_words) \
            or _lower_case_post(sentence, tokens, i, lex, country_words)
        role_after = _role_after(sentence, tokens, after, lex)
        vetoed = False
        known = taxonomy.person_by_alias.get(name)
        # "Presidents Shavkat Mirziyoyev and Recep Tayyip Erdoğan": a name joined by "and" to a person's.
        coordinated = i >= 2 and tokens[i - 1][0] == "and" and last_end == i - 1
        anchored = (
            role_before is not None or role_after is not None or known is not None or coordinated or post_nominal
            or following in lex.speech_verbs or _is_name_shape(run, lex)
            # "The other candidates, Raymond Gagnon, Kelsey Dunbar and …": a full name opening on a given name
            # (in a sentence's prose, after a word that opens no place's or body's name, and ending the name)
            or (2 <= len(run) <= 3 and run[0][0] in lex.given_names and count >= 10
                and (before in (",", "and") or before[:1].islower() and before not in _PLACE_OPENERS)
                and not following[:1].isupper())
            or (before[:1].isupper() and before.lower() in lex.honorifics)     # not Serbian "u Republici"
            # "said Elena Vasquez", "according to Nikhil Dubey", "a mission led by Nathan Porter": a reporting
            # verb, or who leads, before a full name.
            or (len(run) > 1 and (before in lex.speech_verbs
                                  or (before == "to" and i > 1 and tokens[i - 2][0].lower() == "according")
                                  or (before == "by" and i > 1 and tokens[i - 2][0] in _LED)))
            # "Irakli Chikovani, who was appointed ...": "who" is said of people.
            or (len(run) > 1 and following == "," and after + 1 < count and tokens[after + 1][0] in ("who", "whose"))
            # "…, Mark Ellis, said": a full name set off by commas before a reporting verb (not the tail of a
            # longer capitalised name: "the Estonian Centre Party Faction, said").
            or (len(run) > 1 and following == "," and after + 1 < count and tokens[after + 1][0] in lex.speech_verbs
                and not before[:1].isupper() and before.lower() != "the")
            # "Andrej Babiš's government", "Xi Jinping's state visit": what only a person has.
            or (len(run) > 1 and _POSSESSIVE.search(run[-1][0]) is not None and _owned_by_person(tokens, j, lex))
            # "As Igor Novaković has observed": a reporting verb after an auxiliary.
            or (following in ("has", "had", "have") and after + 1 < count and tokens[after + 1][0] in lex.speech_verbs)
        )
        if following and following[0].isupper() and (following in org_words or following in lex.not_name):
            anchored = vetoed = False      # "Heydar Aliyev Foundation", "Shanghai Cooperation": part of a longer name
        if i > 0 and known is None and before.lower() not in _OF and len(run) >= 3 \
                and _in_title_list(tokens, i, lex, country_words) and _role_before(sentence, tokens, i + 1, lex, country_words):
            # "Minister of Industry and Construction Kanat Sharlapaev": the title's last field, then the name.
            i += 1
            run = tokens[i:j]
            name, before, role_before = _join(sentence, run), tokens[i - 1][0], _role_before(sentence, tokens, i, lex, country_words)
            anchored = True
        elif i > 0 and known is None and len(run) >= 3 and (before.lower() in _OF or before.lower() == "the") \
                and not following[:1].isupper() and following != "(" and not any(t[0] in _AND for t in run) \
                and _reaches_of(tokens, i):
            # "Deputy Prime Minister for Restoration Oleksii Kuleba", "Leader of the Majority Kimani Ichung'wah":
            # the body's last word, then the name.
            i, j = _name_in_body(sentence, tokens, i, j, body_text, lex, country_words, org_words)
            run = tokens[i:j]
            name, before, role_before = _join(sentence, run), tokens[i - 1][0], _role_before(sentence, tokens, i, lex, country_words)
            anchored = role_before is not None or following in lex.speech_verbs
            if run[0][0][:1].islower() or run[-1][0] in country_words:
                anchored = vetoed = False      # "subsecretaria de Relaciones Exteriores de México": all the body's
        elif i > 1 and known is None and before in _OF_A_PERSON and tokens[i - 2][0].lower() in lex.personal_nouns \
                and (tokens[i - 2][0].islower() or i > 2 and tokens[i - 3][0].lower() in _ARTICLES) \
                and len(run) > 1 and _plausible(run):
            anchored = True     # "el gobierno de Santiago Peña", "the government of Luis Lacalle Pou": a person's
        elif i > 0 and known is None and (before.lower() in _OF or _in_title_list(tokens, i, lex, country_words)):
            anchored = vetoed = False      # "the Board of Baykar", "Minister of Energy, Petroleum and Mines": a body
        if role_before and _DANGLING.search(role_before):
            anchored, vetoed = False, True     # "an analyst at Shanghai Metals Market": the body's name
        if not anchored and not vetoed and i > first_word and len(run) > 1 \
                and _plausible(run) and following != "(" \
                and all(t[0][:1].isupper() for t in run):
            # "found by metal detectorist Graham Soutar": no sign here, but the text may call him "Mr Soutar".
            # (Not a sentence's first word, which any verb or adjective may be: "Combines Kalvara's mine".)
            unmarked.append(_Mention(name=_POSSESSIVE_END.sub("", name), role=None, country=None, order=order,
                                     unvouched=True))
        if anchored and _plausible(run):
            address, _, post = (role_before or "").partition(" ")
            if post and address.endswith(".") and address.lower() in lex.honorifics:
                role_before = post.lstrip()     # "Hon. Prime Minister": the address is no post
            role = role_before or role_after
            if role_before and role_after and _is_rank(role_before, lex):
                # "General Liu Zhenli, chief of the Joint Staff Department, held talks": the post, then the rank.
                role = f"{role_after}, {role_before}"
            elif role_before and role_after and role_before[0].islower() and role_after[0].islower():
                # "journalist José Rubén Zamora, founder and president of elPeriódico": two descriptions of one
                # person (a capitalised title after a name is as often the next person's).
                role = f"{role_before}, {role_after}"
            counterpart = _counterpart(sentence, tokens, i, last_end, found[-1] if found else None, role, lex)
            if counterpart and last_end == i - 1 and role is None:
                # "Presidents Masoud Pezeshkian and Vladimir Putin": each holds the title, in the singular.
                role = found[-1].role = _singular_title(found[-1].role)
            if role and "counterpart" in role.lower():
                role = _counterpart_title(role, found[-1].role if found else None, lex, country_words)
            for person in found:
                # (the plain test first: each name's pattern is compiled anew, and most roles hold no name)
                if role and " " in person.name and person.name in role \
                        and re.search(rf"\b{re.escape(person.name)}\b", role):
                    # "…, Minister of Industry Kanat Sharlapaev, the President of the Presidency …": the
                    # role of the next person starts after the last one's name.
                    role = re.sub(r"^(?:[,;]|\band\b|\s)*(?:the\s+)?", "", role[role.rindex(person.name) + len(person.name):]) or None
            found.append(_Mention(
                name=_POSSESSIVE_END.sub("", name), role=role,
                country=_country_of(role, sentence, tokens, i, taxonomy, lex), order=order + len(found),
                near=_nearest_country(sentence, tokens[i][1], taxonomy),
                body=(following == "of" and after + 1 < count and tokens[after + 1][0][:1].isupper()
                      and tokens[after + 1][0] not in country_words)
                # "Elena Vasquez, DVM, PhD": a scholar's degrees, as an analyst's role, show no state.
                or (following == "," and after + 1 < count and tokens[after + 1][0] in lex.credentials),
                counterpart=counterpart,
            ))
            last_end = j
        i = j
    for mention in unmarked:
        mention.order = order + len(found)
        found.append(mention)
    return found


# A role read before a name that ends on a preposition or an article leads into a body's name, not a person's.
_DANGLING = re.compile(r"\b(?:at|of|the|for|with|in|on|by|de|del|da|do|des|du|la|el|en|em)$")


def _owned_by_person(tokens, j: int, lex: PeopleLexicon) -> bool:
    """Whether the noun after a possessive name, past up to two lower-case words ("centre-right"), is one
    that only a person has ("government", "visit", "wife")."""
    for k in range(j, min(j + 3, len(tokens))):
        word = tokens[k][0]
        if word in lex.personal_nouns:
            return True
        if not word.islower():
            return False
    return False


def _past_aside(tokens, j: int, lex: PeopleLexicon) -> tuple[int, bool]:
    """The token after a name's aside ("(吳健富)", "(45)", a post-nominal "SC"), and whether a post-nominal
    was among them."""
    post_nominal = False
    count = len(tokens)
    while j < count:
        if tokens[j][0] in lex.post_nominals:
            j, post_nominal = j + 1, True
        elif tokens[j][0] == "(":
            close = next((k for k in range(j + 1, min(count, j + 6)) if tokens[k][0] == ")"), None)
            if close is None or any(t[0][:1].isupper() and t[0].isalpha() and t[0].isascii() for t in tokens[j + 1:close]):
                break     # "(CCIB)", "(Reuters)": a body's initials or a credit, not an aside on the person
            j = close + 1
        else:
            break
    return j, post_nominal


# Two capitals that are a title or a place, not initials ("Opposition MP Radomir Lazović", "EU envoy").
# Two capitals that are a post or a body before a name, not its initials ("Clare TD Cathal Crowe", "CE Tafadzwa Moyo").
_NOT_INITIALS = frozenset({"MP", "PM", "EU", "UN", "US", "UK", "DG", "VP", "GM", "MD", "HE", "HH", "RS", "AZ", "TD", "CE",
                           "MK", "AG", "DA", "SG", "CM", "DC", "MC", "YB"})


def _counterpart(sentence: str, tokens, i: int, last_end: int, previous: _Mention | None, role: str | None,
                 lex: PeopleLexicon) -> str | None:
    """The person named just before, when the two are counterparts: "Presidents A and B" (a plural title,
    then "and"), or "Prime Minister A and Prime Minister B" (one head's title twice)."""
    if previous is None or not previous.role or last_end < 0 or last_end >= i or tokens[last_end][0] != "and":
        return None
    title = previous.role.lower()
    if last_end == i - 1:
        return previous.name if title.endswith("s") and title in lex.counterpart_roles else None
    between = sentence[tokens[last_end][2]:tokens[i][1]]
    if role and role.lower() == title and title in lex.counterpart_roles and \
            re.fullmatch(r"\s+(?:the\s+)?" + re.escape(role) + r"(?:\s+[A-Z][\w.]*)?\s+", between):
        return previous.name
    return None


# "his Azerbaijani counterpart", "Uzbek counterpart Lieutenant-General", "His Mauritanian counterpart, the Minister of …"
_COUNTERPART_ROLE = re.compile(r"^(?:(?:his|her|their)\s+)?((?:[A-Z][\w'’-]*\s+)*)counterpart\b[,\s]*(?:the\s+)?(.*)$",
                               re.IGNORECASE)


def _counterpart_title(role: str, other: str | None, lex: PeopleLexicon, country_words) -> str:
    """A counterpart holds the post of the person named before them, in their own state: "Serbian Foreign
    Minister Marko Đurić and his Azerbaijani counterpart Jeyhun Bayramov" -> "Azerbaijani Foreign Minister";
    a post the text gives after the word is theirs ("His Mauritanian counterpart, the Minister of Mines")."""
    match = _COUNTERPART_ROLE.match(role)
    if not match:
        return role
    whose, rest = match.group(1).strip(), match.group(2).strip()
    if rest and set(rest.lower().split()) & lex.role_words:
        return rest
    if not other or "counterpart" in other.lower():
        return role
    title = re.split(r",", other)[0].split()
    while title and (title[0] in country_words or _POSSESSIVE.search(title[0]) or title[0].lower() == "the"):
        title = title[1:]       # the other's state is not the counterpart's
    while title and title[-1].lower() in lex.rank_words:
        title = title[:-1]      # nor is their rank ("Tajik Defense Minister Colonel-General")
    if not set(w.lower() for w in title) & lex.role_words:
        return role
    post = " ".join([whose, *title]).strip()
    return f"{post}, {rest}" if rest else post


def _singular_title(title: str) -> str:
    """"Presidents" -> "President", "Heads of State" -> "Head of State"."""
    return re.sub(r"s(?=(?:\s+of\b.*)?$)", "", title, count=1)


def _initials_before_name(tokens, i: int, lex: PeopleLexicon, country_words) -> bool:
    """"KP Sharma Oli": two initials written in capitals, then two parts of a name."""
    word = tokens[i][0]
    return (len(word) == 2 and word.isupper() and word.isalpha() and i + 2 < len(tokens)
            and word.lower() not in lex.title_words and word not in _NOT_INITIALS
            and _is_name_token(tokens[i + 1][0], lex, country_words) and _is_name_token(tokens[i + 2][0], lex, country_words))


def _run_end(tokens, i: int, lex: PeopleLexicon, country_words, org_words) -> int:
    """The end of the name that starts at token i: up to four capitalised parts, with the particles
    between them ("Luiz Inácio Lula da Silva", "Khalid bin Salman bin Abdulaziz") and a regnal number."""
    j = i + 1
    parts = 1
    count = len(tokens)
    while j < count and not _POSSESSIVE.search(tokens[j - 1][0]):    # "Evika Siliņa's New Unity": the name ends
        word = tokens[j][0]
        if parts < 4 and _is_name_token(word, lex, country_words) and (word not in org_words or j + 1 < count and _is_name_token(tokens[j + 1][0], lex, country_words)):
            j += 1
            # "Abdullah Ali Abdullah Al-Salem Al-Sabah": a family's "Al-" part does not count to four.
            parts += 0 if _FAMILY_PREFIX.match(word) else 1
            continue
        if _NAME_PARTICLE.fullmatch(word):
            j += 1
            continue
        k = j
        while k < count and tokens[k][0] in lex.particles:
            k += 1
        if k > j and k < count and _is_name_token(tokens[k][0], lex, country_words) and k - j <= 2:
            j = k + 1         # the particles and the part after them; the part does not count to four
            continue
        if _ROMAN.fullmatch(word):
            j += 1
        elif parts == 1 and _surname_title(tokens, j, lex):
            j += 1
        break
    return j


_PLACE_OPENERS = frozenset({"the", "of", "at", "in", "on", "to", "from", "into", "near", "via", "after", "st", "street"})   # "named after Heydar Aliyev": a namesake
_TITLE_TIES = frozenset({"of", "for", "and", "to", "at", "in", "on", "de", "du", "des", "del", "da", "do", "von", "van"})


def _surname_title(tokens, j: int, lex: PeopleLexicon) -> bool:
    """"Resources Minister Madeleine King said", "Murat Emir said": a title word right after a given name,
    where the sentence goes on with a verb or stops, is the family name, not the next person's title."""
    word = tokens[j][0]
    if word not in lex.surname_titles or j + 1 >= len(tokens):
        return False
    following = tokens[j + 1][0]
    # ("… King also put out a statement": any word in lower case but one that ties the title to a body)
    return following in lex.speech_verbs or following in (",", ".", ";", ")") \
        or following[:1].islower() and following not in _TITLE_TIES


# "Park Jong-hyun", "Moon Jae-in": a Korean given name, whose second syllable is written in lower case.
_KOREAN_GIVEN = re.compile(r"[A-Z][a-z]+-[a-z]+")


def _family_name_first(tokens, i: int, lex: PeopleLexicon) -> bool:
    """A family name that is also a common word ("Park") before a Korean given name."""
    word = tokens[i][0]
    return (word.isalpha() and word.lower() not in lex.title_words and i + 1 < len(tokens)
            and _KOREAN_GIVEN.fullmatch(tokens[i + 1][0]) is not None)


_POSSESSIVE = re.compile(r"['’]s$")
_FAMILY_PREFIX = re.compile(r"(?:Al|El|Bin|Ibn|Abu|Ould)-[A-Z]")
_LED = frozenset({"led", "headed", "chaired", "founded", "run", "written", "signed", "appointed"})
_ROMAN = re.compile(r"(?:I{2,3}|IV|VI{0,3}|IX|XI{0,3})")


def _name_in_body(sentence: str, tokens, i: int, j: int, body: str, lex: PeopleLexicon, country_words,
                  org_words) -> tuple[int, int]:
    """Where a name starts inside the capitalised words that end a title's body ("for Restoration Oleksii
    Kuleba"): at the longest tail the text also writes elsewhere without the word before it ("Oleksii
    Kuleba/Telegram"), else at the last two words, which most names are."""
    for k in range(i + 1, j - 1):
        tail = _join(sentence, tokens[k:j])
        head = tokens[k - 1][0]
        if any(not body[max(0, m.start() - len(head) - 1):m.start()].strip().endswith(head)
               for m in re.finditer(rf"(?<!\w){re.escape(tail)}(?!\w)", body)):
            return k, _run_end(tokens, k, lex, country_words, org_words)
    return j - 2, j


def _in_title_list(tokens, i: int, lex: PeopleLexicon, country_words) -> bool:
    # "the Minister of Energy, Petroleum and Mines": capitalised words after "and" or a comma that go
    # back to an "of" or "for" are the fields of one title, not names.
    k = i - 1
    if tokens[k][0] == ",":
        # "..., Petroleum and Mines", "of Agriculture, Maritime Fisheries, Rural Development, Water and Forests":
        # only an item the list goes on after, to an "and"; "of Türkiye, Yaşar Güler" is a name.
        if not _list_goes_on(tokens, i + 1):
            return False
    elif tokens[k][0] not in _AND:
        return False
    steps = 0
    while k >= 0 and steps < 12:     # "of Agriculture, Maritime Fisheries, Rural Development, Water and Forests"
        word = tokens[k][0]
        if word in _OF:
            return True
        if not (word == "," or word in _AND or word[:1].isupper()):
            return False
        if word[:1].isupper() and word.lower() in lex.role_words:
            return False
        k -= 1
        steps += 1
    return False


def _list_goes_on(tokens, k: int) -> bool:
    """Whether capitalised items and commas from token k lead to an "and" (one title's list of fields)."""
    for k in range(k, min(k + 12, len(tokens) - 1)):
        word = tokens[k][0]
        if word in ("and", "&"):
            # between two fields: "Water and Forests", not "Hakan Fidan, and the minister"
            return tokens[k - 1][0][:1].isupper() and tokens[k + 1][0][:1].isupper()
        if not (word == "," or word[:1].isupper()):
            return False
    return False


def _join(sentence: str, run) -> str:
    name = sentence[run[0][1]:run[-1][2]]
    # "Z.Hasanov", "L.Enkh-Amgalan": an initial glued to the name it abbreviates stands apart from it
    return _GLUED_INITIAL.sub(r"\1 ", name) if "." in name else name


_GLUED_INITIAL = re.compile(r"(?<![\w.])([A-Z][a-z]?\.)(?=[A-Z][a-z])")


_INITIAL = re.compile(r"[A-Z]\.")


def _plausible(run) -> bool:
    words = [t for t, _, _ in run]
    if all(_INITIAL.fullmatch(w) for w in words):
        return False
    return True


def _is_name_shape(run, lex: PeopleLexicon) -> bool:
    # "W. Fenghe": an initial and a surname are a person even without a role nearby.
    words = [t for t, _, _ in run]
    return len(words) == 2 and bool(_INITIAL.fullmatch(words[0])) and len(words[1]) > 2


def _name_after_rank(tokens, i: int, lex: PeopleLexicon, country_words) -> bool:
    # "General He Weidong": a word that is usually not a name ("He") is one between a rank and a name.
    word = tokens[i][0]
    return (
        0 < i < len(tokens) - 1 and len(word) <= 4 and word[:1].isupper() and word.isalpha()
        and tokens[i - 1][0].lower() in lex.rank_ends and not word.isupper() and word.lower() not in lex.rank_words
        and _is_name_token(tokens[i + 1][0], lex, country_words)
    )


_ROLE_LEAD = frozenset({"the", "of", "and", ",", "-", "for", "on", "in", "at", "to", "h.e.", "h. e.",
                        "el", "la", "los", "las", "le", "les", "o", "os", "de", "del", "da", "do", "du", "des", "y", "e", "et",
                        "il", "lo", "gli", "der", "die", "das", "den", "dem", "het",
                        # a sentence's opening preposition ("Según la presidenta de Coljuegos, Ana María …")
                        "según", "selon", "pour", "para", "segundo", "secondo", "laut", "menurut",
                        # Romanian's mark of a person as object ("l-a primit pe ministrul apărării")
                        "pe", "au", "aux", "al", "ao", "à",
                        # "HE Ambassador of the State of Qatar": His Excellency, the address, no post
                        "he", "hh"})


_CAPITALISED_WORD = re.compile(r"[^\W\d_][\w'’.-]*")     # (its first letter upper case: "États-Unis")
# French and Italian elide an article into the capitalised name after it: "l'Énergie", "d'Ivoire", "dell'Interno".
_ELIDED_NAME = re.compile(r"(?:[lLdD]|[dD]ell|[nN]ell|[aA]ll|[dD]all|[sS]ull)['’][^\W\d_]*?[A-ZÀ-ÖØ-Þ]")


def _role_before(sentence: str, tokens, i: int, lex: PeopleLexicon, country_words) -> str | None:
    """The position stated right before a name ("the Serbian Minister of Defense, Colonel-General")."""
    k = i - 1
    while k >= 0 and _is_honorific_at(tokens, k, lex):
        k -= 1      # "President of Azerbaijan, H.E. Mr. Ilham Aliyev": the address is not the role
    if k >= 2 and tokens[k][0] == "Highness" and tokens[k - 2][0] in ("His", "Her"):
        k -= 3      # "His Royal Highness Prince Khalid"
    elif k >= 0 and k + 1 < i and tokens[k][0] in ("His", "Her"):
        k -= 1      # "the Executive Secretary of SADC, His Excellency Mr Elias Magosi"
    i = k + 1       # the role ends where the address begins
    start = None
    complement = _post_complement(tokens, k, lex)
    loose = 0       # lower-case words taken in front of a lower-case role word ("digital rights researcher")
    if complement is not None:
        start, k, loose = complement, complement - 1, 2     # (a post its body follows has no modifier before it)
    while k >= 0:
        word = tokens[k][0]
        low = _role_key(word, lex)
        if word in lex.clause_openers:
            break
        if _is_name_token(word, lex, country_words) and low not in lex.role_words:
            # "Chairman of the Board of Baykar, Selçuk Bayraktar", "Director of the Leonardo Aircraft
            # Division": a capitalised word after "of", or inside a capitalised name the role already
            # holds, names the body the role belongs to, so the role goes on; any other name ends it.
            after = tokens[k + 1][0] if k + 1 < i else ""
            # "Agriculture and Forestry Minister", "Rio Tinto chief executive": the field or the body of
            # the role word right after; "of Energy, Petroleum and Mines": one title's list of fields.
            # "Suez Canal Authority (SCA) Chairman": the body's name before its letters; "Water and
            # Sanitation Minister": a lone capitalised word before "and" and a field (a person's name there
            # has a word of its own before it, "President Putin and Energy Minister", or is followed by a
            # title or a state's word, "Meloni and Albanian Premier").
            if (k > 0 and tokens[k - 1][0].lower() in _OF) or (
                    start == k + 1 and k + 1 < i - 1 and after[:1].isupper() and after.rstrip(".").isalpha()) or (
                    start == k + 1 and after.lower() in lex.role_words) or _reaches_of(tokens, k) or (
                    start == k + 1 and after == "(" and k + 3 < i and tokens[k + 2][0].isupper()
                    and tokens[k + 3][0] == ")") or (
                    start == k + 1 and after == "and" and k + 2 < i - 1 and _is_field(tokens[k + 2][0], lex, country_words)
                    and (k == 0 or not tokens[k - 1][0][:1].isupper())):
                start = k
                k -= 1
                continue
            break
        if low == "and" and k + 1 < len(tokens) and not tokens[k + 1][0][0].isupper() \
                and not (tokens[k + 1][0] == "the" and k + 2 < len(tokens) and tokens[k + 2][0][:1].isupper()
                         and _reaches_of(tokens, k)):
            break       # (but "Minister of Finance and the Public Service" is one post's fields)
        if word == "," and k + 2 < i and tokens[k + 1][0].lower() in _ARTICLES \
                and _role_key(tokens[k + 2][0], lex) in lex.title_words:
            break       # "at the seat of the Authority, the Director General of …": the post begins after the comma
        if word in _CONNECTORS or low in lex.role_modifiers or low in lex.title_words \
                or word in lex.lower_demonyms:      # "el director general paraguayo de Itaipú"
            start = k
        elif word[0].isupper() and (word.isalpha() or _CAPITALISED_WORD.fullmatch(word)) or _ELIDED_NAME.match(word):
            start = k       # (a body's name after an elided article: "de l'Énergie", "dell'Interno")
        elif (word.isalpha() and word.islower() and low not in lex.role_stop and loose < 2 and start == k + 1
              and (tokens[k + 1][0] in lex.role_words or loose)):
            start = k
            loose += 1
        else:
            break
        k -= 1
    if start is None:
        return None
    phrase_tokens = _drop_lead(tokens[start:i], lex)
    while len(phrase_tokens) > 3 and phrase_tokens[2][0] == "Highness" and phrase_tokens[0][0] in ("His", "Her"):
        phrase_tokens = phrase_tokens[3:]     # "His Royal Highness Prince": the address is not the role
    # "paid tribute to the late Prime Minister", "H.E. President Hakainde Hichilema": a preposition, or an
    # address before the title, is not part of it.
    while phrase_tokens and (phrase_tokens[0][0].lower() in _ROLE_LEAD or phrase_tokens[0][0] == ")"):
        phrase_tokens = phrase_tokens[1:]
    while phrase_tokens and phrase_tokens[-1][0] in (",", "-", "("):
        phrase_tokens = phrase_tokens[:-1]
    if not phrase_tokens:
        return None
    words = {_role_key(t, lex) for t, _, _ in phrase_tokens}
    phrase = sentence[phrase_tokens[0][1]:phrase_tokens[-1][2]]
    if not (words & lex.role_words or phrase.lower() in lex.ranks or _ends_with_rank(phrase, lex)):
        return None
    return _tidy_role(_ELIDED_ARTICLE.sub("", phrase) if phrase[1:2] in ("'", "’") else phrase)


def _is_field(word: str, lex: PeopleLexicon, country_words) -> bool:
    """A capitalised word that may be a field of a title ("Sanitation"), not a title or a state's word."""
    return word[:1].isupper() and word.isalpha() and word not in country_words and word.lower() not in lex.title_words


def _post_complement(tokens, k: int, lex: PeopleLexicon) -> int | None:
    """Where a post begins that its body follows in one or two lower-case words right before the name
    ("predsjednik udruge Dražen Kolarić", "ministar obrane Ivan Anušić"), as languages with cases write it;
    None when token k is no such word. Not in English, where a lower-case word there is a verb ("the
    president thanked Ilham Aliyev")."""
    j = k
    while j >= 0 and k - j < 2 and tokens[j][0].isalpha() and tokens[j][0].islower() \
            and tokens[j][0] not in lex.role_stop and _role_key(tokens[j][0], lex) not in lex.title_words:
        j -= 1
    if j == k or j < 0 or _role_key(tokens[j][0], lex) not in lex.title_words:
        return None
    return None if _in_english(tokens) else j


def _in_english(tokens) -> bool:
    return not _ENGLISH_MARKS.isdisjoint(token for token, _, _ in tokens)


# Words only an English sentence holds: where they stand, a lower-case word before a name is no post's body.
_ENGLISH_MARKS = frozenset({"the", "of", "and", "to", "was", "is", "has", "with", "for", "that", "said", "says"})


def _lower_case_post(sentence: str, tokens, i: int, lex: PeopleLexicon, country_words) -> str | None:
    """A post whose body is written in lower case, set off by a comma before the name ("Spain's minister for
    the ecological transition, Teresa Ribera", "the company's chair of the management board, Andrus Durejko")."""
    end = i - 2
    if end < 1 or tokens[i - 1][0] != ",":
        return None
    for k in range(end, max(-1, end - 8), -1):
        word = tokens[k][0]
        if k < end and _role_key(word, lex) in lex.role_words:
            head = _role_before(sentence, tokens, k + 1, lex, country_words)
            return f"{head}{sentence[tokens[k][2]:tokens[end][2]]}" if head else None
        if not (word.isalpha() and word.islower() and (word not in lex.role_stop or word in _BODY_LINKS)):
            return None
    return None


_BODY_LINKS = frozenset({"of", "for", "the", "in", "on", "de", "del", "la", "el", "da", "do", "des", "du"})


# "then-President", "ex-Minister", "mayor-elect": a past or future holder's title is the title.
_HOLDER_TIME = re.compile(r"^(?:then|ex|former)[-‑]|[-‑]elect$")


_ELIDED_ARTICLE = re.compile(r"^(?i:l|d|dell|all|nell|dall|sull)['’](?=\w)")


def _role_key(word: str, lex: PeopleLexicon) -> str:
    """A word as the role tables hold it: lower case, without a past holder's "then-"; a German compound
    post as its last part ("Bundeswirtschaftsministerin" -> "ministerin", "Regierungssprecher")."""
    low = word.lower()
    low = _HOLDER_TIME.sub("", low) if "-" in low or "‑" in low else low
    if "'" in low or "’" in low:
        low = _ELIDED_ARTICLE.sub("", low)      # "l'ambassadeur", "dell'ambasciatore": the post after the article
    if word[:1].isupper() and len(low) > 8 and low.endswith(lex.compound_heads):
        return next(head for head in lex.compound_heads if low.endswith(head))
    if len(low) > 8 and low.endswith(lex.lower_compound_heads) and not low.startswith("admin"):
        # (not "administer": an English verb ends so)
        return next(head for head in lex.lower_compound_heads if low.endswith(head))
    return low


def _is_honorific_at(tokens, k: int, lex: PeopleLexicon) -> bool:
    return tokens[k][0][:1].isupper() and tokens[k][0].lower() in lex.honorifics and (
        tokens[k][0] != "M." or _monsieur_at(tokens, k, lex, frozenset()))


def _monsieur_at(tokens, i: int, lex: PeopleLexicon, country_words) -> bool:
    """Whether an "M." is French "Monsieur" before a name of two parts or more ("M. Siaka Dembélé"), not
    the initial of one ("M. K. Stalin", "M. Karunanidhi")."""
    return tokens[i][0] == "M." and i + 2 < len(tokens) and all(
        len(tokens[k][0]) > 2 and _is_name_token(tokens[k][0], lex, country_words) for k in (i + 1, i + 2))


def _reaches_of(tokens, k: int) -> bool:
    """Whether capitalised word k stands in the body of an "of" or "for" ("Minister of Petroleum, Mines
    and Energy", "president of the Argentine Rural Society (SRA)"), read back over capitalised words."""
    j = k - 1
    steps = 0
    while j >= 0 and steps < 12:
        word = tokens[j][0]
        if word in _OF:
            return True
        if word == ",":
            # a comma inside a list of fields ("Energy, Petroleum and Mines"), not before a name.
            if not _list_goes_on(tokens, j + 1):
                return False
        elif not (word[:1].isupper() or word in _AND or word in ("the", "(", ")", "la", "el", "le", "les", "los", "las")):
            return False
        j -= 1
        steps += 1
    return False


def _drop_lead(phrase_tokens, lex: PeopleLexicon):
    # "Australia, Trade Minister", "On Friday, Russian Foreign Ministry spokeswoman", "BELGRADE - Serbian
    # Minister": a piece before a comma or dash that holds no role or rank is not part of the role.
    while True:
        cut = next((n for n, t in enumerate(phrase_tokens) if t[0] in (",", "-", "–", "—")), None)
        if cut is None:
            return phrase_tokens
        head = {_role_key(t[0], lex) for t in phrase_tokens[:cut]}
        if head & lex.title_words:
            return phrase_tokens
        phrase_tokens = phrase_tokens[cut + 1:]


def _is_rank(phrase: str, lex: PeopleLexicon) -> bool:
    """A rank or title alone ("General", "Rear Admiral", "Col."), not a post."""
    return all(word in lex.rank_words for word in re.split(r"[\s-]+", phrase.lower()))


def _ends_with_rank(phrase: str, lex: PeopleLexicon) -> bool:
    words = phrase.lower().split()
    return any(" ".join(words[-n:]) in lex.ranks for n in range(1, min(4, len(words)) + 1))


def _role_after(sentence: str, tokens, j: int, lex: PeopleLexicon) -> str | None:
    """An appositive position after a name: "Zakir Hasanov, Minister of Defense of Azerbaijan, said"."""
    if j >= len(tokens) or tokens[j][0] != ",":
        return None
    rest = sentence[tokens[j][2]:]
    # A colon before a quote ends it too ("…, chief economist at Pampa Research Partners: \"The jump …\"").
    match = re.match(r"\s*(?:(?:the|a|an|another|el|la|le|o)\s+)?([^,.;]{3,160}?)(?=,|\.|;|:\s*[\"“]|\s+(?:said|says|noted|stressed|told|added|dijo|afirmó|disse|a déclaré|$))", rest)
    if not match:
        return None
    phrase = match.group(1).strip()
    raw = _NAME_WORD.findall(phrase)
    words = [_role_key(w, lex) for w in raw]
    # "WHO Director-General", "the Under Secretary of Commerce": a capitalised first word opens a title
    if not words or (words[0] in lex.role_stop and not raw[0][:1].isupper()):
        return None
    # The role's head comes early ("an energy analyst", "chief executive of Z"); a clause does not.
    if not set(words[:3]) & lex.role_words and (
            words[0] not in lex.role_modifiers and words[0] not in lex.rank_words and not phrase[0].isupper()
            or not set(words) & lex.role_words):
        return None
    if any(w in lex.speech_verbs for w in words):
        return None
    return _tidy_role(phrase)


def _tidy_role(phrase: str) -> str:
    # The role keeps its possessive as written ("Azerbaijan's Defense Minister", "the UN's climate chief"),
    # except before a formal "Minister of …" title, which the labelled corpus writes without it.
    phrase = re.sub(r"^[A-Z][\w-]*(?:\s[A-Z][\w-]*)?['’]s\s+(?=(?:First\s|Deputy\s)*Minister of\b)", "", phrase)
    # "energy analyst based in Dubai", "economist at EFG Hermes in Cairo": where the employer sits is neither
    # the post nor the person's state (an embassy's "in Colombo" is the post).
    phrase = _BASED_IN.sub("", phrase)
    # "Its chairman", "Su presidenta": a pronoun points at a body named before; the post is the rest.
    phrase = _PRONOUN_LEAD.sub("", phrase)
    employer = _EMPLOYER_IN.search(phrase)
    if employer and not _POSTED_AT.search(employer.group(1)):
        phrase = phrase[:employer.start(2)]
    return phrase.strip(" ,")


_PRONOUN_LEAD = re.compile(r"^(?:Its|Their|His|Her|Su|Sus|Son|Sa|Ses|Seu|Sua|Suo|Ihr|Ihre)\s+(?!Majesty|Highness|Excellency|Holiness|Royal)(?=\w)")
_BASED_IN = re.compile(r"\s+based\s+in\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*$")
_EMPLOYER_IN = re.compile(r"\bat\s+([^,]+?)(\s+in\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)$")
_POSTED_AT = re.compile(r"\b(?:Embassy|Consulate|Commission|Mission|Delegation)\b")


def _nearest_country(sentence: str, start: int, taxonomy: Taxonomy) -> str | None:
    before = country_mentions(sentence[max(0, start - 80):start], taxonomy)     # about a clause back
    return before[-1].value if before else None


_POSTED_IN = re.compile(r"\s+(?:[\w-]+\s+){0,3}(?:in|to|for)\s+(?:the\s+)?")


def _country_of(role: str | None, sentence: str, tokens, i: int, taxonomy: Taxonomy, lex: PeopleLexicon) -> str | None:
    """The person's state as the text shows it: a country or demonym in the role or just before it."""
    if role:
        # The first country the role names, in English or in the page's language ("embajador de Brasil en
        # Asunción" serves Brazil; "Министр обороны Беларуси").
        found = sorted([*((m.start, m.value) for m in country_mentions(role, taxonomy)),
                        *((m.start, m.value[1]) for m in named_in_other_languages(role))])
        if found:
            body = lex.international.search(role)
            # "WHO Representative in Rwanda" serves the WHO; "Azerbaijan's envoy to the UN" serves Azerbaijan.
            if body and body.end() <= found[0][0] and _POSTED_IN.fullmatch(role[body.end():found[0][0]]):
                return None
            return found[0][1]
        region = region_country(role)
        if region:
            return region       # "Premier of Ontario", "Iowa Secretary of Agriculture"
    start = tokens[i][1]
    window = sentence[max(0, start - 60):start]
    before = country_mentions(window, taxonomy)
    if before and before[-1].end >= len(window) - 40 and re.search(r"['’]s\s|\b[A-Z][a-z]+(?:an|ian|ese|i|ish)\s", window[before[-1].start:]):
        return before[-1].value
    return None


def _fold(mentions: list[_Mention], taxonomy: Taxonomy, lex: PeopleLexicon, home: str | None,
          ranked: list[tuple[str, int]], body: str, dateline: str | None = None) -> list[Person]:
    """Merge short forms and known variants into one person each, keeping the first role stated."""
    full: dict[str, _Mention] = {}
    canonical: dict[str, str] = {}

    def key_for(name: str) -> str:
        known = taxonomy.person_by_alias.get(name)
        if known:
            return known
        parts = name.split()
        for existing in full:
            ex_parts = existing.split()
            if parts[-1] == ex_parts[-1] and len(ex_parts) > 1:
                if len(parts) == 1 or (re.fullmatch(r"(?:[A-Z]\.)+", parts[0]) and parts[0][0] == ex_parts[0][0]):
                    return existing
            if len(parts) == 1 and parts[0] == ex_parts[0] and len(ex_parts) == 1:
                return existing
        # "Mr. Echeverría Lanusse", "Ó Gallchóir said": a family name of two words, the tail of one full name.
        holders = [e for e in full if len(parts) > 1 and e.split()[-len(parts):] == parts and len(e.split()) > len(parts)]
        if len(holders) == 1:
            return holders[0]
        if len(parts) == 1:
            # "Zhou" after "Zhou Mingjun": a family name written first, as Chinese names are.
            firsts = [e for e in full if len(e.split()) == 2 and e.split()[0] == parts[0]]
            if len(firsts) == 1:
                return firsts[0]
        return name

    mentions = _vouched(mentions)
    # Full names first, so that a short form earlier in the text still finds its full name.
    ordered = sorted(mentions, key=lambda m: (len(m.name.split()) < 2 or "." in m.name, m.order))
    for mention in ordered:
        key = key_for(mention.name)
        canonical[mention.name] = key
        person = full.get(key)
        if person is None:
            full[key] = _Mention(key, mention.role, mention.country, mention.order, mention.near, mention.body)
        else:
            if person.role is None or (mention.role and mention.order < person.order and len(mention.role) > len(person.role)):
                person.role = mention.role or person.role
            person.country = person.country or mention.country
            person.body = person.body or mention.body
            if mention.order < person.order:
                person.near = mention.near or person.near
            person.order = min(person.order, mention.order)
    people = [p for p in sorted(full.values(), key=lambda m: m.order)
              if (_keep(p) and not _is_company(p.name, body, lex)) or taxonomy.person_by_alias.get(p.name)]
    # What the text says first, then a curator's word, then the state a well-known office-holder serves.
    stated = {p.name: p.country or _curated_country(p.name, taxonomy) or lex.public_figures.get(_figure_key(p.name))
              or _organization_country(p.role, body, taxonomy, lex) or _institution_state(p.role, lex) for p in people}
    # A story filed from a capital ("AMMAN —") names that state's officials without saying whose they are.
    # (The dateline the cleaner took off the body, "ISLAMABAD, Mar 11 (APP):", still says where it was filed.)
    filed_from = _dateline_country(f"{dateline} \n{body}" if dateline else body, taxonomy)
    domestic = filed_from or home or (ranked[0][0] if ranked else None) or _nation_state(body, ranked, lex)
    countries = {p.name: stated[p.name] or _state_of(p, lex, domestic) for p in people}
    for mention in mentions:
        if mention.counterpart:
            _part_counterparts(canonical.get(mention.counterpart), canonical.get(mention.name), stated, countries,
                               {p.name for p in people if p.near}, [c for c in (domestic, home, *(c for c, _ in ranked)) if c])
    _one_holder_a_state(people, stated, countries, [c for c, _ in ranked], lex)
    return [Person(name=p.name, role=p.role, country=countries[p.name]) for p in people]


def _one_holder_a_state(people: list[_Mention], stated: dict, countries: dict, ranked: list[str],
                        lex: PeopleLexicon) -> None:
    """A state has one president at a time: of two people the text calls "President" alone and who were
    given one state, the one who took it from the article alone (the later one, if both did) serves the
    next country the text names most that no holder of the post has."""
    holders: dict[str, list[_Mention]] = {}
    for person in people:
        post = (person.role or "").lower()
        if post in lex.sole_posts and countries[person.name]:
            holders.setdefault(post, []).append(person)
    for post, group in holders.items():
        for k, later in enumerate(group):
            if stated[later.name] or later.near:
                continue
            if any(countries[other.name] == countries[later.name] for other in group[:k]) or any(
                    stated[other.name] == countries[later.name] for other in group[k + 1:]):
                held = {countries[p.name] for p in group}
                countries[later.name] = next((c for c in ranked if c not in held), countries[later.name])


def _vouched(mentions: list[_Mention]) -> list[_Mention]:
    """The mentions marked as people's, and the unmarked full names whose surname alone is one ("Graham
    Soutar" where the text goes on to "Mr Soutar said", "Francisca Undurraga Vial" and "Minister Undurraga
    Vial") and no marked full name holds."""
    marked = {m.name for m in mentions if not m.unvouched}

    def vouched(name: str) -> bool:
        parts = name.split()
        for n in range(1, len(parts)):
            if 1 < n < len(parts) - 1:
                break       # a family name of two words vouches for a given name before it, not for any run
            tail = " ".join(parts[-n:])
            if tail in marked and not any(other != tail and other.endswith(" " + tail) for other in marked):
                return True
        return False

    return [m for m in mentions if not m.unvouched or vouched(m.name)]


def _part_counterparts(first: str | None, second: str | None, stated: dict, countries: dict, near: set[str],
                       ranked: list[str]) -> None:
    """"Presidents Shavkat Mirziyoyev and Ilham Aliyev": two heads named together serve two states, so the
    one whose state the text does not give takes the article's main country the other does not hold."""
    if first not in countries or second not in countries or first == second:
        return
    if stated[first] and stated[second]:
        return
    if not (stated[first] or stated[second]) and {first, second} & near:
        return      # "Tashkent and Ankara … Presidents A and B": the country named last is not the first's
    known, guessed = (second, first) if stated[second] and not stated[first] else (first, second)
    other = next((c for c in ranked if c != countries[known]), None)
    if other and countries[guessed] in (None, countries[known]):
        countries[guessed] = other


# "chief executive of Kalvara", "analyst at Shanghai Metals Market": the body a role ends with.
_ROLE_BODY_LAST = re.compile(r"\b(?:of|at|with)\s+(?:the\s+)?((?:[A-Z][\w&.’'-]*\s+){0,3}[A-Z][\w&.’'-]*)$")
# Between a country and the body it qualifies: "Türkiye's Baykar", "French manufacturer Dassault Aviation",
# "Azerbaijan's state energy company SOCAR".
_QUALIFIES = re.compile(r"(?:['’]s)?((?:\s+[a-z][\w-]*){0,4})\s+")
_APPOSITIVE_QUALIFIES = re.compile(r",\s+(?:the|a|an)\s+(?:[a-z][\w-]*\s+){0,2}")


def _role_bodies(role: str, lex: PeopleLexicon) -> list[str]:
    """The bodies a role names: the capitalised words it opens with ("Baykar CEO", "Dassault Aviation
    chairman") and those it ends with after "of" or "at" ("chief executive of Kalvara")."""
    bodies = []
    words = role.split()
    lead = []
    for word in words:
        if not word[:1].isupper() or word.lower() in lex.title_words or word.lower() in lex.role_modifiers:
            break
        lead.append(word)
    if lead and len(lead) < len(words):
        bodies.append(re.sub(r"['’]s$", "", " ".join(lead)))
    last = _ROLE_BODY_LAST.search(role)
    if last:
        bodies.append(last.group(1))
    return [b for b in bodies if len(b.split()) > 1 or b not in lex.not_name]


def _institution_state(role: str | None, lex: PeopleLexicon) -> str | None:
    """The state of a body only one state has, named in the role ("Speaker of the Lok Sabha" -> IN)."""
    found = lex.institutions.search(role) if role else None
    return lex.institution_states[found.group()] if found else None


def _organization_country(role: str | None, body: str, taxonomy: Taxonomy, lex: PeopleLexicon) -> str | None:
    """The state of the body a role belongs to, where the text gives it ("Türkiye's Baykar" for the
    "Baykar CEO"; "Dassault Aviation, the French manufacturer")."""
    if not role or lex.international.search(role):
        return None
    for name in _role_bodies(role, lex):
        start = body.find(name)
        seen = 0
        while start >= 0 and seen < 4:
            window = body[max(0, start - 60):start]
            before = country_mentions(window, taxonomy)
            gap = _QUALIFIES.fullmatch(window[before[-1].end:]) if before else None
            if gap and not set(gap.group(1).split()) & lex.role_stop:
                return before[-1].value
            after = body[start + len(name):start + len(name) + 60]
            following = _APPOSITIVE_QUALIFIES.match(after)
            if following:
                found = country_mentions(after, taxonomy)
                if found and found[0].start == following.end():
                    return found[0].value
            start = body.find(name, start + len(name))
            seen += 1
    return None


def _figure_key(name: str) -> str:
    """A name as the table of public figures is looked up: without diacritics, case or hyphens
    ("Recep Tayyip Erdogan", "Sergei Lavrov" as the table writes them)."""
    return " ".join(fold(name).lower().replace("-", " ").split())


def _curated_country(name: str, taxonomy: Taxonomy) -> str | None:
    """The state of a person the taxonomy describes ("President of the Republic of Azerbaijan"), for an
    article that names them without saying whose they are: a curator's word, before any guess."""
    label = taxonomy.person_by_alias.get(name)
    term = next((t for t in taxonomy.people.values() if t.label == label), None) if label else None
    if term is None or not term.description:
        return None
    found = country_mentions(term.description, taxonomy)
    return found[0].value if found else None


# "AMMAN —", "Riyadh, Sha'ban 27, 1445, March 08, 2024, SPA --", "SEOUL, June 13 (Yonhap) --", "ISLAMABAD,
# Mar 11 (APP):": the place a story was filed from, at the start of a line.
_DATELINE = re.compile(r"^([A-Z][A-Za-z'’.-]+(?:[ -][A-Z][A-Za-z'’.-]+){0,2})(?:,[^\n—–]{0,60}?)?\s*(?:—|–|--|-|(?<=\)):)\s", re.M)


def _dateline_country(body: str, taxonomy: Taxonomy) -> str | None:
    """The state of the place a story was filed from, when a line opens with it."""
    for match in _DATELINE.finditer(body[:1500]):
        place = match.group(1).title() if match.group(1).isupper() else match.group(1)
        found = country_mentions(place, taxonomy)
        if found and found[0].start == 0 and found[0].end == len(place):
            return found[0].value
    return None


def _nation_state(body: str, ranked: list[tuple[str, int]], lex: PeopleLexicon) -> str | None:
    """The state of a nation the text names ("the Bank of England"), when it names no state at all."""
    found = None if ranked else lex.nations.search(body)
    return lex.nation_states[found.group()] if found else None


def _state_of(person: _Mention, lex: PeopleLexicon, home: str | None) -> str | None:
    if person.country:
        return person.country
    role = person.role or ""
    if lex.international.search(role) or person.body:
        return None
    officer = lex.corporate.search(role)
    if officer and _body_letters(role, lex):
        # An officer of a body that goes by its letters ("CEB General Manager", "KPA chief executive") heads
        # an authority or a state enterprise, as a rule of the article's state.
        return person.near or home
    # Lower-case words only: "Executive" in "Minister for Executive Affairs" names no analyst.
    if set(re.findall(r"\b[a-z]+", role)) & lex.stateless_roles:
        return None
    if officer:
        # A company's officer: the article's state is not theirs, only one the sentence names before them
        # ("the Turkish side was represented by … the General Manager of ASFAT, Esad Çakmak").
        return person.near
    return person.near or home


# Three or more capitals, a body's letters ("KPA", "TUSAŞ"), not the start of a capitalised word.
_LETTERS = re.compile(r"\b[^\W\d_a-z]{3,}\b")


def _body_letters(role: str, lex: PeopleLexicon) -> bool:
    return any(w.isupper() and w not in lex.officer_letters for w in _LETTERS.findall(role))


def _is_company(name: str, body: str, lex: PeopleLexicon) -> bool:
    """Whether the text writes the name with a company's legal form ("Vexa Market SRL", "OJSC Rogun
    Hydropower Plant"), or the name ends on one ("Taiwan Power Co")."""
    last = name.rsplit(" ", 1)[-1]
    if lex.legal_after.fullmatch(" " + last):
        return True
    start = body.find(name)
    while start >= 0:
        end = start + len(name)
        if lex.legal_after.match(body, end) or lex.legal_before.search(body[max(0, start - 8):start]):
            return True
        start = body.find(name, end)
    return False


def _keep(person: _Mention) -> bool:
    # A lone word left after folding is a surname nobody introduced or, far more often, a body read as a
    # name ("Secretary of the Treasury", "lead analyst at Kpler", "chairman of the Black Sea Hazelnut").
    return len(person.name.split()) > 1
