"""The Streamlit chat over the policy library: ask, see the sources, trust the answer.

    streamlit run app.py          # or: make run

Thin by design: the assistant package answers; ``assistant.presentation`` turns answers into
escaped Markdown; this file only draws. Every piece of document or user text is escaped; the
one piece of HTML (``PAGE_SCRIPT``) is fixed text written here, with no document or user text
in it.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from assistant import presentation as pres
from assistant.feedback import FeedbackStore
from assistant.guides import Guide
from assistant.presentation import Turn, escape_markdown, highlight, quoted, text_block
from assistant.service import Assistant
from core import messages
from core.errors import AssistantError, FeedbackError, IndexMissingError
from core.settings import Settings
from core.types import Citation

log = logging.getLogger("policy_assistant.app")

LANGUAGES = messages.LANGUAGES
VIEWS = ("chat", "checklist", "onboarding", "map", "library", "glossary")
ALL = ""  # the organisation selector's "all organisations"
GUIDE_ICONS = {"checklist": "🧳", "onboarding": "🏛️"}

# Fixed script (no document or user text; its words are the interface's own, from
# core/messages): tells the browser the page's language, says Streamlit's own labels for
# screen readers in that language, and makes a `[n]` link open its source card (a keyed
# st.expander, so Streamlit records it in st.session_state) and bring it into view, by mouse
# or keyboard.
CHROME_LABELS = {  # selector -> (attribute or "text", message key)
    'a[href="#stMain"]': ("text", "chrome_skip"),
    '[data-testid="stSidebar"]': ("aria-label", "chrome_sidebar"),
    '[data-testid="stSidebarCollapseButton"] button': ("aria-label", "chrome_collapse"),
    '[data-testid="stExpandSidebarButton"]': ("aria-label", "chrome_expand"),
    '[data-testid="stChatInputSubmitButton"]': ("aria-label", "chrome_send"),
    '[aria-label="Open"], [aria-label="Öppna listan"], [aria-label="Open the list"]': (
        "aria-label",
        "chrome_open",
    ),
}
PAGE_SCRIPT = """<script>
(() => {
  const page = %(page)s;
  document.documentElement.lang = page.lang;
  const relabel = () => {
    for (const [selector, [attribute, words]] of Object.entries(page.labels)) {
      for (const element of document.querySelectorAll(selector)) {
        if (attribute === "text") {
          if (element.textContent !== words) element.textContent = words;
        } else if (element.getAttribute(attribute) !== words) {
          element.setAttribute(attribute, words);
        }
      }
    }
  };
  relabel();
  if (window.__policyRelabel) window.__policyRelabel.disconnect();
  window.__policyRelabel = new MutationObserver(relabel);
  window.__policyRelabel.observe(document.body, { childList: true, subtree: true });
  if (window.__policySourceLinks) return;
  window.__policySourceLinks = true;
  document.addEventListener("click", (event) => {
    const link = event.target.closest && event.target.closest('a[href^="#src_"]');
    if (!link) return;
    const card = document.querySelector(".st-key-" + CSS.escape(link.hash.slice(1)));
    if (!card) return;
    event.preventDefault();
    const details = card.querySelector("details");
    const summary = card.querySelector("summary");
    if (details && !details.open && summary) summary.click();
    card.scrollIntoView({ block: "start" });
    if (summary) summary.focus({ preventScroll: true });
  });
})();
</script>"""


@st.cache_resource(show_spinner=False)
def load_assistant(settings_json: str) -> Assistant:
    """One assistant (model, Chroma client, indexes) per process, shared by all sessions.
    On a fresh clone the bundled library is ingested first, with a progress bar."""
    from core.embeddings import make_embedder
    from ingest.indexer import ingest

    settings = Settings.model_validate_json(settings_json)
    embedder = make_embedder(settings)
    try:
        return Assistant(settings, embedder=embedder)
    except IndexMissingError:
        bar = st.progress(0.0, text=t("ingesting"))

        def progress(done: int, total: int, name: str) -> None:
            bar.progress(min(1.0, done / max(total, 1)), text=f"{t('ingesting')} {name}")

        ingest(settings, embedder=embedder, progress=progress)
        bar.empty()
        return Assistant(settings, embedder=embedder)


# Guides and the map are computed once per index version: the key is the index (where it is
# and its generation), so a new ingest, or another index in the same process, computes anew.
@st.cache_data(show_spinner=False, max_entries=256)
def cached_guide(
    index: str, generation: int, organisation: str, kind: str, lang: str, _assistant: Assistant
) -> Guide:
    return _assistant.guide(organisation, kind, lang)


@st.cache_data(show_spinner=False, max_entries=16)
def cached_map(index: str, generation: int, lang: str, _assistant: Assistant) -> list[pres.MapRow]:
    return pres.map_rows(_assistant.responsibilities, _assistant.glossary, lang)


def lang() -> str:
    return messages.language(st.session_state.get("lang"))


def t(key: str, **values: object) -> str:
    return messages.text(key, lang(), **values)


def init_state() -> None:
    st.session_state.setdefault("lang", "sv")
    st.session_state.setdefault("view", "chat")
    st.session_state.setdefault("org", ALL)
    st.session_state.setdefault("turns", [])  # list[Turn]; per session, never shared
    st.session_state.setdefault("feedback_given", {})
    st.session_state.setdefault("opened", set())  # keys of the open cards and toggles
    st.session_state.setdefault("input_problem", None)


# -- state that survives reruns, page and language changes ---------------------------------


def _remember(key: str) -> None:
    opened: set[str] = st.session_state.opened
    if st.session_state.get(key):
        opened.add(key)
    else:
        opened.discard(key)


def sticky_expander(label: str, key: str) -> DeltaGenerator:
    """An expander whose open state is kept in st.session_state.opened: it survives reruns,
    a visit to another page and a change of language (which changes its label)."""
    st.session_state[key] = key in st.session_state.opened
    return st.expander(label, key=key, on_change=_remember, args=(key,))


def sticky_toggle(label: str, key: str) -> bool:
    st.session_state[key] = key in st.session_state.opened
    return st.toggle(label, key=key, on_change=_remember, args=(key,))


def open_page(view: str, organisation: str) -> None:
    st.session_state.view = view
    if organisation:
        st.session_state.org = organisation


def new_conversation() -> None:
    st.session_state.turns = []
    st.session_state.feedback_given = {}
    st.session_state.opened = set()
    st.session_state.input_problem = None


def submit_question(limit: int) -> None:
    """The chat input's callback: a question that is empty or too long is not sent; the text
    goes back into the box and the limit is said in the user's language."""
    text = st.session_state.get("question") or ""
    problem = pres.question_problem(text, limit, lang())
    st.session_state.input_problem = problem
    if problem:
        st.session_state.question = text  # keep what was typed
    else:
        st.session_state.pending = text


