"""Reference data and name resolution: mentions -> canonical entities, across documents."""

from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from rapidfuzz import fuzz, process

from ..errors import InputError
from .names import fold

INSTITUTION_TYPES = (
    "university",
    "council",
    "alliance",
    "institute",
    "government",
    "company",
    "other",
)

# The reference file describes types in words; map them onto the SPEC's seven.
_REFERENCE_TYPES = (
    ("advocacy network", "alliance"),
    ("university", "university"),
    ("local authority", "council"),
    ("council", "council"),
    ("alliance", "alliance"),
    ("partnership", "alliance"),
    ("research institute", "institute"),
    ("institute", "institute"),
    ("government", "government"),
    ("company", "company"),
)

_PACKAGE_REFERENCE = Path(__file__).resolve().parents[3] / "data" / "reference"


@dataclass(frozen=True)
class City:
    name: str  # canonical (preferred label)
    full_name: str  # name in the reference source
    nation: str | None
    wikidata: str | None
    geonames: str | None
    lat: str | None
    lon: str | None
    sources: tuple[str, ...]
    core: bool


@dataclass(frozen=True)
class Institution:
    name: str
    type: str
    city: str | None  # canonical city name
    wikidata: str | None
    ror: str | None
    ukprn: str | None
    website: str | None
    sources: tuple[str, ...]


