"""The shapes file compiled to SPARQL: the build's SHACL check, run inside the store it wrote.

Each constraint of ontology/shapes.ttl becomes one SELECT query that returns the focus nodes (and
values) that break it, run over the graphs a build wrote (validate.validate_changed). What a
constraint means is pySHACL's reading of it (tests/test_shapes_sparql.py holds the two engines to the same
results, violation for violation), with two scopes:

- a constraint that more data can satisfy (sh:minCount, sh:class, sh:hasValue, sh:qualifiedMinCount)
  is checked for each document graph with the links graph, since that is what a document must
  hold on its own;
- every other constraint can only gain violations from more data (a second latitude, a bad value),
  so it is checked once over the union of the written graphs and the links graph where those are
  the whole store (a first build or a full rebuild); a build that changed part of a store checks
  each batch of written graphs with the links graph, copied into a store in memory
  (validate.validate_changed).

The union of both is at least as strict as pySHACL on any batching of the documents, and equal to
it for one document. A constraint kind the compiler does not know makes compiling fail: nothing in
the shapes is ever skipped.

Known differences in lexical forms: a literal's lexical form is checked by the XSD rules (Oxigraph's
casts), where pySHACL uses Python's parsers, which let through a few forms XSD refuses (" 5 " as an
integer, "1e3" as a decimal, a date as a dateTime); and sh:pattern's "$" does not match before a final
newline, as Python's does. In both the check here is the stricter one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

import pyoxigraph as ox

from ..errors import ShapesError
from . import shapes_local as py
from .shapes_local import Triples

# A node of the shapes graph; pyoxigraph exports no common type for its terms.
Term = Any

SH = "http://www.w3.org/ns/shacl#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
TYPE = f"<{RDF}type>"

# Predicates that say nothing about validity.
_ANNOTATIONS = {
    f"{RDF}type",
    f"{RDFS}label",
    f"{RDFS}comment",
    f"{SH}name",
    f"{SH}description",
    f"{SH}order",
    f"{SH}group",
}
_TARGETS = {f"{SH}targetClass", f"{SH}targetObjectsOf", f"{SH}targetSubjectsOf", f"{SH}targetNode"}
# Constraints on one value node alone: the same value always passes or fails, whatever else is there.
_VALUE_TESTS = {
    f"{SH}datatype",
    f"{SH}nodeKind",
    f"{SH}pattern",
    f"{SH}flags",
    f"{SH}minLength",
    f"{SH}maxLength",
    f"{SH}in",
    f"{SH}minInclusive",
    f"{SH}maxInclusive",
    f"{SH}minExclusive",
    f"{SH}maxExclusive",
}
_PROPERTY = (
    {
        f"{SH}path",
        f"{SH}minCount",
        f"{SH}maxCount",
        f"{SH}class",
        f"{SH}hasValue",
        f"{SH}or",
        f"{SH}lessThan",
        f"{SH}lessThanOrEquals",
        f"{SH}qualifiedValueShape",
        f"{SH}qualifiedMinCount",
        f"{SH}qualifiedMaxCount",
    }
    | _VALUE_TESTS
    | _ANNOTATIONS
)
_NODE = _TARGETS | {f"{SH}property", f"{SH}class", f"{SH}or"} | _VALUE_TESTS | _ANNOTATIONS
_MEMBER = {f"{SH}class", f"{SH}or"} | _VALUE_TESTS | _ANNOTATIONS
# The datatypes whose lexical forms pySHACL checks (through rdflib); of the others only the IRI counts.
_LEXICAL = {
    f"{XSD}{name}"
    for name in ("integer", "decimal", "float", "double", "boolean", "date", "time", "dateTime")
}
_KINDS = {
    "IRI": "isIRI({v})",
    "BlankNode": "isBlank({v})",
    "Literal": "isLiteral({v})",
    "BlankNodeOrIRI": "(isBlank({v}) || isIRI({v}))",
    "BlankNodeOrLiteral": "(isBlank({v}) || isLiteral({v}))",
    "IRIOrLiteral": "(isIRI({v}) || isLiteral({v}))",
}
_COMPARE = {"minInclusive": ">=", "maxInclusive": "<=", "minExclusive": ">", "maxExclusive": "<"}


# The rows of a check run in Python over one document's triples: (focus, value or None).
Rows = Iterator[tuple[str, str | None]]


@dataclass(frozen=True)
class Check:
    """One constraint of one shape as a query with the placeholders FOCUS and T(s, p, o), and
    as a Python function over one document's triples (shapes_local.py), where it has one."""

    shape: str
    path: str
    constraint: str
    message: str
    per_document: bool
    body: Callable[[Scope], str]
    value: bool = True
    local: Callable[[Triples], Rows] | None = None
    # True when every triple that can break the constraint at a focus node is about that node
    # (has it as subject) or targets it: the union-scope check then needs to look again, after
    # each document was checked on its own, only at nodes that several graphs speak of.
    about_focus: bool = True

    def query(self, scope: Scope) -> str:
        head = "SELECT DISTINCT ?f ?v" if self.value else "SELECT DISTINCT ?f"
        # GRAPH ?g {} binds ?g to each document graph first, so that no row is left without one.
        bind = "GRAPH ?g { } " if scope.per_document else ""
        return f"{head} WHERE {{ {bind}{scope.first()}{self.body(scope)} }}"


