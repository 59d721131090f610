"""Regulators acting together: a joint review of one provider, and a referral from one regulator to another.

A joint review is proposed by one holder of `review_jointly` to another, waits in the partner's inbox, and, once
agreed, is held at the month's end as one finding that names both. Like an inspection, the finding is evidence:
it puts the provider on a partner's agenda only where that partner's own ladder would (its triggers hold, or, on
a quality ladder, the rating is inadequate), and only the partner's own move then climbs the ladder. A referral
(`refer`) puts an organisation straight on another regulator's agenda as an item of kind referral, which that
regulator acts on or sets aside like any other.
"""

from __future__ import annotations

from collections.abc import Container, Iterator

from ...content import Scenario
from ...state import GameState, Request, evolve, new_id
from ...state.memo import last_seen
from ...vocabulary.causes import Cause
from ...vocabulary.events import Event, event
from ...vocabulary.moves import AnswerJointReview, Move, ProposeJointReview, ReferToRegulator
from .. import Outcome, dialogue, name_of, refuse
from ..agenda import add_agenda_item, grounds, ladder_for, open_items
from ..economy import forecast
from ..effects import change_trust
from ..registry import Judge, MoveKind, at_most, no_fields, plain_fields
from ..wording import money, possessive, short
from .inspections import inspection_rating
from .ladders import level, triggered, watches_quality

KIND = "joint_review"  # the Request kind a proposal is kept as
JOINT_EVERY = 6  # months before a bot proposes another joint review of, or referral about, the same organisation


# --- who takes part --------------------------------------------------------------------------


def _regulates(state: GameState, scenario: Scenario, regulator: str, subject: str):
    """The regulator's ladder for this organisation, or None."""
    org = state.orgs.get(subject)
    return ladder_for(scenario, scenario.roles[regulator].kind, org.kind) if org is not None else None


def concerned(state: GameState, scenario: Scenario, regulator: str, subject: str) -> bool:
    """Whether the regulator already has a concern about the organisation: grounds open on its agenda, or a step
    reached on its ladder."""
    ladder = _regulates(state, scenario, regulator, subject)
    if ladder is None:
        return False
    return bool(grounds(state, scenario, regulator, subject, ladder)) or level(state, ladder.id, subject) > 0


def _partners(scenario: Scenario, role: str) -> list[str]:
    return [rid for rid, r in scenario.roles.items() if rid != role and "review_jointly" in r.powers]


def _reviews(state: GameState, a: str, b: str, subject: str) -> list[Request]:
    """Joint reviews of this organisation between these two regulators, whoever proposed them."""
    pair = {a, b}
    return [r for r in _joint_reviews(state.requests) if r.about == subject and {r.source, *r.to} == pair]


@last_seen
def _joint_reviews(requests: dict[str, Request]) -> tuple[Request, ...]:
    """Every joint review proposed, oldest first: asked about for each pair of regulators and each subject."""
    return tuple(r for r in requests.values() if r.kind == KIND)


def _pending(state: GameState, a: str, b: str, subject: str) -> bool:
    """A proposal still waiting for an answer, or agreed and not yet held."""
    return any(r.status in ("open", "answered") for r in _reviews(state, a, b, subject))


def _figures(state: GameState, scenario: Scenario, subject: str, lenses: tuple[str, ...]) -> str:
    """The organisation's figures in these lenses, as a reason: "Rated inadequate (quality 58); forecasting..."."""
    org = state.orgs[subject]
    parts = []
    if "quality" in lenses and org.quality:
        parts.append(f"rated {inspection_rating(scenario, org.quality)} (quality {org.quality})")
    if "money" in lenses:
        parts.append(f"forecasting a {_outlook(forecast(state, scenario, subject))}")
    text = "; ".join(parts) or "its figures"
    return text[:1].upper() + text[1:]


def _what_i_see(state: GameState, scenario: Scenario, regulator: str, subject: str) -> str:
    """A reason in the regulator's own words: the latest item on its agenda about the organisation, or its figures."""
    items = open_items(state, regulator, subject)
    return items[-1].reason if items else _figures(state, scenario, subject, ("quality", "money"))


# --- proposing and answering -------------------------------------------------------------------


