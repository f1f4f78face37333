"""Bodies found by list rather than by head word: reference names and their aliases, NHS bodies,
bodies named by a word and a place, and the proper names on the lines of a list of parties."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..resolve.names import fold
from ..resolve.reference import Reference
from .bodies import HEADS, Candidate, resolve_name, type_of
from .text import NUMBER_WORDS, Segmented, lists_parties

_NHS = re.compile(r"\bNHS(?:\s+[A-Z][\w’'-]*)*?\s+Trust\b")


_NHS_WORD = re.compile(r"(?:[A-Z][\w’'-]*|of|and|&|upon)$")


_NHS_NATION = re.compile(r"NHS\s+(?:England|Scotland|Wales)(?=\s+and\s)")
_NHS_BOARD = re.compile(r"\bNHS(?:\s+(?:and\s+)?[A-Z][\w’'-]+)+")


def nhs_candidates(text: str, lo: int, hi: int) -> Iterable[Candidate]:
    """'University Hospitals of Leicester NHS Trust', 'X and Y Mental Health NHS Foundation Trust',
    and the boards named by NHS and a place: 'NHS Tayside', 'NHS Greater Glasgow and Clyde'."""
    if "NHS" not in text[lo:hi]:
        return
    for match in _NHS_BOARD.finditer(text, lo, hi):
        surface = match.group()
        nation = _NHS_NATION.match(surface)
        if nation:
            surface = nation.group()  # "NHS England and Innovate UK": two bodies
        if not re.search(r"\b(?:Trusts?|Foundation|Boards|Services|Trust\w*)$", surface) and " " in surface:
            yield Candidate(match.start(), match.start() + len(surface), surface, "other", surface)
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
            if word == "upon" and not (k and words[k - 1].group()[:1].isupper() and nxt[:1].isupper()):
                break  # "Newcastle upon Tyne Hospitals": a place's name
            start = lo + words[k].start()
        while True:  # never open on a connector: "and Solihull ..." -> "Solihull ..."
            lead = re.match(r"(?:of|and|&)\s+", text[start : match.end()])
            if not lead:
                break
            start += lead.end()
        surface = text[start : match.end()]
        yield Candidate(start, match.end(), surface, "other", surface)


# Bodies named by a word and a place, with no head word: "Sustainable Glasgow", "Homes England",
# "Invest Northern Ireland", "Skills Development Scotland"
_PLACE_BODY_WORDS = (
    "Sustainable|Smart|Invest|Visit|Marketing|Creative|Digital|Healthy|Connected|Green|Innovate|Homes|Historic"
    "|Natural|Sport|Skills\\s+Development|Transport\\s+for|Business|Culture|Arts"
)


_NATION_PLACES = {"England", "Scotland", "Wales", "Northern Ireland", "UK"}
# A body named by what it funds and the nation it serves, or "UK" and two subjects joined by "and";
# a capital after it makes it part of a longer name ("Research England Development Fund")
_NATIONAL_BODY = re.compile(
    r"(?:(?:Innovate|Research|Skills)\s+(?:UK|England)|UK\s+[A-Z][a-z]+\s+and\s+[A-Z][a-z]+)"
    r"(?:(?=[’']s\b)|(?![\w’'-])(?!\s+[A-Z]))"
)


_CYNGOR = re.compile(r"\bCyngor\s+(?:Sir\s+|Dinas\s+)?[A-Z][\w’'-]+")
# Welsh further education colleges: "Coleg Gwent", "Coleg y Cymoedd", "Coleg Sir Gâr", "Coleg
# Caerdydd a'r Fro" ('and the Vale'); one written before its English name ("... / Cardiff and Vale
# College") is that college, found by its English name
_COLEG = re.compile(r"\bColeg\s+(?:(?:y|yr|Sir)\s+)?[A-Z][\w’'-]+(?:\s+a[’']r\s+[A-Z][\w’'-]+)?")
_OTHER_LANGUAGE = re.compile(r"\s*/\s*[A-Z]")


_PLACE_BODY_GATE = re.compile(rf"\b(?:{_PLACE_BODY_WORDS}|Cyngor|Coleg|Grŵp)\s")
# "Grŵp Llandrillo Menai": a Welsh group of further education colleges
_GRWP = re.compile(r"\bGrŵp\s+[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2}")


_LOWER_COUNCIL_CACHE: dict[int, re.Pattern[str]] = {}
_SHAPE_CACHE: dict[int, re.Pattern[str]] = {}


def shaped_candidates(text: str, lo: int, hi: int, ref: Reference) -> Iterable[Candidate]:
    if id(ref) not in _SHAPE_CACHE:
        places = sorted(
            {*ref.city_aliases, "England", "Scotland", "Wales", "Northern Ireland"}, key=len, reverse=True
        )
        alternation = "|".join(re.escape(p) for p in places)
        cities = "|".join(re.escape(c) for c in sorted(ref.city_aliases, key=len, reverse=True))
        _LOWER_COUNCIL_CACHE[id(ref)] = re.compile(rf"(?<![\w-])(?P<city>{cities})\s+city\s+council\b")
        _SHAPE_CACHE[id(ref)] = re.compile(
            rf"(?<![\w-])(?:{_PLACE_BODY_WORDS})\s+(?P<place>{alternation})(?![\w-])"
        )
    if " city council" in text[lo:hi]:
        # "the leader of Leeds city council": the council named in lower case is still its name
        for match in _LOWER_COUNCIL_CACHE[id(ref)].finditer(text, lo, hi):
            name = f"{ref.city_aliases[match.group('city')]} City Council"
            yield Candidate(match.start(), match.end(), name, "council", match.group())
    if text.find("UK", lo, hi) >= 0 or text.find("England", lo, hi) >= 0:
        # "Innovate UK", "Research England", "UK Research and Innovation": national public bodies
        for match in _NATIONAL_BODY.finditer(text, lo, hi):
            before = text[match.start() - 1 : match.start()]
            if before.isalnum() or before in {"’", "'", "-", "_"}:
                continue  # inside a longer word (the pattern opens on its literal words, to scan fast)
            name, type_ = resolve_name(match.group(), "government", ref)
            yield Candidate(match.start(), match.end(), name, type_, match.group())
    if not _PLACE_BODY_GATE.search(text, lo, hi):
        return
    for match in _SHAPE_CACHE[id(ref)].finditer(text, lo, hi):
        # "Homes England", "Invest Northern Ireland": a nation's agency; "Sustainable Glasgow" is a city's
        national = re.sub(r"\s+", " ", match.group("place")) in _NATION_PLACES
        name, type_ = resolve_name(match.group(), "government" if national else "other", ref)
        yield Candidate(match.start(), match.end(), name, type_, match.group())
    for match in _CYNGOR.finditer(text, lo, hi):  # Welsh: "Cyngor Gwynedd" is Gwynedd Council
        yield Candidate(match.start(), match.end(), match.group(), "council", match.group())
    for match in _GRWP.finditer(text, lo, hi):
        name, type_ = resolve_name(match.group(), "other", ref)
        yield Candidate(match.start(), match.end(), name, type_, match.group())
    for match in _COLEG.finditer(text, lo, hi):
        if not _OTHER_LANGUAGE.match(text, match.end(), hi):
            name, type_ = resolve_name(match.group(), "other", ref)
            yield Candidate(match.start(), match.end(), name, type_, match.group())


def list_line_candidates(seg: Segmented, found: list[Candidate], ref: Reference) -> Iterable[Candidate]:
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
            yield Candidate(paragraph.start, paragraph.start + len(surface), known, type_, surface)
        elif in_list and _PROPER_LINE.fullmatch(surface):
            name, type_ = resolve_name(surface, type_of(surface), ref)
            yield Candidate(paragraph.start, paragraph.start + len(surface), name, type_, surface)
        else:
            in_list = False


# "Key Cities", "Fast Growth Cities": an alliance of cities named by one word; "IPPR North": a
# body named by its initials and the part of the country it covers. Each opens with a capital and looks
# behind it after, so that the engine skips straight to the capitals of a text.
_CITIES_ALLIANCE = re.compile(
    r"(?P<name>[A-Z](?<![\w’'-][A-Z])[a-z]{2,}\s+Cities)(?![\w-])(?!\s+(?:[A-Z]|of\b))"
)
_REGIONAL_ACRONYM = re.compile(
    r"(?P<name>[A-Z](?<![\w’'-][A-Z])[A-Z]{2,5}"
    r"\s+(?:North|South|East|West|Scotland|Wales|Cymru|Northern\s+Ireland))(?![\w-])"
)
_NOT_A_NAME = {
    "About",
    "Seventeen",
    "Eight",
    "Many",
    "Other",
    "Some",
    "Most",
    "All",
    "Member",
    "Partner",
    "Our",
}


def named_body_candidates(seg: Segmented, found: list[Candidate], ref: Reference) -> Iterable[Candidate]:
    """Bodies without a head word, read where the text names them more than once (or, for a body
    named by initials, calls something a think tank): 'Key Cities', 'IPPR North'."""
    text = seg.text
    think_tank = re.search(r"\bthink[\s-]?tank\b", text, re.IGNORECASE) is not None
    for pattern, type_ in ((_CITIES_ALLIANCE, "alliance"), (_REGIONAL_ACRONYM, "institute")):
        if pattern is _CITIES_ALLIANCE and "Cities" not in text:
            continue  # most texts name no such alliance
        by_name: dict[str, list[tuple[int, int]]] = {}
        for sentence in seg.sentences:
            for match in pattern.finditer(text, sentence.start, sentence.end):
                name = match.group("name")
                first = name.split()[0]
                if first in NUMBER_WORDS or first.lower() in NUMBER_WORDS or first in _NOT_A_NAME:
                    continue
                if ref.canonical_city(first) is not None or ref.canonical_org(name) is not None:
                    continue
                by_name.setdefault(re.sub(r"\s+", " ", name), []).append(match.span("name"))
        for name, spans in by_name.items():
            if len(spans) < 2 and not (type_ == "institute" and think_tank):
                continue
            for start, end in spans:
                if not any(c.start < end and start < c.end for c in found):
                    yield Candidate(
                        start, end, name, type_ if think_tank or type_ == "alliance" else "other", name
                    )


# "Coleg Gwent | Rachel Prosser, Principal": a table's row opened by a body's name in its first cell
# "Cardiff University | Cllr X, Leader", also with the bars that open and close a row: "| A | B |"
_ROW = re.compile(r"(?:\|\s*)?(?P<cell>[^|\s][^|]{2,79}?)\s+\|\s+\S")
# a cell holding a proper name: capitalised words and the small words that link them ('Coleg y Cymoedd')
_PROPER_CELL = re.compile(
    r"(?:The\s+)?[A-Z][\w’'&.-]*(?:\s+(?:(?:of|and|for|the|&|in|on|y|yr)\s+)*[A-Z][\w’'&.-]*)+"
)


def table_cell_candidates(seg: Segmented, found: list[Candidate], ref: Reference) -> Iterable[Candidate]:
    """The proper names in the first column of a table whose other rows open with a body found
    already: 'Cardiff University | ...' over 'Coleg Gwent | ...' makes Coleg Gwent a body too."""
    rows: list[list[tuple[int, int, str]]] = [[]]
    for paragraph in seg.paragraphs:
        row = _ROW.match(paragraph.text)
        if row is None:
            rows.append([])
            continue
        rows[-1].append(
            (paragraph.start + row.start("cell"), paragraph.start + row.end("cell"), row.group("cell"))
        )
    for table in rows:
        if len(table) < 3:
            continue
        named = [cell for cell in table if any(c.start == cell[0] and c.end == cell[1] for c in found)]
        if 2 * len(named) < len(table):
            continue
        for start, end, cell in table:
            if (start, end, cell) in named or not _PROPER_CELL.fullmatch(cell):
                continue
            if any(start <= c.start < end for c in found):
                continue
            # "Cardiff Capital Region | ...": a city region signing is the joint committee of its councils
            region = any(fold(cell) == fold(r) for r in ref.regions) and cell.endswith("Region")
            name, type_ = resolve_name(cell, "council" if region else type_of(cell), ref)
            yield Candidate(start, end, name, type_, cell)


# "Scottish Enterprise", "NHS Greater Glasgow and Clyde": a line of capitalised words and links
_PROPER_LINE = re.compile(
    r"(?:The\s+)?[A-Z][\w’'&.-]*(?:\s+(?:(?:of|and|for|the|&|in|on)\s+)*[A-Z][\w’'&.-]*)+"
)


def gazetteer_candidates(text: str, lo: int, hi: int, ref: Reference) -> Iterable[Candidate]:
    for pattern, by_key in _gazetteer_patterns(ref):
        for match in pattern.finditer(text, lo, hi):
            canonical = by_key.get(fold(match.group().strip("‘’'")))
            if canonical is None:
                continue
            inst = ref.institutions.get(canonical)
            type_ = inst.type if inst else type_of(canonical)
            lead = len(match.group()) - len(match.group().lstrip("‘'"))
            yield Candidate(match.start() + lead, match.end(), canonical, type_, match.group()[lead:])


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
