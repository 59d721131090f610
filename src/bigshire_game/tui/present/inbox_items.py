"""The inbox: what waits on an organisation (cards, proposals, requests, meetings, bids, its agenda, reviews),
each with the legal moves that answer it."""

from __future__ import annotations

from collections.abc import Sequence

from attrs import frozen

from ...content import Scenario
from ...state import Agreement, GameState
from ...vocabulary.moves import AcceptProposal, Move, Rejection, SignAgreement
from .wording import agreement_words, kind_words, money, names, possessive, rule_words, short, terms_words, words


@frozen
class InboxItem:
    """Something waiting on an organisation, with the legal moves that answer it."""

    key: str
    kind: str  # card | proposal | concern | request | meeting | funding | joint_review | dispute | agenda | review
    title: str
    detail: str
    moves: tuple[Move, ...]
    together: tuple[tuple[Move, ...], ...] = ()  # moves offered as one step: accept and sign

    @property
    def choices(self) -> tuple[tuple[Move, ...], ...]:
        """What the answer form lists: the one-step pairs first, then each move alone."""
        return (*self.together, *((m,) for m in self.moves))


_ANSWER_FIELD = {
    "AnswerCard": "choice",
    "AcceptProposal": "agreement",
    "RejectProposal": "agreement",
    "CounterProposal": "agreement",
    "SignAgreement": "agreement",
    "DecideReview": "agreement",
    "AnswerRequest": "request",
    "AnswerCommitment": "request",
    "OfferToLead": "request",
    "RespondToMeeting": "meeting",
    "DecideFunding": "bid",
    "MakeRuling": "request",
    "DismissAgendaItem": "item",
    "AnswerJointReview": "review",
    "AnswerDispute": "dispute",
    "MediateDispute": "dispute",
}


def _answering(legal: Sequence[Move], key: str) -> tuple[Move, ...]:
    return tuple(m for m in legal if _ANSWER_FIELD.get(m.name) and getattr(m, _ANSWER_FIELD[m.name]) == key)


def inbox(scenario: Scenario, state: GameState, role: str, legal: Sequence[Move]) -> list[InboxItem]:
    """Cards to answer, proposals awaiting the role, requests, meetings and bids addressed to it, its agenda."""
    items: list[InboxItem] = []
    for choice in state.pending.values():
        if choice.role != role:
            continue
        card = scenario.cards.get(choice.card)
        default = next((o.label for o in card.options if o.id == choice.default), choice.default) if card else ""
        items.append(
            InboxItem(
                choice.id,
                "card",
                f"Card: {card.title if card else choice.card}",
                f"{card.text if card else ''}\n\nIf you do not choose by the end of your turn: {default}.",
                _answering(legal, choice.id),
            )
        )
    for agreement in state.agreements.values():
        waiting = role in agreement.awaiting or (role in agreement.parties and agreement.status == "agreed")
        if not waiting:
            continue
        verb = "to sign" if agreement.status == "agreed" else ("variation" if agreement.variation else "proposal")
        source = short(scenario, agreement.proposer)
        others = names(scenario, [p for p in agreement.parties if p != role])
        title = (
            f"To sign: {kind_words(agreement.kind)} with {others}"
            if agreement.status == "agreed"
            else f"{verb.capitalize()} from {source}: {kind_words(agreement.kind)}"
        )
        answers = _answering(legal, agreement.id)
        together = _accept_and_sign(scenario, state, role, agreement, answers)
        items.append(
            InboxItem(
                agreement.id,
                "proposal",
                title,
                agreement_words(scenario, agreement, role)
                + (
                    f"\nNew terms: {terms_words(scenario, agreement.kind, agreement.variation)}"
                    if agreement.variation
                    else ""
                )
                + _two_steps(scenario, agreement, role, bool(together))
                + (
                    f"\nYou answer as lead commissioner for {short(scenario, agreement.parties[0])}."
                    if role not in agreement.parties
                    else ""
                ),
                answers,
                together,
            )
        )
    for request in state.requests.values():
        if request.status != "open" or role not in request.to:
            continue
        source = short(scenario, request.source)
        if request.kind == "funding":
            title, detail = f"Funding bid from {source}: {money(request.amount)}", request.text
        elif request.kind == "meeting":
            title, detail = f"Meeting called by {source} on {words(request.topic)}", request.text
        elif request.kind == "joint_review":
            title = f"Joint review of {short(scenario, request.about)} proposed by {source}"
            detail = (request.text + "\n\n" if request.text else "") + (
                "If you agree, the two of you review it together at the month's end and publish one finding."
            )
        elif request.kind == "dispute":
            title, detail = _dispute_words(scenario, state, role, request)
        elif request.kind == "information":
            title, detail = f"{source} asks what you know about {words(request.topic)}", request.text
        elif request.kind == "question":
            title = f"Question from {source}: {request.text}"
            detail = "Answer it in words, or leave it unanswered."
        elif request.kind == "commitment":
            title = f"{source} asks you to commit to its priority: {words(request.about)}"
            detail = (request.text + "\n\n" if request.text else "") + (
                f"If you commit, your financial plan can reflect {possessive(source)} needs assessment."
            )
        elif request.kind == "lead":
            title = f"{source} asks for a single lead commissioner"
            detail = "Offer to lead for the other consortia it asked, or let the request lapse."
        elif request.setting:
            title = f"{source} asks for a ruling: {words(request.setting)}"
            detail = request.text or f"Now {rule_words(request.setting, state.rules.value(request.setting))}."
        else:
            about = f" about {short(scenario, request.about)}" if request.about else ""
            title = f"{request.kind.capitalize()} from {source}{about} ({words(request.topic)})"
            detail = request.text
        items.append(InboxItem(request.id, request.kind, title, detail, _answering(legal, request.id)))
    for item in state.agendas.values():
        if item.regulator != role or item.status != "open":
            continue
        related = tuple(
            m
            for m in legal
            if (m.name == "DismissAgendaItem" and m.item == item.id)  # type: ignore[attr-defined]
            or (
                m.name in ("ImposeSanction", "LiftSanction", "Inspect", "ProposeJointReview", "ReferToRegulator")
                and m.subject == item.subject  # type: ignore[attr-defined]
            )
            or (bool(item.agreement) and getattr(m, "agreement", None) == item.agreement)
        )
        items.append(
            InboxItem(
                item.id, "agenda", f"Agenda: {short(scenario, item.subject)} — {item.reason}", item.reason, related
            )
        )
    for agreement in state.agreements.values():
        decide = _answering([m for m in legal if m.name == "DecideReview"], agreement.id)
        if decide:
            items.append(
                InboxItem(
                    agreement.id,
                    "review",
                    f"Competition review to decide: {names(scenario, agreement.parties)}",
                    agreement_words(scenario, agreement),
                    decide,
                )
            )
    return items


