"""Score the extractor against gold annotations: precision, recall and F1 per category."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from ..document import Document
from ..errors import InputError
from ..extract import Extraction, extract
from ..extract.facts import Quote, Role
from ..resolve.names import fold
from ..resolve.reference import Reference
from ..sources.read import read_document

CATEGORIES = (
    "cities", "institutions", "institution_types", "signatories", "people", "honorifics", "roles",
    "quotes", "proposals", "statistics", "qualifiers", "claimed_counts",
)  # fmt: skip


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.misses += other.misses
        self.extras += other.extras


@dataclass
class Evaluation:
    documents: list[str]
    scores: dict[str, Score]
    texts: dict[str, str] = field(default_factory=dict)  # document label -> the text scored

    def sentence_of(self, entry: str) -> str | None:
        """The sentence of its document where a miss or an extra ('label: a | b') is said, if any."""
        label, _, item = entry.partition(": ")
        text = self.texts.get(label)
        if not text:
            return None
        for part in sorted((p.strip() for p in item.split(" | ")), key=len, reverse=True):
            words = re.findall(r"\w+", part)
            found = (
                re.search(r"\W*".join(map(re.escape, words)), text, re.IGNORECASE) if len(part) >= 3 else None
            )
            if found:
                at = found.start()
                start = max(text.rfind(c, 0, at) for c in ".!?\n") + 1
                ends = [i for i in (text.find(c, at) for c in ".!?\n") if i >= 0]
                return " ".join(text[start : min(ends) + 1 if ends else len(text)].split())
        return None

    @property
    def overall(self) -> Score:
        total = Score()
        for score in self.scores.values():
            total.add(Score(score.tp, score.fp, score.fn))
        return total

    def as_dict(self) -> dict[str, object]:
        def one(s: Score) -> dict[str, object]:
            return {"precision": round(s.precision, 4), "recall": round(s.recall, 4), "f1": round(s.f1, 4),
                    "tp": s.tp, "fp": s.fp, "fn": s.fn, "misses": s.misses, "extras": s.extras}  # fmt: skip

        return {
            "documents": self.documents,
            "categories": {name: one(score) for name, score in self.scores.items()},
            "overall": one(self.overall),
        }


def gold_pairs(folder: Path) -> list[tuple[Path, Path]]:
    """(text, gold) file pairs in a folder and its subfolders."""
    if not folder.is_dir():
        raise InputError(f"{folder}: not a folder")
    pairs = []
    for gold in sorted(folder.rglob("*.gold.json")):
        text = gold.with_name(gold.name.removesuffix(".gold.json") + ".txt")
        if text.exists():
            pairs.append((text, gold))
    if not pairs:
        raise InputError(f"{folder}: no NAME.txt beside NAME.gold.json found")
    return pairs


THROUGH = ("queries", "extraction")


def evaluate(folder: Path, ref: Reference | None = None, *, through: str = "queries") -> Evaluation:
    """Extract every text in the folder and compare with its gold file.

    `through="queries"` scores what the named queries return from the document's graph (the
    public contract that other tools read); `through="extraction"` scores the extractor's own
    output, before it becomes RDF, which tells a modelling loss from an extraction miss.
    """
    ref = ref or Reference.load()
    scores = {name: Score() for name in CATEGORIES}
    names = []
    texts: dict[str, str] = {}
    for text_path, gold_path in gold_pairs(folder):
        try:
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise InputError(f"{gold_path}: cannot read gold annotation: {exc}") from exc
        document = read_document(text_path)
        extraction = extract(document, ref)
        seen: Extraction | GraphView = extraction
        if through == "queries":
            seen = graph_view(document, extraction, ref)
        names.append(text_path.stem)
        texts[text_path.stem] = document.text
        for name, score in score_document(seen, gold, text_path.stem).items():
            scores[name].add(score)
    return Evaluation(names, scores, texts)


@dataclass(frozen=True)
class _Row:
    """One answer of a named query, with the fields the scorer reads."""

    name: str = ""
    type: str = ""
    members: tuple[str, ...] = ()
    org: str = ""
    honorific: str | None = None
    roles: tuple[Role, ...] = ()
    speaker: str = ""
    text: str = ""
    value: str = "0"
    unit: str = ""
    qualifier: str | None = None
    what: str = ""
    count: int = 0


@dataclass
class GraphView:
    """What the named queries answer about one document, shaped like an Extraction for scoring."""

    city_names: list[str]
    organisations: list[_Row]
    signatories: list[_Row]
    people: list[_Row]
    quotes: list[_Row]
    proposals: list[_Row]
    statistics: list[_Row]
    claimed_counts: list[_Row]

    def cities(self) -> list[str]:
        return self.city_names


def graph_view(document: Document, extraction: Extraction, ref: Reference) -> GraphView:
    """Model one document as RDF in a store of its own and read it back through the named queries."""
    import pyoxigraph as ox

    from ..graph.model import ModelSettings, document_quads, link_quads, mentioned_entities
    from ..sparql.query import named_queries

    settings = ModelSettings()
    store = ox.Store()
    store.extend(document_quads(document, extraction, settings))
    store.extend(link_quads(mentioned_entities(extraction), ref, settings))
    queries = named_queries()

    def answers(name: str) -> list[dict[str, str]]:
        solutions = store.query(queries[name].text, use_default_graph_as_union=True)
        variables = [v.value for v in solutions.variables]  # type: ignore[union-attr]
        return [
            {v: (row[v].value if row[v] is not None else "") for v in variables}  # type: ignore[index]
            for row in solutions  # type: ignore[union-attr]
        ]

    people: dict[str, tuple[str | None, list[Role]]] = {}
    for row in answers("people"):
        _, roles = people.setdefault(row["name"], (row["honorific"] or None, []))
        if row["role"]:
            roles.append(Role(row["role"], row["organisation_name"] or None))
    return GraphView(
        city_names=sorted({row["name"] for row in answers("cities")}),
        organisations=[_Row(name=row["name"], type=row["type"]) for row in answers("institutions")],
        signatories=[_Row(org=row["name"]) for row in answers("signatories")],
        people=[_Row(name=n, honorific=h, roles=tuple(r)) for n, (h, r) in people.items()],
        quotes=[_Row(speaker=row["speaker_name"], text=row["text"]) for row in answers("quotes")],
        proposals=[_Row(name=row["name"]) for row in answers("proposals")],
        statistics=[
            _Row(value=row["value"], unit=row["unit"], qualifier=row["qualifier"] or None)
            for row in answers("statistics")
        ],
        claimed_counts=[
            _Row(what=row["what"], count=int(Decimal(row["count"]))) for row in answers("claimed_counts")
        ],
    )


def _key(value: object) -> str:
    return fold(str(value)) if value is not None else ""


# GOLD.md records a figure's qualifier as almost, more than, over, around or nearly (and a rank's as
# "within top"). Gold written with a wider list is read through that one: "about", "some", "roughly" and
# "approximately" are "around"; other hedges ("up to", "at least", "estimated", "between") are not recorded.
_GOLD_QUALIFIERS = {
    "almost": "almost", "nearly": "nearly", "more than": "more than", "over": "over", "around": "around",
    "about": "around", "some": "around", "roughly": "around", "approximately": "around",
    "within top": "within top",
}  # fmt: skip


def _gold_qualifier(value: object) -> str:
    return _GOLD_QUALIFIERS.get(_key(value), "")


_FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "for",
        "to",
        "in",
        "on",
        "and",
        "or",
        "by",
        "at",
        "with",
        "from",
        "its",
        "their",
        "new",
    ]
)


def _words(name: str) -> frozenset[str]:
    """The content words of a proposal's name, plurals folded: what a paraphrase keeps."""
    words = (w.removesuffix("s") if len(w) > 3 else w for w in re.findall(r"[a-z0-9£%]+", name))
    return frozenset(w for w in words if w not in _FUNCTION_WORDS)


