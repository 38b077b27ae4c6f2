"""The analysis's passes: each list is in an order where every pass reads only what the input
or an earlier pass gives."""

from __future__ import annotations

from communique.analysis import actors, events, pipeline, statements
from communique.analysis.passes import Pass, check_order


def test_every_list_of_passes_reads_only_what_is_given_or_added_before() -> None:
    assert check_order(pipeline.PASSES, pipeline.GIVEN) == []
    assert check_order(actors.PASSES, ("parse", "spans", "kb")) == []
    assert check_order(statements.PASSES, ("parse", "quotes", "mentions", "agents")) == []
    assert check_order(events.STAGES, ("hit",)) == []


def test_a_pass_reading_what_comes_later_is_reported() -> None:
    def nothing(context: object) -> None:
        return None

    swapped = (
        Pass("second", nothing, ("first's output",), ("second's output",)),
        Pass("first", nothing, ("input",), ("first's output",)),
    )
    assert check_order(swapped, ("input",)) == [
        'second reads "first\'s output" before any pass adds it'
    ]
    assert check_order(tuple(reversed(swapped)), ("input",)) == []


def test_pass_names_are_unique_within_each_list() -> None:
    for passes in (pipeline.PASSES, actors.PASSES, statements.PASSES, events.STAGES):
        names = [step.name for step in passes]
        assert len(names) == len(set(names))