def ask_starter(key: str) -> None:
    st.session_state.input_problem = None
    st.session_state.pending = t(key)


# -- the sidebar ------------------------------------------------------------------------------


def sidebar(assistant: Assistant) -> tuple[str, str, list[str]]:
    with st.sidebar:
        st.radio(
            t("language"),
            LANGUAGES,
            key="lang",
            horizontal=True,
            format_func=lambda code: messages.text(f"language_{code}", code),
        )
        # Option labels in the language chosen above, fixed now: a label function must not
        # read session state, which Streamlit may call it without (AppTest does).
        page_names = {view: t(view) for view in VIEWS}
        st.radio(t("view"), VIEWS, key="view", format_func=page_names.__getitem__)
        organisations = [ALL, *assistant.organisations()]
        if st.session_state.get("org") not in organisations:
            st.session_state.org = ALL
        org_names = {o: o or t("all_orgs") for o in organisations}
        organisation = st.selectbox(
            t("org_pick"), organisations, key="org", format_func=org_names.__getitem__
        )
        docs_by_label = {
            f"{m.organisation} – {m.title}": doc_id
            for doc_id, m in sorted(assistant.documents.items(), key=lambda x: x[1].organisation)
            if not organisation or m.organisation == organisation
        }
        chosen = [d for d in st.session_state.get("doc_filter", []) if d in docs_by_label]
        st.session_state.doc_filter = chosen
        doc_labels = st.multiselect(
            t("docs"), list(docs_by_label), key="doc_filter", placeholder=t("all")
        )
        st.button(t("new"), key="new_conversation", on_click=new_conversation)
        with st.expander(t("about")):
            answerer = (
                t("extractive")
                if assistant.llm is None
                else escape_markdown(assistant.answerer_name)
            )
            st.caption(f"{t('answerer')}: {answerer}")
            st.caption(f"{t('model')}: {escape_markdown(assistant.embedder.name)}")
        view = st.session_state.view if st.session_state.view in VIEWS else "chat"
        return view, organisation or ALL, [docs_by_label[label] for label in doc_labels]


