"""The reading commands give scripts one JSON document; text into a pipe is not wrapped."""

from __future__ import annotations

import json


def test_summary_actor_statements_conflicts_and_timeline_as_json(seeds_store, cli):
    summary = json.loads(cli("summary", "--db", seeds_store, "--json").stdout)
    assert summary["articles"] == 5 and summary["analysed"] == 5
    assert any(row[0] == "Sergey Lavrov" for row in summary["top"]["people"])

    actor = json.loads(cli("actor", "Lavrov", "--db", seeds_store, "--json").stdout)
    assert actor["name"] == "Sergey Lavrov" and actor["mentions"] > 0
    assert any(office["role"] for office in actor["offices"])
    assert all({"date", "outlet", "role", "evidence"} <= set(r) for r in actor["roles"])

    said = json.loads(cli("statements", "--db", seeds_store, "--json", "--limit", "5").stdout)
    assert len(said) == 5
    fields = {"speaker", "cue", "content", "sentence", "article_id", "via"}
    assert all(fields <= set(statement) for statement in said)

    conflicts = json.loads(cli("conflicts", "--db", seeds_store, "--json").stdout)
    assert conflicts, "the seeds disagree on Wang Yi's office"
    assert all({"kind", "fact", "sides"} <= set(c) for c in conflicts)
    assert all(side["article_id"] for c in conflicts for side in c["sides"])

    result = cli("timeline", "Russia", "China", "--db", seeds_store, "--json")
    timeline = json.loads(result.stdout)
    assert timeline["events"] or timeline["statements"]
    assert {"a", "b", "by", "periods"} <= set(timeline)


def test_text_into_a_pipe_is_not_wrapped(seeds_store, cli):
    result = cli("statements", "--db", seeds_store, "--limit", "50")
    assert result.returncode == 0
    assert max(len(line) for line in result.stdout.splitlines()) > 200
