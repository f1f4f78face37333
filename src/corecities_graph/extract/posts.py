"""Posts people hold: read from the words around a name, and settled against the organisations named."""

from __future__ import annotations

import re

from .backrefs import KIND_NOUN, OF_NOUN, OWNER_NOUN, by_first_word, owner_of_its, referent
from .bodies import HEADS
from .facts import OrgMention, PlaceMention, Role
from .lexicon import STOP, Lexicon
from .text import capitalise, starting_within

# Bodies inside an organisation: a post in one of them is a post in the organisation ("Dean of the
# Business School at X")
SUB_BODIES = {
    "Committee",
    "Board",
    "Panel",
    "Cabinet",
    "Subcommittee",
    "Sub-Committee",
    "School",
    "Faculty",
    "Department",
}


def is_sub_body(name: str) -> bool:
    """'Finance Committee', 'Faculty of Arts and Humanities': a body inside another."""
    words = name.split()
    if words and words[0] == "The":
        words = words[1:]
    return bool(words) and (
        words[-1] in SUB_BODIES or (len(words) > 2 and words[0] in SUB_BODIES and words[1] == "of")
    )


_CHAIN_MARK = re.compile(r"\s(?:and|&)\s|,\s|[’']s\s")
_OWNER = re.compile(r"^(?:the\s+)?[a-z][\w-]*[’']s\s+")  # "the university's Pro Vice-Chancellor"
_LEADING = re.compile(
    r"^(?:\s|,|and\b|also\b|as well as\b|who is\b|who was\b|is\b|the\b|our\b|its\b|a\b|an\b)+",
    re.IGNORECASE,
)
_CUT = re.compile(r"\s+(?:of|at|with|from)\s+|\s+for\s+(?![A-Z])|\s*,\s*|\s+in\s+(?=the\b)")


def role_at(role: str, org: str, kind: str) -> Role:
    return Role(role, org, org_is_city=kind == "city", org_is_region=kind == "region")