ACCEPT_THEN_SIGN = (
    "Accepting and signing are two steps. Accepting agrees the terms (free); the agreement is in force "
    "only once signed, and signing costs 1 action."
)


def _accept_and_sign(
    scenario: Scenario, state: GameState, role: str, agreement: Agreement, answers: Sequence[Move]
) -> tuple[tuple[Move, ...], ...]:
    """Accept then sign, offered as one step when the engine would take both now: the proposer has agreed
    and this organisation's acceptance completes the agreement."""
    from ...engine.game import play_through

    accept = next((m for m in answers if isinstance(m, AcceptProposal)), None)
    if accept is None or agreement.variation is not None:
        return ()
    pair = (accept, SignAgreement(actor=role, agreement=agreement.id))
    return () if isinstance(play_through(state, scenario, pair), Rejection) else (pair,)


def _two_steps(scenario: Scenario, agreement: Agreement, role: str, together: bool) -> str:
    if agreement.variation is not None or role not in agreement.awaiting:
        return ""
    if together:
        return (
            f"\n\n{ACCEPT_THEN_SIGN} {short(scenario, agreement.proposer)} has already agreed, "
            "so you can accept and sign in one step."
        )
    return f"\n\n{ACCEPT_THEN_SIGN}"


def _dispute_words(scenario: Scenario, state: GameState, role: str, request) -> tuple[str, str]:
    """A dispute as its defendant or its mediator reads it: who claims what, over which agreement."""
    agreement = state.agreements.get(request.agreement)
    over = f"over the {agreement_words(scenario, agreement, role)}" if agreement else "over what they say was agreed"
    claim = f"{short(scenario, request.source)} claims {money(request.amount)} {over}"
    said = f'\n\n"{request.text}"' if request.text else ""
    if request.about == role:
        return f"Dispute from {short(scenario, request.source)}: {money(request.amount)}", (
            f"{claim}.{said}\n\nConcede and pay, or deny it and let the mediator decide."
        )
    return f"Dispute to mediate: {names(scenario, (request.source, request.about))}", (
        f"{claim} from {short(scenario, request.about)}, which denies it.{said}\n\n"
        "Uphold the claim (paid in full), split the cost (half paid) or dismiss it."
    )
