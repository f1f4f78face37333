"""Write N synthetic press releases about cities and universities, the same for the same seed.

The releases are made from the reference data in data/reference (cities, universities, aliases,
honorifics, roles) and mix the phenomena the extractor must handle: role before or after the
name, "Councillor" and "Cllr", stacked honorifics, numbers in words, "per cent", "%" and "£bn",
qualifiers ("almost", "more than"), lower-case proposal names, signatory lists, photo captions,
"READ MORE" lines and misspelt institution names.

    python benchmarks/generate_corpus.py --n 1000 --seed 1 --out benchmarks/work/corpus-1000
"""

from __future__ import annotations

import argparse
import csv
import random
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
    11: "eleven", 12: "twelve", 15: "fifteen", 20: "twenty", 21: "twenty-one", 24: "twenty-four",
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

    def release(self, index: int) -> tuple[str, str]:
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
