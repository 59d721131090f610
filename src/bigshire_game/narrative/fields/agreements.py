"""Fields of agreements: offers and answers, contracts, alliances, competition review and conflicts of interest."""

from __future__ import annotations

from ...vocabulary.catalogue import CONTRACT_KINDS
from ...vocabulary.causes import CARD
from ...vocabulary.events import (
    AgreementAccepted,
    AgreementCountered,
    AgreementLapsed,
    AgreementProposed,
    AgreementRejected,
    AllianceEnded,
    AllianceFormed,
    AllianceReviewed,
    CompetitionReviewOpened,
    ConflictChallenged,
    ConflictDeclared,
    ContractEnded,
    ContractRolledOver,
    ContractSigned,
    ContractVaried,
)
from ...vocabulary.words import money
from ..naming import Words
from ..wording import plural
from .common import Fields, FieldsOf, Switches, given


def _offer_fields(w: Words, e: AgreementProposed | AgreementCountered, kind: str) -> Fields:
    share = float(given(e.share_percent, 50.0))
    return {
        "agreement": w.agreement(given(e.agreement), kind),
        "offer": w.a(kind),
        "value": money(int(given(e.annual_value, 0))),
        "share": f"{share:g}/{100 - share:g}",
        "price": f"{float(given(e.price_percent, 100.0)):g}% of tariff",
    }


def _agreement_proposed(w: Words, e: AgreementProposed) -> tuple[Switches, Fields]:
    kind = str(given(e.agreement_kind))
    parties = tuple(given(e.parties, ()) or w.parties(given(e.agreement)))
    from_card = e.cause is not None and e.cause.kind == CARD
    # a card's offer comes from the provider, the second party
    proposer = parties[1] if from_card and len(parties) > 1 else (e.actors[0] if e.actors else "")
    to = [p for p in parties if p != proposer]
    fields = _offer_fields(w, e, kind)
    months = int(given(e.months, 12))
    fields |= {
        "actor": w.name(proposer),
        "proposer": w.name(proposer),
        "to": w.names(to),
        "services": w.activities(given(e.activities, ())),
        "months": plural(months, "month"),
        "cause": w.cause(e.cause),
    }
    return (
        {
            "kind": kind,
            "contract": kind in CONTRACT_KINDS,
            "variation": bool(given(e.variation, False)),
            "from_card": from_card,
            "conflict": bool(given(e.conflict, False)),
        },
        fields,
    )


def _agreement_countered(w: Words, e: AgreementCountered) -> tuple[Switches, Fields]:
    kind = str(given(e.agreement_kind))
    actor = e.actors[0] if e.actors else ""
    others = [p for p in w.parties(given(e.agreement)) if p != actor]
    return {"kind": kind}, _offer_fields(w, e, kind) | {"to": w.names(others)}


def _agreement_answered(
    w: Words, e: AgreementAccepted | AgreementRejected | AgreementLapsed
) -> tuple[Switches, Fields]:
    kind = str(given(e.agreement_kind))
    aid = given(e.agreement)
    found = w.lookup.agreements.get(str(aid))
    lapsed = isinstance(e, AgreementLapsed)
    proposer = (str(given(e.proposer)) if lapsed else "") or (found.proposer if found else "")
    if not proposer or (e.actors and proposer == e.actors[0]):
        others = [p for p in w.parties(aid) if not e.actors or p != e.actors[0]]
        proposer = others[0] if others and not lapsed else proposer
    switches: Switches = {"kind": kind, "contract": kind in CONTRACT_KINDS}
    fields: Fields = {
        "proposer": w.name(proposer) if proposer else "",
        "agreement": w.agreement(aid, kind),
        "offer": w.a(kind),
    }
    if isinstance(e, AgreementAccepted):
        switches["complete"] = bool(given(e.complete, True))
    if isinstance(e, AgreementRejected):
        switches["variation"] = str(aid) in w.lookup.signed  # an agreement in force can only be varied
    if isinstance(e, AgreementLapsed):
        fields["waited_for"] = w.names(given(e.waited_for, ()))
        fields["actor"] = w.name(proposer)
    return switches, fields


def _contract_fields(
    w: Words, e: ContractSigned | ContractVaried | ContractEnded | ContractRolledOver
) -> tuple[str, Fields]:
    found = w.lookup.agreements.get(str(given(e.agreement)))
    own = "" if isinstance(e, ContractVaried) else str(given(e.agreement_kind))  # a variation keeps its kind
    kind = own or (found.kind if found else "")
    parties = [*list(w.parties(given(e.agreement)) or e.actors), "", ""]
    return kind, {
        "commissioner": w.name(parties[0]),
        "provider": w.name(parties[1]),
        "agreement": w.agreement(given(e.agreement), kind),
    }


