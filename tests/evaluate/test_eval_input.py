"""Gold data is checked before it is scored: every scorer refuses a malformed record, a label
outside its label set and a file with nothing to score, naming the file and line, and the
command line prints that as one ``error`` line and exits 2."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from communique.evaluate import actors, extraction, plover, polnear, quad, stories
from communique.evaluate.gold import GoldFormatError


def _record(**fields: object) -> str:
    """One PLOVER gold line, ``fields`` replacing those of a good record."""
    record = {
        "id": "r",
        "text": "Albania denounced Serbia.",
        "event": "ACCUSE",
        "mode": "disapprove",
        "actor": [{"actorText": "Albania", "code": "ALB"}],
        "recipient": [{"actorText": "Serbia", "code": "SRB", "sector": "GOV"}],
    }
    return json.dumps(record | fields)


def _write(path: Path, *lines: str) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def _refused(result, *expected: str) -> None:
    """The command failed with exit code 2 and one ``error`` line holding ``expected``."""
    assert result.returncode == 2, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error "), result.stderr
    assert "Traceback" not in result.stderr and not result.stdout.strip()
    for text in expected:
        assert text in lines[0]


def test_every_reader_raises_the_one_error_a_value_error():
    assert issubclass(GoldFormatError, ValueError)
    for module in (plover, quad, stories, polnear):
        assert module.GoldFormatError is GoldFormatError


# --- PLOVER records: eval plover and eval actors ----------------------------------------------

ENTITY_PROBLEMS = [
    (_record(actor="ALB"), "'actor' is not a list of objects: 'ALB'"),
    (_record(actor={"actorText": "Albania", "code": "ALB"}), "'actor' is not a list of objects"),
    (_record(recipient=["SRB"]), "'recipient' is not a list of objects"),
    (_record(actor=[{"code": "ALB"}]), "has no actorText"),
    (_record(actor=[{"actorText": 7, "code": "ALB"}]), "has no actorText"),
    (_record(actor=[{"actorText": "Albania", "code": "AL"}]), "code 'AL' of 'Albania' is not a 3"),
    (_record(recipient=[{"actorText": "Serbia", "code": "SRB1"}]), "code 'SRB1'"),
    (_record(actor=[{"actorText": "Albania", "code": 8}]), "code 8 of 'Albania'"),
    (_record(text=None), "no text"),
]


@pytest.mark.parametrize(("line", "message"), ENTITY_PROBLEMS)
@pytest.mark.parametrize("reader", [plover.read_gold, actors.read_gold])
def test_a_malformed_plover_record_names_the_file_and_line(tmp_path, reader, line, message):
    path = _write(tmp_path / "gold.jsonl", _record(), "", line)
    with pytest.raises(GoldFormatError) as error:
        reader(path)
    assert str(error.value).startswith(f"{path}:3: ")
    assert message in str(error.value)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"event": "FIGHTING"}, "event type 'FIGHTING' is not a PLOVER type (AGREE, CONSULT"),
        ({"event": "SURRENDER"}, "event type 'SURRENDER' is not a PLOVER type"),
        ({"event": ""}, "no event type"),
        ({"event": ["ACCUSE"]}, "no event type"),
        ({"event": "AGREE", "mode": "bombing"}, "mode 'bombing' is not a PLOVER mode of AGREE"),
        ({"mode": 3}, "mode 3 is not a string"),
    ],
)
def test_an_event_type_or_mode_plover_does_not_have_is_refused(tmp_path, fields, message):
    path = _write(tmp_path / "gold.jsonl", _record(), _record(**fields))
    with pytest.raises(GoldFormatError, match="^" + re.escape(f"{path}:2: ")) as error:
        plover.read_gold(path)
    assert message in str(error.value)


def test_2016_type_names_are_read_as_their_2024_type(tmp_path):
    path = _write(
        tmp_path / "gold.jsonl",
        _record(event="disapprove", mode=None),
        _record(event="FIGHT", mode=" Firearms "),
        _record(event="PROTEST", mode="demo-org"),  # an older mode name, as in the dev file
    )
    assert [(g.type, g.mode) for g in plover.read_gold(path)] == [
        ("ACCUSE", "disapprove"),
        ("ASSAULT", "firearms"),
        ("PROTEST", "demo-org"),
    ]


@pytest.mark.parametrize("body", ["", "\n\n  \n"])
@pytest.mark.parametrize("reader", [plover.read_gold, actors.read_gold])
def test_an_empty_plover_file_is_refused(tmp_path, reader, body):
    path = tmp_path / "gold.jsonl"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(GoldFormatError, match="no gold records") as error:
        reader(path)
    assert str(error.value).startswith(f"{path}: ")


def test_actors_reads_coded_entities_and_refuses_a_file_without_codes(tmp_path):
    path = _write(
        tmp_path / "gold.jsonl",
        _record(
            actor=[{"actorText": "Tokyo", "code": " jap "}, {"actorText": "rebels", "code": ""}],
            recipient="",
        ),
        _record(text="They met.", actor=[], recipient=None),
    )
    assert actors.read_gold(path) == [
        actors.GoldSentence("Albania denounced Serbia.", (("actor", "Tokyo", "JPN"),)),
        actors.GoldSentence("They met.", ()),
    ]
    _write(path, _record(actor=[{"actorText": "rebels"}], recipient=[]))
    with pytest.raises(GoldFormatError, match="no actor or recipient has a code"):
        actors.read_gold(path)


# --- quad sentences ---------------------------------------------------------------------------


@pytest.mark.parametrize("body", ["", "\r\n", "sentence\tlabel\r\n"])
def test_a_quad_file_without_sentences_is_refused(tmp_path, body):
    path = tmp_path / "quad.tsv"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(GoldFormatError, match="no labelled sentences"):
        quad.read_gold(path)


@pytest.mark.parametrize("label", ["5", "-1", "1.0", "three", ""])
def test_a_quad_label_outside_0_to_4_is_refused(tmp_path, label):
    path = _write(tmp_path / "quad.tsv", "Rebels shelled the town.\t4", f"Talks began.\t{label}")
    with pytest.raises(GoldFormatError) as error:
        quad.read_gold(path)
    assert str(error.value) == f"{path}:2: label {label!r} is not one of 0–4"


# --- stories ----------------------------------------------------------------------------------


def _article(story: object, text: str = "Leaders met in Beijing.", **fields: object) -> str:
    return json.dumps({"story_id": story, "text": text} | fields)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (_article(["s1"]), "story_id ['s1'] is not a string or a number"),
        (_article(True), "story_id True"),
        (_article("s1", title={"main": "Talks"}), "title {'main': 'Talks'} is not a string"),
        (_article("s1", actors="CHN"), "actors 'CHN' is not a list of actor ids"),
        (_article("s1", id=[1]), "id [1] is not a string or a number"),
    ],
)
def test_a_story_record_of_the_wrong_shape_names_the_file_and_line(tmp_path, line, message):
    path = _write(tmp_path / "gold.jsonl", _article("s1"), line)
    with pytest.raises(GoldFormatError, match="^" + re.escape(f"{path}:2: ")) as error:
        stories.read_gold(path)
    assert message in str(error.value)


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        ((), "no gold records"),
        (("",), "no gold records"),
        ((_article("s1"),), "no two of its 1 articles share a story_id"),
        ((_article("s1"), _article("s2", "Another story.")), "no two of its 2 articles"),
    ],
)
def test_a_stories_file_with_no_pair_to_score_is_refused(tmp_path, lines, message):
    path = _write(tmp_path / "gold.jsonl", *lines)
    with pytest.raises(GoldFormatError, match=message) as error:
        stories.evaluate(path)
    assert str(error.value).startswith(f"{path}: ")


# --- PolNeAR ----------------------------------------------------------------------------------

ARTICLE = '"We will win," Trump said.'


def _split(folder: Path, anns: dict[str, str]) -> Path:
    (folder / "text").mkdir(parents=True)
    (folder / "attributions").mkdir()
    (folder / "text" / "art.txt").write_text(ARTICLE, encoding="utf-8")
    for name, body in anns.items():
        (folder / "attributions" / name).write_text(body, encoding="utf-8")
    return folder


def test_a_polnear_folder_without_articles_or_attributions_is_refused(tmp_path):
    empty = _split(tmp_path / "empty", {})
    with pytest.raises(GoldFormatError, match=r"no \.ann files: no articles to score") as error:
        polnear.read_gold(empty)
    assert str(error.value).startswith(str(empty / "attributions"))
    unscored = _split(tmp_path / "unscored", {"art_a.ann": "T1\tDiscuss 15 20\tTrump\n"})
    with pytest.raises(GoldFormatError, match="no attribution with a Content span"):
        polnear.read_gold(unscored)


def test_a_polnear_span_label_it_does_not_have_is_refused(tmp_path):
    ann = 'T1\tContent 0 14\t"We will win,"\nT2\tSpeaker 15 20\tTrump\n'
    folder = _split(tmp_path, {"art_a.ann": ann})
    with pytest.raises(GoldFormatError, match="span T2 has label 'Speaker'") as error:
        polnear.read_gold(folder)
    assert str(error.value).startswith(f"{folder / 'attributions' / 'art_a.ann'}:2: ")


# --- extraction -------------------------------------------------------------------------------


def _pages(folder: Path, truth: str) -> Path:
    (folder / "html").mkdir(parents=True)
    for key in ("a", "b"):
        (folder / "html" / f"{key}.html").write_text("<p>Body.</p>", encoding="utf-8")
    (folder / "ground-truth.json").write_text(truth, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("truth", "message"),
    [
        ("{}", "ground-truth.json: no pages to score"),
        ("[]", "ground-truth.json: not a JSON object of pages by id"),
        ('{\n "a": {"articleBody": "Body."},\n "b": {"url": "x"}\n}', ".json:3: page 'b' has no"),
        ('{\n "a": {"articleBody": "Body."},\n "b": "Body."\n}', ".json:3: page 'b' has no"),
        ('{\n "a": {"articleBody": "Body."},\n "b": {"articleBody": " "}\n}', ".json:3: page 'b'"),
        ('{\n "a": {"articleBody": "Body."},\n "b": {\n}', ".json:4: malformed JSON"),
    ],
)
def test_extraction_ground_truth_of_the_wrong_shape_is_refused(tmp_path, truth, message):
    folder = _pages(tmp_path, truth)
    with pytest.raises(GoldFormatError, match="^" + re.escape(str(folder))) as error:
        extraction.load_gold(folder)
    assert message in str(error.value)


# --- the command line: one error line, exit code 2 --------------------------------------------


def test_eval_stories_refuses_an_empty_file_and_a_bad_record(tmp_path, cli):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    _refused(cli("eval", "stories", empty, "--json"), f"{empty}: no gold records")
    bad = _write(tmp_path / "bad.jsonl", _article("s1"), _article({"id": 1}))
    _refused(cli("eval", "stories", bad), f"{bad}:2: story_id")


def test_eval_actors_refuses_an_actor_given_as_a_string(tmp_path, cli):
    path = _write(tmp_path / "gold.jsonl", _record(), _record(actor="ALB"))
    _refused(cli("eval", "actors", path), f"{path}:2: 'actor' is not a list of objects")


def test_eval_plover_refuses_an_unknown_event_type(tmp_path, cli):
    path = _write(tmp_path / "gold.jsonl", _record(), _record(event="CONDEMN"))
    _refused(cli("eval", "plover", path, "--json"), f"{path}:2: event type 'CONDEMN'")


def test_eval_plover_refuses_yield_beside_concede_and_an_uncoded_side_not_in_the_text(
    tmp_path, cli
):
    plv = {"actor": [{"actorText": "Albania"}], "recipient": [{"actorText": "Serbia"}]}
    mixed = _write(
        tmp_path / "mixed.jsonl",
        _record(event="YIELD", mode=None, **plv),
        _record(event="CONCEDE", mode=None, **plv),
    )
    _refused(cli("eval", "plover", mixed), f"{mixed}:2: a file with YIELD (PLOVER 2018")
    absent = _write(
        tmp_path / "absent.jsonl", _record(**plv), _record(actor=[{"actorText": "Greece"}])
    )
    _refused(cli("eval", "plover", absent, "--json"), f"{absent}:2: 'Greece' has no code")


def test_eval_quad_refuses_a_label_outside_0_to_4(tmp_path, cli):
    path = _write(tmp_path / "quad.tsv", "Rebels shelled the town.\t4", "Talks began.\t7")
    _refused(cli("eval", "quad", path), f"{path}:2: label '7'")


def test_eval_polnear_refuses_a_folder_without_articles(tmp_path, cli):
    folder = _split(tmp_path, {})
    _refused(cli("eval", "polnear", folder), "no .ann files")


def test_eval_extraction_refuses_ground_truth_without_pages(tmp_path, cli):
    folder = _pages(tmp_path, "{}")
    _refused(cli("eval", "extraction", folder), "no pages to score")
