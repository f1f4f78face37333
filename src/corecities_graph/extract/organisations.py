"""Organisations: found by how names are built (head words), canonicalised by reference data."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from ..resolve.names import fold
from ..resolve.reference import Reference
from .facts import OrgMention
from .text import Segmented, lists_parties

# Head words that make a capitalised phrase an organisation name, and the type they give.
HEADS: dict[str, str] = {
    # a college or school is further education, a conservatoire or a faculty: a university only by name
    "University": "university", "College": "other", "Polytechnic": "university", "School": "other",
    "Council": "council", "Authority": "other",
    "Institute": "institute", "Centre": "institute", "Laboratory": "institute",
    "Government": "government", "Department": "government", "Ministry": "government", "Office": "other",
    "Treasury": "government", "Parliament": "government", "Assembly": "government",
    "Ltd": "company", "Limited": "company", "plc": "company", "PLC": "company", "Inc": "company",
    "LLP": "company", "Company": "company", "Corporation": "company",
    "Alliance": "alliance", "Network": "alliance", "Consortium": "alliance",
    "Trust": "other", "Chamber": "other", "Partnership": "other", "Board": "other",
    "Agency": "other", "Commission": "other", "Foundation": "other", "Society": "other",
    "Association": "other", "Federation": "other", "Hospital": "other", "Museum": "other",
    "Forum": "other", "Catapult": "other", "Group": "other", "Committee": "other", "Cabinet": "other",
    "District": "other", "System": "other", "Service": "other", "Enterprise": "other", "Taskforce": "other",
}  # fmt: skip
# A capitalised word right after a head that turns the phrase into something else.
DOCUMENT_WORDS = {
    "Agreement", "Agreements", "Declaration", "Charter", "Strategy", "Package", "Deal", "Plan",
    "Programme", "Fund", "Compact", "Accord", "Review", "Report", "Act", "Bill", "Awards",
    "Campus", "Challenge", "Partnerships", "Scheme", "Zone", "Week", "Day",
}  # fmt: skip
MASTHEAD_WORDS = {"News", "Magazine", "Blog", "Press", "Online", "Website"}
# The first branch starts only where a run of capitals and digits starts, and does not nest
# stars: retried at every digit of "1111…" it took cubic time.
_CAP = r"(?:(?<![A-Z0-9])[A-Z]*\d+[A-Z][A-Z0-9]*|[A-Z][A-Za-z’'\-\.]*[A-Za-z0-9]|[A-Z])(?![A-Za-z0-9])"
_DATE_WORDS = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
    "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
}  # fmt: skip
# Public bodies whose names join two places or areas: "Humber and North Yorkshire Integrated Care Board"
_JOINT_BODY_HEADS = {
    "Council",
    "Authority",
    "Board",
    "System",
    "Trust",
    "Committee",
    "Partnership",
    "Service",
}
_OF_PLACES = {"West", "East", "North", "South", "Isle", "Vale", "Forest", "Heart", "Mouth"}
_CONNECT = {"of", "for", "and", "the", "upon", "on", "&", "de", "in"}
# "Brightwater Engineering plc": a company suffix may be written in lower case
_RUN = re.compile(rf"{_CAP}(?:(?:\s+(?:of|for|and|the|upon|on|&|de|in))*\s+{_CAP})*(?:\s+(?:plc|ltd)\b)?")
_TOKEN = re.compile(r"\S+")
_POSSESSIVE = re.compile(r"[’']s$")
_BARE = re.compile(
    r"\b[Tt]he\s+(University|Council|Chamber|Institute|Trust|Partnership|Alliance|College)"
    r"(?![’']?\s*(?:of|for)\b)(?=[’']s\b|\b)"
)
_ACRONYM_AFTER = re.compile(r"\s*\(([A-Z][A-Za-z0-9]{1,9})\)")
_COMMA_LIST_TAIL = re.compile(
    r"(?:,\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)+,?\s+(?:and|&)\s+[A-Z][a-z]+(?=\s*$|\s*[.;)])"
)
_COMPOSITE = re.compile(r"\(([^()]+?)\)")
# "University of X and Y University (joint)": two parties listed as one entry
_JOINT = re.compile(r"\s+(?:and|&)\s+(?:the\s+)?")
_JOINT_MARK = re.compile(
    r"\s*\((?:joint(?:ly)?(?:\s+(?:entry|signatory|submission))?|together)\)", re.IGNORECASE
)


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    name: str
    type: str
    surface: str
    members: tuple[str, ...] = ()


def find_organisations(seg: Segmented, ref: Reference) -> list[OrgMention]:
    """Every organisation mention in the content sentences, in text order."""
    text = seg.text
    candidates: list[_Candidate] = []
    for sentence in seg.sentences:
        candidates.extend(_nhs_candidates(text, sentence.start, sentence.end))
        candidates.extend(_pattern_candidates(text, sentence.start, sentence.end, ref))
        candidates.extend(_gazetteer_candidates(text, sentence.start, sentence.end, ref))
        candidates.extend(_shaped_candidates(text, sentence.start, sentence.end, ref))
    candidates.extend(_list_line_candidates(seg, candidates, ref))
    chosen = _non_overlapping(candidates)
    chosen = _add_acronym_aliases(text, seg, chosen, ref)
    chosen = _add_composites(text, chosen)
    chosen = _non_overlapping(chosen + _bare_mentions(text, seg, chosen))
    chosen = sorted(chosen + _parents(text, chosen, ref), key=lambda c: (c.start, -(c.end - c.start)))
    mentions = []
    for cand in chosen:
        mentions.append(
            OrgMention(
                name=cand.name,
                type=cand.type,
                city=_city_of(cand.name, cand.type, ref),
                surface=cand.surface,
                evidence=seg.evidence(cand.start, cand.end),
                members=cand.members,
            )
        )
    return mentions


def _parents(text: str, chosen: list[_Candidate], ref: Reference) -> list[_Candidate]:
    """'the UPP Foundation Civic University Commission' names the UPP Foundation too."""
    extra = []
    for cand in chosen:
        if ref.canonical_org(cand.name) is not None or cand.members:
            continue
        for inner in re.finditer(r"\S+", cand.surface):
            word = inner.group()
            rest = cand.surface[inner.end() :].split()
            if word not in HEADS or not rest or rest[0] in HEADS or not rest[0][:1].isupper():
                continue
            if rest[0] in _CONNECT or ref.canonical_city(rest[0]) or rest[0] in NATIONS:
                continue
            surface = cand.surface[: inner.end()]
            if len(surface.split()) < 2:
                continue
            name, type_ = resolve_name(surface, type_of(surface), ref)
            extra.append(_Candidate(cand.start, cand.start + len(surface), name, type_, surface))
            break
    return extra


def resolve_name(surface: str, type_: str, ref: Reference) -> tuple[str, str]:
    """Canonical name and type of an organisation as written."""
    known = ref.canonical_org(surface)
    if known is not None:
        inst = ref.institutions.get(known)
        return known, inst.type if inst else type_
    name = re.sub(r"^[Tt]he\s+", "", surface)
    return name, type_


# "Cabinet Office", "Home Office", "Scotland Office": departments of state; "the City Office" is not one
_STATE_OFFICE = re.compile(
    r"^(?:Cabinet|Home|Foreign(?:,\s+Commonwealth\s+(?:and|&)\s+Development)?|Scotland|Wales|Northern\s+Ireland"
    r"|India|Colonial|War)\s+Office$|^Office\s+(?:for|of)\s"
)
NATIONS = {"Scotland", "Wales", "England", "Ireland", "UK", "Cymru", "Britain"}


def type_of(name: str) -> str:
    if _STATE_OFFICE.search(name):
        return "government"
    words = name.split()
    if words and words[0] == "Universities" and len(words) > 2:
        return "alliance"
    if re.search(r"\b(?:Combined|Unitary|Local|Strategic|Regional)\s+Authority$", name):
        return "council"
    last_head = next((w for w in reversed(words) if w in HEADS), None)
    if last_head in {"College", "School"} and "University" in words:
        return "university"  # "University College Birmingham", "Glasgow University Medical School"
    for word in reversed(words):
        if word in HEADS:
            return HEADS[word]
    return "other"


def _pattern_candidates(text: str, lo: int, hi: int, ref: Reference) -> Iterable[_Candidate]:
    for run in _RUN.finditer(text, lo, hi):
        tokens = [
            (m.start() + run.start(), m.end() + run.start(), m.group()) for m in _TOKEN.finditer(run.group())
        ]
        yield from _names_in_run(text, tokens, ref, hi)


def _is_head(word: str, following: str | None) -> bool:
    if word == "Universities":
        return following == "for"
    return word in HEADS


def _names_in_run(
    text: str, tokens: list[tuple[int, int, str]], ref: Reference, hi: int
) -> Iterable[_Candidate]:
    words = [_POSSESSIVE.sub("", t[2]) for t in tokens]
    previous_end = 0
    i = 0
    while i < len(words):
        following = words[i + 1] if i + 1 < len(words) else None
        if not _is_head(words[i], following):
            i += 1
            continue
        head = i
        while head + 1 < len(words) and words[head + 1] in HEADS and words[head + 1] != "Group":
            head += 1  # "University College"
        end = head + 1
        nxt = words[end] if end < len(words) else None
        if nxt is not None and starts_role(words, end, ref):
            nxt = None  # "Swansea Council Leader Cllr X": the post follows the name
        if nxt in DOCUMENT_WORDS or (
            nxt
            and nxt[0].isupper()
            and nxt not in MASTHEAD_WORDS
            and nxt not in ref.honorifics  # "Leader of X City Council Sir Y Z"
            and ref.canonical_city(nxt) is None
            and nxt not in NATIONS
            and nxt not in _CONNECT
        ):
            i = head + 1
            continue
        if nxt in {"of", "for", "on"} and not tokens[head][2].endswith(("’s", "'s")):
            owned = [bool(_POSSESSIVE.search(t[2])) for t in tokens]
            end = _complement_end(words, end + 1, ref, owned)
        elif nxt is not None and (ref.canonical_city(nxt) is not None or nxt in NATIONS):
            end += 1  # "Queen's University Belfast", "National Manufacturing Institute Scotland"
        start = i
        while start - 1 >= previous_end and _modifier(words[start - 1]):
            start -= 1
            if (
                start - 2 >= previous_end
                and words[start - 1] in {"and", "&"}
                and _modifier(words[start - 2])
                and (ref.canonical_city(words[start - 2]) is not None or words[head] in _JOINT_BODY_HEADS)
            ):
                start -= 2  # "Nottingham and Nottinghamshire Integrated Care System", "Derry City and Strabane District Council"
            if start - 2 >= previous_end and words[start - 1] == "of" and words[start - 2] in _OF_PLACES:
                start -= 2  # "West of England Combined Authority", "Isle of Anglesey County Council"
        if start - 2 >= previous_end and words[start - 1] == "of" and words[start - 2] == "City":
            start -= 2  # "City of York Council", "The City of Liverpool College"
        if (
            start - 2 >= previous_end
            and words[start - 1] in HEADS
            and words[start - 1] not in {"Group", "Council"}
            and _modifier(words[start - 2])
        ):
            # "UPP Foundation Civic University Commission": a parent named as a modifier
            start -= 1
            while start - 1 >= previous_end and _modifier(words[start - 1]):
                start -= 1
        if start == i and words[i] in HEADS and end == head + 1 and words[i] != "Universities":
            i = head + 1
            continue  # a bare head word on its own is not a name
        surface_start = tokens[start][0]
        surface_end = tokens[end - 1][1]
        surface = text[surface_start:surface_end]
        surface = _POSSESSIVE.sub("", surface)
        tail = _COMMA_LIST_TAIL.match(text, surface_end, hi)
        if tail and words[head] in {"Institute", "Centre"}:
            surface_end = tail.end()
            surface = text[surface_start:surface_end]
        surface_end = surface_start + len(surface)
        if ref.canonical_org(surface) is None:
            # "Yesterday Leeds Beckett University": a known name inside wins over a longer unknown one
            for k in range(start + 1, head):
                shorter = text[tokens[k][0] : surface_end]
                if ref.canonical_org(shorter) is not None:
                    surface_start, surface = tokens[k][0], shorter
                    break
        name, type_ = resolve_name(surface, type_of(surface), ref)
        if name not in _SECTORS:
            yield _Candidate(surface_start, surface_end, name, type_, surface)
        previous_end = end
        i = end


_NHS = re.compile(r"\bNHS(?:\s+[A-Z][\w’'-]*)*?\s+Trust\b")
_NHS_WORD = re.compile(r"(?:[A-Z][\w’'-]*|of|and|&)$")


_NHS_BOARD = re.compile(r"\bNHS(?:\s+(?:and\s+)?[A-Z][\w’'-]+)+")


def _nhs_candidates(text: str, lo: int, hi: int) -> Iterable[_Candidate]:
    """'University Hospitals of Leicester NHS Trust', 'X and Y Mental Health NHS Foundation Trust',
    and the boards named by NHS and a place: 'NHS Tayside', 'NHS Greater Glasgow and Clyde'."""
    if "NHS" not in text[lo:hi]:
        return
    for match in _NHS_BOARD.finditer(text, lo, hi):
        surface = match.group()
        if not re.search(r"\b(?:Trusts?|Foundation|Boards|Services|Trust\w*)$", surface) and " " in surface:
            yield _Candidate(match.start(), match.end(), surface, "other", surface)
    for match in _NHS.finditer(text, lo, hi):
        words = list(re.finditer(r"\S+", text[lo : match.start()]))
        start = match.start()
        for k in range(len(words) - 1, -1, -1):
            word = words[k].group()
            if not _NHS_WORD.match(word) or word in {"The", "A", "An"}:
                break
            nxt = words[k + 1].group() if k + 1 < len(words) else "NHS"
            if word in HEADS and not nxt.startswith(("Hospital", "Health")):
                break
            if word == "of" and not (k and words[k - 1].group().startswith("Hospital")):
                break
            start = lo + words[k].start()
        while True:  # never open on a connector: "and Solihull ..." -> "Solihull ..."
            lead = re.match(r"(?:of|and|&)\s+", text[start : match.end()])
            if not lead:
                break
            start += lead.end()
        surface = text[start : match.end()]
        yield _Candidate(start, match.end(), surface, "other", surface)


# Bodies named by a word and a place, with no head word: "Sustainable Glasgow", "Homes England",
# "Invest Northern Ireland", "Skills Development Scotland"
_PLACE_BODY_WORDS = (
    "Sustainable|Smart|Invest|Visit|Marketing|Creative|Digital|Healthy|Connected|Green|Innovate|Homes|Historic"
    "|Natural|Sport|Skills\\s+Development|Transport\\s+for|Business|Culture|Arts"
)
# A tier of government named in capitals, not a body: "Housing, Communities and Local Government"
_SECTORS = {"Local Government", "Central Government", "Regional Government"}
_CYNGOR = re.compile(r"\bCyngor\s+(?:Sir\s+|Dinas\s+)?[A-Z][\w’'-]+")
_PLACE_BODY_GATE = re.compile(rf"\b(?:{_PLACE_BODY_WORDS}|Cyngor)\s")
_SHAPE_CACHE: dict[int, re.Pattern[str]] = {}


def _shaped_candidates(text: str, lo: int, hi: int, ref: Reference) -> Iterable[_Candidate]:
    if id(ref) not in _SHAPE_CACHE:
        places = sorted(
            {*ref.city_aliases, "England", "Scotland", "Wales", "Northern Ireland"}, key=len, reverse=True
        )
        alternation = "|".join(re.escape(p) for p in places)
        _SHAPE_CACHE[id(ref)] = re.compile(rf"(?<![\w-])(?:{_PLACE_BODY_WORDS})\s+(?:{alternation})(?![\w-])")
    if not _PLACE_BODY_GATE.search(text, lo, hi):
        return
    for match in _SHAPE_CACHE[id(ref)].finditer(text, lo, hi):
        name, type_ = resolve_name(match.group(), "other", ref)
        yield _Candidate(match.start(), match.end(), name, type_, match.group())
    for match in _CYNGOR.finditer(text, lo, hi):  # Welsh: "Cyngor Gwynedd" is Gwynedd Council
        yield _Candidate(match.start(), match.end(), match.group(), "council", match.group())


def _list_line_candidates(seg: Segmented, found: list[_Candidate], ref: Reference) -> Iterable[_Candidate]:
    """A short line on its own that is a known name misspelt ('Queens Univeristy Belfast'), or any
    proper name on a line of a list of parties ('Scottish Enterprise', 'NHS Tayside')."""
    in_list = False
    for paragraph in seg.paragraphs:
        if lists_parties(paragraph.text):
            in_list = True
            continue
        if paragraph.noise or len(paragraph.text) > 80 or len(paragraph.text.split()) > 8:
            in_list = in_list and paragraph.noise
            continue
        if any(paragraph.start <= c.start < paragraph.end for c in found):
            continue
        surface = paragraph.text.rstrip(" .;,")
        known = ref.canonical_org(surface)
        if known is not None:
            inst = ref.institutions.get(known)
            type_ = inst.type if inst else type_of(known)
            yield _Candidate(paragraph.start, paragraph.start + len(surface), known, type_, surface)
        elif in_list and _PROPER_LINE.fullmatch(surface):
            name, type_ = resolve_name(surface, type_of(surface), ref)
            yield _Candidate(paragraph.start, paragraph.start + len(surface), name, type_, surface)
        else:
            in_list = False


# "Scottish Enterprise", "NHS Greater Glasgow and Clyde": a line of capitalised words and links
_PROPER_LINE = re.compile(
    r"(?:The\s+)?[A-Z][\w’'&.-]*(?:\s+(?:(?:of|and|for|the|&|in|on)\s+)*[A-Z][\w’'&.-]*)+"
)


_ROLE_CACHE: dict[int, frozenset[str]] = {}


def _role_key(words: list[str]) -> str:
    return fold(" ".join(words).replace("-", " "))


def starts_role(words: list[str], j: int, ref: Reference) -> bool:
    """Whether words[j:] open with a post ('Leader', 'Pro Vice-Chancellor', 'chief executive')."""
    if id(ref) not in _ROLE_CACHE:
        _ROLE_CACHE[id(ref)] = frozenset(_role_key(r.split()) for r in ref.roles) | {"pro vice chancellor"}
    roles = _ROLE_CACHE[id(ref)]
    if j >= len(words) or words[j].lower().split("-")[0] not in _role_firsts(roles):
        return False
    return any(_role_key(words[j : j + k]) in roles for k in (3, 2, 1) if j + k <= len(words))


_FIRSTS_CACHE: dict[int, frozenset[str]] = {}


def _role_firsts(roles: frozenset[str]) -> frozenset[str]:
    if id(roles) not in _FIRSTS_CACHE:
        _FIRSTS_CACHE[id(roles)] = frozenset(r.split()[0] for r in roles if r)
    return _FIRSTS_CACHE[id(roles)]


def _modifier(word: str) -> bool:
    return (
        bool(word)
        and (word[0].isupper() or word[0].isdigit())
        and word
        not in {
            "The",
            "A",
            "An",
            "In",
            "At",
            "By",
            "For",
            "As",
            "Under",
            "With",
            "From",
            "And",
            "Both",
        }
        and word not in HEADS
    )


def _complement_end(words: list[str], j: int, ref: Reference, owned: list[bool]) -> int:
    """End of 'of X' after a head: capitalised words with inner 'of', 'the', 'and'."""
    end = j - 1  # nothing taken: the link word itself stays out
    while j < len(words):
        word = words[j]
        if word in ref.honorifics:
            break  # "Vice-Chancellor of the University of X Dame Y Z": the name starts
        if word in _DATE_WORDS:
            break  # "signed by Stoke-on-Trent City Council on Monday"
        if word in DOCUMENT_WORDS or (j + 1 < len(words) and words[j + 1] in DOCUMENT_WORDS):
            break
        if end == j and word[0].isupper() and starts_role(words, j, ref):
            break  # "University of Exeter Pro Vice-Chancellor": the post after the name is not in it
        if word in {"the", "of", "upon", "on", "&", "and"}:
            rest = words[j + 1 :]
            if word in {"and", "&"} and any(_is_head(w, None) for w in rest):
                break
            j += 1
            continue
        if word[0].isupper() or word[0].isdigit():
            if word in HEADS and word not in {"Government"}:
                break
            j += 1
            end = j
            if owned[j - 1]:
                break  # "the University of Hull's Vice-Chancellor": the name ends at the possessive
            continue
        break
    return end


def _gazetteer_candidates(text: str, lo: int, hi: int, ref: Reference) -> Iterable[_Candidate]:
    for pattern, by_key in _gazetteer_patterns(ref):
        for match in pattern.finditer(text, lo, hi):
            canonical = by_key.get(fold(match.group().strip("‘’'")))
            if canonical is None:
                continue
            inst = ref.institutions.get(canonical)
            type_ = inst.type if inst else type_of(canonical)
            lead = len(match.group()) - len(match.group().lstrip("‘'"))
            yield _Candidate(match.start() + lead, match.end(), canonical, type_, match.group()[lead:])


_PATTERN_CACHE: dict[int, list[tuple[re.Pattern[str], dict[str, str]]]] = {}


def _gazetteer_patterns(ref: Reference) -> list[tuple[re.Pattern[str], dict[str, str]]]:
    """Two alternations, longest names first: full names, then short forms that no capital follows."""
    key = id(ref)
    if key not in _PATTERN_CACHE:
        full: dict[str, str] = {name: name for name in ref.institutions}
        for alias, canonical in _alias_surfaces(ref):
            full[alias] = canonical
        short = {s: c for s, c in ref.short_forms.items() if s not in full}
        patterns = []
        for surfaces, guard in ((full, ""), (short, r"(?![’']?\s*[A-Z])")):
            if not surfaces:
                continue
            bodies = []
            for surface in sorted(surfaces, key=len, reverse=True):
                bodies.append(re.sub(r"['’]", "[’']?", re.escape(surface)).replace(r"\ ", r"\s+"))
            pattern = re.compile(rf"(?<![\w-])[‘']?(?:{'|'.join(bodies)})[’']?(?![\w-]){guard}")
            patterns.append((pattern, {fold(s): c for s, c in surfaces.items()}))
        # an alliance's name is still its name in other capitals ("the core cities group"); only
        # those few names are matched regardless of case, which keeps the long alternation fast
        alliances = {
            s: c for s, c in full.items()
            if " " in s and (ref.institutions[c].type if c in ref.institutions else type_of(c)) == "alliance"
        }  # fmt: skip
        if alliances:
            bodies = [re.escape(s).replace(r"\ ", r"\s+") for s in sorted(alliances, key=len, reverse=True)]
            pattern = re.compile(rf"(?<![\w-])(?:{'|'.join(bodies)})(?![\w-])", re.IGNORECASE)
            patterns.append((pattern, {fold(s): c for s, c in alliances.items()}))
        _PATTERN_CACHE[key] = patterns
    return _PATTERN_CACHE[key]


def _alias_surfaces(ref: Reference) -> Iterable[tuple[str, str]]:
    path = ref.directory / "aliases.csv" if ref.directory else None
    if path is None or not path.exists():
        return []
    import csv

    with path.open(newline="", encoding="utf-8") as handle:
        return [
            (row["alias"], row["canonical"])
            for row in csv.DictReader(handle)
            if row["kind"] == "organisation"
        ]


def _non_overlapping(candidates: list[_Candidate]) -> list[_Candidate]:
    ordered = sorted(candidates, key=lambda c: (c.start, -(c.end - c.start)))
    result: list[_Candidate] = []
    for cand in ordered:
        if result and cand.start < result[-1].end:
            continue
        result.append(cand)
    return result


def _add_acronym_aliases(
    text: str, seg: Segmented, chosen: list[_Candidate], ref: Reference
) -> list[_Candidate]:
    """'D2N2 Local Enterprise Partnership (LEP)' makes 'D2N2 LEP' and 'LEP' name it later."""
    aliases: dict[str, _Candidate] = {}
    for cand in chosen:
        match = _ACRONYM_AFTER.match(text, cand.end)
        if not match:
            continue
        acronym = match.group(1)
        words = cand.surface.split()
        for k in range(len(words), 0, -1):
            initials = "".join(w[0] for w in words[-k:] if w[0].isupper())
            if initials.upper() == acronym.upper():
                prefix = " ".join(words[:-k])
                aliases[(prefix + " " + acronym).strip()] = cand
                break
        aliases.setdefault(acronym, cand)
    if not aliases:
        return chosen
    extra: list[_Candidate] = []
    for alias, cand in aliases.items():
        pattern = re.compile(rf"(?<![\w(]){re.escape(alias)}(?![\w)])")
        for sentence in seg.sentences:
            for match in pattern.finditer(text, sentence.start, sentence.end):
                extra.append(_Candidate(match.start(), match.end(), cand.name, cand.type, match.group()))
    return _non_overlapping(chosen + extra)


def _add_composites(text: str, chosen: list[_Candidate]) -> list[_Candidate]:
    """'Universities for Nottingham (A & B)': one entry whose members are A and B."""
    result: list[_Candidate] = []
    skip = -1
    for k, cand in enumerate(chosen):
        if k == skip:
            continue
        if k + 1 < len(chosen):
            second = chosen[k + 1]
            joint = _JOINT.fullmatch(text, cand.end, second.start)
            marker = _JOINT_MARK.match(text, second.end)
            if joint and marker:
                pair = (cand.name, second.name)
                result.append(
                    _Candidate(cand.start, second.end, " and ".join(pair), "alliance",
                               text[cand.start : second.end], pair)
                )  # fmt: skip
                skip = k + 1
                continue
        match = _COMPOSITE.match(text, cand.end + 1) if text[cand.end : cand.end + 2] == " (" else None
        if match:
            inside = [c for c in chosen if match.start(1) <= c.start and c.end <= match.end(1)]
            if len(inside) >= 2:
                members = tuple(c.name for c in inside)
                result.append(replace(cand, members=members, type="alliance"))
                continue
        result.append(cand)
    return result


def _bare_mentions(text: str, seg: Segmented, chosen: list[_Candidate]) -> list[_Candidate]:
    """'the University', 'the Council': the organisation with that head named nearest before."""
    extra: list[_Candidate] = []
    for sentence in seg.sentences:
        for match in _BARE.finditer(text, sentence.start, sentence.end):
            head = match.group(1)
            before = [c for c in chosen if c.end <= match.start() and head in c.name.split()]
            pool = before or [c for c in chosen if head in c.name.split()]
            if not pool:
                continue
            target = before[-1] if before else pool[0]
            extra.append(_Candidate(match.start(), match.end(), target.name, target.type, match.group()))
    return extra


def _city_of(name: str, type_: str, ref: Reference) -> str | None:
    inst = ref.institutions.get(name)
    # An alliance spans its cities: where its office sits is not where it is.
    if inst and inst.city and type_ != "alliance":
        return inst.city
    for region in ref.regions:
        name = name.replace(region, " ")  # "Greater Manchester Combined Authority" is not in Manchester
    for word_count in (3, 2, 1):
        words = name.replace(",", " ").split()
        for k in range(len(words) - word_count + 1):
            city = ref.canonical_city(" ".join(words[k : k + word_count]))
            if city:
                return city
    return None


def canonical_key(name: str) -> str:
    return fold(name)
