"""The Streamlit chat, driven by Streamlit's own AppTest against a real index."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from core.messages import text as messages_text
from core.settings import Settings
from tests.language_check import library_names, swedish_outside_quotes

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


def ask(at: AppTest, question: str) -> AppTest:
    at.chat_input[0].set_value(question).run()
    assert not at.exception
    return at


def card_labels(at: AppTest) -> list[str]:
    return [e.label for e in at.expander if e.label.startswith("**\\[")]


def expanded(at: AppTest, number: int, turn: int = 0) -> bool:
    """Whether the source card [number] of a turn is open (its label starts with the number)."""
    prefix = f"**\\[{number}\\]**"
    cards = [e for e in at.expander if e.label.startswith(prefix)]
    assert len(cards) > turn, [e.label for e in at.expander]
    return cards[turn].proto.expanded


def visible_text(at: AppTest) -> list[str]:
    """Every piece of interface text a user can see or hear: Markdown, captions, alerts,
    labels, options, placeholders and help texts."""
    texts: list[str] = []
    for kind in ("markdown", "caption", "title", "subheader", "info", "warning", "error"):
        texts += [e.value for e in getattr(at, kind)]
    texts += [e.label for e in at.expander]
    for widget in [*at.button, *at.radio, *at.selectbox, *at.multiselect, *at.text_input]:
        texts.append(widget.label)
        texts += [str(o) for o in getattr(widget, "options", [])]
        texts.append(getattr(widget.proto, "help", ""))
        texts.append(getattr(widget.proto, "placeholder", ""))
    texts += [c.placeholder for c in at.chat_input]
    return [t for t in texts if t]


def test_a_starter_question_is_answered_first_then_its_sources(app: AppTest):
    assert len([b for b in app.button if b.key and b.key.startswith("starter_")]) == 3
    app.button(key="starter_s1").click().run()
    assert not app.exception
    assert [m.name for m in app.chat_message] == ["user", "assistant"]
    lead = app.chat_message[1].markdown[0].value
    # the direct answer comes first, and its [1] is a link to the first source card
    assert lead.startswith("I Landstinget Västernorrland")
    assert "Landstingsfullmäktige beslutar om vänortssamarbeten" in lead
    assert '[\\[1\\]](#src_0_1 "Öppna källa 1")' in lead
    labels = card_labels(app)
    assert labels[0].startswith(
        "**\\[1\\]** Landstinget Västernorrland · ”Internationell policy” · "
    )
    assert all(re.search(r":(green|red|gray|orange)-badge\[", label) for label in labels)
    assert not expanded(app, 1)
    assert not [b for b in app.button if b.key and b.key.startswith("starter_")]


def test_source_cards_carry_a_validity_badge_from_the_catalog(app: AppTest):
    ask(app, "Vem beslutar om vänortssamarbeten?")
    labels = card_labels(app)
    for label in labels:
        if "Landstinget i Värmland" in label or "Stockholms läns landsting" in label:
            assert label.endswith(":red-badge[Har upphört]")  # valid to 2014, 2017
        if "Landstinget Västernorrland" in label:
            assert label.endswith(":gray-badge[Giltighet okänd]")  # no end date in the text
    app.radio(key="lang").set_value("en").run()
    assert any(label.endswith(":red-badge[Expired]") for label in card_labels(app))
    assert any(label.endswith(":gray-badge[Date unknown]") for label in card_labels(app))


def test_an_open_source_stays_open_across_reruns_pages_and_languages(app: AppTest):
    ask(app, "Vem beslutar om vänortssamarbeten?")
    # what the [1] link does in the browser: Streamlit records the keyed expander's state
    # and the app keeps it in session state
    app.session_state["opened"] = {"src_0_1"}
    app.run()
    assert expanded(app, 1) and not expanded(app, 2)
    app.radio(key="view").set_value("map").run()
    assert not app.expander or not card_labels(app)
    app.radio(key="view").set_value("chat").run()
    assert expanded(app, 1)
    app.radio(key="lang").set_value("en").run()  # the label changes language; the card stays open
    assert expanded(app, 1) and not expanded(app, 2)


def test_the_whole_section_is_more_than_the_quoted_passage(app: AppTest):
    ask(app, "Vem beslutar om vänortssamarbeten?")

    def card() -> str:
        first = next(e for e in app.expander if e.label.startswith("**\\[1\\]**"))
        return "\n".join(m.value for m in first.markdown)

    # [1] is the three-line list under "Landstingsfullmäktige beslutar om", a heading of its
    # own; the whole section is the allocation of responsibility, the regional board's too
    assert "Regionala nämnden" not in card()
    app.toggle(key="src_0_1_whole").set_value(True).run()
    assert not app.exception
    assert "måldokument för länets gemensamma internationella arbete" in card()
    assert "Regionala nämnden är på landstingsfullmäktiges uppdrag" in card()
    assert "src_0_1_whole" in app.session_state["opened"]


def test_a_refusal_says_its_case_and_offers_the_nearest_sections_as_cards(app: AppTest):
    ask(app, "Hur mycket är traktamentet vid en resa till Bryssel?")
    assert "Policyerna anger inga belopp" in app.info[0].value
    assert "Närmast i policyerna (öppna källorna för att läsa):" in [c.value for c in app.caption]
    labels = card_labels(app)
    assert 1 <= len(labels) <= 3
    assert not [m for m in app.chat_message[1].markdown if "](#src_" in m.value]  # no lead


def test_an_organisation_chosen_in_the_sidebar_limits_the_sources(app: AppTest):
    app.selectbox(key="org").set_value("Härjedalens kommun").run()
    ask(app, "Vem ansvarar för officiella kontakter?")
    labels = card_labels(app)
    assert labels and all("Härjedalens kommun" in label for label in labels)


def test_a_trip_answer_links_to_the_checklist_which_follows_the_sidebar(app: AppTest):
    ask(app, "Vad ska jag tänka på inför en officiell resa utomlands?")
    link = app.button(key="guide_0_checklist")
    organisation = link.label.split(": ", 1)[1]
    link.click().run()
    assert not app.exception
    assert app.radio(key="view").value == "checklist"
    assert app.selectbox(key="org").value == organisation
    assert app.subheader[0].value == f"Inför resan: {organisation}"
    app.selectbox(key="org").set_value("Norrbottens läns landsting").run()
    assert app.subheader[0].value == "Inför resan: Norrbottens läns landsting"
    text = all_markdown(app)
    assert "Uppträdande som ambassadör" in text and "ambassadörer" in text
    assert "Policyn säger inget om detta" in text
    app.radio(key="lang").set_value("en").run()  # the page stays; its language changes
    assert app.radio(key="view").value == "checklist"
    assert app.subheader[0].value == "Before the trip: Norrbottens läns landsting"
    assert "Conduct as an ambassador" in all_markdown(app)


def test_an_onboarding_question_links_to_the_onboarding_page(app: AppTest):
    app.radio(key="lang").set_value("en").run()
    ask(app, "What should a newly elected politician know about the international work?")
    link = app.button(key="guide_0_onboarding")
    assert link.label.startswith("Onboarding for the newly elected: ")
    assert not [b for b in app.button if b.key == "guide_0_checklist"]
    link.click().run()
    assert app.radio(key="view").value == "onboarding"
    assert "Who decides what" in all_markdown(app)


def test_guides_are_built_once_per_index_version(app: AppTest, monkeypatch):
    import assistant.guides

    calls: list[str] = []
    real = assistant.guides.build_guide

    def counting(*args, **kwargs):
        calls.append(args[1])
        return real(*args, **kwargs)

    app.selectbox(key="org").set_value("Härjedalens kommun").run()
    app.radio(key="view").set_value("onboarding").run()  # built here (or by an earlier test)
    app.radio(key="lang").set_value("en").run()
    app.radio(key="view").set_value("chat").run()
    monkeypatch.setattr(assistant.guides, "build_guide", counting)
    app.radio(key="view").set_value("onboarding").run()
    app.radio(key="lang").set_value("sv").run()
    assert not app.exception
    assert "För nyvalda: Härjedalens kommun" in [h.value for h in app.subheader]
    assert "Härjedalens kommun" not in calls  # built once, shown again without rebuilding


def test_the_english_interface_shows_no_swedish_outside_quotes(app: AppTest):
    app.radio(key="lang").set_value("en").run()
    assert app.title[0].value == "Policy assistant"
    ask(app, "Who decides on twinning?")
    app.session_state["opened"] = {"src_0_1", "full_0"}
    app.run()
    text = "\n".join(visible_text(app))
    assert "In Landstinget Västernorrland" in text and "Sources" in text
    assert swedish_outside_quotes(text, library_names()) == set()
    app.radio(key="view").set_value("onboarding").run()
    app.selectbox(key="org").set_value("Landstinget Västernorrland").run()
    text = "\n".join(visible_text(app))
    assert "For the newly elected: Landstinget Västernorrland" in text
    assert swedish_outside_quotes(text, library_names()) == set()


def test_a_question_over_the_limit_keeps_the_text_and_says_the_limit(app: AppTest):
    pasted = ("Vem beslutar om vänortssamarbeten? " * 200)[:6000]
    ask(app, pasted)
    assert not app.chat_message  # nothing was sent
    assert [w.value for w in app.warning] == [
        "Frågan är 6\u00a0000 tecken lång; gränsen är 2\u00a0000. Texten finns kvar i rutan – "
        "korta ner den eller ställ en fråga i taget."
    ]
    assert app.chat_input[0].value == pasted  # what was typed is back in the box
    app.radio(key="lang").set_value("en").run()
    ask(app, pasted)
    assert app.warning[0].value.startswith(
        "The question is 6,000 characters long; the limit is 2,000."
    )
    ask(app, "Vem beslutar om vänortssamarbeten?")  # a short question goes through
    assert not [w for w in app.warning if "characters" in w.value]
    assert [m.name for m in app.chat_message] == ["user", "assistant"]


def test_feedback_is_two_buttons_and_a_comment_on_demand(app: AppTest, tmp_path: Path):
    ask(app, "Vem beslutar om vänortssamarbeten?")
    assert app.button(key="up_0").label == "👍" and app.button(key="down_0").label == "👎"
    assert not app.text_input  # no full-width comment box
    app.text_area(key="comment_0").input("Bra svar").run()  # in the comment popover
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
    assert "Tack! Återkopplingen är sparad." in [c.value for c in app.caption]


def test_document_text_with_a_script_tag_is_shown_as_text(
    real_embedder, tmp_path: Path, monkeypatch
):
    from ingest.indexer import ingest

    library = tmp_path / "policies"
    library.mkdir()
    (library / "ond.md").write_text(
        "# Internationell policy för Region Exempel\n\n## Vänorter <b>fet</b>\n\n"
        "Region Exempel beslutar om vänorter. <script>alert('x')</script> **fet** [länk](javascript:alert(1)) :red[röd]\n",
        encoding="utf-8",
    )
    settings = Settings(policies_dir=library, index_dir=tmp_path / "index")
    ingest(settings, embedder=real_embedder)
    monkeypatch.setenv("POLICY_ASSISTANT_POLICIES_DIR", str(library))
    monkeypatch.setenv("POLICY_ASSISTANT_INDEX_DIR", str(settings.index_path))
    monkeypatch.setenv("POLICY_ASSISTANT_FEEDBACK_DB", str(tmp_path / "fb.sqlite3"))
    at = AppTest.from_file(APP, default_timeout=180).run()
    at.chat_input[0].set_value("Vem beslutar om vänorter? <img src=x onerror=alert(1)>").run()
    assert not at.exception
    at.toggle(key="src_0_1_whole").set_value(True).run()
    rendered = all_markdown(at) + "\n".join(card_labels(at))
    assert "\\<script\\>alert\\(\\'x\\'\\)\\</script\\>" in rendered
    assert "\\:red\\[röd\\]" in rendered
    assert "\\<b\\>fet\\</b\\>" in rendered  # a heading in a card's label
    assert "\\<img src\\=x onerror\\=alert\\(1\\)\\>" in rendered  # the question
    assert not re.search(r"(?<!\\)<(script|img|b)\b", rendered)


def test_errors_reach_the_user_as_a_short_message(real_index: Settings, monkeypatch):
    monkeypatch.setenv("POLICY_ASSISTANT_INDEX_DIR", str(real_index.index_path))
    monkeypatch.setenv("POLICY_ASSISTANT_TOP_K", "many")
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert "POLICY\\_ASSISTANT\\_TOP\\_K" in at.error[0].value


def test_the_library_marks_expired_documents(app: AppTest):
    app.radio(key="view").set_value("library").run()
    headers = [h.value for h in app.subheader]
    assert len(headers) == 5
    assert any("Har upphört att gälla" in e.value and "2017" in e.value for e in app.error)
    assert any("Har upphört att gälla" in e.value and "2014" in e.value for e in app.error)


def test_the_glossary_lists_swedish_and_english_terms(app: AppTest):
    app.radio(key="view").set_value("glossary").run()
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


def test_the_map_is_one_table_searchable_in_swedish_and_english(app: AppTest):
    app.radio(key="view").set_value("map").run()
    assert len(app.dataframe) == 1  # no box per row
    assert [e.label for e in app.main.expander] == []
    app.text_input(key="map_filter").input("vänort").run()
    frame = app.dataframe[0].value
    assert list(frame["Organ"]) == ["Landstingsfullmäktige"]
    assert list(frame["Ärende"]) == ["vänortssamarbeten"]
    app.radio(key="lang").set_value("en").run()
    app.text_input(key="map_filter").input("twinning").run()  # the glossary's English
    frame = app.dataframe[0].value
    assert list(frame["Matter (Swedish)"]) == ["vänortssamarbeten"]
    assert list(frame["Relation"]) == ["decides on"]
    assert "twinning" in frame["In English (glossary)"][0]
    app.text_input(key="map_filter").input("decides on").run()  # the relation in English
    assert len(app.dataframe[0].value) >= 3
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
        app.radio(key="lang").set_value("en").run()
        app.button(key="down_0").click().run()
        assert [e.value for e in app.error] == [
            "Your feedback could not be saved: the database is busy right now. Try again in a moment."
        ]
    finally:
        other.rollback()
        other.close()
    app.button(key="down_0").click().run()
    assert not app.error and [r.helpful for r in FeedbackStore(path).rows()] == [False]


def test_a_failure_while_answering_is_said_briefly_in_the_users_language(app: AppTest, monkeypatch):
    from assistant.service import Assistant
    from core.errors import AssistantError

    def broken(self, question, **kwargs):
        raise AssistantError("Chroma said no (POLICY_ASSISTANT_CHROMA_HOST)")

    monkeypatch.setattr(Assistant, "ask", broken)
    ask(app, "Vem beslutar om vänortssamarbeten?")
    assert [e.value for e in app.error] == [messages_text("unexpected", "sv")]
    assert not app.exception and "POLICY" not in all_markdown(app)
