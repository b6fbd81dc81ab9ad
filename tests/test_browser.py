"""The chat in a real browser, for three people: `streamlit run app.py` headless, Debian's
Chromium driven by Playwright.

- a coordinator (Swedish) asks who decides on twinning: the direct answer is on top, its [1]
  opens and scrolls to its source, by mouse and by keyboard, and stays open;
- a newly elected English-speaking politician: an English interface with no Swedish outside
  quotes, a link to the onboarding page, and a 6,000-character paste that is kept and told
  the limit;
- an official about to travel: the checklist the answer links to follows the organisation
  chosen in the sidebar, and keeps its page when the language changes.

Each page is checked with axe-core (WCAG 2.1 A and AA; no serious or critical violation) and
saved as a screenshot in tests/artifacts/; the chat's is copied to docs/screenshot.png. The
warm open times of the checklist, onboarding and map pages are printed, not asserted.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from statistics import median
from typing import Any

import pytest

from core.settings import Settings
from tests.helpers import free_port
from tests.language_check import library_names, swedish_outside_quotes

pytestmark = pytest.mark.browser
CHROMIUM = "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "tests" / "artifacts"
AXE_DIR = ROOT / "tests" / ".axe"
AXE = AXE_DIR / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WAIT = 60_000  # ms: a first answer includes loading the model on a busy machine
PASTE = ("Vad ska jag tänka på inför en officiell resa utomlands? " * 120)[:5999] + "?"
AXE_RESULTS: dict[str, list[dict[str, Any]]] = {}
TIMINGS: dict[str, list[float]] = {}

needs_chromium = pytest.mark.skipif(
    not Path(CHROMIUM).exists(),
    reason="Debian's chromium is not installed (make test installs it where apt-get works)",
)


def axe_script() -> Path | None:
    """axe-core's axe.min.js from npm, installed into git-ignored tests/.axe when missing."""
    if not AXE.exists() and shutil.which("npm"):
        subprocess.run(
            ["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(AXE_DIR)]
            + ["axe-core@4"],
            check=False,
            timeout=120,
            capture_output=True,
        )
    return AXE if AXE.exists() else None


@pytest.fixture(scope="module")
def server(real_index: Settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    tmp = tmp_path_factory.mktemp("browser")
    port = free_port()
    env = {
        **os.environ,
        "POLICY_ASSISTANT_INDEX_DIR": str(real_index.index_path),
        "POLICY_ASSISTANT_FEEDBACK_DB": str(tmp / "feedback.sqlite3"),
    }
    streamlit = shutil.which("streamlit") or str(Path(sys.executable).with_name("streamlit"))
    log = (tmp / "streamlit.log").open("w")
    # No command-line options beyond the address: the quiet defaults (headless, no usage
    # statistics, viewer toolbar) must come from .streamlit/config.toml, as for `streamlit run`.
    proc = subprocess.Popen(
        [streamlit, "run", str(ROOT / "app.py"), "--server.port", str(port)]
        + ["--server.address", "127.0.0.1"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        cwd=ROOT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    break
        except OSError:
            if proc.poll() is not None:
                pytest.fail((tmp / "streamlit.log").read_text())
            time.sleep(0.5)
    else:
        proc.kill()
        pytest.fail("streamlit did not become healthy within 90 s")
    yield url
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.skip(
            "Debian's chromium is not installed (make test installs it where apt-get works)"
        )
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="the playwright package is not installed"
    )
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, locale="sv-SE")
    page = context.new_page()
    page.set_default_timeout(WAIT)
    page.goto(server)
    page.get_by_placeholder("Ställ en fråga om de internationella policyerna …").wait_for()
    yield page
    context.close()


# -- helpers ----------------------------------------------------------------------------------


IDLE = (
    "() => document.querySelector('[data-testid=\"stApp\"]')"
    "?.getAttribute('data-test-script-state') === 'notRunning'"
)


def settle(page: Any) -> None:
    """Wait until Streamlit has finished the run an action started (the app root says so)."""
    page.wait_for_timeout(150)
    page.wait_for_function(IDLE, timeout=WAIT)
    page.wait_for_timeout(100)


def ask(page: Any, placeholder: str, question: str) -> None:
    """Ask, and wait until the whole answer is drawn (its feedback buttons come last)."""
    turn = page.locator('[data-testid="stChatMessage"]').count() // 2
    box = page.get_by_placeholder(placeholder)
    box.fill(question)
    box.press("Enter")
    page.locator(f".st-key-feedback_{turn}").wait_for()
    settle(page)


def go(page: Any, label: str) -> None:
    page.locator('[data-testid="stSidebar"] [role="radiogroup"]').get_by_text(
        label, exact=True
    ).click()


def choose_organisation(page: Any, name: str) -> None:
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.locator('[data-testid="stSelectbox"]').first.click()
    page.get_by_role("option", name=name, exact=True).click()
    settle(page)


FOCUSED = """() => {
  const e = document.activeElement;
  const keyed = e && e.closest('[class*="st-key-"]');
  return {tag: e ? e.tagName : '', href: (e && e.getAttribute('href')) || '',
          key: keyed ? [...keyed.classList].find(c => c.startsWith('st-key-')) : ''};
}"""


def card_is_open(page: Any, key: str) -> bool:
    return bool(
        page.evaluate(
            "key => { const d = document.querySelector('.st-key-' + key + ' details');"
            " return !!d && d.open; }",
            key,
        )
    )


def in_view(page: Any, key: str) -> bool:
    box = page.locator(f".st-key-{key}").bounding_box()
    return box is not None and box["y"] < 1000 and box["y"] + min(box["height"], 200) > 0


def main_text(page: Any) -> str:
    """What the main area and the sidebar show, less the quoted passages (blockquotes)."""
    return page.evaluate(
        """() => {
          let text = ['[data-testid="stMain"]', '[data-testid="stSidebar"]']
            .map(s => document.querySelector(s)).filter(Boolean).map(e => e.innerText).join('\\n');
          for (const q of document.querySelectorAll('blockquote')) {
            if (q.innerText.trim()) text = text.split(q.innerText).join(' ');
          }
          return text;
        }"""
    )


def check_axe(page: Any, name: str) -> None:
    """No serious or critical WCAG 2.1 A/AA violation on the page as it is now."""
    script = axe_script()
    if script is None:
        return  # test_the_accessibility_check_ran says why
    page.add_script_tag(path=str(script))
    violations = page.evaluate(
        """async () => {
          const result = await axe.run(document, {runOnly: {type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}});
          return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
        }"""
    )
    AXE_RESULTS[name] = violations
    serious = [v for v in violations if v["impact"] in ("serious", "critical")]
    assert serious == [], json.dumps(serious, indent=1, ensure_ascii=False)


def screenshot(page: Any, name: str) -> Path:
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path))
    assert path.stat().st_size > 10_000
    return path


