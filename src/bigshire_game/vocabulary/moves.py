"""Moves: what an organisation (or the facilitator) does, named in the imperative.

A move is plain data, so the log of a game can be saved, replayed and read.
`MOVE_TYPES` maps each class name to its class for saves and front ends.
"""

from __future__ import annotations

from typing import Any, ClassVar

from attrs import field, frozen

from .terms import Terms


@frozen(kw_only=True)
class Move:
    actor: str
    costs_action: ClassVar[bool] = True

    @property
    def name(self) -> str:
        return type(self).__name__


def _reactive(cls: type) -> type:
    """Answers to others cost no action point: they are not the organisation's own initiative."""
    cls.costs_action = False  # type: ignore[attr-defined]
    return cls


# --- agreements ----------------------------------------------------------------


@frozen(kw_only=True)
class ProposeAgreement(Move):
    """Offer a contract (to one party) or an alliance (to one or more). A lead commissioner offers a provider
    a contract `on_behalf_of` a consortium it leads for that provider."""

    kind: str
    parties: tuple[str, ...]
    terms: Terms = Terms()
    on_behalf_of: str = ""


@_reactive
@frozen(kw_only=True)
class CounterProposal(Move):
    agreement: str
    terms: Terms


@_reactive
@frozen(kw_only=True)
class AcceptProposal(Move):
    agreement: str


@_reactive
@frozen(kw_only=True)
class RejectProposal(Move):
    agreement: str


@frozen(kw_only=True)
class SignAgreement(Move):
    agreement: str


@frozen(kw_only=True)
class VaryContract(Move):
    agreement: str
    terms: Terms


@frozen(kw_only=True)
class EndAgreement(Move):
    agreement: str


@_reactive
@frozen(kw_only=True)
class DeclareConflict(Move):
    agreement: str


@frozen(kw_only=True)
class ChallengeConflict(Move):
    agreement: str


# --- the organisation's own choices ----------------------------------------------


@frozen(kw_only=True)
class InvestInScheme(Move):
    scheme: str
    partners: tuple[str, ...] = ()


@frozen(kw_only=True)
class TakeDecision(Move):
    decision: str


@_reactive
@frozen(kw_only=True)
class AnswerCard(Move):
    choice: str
    option: str


# --- talking to others -------------------------------------------------------------


@frozen(kw_only=True)
class RaiseConcern(Move):
    to: str
    about: str
    topic: str
    text: str = ""


@frozen(kw_only=True)
class RaiseRequest(Move):
    """Ask someone for something; to Monitor with a `setting`, it asks for a ruling."""

    to: str
    topic: str
    text: str = ""
    setting: str = ""


@_reactive
@frozen(kw_only=True)
class AnswerRequest(Move):
    request: str
    answer: str = ""


@frozen(kw_only=True)
class ConveneMeeting(Move):
    invitees: tuple[str, ...]
    topic: str
    text: str = ""


@_reactive
@frozen(kw_only=True)
class RespondToMeeting(Move):
    meeting: str
    attend: bool


@frozen(kw_only=True)
class AskForInformation(Move):
    """Ask any organisation to share what it knows on a topic; answering builds trust, ignoring it lets it lapse."""

    to: str
    topic: str
    text: str = ""


@frozen(kw_only=True)
class AskAboutRule(Move):
    """Ask a regulator a question about any rule, in words; it may answer, or leave it unanswered."""

    to: str
    topic: str
    rule: str


@frozen(kw_only=True)
class AskForCommitment(Move):
    """Ask organisations to commit to one of the asker's priorities (the wellbeing board's prevention)."""

    to: tuple[str, ...]
    priority: str
    text: str = ""


@_reactive
@frozen(kw_only=True)
class AnswerCommitment(Move):
    request: str
    commit: bool


@frozen(kw_only=True)
class AskForLeadCommissioner(Move):
    """A provider asks the consortia that buy from it to deal with it through a single lead commissioner."""


@frozen(kw_only=True)
class OfferToLead(Move):
    """Answer a provider's request for a single lead commissioner by offering to lead for the other consortia."""

    request: str


@frozen(kw_only=True)
class HireFormerCommissioners(Move):
    """Pay for former commissioners who know the people, to rebuild links with chosen organisations."""

    partners: tuple[str, ...]


# --- closures and opposition ---------------------------------------------------------


@frozen(kw_only=True)
class OpposeClosure(Move):
    """Register opposition to an announced closure of a site or withdrawal of a service."""

    closure: str
    grounds: str = ""


@frozen(kw_only=True)
class ProceedWithClosure(Move):
    """Go ahead with an announced closure now, whatever the opposition and the notice still to run."""

    closure: str


@frozen(kw_only=True)
class WithdrawClosure(Move):
    """Back down: the announced closure will not happen."""

    closure: str


# --- disputes ---------------------------------------------------------------------------


@frozen(kw_only=True)
class RaiseDispute(Move):
    """Claim a cost from another organisation, about an agreement (`agreement`) or about what was said."""

    against: str
    amount: int
    agreement: str = ""
    text: str = ""


@_reactive
@frozen(kw_only=True)
class AnswerDispute(Move):
    """Concede a dispute (pay what is claimed) or deny it, which sends it to the mediator."""

    dispute: str
    concede: bool


@frozen(kw_only=True)
class MediateDispute(Move):
    dispute: str
    outcome: str  # upheld | split | dismissed


