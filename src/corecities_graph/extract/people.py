"""People and their honorifics, found by the frames a release uses; their posts are read in posts."""

from __future__ import annotations

import re

from ..resolve.reference import Reference
from .bodies import DOCUMENT_WORDS, HEADS
from .facts import Evidence, OrgMention, PersonMention, PlaceMention, Role, Sentence, Span
from .lexicon import SPEECH_VERBS, STOP, Lexicon, lexicon
from .passing import bodies_in_passing
from .posts import (
    SUB_BODIES,
    appos_is_post,
    civic_place,
    post_targets,
    role_at,
    role_before,
    roles_in,
    unique_roles,
)
from .settling import PRESS_POST
from .text import Paragraph, Segmented, SpanSet, capitalise

_PAREN_AFTER = re.compile(r"\s*\((?P<appos>[^()]{3,120})\)")
_SAID_BEFORE = re.compile(rf"\b(?:{SPEECH_VERBS})\s+$")
_APPOS_AFTER = re.compile(
    r"\s*,\s*(?P<appos>[^,;:“”\"‘]{3,120}?(?:,\s*[A-Z][^,;:“”\"‘]{2,80}?)?)\s*(?P<end>[,.;:]|$)"
)
_SPEECH = re.compile(
    rf"(?:\s*,\s*(?P<appos>[^:“”\"‘;]*?)|\s+(?P<of>(?:of|at|from)\s+[^:“”\"‘;,]*?))?\s*,?\s+(?:{SPEECH_VERBS})\b"
)
# "Sheffield Teaching Hospitals", "Leeds City Services": plural heads that name bodies, never people
_BODY_PLURALS = {"Hospitals", "Services", "Universities", "Colleges", "Councils", "Partners"}
# "... for Research and " before a capitalised pair: the words of a post's field, not a name
_FIELD_BEFORE = re.compile(
    r"\b(?:of|for|at)\s+(?:(?:[A-Z][\w’'-]*(?:,\s+|\s+))*[A-Z][\w’'-]*\s+(?:and|&)\s+(?:the\s+)?)?$"
)
# a photo's credit line: the photographer and the office that holds the picture
_CREDIT = re.compile(
    r"\s*(?:Photo(?:graph)?|Picture|Image|Credit)s?(?:\s+credit)?\s*(?::|\||\bby\b)", re.IGNORECASE
)
_POST_LINK_AFTER = re.compile(r"\s+(?:of|for|at|and|&)\b|[’']s\b|\s*\(")
_STREET_WORDS = {"Street", "Road", "Avenue", "Lane", "Square", "Crescent", "Terrace", "Quay", "Boulevard"}
# "a ceremony at the Town House", "at Leeds General Infirmary": a building, not a person
_BUILDING_WORDS = {
    "House", "Infirmary", "Hospital", "Centre", "Center", "Building", "Chambers", "Campus", "Library",
    "Museum", "Gallery", "Theatre", "Arena", "Stadium", "Guildhall",
}  # fmt: skip
_NAMESAKE_WORDS = {
    "Lecture", "Lectures", "Prize", "Award", "Awards", "Fellowship", "Fellowships", "Scholarship",
    "Scholarships", "Building", "Memorial", "Medal", "Trophy", "Wing", "Theatre", "Library",
}  # fmt: skip
_PHONE = re.compile(r"\+?\s?\(?\d[\d\s()]{7,}\d")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_WHO = re.compile(r"\s*,?\s+who(?:\s+(?:is|was|has|had))?\s*$")
# "Pictured (left to right): A, Role of X; B; and C": a caption names people in turn
_CAPTION = re.compile(
    r"^\s*(?:pictured|photographed|(?:from\s+)?left\s+to\s+right|\(?l(?:eft)?\s*-\s*r(?:ight)?\)?)\b",
    re.IGNORECASE,
)
# a caption's post runs to the next ';' ("Principal and Chief Executive, X" is one post); the next
# titled person's post is cut off separately
_CAPTION_TAIL = re.compile(r"\s*,\s*(?P<appos>[^;]*?)\s*(?:;|$)")
_CONTACT_BEFORE = re.compile(
    r"(?:\bcontact|\bContact|^Or|\bor|[Ee]nquiries:?|[Cc]ontacts?:|\b[Pp]ress\s+[Oo]ffice:|\b[Mm]edia\s+[Oo]ffice:)\s*:?\s*$"
)
_CONTACT_END = re.compile(r"\s*(?:\+|\bon\b|\bor\b|\(0|\d{4,}|\bemail\b|\be-mail\b|\btel\b|[\w.]+@|\.\s*$|$)")


