"""People, their honorifics and the posts they hold, found by the frames a release uses."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..resolve.reference import Reference
from .facts import OrgMention, PersonMention, PlaceMention, Role
from .organisations import HEADS
from .text import Segmented, SpanSet, capitalise, starting_within

SPEECH_VERBS = (
    r"said|says|stated|states|added|adds|commented|comments|explained|explains|told|noted|"
    r"struck|remarked|declared|announced|wrote|argued|welcomed|continued|urged"
)
# Names carry accents ("Seán", "Zoë", "Ó Briain"): capitals and small letters beyond ASCII count.
_UP = "A-ZÀ-ÖØ-ÞĀ-ſ"  # Latin Extended-A mixes both cases; a name never starts small there
_LOW = "a-zß-öø-ÿĀ-ſ"
# A name with a capital inside ("McAllister", "MacLeod", "FitzGerald", "DeVito") is one token:
# those forms come first, and a plain token may not stop short of a letter.
_NAME_TOKEN = (
    rf"(?:(?:Mc|Mac|Fitz|De|Di|Da|Du|La|Le)[{_UP}][{_LOW}]+"
    rf"|[{_UP}][{_LOW}]+(?:[-’'][{_UP}]?[{_LOW}]+)*(?![{_UP}{_LOW}])"
    rf"|O[’'][{_UP}][{_LOW}]+|Ó\s[{_UP}][{_LOW}]+|[{_UP}]\.)"
)
_NAME = rf"{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{1,3}}"
_STOP = {
    "The", "This", "That", "These", "Our", "Their", "Its", "For", "Or", "By", "And", "But", "In",
    "On", "At", "As", "With", "From", "Under", "After", "Before", "Both", "Every", "Each",
    "Core", "Cities", "City", "UK", "British", "Britain", "Global", "Government", "Ministers",
    "Leaders", "Vice-Chancellors", "National", "Local", "Civic", "Public", "Policy", "News",
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday", "Twitter", "Facebook", "Skip", "Read", "More", "Covid", "Brexit",
    "Last", "Year", "Fourth", "Third", "Second", "First", "West", "East", "North", "South",
    "Midlands", "Region", "Trade", "Investment", "Strategy", "Innovation", "Partnerships",
}  # fmt: skip
_STOP_ALT = "(?:" + "|".join(sorted(_STOP, key=len, reverse=True)) + ")"
_OWNER = re.compile(r"^(?:the\s+)?[a-z][\w-]*[’']s\s+")  # "the university's Pro Vice-Chancellor"
_PAREN_AFTER = re.compile(r"\s*\((?P<appos>[^()]{3,120})\)")
_SAID_BEFORE = re.compile(rf"\b(?:{SPEECH_VERBS})\s+$")
_APPOS_AFTER = re.compile(
    r"\s*,\s*(?P<appos>[^,;:“”\"‘]{3,120}?(?:,\s*[A-Z][^,;:“”\"‘]{2,80}?)?)\s*(?P<end>[,.;:]|$)"
)
_SPEECH = re.compile(
    rf"(?:\s*,\s*(?P<appos>[^:“”\"‘;]*?)|\s+(?P<of>(?:of|at|from)\s+[^:“”\"‘;,]*?))?\s*,?\s+(?:{SPEECH_VERBS})\b"
)
_PHONE = re.compile(r"\+?\s?\(?\d[\d\s()]{7,}\d")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_LEADING = re.compile(
    r"^(?:\s|,|and\b|also\b|as well as\b|who is\b|who was\b|is\b|the\b|our\b|its\b|a\b|an\b)+",
    re.IGNORECASE,
)
_CUT = re.compile(r"\s+(?:of|at|with|from)\s+|\s+for\s+(?![A-Z])|\s*,\s*|\s+in\s+(?=the\b)")
_WHO = re.compile(r"\s*,?\s+who(?:\s+(?:is|was|has|had))?\s*$")
# "Pictured (left to right): A, Role of X; B; and C": a caption names people in turn
_CAPTION = re.compile(
    r"^\s*(?:pictured|photographed|(?:from\s+)?left\s+to\s+right|\(?l(?:eft)?\s*-\s*r(?:ight)?\)?)\b",
    re.IGNORECASE,
)
_CONTACT_BEFORE = re.compile(r"(?:\bcontact|\bContact|^Or|\bor|[Ee]nquiries:?|[Cc]ontacts?:)\s*:?\s*$")
_CONTACT_END = re.compile(r"\s*(?:\+|\bon\b|\bor\b|\(0|\d{4,}|\bemail\b|\be-mail\b|\btel\b|[\w.]+@|\.\s*$|$)")


@dataclass(frozen=True)
class _Lexicon:
    honorific: re.Pattern[str]
    name: re.Pattern[str]
    role_word: re.Pattern[str]
    role_tail: re.Pattern[str]
    role_of: re.Pattern[str]
    short_ref: re.Pattern[str]
    role_and: re.Pattern[str]


_CACHE: dict[int, _Lexicon] = {}


def _lexicon(ref: Reference) -> _Lexicon:
    if id(ref) not in _CACHE:
        hons = sorted(ref.honorifics, key=len, reverse=True)
        hon = "|".join(re.escape(h) + (r"(?=\s)" if not h.endswith(".") else "") for h in hons)
        words = sorted({w for h in ref.honorifics for w in h.split() if w.isalpha() and w[0].isupper()})
        # an honorific never sits inside a name: "Leicester Sir Colin Marsh" is a place, then a person
        token = rf"(?!(?:{'|'.join(words)})\b){_NAME_TOKEN}"
        name_pattern = rf"{token}(?:\s+{token}){{1,3}}"
        roles = sorted(ref.roles, key=len, reverse=True)
        role_alt = "|".join(re.escape(r) for r in roles)
        _CACHE[id(ref)] = _Lexicon(
            honorific=re.compile(rf"(?:(?:{hon})\s+)+"),
            name=re.compile(
                rf"(?<![\w’'-])(?P<hon>(?:(?:{hon})\s+)+)?(?!{_STOP_ALT}\b)(?P<name>{name_pattern})(?P<mp>\s+MP\b)?"
            ),
            role_word=re.compile(rf"\b(?:{role_alt})s?\b", re.IGNORECASE),
            role_tail=re.compile(rf"(?i:{role_alt})\s*,?\s*$"),
            role_of=re.compile(
                rf"(?:{role_alt})(?:\s+for\s+[A-Z][\w-]*(?:\s+(?:and\s+)?[A-Z][\w-]*)*)?\s+(?:of|at)\s+"
                rf"(?:the\s+)?(?P<lower>[a-z][\w-]*)?\s*$"
            ),
            short_ref=re.compile(
                rf"(?<![\w’'-])(?P<hon>(?:(?:{hon})\s+)+)(?P<name>{_NAME_TOKEN})(?![\w’'-]|\s+[A-Z])"
            ),
            role_and=re.compile(rf"(?<![\w-])(?:[A-Z][\w-]*\s+)*(?:{role_alt})\s+and\s+$"),
        )
    return _CACHE[id(ref)]


def find_people(
    seg: Segmented, ref: Reference, orgs: list[OrgMention], places: list[PlaceMention]
) -> list[PersonMention]:
    """People named in person frames (speech, apposition, role before name, contacts, bylines)."""
    lex = _lexicon(ref)
    text = seg.text
    found: list[PersonMention] = []
    org_spans = SpanSet((o.evidence.span.start, o.evidence.span.end) for o in orgs)
    place_spans = SpanSet((p.evidence.span.start, p.evidence.span.end) for p in places)
    for sentence in seg.sentences:
        pos = sentence.start
        while match := lex.name.search(text, pos, sentence.end):
            name = match.group("name")
            tokens = name.split()
            n_start, n_end = match.start("name"), match.end("name")
            # A run rejected as a whole may still end in a name: "Liverpool City Region Sam Okoro",
            # "Mayor of Bristol Ruth Penhaligon". Try again from its second word.
            pos = n_start + len(tokens[0])
            # after an honorific, only the first word must not be a common word ("Professor Shearer West")
            checked = tokens[:1] if match.group("hon") else tokens
            if any(t in _STOP for t in checked) or any(
                t in HEADS or lex.role_word.fullmatch(t) for t in tokens
            ):
                continue
            if not org_spans.free(n_start, n_end):
                pos = n_end  # no name hides in the tail of an organisation's name
                continue
            if not place_spans.free(n_start, n_start + 1):
                continue  # "Mayor of Greater Manchester Paul X": the name starts after the place
            pos = match.end()
            name_at = match.start()
            hon_surface = (match.group("hon") or "").strip() or None
            # "MP" is a post-nominal: the text keeps it, the honorific does not.
            mp_surface = (hon_surface + " … MP" if hon_surface else "MP") if match.group("mp") else None
            before = text[sentence.start : name_at]
            after_start = match.end()
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
                    who = _WHO.search(text, a_start, a_end)
                    roles += _roles_in(
                        text, a_start, min(who.start() if who else a_end, limit), orgs, places, lex
                    )
                elif speech.group("of"):
                    of_orgs = _targets(speech.start("of"), speech.end("of"), orgs, places)
                    if of_orgs:
                        of_org = (of_orgs[0][2], of_orgs[0][3])
            caption = _CAPTION.match(text[_paragraph_start(seg, sentence.paragraph) : sentence.end])
            if caption and not speech:
                tail = re.compile(r"\s*,\s*(?P<appos>[^;]*?)\s*(?:;|\s+and\s+(?=[A-Z])|$)").match(
                    text, after_start, sentence.end
                )
                frame = True
                if tail:
                    roles += _roles_in(
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
                    roles += _roles_in(
                        text, tail.start("appos"), min(tail.end("appos"), limit), orgs, places, lex
                    )
            elif not speech and not caption and not _CONTACT_BEFORE.search(before):
                tail = _APPOS_AFTER.match(text, after_start, sentence.end)
                if (
                    tail
                    and (tail.group("end") in {",", ":"} or lex.role_word.match(tail.group("appos")))
                    and _appos_is_post(tail.group("appos"), lex)
                ):
                    frame = True
                    roles += _roles_in(
                        text, tail.start("appos"), min(tail.end("appos"), limit), orgs, places, lex
                    )
            paren = _PAREN_AFTER.match(text, after_start, sentence.end)
            if paren and lex.role_word.search(paren.group("appos")):
                frame = True  # "Cllr Amy Hirst (Leader, Wakefield Council) said"
                roles += _roles_in(
                    text, paren.start("appos"), min(paren.end("appos"), limit), orgs, places, lex
                )
            pre_roles = _role_before(text, sentence.start, name_at, orgs, places, lex)
            if pre_roles and of_org is not None and pre_roles[-1].org is None:
                pre_roles[-1] = _role(pre_roles[-1].role, of_org[0], of_org[1])
            if pre_roles:
                frame = True
                roles = pre_roles + roles
            if _CONTACT_BEFORE.search(before):
                tail = re.compile(r"\s*,\s*").match(text, after_start, sentence.end)
                if tail:
                    end = _CONTACT_END.search(text, tail.end(), sentence.end)
                    stop = end.start() if end else sentence.end
                    roles += _roles_in(text, tail.end(), min(stop, limit), orgs, places, lex)
                    frame = contact = True
                    rest = text[after_start : sentence.end]
                    phones = tuple(p.strip() for p in _PHONE.findall(rest))
                    emails = tuple(_EMAIL.findall(rest))
            if re.search(r"(?:^|\|)\s*By\s*$", before) and sentence.start == _paragraph_start(
                seg, sentence.paragraph
            ):
                tail = re.compile(r"\s*,\s*(.+)$").match(text, after_start, sentence.end)
                frame = True
                if tail:
                    roles.append(Role(capitalise(tail.group(1).strip()), None))
            if match.group("mp"):
                roles.append(Role("Member of Parliament", None))  # "MP" after a name is a seat held
            if not frame and not hon_surface and not match.group("mp"):
                continue
            honorific = ref.canonical_honorific(hon_surface) if hon_surface else None
            found.append(
                PersonMention(
                    name=name,
                    honorific=honorific,
                    honorific_surface=mp_surface or hon_surface,
                    roles=tuple(_unique_roles(roles)),
                    evidence=seg.evidence(name_at, n_end),
                    contact=contact,
                    phones=phones,
                    emails=emails,
                )
            )
    return found + _short_references(seg, found, lex)


def _next_person(text: str, start: int, end: int, lex: _Lexicon) -> int:
    """Where the next titled person's post begins after `start` in a sentence (or `end`)."""
    nxt = next((m for m in lex.name.finditer(text, start, end) if m.group("hon")), None)
    if nxt is None:
        return end
    comma = max(text.rfind(",", start, nxt.start()), text.rfind(";", start, nxt.start()))
    return comma if comma >= start else end


