"""The Streamlit chat, driven by Streamlit's own AppTest against a real index."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from core.settings import Settings

APP = str(Path(__file__).resolve().parents[1] / "app.py")


@pytest.fixture
def app(real_index: Settings, monkeypatch, tmp_path):
    monkeypatch.setenv("POLICY_ASSISTANT_INDEX_DIR", str(real_index.index_path))
    monkeypatch.setenv("POLICY_ASSISTANT_FEEDBACK_DB", str(tmp_path / "feedback.sqlite3"))
    at = AppTest.from_file(APP, default_timeout=180)
    at.run()
    assert not at.exception
    return at


def all_markdown(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_a_starter_question_is_answered_with_numbered_sources(app: AppTest):
    assert len([b for b in app.button if b.key and b.key.startswith("starter_")]) == 3
    app.button(key="starter_s1").click().run()
    assert not app.exception
    assert [m.name for m in app.chat_message] == ["user", "assistant"]
    text = all_markdown(app)
    assert "Landstingsfullmäktige beslutar om" in text and "\\[1\\]" in text
    labels = [e.label for e in app.expander]
    assert labels[0].startswith("[1] Landstinget Västernorrland – Internationell policy")
    assert not [b for b in app.button if b.key and b.key.startswith("starter_")]


def test_an_organisation_filter_shows_only_that_organisations_sources(app: AppTest):
    app.multiselect(key="org_filter").set_value(["Härjedalens kommun"]).run()
    app.chat_input[0].set_value("Vem ansvarar för officiella kontakter?").run()
    labels = [e.label for e in app.expander]
    assert labels and all("Härjedalens kommun" in label for label in labels)


def test_the_interface_switches_to_english(app: AppTest):
    app.radio(key="lang_choice").set_value("English").run()
    assert app.title[0].value == "Policy assistant"
    app.chat_input[0].set_value("Who decides on twinning?").run()
    text = all_markdown(app)
    assert "From Landstinget Västernorrland" in text and "Sources" in text


def test_feedback_is_stored_with_question_answer_and_citations(app: AppTest, tmp_path: Path):
    app.chat_input[0].set_value("Vem beslutar om vänortssamarbeten?").run()
    app.text_input(key="comment_0").input("Bra svar").run()
    app.button(key="up_0").click().run()
    assert not app.exception
    with sqlite3.connect(tmp_path / "feedback.sqlite3") as db:
        rows = db.execute(
            "SELECT question, answer, helpful, comment, citations FROM feedback"
        ).fetchall()
    assert len(rows) == 1
    question, answer, helpful, comment, citations = rows[0]
    assert (
        question == "Vem beslutar om vänortssamarbeten?" and helpful == 1 and comment == "Bra svar"
    )
    assert "Landstingsfullmäktige" in answer and "vänortssamarbeten" in citations


def test_document_text_with_a_script_tag_is_shown_as_text(
    real_embedder, tmp_path: Path, monkeypatch
):
    from ingest.indexer import ingest

    library = tmp_path / "policies"
    library.mkdir()
    (library / "ond.md").write_text(
        "# Internationell policy för Region Exempel\n\n## Vänorter\n\n"
        "Region Exempel beslutar om vänorter. <script>alert('x')</script> **fet** [länk](javascript:alert(1)) :red[röd]\n",
        encoding="utf-8",
    )
    settings = Settings(policies_dir=library, index_dir=tmp_path / "index")
    ingest(settings, embedder=real_embedder)
    monkeypatch.setenv("POLICY_ASSISTANT_POLICIES_DIR", str(library))
    monkeypatch.setenv("POLICY_ASSISTANT_INDEX_DIR", str(settings.index_path))
    monkeypatch.setenv("POLICY_ASSISTANT_FEEDBACK_DB", str(tmp_path / "fb.sqlite3"))
    at = AppTest.from_file(APP, default_timeout=180).run()
    at.chat_input[0].set_value("Vem beslutar om vänorter?").run()
    assert not at.exception
    rendered = all_markdown(at)
    assert "\\<script\\>alert\\(\\'x\\'\\)\\</script\\>" in rendered
    assert "\\:red\\[röd\\]" in rendered
    assert "<script>" not in rendered


def test_errors_reach_the_user_as_a_short_message(real_index: Settings, monkeypatch):
    monkeypatch.setenv("POLICY_ASSISTANT_INDEX_DIR", str(real_index.index_path))
    monkeypatch.setenv("POLICY_ASSISTANT_TOP_K", "many")
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert "POLICY\\_ASSISTANT\\_TOP\\_K" in at.error[0].value


def test_the_library_marks_expired_documents(app: AppTest):
    app.radio(key="view_sv").set_value("Dokumentbibliotek").run()
    headers = [h.value for h in app.subheader]
    assert len(headers) == 5
    assert any("Har upphört att gälla" in e.value and "2017" in e.value for e in app.error)
    assert any("Har upphört att gälla" in e.value and "2014" in e.value for e in app.error)


def test_the_glossary_lists_swedish_and_english_terms(app: AppTest):
    app.radio(key="view_sv").set_value("Ordlista").run()
    frame = app.dataframe[0].value
    english = " ".join(frame["Engelska"])
    assert "twinning" in english and "county council assembly" in english


def test_with_the_llm_down_the_chat_shows_the_extractive_answer_and_a_notice(
    real_index: Settings, monkeypatch, tmp_path
):
    monkeypatch.setenv("POLICY_ASSISTANT_INDEX_DIR", str(real_index.index_path))
    monkeypatch.setenv("POLICY_ASSISTANT_FEEDBACK_DB", str(tmp_path / "feedback.sqlite3"))
    monkeypatch.setenv(
        "POLICY_ASSISTANT_LLM_BASE_URL", "http://127.0.0.1:9/v1"
    )  # nothing listens there
    monkeypatch.setenv("POLICY_ASSISTANT_LLM_MODEL", "absent")
    monkeypatch.setenv("POLICY_ASSISTANT_LLM_TIMEOUT", "2")
    at = AppTest.from_file(APP, default_timeout=180).run()
    at.chat_input[0].set_value("Vem beslutar om vänortssamarbeten?").run()
    assert not at.exception
    assert "Språkmodellen svarade inte" in at.info[0].value
    assert "Landstingsfullmäktige beslutar om" in all_markdown(at)


def test_the_responsibility_map_filters_by_matter_and_exports_csv(app: AppTest):
    app.radio(key="view_sv").set_value("Vem beslutar vad").run()
    app.text_input(key="map_filter").input("vänort").run()
    frame = app.dataframe[0].value
    assert list(frame["Organ"]) == ["Landstingsfullmäktige"]
    assert list(frame["Ärende"]) == ["vänortssamarbeten"]
    assert not app.exception


def test_the_checklist_page_shows_cited_items_and_gaps(app: AppTest):
    app.radio(key="view_sv").set_value("Inför resan").run()
    app.selectbox(key="checklist_org").set_value("Norrbottens läns landsting").run()
    text = all_markdown(app)
    assert "Uppträdande som ambassadör" in text and "ambassadörer" in text
    assert "Policyn säger inget om detta" in text
    assert not app.exception


def test_feedback_that_cannot_be_saved_is_said_in_the_users_language(app: AppTest, tmp_path: Path):
    from assistant.feedback import FeedbackStore

    path = tmp_path / "feedback.sqlite3"
    FeedbackStore(path).rows()  # the database exists; now another program holds its lock
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        app.chat_input[0].set_value("Vem beslutar om vänortssamarbeten?").run()
        app.button(key="up_0").click().run()
        assert not app.exception
        assert [e.value for e in app.error] == [
            "Återkopplingen kunde inte sparas: databasen är upptagen just nu. "
            "Försök igen om en stund."
        ]
        assert app.button(key="up_0")  # the buttons stay, to try again
        app.radio(key="lang_choice").set_value("English").run()
        app.button(key="down_0").click().run()
        assert [e.value for e in app.error] == [
            "Your feedback could not be saved: the database is busy right now. Try again in a moment."
        ]
    finally:
        other.rollback()
        other.close()
    app.button(key="down_0").click().run()
    assert not app.error and [r.helpful for r in FeedbackStore(path).rows()] == [False]
