"""The dashboard in a real browser: headless Chromium (Debian's) driven by Playwright.

Checks the counts shown, that a filter changes the visible cards, that nothing is requested but the
file itself, and saves screenshots to test-artifacts/. Skipped, with the reason, when
/usr/bin/chromium or Playwright is absent (`.ci/run` installs chromium so CI runs these).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from attrcheck.report import RenderOptions, render
from test_report_samples import sample_rules, with_images

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
LAUNCH_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
HISTORY = (
    {"time": "2026-11-01T10:00:00Z", "commit": "abc1234", "figures": 4,
     "findings": {"error": 7, "warning": 6, "info": 2}},
    {"time": "2026-11-28T10:00:00Z", "commit": "def5678", "figures": 5,
     "findings": {"error": 4, "warning": 5, "info": 1}},
)  # fmt: skip

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(f"no browser: {CHROMIUM} is absent (apt-get install chromium to run these)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any, tmp_path: Path) -> Iterator[tuple[Any, list[str], list[str]]]:
    dashboard = tmp_path / "dashboard.html"
    options = RenderOptions(rules=sample_rules(), history=HISTORY)
    dashboard.write_text(render("html", with_images(tmp_path), options), encoding="utf-8")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    requests: list[str] = []
    problems: list[str] = []
    opened.on("request", lambda request: requests.append(request.url))
    opened.on("pageerror", lambda error: problems.append(str(error)))
    opened.on(
        "console",
        lambda message: problems.append(message.text) if message.type == "error" else None,
    )
    opened.goto(dashboard.as_uri())
    yield opened, requests, problems
    context.close()


def visible_cards(page: Any) -> int:
    return int(page.locator(".figure-card:visible").count())


def test_counts_are_shown(page: tuple[Any, list[str], list[str]]) -> None:
    opened, _requests, problems = page
    assert opened.locator('[data-count="error"]').inner_text() == "4"
    assert opened.locator('[data-count="warning"]').inner_text() == "5"
    assert opened.locator('[data-count="info"]').inner_text() == "1"
    assert opened.locator("#article-table tbody tr").count() == 4
    assert visible_cards(opened) == 5
    assert problems == []  # the CSP let the inline script and style run


def test_every_article_is_named_on_screen(page: tuple[Any, list[str], list[str]]) -> None:
    opened, _requests, _problems = page
    text = opened.locator("body").inner_text()
    for path in ("content/2020/pompeo.md", "content/2021/harbour, night: a=b.html",
                 "content/2022/clean.md", "content/2023/no-figures.md"):  # fmt: skip
        assert path in text


def test_nothing_but_the_file_is_requested(page: tuple[Any, list[str], list[str]]) -> None:
    opened, requests, _problems = page
    opened.wait_for_load_state("networkidle")
    assert all(url.startswith(("file://", "data:")) for url in requests), requests


def test_filters_change_the_visible_cards(page: tuple[Any, list[str], list[str]]) -> None:
    opened, _requests, problems = page
    ARTIFACTS.mkdir(exist_ok=True)
    opened.screenshot(path=str(ARTIFACTS / "dashboard.png"), full_page=True)
    opened.select_option("#filter-level", "error")
    assert visible_cards(opened) == 3
    assert (
        "Showing 3 of 5 figures in 2 of 4 articles."
        in opened.locator("#filter-status").inner_text()
    )
    assert opened.locator("#article-table tbody tr:visible").count() == 2
    opened.select_option("#filter-check", "AC202")
    assert visible_cards(opened) == 1
    opened.screenshot(path=str(ARTIFACTS / "dashboard-filtered.png"), full_page=True)
    opened.click("button[type=reset]")
    opened.wait_for_function("document.querySelectorAll('.figure-card[hidden]').length === 0")
    assert visible_cards(opened) == 5
    opened.select_option("#filter-licence", "unknown")
    assert visible_cards(opened) == 2
    opened.click("button[type=reset]")
    opened.fill("#filter-text", "CLEAN.md")
    assert visible_cards(opened) == 1
    assert opened.locator(".article-section:visible").count() == 1
    assert problems == []


def test_filters_work_from_the_keyboard(page: tuple[Any, list[str], list[str]]) -> None:
    opened, _requests, _problems = page
    opened.focus("#filter-text")
    opened.keyboard.type("ukti")
    assert visible_cards(opened) == 1
    opened.keyboard.press("Shift+Tab")  # back to the licence select
    focused = opened.evaluate("document.activeElement.id")
    assert focused == "filter-licence"


def test_copy_button_copies_the_suggestion(page: tuple[Any, list[str], list[str]]) -> None:
    opened, _requests, _problems = page
    opened.context.grant_permissions(["clipboard-read", "clipboard-write"])
    button = opened.locator("button.copy").first
    button.click()
    note = opened.locator(".copied").first
    note.wait_for(state="visible")
    assert note.inner_text() in (
        "Copied to the clipboard.",
        "Could not copy: select the text and copy it by hand.",
    )


def test_dashboard_of_a_real_run_names_every_article(
    browser: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from attrcheck import cli
    from test_report_end_to_end import make_site

    monkeypatch.chdir(tmp_path)
    paths = make_site(tmp_path, count=8)
    assert cli.main(["report", "content", "--offline", "-o", "dashboard.html"]) == 0
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    requests: list[str] = []
    opened.on("request", lambda request: requests.append(request.url))
    opened.goto((tmp_path / "dashboard.html").as_uri())
    text = opened.locator("body").inner_text()
    assert all(path in text for path in paths)
    assert visible_cards(opened) == len(paths)
    assert all(url.startswith(("file://", "data:")) for url in requests), requests
    ARTIFACTS.mkdir(exist_ok=True)
    opened.screenshot(path=str(ARTIFACTS / "dashboard-real-run.png"), full_page=True)
    context.close()


CONTRAST_SCRIPT = (Path(__file__).parent / "data" / "contrast.js").read_text(encoding="utf-8")


def test_text_has_sufficient_contrast(page: tuple[Any, list[str], list[str]]) -> None:
    opened, _requests, _problems = page
    opened.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    assert opened.evaluate(CONTRAST_SCRIPT) == []
    opened.evaluate("document.querySelector('.meta').style.color = '#bbbbbb'")
    assert opened.evaluate(CONTRAST_SCRIPT), "the contrast check itself must catch pale text"


def test_skip_link_comes_first_and_moves_focus(page: tuple[Any, list[str], list[str]]) -> None:
    opened, _requests, _problems = page
    opened.keyboard.press("Tab")
    assert opened.evaluate("document.activeElement.className") == "skip"
    assert opened.locator(".skip").is_visible()
    opened.keyboard.press("Enter")
    opened.keyboard.press("Tab")
    assert opened.evaluate("document.activeElement.id") == "filter-level"
