"""Sentences about events, written from the templates in content/narrative.toml.

Each event is turned into named fields already in words (names, £m and £k,
months, card and scheme titles, rules) and switches its template's `when` can
test; the template is then filled by a tiny `{name}` substitution, never by
str.format or eval. Ids never reach a sentence: an id nobody can name is told
as "an organisation" or "an agreement". The debrief, the headless summary and
the terminal game's month report all speak through `tell`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from attrs import frozen

from .content import Scenario, month_label, turn_label
from .content.model import Template
from .state import GameState
from .vocabulary.catalogue import ALLIANCE_KINDS, CONTRACT_KINDS, EVENT_KINDS, KINDS, RULE_SETTINGS
from .vocabulary.events import Event

Switches = dict[str, bool | str]
Fields = dict[str, str]

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
_NUMBERS = (
    "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
)  # fmt: skip


# --- plain words ------------------------------------------------------------------------------


def money(amount: int | float) -> str:
    """£k as people say it: £350k, £1.2m, £12m (whole thousands of pounds in, no sign out)."""
    amount = abs(round(amount))
    if amount < 1000:
        return f"£{amount}k"
    millions = f"{amount / 1000:.1f}".removesuffix(".0")
    return f"£{millions}m"


def balance(amount: int) -> str:
    """A balance: "£1.2m" in hand, "-£3m" in deficit, or "£0"."""
    return ("-" if amount < 0 else "") + money(amount) if amount else "£0"


def number(n: int) -> str:
    """Small numbers in words, as an account is written."""
    return _NUMBERS[n] if 0 <= n < len(_NUMBERS) else str(n)


def plural(n: int, noun: str, nouns: str | None = None) -> str:
    return f"{number(n)} {noun if n == 1 else (nouns or noun + 's')}"


def listed(items: Iterable[str], conjunction: str = "and") -> str:
    """ "A", "A and B", "A, B and C"."""
    items = [i for i in dict.fromkeys(items) if i]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def possessive(name: str) -> str:
    """ "Health Direct's", "Southern Towns'"."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def lower_first(text: str) -> str:
    """ "Cut beds" -> "cut beds", but "A&E attendances" and "NHSCB" stay as they are."""
    word = text.split(" ", 1)[0]
    if len(word) > 1 and not word[1:].islower():
        return text
    return text[:1].lower() + text[1:]


def percent(value: float) -> str:
    return f"{abs(value):g}%"


_THOUSANDS = re.compile(r"£(\d{1,3}(?:,\d{3})+|\d+)k\b")


def tidy(text: str, capital: bool = True) -> str:
    """Spaces and punctuation after substitution: an empty field leaves no gap or stray comma;
    "Towns's" becomes "Towns'", and "£2,000k" from the engine's own wording becomes "£2m"."""
    text = _THOUSANDS.sub(lambda m: money(int(m.group(1).replace(",", ""))), text)
    text = re.sub(r"(?<=\ws)'s\b", "'", text)
    text = re.sub(r"\(\s*\)", "", text)
    text = re.sub(r"[ \t]+", " ", text).strip()
    text = re.sub(r" ([.,;:!?)])", r"\1", text)
    text = re.sub(r"\( ", "(", text)
    text = re.sub(r"([.,;:])\1+", r"\1", text)
    text = re.sub(r",([.;:])", r"\1", text)
    return text[:1].upper() + text[1:] if capital else text


_LED_BY = re.compile(r"\b(?:for|with|to|of|from|about|on|at|in|by|after) \{([a-z_]+)\}")


def fill(text: str, fields: Mapping[str, str], capital: bool = True) -> str:
    """Substitute {name} placeholders; content checks have made sure every name is known.
    A field left empty takes the little word leading into it along ("worth £1m a year for {services}."
    with no services reads "worth £1m a year.", not "a year for.")."""
    text = _LED_BY.sub(lambda m: m.group(0) if fields.get(m.group(1), "") else "", text)
    return tidy(_PLACEHOLDER.sub(lambda m: fields.get(m.group(1), ""), text), capital)


# --- what ids stand for -----------------------------------------------------------------------


@frozen
class _Agreement:
    kind: str
    parties: tuple[str, ...]
    proposer: str = ""
    activities: tuple[str, ...] = ()


class Lookup:
    """What the ids inside events mean, gathered from states and events: agreements, requests, schemes."""

    def __init__(self, states: Iterable[GameState] = (), events: Iterable[Event] = ()) -> None:
        self.agreements: dict[str, _Agreement] = {}
        self.signed: set[str] = set()  # agreements that were ever in force
        self.requests: dict[str, tuple[str, str, tuple[str, ...], str]] = {}  # id -> kind, source, to, topic
        self.investments: dict[str, str] = {}  # investment id -> scheme id
        for state in states:
            self.add_state(state)
        for e in events:
            self.add_event(e)

    def add_state(self, state: GameState) -> None:
        for a in state.agreements.values():
            self.agreements.setdefault(a.id, _Agreement(a.kind, a.parties, a.proposer, a.terms.activities))
            if a.status in ("signed", "ended"):
                self.signed.add(a.id)
        for r in state.requests.values():
            self.requests.setdefault(r.id, (r.kind, r.source, r.to, r.topic))
        for s in state.schemes.values():
            self.investments.setdefault(s.id, s.scheme)

    def add_event(self, e: Event) -> None:
        d = e.data
        if e.kind == "AgreementProposed" and "parties" in d and not d.get("variation"):
            parties = tuple(d["parties"])
            proposer = parties[1] if str(d.get("source", "")).startswith("card:") and len(parties) > 1 else e.actors[0]
            found = _Agreement(str(d.get("kind", "")), parties, proposer, tuple(d.get("activities", ())))
            self.agreements.setdefault(str(d["agreement"]), found)
        elif e.kind in ("ContractSigned", "AllianceFormed"):
            self.signed.add(str(d.get("agreement")))
        elif e.kind in ("RequestRaised", "ConcernRaised", "MeetingConvened", "FundingBid"):
            rid = str(d.get("request") or d.get("meeting") or d.get("bid"))
            kind = _REQUEST_KIND[e.kind]
            self.requests.setdefault(
                rid, (kind, str(d.get("by", "")), tuple(d.get("to", ())), str(d.get("topic", "money")))
            )
        elif e.kind == "SchemeInvested":
            self.investments.setdefault(str(d["investment"]), str(d.get("scheme", "")))