def _short_references(seg: Segmented, found: list[PersonMention], lex: _Lexicon) -> list[PersonMention]:
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
                    honorific=person.honorific,
                    honorific_surface=match.group("hon").strip(),
                    roles=(),
                    evidence=seg.evidence(start, end),
                )
            )
    return extra


def _paragraph_start(seg: Segmented, index: int) -> int:
    return seg.paragraphs[index].start


def _role(role: str, org: str, kind: str) -> Role:
    return Role(role, org, org_is_city=kind == "city", org_is_region=kind == "region")


def _targets(
    start: int, end: int, orgs: list[OrgMention], places: list[PlaceMention]
) -> list[tuple[int, int, str, str]]:
    """Organisations and places a post can be in: (start, end, name, 'org' | 'city' | 'region')."""
    targets = [
        (o.evidence.span.start, o.evidence.span.end, o.name, "org")
        for o in starting_within(orgs, start, end)
        if o.evidence.span.end <= end
    ]
    targets += [
        (p.evidence.span.start, p.evidence.span.end, p.name, p.kind)
        for p in starting_within(places, start, end)
        if p.evidence.span.end <= end
    ]
    return sorted(targets)


def _roles_in(
    text: str,
    start: int,
    end: int,
    orgs: list[OrgMention],
    places: list[PlaceMention],
    lex: _Lexicon,
) -> list[Role]:
    """Posts in an apposition: 'Chair of A and Leader of B', 'A's Chair', 'A Chair', 'Role, A'.

    The apposition is cut into posts at commas, semicolons and at an 'and' that closes a complete
    post ('Leader of the House and Chair of X'), never inside a name and never in a combined post
    ('Principal and Vice-Chancellor of Y' is one).
    """
    targets = _targets(start, end, orgs, places)
    roles: list[Role] = []
    for c_start, c_end in _post_chunks(text, start, end, targets, lex):
        inside = [t for t in targets if c_start <= t[0] and t[1] <= c_end]
        if not inside:
            role = _clean(_OWNER.sub("", _LEADING.sub("", text[c_start:c_end])))
            if _is_role(role, lex) and not any(r.role == role for r in roles):
                roles.append(Role(role, None))
            continue
        t_start, t_end, name, kind = inside[0]
        before = _clean(_last_cut(_LEADING.sub("", text[c_start:t_start])))
        after = text[t_end:c_end]
        possessive = re.match(r"[’']s\s", after)
        after_role = _clean(re.split(r"\s+(?:of|at)\s+", after[possessive.end() if possessive else 0 :])[0])
        if _is_role(before, lex):
            roles.append(_role(before, name, kind))
        elif after_role and _is_role(after_role, lex) and (possessive or not after[:1].strip()):
            roles.append(_role(after_role, name, kind))  # "A's Chair", "University of X Pro Vice-Chancellor"
        elif not before and roles and roles[-1].org is None:
            roles[-1] = _role(roles[-1].role, name, kind)  # "Leader, Wakefield Council"
    return roles