# -- answers ----------------------------------------------------------------------------------


def source_card(assistant: Assistant, key: str, c: Citation, question: str) -> None:
    """One compact source: organisation, document, section and validity on one line; open, the
    quoted passage with the matched words in bold, and the whole section on demand."""
    meta = assistant.documents.get(c.doc_id)
    status = meta.validity(assistant.today) if meta else "unknown"
    with sticky_expander(pres.card_label(c, status, lang()), key):
        note = meta.validity_note(assistant.today, lang()) if meta else None
        if note:
            st.warning(t("expired").format(note=escape_markdown(note)))
        if " > " in c.section:
            st.caption(quoted(c.section.replace(" > ", " › "), lang()))
        st.markdown(pres.blockquote(highlight(c.text, question)))
        if sticky_toggle(t("whole"), f"{key}_whole"):
            section, passages = pres.whole_section(assistant.passages, c.doc_id, c.section)
            st.caption(t("whole_heading", section=quoted(pres.section_tail(section), lang())))
            if len(passages) <= 1:
                st.caption(t("whole_single"))
            st.markdown(pres.section_markdown(passages, section, question))


def linked(markdown: str, keys: dict[int, str]) -> str:
    return pres.link_citations(markdown, keys, lambda n: t("source_link", n=n))


def guide_buttons(index: int, turn: Turn) -> None:
    for kind, org in pres.guide_links(turn.answer, turn.question, st.session_state.org):
        label = (
            t(f"guide_link_{kind}", org=escape_markdown(org))
            if org
            else t(f"guide_link_{kind}_any")
        )
        st.button(
            label,
            key=f"guide_{index}_{kind}",
            icon=GUIDE_ICONS[kind],
            type="tertiary",
            on_click=open_page,
            args=(kind, org),
        )


def draw_answer(assistant: Assistant, index: int, turn: Turn) -> None:
    answer = turn.answer
    question = answer.resolved_question or turn.question
    keys = {c.n: pres.source_key(index, c.n) for c in answer.citations}
    if answer.notice:
        st.info(escape_markdown(answer.notice))
    rest = ""
    if answer.abstained:
        st.info(text_block(pres.refusal_message(answer)), icon="🔎")
        if answer.citations:
            st.caption(t("answer_nearest"))
    else:
        lead, rest = pres.answer_parts(answer)
        st.markdown(linked(text_block(lead), keys))
    guide_buttons(index, turn)
    if answer.citations and not answer.abstained:
        st.caption(t("sources"))
    for c in answer.citations:
        source_card(assistant, keys[c.n], c, question)
    if rest:
        with sticky_expander(t("full_answer"), f"full_{index}"):
            st.markdown(linked(text_block(rest), keys))
    feedback(assistant, index, turn)


def feedback(assistant: Assistant, index: int, turn: Turn) -> None:
    """Two small buttons and, on demand, a comment: quiet until used."""
    if st.session_state.feedback_given.get(index):
        st.caption(t("thanks"))
        return
    with st.container(horizontal=True, gap="small", key=f"feedback_{index}"):
        helpful = st.button("👍", key=f"up_{index}", help=t("helpful"), type="tertiary")
        unhelpful = st.button("👎", key=f"down_{index}", help=t("unhelpful"), type="tertiary")
        with st.popover(t("comment_button"), icon="💬", type="tertiary", key=f"note_{index}"):
            st.text_area(t("comment"), key=f"comment_{index}", max_chars=2000)
            st.caption(t("comment_hint"))
    if helpful or unhelpful:
        comment = st.session_state.get(f"comment_{index}") or ""
        try:
            FeedbackStore(assistant.settings.feedback_path).record(
                turn.question, turn.answer, helpful=helpful, comment=comment
            )
        except FeedbackError as exc:  # locked or read-only: say so, keep the buttons
            st.error(t(f"feedback_{exc.reason}"))
            return
        st.session_state.feedback_given[index] = True
        st.caption(t("thanks"))


