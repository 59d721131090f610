"""Causes: every kind the rules give, its text form (the `source` events have always carried), and its words."""

from __future__ import annotations

import pytest

from bigshire_game.content import builtin_scenario_dir, load_scenario
from bigshire_game.narrative import Lookup, Words
from bigshire_game.simulate import play
from bigshire_game.vocabulary import causes
from bigshire_game.vocabulary.causes import Cause
from bigshire_game.vocabulary.events import EVENT_TYPES, make_event

SCENARIO = load_scenario(builtin_scenario_dir())

EVERY_KIND = [
    (Cause.card("norovirus"), "card:norovirus"),
    (Cause.card("bed_cuts", "cut_beds"), "card:bed_cuts:cut_beds"),
    (Cause.decision("cut_beds"), "decision:cut_beds"),
    (Cause.scheme("S12"), "scheme:S12"),
    (Cause.sanction("monitor_enforcement", "warning"), "monitor_enforcement:warning"),
    (Cause.ruling("monitor"), "ruling by monitor"),
    (Cause.answer("R7"), "R7"),
    (Cause.meeting("R9"), "R9"),
    (Cause.agreement(), "agreement"),
    (Cause.agreement("A12"), "agreement:A12"),
    (Cause.plan_challenge(), "plan challenged"),
    (Cause.demand(), "demand"),
    (Cause.facilitator(), "facilitator"),
    (Cause.consultation("cut_beds"), "consultation:cut_beds"),
    (Cause.closure("X2"), "X2"),
    (Cause.expertise("carewell"), "expertise:carewell"),
]


@pytest.mark.parametrize(
    ("cause", "text"), EVERY_KIND, ids=[c.kind + ("_" + c.part if c.part else "") for c, _ in EVERY_KIND]
)
def test_the_text_form_is_the_source_events_always_carried(cause, text):
    assert str(cause) == text
    assert cause == Cause(cause.kind, cause.ref, cause.part) and hash(cause) == hash(
        Cause(cause.kind, cause.ref, cause.part)
    )


def test_every_kind_has_a_constructor_and_a_text_form():
    assert {c.kind for c, _ in EVERY_KIND} == set(causes.KINDS)
    assert len({text for _, text in EVERY_KIND}) == len(EVERY_KIND)


def test_an_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="kind"):
        Cause("rumour", "x")


def test_an_event_keeps_the_cause_and_its_data_gives_the_text():
    e = make_event("QualityChanged", 2, "news", ("united_hospitals",), role="united_hospitals", amount=-2,
                   source=Cause.card("norovirus"))  # fmt: skip
    assert e.cause == Cause.card("norovirus") and e.data["source"] == "card:norovirus"
    assert e.with_data(amount=-3).cause == Cause.card("norovirus")
    assert make_event("InspectionHeld", 2, "system").cause is None  # a kind that records no cause


def test_the_rules_give_causes_as_values():
    """A whole game: every cause is a Cause, of a known kind, on the kinds that record one."""
    played = play(SCENARIO, 5)
    seen = {e.cause.kind for e in played.events if e.cause is not None}
    assert all(type(e.cause) is Cause for e in played.events if e.cause is not None)
    assert {causes.CARD, causes.ANSWER, causes.AGREEMENT} <= seen <= set(causes.KINDS)
    recording = {kind for kind, cls in EVENT_TYPES.items() if "cause" in cls.FIELDS}
    assert {e.kind for e in played.events if e.cause is not None} <= recording


def test_each_cause_in_words():
    lookup = Lookup()
    lookup.requests["R9"] = ("meeting", "wellbeing_board", ("north_vale",), "strategy")
    words = Words(SCENARIO, lookup)
    card = next(c for c in SCENARIO.cards.values() if c.options)
    option = card.options[0]
    ladder = next(iter(SCENARIO.ladders.values()))
    told = {
        Cause.card(card.id): f'after "{card.title}"',
        Cause.card(card.id, option.id): f'after choosing "{option.label}" ("{card.title}")',
        Cause.sanction(ladder.id, ladder.steps[0].id): f'"{ladder.steps[0].title}"',
        Cause.ruling("monitor"): "by Monitor's ruling",
        Cause.answer("R7"): "after an answer",
        Cause.meeting("R9"): "after a meeting",
        Cause.agreement(): "over an agreement",
        Cause.plan_challenge(): "after a challenged plan",
        Cause.scheme("S404"): "through a scheme",
        Cause.expertise("carewell"): "through the former commissioners CareWell hired",
        Cause.demand(): "",
        Cause.facilitator(): "",
        None: "",
    }
    for cause, words_for in told.items():
        assert words.cause(cause).endswith(words_for), (cause, words.cause(cause))