def find_people(
    seg: Segmented, ref: Reference, orgs: list[OrgMention], places: list[PlaceMention]
) -> list[PersonMention]:
    """People named in person frames (speech, apposition, role before name, contacts, bylines)."""
    lex = lexicon(ref)
    text = seg.text
    passing = [o for o in bodies_in_passing(seg, orgs, places) if not _opens_post(seg.text, o, lex)]
    if passing:
        # "Chief Executive of Sheffield Teaching Hospitals": the trust, not the city its name opens with
        covered = SpanSet((o.evidence.span.start, o.evidence.span.end) for o in passing)
        places = [p for p in places if covered.free(p.evidence.span.start, p.evidence.span.end)]
        orgs = sorted(orgs + passing, key=lambda o: o.evidence.span.start)
    found: list[PersonMention] = []
    org_spans = SpanSet((o.evidence.span.start, o.evidence.span.end) for o in orgs)
    place_spans = SpanSet((p.evidence.span.start, p.evidence.span.end) for p in places)
    for sentence in seg.sentences:
        pos = sentence.start
        if _CREDIT.match(text, sentence.start, sentence.end):
            continue  # "Photo: Sam Reid / Strathclyde Communications": a credit names no one in the story
        while match := lex.name.search(text, pos, sentence.end):
            name = match.group("name")
            tokens = name.split()
            n_start, n_end = match.start("name"), match.end("name")
            # A run rejected as a whole may still end in a name: "Liverpool City Region Sam Okoro",
            # "Mayor of Bristol Ruth Penhaligon". Try again from its second word.
            pos = n_start + len(tokens[0])
            # after an honorific, only the first word must not be a common word ("Professor Shearer West")
            checked = tokens[:1] if match.group("hon") else tokens
            # "Cllr Dean Faulkner": after an honorific, a given name may be a post's word
            if tokens[-1] in _STREET_WORDS and not match.group("hon"):
                continue  # "a campus on Cardiff's Adam Street": a street named after someone
            if (tokens[-1] in _BUILDING_WORDS and not match.group("hon")) or tokens[-1] in _NAMESAKE_WORDS:
                continue  # "the Dame Ada Vale Lecture", "the Sir Tom Finney Building": named after someone
            if not match.group("hon") and text.endswith(("the ", "The "), max(0, n_start - 4), n_start):
                continue  # "speaking to the Kent Post": a title, not a person
            # "Cllr Carl Dean": after an honorific, a surname may be a post's word when no post's
            # link word follows it
            surname_post = (
                bool(match.group("hon")) and len(tokens) >= 2 and not _POST_LINK_AFTER.match(text, n_end)
            )
            if any(t in STOP for t in checked) or any(
                t in HEADS
                or t in DOCUMENT_WORDS
                or t in _BODY_PLURALS
                or (lex.role_word.fullmatch(t) and not (surname_post and i == len(tokens) - 1))
                for i, t in enumerate(tokens)
                if i >= (1 if match.group("hon") else 0)
            ):
                continue
            if match.group("hon") and lex.role_word.fullmatch(
                f"{match.group('hon').split()[-1]} {tokens[0]}"
            ):
                continue  # "Lord Mayor Sam Hill", "Lord Provost X": the honorific's word opens a post
            if not org_spans.free(n_start, n_end):
                pos = n_end  # no name hides in the tail of an organisation's name
                continue
            if not place_spans.free(n_start, n_start + 1):
                continue  # "Mayor of Greater Manchester Paul X": the name starts after the place
            if not match.group("hon") and _FIELD_BEFORE.search(text, sentence.start, match.start()):
                continue  # "Pro-Vice-Chancellor for Research and Knowledge Exchange at X": a post's field
            pos = match.end()
            name_at = match.start()
            hon_surface = (match.group("hon") or "").strip() or None
            # "MP" is a post-nominal: the text keeps it, the honorific does not.
            before = text[sentence.start : name_at]
            after_start = match.end()
            seat = bool(match.group("mp"))
            if (letters := _POST_NOMINALS.match(text, after_start, sentence.end)) is not None:
                # "Jim Hall OBE, Chair of X", "Sir Ed Vale KC MP": letters after a name stand before its post
                after_start = letters.end()
                seat = seat or " MP" in letters.group()
            mp_surface = (hon_surface + " … MP" if hon_surface else "MP") if seat else None
            roles: list[Role] = []
            frame = False
            contact = False
            phones: tuple[str, ...] = ()
            emails: tuple[str, ...] = ()
            of_org: tuple[str, str] | None = None
            # "Leader of A Cllr X, Leader of B Cllr Y": what follows X's name up to Y's post is X's
            limit = _next_person(text, after_start, sentence.end, lex)
            speech = _SPEECH.match(text, after_start, sentence.end)
            if speech:
                frame = True
                if speech.group("appos"):
                    a_start, a_end = speech.start("appos"), speech.end("appos")
                    chairs, a_start = _relative_posts(text, a_start, a_end, orgs, places)
                    roles += chairs
                    if (later := _LATER_RELATIVE.search(text, a_start, a_end)) is not None:
                        # "the leader of A, who chairs B, said": the clause's post after the first
                        chairs, _ = _relative_posts(text, later.start("who"), a_end, orgs, places)
                        roles += chairs
                        a_end = later.start()
                    who = _WHO.search(text, a_start, a_end)
                    roles += roles_in(
                        text, a_start, min(who.start() if who else a_end, limit), orgs, places, lex
                    )
                elif speech.group("of"):
                    of_orgs = post_targets(speech.start("of"), speech.end("of"), orgs, places)
                    if of_orgs:
                        of_org = (of_orgs[0][2], of_orgs[0][3])
            caption = _CAPTION.match(text[_paragraph_start(seg, sentence.paragraph) : sentence.end])
            if caption and not speech:
                tail = _CAPTION_TAIL.match(text, after_start, sentence.end)
                frame = True
                if tail:
                    roles += roles_in(
                        text, tail.start("appos"), min(tail.end("appos"), limit), orgs, places, lex
                    )
            if (
                not speech
                and not caption
                and _SAID_BEFORE.search(text, max(sentence.start, name_at - 40), name_at)
            ):
                # '"…," said Cllr X, Leader of Y.' and 'Sir X, Leader of Y, visited …'
                tail = _APPOS_AFTER.match(text, after_start, sentence.end)
                if tail and lex.role_word.search(tail.group("appos")):
                    frame = True
                    roles += roles_in(
                        text, tail.start("appos"), min(tail.end("appos"), limit), orgs, places, lex
                    )
            elif not speech and not caption and not _CONTACT_BEFORE.search(before):
                tail = _APPOS_AFTER.match(text, after_start, sentence.end)
                if (
                    tail
                    and (
                        tail.group("end") in {",", ":"}
                        or lex.role_word.match(tail.group("appos"))
                        or _QUALIFIED_POST.fullmatch(tail.group("appos"))
                    )
                    and appos_is_post(tail.group("appos"), lex)
                    and not _fronts_next(text, tail, sentence.start, name_at, orgs, places, lex)
                ):
                    frame = True
                    roles += roles_in(
                        text, tail.start("appos"), min(tail.end("appos"), limit), orgs, places, lex
                    )
            copula = _IS_POST.match(text, after_start, sentence.end)
            if copula and not speech and not before.strip() and lex.role_word.search(copula.group("post")):
                # "Marcus Webb is Director of Partnerships at Teesside University.": a note on the author
                posts = [
                    r
                    for r in roles_in(text, copula.start("post"), copula.end("post"), orgs, places, lex)
                    if r.org
                ]
                if posts:
                    frame = True
                    roles += posts
            paren = _PAREN_AFTER.match(text, after_start, sentence.end)
            if paren and lex.role_word.search(paren.group("appos")):
                frame = True  # "Cllr Amy Hirst (Leader, Wakefield Council) said"
                roles += roles_in(
                    text, paren.start("appos"), min(paren.end("appos"), limit), orgs, places, lex
                )
            pre_roles = role_before(text, sentence.start, name_at, orgs, places, lex)
            if chaired := _CHAIRED_BY.search(text, sentence.start, name_at):
                # "overseen by a Civic Charter Board chaired by Professor X"
                board = [
                    t
                    for t in post_targets(sentence.start, chaired.start(), orgs, places)
                    if t[1] == chaired.start()
                ]
                pre_roles = [role_at("Chair", board[0][2], board[0][3])] if board else pre_roles
            if pre_roles and of_org is not None and pre_roles[-1].org is None:
                pre_roles[-1] = role_at(pre_roles[-1].role, of_org[0], of_org[1])
            if pre_roles and roles and _after_previous_name(text, sentence.start, name_at, lex):
                pre_roles = []  # "A, Leader of X, Professor B, Vice-Chancellor of Y": X is A's
            if pre_roles:
                frame = True
                roles = pre_roles + roles
            if roles and "behalf" in before and (spoken_for := _behalf_body(text, before, name_at, orgs)):
                # "Responding on behalf of the UK Government, X, Secretary of State for Wales, said":
                # the posts the sentence gives without a body are held in the one spoken for
                roles = [r if r.org else role_at(r.role, spoken_for, "org") for r in roles]
            if _CONTACT_BEFORE.search(before):
                tail = re.compile(r"\s*,\s*").match(text, after_start, sentence.end)
                if tail:
                    end = _CONTACT_END.search(text, tail.end(), sentence.end)
                    stop = end.start() if end else sentence.end
                    roles += roles_in(text, tail.end(), min(stop, limit), orgs, places, lex)
                    frame = contact = True
                    rest = text[after_start : sentence.end]
                    phones = tuple(p.strip() for p in _PHONE.findall(rest))
                    emails = tuple(_EMAIL.findall(rest))
            dated = _DATED_BYLINE.fullmatch(text, _paragraph_start(seg, sentence.paragraph), name_at)
            if dated and (post := _PRESS_AFTER.fullmatch(text, after_start, sentence.end)) is not None:
                # "28 Feb 2025 | Ffion Roberts, Local Democracy Reporter": a byline after its date
                frame = True
                roles.append(Role(capitalise(post.group("post")), None))
            elif _BYLINE_BEFORE.search(before) and sentence.start == _paragraph_start(
                seg, sentence.paragraph
            ):
                # "By X, Policy Editor", "Posted by X, Senior Economist | 4 March 2025"
                tail = re.compile(r"\s*,\s*([^|]+)").match(text, after_start, sentence.end)
                frame = True
                if tail:
                    roles.append(Role(capitalise(tail.group(1).strip()), None))
                elif (byline := _byline_post(seg, sentence.paragraph)) is not None:
                    roles.append(Role(byline, None))  # "By X" over a line "Education reporter"
            if (
                not roles
                and (block := _post_line(seg, sentence.paragraph, name_at, match.end(), lex)) is not None
            ):
                # "Cllr X" on a line of its own, over "Leader, Y Council": a signature block
                frame = True
                roles += roles_in(text, block.start, block.end, orgs, places, lex)
            if not roles and "|" in text[after_start : sentence.end]:
                row = _ROW_POST_BODY.match(text, after_start, seg.paragraphs[sentence.paragraph].end)
                if row and lex.role_word.search(row.group("post")) and not lex.name.search(row.group("post")):
                    # "| Cllr X | Leader | Hull City Council |": a table with columns of names, posts, bodies
                    body = [
                        t
                        for t in post_targets(row.start("body"), row.end("body"), orgs, places)
                        if t[0] == row.start("body") and t[1] == row.end("body")
                    ]
                    held = capitalise(row.group("post").strip())
                    frame = True
                    roles.append(role_at(held, body[0][2], body[0][3]) if body else Role(held, None))
            if (cell := _row_body(seg, sentence.paragraph, name_at, orgs)) is not None:
                # "Newport City Council | Cllr X, Leader": a table's row names the body in its first cell
                roles = [r if r.org else _row_post(r.role, cell) for r in roles]
                roles = [_in_row_body(r, cell) for r in roles]
            if not seat and "MP" in text[max(sentence.start, name_at - 60) : min(sentence.end, n_end + 60)]:
                # "X, Labour MP for Leeds Central,", "The MP for Leeds East, X,": a seat in parliament
                seat = bool(
                    _MP_SEAT_AFTER.match(text, after_start, sentence.end) or _MP_SEAT_BEFORE.search(before)
                )
            if seat or (not roles and before.endswith("MP ") and _MP_BEFORE.search(before)):
                # "MP" after a name is a seat held; so is "Leeds West MP Rachel Reeves"
                frame = True
                roles.append(Role("Member of Parliament", None))
            if not frame and not hon_surface and not seat:
                continue
            honorific = ref.canonical_honorific(hon_surface) if hon_surface else None
            found.append(
                PersonMention(
                    name=name,
                    honorific=honorific,
                    honorific_surface=mp_surface or hon_surface,
                    roles=tuple(unique_roles([civic_place(r) for r in roles])),
                    evidence=seg.evidence(name_at, n_end),
                    contact=contact,
                    phones=phones,
                    emails=emails,
                )
            )
    found += _caption_people(seg, found, orgs, places, lex, ref)
    found += _caption_list(seg, found, orgs, lex, ref)
    return found + _short_references(seg, found, lex, ref) + _surname_posts(seg, found, orgs, places, lex)


