"""Random valid scenarios for tests, grown from the small Dales scenario (tests/data/dales).

A hypothesis strategy draws a `Shape` (which organisations, the calendar, the deadlines, the names, the kind
labels, the phases' minutes, a few cards); `write_scenario` turns it into a scenario folder that must validate
with no error, so that every front end can be tried on content no one wrote by hand.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import tomli_w
from attrs import frozen
from hypothesis import strategies as st

DALES = Path(__file__).parent / "data" / "dales"

SYLLABLES = ("ash", "brack", "cor", "dun", "elm", "fen", "gar", "hol", "kel", "lin", "mor", "nor", "pen", "ros", "tor")
ENDINGS = ("by", "combe", "ford", "ham", "ley", "mere", "stow", "ton", "wick", "worth")
SECOND_PROVIDER_KINDS = ("private", "community", "mental_health", "gp_provider", "csu")
OVERSEER_KINDS = ("cqc", "hwb", "healthwatch", "nhscb")
WORDS = ("board", "panel", "body", "office", "circle", "forum", "trust", "group", "house", "guild")
ROLE_WORDS = {
    "consortium": "Care Group",
    "acute": "General Hospital",
    "private": "Clinics Ltd",
    "community": "Community Care",
    "mental_health": "Minds Service",
    "gp_provider": "Practices Company",
    "monitor": "Market Office",
    "cqc": "Care Inspectors",
    "hwb": "Wellness Table",
    "healthwatch": "Patients' Voice",
    "csu": "Support Unit",
    "nhscb": "Area Office",
}


@frozen
class Shape:
    """What one generated scenario is made of: everything the strategy drew, before it is written out."""

    places: tuple[str, ...]
    """Invented place names, one per organisation and one for the scenario (distinct)."""
    second_group: bool
    private: bool
    regulator: bool
    second_provider: str | None
    overseer: str | None
    start: tuple[int, int]
    months: int
    plan_deadline: int | None
    contract_deadline: int | None
    labels: dict[str, tuple[str, str]]
    minutes: tuple[int, ...]
    cards: tuple[tuple[int, int, int], ...]
    """(month index, which care provider kind decides, size of its effects) for each extra card."""

    @property
    def kinds(self) -> set[str]:
        kinds = {"consortium", "acute"}
        kinds |= {"private"} if self.private else set()
        kinds |= {"monitor"} if self.regulator else set()
        kinds |= {k for k in (self.second_provider, self.overseer) if k}
        return kinds


@st.composite
def shapes(draw: st.DrawFn) -> Shape:
    """A random Dales-like scenario: any supported mix of organisations, 2-6 months from any start."""
    place = st.builds(lambda a, b: (a + b).capitalize(), st.sampled_from(SYLLABLES), st.sampled_from(ENDINGS))
    places = draw(st.lists(place, min_size=8, max_size=8, unique=True))
    months = draw(st.integers(2, 6))
    second_provider = draw(st.none() | st.sampled_from(SECOND_PROVIDER_KINDS))
    overseer = draw(st.none() | st.sampled_from(OVERSEER_KINDS))
    private = draw(st.booleans())
    kinds = ["consortium", "acute"] + (["private"] if private else []) + [k for k in (second_provider,) if k]
    label_kinds = draw(st.lists(st.sampled_from(kinds + [k for k in (overseer,) if k]), unique=True, max_size=3))
    word = st.sampled_from(WORDS)
    labels = {k: (f"{draw(place).lower()} {draw(word)}", f"{draw(place).lower()} {draw(word)}s") for k in label_kinds}
    deadline = st.none() | st.integers(1, months - 1)
    cards = draw(st.lists(st.tuples(st.integers(0, months - 1), st.integers(0, 9), st.integers(1, 3)), max_size=3))
    regulator = draw(st.booleans())
    return Shape(
        places=tuple(places),
        second_group=draw(st.booleans()),
        private=private,
        regulator=regulator,
        second_provider=second_provider,
        overseer=overseer,
        start=(draw(st.integers(2015, 2040)), draw(st.integers(1, 12))),
        months=months,
        plan_deadline=draw(deadline) if regulator else None,  # plans need someone to judge them
        contract_deadline=draw(deadline),
        labels=labels,
        minutes=tuple(draw(st.lists(st.integers(1, 9), min_size=5, max_size=5))),
        cards=tuple(cards),
    )


def _month(shape: Shape, index: int) -> str:
    year, month = shape.start
    year, month = year + (month - 1 + index) // 12, (month - 1 + index) % 12 + 1
    return f"{year:04d}-{month:02d}"


def _read(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def _write(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(tomli_w.dumps(data), encoding="utf-8")


def _roles(shape: Shape) -> dict[str, dict[str, Any]]:
    """The Dales' roles that the shape keeps, and the organisations it adds, by their Dales ids."""
    roles = {name: _read(DALES / "roles" / f"{name}.toml") for name in ("lower_dale", "dale_infirmary")}
    if shape.second_group:
        roles["upper_dale"] = _read(DALES / "roles" / "upper_dale.toml")
    if shape.private:
        roles["swift_care"] = _read(DALES / "roles" / "swift_care.toml")
    if shape.regulator:
        roles["fair_market_office"] = _read(DALES / "roles" / "fair_market_office.toml")
    if shape.second_provider:
        extra = _read(DALES / "roles" / "swift_care.toml")
        extra["kind"] = shape.second_provider
        extra["services"] = ["outpatient"]
        if shape.second_provider == "csu":  # a support unit sells its services to the groups, not care
            del extra["services"], extra["quality"]
        roles["second_provider"] = extra
    if shape.overseer:
        roles["overseer"] = {
            "kind": shape.overseer,
            "goals": ["Speak for the valley's patients."],
            "powers": ["inspect", "impose_sanction", "lift_sanction"] if shape.overseer == "cqc" else [],
            "brief": {"public": "A watchful body.", "private": "You would rather be heard than obeyed."},
            "bot": {"cooperation": 0.5, "caution": 0.5},
        }
    if shape.plan_deadline is None:  # no plans: nobody submits or judges one
        for role in roles.values():
            role["powers"] = [p for p in role.get("powers", []) if p not in ("submit_plan", "assess_plan")]
    return roles