class Scope:
    """Where a triple pattern looks: the default graph, or also the named graph ?g.

    Run per document, a query gets the links graph as its default graph and the document graphs
    as its named graphs, so that each document graph ?g is read together with the links graph.
    """

    def __init__(
        self, per_document: bool, in_links: frozenset[str] | None = None, only: str | None = None
    ) -> None:
        self.per_document = per_document
        # The predicates, and rdf:type's classes, that the links graph holds (None: any): a pattern
        # that cannot match there reads the document graph alone, which is much cheaper.
        self.in_links = in_links
        # A VALUES clause binding ?f: the focus nodes are only these.
        self.only = only

    def graphs(self) -> str:
        return "GRAPH ?g { } " if self.per_document else ""

    def first(self) -> str:
        """The VALUES clause of `only`, to open a group with: Oxigraph joins a pattern to the
        bindings that come before it, so the pattern is looked up for those nodes alone."""
        return f"{self.only} " if self.only is not None else ""

    def __call__(self, s: str, p: str, o: str) -> str:
        if not self.per_document:
            return f"{s} {p} {o} ."
        if self.in_links is not None and (p not in self.in_links or (p == TYPE and o not in self.in_links)):
            return f"GRAPH ?g {{ {s} {p} {o} }}"
        return f"{{ GRAPH ?g {{ {s} {p} {o} }} }} UNION {{ {s} {p} {o} }}"