def ask(assistant: Assistant, question: str, organisation: str, docs: list[str]) -> None:
    """Ask, streaming an LLM's reply as it comes; the answer joins the conversation."""
    history = [turn.question for turn in st.session_state.turns]
    with st.chat_message("user"):
        st.markdown(escape_markdown(question))
    with st.chat_message("assistant"):
        streamed = st.empty()
        buffer: list[str] = []

        def on_token(token: str) -> None:
            buffer.append(token)
            streamed.markdown(escape_markdown("".join(buffer)) + " ▌")

        try:
            with st.spinner(t("thinking")):
                answer = assistant.ask(
                    question,
                    history=history,
                    organisations=[organisation] if organisation else None,
                    documents=docs or None,
                    on_token=on_token,
                )
        except Exception:  # AssistantError or worse: logged for the administrator; no
            # traceback and no English detail in the chat (the question was checked already)
            log.exception("answering failed")
            st.error(t("unexpected"))
            return
        finally:
            streamed.empty()
        st.session_state.turns.append(Turn(question, answer))
        draw_answer(assistant, len(st.session_state.turns) - 1, st.session_state.turns[-1])


def chat_view(assistant: Assistant, organisation: str, docs: list[str]) -> None:
    turns: list[Turn] = st.session_state.turns
    question = st.session_state.pop("pending", None)
    for index, turn in enumerate(turns):
        with st.chat_message("user"):
            st.markdown(escape_markdown(turn.question))
        with st.chat_message("assistant"):
            draw_answer(assistant, index, turn)
    if not turns and not question:
        st.markdown(t("starters"))
        for key in ("s1", "s2", "s3"):
            st.button(t(key), key=f"starter_{key}", on_click=ask_starter, args=(key,))
    if st.session_state.input_problem:
        with st.bottom:
            st.warning(st.session_state.input_problem)
    st.chat_input(
        t("ask"),
        key="question",
        on_submit=submit_question,
        args=(assistant.settings.max_question_chars,),
    )
    if question:
        ask(assistant, question, organisation, docs)
    if st.session_state.turns:
        st.download_button(
            t("export"),
            pres.conversation_markdown(st.session_state.turns, title=t("title")),
            file_name=t("export_file", date=dt.date.today().isoformat()),
            mime="text/markdown",
            key="export",
        )


# -- the other pages --------------------------------------------------------------------------


def guide_view(assistant: Assistant, kind: str, organisation: str) -> None:
    if not organisation:
        st.subheader(t(kind), anchor=False)
        st.info(t("guide_pick_org"))
        return
    guide = cached_guide(
        assistant.settings.store_location,
        assistant.generation,
        organisation,
        kind,
        lang(),
        _assistant=assistant,
    )
    st.subheader(t("guide_heading", page=t(kind), org=escape_markdown(organisation)), anchor=False)
    for note in guide.validity_notes:
        st.warning(t("expired").format(note=escape_markdown(note)))
    if guide.responsibilities:
        st.markdown(f"**{t('who_decides')}**")
        st.markdown(
            "\n".join(f"- {pres.responsibility_line(r, lang())}" for r in guide.responsibilities)
        )
    for item in guide.items:
        if item.found and item.citation:
            c = item.citation
            key = pres.source_key(kind, c.n)
            quote = linked(f"{pres.quoted_block(item.quote, lang())} \\[{c.n}\\]", {c.n: key})
            st.markdown(f"✅ **{escape_markdown(item.label)}**  \n{quote}")
            source_card(assistant, key, c, item.quote)
        else:
            st.markdown(f"⬜ **{escape_markdown(item.label)}**: {t('gap')}")


