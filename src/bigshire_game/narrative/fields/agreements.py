"""Fields of agreements: offers and answers, contracts, alliances, competition review and conflicts of interest."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ...vocabulary.catalogue import CARE_PROVIDER_KINDS, CONTRACT_KINDS
from ...vocabulary.causes import CARD, Cause
from ...vocabulary.events import Event
from ...vocabulary.words import listed, money
from ..naming import Words
from ..wording import plural
from .common import Fields, FieldsOf, Switches, get


def _share(kind: str, share: float, between: bool = False) -> str:
    """ "50/50" for a risk-share's split of the variance; "20%" for the part of the work a subcontract moves, or
    the part of the variance the partner carries in a risk-share between providers."""
    return f"{share:g}%" if kind == "subcontract" or between else f"{share:g}/{100 - share:g}"


def _between_providers(w: Words, parties: tuple[str, ...]) -> bool:
    roles = [w.scenario.roles.get(p) for p in parties]
    return len(roles) == 2 and all(r is not None and r.kind in CARE_PROVIDER_KINDS for r in roles)


_PAID_PER_UNIT = ("tariff", "subcontract")


def _off_tariff(kind: str, d: Mapping[str, Any]) -> bool:
    """A contract paid per unit at a price other than the national tariff: the sentence must say the price."""
    return kind in _PAID_PER_UNIT and float(get(d, "price_percent", 100.0)) != 100.0


def _offer_fields(w: Words, d: Mapping[str, Any], kind: str) -> Fields:
    share = float(get(d, "share_percent", 50.0))
    return {
        "agreement": w.agreement(get(d, "agreement"), kind),
        "offer": w.a(kind),
        "value": money(int(get(d, "annual_value", 0))),
        "share": _share(kind, share),
        "price": f"{float(get(d, 'price_percent', 100.0)):g}% of tariff",
    }


def _agreement_proposed(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    kind = str(get(d, "kind"))
    parties = tuple(get(d, "parties", ()) or w.parties(get(d, "agreement")))
    cause = getattr(e, "cause", None)
    from_card = isinstance(cause, Cause) and cause.kind == CARD
    # a card's offer comes from the provider, the second party
    proposer = parties[1] if from_card and len(parties) > 1 else (e.actors[0] if e.actors else "")
    behalf = str(get(d, "on_behalf_of"))
    to = [p for p in parties if p not in (proposer, behalf)]
    between = kind in CONTRACT_KINDS and _between_providers(w, parties)
    fields = _offer_fields(w, d, kind) | (
        {"share": _share(kind, float(get(d, "share_percent", 50.0)), True)} if between else {}
    )
    months = int(get(d, "months", 12))
    fields |= {
        "actor": w.name(proposer),
        "proposer": w.name(proposer),
        "to": w.names(to),
        "services": w.activities(get(d, "activities", ())),
        "months": plural(months, "month"),
        "cause": w.cause(getattr(e, "cause", None)),
        "behalf": w.name(behalf) if behalf else "",
        "provider": w.name(get(d, "provider")) if get(d, "provider") else "",
    }
    return (
        {
            "kind": kind,
            "contract": kind in CONTRACT_KINDS,
            "variation": bool(get(d, "variation", False)),
            "from_card": from_card,
            "conflict": bool(get(d, "conflict", False)),
            "on_behalf": bool(behalf),
            "between_providers": between,
            "holding": between and bool(parties) and parties[0] == proposer,
            "off_tariff": _off_tariff(kind, d),
        },
        fields,
    )


def _agreement_countered(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    kind = str(get(d, "kind"))
    actor = e.actors[0] if e.actors else ""
    others = [p for p in w.parties(get(d, "agreement")) if p != actor]
    return {"kind": kind}, _offer_fields(w, d, kind) | {"to": w.names(others)}


def _agreement_answered(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    kind = str(get(d, "kind"))
    aid = get(d, "agreement")
    found = w.lookup.agreements.get(str(aid))
    proposer = str(get(d, "proposer")) or (found.proposer if found else "")
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
        switches["complete"] = bool(get(d, "complete", True))
    if e.kind == "AgreementRejected":
        switches["variation"] = str(aid) in w.lookup.signed  # an agreement in force can only be varied
    if e.kind == "AgreementLapsed":
        fields["waited_for"] = w.names(get(d, "waited_for", ()))
        fields["actor"] = w.name(proposer)
    return switches, fields


def _contract_fields(w: Words, e: Event) -> tuple[str, Fields]:
    d = e.data
    found = w.lookup.agreements.get(str(get(d, "agreement")))
    kind = str(get(d, "kind")) or (found.kind if found else "")
    parties = [*list(w.parties(get(d, "agreement")) or e.actors), "", ""]
    return kind, {
        "commissioner": w.name(parties[0]),
        "provider": w.name(parties[1]),
        "agreement": w.agreement(get(d, "agreement"), kind),
    }


def _contract_signed(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    kind, fields = _contract_fields(w, e)
    share = float(get(d, "share_percent", 50.0))
    found = w.lookup.agreements.get(str(get(d, "agreement")))
    between = _between_providers(w, w.parties(get(d, "agreement")))
    fields |= {
        "value": money(int(get(d, "annual_value", 0))),
        "services": w.activities(found.activities if found else ()),
        "starts": w.month(int(get(d, "starts", e.month))),
        "share": _share(kind, share, between),
        "price": f"{float(get(d, 'price_percent', 100.0)):g}% of tariff",
    }
    return {
        "kind": kind,
        "conflict": bool(get(d, "conflict", False)),
        "declared": bool(get(d, "declared", False)),
        "between_providers": between,
        "off_tariff": _off_tariff(kind, d),
    }, fields


def _contract_varied(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    kind, fields = _contract_fields(w, e)
    fields |= {
        "value": money(int(get(d, "annual_value", 0))),
        "price": f"{float(get(d, 'price_percent', 100.0)):g}% of tariff",
    }
    return {"kind": kind}, fields


def _contract_ended(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    kind, fields = _contract_fields(w, e)
    fields["ended_by"] = w.name(get(d, "ended_by")) if get(d, "ended_by") else ""
    return {"kind": kind, "early": get(d, "reason") == "ended early"}, fields


def _contract_rolled_over(w: Words, e: Event) -> tuple[Switches, Fields]:
    kind, fields = _contract_fields(w, e)
    fields["until"] = w.month(get(e.data, "until"))
    return {"kind": kind}, fields


def _alliance_fields(w: Words, e: Event) -> tuple[str, Fields]:
    d = e.data
    kind = str(get(d, "kind"))
    members = w.parties(get(d, "agreement")) or tuple(
        p for p in e.actors if w.scenario.roles.get(p) and "review_competition" not in w.scenario.roles[p].powers
    )
    share = get(d, "share", None)
    return kind, {
        "actor": w.names(members[:1]),
        "members": w.names(members),
        "alliance": w.a(kind),
        "agreement": w.agreement(get(d, "agreement"), kind),
        "share": f"{share}%" if share is not None else "",
        "service": w.activity(get(d, "service")) if get(d, "service") else "",
    }


def _alliance_formed(w: Words, e: Event) -> tuple[Switches, Fields]:
    kind, fields = _alliance_fields(w, e)
    conditions = str(get(e.data, "conditions"))
    found = w.lookup.agreements.get(str(get(e.data, "agreement")))
    provider = get(e.data, "provider")
    return {"kind": kind, "conditional": bool(conditions)}, fields | {
        "conditions": conditions,
        "regulator": w.holder("review_competition"),
        "lead": w.name(found.proposer) if found and found.proposer else fields["actor"],
        "provider": w.name(provider) if provider else "the provider",
    }


def _alliance_ended(w: Words, e: Event) -> tuple[Switches, Fields]:
    kind, fields = _alliance_fields(w, e)
    ended_by = get(e.data, "ended_by")
    fields["ended_by"] = w.name(ended_by) if ended_by else ""
    return {"kind": kind, "early": get(e.data, "reason") == "ended early"}, fields


def _review_opened(w: Words, e: Event) -> tuple[Switches, Fields]:
    kind, fields = _alliance_fields(w, e)
    return {"kind": kind, "overlap": bool(get(e.data, "service"))}, fields | {
        "regulator": w.holder("review_competition")
    }


def _alliance_reviewed(w: Words, e: Event) -> tuple[Switches, Fields]:
    kind, fields = _alliance_fields(w, e)
    regulator = e.actors[0] if e.actors else ""
    return {"kind": kind, "outcome": str(get(e.data, "outcome"))}, fields | {
        "regulator": w.name(regulator),
        "actor": w.name(regulator),
    }


def _registration(w: Words, e: Event) -> tuple[Switches, Fields]:
    kind, fields = _alliance_fields(w, e)
    d = e.data
    registrar = e.actors[0] if e.actors else ""
    members = w.parties(get(d, "agreement")) or tuple(e.actors[1:])
    fields |= {
        "regulator": w.name(registrar) if registrar else w.holder("inspect", "the inspectors"),
        "members": w.names(members),
        "actor": w.name(registrar) if registrar else w.holder("inspect", "the inspectors"),
    }
    if e.kind == "RegistrationQuestionRaised":
        return {"kind": kind}, fields
    quality = get(d, "quality", None)
    fields |= {"quality": str(quality) if quality is not None else "", "conditions": str(get(d, "conditions"))}
    return {"kind": kind, "outcome": str(get(d, "outcome", "registered"))}, fields


def _pool_settled(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    members = w.parties(get(d, "agreement")) or e.actors
    pooled = int(get(d, "pooled", 0))
    shares = tuple(get(d, "shares", ()) or ())
    months = int(get(d, "months", 12))
    even = len(set(shares)) <= 1
    return {"surplus": pooled >= 0, "even": even}, {
        "actor": w.names(members[:1]),
        "members": w.names(members),
        "agreement": w.agreement(get(d, "agreement"), "risk_pool"),
        "pooled": money(abs(pooled)),
        "shares": "equally" if even else "in shares of " + listed((f"{float(x):g}%" for x in shares), distinct=False),
        "months": plural(months, "month"),
    }


def _conflict(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    parties = [*list(w.parties(get(d, "agreement"))), "", ""]
    fields = {
        "commissioner": w.name(parties[0]),
        "provider": w.name(get(d, "provider") or parties[1]),
        "agreement": w.agreement(get(d, "agreement")),
    }
    if e.kind == "ConflictChallenged":
        fields["challenger"] = w.name(e.actors[0]) if e.actors else ""
        return {"upheld": bool(get(d, "upheld", False))}, fields
    return {}, fields


FIELDS: dict[str, FieldsOf] = {
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
    "RegistrationQuestionRaised": _registration,
    "RegistrationDecided": _registration,
    "RiskPoolSettled": _pool_settled,
    "ConflictDeclared": _conflict,
    "ConflictChallenged": _conflict,
}