class _Shapes:
    """The shapes graph, read with pyoxigraph, and which of its nodes the compiler has looked at."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.store = ox.Store()
        self.store.load(path=str(path), format=ox.RdfFormat.TURTLE)
        self.seen: set[Term] = set()

    def objects(self, subject: Term, predicate: str) -> list[Term]:
        quads = self.store.quads_for_pattern(subject, ox.NamedNode(predicate), None, ox.DefaultGraph())  # type: ignore[arg-type]
        return sorted((q.object for q in quads), key=str)

    def one(self, subject: Term, predicate: str) -> Term | None:
        values = self.objects(subject, predicate)
        if len(values) > 1:
            raise self.error(subject, f"more than one {_name(predicate)}")
        return values[0] if values else None

    def predicates(self, subject: Term) -> set[str]:
        quads = self.store.quads_for_pattern(subject, None, None, ox.DefaultGraph())  # type: ignore[arg-type]
        return {q.predicate.value for q in quads}

    def items(self, head: Term) -> list[Term]:
        out: list[Term] = []
        while not (isinstance(head, ox.NamedNode) and head.value == f"{RDF}nil"):
            self.seen.add(head)
            first, rest = self.one(head, f"{RDF}first"), self.one(head, f"{RDF}rest")
            if first is None or rest is None:
                raise self.error(head, "a broken RDF list")
            out.append(first)
            head = rest
        return out

    def allow(self, subject: Term, allowed: set[str]) -> None:
        """Refuse a shape with a predicate the compiler does not turn into a query."""
        self.seen.add(subject)
        unknown = sorted(self.predicates(subject) - allowed)
        if unknown:
            raise self.error(
                subject, f"{', '.join(_name(p) for p in unknown)} is not supported by the store's check"
            )

    def error(self, subject: Term, problem: str) -> ShapesError:
        return ShapesError(f"{self.path}: shape {_term_name(subject)}: {problem}")


def _name(iri: str) -> str:
    return "sh:" + iri[len(SH) :] if iri.startswith(SH) else f"<{iri}>"


def _term_name(term: Term) -> str:
    return str(term) if not isinstance(term, ox.BlankNode) else "(a blank node)"


def _number(shapes: _Shapes, subject: Term, predicate: str) -> int | None:
    value = shapes.one(subject, predicate)
    if value is None:
        return None
    if not isinstance(value, ox.Literal) or not value.value.isdigit():
        raise shapes.error(subject, f"{_name(predicate)} is not a non-negative integer")
    return int(value.value)


def _instance(t: Scope, node: str, cls: Term) -> str:
    # rdfs:subClassOf is not followed: check_changed hands graphs holding it to pySHACL instead.
    return t(node, TYPE, str(cls))


class _Test(NamedTuple):
    """One constraint on one value: its component, the SPARQL expression true when the value
    conforms, whether more data can make it conform, and the same test in Python (or None)."""

    component: str
    expr: str
    needs_data: bool
    local: py.Test | None


def _value_test(shapes: _Shapes, subject: Term, v: str, t: Scope) -> list[_Test]:
    """Each constraint on one value of a shape (or of a member of its sh:or)."""
    tests: list[_Test] = []
    datatype = shapes.one(subject, f"{SH}datatype")
    if datatype is not None:
        expr = f"(isLiteral({v}) && sameTerm(datatype({v}), {datatype})"
        if datatype.value in _LEXICAL:
            expr += f" && COALESCE(isLiteral({datatype}(STR({v}))), false)"
        test = py.datatype_test(datatype.value, datatype.value in _LEXICAL)
        tests.append(_Test("Datatype", expr + ")", False, test))
    kind = shapes.one(subject, f"{SH}nodeKind")
    if kind is not None:
        name = kind.value.removeprefix(SH) if isinstance(kind, ox.NamedNode) else ""
        template = _KINDS.get(name)
        if template is None:
            raise shapes.error(subject, f"unknown sh:nodeKind {kind}")
        is_kind = py.NODE_KINDS[name]
        tests.append(_Test("NodeKind", template.format(v=v), False, lambda _, term: is_kind(term)))
    pattern = shapes.one(subject, f"{SH}pattern")
    flags = shapes.one(subject, f"{SH}flags")
    if flags is not None and pattern is None:
        raise shapes.error(subject, "sh:flags without sh:pattern")
    if pattern is not None:
        flag = f", {ox.Literal(flags.value)}" if flags is not None else ""
        tests.append(
            _Test(
                "Pattern",
                f"(!isBlank({v}) && REGEX(STR({v}), {ox.Literal(pattern.value)}{flag}))",
                False,
                py.pattern_test(pattern.value, flags.value if flags is not None else None),
            )
        )
    for name, op in (("minLength", ">="), ("maxLength", "<=")):
        length = _number(shapes, subject, f"{SH}{name}")
        if length is not None:
            least, most = (length, None) if op == ">=" else (None, length)
            tests.append(
                _Test(
                    name[0].upper() + name[1:],
                    f"(!isBlank({v}) && STRLEN(STR({v})) {op} {length})",
                    False,
                    py.length_test(least, most),
                )
            )
    for name, op in _COMPARE.items():
        bound = shapes.one(subject, f"{SH}{name}")
        if bound is not None:
            tests.append(
                _Test(
                    name[0].upper() + name[1:],
                    f"(isLiteral({v}) && COALESCE({v} {op} {bound}, false))",
                    False,
                    py.bound_test(str(bound), op),
                )
            )
    allowed = shapes.one(subject, f"{SH}in")
    if allowed is not None:
        items = shapes.items(allowed)
        members = " || ".join(f"sameTerm({v}, {item})" for item in items) or "false"
        tests.append(_Test("In", f"({members})", False, py.in_test(str(item) for item in items)))
    cls = shapes.objects(subject, f"{SH}class")
    for c in cls:
        tests.append(_Test("Class", f"EXISTS {{ {_instance(t, v, c)} }}", True, py.class_test(str(c), TYPE)))
    alternatives = shapes.one(subject, f"{SH}or")
    if alternatives is not None:
        parts: list[str] = []
        data = False
        members_local: list[py.Test] | None = []
        for member in shapes.items(alternatives):
            shapes.allow(member, _MEMBER)
            inner = _value_test(shapes, member, v, t)
            data = data or any(test.needs_data for test in inner)
            parts.append("(" + (" && ".join(test.expr for test in inner) or "true") + ")")
            member_local = _all_local(inner)
            if members_local is not None and member_local is not None:
                members_local.append(member_local)
            else:
                members_local = None
        either = py.any_of(members_local) if members_local is not None else None
        tests.append(_Test("Or", "(" + (" || ".join(parts) or "false") + ")", data, either))
    return tests


def _all_local(tests: list[_Test]) -> py.Test | None:
    """All of these tests in Python, or None when one of them has no Python form."""
    found = [test.local for test in tests]
    return py.all_of([f for f in found if f is not None]) if None not in found else None


def _focus(shapes: _Shapes, shape: Term, t: Scope) -> str:
    branches = [_instance(t, "?f", c) for c in shapes.objects(shape, f"{SH}targetClass")]
    branches += [t("?x", str(p), "?f") for p in shapes.objects(shape, f"{SH}targetObjectsOf")]
    branches += [t("?f", str(p), "?x") for p in shapes.objects(shape, f"{SH}targetSubjectsOf")]
    branches += [f"BIND({n} AS ?f)" for n in shapes.objects(shape, f"{SH}targetNode")]
    if not branches:
        return ""
    union = " UNION ".join(f"{{ {b} }}" for b in branches)
    if t.only is not None:
        union = f"{t.only} {{ {union} }}"
    # Each focus node once (per document graph): a node typed in many graphs would otherwise
    # multiply the rows of every pattern joined to it.
    keep = "?g ?f" if t.per_document else "?f"
    return f"{{ SELECT DISTINCT {keep} WHERE {{ {t.graphs()}{union} }} }}"


def _local_focus(shapes: _Shapes, shape: Term) -> Callable[[Triples], set[str]]:
    """The focus nodes of a shape in one document's triples."""
    classes = [str(c) for c in shapes.objects(shape, f"{SH}targetClass")]
    objects_of = [str(p) for p in shapes.objects(shape, f"{SH}targetObjectsOf")]
    subjects_of = [str(p) for p in shapes.objects(shape, f"{SH}targetSubjectsOf")]
    nodes = [str(n) for n in shapes.objects(shape, f"{SH}targetNode")]

    def focus(data: Triples) -> set[str]:
        # Every check of the shape asks for the same nodes: find them once per document.
        known = data.found.get(key)
        if known is not None:
            return known
        found = set(nodes)
        for c in classes:
            found.update(data.typed.get(c, ()))
        for p in objects_of:
            found.update(o for _, o in data.pairs.get(p, ()))
        for p in subjects_of:
            found.update(data.subjects.get(p, ()))
        data.found[key] = found
        return found

    key = str(shape)
    return focus