_NAMED_LIST = re.compile(
    r"[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*(?:,\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)*\s+and\s+[A-Z]"
)
_SEPARATOR = re.compile(
    r"\s*[,;]\s*(?:and\s+(?:also\s+)?)?|\s+(?:and|&)\s+(?:also\s+|is\s+)?|\s+as\s+well\s+as\s+"
)


def _post_chunks(
    text: str, start: int, end: int, targets: list[tuple[int, int, str, str]], lex: _Lexicon
) -> list[tuple[int, int]]:
    """Where each post of an apposition starts and ends."""
    chunks: list[tuple[int, int]] = []
    cursor = start
    for sep in _SEPARATOR.finditer(text, start, end):
        if any(a < sep.end() and sep.start() < b for a, b, _, _ in targets):
            continue  # "Heseltine Institute for Public Policy, Practice and Place" is one name
        opened = text[start : sep.start()]
        if opened.count("(") > opened.count(")"):
            continue  # "Communications Manager (Arts, Law and Social Sciences)" is one post
        if (
            sep.group().strip() == ","
            and _NAMED_LIST.match(text, sep.end(), end)
            and not lex.role_word.match(text, sep.end())
        ):
            continue  # "Secretary of State for Housing, Communities and Local Government" is one post
        if not sep.group().strip().startswith((",", ";")):
            head = text[cursor : sep.start()]
            complete = any(cursor <= a and b <= sep.start() for a, b, _, _ in targets) or re.search(
                r"\s(?:of|for|at)\s", head
            )
            # "Council leader and Core Cities vice-chair": the second post opens with its organisation
            owned = any(a == sep.end() for a, _, _, _ in targets) and lex.role_word.search(head)
            if not owned and (not complete or not lex.role_word.match(text, sep.end())):
                continue
        chunks.append((cursor, sep.start()))
        cursor = sep.end()
    chunks.append((cursor, end))
    return [(a, b) for a, b in chunks if b > a]


