"""The CI formats and the dashboard from a real (offline) run over a small generated site."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from PIL import Image

from attrcheck import cli

SARIF_SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"

MARKDOWN = """# {title}

Body text.

![{title}](img/{image})

{caption}
"""
HTML = """<!DOCTYPE html><html><body><h1>{title}</h1>
<figure><img src="img/{image}" alt="{title}"><figcaption>{caption}</figcaption></figure>
</body></html>
"""
CAPTIONS = (
    "Picture by Pippa Fowles / No 10 Downing Street.",
    "Attribution-NonCommercial-NoDerivs 2.0 Generic (CC BY-NC-ND 2.0)\nPhoto by UKTI",
    'Photo by Jane Roe, <a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>',
    "",
)


def make_site(root: Path, count: int = 6) -> list[str]:
    (root / "content" / "img").mkdir(parents=True)
    paths = []
    for n in range(count):
        image = f"photo{n}.jpg" if n % 4 != 3 else "missing.jpg"
        if n % 4 != 3:
            Image.new("RGB", (320, 200), (40 * n % 255, 90, 160)).save(root / "content/img" / image)
        is_html = n % 2 == 1
        name = f"content/story-{n}.{'html' if is_html else 'md'}"
        template = HTML if is_html else MARKDOWN
        text = template.format(title=f"Story {n}", image=image, caption=CAPTIONS[n % 4])
        (root / name).write_text(text, encoding="utf-8")
        paths.append(name)
    return paths


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.chdir(tmp_path)
    return make_site(tmp_path)


def check(*args: str) -> int:
    return cli.main(["content", "--offline", "--exit-zero", *args])


def test_sarif_from_a_real_run_validates(site: list[str], tmp_path: Path) -> None:
    assert check("--format", "sarif", "-o", "out.sarif") == 0
    document = json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8"))
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(document)
    run = document["runs"][0]
    assert len(run["tool"]["driver"]["rules"]) >= 20  # the whole registry, with documentation
    assert all(rule["fullDescription"]["text"] for rule in run["tool"]["driver"]["rules"])
    assert run["results"]


def test_junit_from_a_real_run_parses_and_fails(site: list[str], tmp_path: Path) -> None:
    assert check("--format", "junit", "-o", "out.xml") == 0
    root = ET.parse(tmp_path / "out.xml").getroot()
    assert len(root.findall("testsuite")) == len(site)
    assert root.findall(".//failure")


def test_github_from_a_real_run_has_error_lines(
    site: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert check("--format", "github") == 0
    out = capsys.readouterr().out
    assert any(line.startswith("::error file=content/story-") for line in out.splitlines())


def test_report_command_names_every_article(site: list[str], tmp_path: Path) -> None:
    status = cli.main(
        ["report", "content", "--offline", "-o", "dash.html", "--history", "h.sqlite"]
    )
    assert status == 0
    html = (tmp_path / "dash.html").read_text(encoding="utf-8")
    for path in site:
        assert path in html
    assert "Trend over runs" in html
