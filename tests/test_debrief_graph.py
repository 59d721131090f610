"""The organisations' graph the debrief measures: built from a hand-made list of events, so every edge,
answered flag and cluster below is one a reader can check against the events by eye."""

from __future__ import annotations

import attrs
import pytest

from bigshire_game.content import builtin_scenario_dir, load_scenario
from bigshire_game.content.model import Measure, Theme
from bigshire_game.debrief import build_debrief, to_markdown, to_text
from bigshire_game.debrief.context import Context
from bigshire_game.debrief.graph import ASKED, dealings, organisation_graph, read
from bigshire_game.engine.game import new_game
from bigshire_game.vocabulary.events import Event, make_event

SCENARIO = load_scenario(builtin_scenario_dir())
START = new_game(SCENARIO, 1)


def _e(event_kind: str, actors: tuple[str, ...], month: int = 2, **data) -> Event:
    return make_event(event_kind, month, "turns", actors, (), (), **data)


def _day() -> list[Event]:
    """A month of dealings: a request answered, a concern left to lapse, a meeting half attended, a bid
    never decided, a question ruled on, two consortia pooling risk, a contract with a conflict, trust."""
    return [
        _e("RequestRaised", ("north_vale",), request="R1", by="north_vale", to=("nhscb",), topic="money"),
        _e("RequestAnswered", ("nhscb",), request="R1", kind="request", answered=True, answer="Yes"),
        _e("ConcernRaised", ("healthwatch",), request="R2", by="healthwatch", to=("monitor",), about="united_hospitals",
           topic="quality"),
        _e("MeetingConvened", ("wellbeing_board",), meeting="R3", by="wellbeing_board",
           to=("north_vale", "east_bigshire"), topic="strategy"),
        _e("RequestAnswered", ("north_vale",), request="R3", kind="meeting", answered=True, attend=True),
        _e("FundingBid", ("east_bigshire",), bid="R5", by="east_bigshire", to=("nhscb",), amount=2000),
        _e("RequestRaised", ("united_hospitals",), request="R4", by="united_hospitals", to=("monitor",),
           topic="money", setting="below_tariff_allowed", ruling=True),
        _e("RulingMade", ("monitor",), setting="below_tariff_allowed", value=True, previous=False, request="R4"),
        _e("AllianceFormed", ("north_vale", "east_bigshire"), agreement="A1", kind="risk_pool"),
        _e("ContractSigned", ("east_bigshire", "gp_federation"), agreement="A2", kind="block", annual_value=500,
           conflict=True),
        _e("TrustChanged", ("north_vale", "nhscb"), between=("north_vale", "nhscb"), amount=2, trust=52),
        _e("TrustChanged", ("north_vale", "nhscb"), between=("nhscb", "north_vale"), amount=1, trust=53),
        _e("MeetingHeld", ("wellbeing_board", "north_vale"), meeting="R3", by="wellbeing_board", topic="strategy",
           attendees=("wellbeing_board", "north_vale"), absent=("east_bigshire",)),
        _e("RequestAnswered", ("healthwatch",), month=5, request="R2", kind="concern", answered=False, lapsed=True),
    ]  # fmt: skip


def _context(events: list[Event]) -> Context:
    return Context(SCENARIO, events, START, START, None, None)


def _graph(events: list[Event] | None = None):
    return organisation_graph(_context(_day() if events is None else events))


def _edges(graph, relation: str) -> dict[tuple[str, str], dict]:
    return {(a, b): d for a, b, d in graph.edges(data=True) if d["relation"] == relation}


def test_every_organisation_is_a_node_even_with_nothing_to_say():
    graph = _graph([])
    assert set(graph.nodes) == set(SCENARIO.roles)
    assert graph.nodes["wellbeing_board"]["kind"] == "hwb"
    assert graph.number_of_edges() == 0


def test_asks_go_to_each_organisation_asked_and_know_whether_it_answered():
    asked = _edges(_graph(), ASKED)
    assert {pair: (d["ask"], d["answered"]) for pair, d in asked.items()} == {
        ("north_vale", "nhscb"): ("request", True),
        ("healthwatch", "monitor"): ("concern", False),
        ("wellbeing_board", "north_vale"): ("invitation", True),
        ("wellbeing_board", "east_bigshire"): ("invitation", False),
        ("east_bigshire", "nhscb"): ("bid", False),
        ("united_hospitals", "monitor"): ("question", True),  # the ruling answered it
    }