def _node_checks(shapes: _Shapes, shape: Term) -> Iterator[Check]:
    shapes.allow(shape, _NODE)
    if (
        isinstance(shape, ox.NamedNode)
        and shapes.objects(shape, f"{RDF}type")
        and any(c.value == f"{RDFS}Class" for c in shapes.objects(shape, f"{RDF}type"))
    ):
        raise shapes.error(shape, "an implicit class target is not supported by the store's check")
    name = shape.value if isinstance(shape, ox.NamedNode) else ""

    focus = _local_focus(shapes, shape)

    def checks(subject: Term, path: str) -> Iterator[Check]:
        # One Check per constraint component; the body is built when the scope is known.
        def value_pattern(t: Scope) -> str:
            return t("?f", path, "?v") if path else "BIND(?f AS ?v)"

        probe = _value_test(shapes, subject, "?v", Scope(False))
        for index, test in enumerate(probe):

            def body(t: Scope, index: int = index) -> str:
                expr = _value_test(shapes, subject, "?v", t)[index].expr
                return f"{_focus(shapes, shape, t)} {value_pattern(t)} FILTER(!({expr}))"

            def rows(data: Triples, passes: py.Test | None = test.local) -> Rows:
                assert passes is not None
                for f in focus(data):
                    for v in data.objects(f, path) if path else [f]:
                        if not passes(data, v):
                            yield f, v

            component = test.component
            yield Check(
                name,
                path,
                component,
                f"Value does not satisfy sh:{component[0].lower()}{component[1:]}",
                test.needs_data,
                body,
                local=rows if test.local is not None else None,
            )

    yield from checks(shape, "")
    for prop in shapes.objects(shape, f"{SH}property"):
        shapes.allow(prop, _PROPERTY)
        path_term = shapes.one(prop, f"{SH}path")
        if not isinstance(path_term, ox.NamedNode):
            raise shapes.error(prop, "only a single predicate is supported as sh:path")
        p = str(path_term)
        yield from checks(prop, p)
        yield from _property_checks(shapes, shape, name, prop, p, focus)


