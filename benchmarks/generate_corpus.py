"""Write N synthetic press releases about cities and universities, the same for the same seed.

The releases are made from the reference data in data/reference (cities, universities, aliases,
honorifics, roles) in two genres, taken in turn:

- civic releases: a city's universities and council back a plan (people, quotes, figures);
- declaration releases: news of a joint declaration convened by an alliance (Core Cities UK, or
  one of three invented networks), with the signatory list (composite entries such as
  "Universities for Nottingham (A & B)" or "X and Y (joint)" among them), the member cities,
  the proposals (named in title case or as a lower-case phrase, with what they are for and to
  whom), and how many universities, cities or signatories took part. Releases about the same
  declaration give different counts and figures ("21 universities" in one, "twenty-four
  universities" in the next), as real coverage of one declaration does, so `conflicts` has
  disagreements of every kind to find.

Both mix the phenomena the extractor must handle: role before or after the name, "Councillor"
and "Cllr", stacked honorifics, numbers in words, "per cent", "%" and "£bn", qualifiers
("almost", "more than"), lower-case proposal names, quotes over several paragraphs, photo
captions and credits, "READ MORE" lines, notes to editors with press contacts and misspelt
institution names.

    python benchmarks/generate_corpus.py --n 1000 --seed 1 --out benchmarks/work/corpus-1000
"""

from __future__ import annotations

import argparse
import csv
import random
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "data" / "reference"

FIRST = [
    "Amira", "Ben", "Catriona", "Dev", "Eleanor", "Femi", "Gareth", "Hannah", "Imran", "Joanna",
    "Kwame", "Louise", "Mairead", "Niall", "Olusola", "Priya", "Rhodri", "Sinead", "Tomasz", "Una",
    "Victor", "Wendy", "Yusuf", "Zara", "Alistair", "Bronwen", "Ciaran", "Deborah", "Ewan", "Fiona",
]  # fmt: skip
LAST = [
    "Ahmed", "Blackwood", "Carmichael", "Doherty", "Evans", "Fairbairn", "Gallagher", "Hussain",
    "Ingram", "Jenkins", "Kaur", "Lindsay", "McAllister", "Nwosu", "O'Neill", "Patel", "Quigley",
    "Rowntree", "Sutherland", "Thorne", "Underwood", "Vaughan", "Whitfield", "Yeoman", "Zielinski",
]  # fmt: skip
WORDS = {
    2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten",
    11: "eleven", 12: "twelve", 13: "thirteen", 14: "fourteen", 15: "fifteen", 16: "sixteen",
    17: "seventeen", 18: "eighteen", 19: "nineteen", 20: "twenty", 21: "twenty-one",
    22: "twenty-two", 23: "twenty-three", 24: "twenty-four", 25: "twenty-five",
}  # fmt: skip
PROPOSALS = [
    "a civic innovation fund", "a regional skills compact", "an R&D levelling-up fund",
    "a place-based research programme", "a graduate retention scheme", "a net zero research alliance",
    "an urban health observatory", "a shared data trust",
]  # fmt: skip
PURPOSES = [
    "to create highly skilled jobs", "to widen research and development spending",
    "to help level up the nations and regions", "to keep graduates in their home cities",
    "to speed the transition to net zero",
]  # fmt: skip
UNI_ROLES = ["Vice-Chancellor", "Principal", "Pro-Vice-Chancellor", "President", "Director"]
CITY_ROLES = ["Leader", "Deputy Leader", "Lord Mayor", "Chief Executive", "Cabinet Member"]
NOISE = [
    "READ MORE: Universities back the new civic agreement",
    "READ MORE: Why cities matter for research",
    "Photo: the signing ceremony at the city hall (credit: press office)",
    "Pictured: students outside the main library",
    "Share this article",
]  # fmt: skip


@dataclass(frozen=True)
class Declaration:
    """A joint declaration that several releases report, each in its own words and figures."""

    convener: str  # the alliance that convenes it
    forms: tuple[str, ...]  # how releases name the convener
    named: str  # the declaration's name, when a release gives it
    cities: tuple[str, ...]  # the alliance's member cities, as releases write them
    signatories: tuple[str, ...]  # one line each in a "signed by:" list
    councils: tuple[str, ...]  # councils said to sign in a sentence of their own
    universities: tuple[int, ...]  # how many universities releases say signed, one per release in turn
    city_counts: tuple[int, ...]
    signatory_counts: tuple[int, ...]
    economy: int  # per cent of the UK economy the member cities account for
    students: int  # per cent of UK students they host
    proposals: tuple[tuple[str, str], ...]  # (title-case name, what it is for)
    asks: tuple[str, ...]  # proposals as lower-case phrases ("a regional skills fund")
    chair: str  # who chairs the alliance, the same person in every release