def check_propose(state: GameState, scenario: Scenario, move: ProposeJointReview):
    if "review_jointly" not in scenario.roles[move.actor].powers:
        return refuse("no_power", move, f"{name_of(scenario, move.actor)} does not hold joint reviews.")
    partner = scenario.roles.get(move.partner)
    if move.partner == move.actor or partner is None or "review_jointly" not in partner.powers:
        takers = " or ".join(name_of(scenario, r) for r in _partners(scenario, move.actor)) or "nobody"
        return refuse(
            "not_a_partner",
            move,
            f"{name_of(scenario, move.partner)} does not review providers jointly; you can ask {takers}.",
        )
    if not (
        _regulates(state, scenario, move.actor, move.subject)
        and _regulates(state, scenario, move.partner, move.subject)
    ):
        return refuse(
            "not_regulated",
            move,
            f"{name_of(scenario, move.subject)} is not regulated by both {name_of(scenario, move.actor)} and "
            f"{name_of(scenario, move.partner)}.",
        )
    if _pending(state, move.actor, move.partner, move.subject):
        return refuse(
            "already_proposed",
            move,
            f"A joint review of {name_of(scenario, move.subject)} with {name_of(scenario, move.partner)} is already "
            "proposed or agreed.",
        )
    return None


def _topics(state: GameState, scenario: Scenario, regulators: tuple[str, ...], subject: str) -> tuple[str, ...]:
    """Quality, money or both: the remits of the regulators' ladders."""
    watching = {
        "quality" if watches_quality(ladder) else "money"
        for r in regulators
        if (ladder := _regulates(state, scenario, r, subject)) is not None
    }
    return tuple(t for t in ("quality", "money") if t in watching) or ("quality", "money")


def apply_propose(state: GameState, scenario: Scenario, move: ProposeJointReview, phase: str) -> Outcome:
    """The proposal waits in the partner's inbox; between the two regulators, not yet public."""
    rid, state = new_id(state, "R")
    topics = _topics(state, scenario, (move.actor, move.partner), move.subject)
    request = Request(
        id=rid,
        kind=KIND,
        source=move.actor,
        to=(move.partner,),
        topic=topics[0],
        about=move.subject,
        text=move.reason,
        opened=state.month_index,
    )
    state = dialogue.put_request(state, request)
    return state, [
        event(
            state,
            phase,
            "JointReviewProposed",
            (move.actor,),
            (move.actor, move.partner),
            topics,
            review=rid,
            by=move.actor,
            partner=move.partner,
            subject=move.subject,
            reason=move.reason or None,
        )
    ]


def check_answer(state: GameState, scenario: Scenario, move: AnswerJointReview):
    _, refusal = dialogue.open_request(state, scenario, move, move.review, (KIND,))
    return refusal


def apply_answer(state: GameState, scenario: Scenario, move: AnswerJointReview, phase: str) -> Outcome:
    """Agreeing is a kept promise, as answering is: trust between the two grows a little. The review itself is
    held at the month's end."""
    review = state.requests[move.review]
    if move.agree:
        answered = evolve(review, status="answered", answer="agreed", attending=(move.actor,))
    else:
        answered = evolve(review, status="closed", answer="declined", declined=(move.actor,))
    state = dialogue.put_request(state, answered)
    kind = "JointReviewAgreed" if move.agree else "JointReviewDeclined"
    topics = _topics(state, scenario, (review.source, move.actor), review.about)
    events = [
        event(
            state,
            phase,
            kind,
            (move.actor, review.source),
            (review.source, move.actor),
            topics,
            review=review.id,
            by=review.source,
            partner=move.actor,
            subject=review.about,
        )
    ]
    if move.agree:
        state, more = change_trust(
            state, scenario, move.actor, review.source, scenario.balance.answer_trust, phase, Cause.answer(review.id)
        )
        events += more
    return state, events


# --- the month's end -------------------------------------------------------------------------


def _outlook(amount: int) -> str:
    return f"deficit of {money(-amount)}" if amount < 0 else f"surplus of {money(amount)}"


def _hold(state: GameState, scenario: Scenario, review: Request, phase: str) -> Outcome:
    """One finding in both lenses, quality and money; each partner's agenda takes it where its own ladder would."""
    regulators = (review.source, *review.attending)
    subject = review.about
    org = state.orgs[subject]
    rating = inspection_rating(scenario, org.quality)
    outlook = forecast(state, scenario, subject)
    concerns = tuple(topic for topic, worrying in (("quality", rating != "good"), ("money", outlook < 0)) if worrying)
    state = dialogue.put_request(state, evolve(review, status="closed"))
    added: list[Event] = []
    for regulator in regulators:
        ladder = _regulates(state, scenario, regulator, subject)
        if ladder is None:
            continue
        quality = watches_quality(ladder)
        if not (triggered(state, scenario, ladder, subject) or (quality and rating == "inadequate")):
            continue
        other = next(r for r in regulators if r != regulator)
        reason = f"Joint review with {name_of(scenario, other)}: rated {rating}, forecasting a {_outlook(outlook)}"
        topics = ("quality",) if quality else ("money",)
        state, more = add_agenda_item(
            state, phase, "joint_review", regulator, subject, reason, ladder.id, topics, once=True
        )
        added += more
    held = event(
        state,
        phase,
        "JointReviewHeld",
        regulators,
        topics=concerns or ("quality", "money"),
        review=review.id,
        regulators=regulators,
        subject=subject,
        quality=org.quality,
        rating=rating,
        forecast=outlook,
        concerns=concerns,
        agendas=tuple(e.data["regulator"] for e in added),
        items=tuple(e.data["item"] for e in added),
    )
    return state, [held, *added]


