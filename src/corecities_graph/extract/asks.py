"""What someone is asked to do, read as the things it would make.

"asks the government to designate Hull as a Green Energy Zone, and to devolve a share of national
funding": the act after "to" says what is asked for, here the "Green Energy Zone" and the
"Devolution of a share of national funding". Used after an ask addressed to someone, in a list led
in by an ask, and after "should".
"""

from __future__ import annotations

import re

from .proposal_names import (
    ACT_NOUNS,
    ACT_VERBS,
    ING_NOUNS,
    THING,
    VAGUE,
    clause_end,
    complement,
    further,
    trimmed,
)
from .text import capitalise, folded

# "to extend the Freeport", "to devolve adult skills budgets": an act named by its noun
# ("which they want ministers to publish within two years": the object went before, and no name follows)
_ACT = re.compile(
    rf"(?P<verb>{'|'.join(ACT_NOUNS)})\s+"
    r"(?!(?:to|that|whether|how|it|them|within|by|before|after|in|next|soon|now|this|quickly|urgently)\b)",
    re.IGNORECASE,
)
# Acts whose object is the thing asked for: "to establish a Glasgow Anchor Fund"; the first group
# names something new by itself, the second ("support", "fund") needs a noun that is a thing
_CREATES = re.compile(
    r"(?:establish|create|set\s+up|set\s+aside|introduce|launch|pilot|build|open|put\s+in\s+place|bring\s+in"
    # "bring forward a transport plan", "draw up a settlement", "come forward with a fund"
    r"|bring\s+forward|draw\s+up|come\s+forward\s+with|produce|devise|form|found"
    r"|commit\s+(?:[£$€][\d.,]+\s*(?:bn|m|k|million|billion)?\s+)?to"
    r"|adopt)\s+(?!(?:to|that|it|them|up|with)\b)",
    re.IGNORECASE,
)
_FUNDS = re.compile(
    r"(?:back|fund|finance|support|deliver|provide|run|approve|agree|invest\s+in|develop|host|commission|secure|confirm"
    r"|consider"
    r"|grant)\s+(?!(?:to|that|it|them)\b)",
    re.IGNORECASE,
)
# "give York a share of ...", "hand the combined authority control of ...": the second object is asked for
_GIVES = re.compile(
    r"(?:give|hand|grant|award)\s+(?:[\w’'-]+\s+){1,5}?"
    r"(?=(?:a|an|more|greater|full|new|control|powers?|responsibility|the\s+(?:power|right|ability|freedom|same))\b|£)"
    # "pass on to Wales the consequential funding": the receiver first, then what it is to get
    r"|pass\s+on\s+to\s+(?-i:[A-Z][\w’'-]*)(?:\s+(?-i:[A-Z][\w’'-]*)){0,3}\s+(?=the\s)",
    re.IGNORECASE,
)
# "designate Hull as a Green Energy Zone", "treat the port as a priority area": what it is to become
_AS = re.compile(
    r"(?:designate|treat|recogni[sz]e|name|(?:re)?classify)\s+(?:[\w’'-]+\s+){1,6}?as\s+(?:(?:an?|the)\s+)?",
    re.IGNORECASE,
)
# "partners in local growth plans": the head noun of a phrase comes before its first preposition
_ROLE_OR_THING = re.compile(r"\s(?:in|on|of|for|at|to|with|within|across)\s", re.IGNORECASE)
# "let the council run ...", "allow mayors to co-commission ...": what they are to be allowed to do
# "let combined authorities bid directly into ...": acts after "let" that name no thing of their own
_BARE = "bid|borrow|charge|spend|invest|apply|draw|commission|co-commission"
_LETS = re.compile(
    r"(?:let|allow|enable|permit|empower|help|require)\s+(?!(?:to|that)\b)(?P<who>(?:[\w’'()-]+\s+){1,6}?)"
    rf"(?:to\s+(?=[a-z])|(?=(?:{'|'.join(ACT_NOUNS)}|run|use|set\s+up|create|establish|keep|raise|{_BARE})\b))",
    re.IGNORECASE,
)
# "require universities to publish a plan", "require every agreement that receives public money to"
_REQUIRES = re.compile(
    r"require\s+(?!(?:to|that|it|them)\b)(?P<who>(?:the\s+|every\s+|each\s+|all\s+)?[a-z][\w’'-]*"
    r"(?:\s+(?!to\b)[\w’'-]+){0,9}?)\s+to\s+(?=[a-z])(?!be\b)",
    re.IGNORECASE,
)
# "to be used for civic projects", "to be spent on housing": a use allowed
_USE_NOUNS = {"used": "Use", "spent": "Spending"}
_BE_USED = re.compile(r"be\s+(?P<noun>used|spent)\s+(?=(?:for|on|in|to)\s)", re.IGNORECASE)
_PREP = re.compile(
    r"(?:[a-z]+ly\s+)?(against|on|in|from|with|at|into|over|across|for)\s+|(?=(?:against|on|in|from|with|at|into|over|across|for)\b)"
)
# "should be given powers to raise a levy": what they are to be given
# "replace annual grants with a single settlement": what is asked for is the replacement
_REPLACES = re.compile(r"replace\s+[^.;:,]{1,80}?\s+with\s+(?=(?:an?|the|new|one|single)\b)", re.IGNORECASE)
_GIVEN = re.compile(r"be\s+(?:given|granted|handed|awarded)\s+", re.IGNORECASE)
# "each city region should have its own observatory": what it is to have
_HAS = re.compile(r"(?:have|get|receive|gain)\s+(?:(?:its|their)\s+own\s+)?", re.IGNORECASE)
# "fold the small funds into a single growth pot", "merge the boards into one": what they become
_INTO = re.compile(
    r"(?:fold|merge|combine|consolidate|pool|bring)\s+(?:[\w’'-]+\s+){1,8}?into\s+(?!(?:one|line|force)\b)",
    re.IGNORECASE,
)
# "make the Innovation Accelerators permanent": the thing as it is to become
_MADE = re.compile(
    r"make\s+(?:the\s+)?(?P<np>(?:[\w’'-]+\s+){0,4}?[\w’'-]+)\s+"
    r"(?P<adj>permanent|statutory|mandatory|universal|free|available|compulsory)\b",
    re.IGNORECASE,
)
# "make Leeds one of the first health innovation zones", "make Hull a Green Energy Zone": what the
# place is to become
_MADE_INTO = re.compile(
    r"make\s+(?-i:[A-Z][\w’'-]*)(?:\s+(?-i:[A-Z][\w’'-]*)){0,3}\s+(?:one\s+of\s+the\s+(?:first|next)\s+|(?:an?|the)\s+)",
    re.IGNORECASE,
)
# "to weight local employment more heavily": how much is the asker's emphasis, not the name
_ADVERB = re.compile(r"\s+(?:(?:more|less|much)\s+)?[a-z]+ly\b(?=\s+(?:in|on|for|to|across|within)\s)")