def test_each_edge_keeps_the_events_behind_it():
    asked = _edges(_graph(), ASKED)
    assert [e.kind for e in asked[("north_vale", "nhscb")]["evidence"]] == ["RequestRaised", "RequestAnswered"]
    assert [e.kind for e in asked[("healthwatch", "monitor")]["evidence"]] == ["ConcernRaised", "RequestAnswered"]
    # the invitation nobody answered carries the meeting it was not at
    assert [e.kind for e in asked[("wellbeing_board", "east_bigshire")]["evidence"]] == [
        "MeetingConvened",
        "MeetingHeld",
    ]
    assert [e.kind for e in asked[("united_hospitals", "monitor")]["evidence"]] == ["RequestRaised", "RulingMade"]


def test_meetings_agreements_ownership_and_trust():
    graph = _graph()
    assert set(_edges(graph, "met")) == {("wellbeing_board", "north_vale")}
    agreed = _edges(graph, "agreed")
    assert {pair: d["alliance"] for pair, d in agreed.items()} == {
        ("north_vale", "east_bigshire"): True,
        ("east_bigshire", "gp_federation"): False,
    }
    assert set(_edges(graph, "owns")) == {("east_bigshire", "gp_federation")}  # said by the conflict of interest
    trust = _edges(graph, "trust")
    assert list(trust) == [("nhscb", "north_vale")]  # both changes on one edge, whichever way round they were told
    assert trust[("nhscb", "north_vale")]["amount"] == 3
    assert len(trust[("nhscb", "north_vale")]["evidence"]) == 2


def test_a_reply_counts_only_from_the_organisation_asked():
    invited = [
        _e("MeetingConvened", ("nhscb",), meeting="R9", by="nhscb", to=("north_vale", "east_bigshire"), topic="money"),
        _e("RequestAnswered", ("east_bigshire",), request="R9", kind="meeting", answered=True, attend=False),
    ]  # fmt: skip
    asked = _edges(_graph(invited), ASKED)
    assert asked[("nhscb", "east_bigshire")]["answered"]  # a no is an answer
    assert not asked[("nhscb", "north_vale")]["answered"]


def test_an_organisation_outside_the_scenario_is_left_out():
    events = [_e("RequestRaised", ("north_vale",), request="R1", by="north_vale", to=("facilitator",), topic="money")]
    assert _graph(events).number_of_edges() == 0


def test_dealings_count_what_each_organisation_received_made_and_shared():
    found = dealings(_graph())
    nhscb, board, csu = found["nhscb"], found["wellbeing_board"], found["bigshire_csu"]
    assert (nhscb.received, nhscb.answered, nhscb.made) == (2, 1, 0)
    assert nhscb.partners == {"north_vale"}  # the bid it left undecided is no tie
    assert (board.made, board.heard, board.meetings) == (2, 1, 1)
    assert found["east_bigshire"].partners == {"north_vale", "gp_federation"}
    assert found["east_bigshire"].agreements == 2
    assert csu.weight == 0 and not csu.partners
    assert found["north_vale"].between > 0  # it stands between the Board, the wellbeing board and East Bigshire


# --- the graph measures ------------------------------------------------------------------------


def _read(kind: str, at_least: float = 0, **fields):
    return read(_graph(), Measure(kind=kind, at_least=at_least, **fields))


def test_inbound_share_is_the_share_of_asks_arriving_at_those_kinds():
    to_board = _read("inbound_share", kinds=("nhscb",), asks=("request", "question", "concern", "bid"))
    assert (to_board.value, to_board.of, to_board.against) == (50.0, 2, 4)
    assert to_board.names == ("nhscb",)
    assert [e.kind for e in to_board.evidence] == ["RequestRaised", "FundingBid"]
    every_ask = _read("inbound_share", kinds=("nhscb",))  # invitations count too when no asks are named
    assert (every_ask.of, every_ask.against) == (2, 6)
    assert _read("inbound_share", kinds=("nhscb",), asks=("invitation",)).value == 0


def test_unanswered_names_the_voices_whose_asks_mostly_went_unanswered():
    unheard = _read("unanswered", 50, kinds=("hwb", "healthwatch"))
    assert unheard.names == ("healthwatch", "wellbeing_board")  # one of one, one of two
    assert (unheard.of, unheard.against) == (2, 3)
    assert round(unheard.value) == 67
    assert [e.kind for e in unheard.evidence] == ["ConcernRaised", "MeetingConvened"]
    stricter = _read("unanswered", 60, kinds=("hwb", "healthwatch"))
    assert stricter.names == ("healthwatch",) and stricter.value == 100
    assert _read("unanswered", 50, kinds=("nhscb",)).names == ()  # the Board asked nothing