_REQUEST_KIND = {
    "RequestRaised": "request",
    "ConcernRaised": "concern",
    "MeetingConvened": "meeting",
    "FundingBid": "funding",
}


class Words:
    """Names, money, months and things of the scenario, in the words the narrative file gives them."""

    def __init__(self, scenario: Scenario, lookup: Lookup | None = None) -> None:
        self.scenario = scenario
        self.lookup = lookup or Lookup()
        self.narrative = scenario.narrative

    # organisations
    def name(self, rid: object) -> str:
        role = self.scenario.roles.get(str(rid))
        return role.short_name if role else ("the facilitator" if rid == "facilitator" else "an organisation")

    def clause(self, text: object) -> str:
        """Engine or content wording made to run on inside a sentence: no capital unless it starts
        with a name ("Health Direct alleges ..."), no full stop at the end."""
        text = str(text).strip().rstrip(".")
        proper = (n for role in self.scenario.roles.values() for n in (role.short_name, role.name))
        if any(text.startswith(n) for n in proper) or text.startswith(("NHS", "CQC", "GP", "A&E")):
            return text
        return lower_first(text)

    def names(self, rids: Iterable[object]) -> str:
        return listed(self.name(r) for r in rids if r)

    def first_of_kind(self, kind: str) -> str:
        found = self.scenario.roles_of_kind(kind)
        return self.name(found[0]) if found else KINDS.get(kind, kind)

    # time
    def month(self, month: object) -> str:
        if isinstance(month, int) and not isinstance(month, bool):
            months = self.scenario.months
            return month_label(months[min(max(month, 0), len(months) - 1)]) if months else ""
        return month_label(str(month))

    def turn(self, months: Sequence[str]) -> str:
        return turn_label(tuple(months))

    # things
    def card(self, cid: object, fallback: object = "") -> str:
        card = self.scenario.cards.get(str(cid))
        return card.title if card else str(fallback or "a card")

    def option(self, cid: object, oid: object, fallback: object = "") -> str:
        card = self.scenario.cards.get(str(cid))
        option = next((o for o in card.options if o.id == oid), None) if card else None
        return option.label if option else str(fallback or "an answer")

    def activity(self, aid: object) -> str:
        activity = self.scenario.activities.get(str(aid))
        return lower_first(activity.title) if activity else "care"

    def activities(self, aids: Iterable[object]) -> str:
        return listed(self.activity(a) for a in aids)

    def scheme(self, sid: object) -> str:
        """ "the admission avoidance scheme", "the prevention programme": a scheme named as players say it."""
        scheme = self.scenario.schemes.get(str(sid))
        if scheme is None:
            return "a scheme"
        title = lower_first(scheme.title)
        last = title.rsplit(" ", 1)[-1].lower()
        return (
            f"the {title}"
            if last in ("programme", "pathway", "scheme", "service", "project")
            else f"the {title} scheme"
        )

    def topic(self, topic: object) -> str:
        return self.narrative.topics.get(str(topic), str(topic).replace("_", " "))

    def noun(self, kind: object) -> str:
        """ "block contract", "joint venture": the narrative file's word for a kind of agreement."""
        kind = str(kind)
        if kind in self.narrative.agreements:
            return self.narrative.agreements[kind]
        if kind in CONTRACT_KINDS:
            return kind.replace("_", "-") + " contract"
        return kind.replace("_", " ") if kind in ALLIANCE_KINDS else "agreement"

    def a(self, kind: object) -> str:
        noun = self.noun(kind)
        return ("an " if noun[:1].lower() in "aeiou" else "a ") + noun

    def agreement(self, aid: object, kind: object = "") -> str:
        """ "the block contract between East Bigshire and United Hospitals"."""
        found = self.lookup.agreements.get(str(aid))
        if found is None:
            return f"the {self.noun(kind)}" if kind else "an agreement"
        kind = kind or found.kind
        if found.kind in CONTRACT_KINDS:
            return f"the {self.noun(kind)} between {self.names(found.parties)}"
        return f"the {self.noun(kind)} of {self.names(found.parties)}"

    def parties(self, aid: object) -> tuple[str, ...]:
        found = self.lookup.agreements.get(str(aid))
        return found.parties if found else ()

    def ladder(self, lid: object) -> tuple[str, str, int]:
        """The ladder's title, its regulator's name and its number of steps."""
        ladder = self.scenario.ladders.get(str(lid))
        if ladder is None:
            return "a regulator's ladder", "a regulator", 0
        return ladder.title, self.first_of_kind(ladder.regulator), len(ladder.steps)

    def step(self, lid: object, level: int) -> tuple[str, str]:
        ladder = self.scenario.ladders.get(str(lid))
        if ladder is None or not 1 <= level <= len(ladder.steps):
            return "a sanction", ""
        step = ladder.steps[level - 1]
        return step.title, step.text

    # rules
    def setting(self, setting: object) -> str:
        words = self.narrative.settings.get(str(setting))
        return words.name if words else str(setting).replace("_", " ")

    def value(self, setting: object, value: object) -> str:
        kind = RULE_SETTINGS.get(str(setting))
        if isinstance(value, bool):
            return "yes" if value else "no"
        if kind is str:
            return self.month(value)
        if isinstance(value, float):
            return f"{value:g}"
        return str(value)

    def rule(self, setting: object, value: object) -> str:
        """The rule as a clause: "providers may offer prices below the national tariff"."""
        words = self.narrative.settings.get(str(setting))
        if words is None:
            return f"{self.setting(setting)} is {self.value(setting, value)}"
        if isinstance(value, bool):
            return (words.yes if value else words.no) or ""
        return fill(words.text or "", {"value": self.value(setting, value)}, capital=False)

    # causes
    def cause(self, source: object, actor: str = "") -> str:
        """Why something happened, as a phrase: 'after "Norovirus closes wards"', 'after deciding to cut beds'."""
        source = str(source or "")
        head, _, rest = source.partition(":")
        if head == "card":
            cid, _, oid = rest.partition(":")
            if oid:
                return f'after choosing "{self.option(cid, oid)}" ("{self.card(cid)}")'
            return f'after "{self.card(cid)}"'
        if head == "decision":
            return f"after deciding to {lower_first(self._decision(rest, actor))}"
        if head == "scheme":
            scheme = self.lookup.investments.get(rest)
            return f"through {self.scheme(scheme)}" if scheme else "through a scheme"
        if head in self.scenario.ladders:
            _title, regulator, _ = self.ladder(head)
            step = next((s.title for s in self.scenario.ladders[head].steps if s.id == rest), "a sanction")
            return f'under {regulator}\'s "{step}"'
        if source.startswith("ruling by "):
            return f"by {self.name(source.removeprefix('ruling by '))}'s ruling"
        if source in self.lookup.requests:
            kind = self.lookup.requests[source][0]
            return "after a meeting" if kind == "meeting" else "after an answer"
        if source == "agreement":
            return "over an agreement"
        if source == "plan challenged":
            return "after a challenged plan"
        return ""

    def _decision(self, did: str, actor: str) -> str:
        roles = [self.scenario.roles[actor]] if actor in self.scenario.roles else []
        for role in [*roles, *self.scenario.roles.values()]:
            for decision in role.decisions:
                if decision.id == did:
                    return decision.title
        return "act"