def hold_joint_reviews(state: GameState, scenario: Scenario, phase: str) -> Outcome:
    """Month end: agreed reviews are held; proposals unanswered for `request_lapse_months` lapse."""
    events: list[Event] = []
    for review in [r for r in state.requests.values() if r.kind == KIND]:
        if review.status == "answered" and review.attending:
            state, more = _hold(state, scenario, review, phase)
            events += more
        elif review.status == "open" and state.month_index - review.opened >= scenario.balance.request_lapse_months:
            state = dialogue.put_request(state, evolve(review, status="closed"))
            events.append(
                event(
                    state,
                    phase,
                    "JointReviewDeclined",
                    (review.source,),
                    (review.source, *review.to),
                    _topics(state, scenario, (review.source, *review.to), review.about),
                    review=review.id,
                    by=review.source,
                    partner=review.to[0],
                    subject=review.about,
                    lapsed=True,
                )
            )
    return state, events


# --- referrals -----------------------------------------------------------------------------------


def _referred_by(scenario: Scenario, actor: str) -> str:
    return f"Referred by {name_of(scenario, actor)}"


def _already_referred(state: GameState, scenario: Scenario, move: ReferToRegulator) -> bool:
    return any(
        item.kind == "referral" and item.reason.startswith(_referred_by(scenario, move.actor))
        for item in open_items(state, move.to, move.subject)
    )


def check_refer(state: GameState, scenario: Scenario, move: ReferToRegulator):
    if "refer" not in scenario.roles[move.actor].powers:
        return refuse("no_power", move, f"{name_of(scenario, move.actor)} cannot refer organisations to a regulator.")
    if move.to == move.actor or move.to not in state.orgs:
        return refuse("not_a_regulator", move, "Refer the organisation to another regulator.")
    if move.subject not in state.orgs or move.subject in (move.actor, move.to):
        return refuse("bad_subject", move, "Refer an organisation other than yourself or the regulator you write to.")
    if _regulates(state, scenario, move.to, move.subject) is None:
        return refuse(
            "not_regulated",
            move,
            f"{name_of(scenario, move.to)} does not regulate {name_of(scenario, move.subject)}; refer it elsewhere.",
        )
    if not move.reason.strip():
        return refuse("no_reason", move, f"Say why you are referring {name_of(scenario, move.subject)}.")
    if _already_referred(state, scenario, move):
        return refuse(
            "already_referred",
            move,
            f"Your referral of {name_of(scenario, move.subject)} is still on {possessive(name_of(scenario, move.to))} "
            "agenda.",
        )
    return None


def apply_refer(state: GameState, scenario: Scenario, move: ReferToRegulator, phase: str) -> Outcome:
    """The referral lands on the other regulator's agenda, on its ladder for the organisation; between the two."""
    ladder = _regulates(state, scenario, move.to, move.subject)
    topics = ("quality",) if ladder is not None and watches_quality(ladder) else ("money",)
    reason = f"{_referred_by(scenario, move.actor)}: {move.reason.strip().rstrip('.')}"
    between = (move.actor, move.to)
    state, added = add_agenda_item(
        state,
        phase,
        "referral",
        move.to,
        move.subject,
        reason,
        ladder.id if ladder else "",
        topics,
        audience=between,
    )
    referred = event(
        state,
        phase,
        "ReferralMade",
        (move.actor,),
        between,
        topics,
        by=move.actor,
        to=move.to,
        subject=move.subject,
        reason=move.reason.strip(),
        item=added[0].data["item"],
    )
    return state, [referred, *added]


# --- legal moves and the kinds ------------------------------------------------------------------


def legal(state: GameState, scenario: Scenario, role: str, kinds: Container[str] | None = None) -> Iterator[Move]:
    """Joint reviews and referrals about the organisations already on this regulator's desk (on its agenda or its
    ladder), so the menu stays short; the rules themselves allow any organisation the partner regulates."""
    me = scenario.roles[role]
    proposing = "review_jointly" in me.powers and (kinds is None or "ProposeJointReview" in kinds)
    referring = "refer" in me.powers and (kinds is None or "ReferToRegulator" in kinds)
    on_desk = (
        [rid for rid in scenario.roles if rid != role and concerned(state, scenario, role, rid)]
        if proposing or referring
        else []
    )
    if proposing:
        for partner in _partners(scenario, role):
            for subject in on_desk:
                if (
                    subject != partner
                    and _regulates(state, scenario, partner, subject)
                    and not _pending(state, role, partner, subject)
                ):
                    reason = _what_i_see(state, scenario, role, subject)
                    yield ProposeJointReview(actor=role, partner=partner, subject=subject, reason=reason)
    for review in _joint_reviews(state.requests):
        if review.status == "open" and role in review.to:
            yield AnswerJointReview(actor=role, review=review.id, agree=True)
            yield AnswerJointReview(actor=role, review=review.id, agree=False)
    if referring:
        for to in scenario.roles:
            if to == role or scenario.roles[to].kind == me.kind:
                continue
            for subject in on_desk:
                if subject == to or _regulates(state, scenario, to, subject) is None:
                    continue
                lenses = _topics(state, scenario, (to,), subject)
                reason = _figures(state, scenario, subject, lenses)
                move = ReferToRegulator(actor=role, to=to, subject=subject, reason=reason)
                if not _already_referred(state, scenario, move):
                    yield move