def test_clusters_and_who_went_it_alone():
    clusters = _read("clusters", 1, kinds=("consortium",))
    assert clusters.value == 1 and clusters.groups == (("east_bigshire", "north_vale"),)
    assert (clusters.of, clusters.against) == (2, 4)  # two of the four consortia
    assert [e.kind for e in clusters.evidence] == ["AllianceFormed"]
    assert _read("clusters", 1, kinds=("consortium",), members=3).value == 0
    alone = _read("alone", 1, kinds=("consortium",))
    assert alone.names == ("southern_towns", "west_bigshire") and alone.value == 2
    # a contract is not an alliance: the GP company is in no cluster with its buyer
    assert _read("clusters", 1, kinds=("consortium", "gp_provider")).groups == (("east_bigshire", "north_vale"),)


def test_nobody_went_it_alone_when_nobody_joined_up():
    without = [e for e in _day() if e.kind != "AllianceFormed"]
    alone = read(_graph(without), Measure(kind="alone", at_least=1, kinds=("consortium",)))
    assert alone.value == 0 and alone.names == ()


# --- notes from graph themes -----------------------------------------------------------------------


def _notes(*themes: Theme, events: list[Event] | None = None) -> dict[str, str]:
    scenario = attrs.evolve(SCENARIO, info=attrs.evolve(SCENARIO.info, themes=themes))
    debrief = build_debrief(scenario, _day() if events is None else events, START, START)
    return {n.title: n.text for n in debrief.notes}


@pytest.mark.parametrize(
    ("measure", "text", "expected"),
    [
        (
            Measure(kind="inbound_share", at_least=40, kinds=("nhscb",), asks=("request", "question", "bid")),
            "{value}% of requests, questions and bids went to {names} ({of} of {against}).",
            "67% of requests, questions and bids went to NHSCB (2 of 3).",
        ),
        (
            Measure(kind="unanswered", at_least=50, kinds=("hwb", "healthwatch")),
            "No one answered {value}% of what {names} asked.",
            "No one answered 67% of what HealthWatch and Wellbeing Board asked.",
        ),
        (
            Measure(kind="clusters", at_least=1, kinds=("consortium",)),
            "Consortia joined up in {value}: {groups}.",
            "Consortia joined up in 1: East Bigshire and North Vale.",
        ),
        (
            Measure(kind="alone", at_least=1, kinds=("consortium",)),
            "{names} went it alone while {groups} joined up.",
            "Southern Towns and West Bigshire went it alone while East Bigshire and North Vale joined up.",
        ),
    ],
    ids=["inbound_share", "unanswered", "clusters", "alone"],
)
def test_a_graph_theme_fills_its_text(measure, text, expected):
    assert _notes(Theme(id="t", title="T", text=text, measure=measure)) == {"T": expected}


def test_a_graph_theme_shows_only_when_its_measure_holds():
    theme = Theme(
        id="t", title="T", text="{value}%", measure=Measure(kind="inbound_share", at_least=70, kinds=("nhscb",))
    )
    assert _notes(theme) == {}  # two of six asks
    asks_to_board = [e for e in _day() if e.kind in ("RequestRaised", "FundingBid") and "nhscb" in e.data["to"]]
    assert _notes(theme, events=asks_to_board) == {"T": "100%"}


def test_a_graph_note_gives_its_evidence_as_dated_sentences():
    theme = Theme(
        id="t", title="T", text="{names}", measure=Measure(kind="unanswered", at_least=50, kinds=("healthwatch",))
    )
    debrief = build_debrief(
        attrs.evolve(SCENARIO, info=attrs.evolve(SCENARIO.info, themes=(theme,))), _day(), START, START
    )
    (note,) = debrief.notes
    assert note.evidence == (
        "August 2013: HealthWatch raised a concern with Monitor about United Hospitals and the quality of care.",
    )


def test_a_scheme_run_with_a_partner_is_a_two_way_tie():
    invested = _e("SchemeInvested", ("east_bigshire", "community_trust"), investment="S1", scheme="admission_avoidance",
                  investor="east_bigshire", partners=("community_trust",), cost=2000)  # fmt: skip
    graph = _graph([invested])
    assert set(_edges(graph, "invested")) == {("east_bigshire", "community_trust")}
    found = dealings(graph)
    assert found["community_trust"].partners == {"east_bigshire"} and found["community_trust"].schemes == 1


# --- who talked to whom ------------------------------------------------------------------------------