def _least(values: list[str]) -> int:
    """How many of these terms are certainly distinct in the store, which keeps one term per value
    of a datatype such as xsd:decimal: literals other than strings count as one between them."""
    if len(values) < 2:
        return len(values)
    plain = sum(1 for v in values if py.string_value(v) is not None or py.is_blank(v))
    return plain + (1 if plain < len(values) else 0)


def _property_checks(
    shapes: _Shapes, shape: Term, name: str, prop: Term, p: str, nodes: Callable[[Triples], set[str]]
) -> Iterator[Check]:
    def focus(t: Scope) -> str:
        return _focus(shapes, shape, t)

    least = _number(shapes, prop, f"{SH}minCount")
    if least:

        def at_least(t: Scope, n: int = least) -> str:
            if n == 1:
                return f"{focus(t)} FILTER NOT EXISTS {{ {t('?f', p, '?v')} }}"
            inner = f"{{ SELECT ?g ?f (COUNT(DISTINCT ?v) AS ?n) WHERE {{ {t.graphs()}{focus(t)} OPTIONAL {{ {t('?f', p, '?v')} }} }} GROUP BY ?g ?f }}"
            return f"{inner} FILTER(?n < {n})"

        def few(data: Triples, n: int = least) -> Rows:
            for f in nodes(data):
                if _least(data.objects(f, p)) < n:
                    yield f, None

        yield Check(name, p, "MinCount", f"Less than {least} values", True, at_least, value=False, local=few)
    most = _number(shapes, prop, f"{SH}maxCount")
    if most is not None:

        def at_most(t: Scope, n: int = most) -> str:
            inner = f"SELECT ?f (COUNT(DISTINCT ?v) AS ?n) WHERE {{ {t.first()}{focus(t)} {t('?f', p, '?v')} }} GROUP BY ?f"
            return f"{{ {inner} }} FILTER(?n > {n})"

        def many(data: Triples, n: int = most) -> Rows:
            for f in nodes(data):
                if len(data.objects(f, p)) > n:
                    yield f, None

        yield Check(name, p, "MaxCount", f"More than {most} values", False, at_most, value=False, local=many)
    wanted = shapes.one(prop, f"{SH}hasValue")
    if wanted is not None:

        def has(t: Scope, x: str = str(wanted)) -> str:
            return f"{focus(t)} FILTER NOT EXISTS {{ {t('?f', p, x)} }}"

        def lacks(data: Triples, x: str = str(wanted)) -> Rows:
            for f in nodes(data):
                if not data.has(f, p, x):
                    yield f, None

        yield Check(name, p, "HasValue", f"Missing value {wanted}", True, has, value=False, local=lacks)
    for predicate, component, op in (
        (f"{SH}lessThan", "LessThan", "<"),
        (f"{SH}lessThanOrEquals", "LessThanOrEquals", "<="),
    ):
        for other in shapes.objects(prop, predicate):

            def pair(t: Scope, o: str = str(other), op: str = op) -> str:
                stringy = (
                    "(isIRI({x}) || (isLiteral({x}) && (datatype({x}) = <"
                    + XSD
                    + 'string> || lang({x}) != "")))'
                )
                sv, so = stringy.format(x="?v"), stringy.format(x="?o")
                ok = f"IF({sv} && {so}, STR(?v) {op} STR(?o), !{sv} && !{so} && !isBlank(?v) && !isBlank(?o) && COALESCE(?v {op} ?o, false))"
                return f"{focus(t)} {t('?f', p, '?v')} {t('?f', o, '?o')} FILTER(!({ok}))"

            def unordered(data: Triples, o: str = str(other), strict: bool = op == "<") -> Rows:
                for f in nodes(data):
                    for v in data.objects(f, p):
                        if any(not py.ordered(v, w, strict) for w in data.objects(f, o)):
                            yield f, v

            yield Check(
                name, p, component, f"Value is not {op} value of {other}", False, pair, local=unordered
            )
    qualified = shapes.one(prop, f"{SH}qualifiedValueShape")
    if qualified is not None:
        shapes.allow(qualified, _MEMBER)
        bounds = {k: _number(shapes, prop, f"{SH}qualified{k}Count") for k in ("Min", "Max")}
        if bounds["Min"] is None and bounds["Max"] is None:
            raise shapes.error(
                prop, "sh:qualifiedValueShape without sh:qualifiedMinCount or sh:qualifiedMaxCount"
            )

        def conforming(t: Scope) -> str:
            return " && ".join(test.expr for test in _value_test(shapes, qualified, "?v", t)) or "true"

        qualified_tests = _value_test(shapes, qualified, "?v", Scope(False))
        qualifies = _all_local(qualified_tests)

        def counted(data: Triples, f: str) -> list[str]:
            assert qualifies is not None
            return [v for v in data.objects(f, p) if qualifies(data, v)]

        low, high = bounds["Min"], bounds["Max"]
        if low:

            def q_min(t: Scope, n: int = low) -> str:
                count = f"{{ SELECT ?g ?f (COUNT(DISTINCT ?v) AS ?n) WHERE {{ {t.graphs()}{focus(t)} OPTIONAL {{ {t('?f', p, '?v')} FILTER({conforming(t)}) }} }} GROUP BY ?g ?f }}"
                return f"{count} FILTER(?n < {n})"

            def q_few(data: Triples, n: int = low) -> Rows:
                for f in nodes(data):
                    if _least(counted(data, f)) < n:
                        yield f, None

            yield Check(
                name,
                p,
                "QualifiedMinCount",
                f"Less than {low} values conform to the qualified shape",
                True,
                q_min,
                value=False,
                local=q_few if qualifies is not None else None,
            )
        if high is not None:

            def q_max(t: Scope, n: int = high) -> str:
                count = f"{{ SELECT ?f (COUNT(DISTINCT ?v) AS ?n) WHERE {{ {t.first()}{focus(t)} {t('?f', p, '?v')} FILTER({conforming(t)}) }} GROUP BY ?f }}"
                return f"{count} FILTER(?n > {n})"

            def q_many(data: Triples, n: int = high) -> Rows:
                for f in nodes(data):
                    if len(counted(data, f)) > n:
                        yield f, None

            yield Check(
                name,
                p,
                "QualifiedMaxCount",
                f"More than {high} values conform to the qualified shape",
                False,
                q_max,
                value=False,
                local=q_many if qualifies is not None else None,
                # Whether a value conforms can hang on triples about the value (its class).
                about_focus=not any(test.needs_data for test in qualified_tests),
            )