# "on behalf of the UK Government, ": the body spoken for, then the speaker's name (and honorific)
_BEHALF = re.compile(r"\b[Oo]n\s+behalf\s+of\s+(?:the\s+)?$")


def _behalf_body(text: str, before: str, name_at: int, orgs: list[OrgMention]) -> str | None:
    """The organisation named between 'on behalf of' and the comma before a speaker's name."""
    comma = before.rstrip().rfind(",")
    if comma < 0 or before[comma + 1 :].strip():
        return None
    lo = name_at - len(before)
    body = next((o for o in orgs if o.evidence.span.end == lo + comma), None)
    if body is None or not _BEHALF.search(text, lo, body.evidence.span.start):
        return None
    return body.name


def _opens_post(text: str, short: OrgMention, lex: Lexicon) -> bool:
    """'Leicester City Mayor': a short form whose last word opens a post with the word after it
    ('City Mayor') is a place and that post, not the body whose name it opens."""
    words = short.surface.split()
    after = re.match(r"\s+([\w-]+)", text[short.evidence.span.end : short.evidence.span.end + 40])
    return (
        len(words) >= 2
        and after is not None
        and bool(lex.role_word.fullmatch(f"{words[-1]} {after.group(1)}"))
    )


# "Image: Metro Mayor X with the board at …. Photo: Y": a picture's caption, up to its credit
_CAPTION_LINE = re.compile(
    r"(?:Image|Photo|Picture)\s*:\s*(?P<caption>.+?)(?:\.?\s+(?:Photo|Credit|Image)\s*:.*)?$"
)