def _rename(shape: Shape, roles: dict[str, dict[str, Any]]) -> dict[str, str]:
    """Give every organisation an invented id, name and short name; return the old ids' new ones."""
    new_ids = {}
    for place, (old, role) in zip(shape.places[1:], roles.items(), strict=False):
        new_ids[old] = f"{place.lower()}_{role['kind']}"
        role["id"] = new_ids[old]
        role["name"] = f"{place} {ROLE_WORDS[role['kind']]}"
        role["short_name"] = place
    for role in roles.values():
        role["relationships"] = [
            r | {"role": new_ids[r["role"]]} for r in role.get("relationships", []) if r["role"] in new_ids
        ]
        if "contracts" in role:  # a contract with a firm the shape leaves out goes with it
            role["contracts"] = [c for c in role["contracts"] if c["provider"] in new_ids]
        for contract in role.get("contracts", []):
            contract["provider"] = new_ids[contract["provider"]]
            contract["ends"] = _month(shape, shape.months - 1)
    return new_ids


def _scenario(shape: Shape) -> dict[str, Any]:
    data = _read(DALES / "content" / "scenario.toml")
    kinds = shape.kinds
    data["id"] = shape.places[0].lower()
    data["title"] = f"{shape.places[0]}: a season in a made-up valley"
    data["summary"] = f"Organisations of {shape.places[0]} buy and provide care for {shape.months} months."
    data["calendar"] = {"start": _month(shape, 0), "end": _month(shape, shape.months - 1)}
    data["labels"] = {"kinds": {k: {"singular": s, "plural": p} for k, (s, p) in shape.labels.items()}}
    providers = sorted(kinds & {"acute", "private", *SECOND_PROVIDER_KINDS})
    bodies = sorted(kinds & {"monitor", *OVERSEER_KINDS})
    phases = []
    for phase, minutes in zip(data["phases"], shape.minutes, strict=True):
        phase["minutes"] = minutes
        if phase["id"] == "providers":
            phase["kinds"] = providers
        if phase["id"] == "regulator":
            if not bodies:
                continue
            phase["kinds"] = bodies
        phases.append(phase)
    data["phases"] = phases
    rules = data["rules"]
    for key, index in (("plan_deadline", shape.plan_deadline), ("contract_deadline", shape.contract_deadline)):
        rules.pop(key)
        if index is not None:
            rules[key] = _month(shape, index)
    routing = data["routing"]
    routing["meetings"][1] |= {"by": providers, "invite": providers}
    if not shape.regulator:
        routing.pop("concerns")
        routing.pop("requests")
        data.pop("ladders")
    else:
        routing["concerns"][0]["about"] = providers
        data["ladders"][0]["applies_to"] = providers
    data["economy"]["seasonality"] = {_month(shape, shape.months // 2): 2.0}
    for scheme in data["schemes"]:
        scheme["partner_kinds"] = [k for k in scheme.get("partner_kinds", []) if k in kinds]
        if not scheme["partner_kinds"]:
            scheme.pop("partner_kinds")
    if not shape.private:
        data["themes"] = [t for t in data["themes"] if t["id"] != "private_moved_fastest"]
    return data


def _deck(shape: Shape) -> dict[str, Any]:
    data = _read(DALES / "decks" / "news.toml")
    opening, pressure = data["cards"]
    opening["when"] = {"month": _month(shape, 0)}
    pressure["when"] = {"first": _month(shape, min(1, shape.months - 1)), "last": _month(shape, shape.months - 1)}
    providers = sorted(shape.kinds & {"acute", "private", *SECOND_PROVIDER_KINDS} - {"csu"})
    for n, (month, kind, amount) in enumerate(shape.cards):
        audience = providers[kind % len(providers)]  # quality and cost effects work on every care provider
        data["cards"].append(
            {
                "id": f"extra_{n}",
                "title": f"{shape.places[n + 1]} hears news",
                "text": f"Something happens in {shape.places[n + 1]} that someone must answer.",
                "audience": [audience],
                "decided_by": [audience],
                "when": {"month": _month(shape, month)},
                "options": [
                    {
                        "id": "act",
                        "label": "Spend on it",
                        "effects": [{"kind": "cost_base", "target": "self", "percent": float(amount)}],
                    },
                    {
                        "id": "wait",
                        "label": "Wait and see",
                        "effects": [{"kind": "quality", "target": "self", "amount": -amount}],
                    },
                ],
            }
        )
    return data


def write_scenario(shape: Shape, folder: Path) -> Path:
    """Write the shape as a scenario folder (content/, roles/, decks/) and return the folder."""
    roles = _roles(shape)
    _rename(shape, roles)
    _write(folder / "content" / "scenario.toml", _scenario(shape))
    _write(folder / "decks" / "news.toml", _deck(shape))
    for role in roles.values():
        _write(folder / "roles" / f"{role['id']}.toml", role)
    return folder
