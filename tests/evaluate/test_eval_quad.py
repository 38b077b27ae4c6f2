"""The quad-class scorer's reading of communique's events (ConfliBERT's five classes)."""

from __future__ import annotations

from communique.evaluate import quad
from communique.ontology.plover import quad_code
from communique.records import Event


def _event(kind: str, cameo: str | None, **extra) -> Event:
    return Event("a", 0, 0, kind, None, 0, 1, "x", (), (), cameo=cameo, **extra)


def test_statements_and_appeals_are_neutral_as_in_the_five_class_coding():
    assert quad.quad_of([_event("REQUEST", "025")], quad_code) == 0  # an appeal
    assert quad.quad_of([_event("REJECT", "016")], quad_code) == 0  # a denial
    assert quad.quad_of([_event("REQUEST", "1053")], quad_code) == 3  # a demand
    assert quad.quad_of([_event("REJECT", "120")], quad_code) == 3
    assert quad.quad_of([_event("AID", None)], quad_code) == 2  # no code: the type's class


def test_a_neutral_event_that_did_not_happen_leaves_the_next_one_to_decide():
    events = [_event("REQUEST", "020", modality="negated", negated=True), _event("ASSAULT", "190")]
    assert quad.quad_of(events, quad_code) == 4


def test_each_cameo_root_is_read_as_the_five_class_coding_reads_it():
    # sanctions, suspended aid and expulsions (16) are verbal conflict there, protests (14)
    # material conflict, lifted sanctions (08) material cooperation: not the PLOVER type's quad
    assert quad.quad_of([_event("SANCTION", "163")], quad_code) == 3
    assert quad_code("SANCTION") == 4
    assert quad.quad_of([_event("PROTEST", "141")], quad_code) == 4
    assert quad.quad_of([_event("CONCEDE", "081")], quad_code) == 2
    assert quad.quad_of([_event("SUPPORT", "057")], quad_code) == 1
    assert sorted(quad.PENTACLASS) == [f"{root:02d}" for root in range(1, 21)]
