"""The Streamlit chat over the policy library: ask, see the sources, trust the answer.

    streamlit run app.py          # or: make run

Thin by design: the assistant package answers; this file only draws. Every piece of
document or user text is escaped (``assistant.presentation``); no unsafe HTML anywhere.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

import streamlit as st

from assistant.feedback import FeedbackStore
from assistant.presentation import (
    Turn,
    citation_label,
    conversation_markdown,
    escape_markdown,
    highlight,
    section_text,
    text_block,
)
from core import messages
from core.errors import AssistantError, FeedbackError, IndexMissingError
from core.settings import Settings

log = logging.getLogger("policy_assistant.app")


@st.cache_resource(show_spinner=False)
def load_assistant(settings_json: str) -> Any:
    """One assistant (model, Chroma client, indexes) per process, shared by all sessions.
    On a fresh clone the bundled library is ingested first, with a progress bar."""
    from assistant.service import Assistant
    from core.embeddings import make_embedder
    from ingest.indexer import ingest

    settings = Settings.model_validate_json(settings_json)
    embedder = make_embedder(settings)
    try:
        return Assistant(settings, embedder=embedder)
    except IndexMissingError:
        bar = st.progress(0.0, text=messages.text("ingesting", "sv"))

        def progress(done: int, total: int, name: str) -> None:
            bar.progress(
                min(1.0, done / max(total, 1)), text=f"{messages.text('ingesting', 'sv')} {name}"
            )

        ingest(settings, embedder=embedder, progress=progress)
        bar.empty()
        return Assistant(settings, embedder=embedder)


def t(key: str) -> str:
    return messages.table(st.session_state.get("lang", "sv"))[key]


def init_state() -> None:
    st.session_state.setdefault("lang", "sv")
    st.session_state.setdefault("turns", [])  # list[Turn]; per session, never shared
    st.session_state.setdefault("feedback_given", {})


def sidebar(assistant: Any) -> tuple[str, list[str], list[str]]:
    with st.sidebar:
        choice = st.radio(
            "Språk / Language", ["Svenska", "English"], horizontal=True, key="lang_choice"
        )
        st.session_state.lang = "en" if choice == "English" else "sv"
        names = [t("chat"), t("map"), t("checklist"), t("onboarding"), t("library"), t("glossary")]
        view = st.radio(t("view"), names, key=f"view_{st.session_state.lang}")
        orgs = st.multiselect(
            t("orgs"), assistant.organisations(), key="org_filter", placeholder=t("all")
        )
        docs_by_label = {
            f"{m.organisation} – {m.title}": doc_id
            for doc_id, m in sorted(assistant.documents.items(), key=lambda x: x[1].organisation)
            if not orgs or m.organisation in orgs
        }
        doc_labels = st.multiselect(
            t("docs"), list(docs_by_label), key="doc_filter", placeholder=t("all")
        )
        answerer = (
            t("extractive") if assistant.llm is None else escape_markdown(assistant.answerer_name)
        )
        st.caption(f"{t('answerer')}: {answerer}")
        st.caption(f"{t('model')}: {escape_markdown(assistant.embedder.name)}")
        if st.button(t("new"), key="new_conversation"):
            st.session_state.turns = []
            st.session_state.feedback_given = {}
        keys = ["chat", "map", "checklist", "onboarding", "library", "glossary"]
        views = dict(zip(names, keys, strict=True))
        return views.get(view, "chat"), orgs, [docs_by_label[label] for label in doc_labels]


def draw_answer(assistant: Any, index: int, turn: Turn) -> None:
    answer = turn.answer
    if answer.notice:
        st.info(answer.notice)
    st.markdown(text_block(answer.text))
    if answer.citations:
        st.markdown(f"**{t('sources')}**")
    for c in answer.citations:
        with st.expander(citation_label(c)):
            if c.validity_note:
                st.warning(t("expired").format(note=c.validity_note))
            st.caption(escape_markdown(f"{c.section}  ·  {c.source}"))
            st.markdown(highlight(c.text, answer.resolved_question or turn.question))
            if st.toggle(t("whole"), key=f"whole_{index}_{c.n}"):
                st.markdown(text_block(section_text(assistant.passages, c.doc_id, c.section)))
    given = st.session_state.feedback_given.get(index)
    if given:
        st.caption(t("thanks"))
        return
    comment = st.text_input(t("comment"), key=f"comment_{index}")
    left, right = st.columns(2)
    helpful = left.button(t("helpful"), key=f"up_{index}")
    unhelpful = right.button(t("unhelpful"), key=f"down_{index}")
    if helpful or unhelpful:
        try:
            FeedbackStore(assistant.settings.feedback_path).record(
                turn.question, answer, helpful=helpful, comment=comment
            )
        except FeedbackError as exc:  # locked or read-only: say so, keep the buttons
            st.error(t(f"feedback_{exc.reason}"))
            return
        st.session_state.feedback_given[index] = True
        st.caption(t("thanks"))


def ask(assistant: Any, question: str, orgs: list[str], docs: list[str]) -> None:
    history = [turn.question for turn in st.session_state.turns]
    streamed = st.empty()
    buffer: list[str] = []

    def on_token(token: str) -> None:  # LLM answers stream in as they are written
        buffer.append(token)
        streamed.markdown(escape_markdown("".join(buffer)) + " ▌")

    try:
        with st.spinner(t("thinking")):
            answer = assistant.ask(
                question,
                history=history,
                organisations=orgs or None,
                documents=docs or None,
                on_token=on_token,
            )
    except AssistantError as exc:
        st.error(t("error").format(error=escape_markdown(str(exc))))
        return
    except Exception:  # never a traceback in the chat
        log.exception("answering failed")
        st.error(t("unexpected"))
        return
    finally:
        streamed.empty()
    st.session_state.turns.append(Turn(question, answer))


def chat_view(assistant: Any, orgs: list[str], docs: list[str]) -> None:
    question = st.chat_input(t("ask"))
    starters = st.empty()
    if not st.session_state.turns:
        with starters.container():
            st.markdown(t("starters"))
            for key in ("s1", "s2", "s3"):
                if st.button(t(key), key=f"starter_{key}"):
                    question = t(key)
    if question:
        starters.empty()
        ask(assistant, question, orgs, docs)
    for index, turn in enumerate(st.session_state.turns):
        with st.chat_message("user"):
            st.markdown(escape_markdown(turn.question))
        with st.chat_message("assistant"):
            draw_answer(assistant, index, turn)
    if st.session_state.turns:
        st.download_button(
            t("export"),
            conversation_markdown(st.session_state.turns, title=t("title")),
            file_name=f"policy-assistant-{dt.date.today().isoformat()}.md",
            mime="text/markdown",
            key="export",
        )


def library_view(assistant: Any) -> None:
    statuses = {
        "expired": "status_expired",
        "in_force": "in_force",
        "unknown": "status_unknown",
        "not_yet": "status_not_yet",
    }
    for doc_id, meta in sorted(assistant.documents.items(), key=lambda x: x[1].organisation):
        status = meta.validity()
        st.subheader(escape_markdown(f"{meta.organisation} – {meta.title}"))
        if status == "expired":
            st.error(
                t("status_expired")
                + escape_markdown(f" ({meta.validity_note(lang=st.session_state.lang)})")
            )
        facts = {
            t("organisation"): meta.organisation,
            t("type"): meta.type,
            t("decided"): " ".join(
                x for x in (meta.decided_by or "", str(meta.decided_on or "")) if x
            )
            or "–",
            t("valid_from"): str(meta.valid_from or "–"),
            t("valid_to"): str(meta.valid_to or "–"),
            t("status"): t(statuses[status]),
            t("note"): meta.source_note or "–",
        }
        st.table({"": list(facts), " ": list(facts.values())})
        passages = [p for p in assistant.passages if p.doc_id == doc_id]
        with st.expander(f"{t('fulltext')} ({len(passages)} {t('passages')})"):
            current = None
            for p in passages:
                if p.section != current:
                    current = p.section
                    st.markdown(f"**{escape_markdown(p.section or meta.title)}**")
                st.markdown(text_block(p.text))


def map_view(assistant: Any, orgs: list[str]) -> None:
    from assistant.responsibilities import to_csv

    st.caption(t("map_intro"))
    needle = st.text_input(t("matter_filter"), key="map_filter").strip().lower()
    rows = [
        r
        for r in assistant.responsibilities
        if (not orgs or r.organisation in orgs)
        and (not needle or needle in f"{r.organ} {r.matter}".lower())
    ]
    st.dataframe(
        {
            t("organisation"): [r.organisation for r in rows],
            t("organ"): [r.organ for r in rows],
            t("relation"): [r.relation for r in rows],
            t("matter"): [r.matter for r in rows],
            t("section"): [r.section.split(" > ")[-1] for r in rows],
        },
        hide_index=True,
        use_container_width=True,
    )
    st.download_button(
        t("csv"), to_csv(rows), file_name="ansvarskarta.csv", mime="text/csv", key="map_csv"
    )
    for r in rows:
        with st.expander(f"{r.organisation}: {r.sentence()}"[:160]):
            st.caption(escape_markdown(f"{r.document} · {r.section}"))
            st.markdown(highlight(r.passage_text, r.matter))


def guide_view(assistant: Any, kind: str) -> None:
    from assistant.guides import CHECKLIST, ONBOARDING, build_guide

    organisation = st.selectbox(t("org_pick"), assistant.organisations(), key=f"{kind}_org")
    guide = build_guide(
        assistant,
        organisation,
        CHECKLIST if kind == "checklist" else ONBOARDING,
        kind,
        st.session_state.lang,
    )
    for note in guide.validity_notes:
        st.warning(t("expired").format(note=escape_markdown(note)))
    if guide.responsibilities:
        st.markdown(f"**{t('who_decides')}**")
        st.markdown(
            "\n".join(
                f"- {escape_markdown(r.sentence(st.session_state.lang))}"
                for r in guide.responsibilities
            )
        )
    for item in guide.items:
        if item.found and item.citation:
            c = item.citation
            st.markdown(f"✅ **{escape_markdown(item.label)}**")
            st.markdown(text_block(f"“{item.quote}” [{c.n}]"))
            with st.expander(citation_label(c)):
                st.caption(escape_markdown(f"{c.section} · {c.source}"))
                st.markdown(text_block(c.text))
        else:
            st.markdown(f"⬜ **{escape_markdown(item.label)}**: {t('gap')}")


def glossary_view(assistant: Any) -> None:
    st.caption(t("glossary_intro"))
    rows = {
        t("english"): [", ".join(e.english) for e in assistant.glossary.entries],
        t("swedish"): [", ".join(e.swedish) for e in assistant.glossary.entries],
        t("note"): [e.note for e in assistant.glossary.entries],
    }
    st.dataframe(rows, hide_index=True, use_container_width=True)


def main() -> None:
    st.set_page_config(page_title="Policyassistenten", page_icon="🌍", layout="wide")
    init_state()
    try:
        settings = Settings.load()
        assistant = load_assistant(settings.model_dump_json())
        assistant.refresh()
    except AssistantError as exc:
        st.error(t("error").format(error=escape_markdown(str(exc))))
        return
    except Exception:
        log.exception("start-up failed")
        st.error(t("unexpected"))
        return
    view, orgs, docs = sidebar(assistant)
    st.title(t("title"))
    st.caption(t("caption"))
    if view == "map":
        map_view(assistant, orgs)
    elif view in ("checklist", "onboarding"):
        guide_view(assistant, view)
    elif view == "library":
        library_view(assistant)
    elif view == "glossary":
        glossary_view(assistant)
    else:
        chat_view(assistant, orgs, docs)


main()