def _caption_people(
    seg: Segmented,
    found: list[PersonMention],
    orgs: list[OrgMention],
    places: list[PlaceMention],
    lex: Lexicon,
    ref: Reference,
) -> list[PersonMention]:
    """Someone the story names only in a picture's caption, by the post before the name."""
    named = {p.name for p in found}
    text = seg.text
    people: list[PersonMention] = []
    for paragraph in seg.paragraphs:
        if not paragraph.noise or paragraph.text[:1] not in "IP":
            continue
        line = _CAPTION_LINE.match(text, paragraph.start, paragraph.end)
        if line is None:
            continue
        lo, hi = line.start("caption"), line.end("caption")
        pos, at = lo, None
        roles: list[Role] = []
        while not roles and (at := lex.name.search(text, pos, min(hi, lo + 80))) is not None:
            # "Metro Mayor Sam Reid": the run of capitals holds the post, then the name
            pos = at.start("name") + len(at.group("name").split()[0])
            if not any(lex.role_word.fullmatch(t) or t in STOP for t in at.group("name").split()):
                roles = role_before(text, lo, at.start(), orgs, places, lex)
        if at is None or not roles or at.group("name") in named:
            continue
        hon_surface = (at.group("hon") or "").strip() or None
        people.append(
            PersonMention(
                name=at.group("name"),
                honorific=ref.canonical_honorific(hon_surface) if hon_surface else None,
                honorific_surface=hon_surface,
                roles=tuple(unique_roles([civic_place(r) for r in roles])),
                evidence=Evidence(
                    Span(at.start("name"), at.end("name")), Sentence(lo, hi, text[lo:hi], paragraph.index)
                ),
            )
        )
    return people