def _network(events: list[Event] | None = None, role: str | None = None):
    return build_debrief(SCENARIO, _day() if events is None else events, START, START, role).network


def test_the_hubs_are_the_best_connected_and_the_go_between_is_named():
    hubs = _network().hubs
    assert [h.name for h in hubs[:2]] == ["North Vale", "East Bigshire"]  # four ties each; North Vale is between more
    assert len(hubs) == 3
    assert hubs[0].text == (
        "North Vale was asked once and answered; it asked once and got a reply. It met others at one meeting and"
        " signed one agreement. It had two-way dealings with three of the sixteen other organisations, and more of"
        " the others' dealings ran through it than through anyone else."
    )
    assert hubs[0].evidence == (  # the asks it received, its meetings and agreements: not its own asks
        "August 2013: North Vale and East Bigshire pooled their financial risk.",
        "August 2013: Wellbeing Board met North Vale about strategy; East Bigshire did not reply.",
    )
    assert "ran through it" not in hubs[1].text


def test_the_isolated_are_told_what_went_unanswered():
    isolated = {s.name: s for s in _network().isolated}
    assert isolated["HealthWatch"].text == (
        "HealthWatch had two-way dealings with no other organisation. No reply came to its concern; nobody asked"
        " anything of it."
    )
    assert isolated["HealthWatch"].evidence == (
        "November 2013: HealthWatch's concern to Monitor about the quality of care was never answered.",
    )
    assert "North Vale" not in isolated and "East Bigshire" not in isolated  # hubs are not also at the edge


def test_organisations_with_no_dealings_are_listed_together():
    network = _network()
    assert "CQC" in network.silent and "North Vale" not in network.silent
    quiet = _network([])
    assert quiet.hubs == () and quiet.isolated == () and len(quiet.silent) == len(SCENARIO.roles)


def test_a_reader_sees_only_the_dealings_it_knew_of():
    private = [
        make_event("RequestRaised", 2, "turns", ("north_vale",), ("north_vale", "nhscb"), ("money",),
                   request="R1", by="north_vale", to=("nhscb",), topic="money"),
    ]  # fmt: skip
    assert [h.name for h in _network(private).hubs] == ["NHSCB"]
    assert _network(private, role="healthwatch").hubs == ()
    assert [h.name for h in _network(private, role="nhscb").hubs] == ["NHSCB"]
    assert _network(private, role="healthwatch").intro.endswith(
        "Only what HealthWatch saw is counted: others may have dealt with more than it shows."
    )
    assert "Only what" not in _network(private).intro


@pytest.mark.parametrize("render", [to_markdown, to_text], ids=["markdown", "text"])
def test_who_talked_to_whom_in_both_renderers(render):
    text = render(build_debrief(SCENARIO, _day(), START, START))
    assert "Who talked to whom" in text
    assert text.index("Who talked to whom") < text.index("Observer notes")
    assert "North Vale was asked once and answered" in text
    assert "No dealings at all with the others:" in text
    heading = "#### North Vale" if render is to_markdown else "North Vale (a hub)"
    assert heading in text
    isolated = "#### HealthWatch" if render is to_markdown else "HealthWatch (isolated)"
    assert isolated in text


def test_a_hub_that_neither_asked_nor_was_asked_is_still_named_first():
    allied = [e for e in _day() if e.kind == "AllianceFormed"]
    hubs = _network(allied).hubs
    assert [h.text for h in hubs] == [  # and with nobody between two others, nobody is the go-between
        "East Bigshire signed one agreement. It had two-way dealings with one of the sixteen other organisations.",
        "North Vale signed one agreement. It had two-way dealings with one of the sixteen other organisations.",
    ]


def test_unanswered_invitations_say_how_many_meetings_they_were_for():
    events = [
        _e("MeetingConvened", ("wellbeing_board",), meeting=f"M{n}", by="wellbeing_board", topic="strategy",
           to=("north_vale", "east_bigshire", "west_bigshire"))
        for n in (1, 2)
    ] + [
        _e("ConcernRaised", ("wellbeing_board",), request="C1", by="wellbeing_board", to=("cqc",),
           about="united_hospitals", topic="quality"),
        _e("RequestAnswered", ("cqc",), request="C1", kind="concern", answered=True, answer="We will inspect"),
    ]  # fmt: skip
    isolated = {s.name: s for s in _network(events).isolated}
    assert isolated["Wellbeing Board"].text == (
        "Wellbeing Board had two-way dealings only with CQC. No reply came to six of its seven asks (all invitations"
        " to two meetings); nobody asked anything of it."
    )