def _is_role(role: str, lex: _Lexicon) -> bool:
    """A post names a role word and is not a relative clause ('who leads the')."""
    return (
        bool(role)
        and bool(lex.role_word.search(role))
        and not re.match(r"(?i)(?:who|which|that|whose)\b", role)
    )


def _appos_is_post(appos: str, lex: _Lexicon) -> bool:
    """', Leader of the Opposition,': an apposition that names a post, not a list or a clause."""
    first = appos.split()[0] if appos.split() else ""
    return bool(first) and (first[0].isupper() or first in {"the", "a"}) and bool(lex.role_word.search(appos))


def _last_cut(head: str) -> str:
    """'Head of Research at ' -> 'Head of Research': the post ends at the last link word before the name."""
    part = re.split(r"\s*,\s*", head)[0]
    cuts = list(_CUT.finditer(part))
    return part[: cuts[-1].start()] if cuts else part


def _role_before(
    text: str,
    lo: int,
    name_start: int,
    orgs: list[OrgMention],
    places: list[PlaceMention],
    lex: _Lexicon,
) -> list[Role]:
    """'A's Chair, Judith Blake' and 'Deputy Vice-Chancellor Professor X': a post before the name."""
    head = text[lo:name_start]
    hon = lex.honorific.search(head)
    if hon and hon.end() == len(head):
        head = head[: hon.start()]
    head = head.rstrip()
    if not head.endswith(",") and head and not head[-1].isalpha():
        return []
    chained = _chained_before(text, lo, lo + len(head.rstrip(", ")), orgs, places, lex)
    if chained:
        return chained
    of_role = _role_of_before(text, lo, head, orgs, places, lex)
    if of_role is not None:
        return [of_role]
    tail = lex.role_tail.search(head)
    if not tail:
        return []
    # the role phrase runs back over capitalised words to an organisation's possessive
    phrase_start = tail.start()
    words = list(re.finditer(r"[A-Z][\w-]*", head[:phrase_start]))
    while words and words[-1].end() in (phrase_start - 1, phrase_start) and words[-1].group() not in _STOP:
        phrase_start = words[-1].start()
        words.pop()
    combined = lex.role_and.search(head[:phrase_start])
    if combined:
        phrase_start = combined.start()  # "President and Vice-Chancellor Professor X": one post
    # "Northumbria University Vice-Chancellor Professor X", "Halden Council leader Cllr Y":
    # the organisation opens the phrase
    for _t_start, t_end, name, kind in _targets(lo, lo + tail.start(), orgs, places):
        if t_end >= lo + min(phrase_start, tail.start()) - 1 and not text[t_end : lo + tail.start()].strip():
            role = _clean(head[t_end - lo :].rstrip(", "))
            return [_role(role, name, kind)] if role else []
    if head[phrase_start:][:1].islower():
        return []  # a lower-case word alone ("the team leader") is no post to record
    role = _clean(head[phrase_start:].rstrip(", "))
    if not role:
        return []
    before = head[:phrase_start]
    possessive = re.search(r"[’']s\s*$", before)
    if possessive:
        for _t_start, t_end, name, kind in _targets(lo, lo + possessive.start(), orgs, places):
            if t_end == lo + possessive.start():
                return [_role(role, name, kind)]
    return [Role(role, None)]