# after a name in a caption's list: its body in brackets, or after a comma up to the next item
_LISTED_BODY = re.compile(
    r"\s*\((?P<paren>[^()]{3,80})\)|\s*,\s*(?P<comma>[^,;()]{3,80}?)\s*(?=[;,]|\s+and\s|\.?\s*$)"
)


def _caption_list(
    seg: Segmented, found: list[PersonMention], orgs: list[OrgMention], lex: Lexicon, ref: Reference
) -> list[PersonMention]:
    """'Photo: Professor A (X University), Cllr B (Y Council) and C (Z College) at the signing':
    a picture's caption listing people, each followed by a body the text names; a credit's
    photographer has none."""
    text = seg.text
    bodies = {n.lower() for o in orgs for n in (o.name, o.surface)}
    named = {p.name for p in found}
    people: list[PersonMention] = []
    for paragraph in seg.paragraphs:
        if not paragraph.noise or paragraph.text[:1] not in "IP":
            continue
        line = _CAPTION_LINE.match(text, paragraph.start, paragraph.end)
        if line is None:
            continue
        lo, hi = line.start("caption"), line.end("caption")
        listed: list[tuple[re.Match[str], str | None]] = []
        for at in lex.name.finditer(text, lo, hi):
            body = _LISTED_BODY.match(text, at.end(), hi)
            held = body and (body.group("paren") or body.group("comma") or "").strip()
            held = re.sub(r"^the\s+", "", held or "", flags=re.IGNORECASE)
            if held.lower() in bodies and not lex.role_word.search(at.group("name")):
                listed.append((at, (at.group("hon") or "").strip() or None))
        if len(listed) < 2:
            continue  # one name with a body may be the photographer's credit
        for at, hon_surface in listed:
            if at.group("name") in named:
                continue
            named.add(at.group("name"))
            people.append(
                PersonMention(
                    name=at.group("name"),
                    honorific=ref.canonical_honorific(hon_surface) if hon_surface else None,
                    honorific_surface=hon_surface,
                    roles=(),
                    evidence=Evidence(
                        Span(at.start("name"), at.end("name")), Sentence(lo, hi, text[lo:hi], paragraph.index)
                    ),
                )
            )
    return people