def _close(a: str, b: str) -> float:
    """Dice overlap of two names' content words."""
    wa, wb = _words(a), _words(b)
    return 2 * len(wa & wb) / (len(wa) + len(wb)) if wa and wb else float(a == b)


def _paired(predicted: list[str], gold: list[str], optional: list[str]) -> list[str]:
    """Each predicted proposal named by the gold proposal it paraphrases, if any.

    A proposal's gold name is an annotator's wording ("guaranteed interview for school leavers"),
    not the text's ("guarantee an interview to any school leaver"), so names are paired by their
    content words: identical names first, then the closest pairs sharing at least half of them,
    one prediction to one gold item. Unpaired predictions keep their own names.
    """
    free = Counter(gold + optional)
    chosen: dict[int, str] = {}
    for i, name in enumerate(predicted):
        if free[name] > 0:
            free[name] -= 1
            chosen[i] = name
    pairs = sorted(
        (-_close(name, g), i, g) for i, name in enumerate(predicted) if i not in chosen for g in free
    )
    for distance, i, g in pairs:
        if distance <= -0.5 and i not in chosen and free[g] > 0:
            free[g] -= 1
            chosen[i] = g
    return [chosen.get(i, name) for i, name in enumerate(predicted)]


def _compare(
    predicted: Iterable[tuple[str, ...]], expected: Iterable[tuple[str, ...]],
    optional: Iterable[tuple[str, ...]] = (), label: str = "",
    same: object = None,
) -> Score:  # fmt: skip
    """Multiset comparison of keyed items; predictions matching an optional item are not counted."""
    pred = Counter(predicted)
    gold = Counter(expected)
    opt = set(optional)
    score = Score()
    for item, n in gold.items():
        hit = min(n, pred.get(item, 0))
        score.tp += hit
        score.fn += n - hit
        score.misses += [f"{label}: {' | '.join(item)}"] * (n - hit)
    for item, n in pred.items():
        extra = n - min(n, gold.get(item, 0))
        if extra and item not in opt:
            score.fp += extra
            score.extras += [f"{label}: {' | '.join(item)}"] * extra
    return score