def _contract_signed(w: Words, e: ContractSigned) -> tuple[Switches, Fields]:
    kind, fields = _contract_fields(w, e)
    share = float(given(e.share_percent, 50.0))
    found = w.lookup.agreements.get(str(given(e.agreement)))
    fields |= {
        "value": money(int(given(e.annual_value, 0))),
        "services": w.activities(found.activities if found else ()),
        "starts": w.month(int(given(e.starts, e.month))),
        "share": f"{share:g}/{100 - share:g}",
        "price": f"{float(given(e.price_percent, 100.0)):g}% of tariff",
    }
    return {
        "kind": kind,
        "conflict": bool(given(e.conflict, False)),
        "declared": bool(given(e.declared, False)),
    }, fields


def _contract_varied(w: Words, e: ContractVaried) -> tuple[Switches, Fields]:
    kind, fields = _contract_fields(w, e)
    fields |= {
        "value": money(int(given(e.annual_value, 0))),
        "price": f"{float(given(e.price_percent, 100.0)):g}% of tariff",
    }
    return {"kind": kind}, fields


def _contract_ended(w: Words, e: ContractEnded) -> tuple[Switches, Fields]:
    kind, fields = _contract_fields(w, e)
    fields["ended_by"] = w.name(given(e.ended_by)) if given(e.ended_by) else ""
    return {"kind": kind, "early": given(e.reason) == "ended early"}, fields


def _contract_rolled_over(w: Words, e: ContractRolledOver) -> tuple[Switches, Fields]:
    kind, fields = _contract_fields(w, e)
    fields["until"] = w.month(given(e.until))
    return {"kind": kind}, fields


def _alliance_fields(
    w: Words, e: AllianceFormed | AllianceEnded | CompetitionReviewOpened | AllianceReviewed
) -> tuple[str, Fields]:
    kind = str(given(e.agreement_kind))
    members = w.parties(given(e.agreement)) or tuple(
        p for p in e.actors if w.scenario.roles.get(p) and w.scenario.roles[p].kind != "monitor"
    )
    share = None if isinstance(e, AllianceEnded) else e.share
    service = "" if isinstance(e, AllianceEnded) else given(e.service)
    return kind, {
        "actor": w.names(members[:1]),
        "members": w.names(members),
        "alliance": w.a(kind),
        "agreement": w.agreement(given(e.agreement), kind),
        "share": f"{share}%" if share is not None else "",
        "service": w.activity(service) if service else "",
    }


def _alliance_formed(w: Words, e: AllianceFormed) -> tuple[Switches, Fields]:
    kind, fields = _alliance_fields(w, e)
    conditions = str(given(e.conditions))
    return {"kind": kind, "conditional": bool(conditions)}, fields | {"conditions": conditions}


def _alliance_ended(w: Words, e: AllianceEnded) -> tuple[Switches, Fields]:
    kind, fields = _alliance_fields(w, e)
    ended_by = given(e.ended_by)
    fields["ended_by"] = w.name(ended_by) if ended_by else ""
    return {"kind": kind, "early": given(e.reason) == "ended early"}, fields


def _review_opened(w: Words, e: CompetitionReviewOpened) -> tuple[Switches, Fields]:
    kind, fields = _alliance_fields(w, e)
    return {"kind": kind}, fields | {"regulator": w.first_of_kind("monitor")}


def _alliance_reviewed(w: Words, e: AllianceReviewed) -> tuple[Switches, Fields]:
    kind, fields = _alliance_fields(w, e)
    regulator = e.actors[0] if e.actors else ""
    return {"kind": kind, "outcome": str(given(e.outcome))}, fields | {
        "regulator": w.name(regulator),
        "actor": w.name(regulator),
    }


def _conflict(w: Words, e: ConflictDeclared | ConflictChallenged) -> tuple[Switches, Fields]:
    parties = [*list(w.parties(given(e.agreement))), "", ""]
    provider = given(e.provider) if isinstance(e, ConflictDeclared) else ""
    fields = {
        "commissioner": w.name(parties[0]),
        "provider": w.name(provider or parties[1]),
        "agreement": w.agreement(given(e.agreement)),
    }
    if isinstance(e, ConflictChallenged):
        fields["challenger"] = w.name(e.actors[0]) if e.actors else ""
        return {"upheld": bool(given(e.upheld, False))}, fields
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
    "ConflictDeclared": _conflict,
    "ConflictChallenged": _conflict,
}