_ROW_POST_BODY = re.compile(r"\s*\|\s*(?P<post>[^|]{2,80}?)\s*\|\s*(?P<body>[^|\s][^|]{1,119}?)\s*\|?\s*$")
# Honours, fellowships and seats: MP and the members of the other parliaments and assemblies (MS,
# AM, MSP, MLA, MEP, TD), letters that stand between a name and its post
_POST_NOMINALS = re.compile(
    r"(?:\s+(?:OBE|MBE|CBE|DBE|KBE|GBE|KCB|FRS|FRSE|FBA|FREng|FMedSci|FAcSS|KC|QC|DL|JP|MP|MS|AM|MSP|MLA|MEP|TD)\b)+"
    r"(?=\s*[,(]|\s+(?:said|says|added|told)\b)"
)
_MP_SEAT_AFTER = re.compile(
    r"\s*,\s*(?:the\s+)?(?:[A-Z][\w-]*\s+){0,2}MP\s+for\s+[A-Z][\w’'-]*(?:\s+(?:and\s+)?[A-Z][\w’'-]*){0,4}\s*(?:[,.;]|$)"
)
_MP_SEAT_BEFORE = re.compile(
    r"(?:^|\s)[Tt]he\s+MP\s+for\s+[A-Z][\w’'-]*(?:\s+(?:and\s+)?[A-Z][\w’'-]*){0,4}\s*,\s*$"
)
_MP_BEFORE = re.compile(r"(?:^|[\s(])(?:[A-Z][\w-]*\s+){0,3}MP\s$")
_POST_BETWEEN = re.compile(r",\s*[^,;:“”\"]{3,120},\s*$")


def _after_previous_name(text: str, lo: int, name_at: int, lex: Lexicon) -> bool:
    """Whether the words before a name are a post set off after the name before it: 'A, Post, B'."""
    between = _POST_BETWEEN.search(text, lo, name_at)
    if between is None:
        return False
    return any(
        m.end() == between.start()
        for m in lex.name.finditer(text, max(lo, between.start() - 80), between.start())
    )


def _fronts_next(
    text: str,
    tail: re.Match[str],
    lo: int,
    name_at: int,
    orgs: list[OrgMention],
    places: list[PlaceMention],
    lex: Lexicon,
) -> bool:
    """'by the council's Chief Executive, A, the university's Provost, Professor B': in a list of
    people with their posts before them, the post after A's name is the next person's."""
    first = re.match(r"[^,]*,\s*", text[tail.start("appos") : tail.end()])
    if first is None or not lex.name.match(text, tail.start("appos") + first.end()):
        return False
    return bool(role_before(text, lo, name_at, orgs, places, lex))


# "Deputy Vice-Chancellor", "Pro Vice-Chancellor (Partnerships)": a post whose role word follows
# the words that rank it, standing after a name at the end of a line
_QUALIFIED_POST = re.compile(
    r"(?:(?:Deputy|Pro|Senior|Acting|Interim|Assistant|Associate|Joint|Executive|Co)[\s-]+)+"
    r"[A-Z][\w-]*(?:\s+(?:[A-Z][\w-]*|\([A-Z][\w\s,&-]*\)|of|for|and))*"
)
_ROW_CELL = re.compile(r"(?:\|\s*)?(?P<cell>[^|\s][^|]{2,79}?)\s+\|\s+$")


# "- Hull College: Sam Ray, Principal", "Hull College – Sam Ray, Principal": a list's line opens with the body
_LINE_BODY = re.compile(r"\s*(?:[-•*]\s+)?(?P<cell>[^\s:–—|][^:–—|]{2,79}?)\s*(?::|\s[–—-])\s+")


def _row_body(seg: Segmented, index: int, name_at: int, orgs: list[OrgMention]) -> OrgMention | None:
    """The body named in the first cell of a table's row when the person's name opens the next cell."""
    start = _paragraph_start(seg, index)
    cell = _ROW_CELL.fullmatch(seg.text, start, name_at) or _LINE_BODY.fullmatch(seg.text, start, name_at)
    if cell is None:
        return None
    start, end = cell.start("cell"), cell.end("cell")
    return next((o for o in orgs if o.evidence.span.start == start and o.evidence.span.end == end), None)


_MAYOR_POST = re.compile(r"(?:Lord\s+|Deputy\s+Lord\s+|Deputy\s+)?(?:Mayor|Provost)", re.IGNORECASE)


def _row_post(role: str, cell: OrgMention) -> Role:
    """A post in the row of a body: the body's, or for a Lord Mayor in a council's row, the council's city."""
    if cell.type == "council" and cell.city and _MAYOR_POST.fullmatch(role):
        return role_at(role, cell.city, "city")
    return role_at(role, cell.name, "org")