def describe_propose(state: GameState, scenario: Scenario, move: ProposeJointReview) -> str:
    return f"Propose to {short(scenario, move.partner)} a joint review of {short(scenario, move.subject)}"


def describe_answer(state: GameState, scenario: Scenario, move: AnswerJointReview) -> str:
    review = state.requests.get(move.review)
    whose = possessive(short(scenario, review.source)) if review else "the"
    subject = short(scenario, review.about) if review else "?"
    return f"{'Agree to' if move.agree else 'Decline'} {whose} joint review of {subject}"


def describe_refer(state: GameState, scenario: Scenario, move: ReferToRegulator) -> str:
    return f"Refer {short(scenario, move.subject)} to {short(scenario, move.to)}"


def score_propose(judge: Judge, move: ProposeJointReview) -> float:
    """Only about a provider both regulators are already worried about, and not again within half a year."""
    state, scenario = judge.state, judge.scenario
    if not (
        concerned(state, scenario, judge.role, move.subject) and concerned(state, scenario, move.partner, move.subject)
    ):
        return 0.0
    recent = any(
        state.month_index - r.opened < JOINT_EVERY for r in _reviews(state, judge.role, move.partner, move.subject)
    )
    return 0.0 if recent else 4.0 + judge.settings.cooperation


def score_answer(judge: Judge, move: AnswerJointReview) -> float:
    """Agree when the concern is shared; otherwise say no rather than leave the partner waiting."""
    review = judge.state.requests[move.review]
    shared = concerned(judge.state, judge.scenario, judge.role, review.about)
    return 5.0 if move.agree == shared else 1.0


def score_refer(judge: Judge, move: ReferToRegulator) -> float:
    """Refer an organisation this regulator is worried about to a regulator with no concern about it yet, when it
    shows trouble in that regulator's remit: quality short of good for a quality ladder, a deficit for a money one."""
    state, scenario = judge.state, judge.scenario
    if not concerned(state, scenario, judge.role, move.subject) or concerned(state, scenario, move.to, move.subject):
        return 0.0
    ladder = _regulates(state, scenario, move.to, move.subject)
    mine = _referred_by(scenario, judge.role)
    recent = any(
        item.kind == "referral" and item.reason.startswith(mine) and state.month_index - item.opened < JOINT_EVERY
        for item in state.agendas.values()
        if item.regulator == move.to and item.subject == move.subject
    )
    if ladder is None or recent:
        return 0.0
    org = state.orgs[move.subject]
    if watches_quality(ladder):
        trouble = org.quality > 0 and inspection_rating(scenario, org.quality) != "good"
    else:
        trouble = forecast(state, scenario, move.subject) < 0
    return 3.5 + (0.5 if "speak_up" in judge.wants else 0.0) if trouble else 0.0


KINDS: tuple[MoveKind, ...] = (
    MoveKind(
        move=ProposeJointReview,
        power="review_jointly",
        check=check_propose,
        apply=apply_propose,
        legal=legal,
        family="regulate",
        describe=describe_propose,
        fields=plain_fields(("reason", "Why review it together (optional)", str)),
        score=score_propose,
        bound=lambda judge: 4.0 + judge.settings.cooperation if "review_jointly" in judge.me.powers else 0.0,
    ),
    MoveKind(
        move=AnswerJointReview,
        power="review_jointly",
        check=check_answer,
        apply=apply_answer,
        legal=legal,
        family="inbox",
        describe=describe_answer,
        fields=no_fields,
        score=score_answer,
        bound=at_most(5.0),
        follow_up=True,
    ),
    MoveKind(
        move=ReferToRegulator,
        power="refer",
        check=check_refer,
        apply=apply_refer,
        legal=legal,
        family="regulate",
        describe=describe_refer,
        fields=plain_fields(("reason", "Reason for the referral", str)),
        score=score_refer,
        bound=lambda judge: 4.0 if "refer" in judge.me.powers else 0.0,
    ),
)