def asked_acts(text: str, at: int, end: int, depth: int = 0) -> list[tuple[str | None, int, int]]:
    """What an addressee is asked to do at text[at:end], as the things it would make.

    Each is (name, start, end): the span the thing is read from, and its name when that is not the
    span itself ("Extension of the Solent Freeport" from the span "the Solent Freeport").
    """
    if requires := _REQUIRES.match(text, at, end):
        # "require every agreement that receives public money to publish its measures": who is
        # required is part of the ask
        found = asked_acts(text, requires.end(), end, depth + 1)
        stop = max((last for _, _, last in found), default=trimmed(text, requires.end(), end)[1])
        if stop > requires.end():
            return [(f"Requirement for {text[requires.start('who') : stop]}", requires.start("who"), stop)]
    if (lets := _LETS.match(text, at, end)) and depth < 2:
        if used := _BE_USED.match(text, lets.end(), end):
            # "allow research funding to be used for civic projects": the use allowed
            what = text[lets.start("who") : lets.end()].strip()
            what = re.sub(r"\s+to$", "", what)
            stop = clause_end(text, used.end(), end)
            if what and stop > used.end():
                return [
                    (
                        f"{_USE_NOUNS[folded(used.group('noun'))]} of {what} {text[used.end() : stop]}",
                        lets.start("who"),
                        stop,
                    )
                ]
        found = asked_acts(text, lets.end(), end, depth + 1)
        verb = re.match(r"([a-z][\w-]*)\s+(?!(?:to|that|it|them|and|or)\b)(?=[\w£])", text[lets.end() : end])
        bare = verb is not None and re.fullmatch(_BARE, verb.group(1))
        if found or not (lets.group().endswith(("to ", "to\t")) or bare) or verb is None:
            return found
        # "allow mayors to co-commission university research": the allowed act, named by its gerund
        noun = _gerund(verb.group(1))
        start = lets.end() + verb.end()
        if noun and (prep := _PREP.match(text, start, end)):
            # "to borrow against future income", "to bid directly into the next round"
            stop = trimmed(text, prep.end(), end)[1] if prep.group(1) else trimmed(text, start, end)[1]
            return [(f"{noun} {text[start:stop]}", start, stop)]
        return [_act(text, noun, start, end)] if noun else []
    if given := _GIVEN.match(text, at, end):
        return named_objects(text, given.end(), end, thing=False)  # "should be given powers to raise a levy"
    if has := _HAS.match(text, at, end):
        return named_objects(
            text, has.end(), end, thing=True
        )  # "each city region should have its own observatory"
    if into := _INTO.match(text, at, end):
        return named_objects(text, into.end(), end, thing=False)
    if made := _MADE.match(text, at, end):
        name = f"{made.group('adj')} {made.group('np')}"
        return [(capitalise(name), made.start("np"), made.end("np"))]
    if made_into := _MADE_INTO.match(text, at, end):
        return named_objects(text, made_into.end(), end, thing=False)
    if gives := _GIVES.match(text, at, end):
        return named_objects(text, gives.end(), end, thing=False)
    if as_ := _AS.match(text, at, end):
        # "recognise universities as partners in growth plans": with no article, what follows "as" is
        # a role or a kind, and only a thing named there is asked for
        found = named_objects(text, as_.end(), end, thing=False)
        if re.search(r"\b(?:an?|the)\s+$", as_.group(), re.IGNORECASE) or re.match(
            r"one\s+of\s", text[as_.end() : as_.end() + 7], re.IGNORECASE
        ):
            return found
        return [(n, a, b) for n, a, b in found if THING.search(_ROLE_OR_THING.split(text[a:b], 1)[0])]
    if replaces := _REPLACES.match(text, at, end):
        return named_objects(text, replaces.end(), end, thing=False)
    if act := _ACT.match(text, at, end):
        return [_act(text, ACT_NOUNS[folded(act.group("verb"))], act.end(), end)]
    if creates := _CREATES.match(text, at, end):
        return named_objects(text, creates.end(), end, thing=False)
    if funds := _FUNDS.match(text, at, end):
        return named_objects(text, funds.end(), end, thing=True)
    return []