DECLARATIONS = (
    Declaration(
        convener="Core Cities UK",
        forms=("Core Cities UK", "Core Cities", "the Core Cities Group"),
        named="Core Cities UK Universities Declaration",
        cities=("Belfast", "Birmingham", "Bristol", "Cardiff", "Glasgow", "Leeds", "Liverpool",
                "Manchester", "Newcastle", "Nottingham", "Sheffield"),
        signatories=(
            "Aston University", "Birmingham City University", "Cardiff University",
            "Glasgow Caledonian University", "Heseltine Institute for Public Policy, Practice and Place",
            "Leeds Beckett University", "Leeds Trinity University", "Liverpool John Moores University",
            "Liverpool Hope University", "Manchester Metropolitan University", "Northumbria University",
            "Queen's University Belfast", "Sheffield Hallam University", "University of Birmingham",
            "University of Bristol", "University of Glasgow", "University of Leeds",
            "University of Manchester", "Newcastle University", "University of Sheffield",
            "University of Strathclyde", "University of the West of England",
            "Universities for Nottingham (Nottingham Trent University & University of Nottingham)",
        ),
        councils=("Birmingham City Council", "Leeds City Council", "Manchester City Council"),
        universities=(21, 24, 24, 23),
        city_counts=(11,),
        signatory_counts=(34, 35),
        economy=26,
        students=40,
        proposals=(
            ("City Research Investment Programmes", "to steer research money to each city region"),
            ("Cities Export Package", "to help firms in the cities sell abroad"),
            ("National Urban Investment Strategy", "to place the cities at the heart of the recovery"),
        ),
        asks=("a shared research infrastructure fund", "a graduate talent retention scheme"),
        chair="Marion Ashworth",
    ),
    Declaration(
        convener="Northern Civic Research Alliance",
        forms=("Northern Civic Research Alliance", "the Northern Civic Research Alliance"),
        named="Northern Civic Research Alliance Declaration",
        cities=("Leeds", "Manchester", "Liverpool", "Sheffield", "Newcastle", "Bradford", "York"),
        signatories=(
            "Leeds Beckett University", "University of Leeds", "University of Manchester",
            "Manchester Metropolitan University", "University of Liverpool",
            "Liverpool John Moores University", "Northumbria University", "Newcastle University",
            "University of Sheffield and Sheffield Hallam University (joint)",
            "Bradford City Council", "City of York Council",
        ),
        councils=("Bradford City Council",),
        universities=(10, 12, 9),
        city_counts=(7, 8),
        signatory_counts=(11, 12),
        economy=14,
        students=22,
        proposals=(
            ("Northern Research Investment Fund", "to match public research money with private capital"),
            ("Pennine Skills Framework", "to let colleges and universities share apprenticeships"),
        ),
        asks=("a cross-city transport research hub", "a regional data sharing framework"),
        chair="Deborah Kilbride",
    ),
    Declaration(
        convener="Civic Cities Network",
        forms=("Civic Cities Network", "the Civic Cities Network"),
        named="Civic Cities Network Declaration",
        cities=("Coventry", "Derby", "Leicester", "Plymouth", "Sunderland", "Wolverhampton",
                "Preston", "Stoke-on-Trent"),
        signatories=(
            "Coventry City Council", "Derby City Council", "Leicester City Council",
            "Plymouth City Council", "Sunderland City Council", "Wolverhampton City Council",
            "Preston City Council", "Stoke-on-Trent City Council", "Aston University",
            "Birmingham City University",
        ),
        councils=("Coventry City Council", "Derby City Council"),
        universities=(2, 3),
        city_counts=(8, 7, 9),
        signatory_counts=(10,),
        economy=6,
        students=9,
        proposals=(
            ("Town Centre Renewal Prospectus", "to bring empty shops back into use"),
            ("Civic Apprenticeship Programme", "to train local people for council and university jobs"),
        ),
        asks=("a long-term high streets fund", "a regional housing retrofit programme"),
        chair="Rhian Maddox",
    ),
    Declaration(
        convener="Western Innovation Consortium",
        forms=("Western Innovation Consortium", "the Western Innovation Consortium"),
        named="Western Innovation Consortium Declaration",
        cities=("Bristol", "Cardiff", "Swansea", "Plymouth"),
        signatories=(
            "University of Bristol", "University of the West of England",
            "Cardiff University and Swansea University (joint)",
            "Bristol City Council", "Cardiff Council", "Swansea Council",
        ),
        councils=("Bristol City Council",),
        universities=(4, 5),
        city_counts=(4, 3),
        signatory_counts=(6, 7),
        economy=5,
        students=8,
        proposals=(
            ("Severn Clean Energy Zones", "to turn the estuary's tides and wind into local jobs"),
            ("Western Skills Compact", "to keep engineering graduates in the region"),
        ),
        asks=("a cross-border innovation fund",),
        chair="Gwilym Pritchard",
    ),
)  # fmt: skip
COUNCIL_ROLES = [
    "Leader",
    "Deputy Leader",
    "Cabinet Member for Jobs and Skills",
    "Cabinet Member for Economy",
]
PRESS_ROLES = ["Communications Manager", "Media Relations Officer", "Head of Communications"]
HEADLINES = [
    "Students design a new city square",
    "Library extension opens to the public",
    "Festival of ideas returns next month",
    "Graduate wins national engineering prize",
]
SAYINGS = [
    "Our universities and our cities rise and fall together, and government needs to hear that.",
    "Nobody understands our places better than the people who live and work in them.",
    "We have the research, the talent and the ambition; what we ask for now is the freedom to use them.",
    "This is a practical plan, and we want to sit down with ministers to put it into effect.",
]
SAYINGS_MORE = [
    "The recovery will not reach every community unless decisions are taken closer to them.",
    "We will report every year on what the partnership has achieved.",
]


