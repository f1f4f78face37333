"""Posts named without their organisation, settled against the organisations and places the text names."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from .facts import OrgMention, PersonMention, PlaceMention, Role
from .posts import role_at, unique_roles

# Posts whose organisation goes without saying in a release from one: "Vice-Chancellor Professor X
# said" on a university's page is its Vice-Chancellor.
_POSTS_OF = {
    "university": re.compile(
        r"^(?:University\s+)?(?:(?:Deputy|Pro|Acting|Interim)[\s-]+)?(?:Vice[\s-]+Chancellor|Principal|Provost|Registrar|Vice[\s-]+Principal"
        r"|Pro[\s-]+Vice[\s-]+Chancellor|President)(?:\s+and\s+(?:Vice[\s-]+Chancellor|Chief\s+Executive|Principal"
        r"|President))?$",
        re.IGNORECASE,
    ),
    # "Principal and Chief Executive Dr X said" on a college's page is the college's
    "college": re.compile(
        r"^(?:College\s+)?(?:(?:Deputy|Vice|Acting|Interim)[\s-]+)?Principal(?:\s+and\s+Chief\s+Executive)?$",
        re.IGNORECASE,
    ),
    # "Senior Economist" on a think tank's page is the think tank's
    "institute": re.compile(
        r"^(?:(?:Senior|Chief|Principal|Lead)\s+)?(?:Economist|Analyst|Researcher|Research\s+Fellow)$",
        re.IGNORECASE,
    ),
    "council": re.compile(
        r"^(?:Deputy\s+)?(?:Council\s+)?(?:Co-)?Leader(?:\s+of\s+the\s+Council)?$|^Cabinet\s+Member\b"
        r"|^Portfolio\s+Holder\b|^Executive\s+Member\b"
        r"|^(?:Council\s+)?Chief\s+Executive$",
        re.IGNORECASE,
    ),
}


# "Local Democracy Reporter", "Education Correspondent", "Senior Reporter": a journalist's post; the
# Local Democracy Reporting Service, the shared service a byline names in place of one
PRESS_POST = re.compile(
    r"(?:(?:Scottish|Welsh|Irish|Northern\s+Ireland|UK)\s+)?(?:(?:Senior|Chief|Deputy|Local\s+Democracy|Political|Education|Business|Health|Social\s+Affairs|Regional"
    r"|Higher\s+Education|Public\s+Policy)\s+)?(?:Reporter|Correspondent|Editor|Journalist|Writer)"
    r"|Local\s+Democracy\s+Reporting\s+Service",
    re.IGNORECASE,
)


# "Metro Mayor X", "City Mayor Y", "Mayor Z", "Lord Provost W": a mayor's post is in a place, not a body
_MAYOR = re.compile(
    r"(?:Deputy\s+)?(?P<kind>Metro\s+|City\s+|Lord\s+|Regional\s+)?(?:Mayor|(?<=Lord\s)Provost)"
    r"(?:\s+for\s+[A-Z][\w,\s-]*)?",  # "Deputy Mayor for Business and Growth": the mayor's deputy
    re.IGNORECASE,
)


def _mayoralty(
    role: str, places: Sequence[PlaceMention], council: OrgMention | None
) -> tuple[str, str] | None:
    """Where a mayor named without a place is mayor: the region or city the text names most; a
    Lord Mayor's or Lord Provost's city may be named only in its council's name."""
    mayor = _MAYOR.fullmatch(role)
    if mayor is None:
        return None
    kind = (mayor.group("kind") or "").strip().lower()
    wanted = ["city"] if kind in {"city", "lord"} else ["region", "city"]
    for want in wanted:
        counts: dict[str, int] = {}
        for place in places:
            if place.kind == want:
                counts[place.name] = counts.get(place.name, 0) + 1
        ranked = sorted(counts.items(), key=lambda item: -item[1])
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            return ranked[0][0], want
    if kind in {"lord", "city"} and council is not None and council.city:
        return council.city, "city"
    return None


_UNNAMED_BODY = re.compile(r"\s(?:of|at|on)\s+the\s+[a-z]")
_SUB_BODY_POST = re.compile(
    r"(Committee|Board|Panel|Cabinet|Commission)\s+(?:chair|co-chair|convener|member)$", re.IGNORECASE
)