# --- fields and switches of each kind of event -------------------------------------------------


def _get(d: Mapping[str, Any], key: str, default: Any = "") -> Any:
    return d.get(key, default)


def _card_published(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    card = w.scenario.cards.get(str(_get(d, "card")))
    words = []
    for target in card.audience if card else ():
        if target == "everyone":
            words.append("everyone")
        elif target in KINDS:
            ones = w.scenario.roles_of_kind(target)
            words.append(w.name(ones[0]) if len(ones) == 1 else _kind_plural(target))
        else:
            words.append(w.name(target))
    audience = listed(words) or ("everyone" if not e.audience else w.names(e.audience))
    deck = next((x.deck.title for x in w.scenario.decks if x.deck.id == _get(d, "deck")), "")
    return (
        {"public": not e.audience, "how": str(_get(d, "how", "fixed"))},
        {"card": w.card(_get(d, "card"), _get(d, "title")), "audience": audience, "deck": lower_first(deck)},
    )


def _kind_plural(kind: str) -> str:
    label = KINDS[kind].split(",")[0]
    if label.endswith("consortium"):
        return "the " + label[:-2] + "a"
    if label.endswith("y"):
        return "the " + label[:-1] + "ies"
    return "the " + label + ("s" if not label.endswith("s") else "")


def _option_chosen(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    return (
        {"defaulted": bool(_get(d, "defaulted", False))},
        {
            "card": w.card(_get(d, "card"), _get(d, "title")),
            "option": w.option(_get(d, "card"), _get(d, "option"), _get(d, "label")),
        },
    )


def _decision_taken(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    dismissal = _get(d, "decision") == "dismiss_agenda_item"
    actor = e.actors[0] if e.actors else ""
    decision = "" if dismissal else lower_first(str(_get(d, "title")) or w._decision(str(_get(d, "decision")), actor))
    return (
        {"dismissal": dismissal},
        {
            "decision": decision,
            "subject": w.name(_get(d, "subject")) if dismissal else "",
            "reason": w.clause(_get(d, "reason")),
        },
    )


def _money_moved(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    amount = int(_get(d, "amount", 0))
    transfer = "payer" in d
    actor = str(_get(d, "payer") if transfer else _get(d, "role"))
    flow = str(_get(d, "flow"))
    return (
        {"transfer": transfer, "incoming": amount > 0 and not transfer, "caused": bool(_get(d, "source"))},
        {
            "actor": w.name(actor),
            "amount": money(amount),
            "flow": "" if flow == "transfer" else flow,
            "payer": w.name(_get(d, "payer")) if transfer else "",
            "payee": w.name(_get(d, "payee")) if transfer else "",
            "cause": w.cause(_get(d, "source"), actor),
        },
    )


def _allocation_paid(w: Words, e: Event) -> tuple[Switches, Fields]:
    return {}, {"amount": money(int(_get(e.data, "amount", 0)))}


def _contract_paid(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    payer, payee = ([*list(e.actors), "", ""])[:2]
    return {}, {
        "commissioner": w.name(payer),
        "provider": w.name(payee),
        "agreement": w.agreement(_get(d, "agreement"), _get(d, "kind"))
        if _get(d, "agreement")
        else "work without a contract",
        "amount": money(int(_get(d, "amount", 0))),
        "paid_month": w.month(_get(d, "month")),
    }


def _quality_changed(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    amount = int(_get(d, "amount", 0))
    actor = str(_get(d, "role"))
    cause, reason = w.cause(_get(d, "source"), actor), w.clause(_get(d, "reason"))
    why = cause or (f"because of {reason}" if reason else "")
    return (
        {"rising": amount > 0},
        {
            "actor": w.name(actor),
            "quality": str(_get(d, "quality")),
            "points": plural(abs(amount), "point"),
            "why": why,
            "cause": cause,  # not a placeholder: lets a consequence told under its cause drop it
        },
    )


def _cost_base_changed(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    actor = str(_get(d, "role"))
    change = int(_get(d, "change", 0))
    return (
        {"rising": change > 0, "caused": bool(_get(d, "source"))},
        {
            "actor": w.name(actor),
            "percent": percent(float(_get(d, "percent", 0.0))),
            "change": money(change),
            "cost_base": money(int(_get(d, "cost_base", 0))),
            "cause": w.cause(_get(d, "source"), actor),
        },
    )


def _demand_changed(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    referrals = bool(_get(d, "referrals", False))
    pct = float(_get(d, "percent", 0.0))
    target = str(_get(d, "role") if referrals else _get(d, "target"))
    until = int(_get(d, "until", -1)) if not referrals else -1
    return (
        {"referrals": referrals, "rising": pct > 0, "everywhere": not target, "lasting": until < 0},
        {
            "actor": w.name(target) if target else "",
            "activity": w.activity(_get(d, "activity")) if not referrals else "referrals",
            "percent": percent(pct),
            "target": w.name(target) if target else "",
            "until": w.month(until) if until >= 0 else "",
            "referral_rate": f"{float(_get(d, 'referral_percent', 100.0)):.0f}%" if referrals else "",
            "cause": w.cause(_get(d, "source"), target),
        },
    )


def _tariff_changed(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    pct = float(_get(d, "percent", 0.0))
    return (
        {"rising": pct > 0},
        {
            "activity": w.activity(_get(d, "activity")),
            "percent": percent(pct),
            "price": f"£{int(_get(d, 'price', 0)):,}",
            "previous": f"£{int(_get(d, 'previous', 0)):,}",
            "cause": w.cause(_get(d, "source")),
        },
    )


def _rule(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    setting, value, previous = _get(d, "setting"), _get(d, "value"), _get(d, "previous", None)
    return (
        {"changed": previous != value, "setting": str(setting)},
        {
            "rule": w.rule(setting, value),
            "setting": w.setting(setting),
            "value": w.value(setting, value),
            "previous": w.value(setting, previous) if previous is not None else "",
            "cause": w.cause(_get(d, "source")),
            "regulator": w.name(e.actors[0]) if e.actors else "",
        },
    )


def _trust_changed(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    pair = [*list(_get(d, "between", e.actors)), "", ""]
    amount = int(_get(d, "amount", 0))
    return (
        {"rising": amount > 0},
        {
            "first": w.name(pair[0]),
            "second": w.name(pair[1]),
            "points": plural(abs(amount), "point"),
            "trust": str(_get(d, "trust")),
            "cause": w.cause(_get(d, "source")),
        },
    )


def _offer_fields(w: Words, d: Mapping[str, Any], kind: str) -> Fields:
    share = float(_get(d, "share_percent", 50.0))
    return {
        "agreement": w.agreement(_get(d, "agreement"), kind),
        "offer": w.a(kind),
        "value": money(int(_get(d, "annual_value", 0))),
        "share": f"{share:g}/{100 - share:g}",
        "price": f"{float(_get(d, 'price_percent', 100.0)):g}% of tariff",
    }


def _agreement_proposed(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    kind = str(_get(d, "kind"))
    parties = tuple(_get(d, "parties", ()) or w.parties(_get(d, "agreement")))
    from_card = str(_get(d, "source")).startswith("card:")
    # a card's offer comes from the provider, the second party
    proposer = parties[1] if from_card and len(parties) > 1 else (e.actors[0] if e.actors else "")
    to = [p for p in parties if p != proposer]
    fields = _offer_fields(w, d, kind)
    months = int(_get(d, "months", 12))
    fields |= {
        "actor": w.name(proposer),
        "proposer": w.name(proposer),
        "to": w.names(to),
        "services": w.activities(_get(d, "activities", ())),
        "months": plural(months, "month"),
        "cause": w.cause(_get(d, "source")),
    }
    return (
        {
            "kind": kind,
            "contract": kind in CONTRACT_KINDS,
            "variation": bool(_get(d, "variation", False)),
            "from_card": from_card,
            "conflict": bool(_get(d, "conflict", False)),
        },
        fields,
    )


def _agreement_countered(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    kind = str(_get(d, "kind"))
    actor = e.actors[0] if e.actors else ""
    others = [p for p in w.parties(_get(d, "agreement")) if p != actor]
    return {"kind": kind}, _offer_fields(w, d, kind) | {"to": w.names(others)}


def _agreement_answered(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    kind = str(_get(d, "kind"))
    aid = _get(d, "agreement")
    found = w.lookup.agreements.get(str(aid))
    proposer = str(_get(d, "proposer")) or (found.proposer if found else "")
    if not proposer or (e.actors and proposer == e.actors[0]):
        others = [p for p in w.parties(aid) if not e.actors or p != e.actors[0]]
        proposer = others[0] if others and e.kind != "AgreementLapsed" else proposer
    switches: Switches = {"kind": kind, "contract": kind in CONTRACT_KINDS}
    fields: Fields = {
        "proposer": w.name(proposer) if proposer else "",
        "agreement": w.agreement(aid, kind),
        "offer": w.a(kind),
    }
    if e.kind == "AgreementAccepted":
        switches["complete"] = bool(_get(d, "complete", True))
    if e.kind == "AgreementRejected":
        switches["variation"] = str(aid) in w.lookup.signed  # an agreement in force can only be varied
    if e.kind == "AgreementLapsed":
        fields["waited_for"] = w.names(_get(d, "waited_for", ()))
        fields["actor"] = w.name(proposer)
    return switches, fields


def _contract_fields(w: Words, e: Event) -> tuple[str, Fields]:
    d = e.data
    found = w.lookup.agreements.get(str(_get(d, "agreement")))
    kind = str(_get(d, "kind")) or (found.kind if found else "")
    parties = [*list(w.parties(_get(d, "agreement")) or e.actors), "", ""]
    return kind, {
        "commissioner": w.name(parties[0]),
        "provider": w.name(parties[1]),
        "agreement": w.agreement(_get(d, "agreement"), kind),
    }


def _contract_signed(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    kind, fields = _contract_fields(w, e)
    share = float(_get(d, "share_percent", 50.0))
    found = w.lookup.agreements.get(str(_get(d, "agreement")))
    fields |= {
        "value": money(int(_get(d, "annual_value", 0))),
        "services": w.activities(found.activities if found else ()),
        "starts": w.month(int(_get(d, "starts", e.month))),
        "share": f"{share:g}/{100 - share:g}",
        "price": f"{float(_get(d, 'price_percent', 100.0)):g}% of tariff",
    }
    return {
        "kind": kind,
        "conflict": bool(_get(d, "conflict", False)),
        "declared": bool(_get(d, "declared", False)),
    }, fields


def _contract_varied(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    kind, fields = _contract_fields(w, e)
    fields |= {
        "value": money(int(_get(d, "annual_value", 0))),
        "price": f"{float(_get(d, 'price_percent', 100.0)):g}% of tariff",
    }
    return {"kind": kind}, fields


def _contract_ended(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    kind, fields = _contract_fields(w, e)
    fields["ended_by"] = w.name(_get(d, "ended_by")) if _get(d, "ended_by") else ""
    return {"kind": kind, "early": _get(d, "reason") == "ended early"}, fields


def _contract_rolled_over(w: Words, e: Event) -> tuple[Switches, Fields]:
    kind, fields = _contract_fields(w, e)
    fields["until"] = w.month(_get(e.data, "until"))
    return {"kind": kind}, fields


def _alliance_fields(w: Words, e: Event) -> tuple[str, Fields]:
    d = e.data
    kind = str(_get(d, "kind"))
    members = w.parties(_get(d, "agreement")) or tuple(
        p for p in e.actors if w.scenario.roles.get(p) and w.scenario.roles[p].kind != "monitor"
    )
    share = _get(d, "share", None)
    return kind, {
        "actor": w.names(members[:1]),
        "members": w.names(members),
        "alliance": w.a(kind),
        "agreement": w.agreement(_get(d, "agreement"), kind),
        "share": f"{share}%" if share is not None else "",
        "service": w.activity(_get(d, "service")) if _get(d, "service") else "",
    }


def _alliance_formed(w: Words, e: Event) -> tuple[Switches, Fields]:
    kind, fields = _alliance_fields(w, e)
    conditions = str(_get(e.data, "conditions"))
    return {"kind": kind, "conditional": bool(conditions)}, fields | {"conditions": conditions}


def _alliance_ended(w: Words, e: Event) -> tuple[Switches, Fields]:
    kind, fields = _alliance_fields(w, e)
    ended_by = _get(e.data, "ended_by")
    fields["ended_by"] = w.name(ended_by) if ended_by else ""
    return {"kind": kind, "early": _get(e.data, "reason") == "ended early"}, fields


def _review_opened(w: Words, e: Event) -> tuple[Switches, Fields]:
    kind, fields = _alliance_fields(w, e)
    return {"kind": kind}, fields | {"regulator": w.first_of_kind("monitor")}


def _alliance_reviewed(w: Words, e: Event) -> tuple[Switches, Fields]:
    kind, fields = _alliance_fields(w, e)
    regulator = e.actors[0] if e.actors else ""
    return {"kind": kind, "outcome": str(_get(e.data, "outcome"))}, fields | {
        "regulator": w.name(regulator),
        "actor": w.name(regulator),
    }


def _conflict(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    parties = [*list(w.parties(_get(d, "agreement"))), "", ""]
    fields = {
        "commissioner": w.name(parties[0]),
        "provider": w.name(_get(d, "provider") or parties[1]),
        "agreement": w.agreement(_get(d, "agreement")),
    }
    if e.kind == "ConflictChallenged":
        fields["challenger"] = w.name(e.actors[0]) if e.actors else ""
        return {"upheld": bool(_get(d, "upheld", False))}, fields
    return {}, fields


def _scheme(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    partners = tuple(_get(d, "partners", ()))
    fields = {
        "actor": w.name(_get(d, "investor")),
        "investor": w.name(_get(d, "investor")),
        "scheme": w.scheme(_get(d, "scheme")),
        "partners": w.names(partners),
    }
    if e.kind == "SchemeInvested":
        fields |= {"cost": money(int(_get(d, "cost", 0))), "matures": w.month(int(_get(d, "matures", e.month)))}
    if e.kind == "SchemeSavingsReleased":
        fields |= {
            "activity": w.activity(_get(d, "activity")),
            "percent": percent(float(_get(d, "reduction_percent", 0.0))),
        }
    return {"partnered": bool(partners)}, fields


def _concern_raised(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    to = tuple(_get(d, "to", ()))
    about = _get(d, "about")
    text = str(_get(d, "text")).strip()
    return (
        {"has_text": bool(text), "to_subject": to == (about,)},
        {
            "actor": w.name(_get(d, "by")),
            "by": w.name(_get(d, "by")),
            "to": w.names(to),
            "about": w.name(about),
            "topic": w.topic(_get(d, "topic")),
            "text": text.rstrip("."),
        },
    )


def _request_raised(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    text = str(_get(d, "text")).strip()
    setting = _get(d, "setting")
    return (
        {"ruling": bool(_get(d, "ruling", False)), "has_text": bool(text)},
        {
            "actor": w.name(_get(d, "by")),
            "by": w.name(_get(d, "by")),
            "to": w.names(_get(d, "to", ())),
            "topic": w.topic(_get(d, "topic")),
            "text": text.rstrip("."),
            "setting": w.setting(setting) if setting else "",
        },
    )


_ITEMS = {
    "concern": "concern",
    "request": "request",
    "meeting": "invitation to a meeting",
    "funding": "bid for funding",
}


def _request_answered(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    kind, source, to, topic = w.lookup.requests.get(
        str(_get(d, "request")), (str(_get(d, "kind", "request")), "", (), "")
    )
    answered = bool(_get(d, "answered", True))
    answerer = e.actors[0] if e.actors and answered else ""
    answer = str(_get(d, "answer")).strip()
    answer = re.sub(r"\bTrue\b", "yes", re.sub(r"\bFalse\b", "no", answer))  # a ruling's answer names its value
    return (
        {
            "item": str(_get(d, "kind", kind)),
            "answered": answered,
            "attend": bool(_get(d, "attend", False)),
            "has_answer": bool(answer),
        },
        {
            "actor": w.name(answerer or source),
            "asker": w.name(source) if source else "an organisation",
            "answerer": w.name(answerer) if answerer else "",
            "to": w.names(to),
            "item": _ITEMS.get(str(_get(d, "kind", kind)), "request"),
            "topic": w.topic(topic or _first(e.topics)),
            "answer": answer.rstrip("."),
        },
    )


def _first(items: Sequence[str]) -> str:
    return items[0] if items else ""


def _meeting_convened(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    text = str(_get(d, "text")).strip()
    return (
        {"has_text": bool(text)},
        {
            "actor": w.name(_get(d, "by")),
            "convener": w.name(_get(d, "by")),
            "invitees": w.names(_get(d, "to", ())),
            "topic": w.topic(_get(d, "topic")),
            "text": text.rstrip("."),
        },
    )


def _meeting_held(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    by = _get(d, "by")
    attendees = [a for a in _get(d, "attendees", ()) if a != by]
    declined, absent = tuple(_get(d, "declined", ())), tuple(_get(d, "absent", ()))
    return (
        {
            "nobody_came": not attendees,
            "some_declined": bool(attendees and declined),
            "some_absent": bool(attendees and absent),
        },
        {
            "actor": w.name(by),
            "convener": w.name(by),
            "attendees": w.names(attendees),
            "declined": w.names(declined),
            "absent": w.names(absent),
            "topic": w.topic(_get(d, "topic")),
        },
    )


def _plan_submitted(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    return (
        {
            "late": bool(_get(d, "late", False)),
            "needs_assessment": bool(_get(d, "reflects_needs_assessment", False)),
            "gap": int(_get(d, "gap", 0)) > 0,
        },
        {
            "consortium": w.name(_get(d, "consortium")),
            "savings": money(int(_get(d, "savings", 0))),
            "gap": money(int(_get(d, "gap", 0))),
            "credibility": str(_get(d, "credibility")),
        },
    )


def _plan_challenged(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    return {}, {
        "challenger": w.name(_get(d, "by") or (e.actors[0] if e.actors else "")),
        "consortium": w.name(_get(d, "consortium")),
        "credibility": str(_get(d, "credibility")),
        "points": plural(abs(int(_get(d, "change", 0))), "point"),
    }


def _plan_assessed(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    return (
        {"verdict": str(_get(d, "verdict"))},
        {
            "actor": w.name(_get(d, "consortium")),
            "assessor": w.name(e.actors[0]) if e.actors else "",
            "consortium": w.name(_get(d, "consortium")),
            "verdict": str(_get(d, "verdict")),
            "credibility": str(_get(d, "credibility")),
        },
    )


def _funding_bid(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    return {}, {
        "consortium": w.name(_get(d, "by")),
        "amount": money(int(_get(d, "amount", 0))),
        "to": w.names(_get(d, "to", ())),
    }


def _funding_awarded(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    awarded, requested = int(_get(d, "awarded", 0)), int(_get(d, "requested", 0))
    return (
        {"refused": awarded == 0, "in_full": awarded >= requested},
        {
            "actor": w.name(_get(d, "consortium")),
            "board": w.name(e.actors[0]) if e.actors else "",
            "consortium": w.name(_get(d, "consortium")),
            "awarded": money(awarded),
            "requested": money(requested),
        },
    )


def _agenda_item(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    regulator = str(_get(d, "regulator"))
    kind = w.scenario.roles[regulator].kind if regulator in w.scenario.roles else ""
    return (
        {"regulator": kind if kind in ("nhscb", "monitor", "cqc") else "nhscb"},
        {
            "actor": w.name(_get(d, "subject")),
            "regulator": w.name(regulator),
            "subject": w.name(_get(d, "subject")),
            "reason": w.clause(_get(d, "reason")),
        },
    )


def _inspection(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    return (
        {"rating": str(_get(d, "rating"))},
        {
            "actor": w.name(_get(d, "subject")),
            "inspector": w.name(e.actors[0]) if e.actors else "",
            "subject": w.name(_get(d, "subject")),
            "rating": str(_get(d, "rating")),
            "quality": str(_get(d, "quality")),
        },
    )


def _sanction(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    title, regulator, steps = w.ladder(_get(d, "ladder"))
    regulator = w.name(e.actors[0]) if e.actors else regulator
    level = int(_get(d, "level", 0))
    if e.kind == "SanctionLifted":
        step, text = w.step(_get(d, "ladder"), level + 1)
    else:
        step, text = w.step(_get(d, "ladder"), level)
    reason = w.clause(_get(d, "reason"))
    fields = {
        "actor": w.name(_get(d, "subject")),
        "regulator": regulator,
        "subject": w.name(_get(d, "subject")),
        "step": step,
        "ladder": title,
        "level": str(level),
        "steps": str(steps),
    }
    if e.kind == "SanctionLifted":
        return {}, fields
    return {"final": bool(_get(d, "final", False)), "has_reason": bool(reason)}, fields | {
        "step_text": text.rstrip("."),
        "reason": reason,
    }


def _incident(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    return {}, {
        "subject": w.name(_get(d, "subject") or (e.actors[0] if e.actors else "")),
        "text": str(_get(d, "text")).rstrip("."),
    }


def _month_resolved(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    result = int(_get(d, "result", 0))
    return (
        {"surplus": result >= 0},
        {
            "actor": w.name(_get(d, "role")),
            "result": money(result),
            "balance": balance(int(_get(d, "balance", 0))),
            "income": money(int(_get(d, "income", 0))),
            "spend": money(int(_get(d, "spend", 0))),
            "paid_month": w.month(_get(d, "month")),
        },
    )


def _premium(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    return {}, {
        "actor": w.name(_get(d, "role")),
        "amount": money(int(_get(d, "amount", 0))),
        "quality": str(_get(d, "quality")),
    }


_FIGURES = {"action_points": ("action", "actions"), "workload": ("item", "items")}


def _figure(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    figure = str(_get(d, "figure"))
    amount = int(_get(d, "amount", 0))
    until = int(_get(d, "until", -1))
    actor = str(_get(d, "role"))
    if figure == "balance":
        said = money(amount)
    elif figure == "quality":
        said = plural(abs(amount), "point")
    else:
        one, many = _FIGURES.get(figure, ("point", "points"))
        said = plural(abs(amount), one, many)
    return (
        {"figure": figure, "rising": amount > 0, "temporary": until >= 0},
        {
            "actor": w.name(actor),
            "figure": figure.replace("_", " "),
            "amount": said,
            "value": str(_get(d, "value")),
            "until": w.month(until) if until >= 0 else "",
            "cause": w.cause(_get(d, "source"), actor),
            "reason": str(_get(d, "reason")).rstrip("."),
        },
    )


def _turn_ended(w: Words, e: Event) -> tuple[Switches, Fields]:
    return {}, {"moves": plural(int(_get(e.data, "moves", 0)), "move")}


def _game_started(w: Words, e: Event) -> tuple[Switches, Fields]:
    months = w.scenario.months
    return {}, {"scenario": w.scenario.title, "start": w.month(0), "end": w.month(len(months) - 1)}


def _month_started(w: Words, e: Event) -> tuple[Switches, Fields]:
    return {}, {"turn": w.turn(tuple(_get(e.data, "months", ())) or (w.scenario.months[e.month],))}


def _phase_started(w: Words, e: Event) -> tuple[Switches, Fields]:
    return {}, {"phase": lower_first(str(_get(e.data, "phase_title")))}


def _seat(w: Words, e: Event) -> tuple[Switches, Fields]:
    return {}, {"seat": str(_get(e.data, "seat"))}


def _nothing(w: Words, e: Event) -> tuple[Switches, Fields]:
    return {}, {}


_FIELDS: dict[str, Callable[[Words, Event], tuple[Switches, Fields]]] = {
    "GameStarted": _game_started,
    "MonthStarted": _month_started,
    "PhaseStarted": _phase_started,
    "TurnStarted": _nothing,
    "TurnEnded": _turn_ended,
    "CardPublished": _card_published,
    "OptionChosen": _option_chosen,
    "DecisionTaken": _decision_taken,
    "MoneyMoved": _money_moved,
    "AllocationPaid": _allocation_paid,
    "ContractPaid": _contract_paid,
    "QualityChanged": _quality_changed,
    "CostBaseChanged": _cost_base_changed,
    "DemandChanged": _demand_changed,
    "TariffChanged": _tariff_changed,
    "RuleChanged": _rule,
    "TrustChanged": _trust_changed,
    "AgreementProposed": _agreement_proposed,
    "AgreementCountered": _agreement_countered,
    "AgreementAccepted": _agreement_answered,
    "AgreementRejected": _agreement_answered,
    "AgreementLapsed": _agreement_answered,
    "ContractSigned": _contract_signed,
    "ContractVaried": _contract_varied,
    "ContractEnded": _contract_ended,
    "ContractRolledOver": _contract_rolled_over,
    "AllianceFormed": _alliance_formed,
    "AllianceEnded": _alliance_ended,
    "CompetitionReviewOpened": _review_opened,
    "AllianceReviewed": _alliance_reviewed,
    "ConflictDeclared": _conflict,
    "ConflictChallenged": _conflict,
    "SchemeInvested": _scheme,
    "SchemeSavingsReleased": _scheme,
    "SchemeFailed": _scheme,
    "ConcernRaised": _concern_raised,
    "RequestRaised": _request_raised,
    "RequestAnswered": _request_answered,
    "MeetingConvened": _meeting_convened,
    "MeetingHeld": _meeting_held,
    "PlanSubmitted": _plan_submitted,
    "PlanChallenged": _plan_challenged,
    "PlanAssessed": _plan_assessed,
    "FundingBid": _funding_bid,
    "FundingAwarded": _funding_awarded,
    "AgendaItemAdded": _agenda_item,
    "InspectionHeld": _inspection,
    "SanctionImposed": _sanction,
    "SanctionLifted": _sanction,
    "IncidentOccurred": _incident,
    "MonthResolved": _month_resolved,
    "QualityPremiumPaid": _premium,
    "FigureAdjusted": _figure,
    "RulingMade": _rule,
    "SeatTakenOver": _seat,
    "Passed": _nothing,
    "GameEnded": _nothing,
}


# --- telling ---------------------------------------------------------------------------------------


@frozen
class Told:
    """One event in words: the template chosen, its fields, and the sentence."""

    event: Event
    template: Template | None
    fields: dict[str, str]
    text: str


def fields_of(words: Words, e: Event) -> tuple[Switches, Fields]:
    """The switches and fields of one event, with the ones every event has."""
    switches, fields = _FIELDS.get(e.kind, _nothing)(words, e)
    common = {
        "actor": words.name(e.actors[0]) if e.actors else "",
        "actors": words.names(e.actors),
        "month": words.month(e.month),
    }
    return switches, common | fields


def choose(templates: Sequence[Template], switches: Mapping[str, object]) -> Template | None:
    """The most specific template whose `when` all match; the first among equals."""
    best: Template | None = None
    for template in templates:
        matches = all(
            k in switches and switches[k] == v and type(switches[k]) is type(v) for k, v in template.when.items()
        )
        if matches and (best is None or len(template.when) > len(best.when)):
            best = template
    return best


def tell(words: Words, e: Event) -> Told:
    switches, fields = fields_of(words, e)
    template = choose(words.scenario.templates.get(e.kind, ()), switches)
    if template is None:
        return Told(e, None, fields, tidy(EVENT_KINDS.get(e.kind, "something happened") + "."))
    return Told(e, template, fields, fill(template.text, fields))


def sentence(scenario: Scenario, e: Event, lookup: Lookup | None = None) -> str:
    """One event as one sentence."""
    return tell(Words(scenario, lookup), e).text


def _key(t: Told) -> tuple:
    """What must agree for events to be told together (see `gather`)."""
    template = t.template
    if template is None or template.together is None:
        return ("text", t.text)
    skip = {template.group_by, template.detail, "count"}
    used = [p for p in _PLACEHOLDER.findall(template.together) if p not in skip]
    return ("group", id(template), tuple(t.fields.get(p, "") for p in used))


def _together(members: Sequence[Told]) -> list[str]:
    first = members[0]
    template = first.template
    if template is None or template.together is None:
        return [first.text]
    values = list(dict.fromkeys(m.fields.get(template.group_by, "") for m in members))
    if len(values) == 1:
        return list(dict.fromkeys(m.text for m in members))
    fields = dict(first.fields)
    if template.detail is not None:
        details = {m.fields.get(template.group_by, ""): m.fields.get(template.detail, "") for m in members}
        if len(set(details.values())) == 1:
            fields[template.group_by] = f"{listed(values)} ({next(iter(details.values()))} each)"
        else:
            fields[template.group_by] = listed(f"{v} ({details[v]})" for v in values)
    else:
        fields[template.group_by] = listed(values)
    fields["count"] = number(len(values))
    return [fill(template.together, fields)]


def gather(told: Sequence[Told]) -> list[str]:
    """Sentences in order, with like events told once: "East Bigshire, North Vale and West Bigshire each ..."

    Events are alike when they chose the same template and agree on every placeholder its
    `together` sentence uses, except the one it gathers by (`group_by`, the organisation by
    default), whose values are listed, and its `detail`, given for each in brackets. A
    template without `together` never gathers; identical sentences are told once.
    """
    return [text for _, text, _ in gather_tree([(t, []) for t in told])]


def gather_tree(items: Sequence[tuple[Told, Sequence[Told]]]) -> list[tuple[list[Told], str, list[str]]]:
    """Like `gather`, for events each with the consequences told beneath them (without their cause).

    Returns (the events gathered, the sentence, the consequences' sentences)."""
    groups: dict[tuple, list[tuple[Told, Sequence[Told]]]] = {}
    for item in items:
        groups.setdefault(_key(item[0]), []).append(item)
    out: list[tuple[list[Told], str, list[str]]] = []
    seen: set[str] = set()
    for members in groups.values():
        texts = _together([m for m, _ in members])
        if len(texts) == 1:
            parts = [([m for m, _ in members], texts[0], [c for _, kids in members for c in kids])]
        else:  # one organisation's events that differ: each told on its own
            parts = [([m], m.text, list(kids)) for m, kids in members]
        for parents, text, children in parts:
            if text not in seen:
                seen.add(text)
                out.append((parents, text, gather([_without_cause(c) for c in children])))
    return out


def _without_cause(t: Told) -> Told:
    """The consequence told beneath its cause, so without "after ..."."""
    if t.template is None:
        return t
    fields = dict(t.fields)
    cause = fields.get("cause", "")
    fields["cause"] = ""
    if cause and fields.get("why") == cause:
        fields["why"] = ""
    return Told(t.event, t.template, fields, fill(t.template.text, fields))