def _chained_before(
    text: str, lo: int, end: int, orgs: list[OrgMention], places: list[PlaceMention], lex: _Lexicon
) -> list[Role]:
    """'Core Cities chair and leader of Leeds City Council Sir X': two posts or more before a name."""
    if end - lo > 200 or not lex.role_word.search(text, lo, end):
        return []
    targets = _targets(lo, end, orgs, places)
    if not targets:
        return []
    stop = max(text.rfind(c, lo, end) for c in ';:(“"')
    lo = max(lo, stop + 1)
    starts = [lo + m.start() for m in re.finditer(r"(?<!\S)\S", text[lo:end])][-16:]
    for begin in starts:
        if lex.honorific.search(text, begin, end) or any(
            not any(a <= m.start("name") < b for a, b, _, _ in targets)
            for m in lex.name.finditer(text, begin, end)
        ):
            continue  # another person's name and post stand in between
        chunks = _post_chunks(text, begin, end, targets, lex)
        roles = [_roles_in(text, a, b, orgs, places, lex) for a, b in chunks]
        # one post needs an organisation's possessive: "Devon County Council's cabinet member, Cllr X"
        chained_or_owned = len(chunks) >= 2 or re.search(r"[’']s\s", text[begin:end])
        if chained_or_owned and all(len(r) == 1 for r in roles) and any(r[0].org for r in roles):
            return [r[0] for r in roles]
    return []