@lru_cache(maxsize=8)
def targeted_objects(path: Path) -> frozenset[str]:
    """The predicates whose objects a shape of this file targets (sh:targetObjectsOf)."""
    shapes = ox.Store()
    shapes.load(path=str(path), format=ox.RdfFormat.TURTLE)
    return frozenset(
        str(q.object) for q in shapes.quads_for_pattern(None, ox.NamedNode(f"{SH}targetObjectsOf"), None)
    )


@lru_cache(maxsize=8)
def compile_shapes(path: Path) -> tuple[Check, ...]:
    """Every constraint of a shapes file as a Check; raises ShapesError on anything it cannot compile."""
    shapes = _Shapes(path)
    typed = {
        q.subject
        for q in shapes.store.quads_for_pattern(
            None, ox.NamedNode(f"{RDF}type"), ox.NamedNode(f"{SH}NodeShape")
        )
    }
    targeted = {
        q.subject for p in _TARGETS for q in shapes.store.quads_for_pattern(None, ox.NamedNode(p), None)
    }
    checks: list[Check] = []
    for shape in sorted(typed | targeted, key=str):
        found = list(_node_checks(shapes, shape))
        if any(shapes.objects(shape, p) for p in _TARGETS):  # a shape without a target has no focus node
            checks += found
    # A node with SHACL terms that no shape reached (a property shape with a target, a sh:node, a
    # SPARQL constraint) would otherwise be skipped without a word.
    for quad in shapes.store:
        if quad.predicate.value.startswith(SH) and quad.subject not in shapes.seen:
            raise shapes.error(
                quad.subject,
                f"{_name(quad.predicate.value)} is not reached by any shape the store's check knows",
            )
    return tuple(checks)