def timed_open(page: Any, label: str, ready: Any) -> float:
    """Seconds from choosing a page in the sidebar to its content (``ready``, a locator)
    being drawn and Streamlit's run being over."""
    start = time.perf_counter()
    go(page, label)
    ready.first.wait_for()
    page.wait_for_function(IDLE, timeout=WAIT)
    seconds = time.perf_counter() - start
    settle(page)
    return seconds


def map_ready(page: Any) -> Any:
    return page.get_by_text(re.compile(r"^\d+ (av|of) \d+ (rader|rows)$"))


def no_deploy_button(page: Any) -> None:
    assert page.locator('[data-testid="stAppDeployButton"]').count() == 0
    assert page.get_by_role("button", name="Deploy").count() == 0


# -- three people -----------------------------------------------------------------------------


@needs_chromium
def test_a_coordinator_sees_the_answer_first_and_opens_its_source(page: Any):
    no_deploy_button(page)
    check_axe(page, "start (sv)")
    ask(
        page,
        "Ställ en fråga om de internationella policyerna …",
        "Vem beslutar om vänortssamarbeten?",
    )
    answer = page.locator('[data-testid="stChatMessage"]').nth(1)
    lead = answer.locator('[data-testid="stMarkdown"]').first
    assert "Landstingsfullmäktige beslutar om vänortssamarbeten" in lead.inner_text()
    assert lead.is_visible()
    # the direct answer comes before the sources
    cards = answer.locator("details")
    assert lead.bounding_box()["y"] < cards.first.bounding_box()["y"]
    assert not card_is_open(page, "src_0_1")

    lead.locator('a[href="#src_0_1"]').click()
    page.get_by_text("måldokument för länets gemensamma internationella arbete").first.wait_for()
    settle(page)
    assert card_is_open(page, "src_0_1") and in_view(page, "src_0_1")
    page.locator('[data-testid="stChatMessage"]').first.evaluate(
        "e => e.scrollIntoView({block: 'start'})"
    )
    page.wait_for_timeout(200)
    shutil.copyfile(screenshot(page, "chat-sv"), ROOT / "docs" / "screenshot.png")

    # the whole section, on demand: more than the three quoted lines
    page.locator(".st-key-src_0_1_whole").get_by_text("Visa hela avsnittet").click()
    page.get_by_text("Regionala nämnden är på landstingsfullmäktiges uppdrag").first.wait_for()
    settle(page)
    check_axe(page, "chat, a source open (sv)")
    screenshot(page, "chat-sv-whole-section")

    # by keyboard: Tab reaches every control of the answer; Enter on a card opens it
    page.locator(".st-key-lang input").first.focus()  # the first control, in the sidebar
    reached: list[dict[str, str]] = [page.evaluate(FOCUSED)]
    for _ in range(120):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        reached.append(focused)
        if focused["key"] == "st-key-src_0_2" and not card_is_open(page, "src_0_2"):
            page.keyboard.press("Enter")
            settle(page)  # Streamlit records the open card in session state
            assert card_is_open(page, "src_0_2")
            page.locator(".st-key-src_0_2 summary").focus()
        if focused["key"] == "st-key-question" and focused["tag"] == "TEXTAREA":
            break
    keys = {f["key"] for f in reached}
    hrefs = {f["href"] for f in reached}
    assert "#src_0_1" in hrefs  # the [1] link in the direct answer
    for key in ("st-key-src_0_1_whole", "st-key-up_0", "st-key-down_0", "st-key-note_0"):
        assert key in keys, (key, reached)
    assert "st-key-question" in keys  # the chat input
    assert {"st-key-lang", "st-key-view", "st-key-org"} <= keys, reached  # the sidebar
    assert card_is_open(page, "src_0_2")

    # open cards stay open after a visit to another page
    go(page, "Vem beslutar vad")
    page.get_by_text("Sök på organ, ansvar eller ärende").wait_for()
    settle(page)
    page.get_by_label("Sök på organ, ansvar eller ärende (svenska eller engelska)").fill("vänort")
    page.keyboard.press("Enter")
    page.get_by_text("1 av ").wait_for()
    settle(page)
    check_axe(page, "map (sv)")
    screenshot(page, "map-sv")
    go(page, "Chatt")
    page.locator(".st-key-src_0_1").wait_for()
    settle(page)
    assert card_is_open(page, "src_0_1") and card_is_open(page, "src_0_2")
    no_deploy_button(page)