def _role_of_before(
    text: str, lo: int, head: str, orgs: list[OrgMention], places: list[PlaceMention], lex: _Lexicon
) -> Role | None:
    """'Mayor of Leicester Sir X', 'Vice-Chancellor of the University of Y Dame Z', 'Chair of the network Prof W'."""
    head = head.rstrip(", ")
    head_end = lo + len(head)
    target = next((t for t in _targets(lo, head_end, orgs, places) if t[1] == head_end), None)
    before = text[lo : target[0]] if target else head
    match = lex.role_of.search(before)
    if match is None or (target is None) != bool(match.group("lower")):
        return None
    phrase_start = match.start()
    words = list(re.finditer(r"[A-Z][\w-]*", before[:phrase_start]))
    while words and words[-1].end() in (phrase_start - 1, phrase_start) and words[-1].group() not in _STOP:
        phrase_start = words[-1].start()
        words.pop()
    role = re.sub(r"\s+(?:of|at)\s+(?:the\s+)?(?:[a-z][\w-]*)?\s*$", "", before[phrase_start:])
    role = _clean(role)
    if not role or role[0].islower():
        return None
    return _role(role, target[2], target[3]) if target else Role(role, None)


def _clean(role: str) -> str:
    role = role.strip(" ,;:.’'")
    role = re.sub(r"\s+", " ", role)
    return capitalise(role)


def _unique_roles(roles: list[Role]) -> list[Role]:
    seen: dict[tuple[str, str | None], Role] = {}
    for role in roles:
        key = (role.role.lower(), role.org)
        if key not in seen:
            seen[key] = role
    # a role without an organisation adds nothing beside the same role with one
    with_org = {r.role.lower() for r in seen.values() if r.org}
    return [r for r in seen.values() if r.org or r.role.lower() not in with_org]


# Posts whose organisation goes without saying in a release from one: "Vice-Chancellor Professor X
# said" on a university's page is its Vice-Chancellor.
_POSTS_OF = {
    "university": re.compile(
        r"^(?:(?:Deputy|Pro|Acting|Interim)[\s-]+)?(?:Vice[\s-]+Chancellor|Principal|Provost|Registrar|Vice[\s-]+Principal"
        r"|Pro[\s-]+Vice[\s-]+Chancellor|President)(?:\s+and\s+(?:Vice[\s-]+Chancellor|Chief\s+Executive|Principal"
        r"|President))?$",
        re.IGNORECASE,
    ),
    "council": re.compile(
        r"^(?:Deputy\s+)?(?:Council\s+)?(?:Co-)?Leader(?:\s+of\s+the\s+Council)?$|^Cabinet\s+Member\b|^Lord\s+Mayor$"
        r"|^(?:Council\s+)?Chief\s+Executive$",
        re.IGNORECASE,
    ),
}


def settle_posts(
    people: list[PersonMention], orgs: list[OrgMention], publisher: tuple[str, str] | None
) -> list[PersonMention]:
    """Give a post named without its organisation the one the text makes clear, else leave it.

    The same post held elsewhere in the text with an organisation wins; then the publisher,
    when the post is one of its kind; then the organisation of that kind the text names most.
    """
    known: dict[tuple[str, str], str] = {}
    for person in people:
        for role in person.roles:
            if role.org:
                known.setdefault((person.name, role.role.lower()), role.org)
    # the organisation of a kind the text is about: named more often than any other of its kind
    mentions: dict[str, dict[str, int]] = {}
    for org in orgs:
        counts = mentions.setdefault(org.type, {})
        counts[org.name] = counts.get(org.name, 0) + 1
    main: dict[str, str] = {}
    for kind, counts in mentions.items():
        ranked = sorted(counts.items(), key=lambda item: -item[1])
        if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
            main[kind] = ranked[0][0]
    settled = []
    for person in people:
        roles = []
        for role in person.roles:
            if role.org is None:
                target = known.get((person.name, role.role.lower()))
                for kind, pattern in _POSTS_OF.items():
                    if target is None and pattern.match(role.role):
                        if publisher is not None and publisher[1] == kind:
                            target = publisher[0]
                        else:
                            target = main.get(kind)
                if target is not None:
                    role = Role(role.role, target)
            roles.append(role)
        settled.append(replace(person, roles=tuple(_unique_roles(roles))))
    return settled
