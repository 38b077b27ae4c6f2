"""One resolver for every NAME a user types: ids, then names the knowledge base knows, then
whole words of one stored actor's name; an ambiguous name lists the candidates."""

from __future__ import annotations

import json

import pytest

from communique.analysis.resources import shipped_kb as load_kb
from communique.store import Store
from communique.store.names import Ambiguous


@pytest.fixture(scope="module")
def store(seeds_store):
    with Store(seeds_store, read_only=True) as opened:
        yield opened


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("wang-yi", "wang-yi"),  # an id
        ("rus", "RUS"),  # an id in any case
        ("sergey lavrov", "sergey-lavrov"),  # a stored name in any case
        ("Sergei Lavrov", "sergey-lavrov"),  # an alias the knowledge base knows
        ("the Kremlin", "RUS"),  # a seat of power
        ("Chinese", "CHN"),  # a demonym
        ("Putin", "vladimir-putin"),  # a whole word of one stored name
        ("Xi", "xi-jinping"),  # never Xinhua
        ("Xinhua", "xinhua"),
    ],
)
def test_a_name_resolves_to_one_actor(store, name, expected):
    found = store.resolve(name, load_kb())
    assert found is not None and found.id == expected


def test_unknown_and_ambiguous_names(store):
    kb = load_kb()
    assert store.resolve("Nobody Atall", kb) is None
    assert store.resolve("Xin", kb) is None  # part of a word is not a word
    with pytest.raises(Ambiguous) as raised:
        store.resolve("Foreign", kb)
    assert {c.id for c, _ in raised.value.candidates} >= {"chn-foreign-ministry"}


def test_every_command_reads_a_name_the_same_way(seeds_store, cli):
    by_xi = cli("statements", "--db", seeds_store, "--speaker", "Xi", "--json")
    assert by_xi.returncode == 0
    assert {s["speaker"] for s in json.loads(by_xi.stdout)} == {"Xi Jinping"}  # not Xinhua
    by_putin = json.loads(
        cli("statements", "--db", seeds_store, "--speaker", "Putin", "--json").stdout
    )
    assert by_putin and {s["speaker"] for s in by_putin} == {"Vladimir Putin"}
    by_russia = json.loads(
        cli("statements", "--db", seeds_store, "--speaker", "Russia", "--json").stdout
    )
    assert {"Vladimir Putin", "Sergey Lavrov"} <= {s["speaker"] for s in by_russia}
    assert "Xinhua" not in {s["speaker"] for s in by_russia}
    actor = json.loads(cli("actor", "the Kremlin", "--db", seeds_store, "--json").stdout)
    assert actor["id"] == "RUS"
    for command in (
        ("actor", "Foreign"),
        ("statements", "--speaker", "Foreign"),
        ("timeline", "Foreign", "Russia"),
    ):
        result = cli(*command, "--db", seeds_store)
        assert result.returncode == 2, (command, result.stderr)
        assert "fits 2 actors" in result.stderr and "chn-foreign-ministry" in result.stderr
