"""The sample report the format tests share (tests/data/sample_report.json), and its own checks.

`sample_report()` is a fresh copy of the hand-written report; `with_images(tmp_path)` also writes
the figures' images with Pillow under tmp_path (absolute paths, as the engine records them).
"""

from __future__ import annotations

import copy
import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
from PIL import Image

DATA = Path(__file__).parent / "data"
SCHEMA = Path(__file__).parents[1] / "src" / "attrcheck" / "schemas" / "report.schema.json"


@cache
def _loaded() -> dict[str, Any]:
    report: dict[str, Any] = json.loads((DATA / "sample_report.json").read_text(encoding="utf-8"))
    return report


def sample_report() -> dict[str, Any]:
    return copy.deepcopy(_loaded())


def with_images(tmp_path: Path) -> dict[str, Any]:
    """The sample with its local images written under tmp_path (the missing one stays missing)."""
    report = sample_report()
    colours = iter([(200, 40, 40), (40, 120, 200), (240, 200, 60), (90, 90, 90)])
    for article in report["articles"]:
        for figure in article["figures"]:
            image = figure["image"]
            if not image or not image["path"]:
                continue
            target = tmp_path / image["path"]
            image["path"] = str(target)
            if "missing" in target.name:
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            size = (image["width"] or 64, image["height"] or 64)
            mode = "RGBA" if target.suffix == ".png" else "RGB"
            Image.new(mode, size, next(colours)).save(target)
    return report


def sample_rules() -> list[Any]:
    from attrcheck.report.base import RuleInfo

    def rule(code: str, name: str, level: str, summary: str) -> RuleInfo:
        description = (
            f"{summary}\n\nWhy it matters: the licence says so.\n\nFix: correct the caption."
        )
        uri = f"https://github.com/attrcheck/attrcheck/blob/main/docs/checks.md#{code.lower()}"
        return RuleInfo(code, name, level, summary, description, uri)

    return [
        rule("AC101", "missing-credit", "error", "The figure has no credit text at all."),
        rule("AC102", "missing-creator", "error", "The caption names no creator."),
        rule(
            "AC103", "missing-licence-notice", "warning", "The caption does not name the licence."
        ),
        rule("AC104", "missing-licence-link", "warning", "The licence is named but not linked."),
        rule(
            "AC201", "nc-commercial-use", "error", "A NonCommercial image in a commercial outlet."
        ),
        rule("AC202", "nd-modified", "error", "A NoDerivatives image was cropped or altered."),
        rule("AC206", "no-permission-record", "warning", "No permission covers the credit."),
        rule("AC301", "unknown-licence", "info", "No evidence resolves a licence."),
        rule("AC901", "image-not-found", "error", "The image file does not exist."),
    ]


def test_sample_report_follows_the_report_schema() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(sample_report())


def test_sample_summary_matches_its_findings() -> None:
    report = sample_report()
    counts = {"error": 0, "warning": 0, "info": 0}
    for article in report["articles"]:
        for finding in article["findings"]:
            counts[finding["level"]] += 1
        for figure in article["figures"]:
            for finding in figure["findings"]:
                counts[finding["level"]] += 1
    assert report["summary"]["findings"] == counts


def test_with_images_writes_every_local_image_but_the_missing_one(tmp_path: Path) -> None:
    report = with_images(tmp_path)
    paths = [
        Path(figure["image"]["path"])
        for article in report["articles"]
        for figure in article["figures"]
        if figure["image"] and figure["image"]["path"]
    ]
    assert [path.exists() for path in paths] == [True, True, False, True]


GOLDEN = Path(__file__).parent / "golden"
# Volatile parts of a rendered report: times, the attrcheck version, Pillow's JPEG bytes.
SCRUBS = (
    (r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)?", "<TIME>"),
    (
        r"attrcheck(\"?[ :=]*\"?)v?\d+\.\d+\.\d+(?:[.+-][0-9A-Za-z.]*[0-9A-Za-z])?",
        r"attrcheck\1<VERSION>",
    ),
    (r"\d\d \w{3} \d{4}, \d\d:\d\d UTC", "<DATE>"),
    (r"data:image/jpeg;base64,[A-Za-z0-9+/=]+", "data:image/jpeg;base64,<THUMBNAIL>"),
)


def scrub(text: str) -> str:
    import re

    for pattern, replacement in SCRUBS:
        text = re.sub(pattern, replacement, text)
    return text


def assert_golden(name: str, text: str) -> None:
    """Compare scrubbed output with tests/golden/<name>; ATTRCHECK_UPDATE_GOLDEN=1 rewrites it."""
    import os

    path = GOLDEN / name
    actual = scrub(text)
    if os.environ.get("ATTRCHECK_UPDATE_GOLDEN") == "1":
        path.write_text(actual, encoding="utf-8", newline="")
    expected = None
    if path.exists():
        with path.open(encoding="utf-8", newline="") as handle:
            expected = handle.read()
    assert expected is not None, f"{path} missing: run with ATTRCHECK_UPDATE_GOLDEN=1 to create it"
    assert actual == expected, f"{name} differs from its golden file (ATTRCHECK_UPDATE_GOLDEN=1)"


def test_scrub_hides_times_versions_and_thumbnails() -> None:
    text = (
        "at 2026-11-28T07:31:51Z (28 Nov 2026, 07:31 UTC) by attrcheck 0.1.0.dev2. "
        '<img src="data:image/jpeg;base64,AAEC/+=">'
    )
    assert scrub(text) == (
        'at <TIME> (<DATE>) by attrcheck <VERSION>. <img src="data:image/jpeg;base64,<THUMBNAIL>">'
    )