@dataclass
class Reference:
    """Verified names and identifiers, with where each came from."""

    cities: dict[str, City] = field(default_factory=dict)
    institutions: dict[str, Institution] = field(default_factory=dict)
    city_aliases: dict[str, str] = field(default_factory=dict)  # surface -> canonical
    org_aliases: dict[str, str] = field(default_factory=dict)  # folded surface -> canonical
    honorifics: dict[str, str] = field(default_factory=dict)  # surface -> canonical
    roles: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    alias_sources: dict[str, str] = field(default_factory=dict)
    directory: Path | None = None

    @classmethod
    def load(cls, directory: Path | None = None) -> Reference:
        """Read reference data from a folder (default: the project's data/reference)."""
        directory = directory or default_reference_dir()
        if not (directory / "identifiers.csv").exists():
            raise InputError(f"{directory}: no identifiers.csv reference file there")
        ref = cls(directory=directory)
        preferred: dict[str, str] = {}
        aliases = _read_csv(directory / "aliases.csv")
        for row in aliases:
            if row["kind"] == "city" and row.get("preferred") == "yes":
                preferred[row["canonical"]] = row["alias"]
        for row in _read_csv(directory / "identifiers.csv"):
            sources = tuple(s for s in row["sources"].split(";") if s)
            if row["type"] == "city":
                label = preferred.get(row["name"], row["name"])
                ref.cities[label] = City(
                    label, row["name"], row["country"] or None, row["wikidata"] or None,
                    row["geonames"] or None, row["lat"] or None, row["lon"] or None, sources, True,
                )  # fmt: skip
            else:
                ref.institutions[row["name"]] = Institution(
                    row["name"], reference_type(row["type"]), None, row["wikidata"] or None,
                    row["ror"] or None, row["ukprn"] or None, row["website"] or None, sources,
                )  # fmt: skip
        for row in _read_csv(directory / "gb_cities.csv"):
            label = preferred.get(row["name"], row["name"])
            ref.cities.setdefault(
                label,
                City(label, row["name"], row["nation"] or None, None, row["geonames"] or None,
                     row["lat"] or None, row["lon"] or None, (row["sources"],), False),
            )  # fmt: skip
        by_full = {c.full_name: c.name for c in ref.cities.values()}
        for row in _read_csv(directory / "identifiers.csv"):
            if row["type"] != "city" and row["city"]:
                inst = ref.institutions[row["name"]]
                city = by_full.get(row["city"], row["city"])
                ref.institutions[row["name"]] = _replace_city(inst, city)
        for known in ref.cities.values():
            ref.city_aliases[known.name] = known.name
            ref.city_aliases[known.full_name] = known.name
        for row in aliases:
            canonical = row["canonical"]
            if row["kind"] == "city":
                ref.city_aliases[row["alias"]] = by_full.get(canonical, canonical)
            else:
                ref.org_aliases[fold(row["alias"])] = canonical
                ref.alias_sources[row["alias"]] = row["source"]
        for name in ref.institutions:
            ref.org_aliases[fold(name)] = name
        for row in _read_csv(directory / "honorifics.csv"):
            ref.honorifics[row["surface"]] = row["canonical"]
        roles_file = directory / "roles.txt"
        ref.roles = tuple(
            line.strip()
            for line in roles_file.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")
        )
        ref.regions = tuple(row["name"] for row in _read_csv(directory / "regions.csv"))
        return ref

    @cached_property
    def _org_choices(self) -> list[str]:
        return sorted(self.org_aliases)

    @cached_property
    def short_forms(self) -> dict[str, str]:
        """'Sheffield Hallam' for 'Sheffield Hallam University': a name without its head word."""
        forms: dict[str, str] = {}
        for name, inst in self.institutions.items():
            if inst.type != "university" or not name.endswith(" University"):
                continue
            short = name[: -len(" University")]
            words = short.split()
            if len(words) >= 2 and words[-1] not in {"City", "Metropolitan"}:
                forms[short] = name
        return forms

    def canonical_org(self, surface: str) -> str | None:
        """The reference name for an organisation mention, or None when it is not known."""
        # the same surfaces come back in every document: the fuzzy lookup is done once each
        cache = self.__dict__.setdefault("_org_cache", {})
        if surface not in cache:
            if len(cache) > 100_000:
                cache.clear()
            cache[surface] = self._canonical_org(surface)
        return cache[surface]  # type: ignore[no-any-return]

    def _canonical_org(self, surface: str) -> str | None:
        key = fold(re.sub(r"^the\s+", "", surface, flags=re.IGNORECASE))
        if key in self.org_aliases:
            return self.org_aliases[key]
        if len(key) < 8:
            return None
        match = process.extractOne(key, self._org_choices, scorer=fuzz.ratio, score_cutoff=93)
        if match is None:
            return None
        candidate = self.org_aliases[match[0]]
        # A fuzzy match must keep the head word ("University of X" never becomes "X Council"),
        # though the head itself may be misspelt ("Univeristy"), and must name the same places.
        head = _head(candidate)
        if head and not any(fuzz.ratio(word, head.lower()) >= 80 for word in key.split()):
            return None
        if not head and _head(surface):
            return None
        places, known_places = self._places_in(key), self._places_in(fold(match[0]))
        if places and places != known_places:
            return None  # "University of Derby" is not "University of Leeds" however close the spelling
        return candidate

    def _places_in(self, folded: str) -> set[str]:
        words = folded.split()
        return {w for w in words if w in self._folded_cities}

    @cached_property
    def _folded_cities(self) -> set[str]:
        return {fold(c) for c in self.city_aliases if " " not in c}

    def canonical_city(self, surface: str) -> str | None:
        return self.city_aliases.get(surface)

    def canonical_honorific(self, surface: str) -> str:
        words = surface.split()
        parts: list[str] = []
        i = 0
        while i < len(words):
            for size in (3, 2, 1):
                chunk = " ".join(words[i : i + size])
                if chunk in self.honorifics:
                    parts.append(self.honorifics[chunk])
                    i += size
                    break
            else:
                parts.append(words[i])
                i += 1
        return " ".join(parts)


def _head(name: str) -> str:
    for word in ("University", "College", "Council", "Institute", "Partnership", "Trust"):
        if word.lower() in name.lower():
            return word
    return ""


def _replace_city(inst: Institution, city: str) -> Institution:
    from dataclasses import replace

    return replace(inst, city=city)


def reference_type(described: str) -> str:
    described = described.split("(")[0].lower()
    for needle, kind in _REFERENCE_TYPES:
        if needle in described:
            return kind
    return "other"


def default_reference_dir() -> Path:
    env = os.environ.get("CORECITIES_REFERENCE")
    if env:
        return Path(env)
    local = Path("data/reference")
    if (local / "identifiers.csv").exists():
        return local
    return _PACKAGE_REFERENCE


def _read_csv(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    with path.open(newline="", encoding="utf-8") as handle:
        return [dict(row) for row in csv.DictReader(handle)]