def _in_row_body(role: Role, cell: OrgMention) -> Role:
    """'Chair of the Regional Cabinet' in the row of the body the cabinet belongs to: the body's post."""
    if role.org is None or role.org == cell.name or role.org.split()[-1] not in SUB_BODIES:
        return role
    return role_at(f"{role.role} of the {role.org}", cell.name, "org")


# "X is a senior economist at Centre for Cities.": the post a sentence about someone names, up to
# its end or a second verb ("and chairs the board")
_IS_POST = re.compile(
    r"\s+(?:is|was)\s+(?:also\s+)?(?:(?:elected|appointed|named)\s+(?:as\s+)?)?(?:an?\s+|the\s+)?"
    r"(?:first\s+|new\s+)?(?![a-z]+(?:ed|ing)\b)(?P<post>(?:[^.;:“”\"]|\.(?=\w)){3,150}?)\s*"
    r"(?:\.\s*$|\.\s|$|\s+and\s+(?:also\s+)?[a-z]+s\b)"
)
# "who became President of X", "who chairs X and is principal of Y": posts in a relative clause
_GROUP_ON = re.compile(r"(?:the\s+)?(?P<group>(?:[\w-]+\s+){0,3}group)\s+(?:on|of|at|in)\s+(?:the\s+)?")
_RELATIVE = re.compile(
    r"who\s+(?:(?P<leads>leads)\s+|(?P<chairs>chairs|co-chairs)\s+(?:the\s+)?"
    r"|(?:is|was|became|has\s+been|had\s+been|serves\s+as)\s+(?:also\s+)?(?:the\s+)?)"
)
_LATER_RELATIVE = re.compile(r",\s+(?P<who>who\s+(?:co-)?chairs\s)")
_AND_IS = re.compile(r"\s+and\s+(?:is|was|became)\s+(?:also\s+)?(?:the\s+)?")
_CHAIRED_BY = re.compile(r"\s+chaired\s+by\s+$")


def _relative_posts(
    text: str, start: int, end: int, orgs: list[OrgMention], places: list[PlaceMention]
) -> tuple[list[Role], int]:
    """The post a relative clause's verb names ('who chairs X'), and where its other posts start."""
    relative = _RELATIVE.match(text, start, end)
    if relative is None:
        return [], start
    if relative.group("leads") and (group := _GROUP_ON.match(text, relative.end(), end)) is not None:
        # "who leads the opposition group on Durham County Council": a group's leader, in the council
        on = [t for t in post_targets(group.end(), end, orgs, places) if t[0] == group.end()]
        if on:
            more = _AND_IS.match(text, on[0][1], end)
            role = role_at(f"Leader of the {group.group('group')}", on[0][2], on[0][3])
            return [role], more.end() if more else end
    if relative.group("leads"):
        return [], end  # "who leads the Centre for X": a clause, not a post
    if not relative.group("chairs"):
        return [], relative.end()
    chaired = [t for t in post_targets(relative.end(), end, orgs, places) if t[0] == relative.end()]
    if not chaired:
        return [], end
    _t_start, t_end, name, kind = chaired[0]
    role = role_at("Co-chair" if relative.group("chairs").startswith("co") else "Chair", name, kind)
    more = _AND_IS.match(text, t_end, end)
    return [role], more.end() if more else end


def _next_person(text: str, start: int, end: int, lex: Lexicon) -> int:
    """Where the next titled person's post begins after `start` in a sentence (or `end`)."""
    nxt = next((m for m in lex.name.finditer(text, start, end) if m.group("hon")), None)
    if nxt is None:
        return end
    comma = max(text.rfind(",", start, nxt.start()), text.rfind(";", start, nxt.start()))
    closed = text.rfind(")", start, nxt.start())
    if comma < closed and text.rfind("(", start, comma) > text.rfind(")", start, comma):
        # "Cllr A (Deputy Mayor, X Council) and Professor B": the comma is inside A's brackets
        return closed + 1
    return comma if comma >= start else end


