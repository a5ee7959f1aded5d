"""The editorial dashboard: view model, self-containment, escaping, thumbnails, golden file."""

from __future__ import annotations

from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from attrcheck.report import RenderOptions, render
from attrcheck.report.html import build_dashboard, content_security_policy, sha256_source
from attrcheck.report.thumbnails import MAX_SIDE, Thumbnailer, thumbnail_data_uri
from attrcheck.report.trend import build_trend, nice_ceiling, y_values
from test_report_samples import assert_golden, sample_report, sample_rules, with_images

HISTORY = (
    {"time": "2026-11-01T10:00:00Z", "commit": "abc1234def", "figures": 4,
     "findings": {"error": 7, "warning": 6, "info": 2}},
    {"time": "2026-11-14T10:00:00Z", "commit": None, "figures": 5,
     "findings": {"error": 5, "warning": 6, "info": 1}},
    {"time": "2026-11-28T10:00:00Z", "commit": "fff1234def", "figures": 5,
     "findings": {"error": 4, "warning": 5, "info": 1}},
)  # fmt: skip


class Assets(HTMLParser):
    """Collects every URL the page would load (src, link href, srcset, url() in style)."""

    def __init__(self) -> None:
        super().__init__()
        self.loads: list[str] = []
        self.links: list[str] = []
        self.tags: list[str] = []
        self.ids: list[str] = []
        self.labels_for: list[str] = []
        self.controls: list[str] = []
        self.csp = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.tags.append(tag)
        if values.get("id"):
            self.ids.append(str(values["id"]))
        for name in ("src", "srcset", "poster", "data", "background"):
            if values.get(name):
                self.loads.append(str(values[name]))
        if tag == "link" and values.get("href"):
            self.loads.append(str(values["href"]))
        if tag == "meta" and values.get("http-equiv") == "Content-Security-Policy":
            self.csp = str(values.get("content"))
        if tag == "a" and values.get("href"):
            self.links.append(str(values["href"]))
        if tag == "label" and values.get("for"):
            self.labels_for.append(str(values["for"]))
        if tag in ("select", "input") and values.get("id"):
            self.controls.append(str(values["id"]))


def parse(html: str) -> Assets:
    parser = Assets()
    parser.feed(html)
    return parser


@pytest.fixture
def dashboard_html(tmp_path: Path) -> str:
    options = RenderOptions(rules=sample_rules(), history=HISTORY)
    return render("html", with_images(tmp_path), options)


def test_dashboard_loads_nothing_from_outside(dashboard_html: str) -> None:
    page = parse(dashboard_html)
    assert page.loads, "the thumbnails are images"
    assert all(url.startswith("data:image/jpeg;base64,") for url in page.loads)
    assert "link" not in page.tags
    assert "url(" not in dashboard_html.split("<style>", 1)[1].split("</style>", 1)[0]
    assert "@import" not in dashboard_html


def test_content_security_policy_pins_the_inline_code(dashboard_html: str) -> None:
    style = dashboard_html.split("<style>", 1)[1].split("</style>", 1)[0]
    script = dashboard_html.split("<script>", 1)[1].split("</script>", 1)[0]
    policy = content_security_policy(style, script)
    assert parse(dashboard_html).csp == policy
    assert "default-src 'none'" in policy and "img-src data:" in policy
    assert sha256_source(script) in policy
    assert dashboard_html.count("<script") == 1  # the hostile caption stayed text


def test_hostile_caption_is_escaped(dashboard_html: str) -> None:
    assert "<script>alert" not in dashboard_html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in dashboard_html
    assert "<b>bold</b>" not in dashboard_html


def test_every_article_is_named(dashboard_html: str) -> None:
    for article in sample_report()["articles"]:
        assert article["path"].replace("&", "&amp;") in dashboard_html


def test_controls_are_labelled_and_ids_unique(dashboard_html: str) -> None:
    page = parse(dashboard_html)
    assert sorted(page.controls) == sorted(page.labels_for)
    assert len(page.ids) == len(set(page.ids))
    assert {"main", "header", "footer", "section", "article", "table"} <= set(page.tags)
    assert '<html lang="en">' in dashboard_html


def test_view_model_totals_and_breakdowns(tmp_path: Path) -> None:
    now = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
    dashboard = build_dashboard(with_images(tmp_path), RenderOptions(rules=sample_rules()), now)
    assert [(view.key, view.count) for view in dashboard.by_level] == [
        ("error", 4), ("warning", 5), ("info", 1),
    ]  # fmt: skip
    assert dashboard.by_check[0].key == "AC201" and dashboard.by_check[0].count == 2
    assert {view.key: view.count for view in dashboard.by_licence} == {
        "CC-BY-NC-ND-2.0": 2, "unknown": 2, "CC-BY-4.0": 1,
    }  # fmt: skip
    assert (dashboard.article_count, dashboard.figure_count, dashboard.clean_figures) == (4, 5, 1)
    assert dashboard.generated == "2026-11-28T09:00:00Z"
    assert dashboard.trend is None