_COUNCILLOR = {"Cllr", "Alderman"}
# "By X, Senior Analyst", "Posted by X, Economist | 4 March": the writer's own line
_BYLINE = re.compile(r"\s*(?:By|(?:Posted|Written)\s+by)\s")


def _kind(name: str, type_: str) -> str:
    """The kind of body a post without its organisation may be settled on: a college by its name."""
    if type_ != "university" and "College" in name.split():
        return "college"
    return type_


def settle_posts(
    people: list[PersonMention],
    orgs: list[OrgMention],
    publisher: tuple[str, str] | None,
    places: Sequence[PlaceMention] = (),
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
        counts = mentions.setdefault(_kind(org.name, org.type), {})
        counts[org.name] = counts.get(org.name, 0) + 1
    main: dict[str, str] = {}
    # "The University of Bradford has renewed ...": the body the text opens with breaks a tie, when
    # no other kind the post fits has a body named most
    opening = min(orgs, key=lambda o: o.evidence.span.start).name if orgs else None
    opened: dict[str, str] = {}
    for kind, counts in mentions.items():
        ranked = sorted(counts.items(), key=lambda item: -item[1])
        if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
            main[kind] = ranked[0][0]
        elif opening is not None and counts.get(opening) == ranked[0][1]:
            opened[kind] = opening
    council_home = (
        publisher[0] if publisher is not None and publisher[1] == "council" else main.get("council")
    )
    settled = []
    for person in people:
        roles = []
        for role in person.roles:
            if (
                council_home is not None
                and person.honorific in _COUNCILLOR
                and role.org is not None
                and role.org.endswith(" Committee")
                and not any(o.name in role.org for o in orgs if o.name != role.org)
                # "Cardiff Capital Region Corporate Joint Committee": named with its place, a body of its own
                and not any(p.name in role.org for p in places)
                and not any(o.city for o in orgs if o.name == role.org)
            ):
                # "Alderman X, Chairman of the Development Committee": a councillor's committee is the council's
                role = Role(f"{role.role} of the {role.org}", council_home)
            if role.org is None:
                target = known.get((person.name, role.role.lower()))
                if (
                    target is None
                    and publisher is not None
                    and PRESS_POST.fullmatch(role.role)
                    and not role.role.lower().startswith("local democracy")
                ):
                    # a journalist writes for the publisher; a local democracy reporter for a
                    # service shared between titles
                    target = publisher[0]
                if (
                    target is None
                    and publisher is not None
                    and person.contact
                    and "enquiries" in person.evidence.sentence.text.lower()
                ):
                    # "Media enquiries: X, communications officer, 0113 …": the publisher's press contact;
                    # "Or Y, Communications Manager" after another body's contact names no employer
                    target = publisher[0]
                # a byline's post ("By X, Senior Analyst") is in no body of its kind unless the text says so
                byline = _BYLINE.match(person.evidence.sentence.text)
                kinds = (
                    [k for k, pattern in _POSTS_OF.items() if pattern.match(role.role)] if not byline else []
                )
                if target is None and publisher is not None and _kind(*publisher) in kinds:
                    target = publisher[0]  # the publisher's own post comes first
                for kind in kinds:
                    target = target or main.get(kind)
                for kind in kinds:
                    target = target or opened.get(kind)
                if target is None and (sub := _SUB_BODY_POST.match(role.role)) is not None:
                    # "Committee chair Cllr X": the one committee the text names
                    bodies = {o.name for o in orgs if o.name.split()[-1].lower() == sub.group(1).lower()}
                    target = bodies.pop() if len(bodies) == 1 else None
                council = next((o for o in orgs if o.name == main.get("council")), None)
                if target is None and (place := _mayoralty(role.role, places, council)) is not None:
                    role = role_at(role.role, place[0], place[1])
                elif target is not None:
                    role = Role(role.role, target)
            if role.org is None and _UNNAMED_BODY.search(role.role):
                continue  # "co-chair of the compact's steering group": a body the text does not name
            roles.append(role)
        settled.append(replace(person, roles=tuple(unique_roles(roles))))
    return settled