def _act(text: str, noun: str, at: int, end: int) -> tuple[str | None, int, int]:
    """'Extension of the Solent Freeport': an act asked for, named by its noun and its object."""
    stop = trimmed(text, at, end)[1]
    stop = complement(text, stop, len(text[at:stop].split())) if noun in _AS_NOUNS else stop
    if noun in _AS_NOUNS and (as_ := _AS_WHAT.match(text, stop, end)):
        stop = trimmed(text, as_.end(), end)[1]  # "include universities as statutory partners on boards"
    if noun in _FOR_NOUNS and (purpose := _FOR.match(text, stop, end)):
        stop = trimmed(text, purpose.end(), end)[1]  # "pool funding for joint courses": what it is pooled for
    of = "in" if noun == "Cut" else "of"  # "a cut in VAT", not "a cut of VAT"
    return f"{noun} {of} {_ADVERB.sub('', text[at:stop])}", at, stop


# Acts named with what their object is for: "release the capital for the new campus"
_FOR_NOUNS = {"Pooling", "Release"}
_FOR = re.compile(r"\s+for\s+(?=(?:the|a|an|joint|new|[a-z][\w-]*\s+[a-z]))")
# Acts whose object is named with what it is to count as
_AS_NOUNS = {"Inclusion", "Counting", "Recognition"}
_AS_WHAT = re.compile(r"\s+as\s+(?:an?\s+|the\s+)?(?=[a-z])", re.IGNORECASE)


