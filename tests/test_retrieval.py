"""Hybrid retrieval finds Swedish passages for Swedish and English questions (real model)."""

from __future__ import annotations

import pytest

from assistant.retrieval import PolicyRetriever
from core.text import Lexicon, analyze, detect_language


def texts(hits) -> list[str]:
    return [h.passage.text for h in hits]


def test_compounds_are_split_into_known_parts():
    lexicon = Lexicon({"vänort", "samarbeten", "utbyte", "landsting", "styrelsen"})
    assert lexicon.split("vänortssamarbeten") == ("vänort", "samarbeten")
    assert lexicon.split("vänortsutbyte") == ("vänort", "utbyte")
    assert lexicon.split("landstingsstyrelsen") == ("landsting", "styrelsen")
    assert lexicon.split("internationella") == ()
    assert "vänort" in analyze("Vänortssamarbeten", lexicon)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Vem beslutar om vänortssamarbeten?", "sv"),
        ("Who decides on twinning?", "en"),
        ("And in Härjedalen?", "en"),
        ("Och där?", "sv"),
    ],
)
def test_the_question_language_is_detected(text, lang):
    assert detect_language(text) == lang


def test_a_question_about_vanort_finds_both_compounds(assistant):
    hits = assistant.retrieve("Vad står det om vänort?", k=5)
    found = " ".join(texts(hits))
    assert "vänortssamarbeten" in found and "vänortsutbyte" in found


def test_an_english_question_finds_the_swedish_passage(assistant):
    hits = assistant.retrieve("Who decides on twinning arrangements?", k=3)
    assert "vänortssamarbeten" in hits[0].passage.text


def test_dense_search_takes_part_in_the_ranking(assistant):
    hits = assistant.retrieve("Vem beslutar om vänortssamarbeten?", k=5)
    assert any(h.dense_rank is not None for h in hits)
    assert any(h.lexical_rank is not None for h in hits)


def test_an_organisation_filter_keeps_to_that_organisation(assistant):
    hits = assistant.retrieve(
        "Vem ansvarar för officiella kontakter?", organisations=["härjedalen"], k=5
    )
    assert hits and {h.passage.organisation for h in hits} == {"Härjedalens kommun"}


def test_a_document_filter_keeps_to_that_document(assistant):
    doc = "varmland-internationell-strategi-2011-2014"
    hits = assistant.retrieve("Vem ansvarar för officiella kontakter?", documents=[doc], k=5)
    assert hits and {h.passage.doc_id for h in hits} == {doc}


def test_an_organisation_named_in_the_question_filters_by_itself(assistant):
    hits = assistant.retrieve("Vilka nätverk är Värmland medlem i?", k=5)
    assert {h.passage.organisation for h in hits} == {"Landstinget i Värmland"}


def test_the_langchain_retriever_returns_documents_with_metadata(assistant):
    docs = PolicyRetriever(assistant=assistant, k=2).invoke("Vem beslutar om vänortssamarbeten?")
    assert len(docs) == 2
    assert docs[0].metadata["organisation"] == "Landstinget Västernorrland"
    assert "vänortssamarbeten" in docs[0].page_content