def _short_references(
    seg: Segmented, found: list[PersonMention], lex: Lexicon, ref: Reference
) -> list[PersonMention]:
    """'Sir Colin said', 'Professor Desai added': someone named in full earlier, called by one name."""
    extra: list[PersonMention] = []
    taken = SpanSet((p.evidence.span.start, p.evidence.span.end) for p in found)
    by_word: dict[str, list[PersonMention]] = {}
    for person in found:
        for word in {person.name.split()[0], person.name.split()[-1]}:
            by_word.setdefault(word, []).append(person)
    for sentence in seg.sentences:
        for match in lex.short_ref.finditer(seg.text, sentence.start, sentence.end):
            start, end = match.start("name"), match.end("name")
            if not taken.free(start, start + 1):
                continue
            word = match.group("name")
            earlier = [p for p in by_word.get(word, ()) if p.evidence.span.start < start]
            if not earlier:
                continue
            person = earlier[-1]
            extra.append(
                PersonMention(
                    name=person.name,
                    # "Graham Ashworth ... Professor Ashworth said": the title the later mention gives
                    honorific=person.honorific or _title(ref.canonical_honorific(match.group("hon").strip())),
                    honorific_surface=match.group("hon").strip(),
                    roles=(),
                    evidence=seg.evidence(start, end),
                )
            )
    return extra


_COURTESY = {"Mr", "Mrs", "Ms", "Miss", "Mx"}


def _title(honorific: str) -> str | None:
    """A title a later mention gives ("Professor Ashworth"); a paper's "Ms Creed" is house style, not a title."""
    return None if honorific in _COURTESY else honorific


# "Chandra, who is vice-chancellor of the University of Bradford, said": a post given where
# someone named in full earlier is called by their surname alone
_SURNAME_POST = re.compile(
    r",\s+(?:who\s+(?:is|was)\s+(?:also\s+)?(?:the\s+)?)?(?P<post>[^,;:“”\"]{3,120}?),"
)


def _surname_posts(
    seg: Segmented,
    found: list[PersonMention],
    orgs: list[OrgMention],
    places: list[PlaceMention],
    lex: Lexicon,
) -> list[PersonMention]:
    """Posts said beside a surname alone, for the one person named in full before it with that surname."""
    text = seg.text
    extra: list[PersonMention] = []
    taken = SpanSet((p.evidence.span.start, p.evidence.span.end) for p in found)
    by_surname: dict[str, set[str]] = {}
    for person in found:
        by_surname.setdefault(person.name.split()[-1], set()).add(person.name)
    for surname, names in by_surname.items():
        if len(names) != 1 or surname in STOP:
            continue
        name = next(iter(names))
        first = min(p.evidence.span.start for p in found if p.name == name)
        # searched as a plain string: a pattern made per surname would crowd out the compiled ones
        at = text.find(surname + ",", first)
        while at >= 0:
            end = at + len(surname)
            post = _SURNAME_POST.match(text, end)
            whole = at == 0 or not (text[at - 1].isalnum() or text[at - 1] in "’'-")
            at = text.find(surname + ",", end)
            if not whole or not taken.free(end - len(surname), end) or post is None:
                continue
            if not lex.role_word.search(post.group("post")):
                continue
            roles = [
                r for r in roles_in(text, post.start("post"), post.end("post"), orgs, places, lex) if r.org
            ]
            if roles:
                extra.append(PersonMention(name=name, honorific=None, honorific_surface=None, roles=tuple(roles),
                                           evidence=seg.evidence(end - len(surname), end)))  # fmt: skip
    return extra


_DATED_BYLINE = re.compile(r"\s*\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}\s*\|\s*")
_PRESS_AFTER = re.compile(rf"\s*,\s*(?P<post>{PRESS_POST.pattern})\s*\.?\s*", re.IGNORECASE)
_BYLINE_BEFORE = re.compile(r"(?:^|\|)\s*(?:By|(?:Posted|Written)\s+by)\s*$")
_HANDLE_LINE = re.compile(r"(?:(?:Twitter|X|Follow)\s*:?\s*)?@\w+")


def _byline_post(seg: Segmented, index: int) -> str | None:
    """The post on the line after a byline (past a line with the writer's handle), when that line is
    only a journalist's post."""
    for paragraph in seg.paragraphs[index + 1 : index + 3]:
        line = paragraph.text.strip()
        if PRESS_POST.fullmatch(line):
            return capitalise(line)
        if not _HANDLE_LINE.fullmatch(line):
            return None
    return None


def _post_line(seg: Segmented, index: int, name_at: int, name_end: int, lex: Lexicon) -> Paragraph | None:
    """The line after a line that is only a name, when that line is only a post and its body."""
    paragraph = seg.paragraphs[index]
    if index + 1 >= len(seg.paragraphs) or seg.text[paragraph.start : name_at].strip():
        return None
    if seg.text[name_end : paragraph.end].strip(" ,"):
        return None
    line = seg.paragraphs[index + 1]
    if line.noise or line.start - paragraph.end > 2 or not lex.role_word.match(line.text):
        return None
    return line if appos_is_post(line.text, lex) and not re.search(r"[.:;“”\"]", line.text) else None


def _paragraph_start(seg: Segmented, index: int) -> int:
    return seg.paragraphs[index].start