@needs_chromium
def test_a_newly_elected_politician_reads_english_and_pastes_too_much(page: Any):
    page.locator('[data-testid="stSidebar"]').get_by_text("English", exact=True).click()
    placeholder = "Ask about the international policies …"
    page.get_by_placeholder(placeholder).wait_for()
    settle(page)
    assert page.evaluate("document.documentElement.lang") == "en"
    ask(
        page,
        placeholder,
        "What should a newly elected politician know about the international work?",
    )
    answer = page.locator('[data-testid="stChatMessage"]').nth(1)
    lead = answer.locator('[data-testid="stMarkdown"]').first
    assert "[1]" in lead.inner_text() and lead.is_visible()  # a direct, cited answer
    lead.locator('a[href="#src_0_1"]').click()
    settle(page)
    assert card_is_open(page, "src_0_1")
    left = swedish_outside_quotes(main_text(page), library_names())
    assert left == set(), main_text(page)
    check_axe(page, "chat, a source open (en)")
    screenshot(page, "chat-en")

    page.get_by_role("button", name="Onboarding for the newly elected:").first.click()
    heading = page.get_by_role("heading", name="For the newly elected:")
    heading.wait_for()
    settle(page)
    assert "Who decides what" in main_text(page)
    assert swedish_outside_quotes(main_text(page), library_names()) == set(), main_text(page)
    check_axe(page, "onboarding (en)")
    screenshot(page, "onboarding-en")

    go(page, "Chat")
    box = page.get_by_placeholder(placeholder)
    box.wait_for()
    settle(page)
    box.fill(PASTE)
    box.press("Enter")
    page.get_by_text("The question is 6,000 characters long; the limit is 2,000.").wait_for()
    settle(page)
    # what was typed is back in the box (the server sends it back after the submit cleared it)
    page.wait_for_function(
        "n => (document.querySelector('[data-testid=\"stChatInputTextArea\"]') || {}).value"
        "?.length === n",
        arg=len(PASTE),
        timeout=10_000,
    )
    assert box.input_value() == PASTE
    assert page.locator('[data-testid="stChatMessage"]').count() == 2  # nothing was sent
    screenshot(page, "limit-en")
    no_deploy_button(page)