def score_document(extraction: Extraction | GraphView, gold: dict, label: str) -> dict[str, Score]:  # type: ignore[type-arg]
    """Scores per category for one document."""
    aliases: dict[str, str] = {}
    for inst in gold.get("institutions", []) + gold.get("institutions_optional", []):
        aliases[_key(inst["name"])] = _key(inst["name"])
        for alias in inst.get("aliases", []):
            aliases[_key(alias)] = _key(inst["name"])

    def canon(name: str) -> str:
        key = _key(name)
        return aliases.get(key, key)

    out: dict[str, Score] = {}
    out["cities"] = _compare(
        {(_key(c),) for c in extraction.cities()}, {(_key(c),) for c in gold.get("cities", [])},
        {(_key(c),) for c in gold.get("cities_optional", [])}, label,
    )  # fmt: skip
    predicted_orgs = {o.name: o.type for o in extraction.organisations}
    for org in extraction.organisations:
        for member in org.members:
            predicted_orgs.setdefault(member, "university")
    out["institutions"] = _compare(
        {(canon(n),) for n in predicted_orgs}, {(_key(i["name"]),) for i in gold.get("institutions", [])},
        {(_key(i["name"]),) for i in gold.get("institutions_optional", [])}, label,
    )  # fmt: skip
    gold_types = {_key(i["name"]): i["type"] for i in gold.get("institutions", [])}
    out["institution_types"] = _compare(
        {(canon(n), t) for n, t in predicted_orgs.items() if canon(n) in gold_types},
        {(k, t) for k, t in gold_types.items()}, (), label,
    )  # fmt: skip
    out["signatories"] = _compare(
        {(canon(s.org),) for s in extraction.signatories}, {(canon(s),) for s in gold.get("signatories", [])},
        {(canon(s),) for s in gold.get("signatories_optional", [])}, label,
    )  # fmt: skip
    people: dict[str, tuple[str | None, set[tuple[str, str]]]] = {}
    for person in extraction.people:
        honorific, roles = people.setdefault(person.name, (None, set()))
        if honorific is None and person.honorific:
            people[person.name] = (person.honorific, roles)
        roles.update((_key(r.role), canon(r.org) if r.org else "") for r in person.roles)
    gold_people = gold.get("people", [])
    out["people"] = _compare(
        {(_key(n),) for n in people}, {(_key(p["name"]),) for p in gold_people}, (), label
    )
    out["honorifics"] = _compare(
        {(_key(n), _key(h)) for n, (h, _) in people.items()},
        {(_key(p["name"]), _key(p.get("honorific"))) for p in gold_people}, (), label,
    )  # fmt: skip
    out["roles"] = _compare(
        {(_key(n), r, o) for n, (_, roles) in people.items() for r, o in roles},
        {(_key(p["name"]), _key(r["role"]), canon(r["org"]) if r.get("org") else "") for p in gold_people for r in p.get("roles", [])},
        (), label,
    )  # fmt: skip
    out["quotes"] = _quotes(extraction, gold, label)
    gold_proposals = [_key(p) for p in gold.get("proposals", [])]
    optional_proposals = [_key(p) for p in gold.get("proposals_optional", [])]
    named = _paired([_key(p.name) for p in extraction.proposals], gold_proposals, optional_proposals)
    out["proposals"] = _compare(
        {(n,) for n in named}, {(p,) for p in gold_proposals}, {(p,) for p in optional_proposals}, label
    )
    stats = [(_num(s.value), s.unit) for s in extraction.statistics]
    gold_stats = [(_num(s["value"]), s["unit"]) for s in gold.get("statistics", [])]
    optional_stats = {(_num(s["value"]), s["unit"]) for s in gold.get("statistics_optional", [])}
    out["statistics"] = _compare(stats, gold_stats, optional_stats, label)
    out["qualifiers"] = _compare(
        [(_num(s.value), s.unit, _key(s.qualifier)) for s in extraction.statistics],
        [(_num(s["value"]), s["unit"], _gold_qualifier(s.get("qualifier"))) for s in gold.get("statistics", [])],
        {(_num(s["value"]), s["unit"], _gold_qualifier(q)) for s in gold.get("statistics_optional", []) for q in ("", s.get("qualifier"))},
        label,
    )  # fmt: skip
    claimed = gold.get("claimed_counts", {}) or {}
    claimed_optional = gold.get("claimed_counts_optional", {}) or {}
    out["claimed_counts"] = _compare(
        {(c.what, str(c.count)) for c in extraction.claimed_counts},
        {(what, str(n)) for what, n in claimed.items() if n is not None},
        {(what, str(n)) for what, n in claimed_optional.items() if n is not None}, label,
    )  # fmt: skip
    return out