# --- taking time: consultation and deadlines ---------------------------------------------


@frozen(kw_only=True)
class ConsultPractices(Move):
    """A consortium asks its member practices before it takes a decision: a month's delay, their support."""

    decision: str


@frozen(kw_only=True)
class SetDeadline(Move):
    """Agree a deadline with the other parties of an agreement, or with those who came to a meeting."""

    what: str
    due: str  # a month, "2014-01"
    agreement: str = ""
    meeting: str = ""


@frozen(kw_only=True)
class DeliverDeadline(Move):
    """Deliver the organisation's part of what a deadline asks for."""

    deadline: str


# --- plans and funding ---------------------------------------------------------------


@frozen(kw_only=True)
class SubmitPlan(Move):
    savings: int
    reflects_needs_assessment: bool = False


@frozen(kw_only=True)
class ChallengePlan(Move):
    consortium: str


@frozen(kw_only=True)
class BidForFunding(Move):
    amount: int


@frozen(kw_only=True)
class DecideFunding(Move):
    bid: str
    award: int


# --- regulation ----------------------------------------------------------------------


@frozen(kw_only=True)
class ImposeSanction(Move):
    ladder: str
    subject: str
    reason: str = ""


@frozen(kw_only=True)
class LiftSanction(Move):
    ladder: str
    subject: str


@frozen(kw_only=True)
class Recruit(Move):
    """Take on staff to keep up with an agenda: one more action each month, paid for from the organisation's money."""


@frozen(kw_only=True)
class Inspect(Move):
    subject: str


@frozen(kw_only=True)
class AssessPlan(Move):
    submitter: str  # whose plan: a consortium's for the Board, a trust's for Monitor


@frozen(kw_only=True)
class CallPlanUnrealistic(Move):
    """Say in public that a plan the mover has judged is unrealistic."""

    submitter: str


@frozen(kw_only=True)
class ProposeJointReview(Move):
    """Ask another regulator to review one provider together at the month's end."""

    partner: str
    subject: str
    reason: str = ""


@_reactive
@frozen(kw_only=True)
class AnswerJointReview(Move):
    review: str
    agree: bool


@frozen(kw_only=True)
class ReferToRegulator(Move):
    """Put an organisation on another regulator's agenda, with a reason."""

    to: str
    subject: str
    reason: str


@frozen(kw_only=True)
class DecideReview(Move):
    agreement: str
    outcome: str  # approved | approved_with_conditions | blocked


@frozen(kw_only=True)
class DecideRegistration(Move):
    """The CQC decides whether a new integrated body may provide care as one organisation."""

    agreement: str
    outcome: str  # registered | registered_with_conditions | refused


@frozen(kw_only=True)
class MakeRuling(Move):
    setting: str
    value: bool | int | float | str
    request: str = ""


@_reactive
@frozen(kw_only=True)
class DismissAgendaItem(Move):
    item: str


# --- turn and facilitator ------------------------------------------------------------


@_reactive
@frozen(kw_only=True)
class EndTurn(Move):
    pass


@_reactive
@frozen(kw_only=True)
class PublishCard(Move):
    """Facilitator: publish any card now."""

    card: str


@_reactive
@frozen(kw_only=True)
class AdjustFigure(Move):
    """Facilitator: change an organisation's money, quality or action points, with a reason."""

    role: str
    figure: str  # balance | quality | action_points
    amount: int
    reason: str


@_reactive
@frozen(kw_only=True)
class EndPhase(Move):
    """Facilitator: close the current phase; everyone still to act passes."""


MOVE_TYPES: dict[str, type[Move]] = {
    cls.__name__: cls
    for cls in (
        ProposeAgreement,
        CounterProposal,
        AcceptProposal,
        RejectProposal,
        SignAgreement,
        VaryContract,
        EndAgreement,
        DeclareConflict,
        ChallengeConflict,
        InvestInScheme,
        TakeDecision,
        AnswerCard,
        RaiseConcern,
        RaiseRequest,
        AnswerRequest,
        ConveneMeeting,
        RespondToMeeting,
        AskForInformation,
        AskAboutRule,
        AskForCommitment,
        AnswerCommitment,
        AskForLeadCommissioner,
        OfferToLead,
        HireFormerCommissioners,
        SubmitPlan,
        ChallengePlan,
        BidForFunding,
        DecideFunding,
        ImposeSanction,
        LiftSanction,
        Inspect,
        AssessPlan,
        CallPlanUnrealistic,
        ProposeJointReview,
        AnswerJointReview,
        ReferToRegulator,
        DecideReview,
        DecideRegistration,
        MakeRuling,
        DismissAgendaItem,
        Recruit,
        OpposeClosure,
        ProceedWithClosure,
        WithdrawClosure,
        RaiseDispute,
        AnswerDispute,
        MediateDispute,
        ConsultPractices,
        SetDeadline,
        DeliverDeadline,
        EndTurn,
        PublishCard,
        AdjustFigure,
        EndPhase,
    )
}

FACILITATOR_MOVES = frozenset({"PublishCard", "AdjustFigure", "EndPhase", "MakeRuling"})


@frozen(kw_only=True)
class Rejection:
    """A refused move: the state is unchanged, and the player is told why."""

    code: str
    move: Move
    reason: str
    details: dict[str, Any] = field(factory=dict)