def post_targets(
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


def roles_in(
    text: str,
    start: int,
    end: int,
    orgs: list[OrgMention],
    places: list[PlaceMention],
    lex: Lexicon,
) -> list[Role]:
    """Posts in an apposition: 'Chair of A and Leader of B', 'A's Chair', 'A Chair', 'Role, A'.

    The apposition is cut into posts at commas, semicolons and at an 'and' that closes a complete
    post ('Leader of the House and Chair of X'), never inside a name and never in a combined post
    ('Principal and Vice-Chancellor of Y' is one).
    """
    targets = post_targets(start, end, orgs, places)
    roles: list[Role] = []
    for c_start, c_end in _post_chunks(text, start, end, targets, lex):
        inside = [t for t in targets if c_start <= t[0] and t[1] <= c_end]
        if not inside:
            unnamed = _unnamed_post(text, c_start, c_end, orgs, lex)
            if (
                unnamed is not None
                and unnamed.org is None
                and roles
                and roles[-1].org
                and _PORTFOLIO.match(unnamed.role)
                and _AND_BEFORE.search(text, max(start, c_start - 6), c_start)
            ):
                # "Leader of Cardiff Council and Cabinet Member for the Economy": the portfolio is
                # held in the body of the post before it
                unnamed = Role(unnamed.role, roles[-1].org, roles[-1].org_is_city, roles[-1].org_is_region)
            roles += [r for r in [unnamed] if r and r not in roles]
            continue
        t_start, t_end, name, kind = inside[0]
        if kind != "org" and (clipped := _clipped_body(text[t_end:c_end], name, orgs)) is not None:
            t_end, name, kind = c_end, clipped, "org"  # "Principal, Belfast Met": the college, not the city
        elif kind == "city" and len(inside) == 1 and _NAME_GOES_ON.fullmatch(text, t_end, c_end):
            # "Chief Executive of London Higher": a body named after the city, not the city
            t_end, name, kind = c_end, re.sub(r"\s+", " ", text[t_start:c_end].strip()), "org"
        if (
            len(inside) >= 2
            and is_sub_body(name)
            and re.fullmatch(r"\s+(?:at|of)\s+(?:the\s+)?", text[t_end : inside[1][0]])
        ):
            # "Chair of the City Growth Committee at Belfast City Council": a post in the council
            role = _clean(_LEADING.sub("", text[c_start:t_end]))
            if _is_role(role, lex):
                roles.append(role_at(role, inside[1][2], inside[1][3]))
                continue
        head = _LEADING.sub("", text[c_start:t_start])
        sub_body = (_SUB_BODY_POST.fullmatch(head) or _LISTED_POST.fullmatch(head)) if "," in head else None
        # "Dean of the Faculty of Arts, Design and the Built Environment at X": the faculty's name is the post's
        before = _clean(sub_body.group("post") if sub_body else _last_cut(head))
        after = text[t_end:c_end]
        possessive = re.match(r"[’']s\s", after)
        if possessive and len(inside) == 1:
            after_role = _clean(after[possessive.end() :])  # "X's director of strategy": the whole post
        else:
            after_role = _clean(
                re.split(r"\s+(?:of|at)\s+", after[possessive.end() if possessive else 0 :])[0]
            )
        if _is_role(before, lex):
            roles.append(_in_parent(role_at(before, name, kind), orgs))
        elif after_role and _is_role(after_role, lex) and (possessive or not after[:1].strip()):
            # "A's Chair", "University of X Pro Vice-Chancellor"; "Bangor's Vice-Chancellor" is the
            # university's when one is named
            body = by_first_word(name, orgs) if kind != "org" and not _MAYORAL.search(after_role) else None
            roles.append(role_at(after_role, body.name, "org") if body else role_at(after_role, name, kind))
        elif not before and roles and roles[-1].org is None:
            roles[-1] = role_at(roles[-1].role, name, kind)  # "Leader, Wakefield Council"
        elif not before and roles and roles[-1].org and roles[-1].org.split()[-1] in SUB_BODIES:
            # "Convener of the Finance Committee, The City of Edinburgh Council": the committee's council
            roles[-1] = role_at(f"{roles[-1].role} of the {roles[-1].org}", name, kind)
    for i, held in enumerate(roles[:-1]):
        if held.org is None and held.role.endswith(")") and (following := roles[i + 1]).org:
            # "Pro-Vice-Chancellor (Enterprise) and Dean of the Faculty at X": both posts are at X
            roles[i] = Role(held.role, following.org, following.org_is_city, following.org_is_region)
    return roles


# "Cabinet Member for the Economy", "Executive Member for Skills": a portfolio held in a body
_PORTFOLIO = re.compile(
    r"(?:Cabinet|Executive|Lead)\s+Member\s+for\s|Portfolio\s+Holder\s+for\s", re.IGNORECASE
)
_SUB_BODY_POST = re.compile(
    r"(?P<post>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}\s+of\s+the\s+(?:Faculty|School|Department|Institute)\s+of\s+"
    r"[A-Z][\w-]*(?:(?:,\s+|\s+and\s+(?:the\s+)?|\s+)[A-Z][\w-]*){0,8})\s+(?:at|of)\s+(?:the\s+)?"
)
# "Cabinet Member for Climate, Ecology and Energy at X": a portfolio's list is the post's
_LISTED_POST = re.compile(
    r"(?P<post>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,3}\s+for\s+[A-Za-z][\w-]*"
    r"(?:,\s+[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*)?)+,?\s+and\s+[A-Za-z][\w-]*)\s+(?:at|of|with)\s+(?:the\s+)?"
)
_AND_BEFORE = re.compile(r"\s(?:and|&)\s+$")
_CLIPPED = re.compile(r"\s+([A-Z][a-z]{2,})\s*$")
_NAME_GOES_ON = re.compile(r"(?:\s+[A-Z][a-z]{2,}){1,3}\s*")
# "director of policy at University Alliance": a post at a body the finder does not know
_AT_UNKNOWN = re.compile(
    r"\s+at\s+(?P<org>[A-Z][\w’'-]+(?:\s+(?:of|for|and|the)){0,2}(?:\s+[A-Z][\w’'-]+)+)$"
)


def _clipped_body(after: str, place: str, orgs: list[OrgMention]) -> str | None:
    """'Belfast Met' at the end of a post: the one body named in the text whose name is the place
    and a word the next word opens (Belfast Metropolitan College)."""
    clipped = _CLIPPED.fullmatch(after)
    if clipped is None:
        return None
    bodies = {
        o.name
        for o in orgs
        if o.name.startswith(place + " ") and o.name[len(place) + 1 :].startswith(clipped.group(1))
    }
    return bodies.pop() if len(bodies) == 1 else None


def _in_parent(role: Role, orgs: list[OrgMention]) -> Role:
    """'Chair of the Cardiff Capital Region Regional Cabinet': a post in a body inside one the text
    names on its own is that body's ('Chair of the Regional Cabinet', Cardiff Capital Region)."""
    if role.org is None or role.org.split()[-1] not in SUB_BODIES:
        return role
    parent = max(
        (o.name for o in orgs if role.org.startswith(o.name + " ") and o.name.split()[-1] not in SUB_BODIES),
        key=len,
        default=None,
    )
    if parent is None:
        return role
    inner = role.org[len(parent) + 1 :]
    return role_at(f"{role.role} of the {inner}", parent, "org")


def _unnamed_post(text: str, start: int, end: int, orgs: list[OrgMention], lex: Lexicon) -> Role | None:
    """A post whose body is not named in it: none, 'the council's', 'its', 'of the commission'."""
    chunk = text[start:end]
    lead = _LEADING.match(chunk)
    body = chunk[lead.end() if lead else 0 :]
    owner: OrgMention | None = None
    if (noun := OWNER_NOUN.match(body)) is not None:
        owner = referent(noun.group("noun"), start, orgs)
        body = body[noun.end() :]
    elif lead and re.search(r"\bits\b", lead.group()):
        owner = owner_of_its(text, _sentence_start(text, start), start, orgs)
    elif (short := re.match(r"([A-Z][\w-]+)[’']s\s+|([A-Z]{2,6})\s+(?=[a-z])", body)) and (
        owner := by_first_word(short.group(1) or short.group(2), orgs)
    ):
        body = body[short.end() :]  # "Keele's Vice-Chancellor", "GMCA lead for skills"
    body = _OWNER.sub("", body)
    if owner is None and (of_short := _OF_SHORT.search(body.rstrip(" ,;:."))) is not None:
        # "President and Vice-Chancellor of Queen's": the body the text names by that word
        owner = by_first_word(of_short.group(1), orgs)
        if owner is not None:
            body = body[: of_short.start()]
    if owner is None and (of_noun := OF_NOUN.search(body.rstrip(" ,;:."))) is not None:
        # "chair of the commission": the commission the text has named
        owner = referent(of_noun.group("noun"), start, orgs)
        if owner is not None:
            body = body[: of_noun.start()]
    if owner is None and "s " in body and (inner := _OF_OWNED_BODY.search(body.rstrip(" ,;:."))) is not None:
        # "chair of the network's steering group": a body inside the one 'the network' stands for
        owner = referent(inner.group("noun"), start, orgs)
    unknown = _AT_UNKNOWN.search(body.rstrip(" ,;:.")) if owner is None and " at " in body else None
    if unknown is not None and unknown.group("org").split()[0] not in STOP:
        role = _clean(body[: unknown.start()])
        if _is_role(role, lex) and not lex.role_word.search(unknown.group("org")):
            return Role(role, unknown.group("org"))
    role = _clean(body)
    if not _is_role(role, lex):
        return None
    return role_at(role, owner.name, "org") if owner else Role(role, None)


_OF_SHORT = re.compile(r"\s+of\s+([A-Z][\w’'-]+)$")
# "of the network's steering group": a lower-case body owned by one a kind noun names, ending the post
_OF_OWNED_BODY = re.compile(
    rf"\s(?:of|on)\s+the\s+(?P<noun>(?i:{KIND_NOUN}))[’']s\s+[a-z][\w-]*(?:\s+[a-z][\w-]*){{0,2}}$"
)


def _sentence_start(text: str, at: int) -> int:
    return max(text.rfind(". ", 0, at), text.rfind("\n", 0, at)) + 1


_NAMED_LIST = re.compile(
    r"[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*(?:,\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)*\s+and\s+(?:the\s+)?[A-Z]"
)
# "for climate, ecology and energy" ends the post, or another post follows: "... and leader of X"
_LOWER_LIST = re.compile(
    r"[a-z][\w-]*(?:,\s+[a-z][\w-]*)*,?\s+and\s+[a-z][\w-]*(?:\s*[,;)]|\s*$|\s+and\s+[a-z]|\s+(?:at|of|with)\s)"
)
_OWNED_NEXT = re.compile(r"(?:the|its)\s+[a-z][\w-]*(?:[’']s|s[’'])\s+")
_SEPARATOR = re.compile(
    r"\s*[,;]\s*(?:and\s+(?:also\s+|now\s+)?)?|\s+(?:and|&)\s+(?:also\s+|is\s+|now\s+)?|\s+as\s+well\s+as\s+"
)


def _post_chunks(
    text: str, start: int, end: int, targets: list[tuple[int, int, str, str]], lex: Lexicon
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
        if (
            sep.group().strip() == ","
            and re.search(r"\bfor\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?$", text[cursor : sep.start()])
            and _LOWER_LIST.match(text, sep.end(), end)
        ):
            continue  # "cabinet member for climate, ecology and energy" is one post
        if not sep.group().strip().startswith((",", ";")):
            head = text[cursor : sep.start()]
            complete = (
                any(cursor <= a and b <= sep.start() for a, b, _, _ in targets)
                or re.search(r"\s(?:of|for|at)\s", head)
                # "Pro-Vice-Chancellor (Enterprise) and Dean of X": a field in brackets closes a post
                or (head.endswith(")") and re.match(r"[\w-]+\s+(?:of|for)\s", text[sep.end() : end]))
            )
            # "Council leader and Core Cities vice-chair": the second post opens with its organisation
            owned = any(a == sep.end() for a, _, _, _ in targets) and lex.role_word.search(head)
            rest = text[sep.end() : end]
            if (
                any(re.fullmatch(r"[’']s\s+[\w\s-]+", text[b : sep.start()]) for _, b, _, _ in targets)
                and lex.role_word.match(rest)
                and not re.search(r"\s(?:of|for|at|and)\s|[,;(]", rest)
                and not any(sep.end() <= a for a, _, _, _ in targets)
            ):
                continue  # "the University of X's Vice-Chancellor and Chief Executive" is one post
            # "deputy leader and executive member for economy": a post with its own portfolio is a post
            portfolio = (
                " for " not in head
                and lex.role_word.search(head)
                and lex.role_word.match(text, sep.end())
                and re.match(r"[\w -]{0,40}?\sfor\s", text[sep.end() : end])
            )
            # "chair of the commission and a former chief executive of X": an article opens a second post
            another = lex.role_word.search(head) and re.match(r"an?\s+(?:former\s+)?", text[sep.end() : end])
            # "Vice-Chancellor of X and the universities' lead for Y": an owner's possessive opens a post
            owner_next = _OWNED_NEXT.match(text, sep.end(), end) if complete else None
            owned_next = (
                owner_next is not None
                and lex.role_word.match(text, owner_next.end())
                and re.match(
                    r"[\w-]+\s+for\s", text[owner_next.end() : end]
                )  # a remit: "lead for the declaration"
            )
            # "X Council leader and Tay Cities Region joint committee chair": a body the finder does
            # not know opens a second lower-case post, after a first that ends in its role word
            unknown_next = (
                complete
                and lex.role_tail.search(head)
                and (cut := _CAPITALS_THEN_LOWER.fullmatch(text, sep.end(), end)) is not None
                and lex.role_tail.search(cut.group("post"))
            )
            second = bool(another or owned_next or unknown_next)
            if (
                not owned
                and not portfolio
                and not second
                and (not complete or not lex.role_word.match(text, sep.end()))
            ):
                continue
        chunks.append((cursor, sep.start()))
        cursor = sep.end()
    chunks.append((cursor, end))
    return [(a, b) for a, b in chunks if b > a]


def _is_role(role: str, lex: Lexicon) -> bool:
    """A post names a role word and is not a relative clause ('who leads the')."""
    return (
        bool(role)
        and bool(lex.role_word.search(role))
        and not re.match(r"(?i)(?:who|which|that|whose)\b", role)
    )


def appos_is_post(appos: str, lex: Lexicon) -> bool:
    """', Leader of the Opposition,': an apposition that names a post, not a list or a clause."""
    first = appos.split()[0] if appos.split() else ""
    # "Cllr X, leader of Newport City Council, warned": a lower-case post of a named body
    lower_post = bool(lex.role_word.match(appos)) and re.search(r"\s(?:of|at)\s+(?:the\s+)?[A-Z]", appos)
    return (
        bool(first)
        and (first[0].isupper() or first in {"the", "a"} or bool(lower_post))
        and bool(lex.role_word.search(appos))
    )


def _last_cut(head: str) -> str:
    """'Head of Research at ' -> 'Head of Research': the post ends at the last link word before the name."""
    part = re.split(r"\s*,\s*", head)[0]
    cuts = list(_CUT.finditer(part))
    return part[: cuts[-1].start()] if cuts else part


# "principal and ": the first post of a combined one written in lower case
_LOWER_AND = re.compile(
    r"(?<![\w-])(?P<first>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+and\s+(?P<second>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})$"
)


def role_before(
    text: str,
    lo: int,
    name_start: int,
    orgs: list[OrgMention],
    places: list[PlaceMention],
    lex: Lexicon,
) -> list[Role]:
    """'A's Chair, Judith Blake' and 'Deputy Vice-Chancellor Professor X': a post before the name."""
    head = text[lo:name_start]
    hon = lex.honorific.search(head)
    if hon and hon.end() == len(head):
        head = head[: hon.start()]
    head = head.rstrip()
    if not head.endswith(",") and head and not head[-1].isalpha():
        return []
    owned = _OWNED_BEFORE.search(head)
    if (
        owned
        and lex.role_word.search(re.split(r"\s(?:for|of)\s", owned.group("role"))[0])
        and _is_role(owned.group("role"), lex)
        and not lex.honorific.search(owned.group("role"))  # another titled person's name is no post
        # "The council's leader Cllr X": without a comma the post ends in its role word
        and (owned.group("comma") or lex.role_tail.search(owned.group("role")))
    ):
        # "represented by its chief executive, Sam Roe", "the council's cabinet member for skills, Cllr X"
        at = lo + owned.start()
        if owned.group("noun"):
            owner = referent(owned.group("noun"), at, orgs)
        else:
            owner = owner_of_its(text, lo, at, orgs) or _its_before(text, lo, at, orgs)
        if owner is not None:
            return [role_at(_clean(owned.group("role")), owner.name, "org")]
    if (
        " and " in head
        and head[-1:].islower()
        and (low := _LOWER_AND.search(head, max(0, len(head) - 80))) is not None
    ):
        # "Halden College principal and chief executive X": a combined post in lower case after its body
        for _t_start, t_end, name, kind in post_targets(lo, lo + low.start(), orgs, places):
            if (
                t_end == lo + low.start() - 1
                and lex.role_tail.search(low.group("first"))
                and lex.role_tail.search(low.group("second"))
            ):
                return [role_at(_clean(low.group()), name, kind)]
    chained = _chained_before(text, lo, lo + len(head.rstrip(", ")), orgs, places, lex)
    if chained:
        return chained
    of_role = _role_of_before(text, lo, head, orgs, places, lex)
    if of_role is not None:
        return [of_role]
    if head.endswith(",") and (indefinite := _indefinite_post_before(text, lo, head, orgs, places, lex)):
        return [indefinite]
    fronted = _FRONTED_POST.match(head)
    if fronted and lex.role_word.search(fronted.group("role").split(" for ")[0].split(" of ")[0]):
        # "Cabinet Member for Education, Employment and Skills, Cllr X", "The council's cabinet member
        # for children and young people, Cllr Y": a post with its portfolio opens the sentence
        role_start, role_end = lo + fronted.start("role"), lo + fronted.end("role")
        owner_end = lo + fronted.end("owner") if fronted.group("owner") else None
        targets = post_targets(lo, role_end, orgs, places)
        inside = [t for t in targets if t[0] >= role_start]
        if inside:
            # "Vice-Principal for Research at the University of Dundee, Professor X": the post is at it
            t_start, _t_end, name, kind = inside[0]
            role = _clean(re.sub(r"\s+(?:at|of|with)\s+(?:the\s+)?$", "", text[role_start:t_start]))
            return [role_at(role, name, kind)] if _is_role(role, lex) else []
        role = _clean(_LEADING.sub("", text[role_start:role_end]))
        for _t_start, t_end, name, kind in targets:
            if t_end == owner_end:
                return [role_at(role, name, kind)]
        return [Role(role, None)]
    if " for " in head and head.endswith(",") and (portfolio := _PORTFOLIO_BEFORE.search(head)) is not None:
        # "a board chaired by the Deputy Mayor for Business and Growth, X": a post with its portfolio
        role = _clean(portfolio.group("role"))
        if lex.role_tail.search(role.split(" for ")[0]) and not lex.honorific.search(role):
            return [Role(role, None)]
    tail = lex.role_tail.search(head)
    if not tail:
        return []
    # the role phrase runs back over capitalised words to an organisation's possessive
    phrase_start = tail.start()
    words = list(re.finditer(r"[A-Z][\w-]*", head[:phrase_start]))
    while words and words[-1].end() in (phrase_start - 1, phrase_start) and words[-1].group() not in STOP:
        phrase_start = words[-1].start()
        words.pop()
    combined = lex.role_and.search(head[:phrase_start])
    if combined:
        phrase_start = combined.start()  # "President and Vice-Chancellor Professor X": one post
    # "Northumbria University Vice-Chancellor Professor X", "Halden Council leader Cllr Y":
    # the organisation opens the phrase
    for _t_start, t_end, name, kind in post_targets(lo, lo + tail.start(), orgs, places):
        if t_end >= lo + min(phrase_start, tail.start()) - 1 and not text[t_end : lo + tail.start()].strip():
            role = _clean(head[t_end - lo :].rstrip(", "))
            return [role_at(role, name, kind)] if role else []
    for t_start, t_end, name, kind in post_targets(lo, lo + tail.start(), orgs, places):
        # the phrase may start inside the name: "Cardiff and Vale College Principal and Chief Executive"
        if t_start <= lo + phrase_start < t_end + 1 and lex.role_word.match(text, t_end + 1):
            # "Staffordshire University Vice-Chancellor and Chief Executive Professor X": a combined
            # post after the organisation that opens it
            role = _clean(head[t_end - lo :].rstrip(", "))
            return [role_at(role, name, kind)] if role else []
    if "group" in head and (group := _PARTY_GROUP.search(head)) is not None:
        return [Role(_clean(group.group("role")), None)]
    if head[phrase_start:][:1].islower():
        # a lower-case word alone ("the team leader") is no post to record, unless an owner's
        # possessive opens it: "NUA's principal and vice-chancellor, Professor X"
        if "minister" in head and (minister := _MINISTER_BEFORE.search(head)) is not None:
            return [Role(_clean(minister.group("role")), None)]  # "The skills minister, X MP"
        if "opposition" in head and (opposition := _OPPOSITION_BEFORE.search(head)) is not None:
            return [Role(_clean(opposition.group("role")), None)]  # "opposition leader Cllr X": a council's
        owned_lower = _LOWER_AFTER_OWNER.search(head)
        kind_lower = _KIND_BEFORE_ROLE.search(head)
        if (
            owned_lower is None
            and kind_lower is not None
            and lex.role_word.fullmatch(kind_lower.group("role"))
        ):
            # "signed by council leader Councillor X": the council the text names is the owner
            owner = referent(kind_lower.group("noun"), lo + kind_lower.start(), orgs)
            return [role_at(_clean(kind_lower.group("role")), owner.name, "org")] if owner else []
        if owned_lower is None or not _is_role(owned_lower.group("role"), lex):
            return []
        phrase_start = owned_lower.start("role")
        role = _clean(head[phrase_start:].rstrip(", "))
        held = _possessive_owner(text, lo, lo + owned_lower.end("owner"), role, orgs, places)
        return [role_at(role, held[0], held[1])] if held else []
    role = _clean(head[phrase_start:].rstrip(", "))
    if not role:
        return []
    possessive = re.search(r"[’']s\s*$", head[:phrase_start])
    if possessive:
        held = _possessive_owner(text, lo, lo + possessive.start(), role, orgs, places)
        if held is not None:
            return [role_at(role, held[0], held[1])]
    return [Role(role, None)]


# "by council leader ", "with university vice-chancellor ": a kind of body, then its post, in lower case
_KIND_BEFORE_ROLE = re.compile(
    rf"(?:^|(?<=\s))(?:the\s+)?(?P<noun>{KIND_NOUN})\s+(?P<role>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s*,?\s*$"
)
# "The skills minister, ": a minister named by the brief, in lower case
# "opposition leader Cllr X", "the deputy opposition leader, Cllr Y": a post in the chamber, not a body
_OPPOSITION_BEFORE = re.compile(r"(?:^|(?<=\s))(?P<role>(?:deputy\s+)?opposition\s+leader)\s*,?\s*$")
_MINISTER_BEFORE = re.compile(r"(?:^|(?<=\s))[Tt]he\s+(?P<role>(?:[a-z][\w-]*\s+){1,3}minister)\s*,\s*$")
# "NUA's principal and vice-chancellor, ": lower-case words of a post after an owner's possessive
_LOWER_AFTER_OWNER = re.compile(
    r"(?<![\w-])(?P<owner>[A-Z][\w-]*)[’']s\s+(?P<role>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,5}?)\s*,?\s*$"
)


def _possessive_owner(
    text: str, lo: int, at: int, role: str, orgs: list[OrgMention], places: list[PlaceMention]
) -> tuple[str, str] | None:
    """Whose post it is when an owner's possessive ends at `at`: the organisation or place named
    there, else the body called by its first word or initials ('Keele's', 'NUA's')."""
    short = re.search(r"(?<![\w-])([A-Z][\w-]+)$", text[lo:at])
    # "Bangor's Vice-Chancellor": the body named by its first word, before the place of the same
    # name, unless the post is a mayor's
    owner = by_first_word(short.group(1), orgs) if short and not _MAYORAL.search(role) else None
    for _t_start, t_end, name, kind in post_targets(lo, at, orgs, places):
        if t_end == at and (kind == "org" or owner is None):
            return name, kind
    if owner is None and short and not _MAYORAL.search(role):
        owner = _by_proper_word(short.group(1), orgs)
    return (owner.name, "org") if owner is not None else None


_LINK_WORDS = {"of", "the", "The", "for", "and", "&"}


def _by_proper_word(word: str, orgs: list[OrgMention]) -> OrgMention | None:
    """'Strathclyde's vice-principal': the one body named in the text whose name is that word and
    its head nouns and link words only (University of Strathclyde)."""
    word = word.replace("’", "'")
    bodies = {
        o.name: o
        for o in orgs
        if [w for w in o.name.split() if w not in HEADS and w not in _LINK_WORDS] == [word]
        and len(o.name.split()) > 1
    }
    return next(iter(bodies.values())) if len(bodies) == 1 else None


_MAYORAL = re.compile(r"\bMayor\b", re.IGNORECASE)


_OWNED_BEFORE = re.compile(
    rf"(?:\b(?P<its>[Ii]ts)|\b(?:[Tt]he\s+)?(?P<noun>{KIND_NOUN})[’']s)\s+(?P<role>[a-zA-Z][\w-]*(?:,?\s+[\w-]+){{0,8}}?)\s*(?P<comma>,)?$"
)


def _its_before(text: str, lo: int, at: int, orgs: list[OrgMention]) -> OrgMention | None:
    """'... welcomed by Universities UK. Its chief executive, Dr X, said': a sentence opening with
    'Its' is about the one body the sentence before names."""
    if text[lo:at].strip() or lo < 2:
        return None
    prev = _sentence_start(text, lo - 2)
    named = {o.name: o for o in orgs if prev <= o.evidence.span.start and o.evidence.span.end <= lo}
    return next(iter(named.values())) if len(named) == 1 else None


_FRONTED_POST = re.compile(
    r"\s*(?:(?P<owner>(?:[Tt]he\s+)?[\w-]+(?:\s+[\w-]+){0,5}?)[’']s\s+)?"
    r"(?P<role>[A-Za-z][\w-]*(?:\s+[\w-]+){0,3}?\s+(?:for|of)\s+[\w-]+(?:(?:,\s+|\s+and\s+|\s+)[\w-]+){0,8}),\s*$"
)


_FIELD_BEFORE = re.compile(r"\s(?:for|of)\s+$")
_PORTFOLIO_BEFORE = re.compile(
    r"(?<![\w’'-])[Tt]he\s+(?P<role>(?:[A-Z][\w-]*\s+){0,2}[A-Z][\w-]*\s+for\s+[A-Z][\w-]*"
    r"(?:(?:\s+and\s+|,\s+|\s+)[A-Z][\w-]*){0,5})\s*,$"
)


_NAME_WORDS_BEFORE = re.compile(r"(?:[A-Z][\w’'-]+\s+){1,3}")


def _inside_titled_name(text: str, at: int, lex: Lexicon) -> bool:
    """Whether the word at `at` ends a name that opens with an honorific ('Cllr Carl Dean')."""
    if not text[at : at + 1].isupper():
        return False
    titles = list(lex.honorific.finditer(text, max(0, at - 60), at))
    return bool(titles) and _NAME_WORDS_BEFORE.fullmatch(text, titles[-1].end(), at) is not None


def _chained_before(
    text: str, lo: int, end: int, orgs: list[OrgMention], places: list[PlaceMention], lex: Lexicon
) -> list[Role]:
    """'Core Cities chair and leader of Leeds City Council Sir X': two posts or more before a name."""
    if end - lo > 200:
        # a long sentence: its posts before the name are in its last words
        lo = text.find(" ", end - 200, end) + 1 or end
    if not _CHAIN_MARK.search(text, lo, end) or not lex.role_word.search(text, lo, end):
        return []  # one post, no possessive: the simpler rules read it
    targets = post_targets(lo, end, orgs, places)
    if not targets:
        return []
    stop = max(text.rfind(c, lo, end) for c in ';:“"')
    opened = text.rfind("(", lo, end)
    if opened > stop and text.find(")", opened, end) < 0:
        stop = opened  # "(Regional Engagement)" closes inside the post; an open bracket starts anew
    lo = max(lo, stop + 1)
    starts = [lo + m.start() for m in re.finditer(r"(?<!\S)\S", text[lo:end])][-16:]
    for begin in starts:
        if _inside_titled_name(text, begin, lex):
            continue  # "Cllr Carl Dean, and ...": the end of someone's name, not a post
        if lex.honorific.search(text, begin, end) or any(
            not any(a <= m.start("name") < b for a, b, _, _ in targets)
            and text[m.start("name") - 1] != "("  # "(Regional Engagement)": a post's field
            and not _FIELD_BEFORE.search(text, begin, m.start())  # "for Regional Engagement"
            and not _body_opens_post(text, m.end(), end, lex)
            for m in lex.name.finditer(text, begin, end)
        ):
            continue  # another person's name and post stand in between
        chunks = _post_chunks(text, begin, end, targets, lex)
        roles = [
            [_unknown_body_cut(r, lex) for r in roles_in(text, a, b, orgs, places, lex)] for a, b in chunks
        ]
        # one post needs an organisation's possessive: "Devon County Council's cabinet member, Cllr X"
        chained_or_owned = len(chunks) >= 2 or re.search(r"[’']s\s", text[begin:end])
        if chained_or_owned and all(len(r) == 1 for r in roles) and any(r[0].org for r in roles):
            return [r[0] for r in roles]
    return []


# "Tay Cities Region joint committee chair": capitals, then the lower-case words of a post
_LOWER_POST_AFTER = re.compile(r"\s+(?P<post>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3})\s*$")
_CAPITALS_THEN_LOWER = re.compile(r"(?:[A-Z][\w’'-]*\s+){2,}(?P<post>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3})")


def _body_opens_post(text: str, at: int, end: int, lex: Lexicon) -> bool:
    """Whether capitalised words ending at `at` are a body's name opening a lower-case post that runs
    to `end`: a person's name is never followed by their post without a comma."""
    post = _LOWER_POST_AFTER.fullmatch(text, at, end)
    return post is not None and bool(lex.role_tail.search(post.group("post")))


def _unknown_body_cut(role: Role, lex: Lexicon) -> Role:
    """'Tay Cities Region joint committee chair' in a stack of posts, its body (two capitalised words
    or more: 'Council leader' is the council's) not one the text names: the post is its lower-case
    words, held in no known organisation."""
    if role.org is not None:
        return role
    cut = _CAPITALS_THEN_LOWER.fullmatch(role.role)
    if cut is None or not lex.role_tail.search(cut.group("post")):
        return role
    return Role(capitalise(cut.group("post")), None)


def _role_of_before(
    text: str, lo: int, head: str, orgs: list[OrgMention], places: list[PlaceMention], lex: Lexicon
) -> Role | None:
    """'Mayor of Leicester Sir X', 'Vice-Chancellor of the University of Y Dame Z', 'Chair of the network Prof W'."""
    head = head.rstrip(", ")
    head_end = lo + len(head)
    target = next((t for t in post_targets(lo, head_end, orgs, places) if t[1] == head_end), None)
    before = text[lo : target[0]] if target else head
    match = lex.role_of.search(before)
    if match is None or (target is None) != bool(match.group("lower")):
        return None
    phrase_start = match.start()
    words = list(re.finditer(r"[A-Z][\w-]*", before[:phrase_start]))
    while words and words[-1].end() in (phrase_start - 1, phrase_start) and words[-1].group() not in STOP:
        phrase_start = words[-1].start()
        words.pop()
    if " and " in before and (combined := lex.role_and.search(before, 0, phrase_start)) is not None:
        phrase_start = combined.start()  # "The Principal and Vice-Chancellor of X, Professor Y": one post
    role = re.sub(r"\s+(?:of|at)\s+(?:the\s+)?(?:[a-z][\w-]*)?\s*$", "", before[phrase_start:])
    role = _clean(_LEADING.sub("", role))
    if not role or role[0].islower():
        return None
    return role_at(role, target[2], target[3]) if target else Role(role, None)


# "A representative of ", "a spokesperson for ": an indefinite article, a lower-case post ending in
# its role word, and the word that links it to its body
_INDEFINITE_POST = re.compile(
    r"(?:^|(?<=\s))(?:[Aa]n?|[Oo]ne)\s+(?P<role>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}?)\s+(?:of|for|at|from)\s+(?:the\s+)?$"
)


def _indefinite_post_before(
    text: str, lo: int, head: str, orgs: list[OrgMention], places: list[PlaceMention], lex: Lexicon
) -> Role | None:
    """'A representative of the X Chamber, Jo Bloggs, said': a post introduced by an indefinite
    article, in the organisation that ends just before the comma and the name."""
    head_end = lo + len(head.rstrip(", "))
    target = next((t for t in post_targets(lo, head_end, orgs, places) if t[1] == head_end), None)
    if target is None or target[3] != "org":
        return None
    post = _INDEFINITE_POST.search(text, lo, target[0])
    if post is None or not lex.role_tail.search(post.group("role")):
        return None
    return role_at(_clean(post.group("role")), target[2], target[3])


# "the Labour leader of the council": a party's name before the post itself is no part of it (a
# party's group is: "Green group leader")
_PARTIES = (
    r"(?:Scottish\s+|Welsh\s+)?(?:Labour|Conservative|Liberal\s+Democrat|Lib\s+Dem|Green|SNP|Plaid\s+Cymru"
    r"|Reform(?:\s+UK)?|Independent|DUP|SDLP|UUP|Sinn\s+F[ée]in)"
)
_PARTY = re.compile(rf"^{_PARTIES}\s+(?=(?:leader|deputy\s+leader|co-leader)\b)")
# "Green group leader Cllr X": the leader of a party's group, a post the council's name does not open
_PARTY_GROUP = re.compile(
    rf"(?<![\w-])(?P<role>{_PARTIES}\s+(?:opposition\s+)?group\s+(?:deputy\s+|co-)?leader)\s*,?\s*$"
)


def _clean(role: str) -> str:
    role = role.strip(" ,;:.’'|")  # "Leader |": the bar closing a table's row
    if role.endswith(("(", "(the", "(The")):
        role = role[: role.rindex("(")].rstrip(" ,")  # "Principal (University of X)": the body in brackets
    role = re.sub(r"\s+", " ", role)
    if role[:1].isupper() and (party := _PARTY.match(role)):
        role = role[party.end() :]
    return capitalise(role)


# "Provost of Fife", "Mayor of Mansfield": a civic post in a place the gazetteer does not hold
_CIVIC_OF = re.compile(
    r"(?P<post>(?:Deputy\s+)?(?:Lord\s+|Metro\s+|City\s+)?(?:Mayor|Provost))\s+of\s+"
    r"(?P<place>[A-Z][\w’'-]+(?:\s+(?:and\s+)?[A-Z][\w’'-]+){0,3})"
)


def civic_place(role: Role) -> Role:
    """A civic post written with its place but found without it: the post, in that place."""
    if role.org is not None or " of " not in role.role:
        return role
    civic = _CIVIC_OF.fullmatch(role.role)
    if civic is None or civic.group("place").split()[-1] in SUB_BODIES:
        return role
    return role_at(civic.group("post"), civic.group("place"), "city")


def unique_roles(roles: list[Role]) -> list[Role]:
    seen: dict[tuple[str, str | None], Role] = {}
    for role in roles:
        key = (role.role.lower(), role.org)
        if key not in seen:
            seen[key] = role
    # a role without an organisation adds nothing beside the same role with one
    with_org = {r.role.lower() for r in seen.values() if r.org}
    return [r for r in seen.values() if r.org or r.role.lower() not in with_org]