def map_view(assistant: Assistant, organisation: str) -> None:
    from assistant.responsibilities import to_csv

    st.caption(t("map_intro"))
    rows = cached_map(
        assistant.settings.store_location, assistant.generation, lang(), _assistant=assistant
    )
    needle = st.text_input(t("matter_filter"), key="map_filter")
    everywhere = [r for r in rows if not organisation or r.organisation == organisation]
    shown = pres.filter_map(everywhere, needle)
    st.caption(t("map_count", n=len(shown), total=len(everywhere)))
    columns: dict[str, list[str]] = {
        t("organisation"): [r.organisation for r in shown],
        t("organ"): [r.organ for r in shown],
        t("relation"): [r.relation for r in shown],
        t("matter"): [r.matter for r in shown],
    }
    if lang() == "en":
        columns[t("gloss")] = [r.gloss for r in shown]
    columns[t("section")] = [r.section for r in shown]
    columns[t("document")] = [r.document for r in shown]
    event = st.dataframe(
        columns,
        key="map_table",
        on_select="rerun",
        selection_mode="single-row",
        hide_index=True,
        width="stretch",
    )
    selected = [i for i in event.selection.rows if i < len(shown)]
    if selected:
        r = shown[selected[0]]
        with st.container(border=True, key="map_passage"):
            st.markdown(
                f"**{escape_markdown(r.organisation)}** · {quoted(r.document, lang())} · "
                f"{quoted(r.section, lang())}"
            )
            st.markdown(pres.blockquote(highlight(r.passage_text, r.matter)))
    else:
        st.caption(t("map_select"))
    chosen = {(r.organisation, r.organ, r.matter) for r in shown}
    st.download_button(
        t("csv"),
        to_csv(
            r for r in assistant.responsibilities if (r.organisation, r.organ, r.matter) in chosen
        ),
        file_name=t("map_file"),
        mime="text/csv",
        key="map_csv",
    )


def library_view(assistant: Assistant, organisation: str) -> None:
    statuses = {
        "expired": "status_expired",
        "in_force": "in_force",
        "unknown": "status_unknown",
        "not_yet": "status_not_yet",
    }
    for doc_id, meta in sorted(assistant.documents.items(), key=lambda x: x[1].organisation):
        if organisation and meta.organisation != organisation:
            continue
        status = meta.validity(assistant.today)
        st.subheader(escape_markdown(f"{meta.organisation} – {meta.title}"), anchor=False)
        if status == "expired":
            st.error(
                t("status_expired")
                + escape_markdown(f" ({meta.validity_note(assistant.today, lang=lang())})")
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
        with sticky_expander(
            f"{t('fulltext')} ({len(passages)} {t('passages')})", f"library_{doc_id}"
        ):
            current = None
            for p in passages:
                if p.section != current:
                    current = p.section
                    st.markdown(
                        f"**{escape_markdown(pres.section_tail(p.section) or meta.title)}**"
                    )
                st.markdown(pres.blockquote(text_block(p.text)))


def glossary_view(assistant: Assistant) -> None:
    st.caption(t("glossary_intro"))
    rows = {
        t("english"): [", ".join(e.english) for e in assistant.glossary.entries],
        t("swedish"): [", ".join(e.swedish) for e in assistant.glossary.entries],
        t("note"): [e.note for e in assistant.glossary.entries],
    }
    st.dataframe(rows, hide_index=True, width="stretch")


PAGES: dict[str, Callable[[Assistant, str, list[str]], None]] = {
    "chat": chat_view,
    "checklist": lambda a, org, docs: guide_view(a, "checklist", org),
    "onboarding": lambda a, org, docs: guide_view(a, "onboarding", org),
    "map": lambda a, org, docs: map_view(a, org),
    "library": lambda a, org, docs: library_view(a, org),
    "glossary": lambda a, org, docs: glossary_view(a),
}


def main() -> None:
    init_state()
    st.set_page_config(page_title=t("title"), page_icon="🌍", layout="wide")
    try:
        settings = Settings.load()
        assistant = load_assistant(settings.model_dump_json())
        assistant.refresh()
    except AssistantError as exc:
        st.error(t("error").format(error=escape_markdown(messages.for_error(exc, lang()))))
        return
    except Exception:
        log.exception("start-up failed")
        st.error(t("unexpected"))
        return
    view, organisation, docs = sidebar(assistant)
    st.title(t("title"), anchor=False)
    st.caption(t("caption"))
    PAGES[view](assistant, organisation, docs)
    page = {
        "lang": lang(),
        "labels": {sel: [attr, t(key)] for sel, (attr, key) in CHROME_LABELS.items()},
    }
    # JSON of fixed strings, with "<" escaped so that nothing can close the script element
    data = json.dumps(page, ensure_ascii=False).replace("<", "\\u003c")
    st.html(PAGE_SCRIPT % {"page": data}, unsafe_allow_javascript=True)


main()