@needs_chromium
def test_an_official_about_to_travel_gets_the_checklist_of_their_organisation(page: Any, capsys):
    ask(
        page,
        "Ställ en fråga om de internationella policyerna …",
        "Vad ska jag tänka på inför en officiell resa utomlands?",
    )
    answer = page.locator('[data-testid="stChatMessage"]').nth(1)
    assert answer.locator('[data-testid="stMarkdown"]').first.is_visible()
    link = page.get_by_role("button", name="Checklista inför resan:").first
    organisation = link.inner_text().split(": ", 1)[1].strip()
    link.click()
    page.get_by_role("heading", name=f"Inför resan: {organisation}").wait_for()
    settle(page)

    other = (
        "Norrbottens läns landsting"
        if organisation != "Norrbottens läns landsting"
        else ("Härjedalens kommun")
    )
    choose_organisation(page, other)
    page.get_by_role("heading", name=f"Inför resan: {other}").wait_for()
    settle(page)
    check_axe(page, "checklist (sv)")
    screenshot(page, "checklist-sv")

    # warm open times: each page once (computed and cached), then again
    checklist = page.get_by_role("heading", name=f"Inför resan: {other}")
    onboarding = page.get_by_role("heading", name=f"För nyvalda: {other}")
    timed_open(page, "För nyvalda", onboarding)
    timed_open(page, "Vem beslutar vad", map_ready(page))
    for _ in range(3):
        TIMINGS.setdefault("checklist", []).append(timed_open(page, "Inför resan", checklist))
        TIMINGS.setdefault("onboarding", []).append(timed_open(page, "För nyvalda", onboarding))
        TIMINGS.setdefault("map", []).append(timed_open(page, "Vem beslutar vad", map_ready(page)))
    check_axe(page, "map (sv, one organisation)")
    go(page, "Inför resan")
    checklist.wait_for()
    settle(page)

    # a change of language keeps the page (and the organisation)
    page.locator('[data-testid="stSidebar"]').get_by_text("English", exact=True).click()
    page.get_by_role("heading", name=f"Before the trip: {other}").wait_for()
    settle(page)
    check_axe(page, "checklist (en)")
    screenshot(page, "checklist-en")

    for name, path in (("library", "Document library"), ("glossary", "Glossary")):
        go(page, path)
        page.get_by_role("heading", name="Policy assistant").wait_for()
        settle(page)
        check_axe(page, f"{name} (en)")
        screenshot(page, f"{name}-en")
    no_deploy_button(page)

    with capsys.disabled():
        print()
        for name, seconds in TIMINGS.items():
            runs = ", ".join(f"{s * 1000:.0f}" for s in seconds)
            print(f"warm open, {name} page: median {median(seconds) * 1000:.0f} ms ({runs} ms)")
    (ARTIFACTS / "timings.json").write_text(json.dumps(TIMINGS, indent=1), encoding="utf-8")


def test_the_accessibility_check_ran(capsys):
    """axe-core needs npm (make browser installs it); without it the check is skipped."""
    if axe_script() is None:
        pytest.skip("npm is not installed: axe-core could not be installed, no accessibility check")
    if not AXE_RESULTS:
        pytest.skip("no page was checked (the browser tests were skipped)")
    with capsys.disabled():
        print()
        for name, violations in AXE_RESULTS.items():
            found = ", ".join(f"{v['id']} ({v['impact']})" for v in violations) or "none"
            print(f"axe, {name}: {found}")
    (ARTIFACTS / "axe.json").write_text(
        json.dumps(AXE_RESULTS, indent=1, ensure_ascii=False), encoding="utf-8"
    )
    assert all(
        v["impact"] not in ("serious", "critical") for found in AXE_RESULTS.values() for v in found
    )