def test_articles_are_listed_worst_first(tmp_path: Path) -> None:
    dashboard = build_dashboard(with_images(tmp_path), RenderOptions())
    assert [(view.path, view.worst) for view in dashboard.articles] == [
        ("content/2020/pompeo.md", "error"),
        ("content/2021/harbour, night: a=b.html", "error"),
        ("content/2022/clean.md", "clean"),
        ("content/2023/no-figures.md", "clean"),
    ]
    pompeo = dashboard.articles[0]
    assert pompeo.counts == {"error": 3, "warning": 2, "info": 0}


def test_figure_cards_carry_filter_data_and_explanations(tmp_path: Path) -> None:
    dashboard = build_dashboard(with_images(tmp_path), RenderOptions(rules=sample_rules()))
    figure = dashboard.articles[0].figures[0]
    assert figure.levels == "error warning"
    assert figure.codes == "AC103 AC201 AC202"
    assert figure.licence_key == "CC-BY-NC-ND-2.0"
    assert figure.thumbnail and figure.thumbnail.startswith("data:image/jpeg;base64,")
    assert figure.findings[0].explanation == "A NonCommercial image in a commercial outlet."
    assert [s.label for s in figure.suggestions] == ["Markdown", "HTML", "Plain text"]
    harbour = dashboard.articles[1]
    assert [s.label for s in harbour.figures[0].suggestions] == []
    assert harbour.figures[0].thumbnail_note == "remote image, not embedded"
    assert harbour.figures[1].thumbnail_note == "image file not found"
    assert harbour.findings[0].code == "AC001"


def test_thumbnail_is_small_jpeg(tmp_path: Path) -> None:
    import base64
    import io

    source = tmp_path / "big.png"
    Image.new("RGBA", (1600, 900), (10, 200, 10, 128)).save(source)
    uri = thumbnail_data_uri(source)
    assert uri is not None
    image = Image.open(io.BytesIO(base64.b64decode(uri.split(",", 1)[1])))
    assert image.format == "JPEG" and max(image.size) == MAX_SIDE


@pytest.mark.parametrize("content", [b"", b"not an image at all", b"\xff\xd8\xff\xe0broken"])
def test_unreadable_images_give_no_thumbnail(tmp_path: Path, content: bytes) -> None:
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(content)
    assert Thumbnailer().for_image({"path": str(broken)}) == (None, "image could not be read")


def test_relative_image_paths_start_at_base_dir(tmp_path: Path) -> None:
    Image.new("RGB", (50, 40)).save(tmp_path / "small.jpg")
    uri, note = Thumbnailer(str(tmp_path)).for_image({"path": "small.jpg"})
    assert uri is not None and note == ""


def test_trend_geometry() -> None:
    trend = build_trend(HISTORY)
    assert trend is not None
    errors = trend.series[0]
    assert [point.value for point in errors.points] == [7, 5, 4]
    assert errors.points[0].x == trend.left and errors.points[-1].x == trend.right
    assert errors.points[0].y < errors.points[-1].y  # fewer errors are lower on the chart
    assert [tick.label for tick in trend.y_ticks] == ["0", "5", "10"]
    assert "errors 7 to 4" in trend.description
    assert build_trend(()) is None
    single = build_trend(HISTORY[:1])
    assert single is not None and single.description.startswith("One recorded run")


def test_y_ticks_are_whole_numbers() -> None:
    assert [y_values(top) for top in (1, 2, 5, 10, 50)] == [
        [0, 1], [0, 1, 2], [0, 5], [0, 5, 10], [0, 25, 50],
    ]  # fmt: skip


def test_nice_ceiling() -> None:
    assert [nice_ceiling(v) for v in (0, 1, 3, 7, 10, 11, 180)] == [1, 1, 5, 10, 10, 20, 200]


def test_trend_is_drawn_as_inline_svg(dashboard_html: str) -> None:
    assert '<svg viewBox="0 0 640 220" role="img"' in dashboard_html
    assert "<polyline" in dashboard_html
    assert "Findings over 3 runs" in dashboard_html


def test_no_trend_without_history(tmp_path: Path) -> None:
    html = render("html", with_images(tmp_path), RenderOptions())
    assert "Trend over runs" not in html


def test_empty_report_renders(tmp_path: Path) -> None:
    report: dict[str, Any] = {**sample_report(), "articles": []}
    report["summary"] = {
        "articles": 0,
        "figures": 0,
        "findings": {"error": 0, "warning": 0, "info": 0},
    }
    html = render("html", report, RenderOptions())
    assert "Showing 0 of 0 figures in 0 of 0 articles." in html


def test_dashboard_golden(tmp_path: Path) -> None:
    report = with_images(tmp_path)
    html = render("html", report, RenderOptions(rules=sample_rules(), history=HISTORY))
    assert_golden("dashboard.html", html.replace(str(tmp_path), "<TMP>"))


def test_only_web_links_become_hrefs(tmp_path: Path) -> None:
    report = with_images(tmp_path)
    report["articles"][0]["figures"][0]["licence"]["url"] = "javascript:alert(1)"
    html = render("html", report, RenderOptions())
    assert "javascript:" not in html
    assert all(link.startswith(("#", "https://")) for link in parse(html).links)