def read_csv(name: str) -> list[dict[str, str]]:
    with (REFERENCE / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


class Corpus:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        identifiers = read_csv("identifiers.csv")
        self.cities = [r["name"] for r in identifiers if r["type"] == "city"]
        self.universities = [(r["name"], r["city"]) for r in identifiers if r["type"] == "university"]
        self.aliases: dict[str, list[str]] = {}
        for row in read_csv("aliases.csv"):
            self.aliases.setdefault(row["canonical"], []).append(row["alias"])
        self.reported = [0] * len(DECLARATIONS)  # releases written so far about each declaration

    def person(self) -> str:
        return f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)}"

    def uni_name(self, name: str) -> str:
        """The name as a release might write it: canonical, an alias, or misspelt."""
        roll = self.rng.random()
        if roll < 0.2 and name in self.aliases:
            return self.rng.choice(self.aliases[name])
        if roll < 0.27 and len(name) > 12:
            cut = self.rng.randrange(4, len(name) - 2)
            return name[:cut] + name[cut + 1 :]
        return name

    def alias(self, name: str) -> str:
        """The name as running text writes it: canonical or a short form, spelt right."""
        if self.rng.random() < 0.2 and name in self.aliases:
            return self.rng.choice(self.aliases[name])
        return name

    def amount(self) -> str:
        value = self.rng.choice([3, 5, 12, 26, 40, 57])
        qualifier = self.rng.choice(["", "almost ", "more than ", "around ", "nearly "])
        style = self.rng.choice(["per cent", "%", " percent"])
        return f"{qualifier}{value}{'' if style == '%' else ' '}{style.strip() if style != '%' else '%'}"

    def money(self) -> str:
        value = self.rng.choice([1.5, 2, 4.8, 14, 100])
        return self.rng.choice([f"£{value}bn", f"£{value} billion", f"£{int(value * 1000)}m"])

    def count(self, n: int) -> str:
        return WORDS.get(n, str(n)) if self.rng.random() < 0.5 else str(n)

    def quote_block(self, speaker: str, role: str, org: str) -> str:
        honorific = self.rng.choice(["Professor", "Prof", "Dr", "Professor Sir", "Dame", "Mr", "Ms", ""])
        if role in CITY_ROLES:
            honorific = self.rng.choice(["Councillor", "Cllr", "Cllr"])
        named = f"{honorific} {speaker}".strip()
        saying = self.rng.choice(
            [
                "This partnership shows what our city and its universities can do together.",
                "We are ready to work with government on a recovery that reaches every community.",
                "Research and skills are how we build a fairer economy after the pandemic.",
            ]
        )
        form = self.rng.randrange(3)
        if form == 0:
            return f"{named}, {role} of {org}, said: \u201c{saying}\u201d"
        if form == 1:
            return f"{role} of {org}, {named}, said: \u201c{saying}\u201d"
        return f"\u201c{saying}\u201d said {named}, the {role.lower()} at {org}."

    def civic_release(self, index: int) -> tuple[str, str]:
        """A city's universities and council back a plan."""
        rng = self.rng
        city = rng.choice(self.cities)
        local = [u for u in self.universities if u[1] == city] or [rng.choice(self.universities)]
        signers = rng.sample(self.universities, k=rng.randint(2, 6))
        for uni in local:
            if uni not in signers:
                signers.append(uni)
        proposal = rng.choice(PROPOSALS)
        slug = f"{index:05d}-{city.lower().replace(' ', '-')}-{proposal.split()[-1]}"
        lines = [
            f"https://news.example.ac.uk/{slug}",
            f"{city} universities and council back {proposal}",
            f"Published {rng.randint(1, 28)} {rng.choice(['March', 'June', 'September', 'November'])} "
            f"{rng.choice([2019, 2020, 2021, 2022])}",
            "",
            f"Universities in {city} have joined {city} City Council to call on government to fund "
            f"{proposal} {rng.choice(PURPOSES)}. The {self.count(len(signers))} institutions say "
            f"the plan could add {self.money()} to the regional economy.",
            "",
            f"The city's universities teach {self.amount()} of students in the region, and "
            f"{rng.choice(['almost', 'more than', 'over'])} {rng.randint(5, 60) * 1000:,} people "
            "work in them.",
        ]
        if rng.random() < 0.5:
            lines += ["", rng.choice(NOISE)]
        lines += ["", self.quote_block(self.person(), rng.choice(UNI_ROLES), self.uni_name(local[0][0]))]
        lines += ["", self.quote_block(self.person(), rng.choice(CITY_ROLES), f"{city} City Council")]
        if rng.random() < 0.4:
            lines += ["", rng.choice(NOISE)]
        lines += ["", "The declaration is signed by:", ""]
        lines += [f"- {self.uni_name(name)}" for name, _ in signers]
        lines += [
            "",
            f"Notes to editors: for more information contact the press office on 0113 {rng.randint(100, 999)} {rng.randint(1000, 9999)}.",
        ]
        return slug, "\n".join(lines) + "\n"

    def release(self, index: int) -> tuple[str, str]:
        """Odd releases are civic news; even ones report the declarations, each in turn."""
        if index % 2:
            return self.civic_release(index)
        which = (index // 2 - 1) % len(DECLARATIONS)
        nth = self.reported[which]
        self.reported[which] += 1
        return self.declaration_release(index, DECLARATIONS[which], nth)

    def said(self, named: str, role: str, org: str, saying: str) -> str:
        """An attributed quote, the role before or after the name."""
        form = self.rng.randrange(4)
        if form == 0:
            return f"{named}, {role} of {org}, said: \u201c{saying}\u201d"
        if form == 1:
            return f"{role} of {org}, {named}, said: \u201c{saying}\u201d"
        if form == 2:
            return f"{role} {named} of {org} said: \u201c{saying}\u201d"
        return f"\u201c{saying}\u201d said {named}, {role} of {org}."

    def declaration_release(self, index: int, decl: Declaration, nth: int) -> tuple[str, str]:
        """News of a joint declaration: who convened it, who signed, what it asks for and of whom.

        `nth` counts the releases already written about this declaration: the counts cycle
        through the declaration's variants with it, so the next release disagrees with this one.
        """
        rng = self.rng
        universities = decl.universities[nth % len(decl.universities)]
        cities = decl.city_counts[nth % len(decl.city_counts)]
        signed = decl.signatory_counts[nth % len(decl.signatory_counts)]
        convener = rng.choice(decl.forms)
        convener_start = "The " + convener[4:] if convener.startswith("the ") else convener
        publisher_city = rng.choice(decl.cities)
        council = rng.choice(decl.councils)
        members = [name for name in decl.signatories if "University" in name and "(" not in name]
        member = rng.choice(members)
        named = rng.random() < 0.5
        declaration = f"the {decl.named}" if named else "a joint declaration"
        slug = f"{index:05d}-{decl.convener.lower().replace(' ', '-')}-declaration"
        year = rng.choice([2020, 2021, 2022])
        month = rng.choice(["February", "May", "October", "December"])
        lines = [f"https://news.example.org/{year}/{slug}"]
        if rng.random() < 0.3:
            lines += ["Home > News > Partnerships"]
        lines += [
            rng.choice(
                [
                    f"{member} signs up to {decl.convener} declaration",
                    f"Cities and universities set out a joint plan for {publisher_city} and beyond",
                    f"{self.count(universities).capitalize()} universities back {decl.convener} call to government",
                ]
            ),
            rng.choice(
                [
                    f"Published {rng.randint(1, 28)} {month} {year}",
                    f"Posted: {rng.randint(1, 28)} {month} {year}",
                    "",
                ]
            ),
            "",
        ]
        lead = rng.randrange(3)
        if lead == 0:
            lines.append(
                f"{member} has become one of {self.count(universities)} universities to sign {declaration} "
                f"with {convener}, calling on government to work with cities and universities on the recovery."
            )
        elif lead == 1:
            lines.append(
                f"{convener_start} and {self.count(universities)} of their universities have set out "
                f"{declaration} asking government to let the {self.count(cities)} cities lead the recovery."
            )
        else:
            lines.append(
                f"In {declaration} published today, {convener} and {self.count(universities)} universities "
                f"call on government ministers to back research and skills in the regions."
            )
        shown = rng.sample(decl.cities, k=min(4, len(decl.cities)))
        economy = f"{rng.choice(['', 'almost ', 'around '])}{decl.economy} per cent"
        students = (
            f"{rng.choice(['', 'almost ', 'more than '])}{decl.students}{rng.choice(['%', ' per cent'])}"
        )
        lines += [
            "",
            f"The {self.count(cities)} cities, which include {', '.join(shown[:-1])} and {shown[-1]}, "
            f"already account for {economy} of the UK economy and are home to {students} of the "
            "country's university students.",
            "",
        ]
        titled = rng.sample(decl.proposals, k=min(2, len(decl.proposals)))
        ask = rng.choice(decl.asks)
        first, purpose = titled[0]
        lines.append(
            rng.choice(
                [
                    f"Writing to government ministers, the partners propose new {first} {purpose}.",
                    f"The declaration asks government for {first} {purpose}.",
                    f"In the declaration the signatories call for {first} {purpose}.",
                ]
            )
        )
        if len(titled) > 1:
            second, second_purpose = titled[1]
            lines[-1] += f" They also want a {second} {second_purpose}."
        lines[-1] += (
            f" {rng.choice(['They are also calling for', 'The partners also propose', 'They also urge'])} {ask}."
        )
        if rng.random() < 0.5:
            lines += [
                "",
                rng.choice(
                    [
                        "Pictured: leaders at the signing, left to right",
                        "Photo: the partners at the launch (credit: press office)",
                        "Image credit: city council photography",
                    ]
                ),
            ]
        chair = f"{rng.choice(['Councillor', 'Cllr'])} {decl.chair}"
        leader = f"{rng.choice(['Councillor', 'Cllr'])} {self.person()}"
        head = f"{rng.choice(['Professor', 'Prof', 'Professor Dame', 'Professor Sir', 'Dr'])} {self.person()}"
        lines += ["", self.said(chair, "Chair", decl.convener, rng.choice(SAYINGS))]
        if rng.random() < 0.4 and lines[-1].endswith("\u201d"):  # one quote over two paragraphs
            lines[-1] = lines[-1].removesuffix("\u201d")
            lines += ["", f"\u201c{rng.choice(SAYINGS_MORE)}\u201d"]
        lines += ["", self.said(leader, rng.choice(COUNCIL_ROLES), council, rng.choice(SAYINGS))]
        lines += ["", self.said(head, rng.choice(UNI_ROLES), self.alias(member), rng.choice(SAYINGS))]
        if rng.random() < 0.5:
            lines += ["", "READ MORE", rng.choice(HEADLINES)]
        elif rng.random() < 0.5:
            lines += ["", f"READ MORE: {rng.choice(HEADLINES)}"]
        lines += [
            "",
            f"{council} is also a signatory to the declaration, which all {self.count(signed)} "
            "signatories will present to ministers.",
            "",
            rng.choice(
                [
                    "The declaration has been signed by:",
                    f"The declaration is available on the {decl.convener} website and has been signed by:",
                    "Signatories include:",
                ]
            ),
            "",
        ]
        bullet = rng.choice(["", "\u2022 ", "- "])
        lines += [
            f"{bullet}{self.uni_name(name) if name.startswith('University') or name.endswith('University') else name}"
            for name in decl.signatories
        ]
        lines += [
            "",
            f"{decl.convener} is an alliance of {self.count(len(decl.cities))} cities - "
            f"{', '.join(decl.cities[:-1])} and {decl.cities[-1]}.",
            "",
            f"For more information contact {self.person()}, {rng.choice(PRESS_ROLES)} at {council}, "
            f"on 0{rng.randint(113, 191)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}.",
            "",
            "Notes to editors",
            f"{decl.convener} speaks for its member cities on research, skills and investment.",
        ]
        return slug, "\n".join(lines) + "\n"


def generate(n: int, seed: int, out: Path) -> list[Path]:
    corpus = Corpus(seed)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for index in range(1, n + 1):
        slug, text = corpus.release(index)
        path = out / f"{slug}.txt"
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, required=True, help="number of releases")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    written = generate(args.n, args.seed, args.out)
    print(f"{len(written)} releases in {args.out}")


if __name__ == "__main__":
    main()