def named_objects(text: str, at: int, end: int, thing: bool) -> list[tuple[str | None, int, int]]:
    """The things named as an act's objects, "a skills fund and a careers hub", each a name.

    `thing`: keep only objects that name a thing ("support a research centre", not "support more jobs").
    """
    found: list[tuple[str | None, int, int]] = []
    while True:
        if plan := _PLAN_FOR.match(text, at, end):
            at = plan.end()  # "back its plan for a hydrogen hub": the hub is what is asked for
        start, stop = trimmed(text, at, end)
        phrase = text[start:stop]
        first = phrase.split(" ", 1)[0]
        if first.lower() in _CLAUSE_WORDS or (found and re.fullmatch(ACT_VERBS, first.lower())):
            return found  # "want a fund and say the passports would help": a new clause, no object
        if (
            phrase
            and not VAGUE.match(phrase)
            # "working together" is an act; "the reopening of the line" names one
            and not (first.endswith("ing") and not re.fullmatch(ING_NOUNS, first) and " of " not in phrase)
            and (not thing or THING.search(phrase) or phrase[:1] in "‘“\"'")  # a ‘one-stop shop’ is named
        ):
            found.append((None, start, stop))
        more = further(text, stop, end)
        if not more or re.search(r"\bto\s*$", more.group()):
            return found  # "..., and to devolve ...": a further act, read as its own
        at = more.end()


# "its plan for", "the case for", "their bid for": what the plan is for is the thing
_PLAN_FOR = re.compile(
    r"(?:its|their|our|his|her|the)\s+(?:own\s+)?(?:plans?|proposals?|bid|case|call|ambition|vision)\s+(?:for|to\s+create)\s+"
    # "confirm funding for a second phase of the upgrade": the phase is what is to be funded
    r"|(?:the\s+)?(?:funding|money|finance)\s+for\s+(?=(?:an?|the)\s)",
    re.IGNORECASE,
)
# Words that start a clause, not a name: what follows "and" is then no further object
_CLAUSE_WORDS = {
    "say", "says", "said", "argue", "argues", "argued", "believe", "believes", "warn", "warns", "add", "adds",
    "note", "notes", "claim", "claims", "hope", "hopes", "expect", "expects", "want", "wants", "will",
    "would", "could", "also", "is", "are", "was", "were", "have", "has", "had", "then", "insist", "insists",
    # "set out its demands in a single document": a preposition starts no name
    "in", "on", "at", "by", "with", "from", "into", "over", "under", "of", "as", "ahead",
}  # fmt: skip
_NO_GERUND = {"be", "have", "do", "make", "get", "go", "take", "work", "continue", "meet", "see", "say", "come"}  # fmt: skip


def _gerund(verb: str) -> str | None:
    """'co-commission' -> 'Co-commissioning': an act named by itself."""
    verb = verb.lower()
    if verb in _NO_GERUND or verb.endswith(("ed", "ing", "s")):
        return None
    if verb.endswith("e") and not verb.endswith("ee"):
        verb = verb[:-1]
    elif re.search(r"(?:^|-)[^aeiou][aeiou][bdgmnprt]$", verb):
        verb += verb[-1]  # "run" -> "running", "plan" -> "planning"
    return capitalise(verb + "ing")
