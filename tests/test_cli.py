"""`ask` and `batch` speak the documented JSON."""

from __future__ import annotations

import io
import json

import pytest

from assistant.cli import main


@pytest.fixture
def env(real_index, monkeypatch):
    monkeypatch.setenv("POLICY_ASSISTANT_INDEX_DIR", str(real_index.index_path))


def test_ask_json_has_the_documented_fields(env, capsys):
    assert main(["ask", "Who decides on twinning?", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"answer", "language", "abstained", "citations"} <= set(data)
    assert data["language"] == "en" and data["abstained"] is False
    citation = data["citations"][0]
    assert {"n", "organisation", "document", "section", "source", "text", "score"} <= set(citation)
    assert citation["organisation"] == "Landstinget Västernorrland"


def test_ask_prints_the_answer_and_its_sources(env, capsys):
    assert main(["ask", "Vem beslutar om vänortssamarbeten?", "--org", "västernorrland"]) == 0
    out = capsys.readouterr().out
    assert (
        "Landstingsfullmäktige beslutar om" in out
        and "Källor:" in out
        and "[1] Landstinget Västernorrland" in out
    )


def test_ask_with_an_unknown_organisation_is_bad_usage(env, capsys):
    assert main(["ask", "Vem beslutar?", "--org", "Atlantis"]) == 2
    assert "Known organisations:" in capsys.readouterr().err


def test_batch_answers_each_line_with_its_id(env, capsys, monkeypatch):
    lines = [
        {"id": "a", "question": "Vem beslutar om vänortssamarbeten?"},
        {
            "id": "b",
            "question": "Och vem ansvarar för officiella internationella kontakter där?",
            "history": ["Vem beslutar om vänortssamarbeten i Västernorrland?"],
        },
        {"id": "c", "question": "Vilka principer gäller?", "org": "Stockholm"},
    ]
    monkeypatch.setattr(
        "sys.stdin", io.StringIO("\n".join(json.dumps(x) for x in lines) + "\nnot json\n")
    )
    assert main(["batch"]) == 1  # the last line is reported, the others answered
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [o["id"] for o in out[:3]] == ["a", "b", "c"]
    assert "Regionala nämnden" in out[1]["answer"]
    assert {c["organisation"] for c in out[2]["citations"]} == {"Stockholms läns landsting"}
    assert "error" in out[3]
