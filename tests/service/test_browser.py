"""Drive Debian's headless Chromium against a real uvicorn server (pytest -m browser).

The server runs the real articles. It uses the real engine when ``carenote.engine``
provides ``load_engine`` and the knowledge base compiles, and otherwise the toy engine, so
the page flow stays tested while the engine is being built; the assertions hold for both.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import Browser, Page, sync_playwright

from carenote.compiler.build import CompileError
from carenote.service.app import create_app, load_check_engine
from carenote.service.settings import PACKAGED_ARTICLES, Settings

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin"),
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Start uvicorn on 127.0.0.1 and a random free port, in a thread; stop it afterwards."""
    data = tmp_path_factory.mktemp("browser-data")
    settings = Settings(data_dir=data, articles_dir=PACKAGED_ARTICLES)
    try:
        engine = load_check_engine(settings)
    except CompileError:
        engine = None  # the knowledge base is mid-edit; the page flow is still worth testing
    if engine is None:
        from toy_engine import ToyEngine

        engine = ToyEngine()
    port = _free_port()
    config = uvicorn.Config(create_app(settings, engine=engine), host="127.0.0.1", port=port,
                            log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """A headless Chromium (never downloaded: Debian's binary is used)."""
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh page with a phone-sized viewport (the pages must work on a phone)."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    tab = context.new_page()
    errors: list[str] = []
    tab.on("console", lambda message: errors.append(message.text)
           if message.type == "error" else None)
    yield tab
    context.close()
    # A CSP violation (an inline style or script) shows up as a console error.
    assert errors == []


def test_article_to_check_to_result(page: Page, server_url: str) -> None:
    p = page
    p.goto(f"{server_url}/articles/low-alkaline-phosphatase")
    assert "alkaline phosphatase" in p.title().lower()
    p.get_by_role("link", name="Start a symptom check").click()
    p.get_by_label("Age", exact=True).fill("38")
    p.get_by_label("Female").check()
    p.locator("#lab_value_0").fill("18")
    p.locator("#lab_unit_0").fill("U/L")
    p.get_by_role("button", name="Continue").click()
    for _ in range(40):
        if p.get_by_role("heading", name="Your check result").count():
            break
        assert p.locator(".progress").inner_text().startswith("Question")
        # Answer "No" (or the last option of a one-choice question) to every item.
        for group in p.locator(".question-form .choices").all():
            options = group.locator("input[type=radio]")
            no = group.locator("input[value=absent]")
            (no if no.count() else options.last).check()
        p.get_by_role("button", name="Next").click()
    else:
        pytest.fail("the check never reached its result")
    causes = p.locator(".causes .cause")
    assert causes.count() >= 1
    assert "%" in causes.first.locator(".probability").inner_text()
    assert p.locator(".triage h2").inner_text()
    assert p.locator(".lab-chart svg").count() == 1
    p.get_by_role("button", name="Save this result").click()
    assert p.get_by_text("This result is saved.").count() == 1
    assert "/check/saved/" in p.url


def test_helpful_is_counted(page: Page, server_url: str) -> None:
    p = page
    p.goto(f"{server_url}/articles/low-alkaline-phosphatase")
    p.get_by_label("What could be better? (optional)").fill("Clear and calm.")
    p.get_by_role("button", name="Yes, it helped").click()
    assert p.get_by_role("heading", name="Thank you for your feedback").count() == 1
    assert int(p.locator(".helpful-count").inner_text()) >= 1


def test_skip_link_is_the_first_focus_stop(page: Page, server_url: str) -> None:
    p = page
    p.goto(f"{server_url}/")
    p.keyboard.press("Tab")
    focused = p.evaluate("document.activeElement.textContent")
    assert focused == "Skip to main content"
