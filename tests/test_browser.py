"""One real-browser test: `streamlit run app.py` headless, Debian's Chromium driven by
Playwright asks a question and sees the answer and a source; a screenshot is saved."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from core.settings import Settings
from tests.helpers import free_port

pytestmark = pytest.mark.browser
CHROMIUM = "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "tests" / "artifacts"


@pytest.fixture
def server(real_index: Settings, tmp_path: Path):
    port = free_port()
    env = {
        **os.environ,
        "POLICY_ASSISTANT_INDEX_DIR": str(real_index.index_path),
        "POLICY_ASSISTANT_FEEDBACK_DB": str(tmp_path / "feedback.sqlite3"),
    }
    streamlit = shutil.which("streamlit") or str(Path(sys.executable).with_name("streamlit"))
    log = (tmp_path / "streamlit.log").open("w")
    proc = subprocess.Popen(
        [
            streamlit,
            "run",
            str(ROOT / "app.py"),
            "--server.headless",
            "true",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--browser.gatherUsageStats",
            "false",
        ],
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
                pytest.fail((tmp_path / "streamlit.log").read_text())
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


@pytest.mark.skipif(
    not Path(CHROMIUM).exists(),
    reason="Debian's chromium is not installed (make test installs it where apt-get works)",
)
def test_a_question_in_a_real_browser_shows_the_answer_and_a_source(server: str):
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="the playwright package is not installed"
    )
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 1000})
            page.goto(server)
            box = page.get_by_placeholder("Ställ en fråga om de internationella policyerna …")
            box.wait_for(timeout=120_000)
            box.fill("Vem beslutar om vänortssamarbeten?")
            box.press("Enter")
            page.get_by_text("Landstingsfullmäktige beslutar om").first.wait_for(timeout=120_000)
            source = page.get_by_text("[1] Landstinget Västernorrland").first
            source.wait_for(timeout=30_000)
            source.click()
            page.wait_for_timeout(500)
            page.screenshot(path=str(ARTIFACTS / "chat.png"), full_page=True)
        finally:
            browser.close()
    assert (ARTIFACTS / "chat.png").stat().st_size > 10_000