def _quotes(extraction: Extraction | GraphView, gold: dict, label: str) -> Score:  # type: ignore[type-arg]
    score = Score()
    remaining: list[Quote | _Row] = list(extraction.quotes)
    optional = gold.get("quotes_optional", [])
    for item in gold.get("quotes", []):
        match = next(
            (
                q
                for q in remaining
                if _key(q.speaker) == _key(item["speaker"])
                and _key(q.text).startswith(_key(item["first_words"]))
            ),
            None,
        )
        if match is None:
            score.fn += 1
            score.misses.append(f"{label}: {item['speaker']} | {item['first_words']}")
        else:
            score.tp += 1
            remaining.remove(match)
    for quote in remaining:
        if any(
            _key(q["speaker"]) == _key(quote.speaker) and _key(quote.text).startswith(_key(q["first_words"]))
            for q in optional
        ):
            continue
        score.fp += 1
        score.extras.append(f"{label}: {quote.speaker} | {quote.text[:40]}")
    return score


def _num(value: object) -> str:
    number = Decimal(str(value))
    return format(number.normalize(), "f") if number != number.to_integral() else str(int(number))


def render(evaluation: Evaluation, *, sentences: bool = False) -> str:
    """A table of scores, then the misses and extras, each under its category; with `sentences`,
    each followed by the sentence of the text where it is said (where the text says it)."""
    count = len(evaluation.documents)
    lines = [f"{count} document{'s' if count != 1 else ''}", ""]
    lines.append(f"{'category':<18} {'precision':>9} {'recall':>7} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}")
    for name, s in [*evaluation.scores.items(), ("overall", evaluation.overall)]:
        lines.append(
            f"{name:<18} {s.precision:>9.3f} {s.recall:>7.3f} {s.f1:>6.3f} {s.tp:>4} {s.fp:>4} {s.fn:>4}"
        )
    for heading, attribute in (("misses", "misses"), ("extras", "extras")):
        entries = [(n, e) for n, s in evaluation.scores.items() for e in getattr(s, attribute)]
        if not entries:
            continue
        lines += ["", f"{heading}:"]
        for name, entry in entries:
            lines.append(f"  {name}: {entry}")
            sentence = evaluation.sentence_of(entry) if sentences else None
            if sentence:
                lines.append(f"      > {sentence}")
    return "\n".join(lines) + "\n"
