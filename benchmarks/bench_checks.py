"""How much the checks add to a run: run_checks + suggest over many prebuilt FigureCases.

Target: the checks add under 5% to the time of gathering evidence. Gathering reads each image's
metadata (target: at least 1,000 JPEGs per second, i.e. at most 1 ms per figure, before the
original comparison and register lookup), so the checks must stay well under 50 µs per figure.
When attrcheck.media is installed the script also times read_evidence on a generated JPEG and
reports the measured ratio.

Run: `python benchmarks/bench_checks.py` (prints the numbers; exit 0).
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from attrcheck.attribution import suggest
from attrcheck.checks import run_checks
from attrcheck.model import (
    AttributionRequirements,
    Credit,
    CreditLicence,
    EvidenceItem,
    Figure,
    FigureCase,
    ImageEvidence,
    ImageRef,
    Licence,
    ModificationVerdict,
    Policy,
    ResolvedLicence,
    RightsSummary,
    SourceRecord,
)

FIGURES = 5_000
TARGET_SHARE = 0.05
GATHER_BUDGET_US = 1000.0  # the media stage's target: 1,000 images per second


def _licence(unit: str, version: str) -> Licence:
    v = float(version)
    return Licence(
        id=f"CC-{unit}-{version}", family=f"CC-{unit}", name=f"CC {unit} {version}",
        version=version, url=f"https://creativecommons.org/licenses/{unit.lower()}/{version}/",
        short_name=f"CC {unit} {version}", noncommercial="NC" in unit,
        no_derivatives="ND" in unit, share_alike="SA" in unit,
        attribution=AttributionRequirements(
            title=v < 4, source_uri=v >= 2, cure_period_days=30 if v >= 4 else None,
            modification_notice="always" if v >= 4 else "adaptations",
        ),
    )  # fmt: skip


def _prototypes() -> list[FigureCase]:
    figure = Figure(
        id="a.md#1", article="a.md", index=1, src="img/a.jpg", alt="", line=3, column=1,
        caption="Picture by Pippa Fowles / No 10 Downing Street.", caption_line=5,
    )  # fmt: skip
    rights = RightsSummary(creators=("Fowles, Pippa",), copyright="© Pippa Fowles",
                           sources={"creators": ("iptc",)})  # fmt: skip
    image = ImageEvidence(path="/x/a.jpg", format="JPEG", width=1200, height=800, rights=rights)
    pippa = Credit(text=figure.caption, creators=("Pippa Fowles",),
                   organisations=("No 10 Downing Street",))  # fmt: skip
    by_nc_nd = _licence("BY-NC-ND", "2.0")
    register = SourceRecord(
        origin="register", creator="Pippa Fowles",
        title="Secretary Pompeo and the Foreign Secretary",
        source="https://www.flickr.com/photos/number10gov/1/", licence="CC BY-NC-ND 2.0",
    )  # fmt: skip
    base = FigureCase(figure=figure, credit=pippa, policy=Policy(),
                      image_ref=ImageRef(kind="local", path="/x/a.jpg"), image=image)  # fmt: skip
    ukti = Credit(
        text="Attribution-NonCommercial-NoDerivs 2.0 Generic (CC BY-NC-ND 2.0) Photo by UKTI",
        creators=("UKTI",),
        licences=(CreditLicence(id=by_nc_nd.id, family=by_nc_nd.family, version="2.0",
                                jurisdiction=None, valid=True, linked=False, url=None,
                                span=(0, 10), text="CC BY-NC-ND 2.0"),),
    )  # fmt: skip
    by4 = _licence("BY", "4.0")
    return [
        base,
        replace(base, register=register, original=image, resolved=ResolvedLicence(
            licence=by_nc_nd, evidence=(EvidenceItem("register", "CC BY-NC-ND 2.0"),),
            candidates=(("register", by_nc_nd),)),
            modification=ModificationVerdict(kind="cropped", evidence="original",
                                             crop=(0, 40, 1200, 840))),
        replace(base, credit=ukti, resolved=ResolvedLicence(
            licence=by_nc_nd, evidence=(EvidenceItem("caption", "CC BY-NC-ND 2.0"),),
            candidates=(("caption", by_nc_nd),))),
        replace(base, credit=Credit(text="Andrey Suslov/Shutterstock", creators=("Andrey Suslov",),
                                    organisations=("Shutterstock",))),
        replace(base, resolved=ResolvedLicence(licence=by4,
                                               evidence=(EvidenceItem("xmp", "CC BY 4.0"),)),
                modification=ModificationVerdict(kind="resized", evidence="original")),
    ]  # fmt: skip


def _distinct(case: FigureCase, index: int) -> FigureCase:
    """The case with names no other figure uses, so no cache carries over between figures."""
    suffix = f"{index:05d}"
    credit = case.credit
    credit = replace(
        credit,
        text=f"{credit.text} {suffix}",
        creators=tuple(f"{name} {suffix}" for name in credit.creators),
    )
    register = case.register
    if register is not None and register.creator:
        register = replace(register, creator=f"{register.creator} {suffix}")
    return replace(case, credit=credit, register=register)


def _time_per_item(work: Callable[[], object], count: int) -> float:
    """Best of five runs, in microseconds per item (the least disturbed by other processes)."""
    samples = []
    for _ in range(5):
        start = time.perf_counter()
        work()
        samples.append((time.perf_counter() - start) / count * 1e6)
    return min(samples)


SITE_FIGURES = 60
CAPTIONS = (  # (caption, creator in the image's EXIF)
    ("Picture by Pippa Fowles / No 10 Downing Street.", "FOWLES, Pippa"),
    ("Attribution-NonCommercial-NoDerivs 2.0 Generic (CC BY-NC-ND 2.0)  \nPhoto by UKTI", "UKTI"),
    ("Photo by Jane Doe, [CC BY 4.0](https://creativecommons.org/licenses/by/4.0/)", "J. Doe"),
    ("Andrey Suslov/Shutterstock", "Andrey Suslov"),
    ("Photo by Brooke Cagle on Unsplash", "Brooke Cagle"),
    ("Photo by John Smith, CC BY-SA 2.0", "Someone Else"),  # a creator mismatch
)


def _picture(index: int, size: tuple[int, int], textured: bool) -> Any:
    """A flat colour (a tiny file: the worst case for the share), or a photo-like textured
    picture whose JPEG is the size of a published news photo."""
    import numpy as np
    from PIL import Image

    if not textured:
        return Image.new("RGB", size, (index % 255, 120, 150))
    width, height = size
    rng = np.random.default_rng(index)
    ramp = np.linspace(0, 200, width, dtype=np.float32)[None, :, None]
    noise = rng.normal(0, 18, (height, width, 3)).astype(np.float32)
    pixels = np.clip(ramp + noise + (index * 37) % 55, 0, 255).astype(np.uint8)
    return Image.fromarray(pixels, "RGB")


def _make_site(folder: Path, originals: bool, textured: bool = False) -> Path:
    """An article with SITE_FIGURES figures, each its own JPEG with EXIF, half in a register
    (with the original file as received, larger, when `originals`)."""
    from PIL import Image

    (folder / "img").mkdir()
    (folder / "originals").mkdir()
    lines, assets = ["# Bench", ""], []
    for index in range(SITE_FIGURES):
        name = f"img/photo{index}.jpg"
        exif = Image.Exif()
        caption, artist = CAPTIONS[index % len(CAPTIONS)]
        exif[0x013B] = artist
        exif[0x8298] = f"© {artist}"
        _picture(index, (1200, 800), textured).save(folder / name, exif=exif, quality=85)
        lines += [f"![Figure {index}]({name})", "", caption, ""]
        if index % 2:
            original = ""
            if originals:
                original = f"originals/photo{index}.jpg"
                big = Image.new("RGB", (2400, 1600), (index % 255, 120, 150))
                big.save(folder / original, exif=exif)
                original = f"    original: {original}\n"
            assets.append(
                f"  - match: {name}\n    creator: {artist}\n"
                f"    licence: CC BY 2.0\n    source: https://example.org/{index}\n" + original
            )
    (folder / "register.yaml").write_text("assets:\n" + "".join(assets), encoding="utf-8")
    article = folder / "article.md"
    article.write_text("\n".join(lines), encoding="utf-8")
    return article


Measured = tuple[float, float, list[FigureCase]]


def _measure_gathering(originals: bool = False, textured: bool = False) -> Measured | None:
    """µs per figure to gather its evidence (caption, metadata, register, resolve), µs per figure
    of a whole offline `attrcheck check` run (reading the article, gathering, checking,
    suggesting), and the gathered cases.

    Uses the real pipeline on a generated site (no originals to compare, which would only make
    gathering slower); returns None when a stage is not installed yet.
    """
    try:
        from attrcheck.articles import find_articles, read_article
        from attrcheck.engine import CheckOptions, run_check
        from attrcheck.gather import EvidenceCache, Gatherer
        from attrcheck.provenance.register import load_register
    except ImportError:
        return None
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        article_path = _make_site(folder, originals, textured)
        file = find_articles([str(article_path)])[0]
        article = read_article(file)
        registers = [load_register(folder / "register.yaml")]
        cases: list[FigureCase] = []

        def gather() -> None:
            gatherer = Gatherer(Policy(), registers, None, EvidenceCache())
            cases[:] = [gatherer.case(figure, file) for figure in article.figures]

        gather()  # warm the licence database and parsers, as the first figure of a run does
        count = len(article.figures)
        gathering = _time_per_item(gather, count)
        options = CheckOptions(
            paths=(str(article_path),), registers=(str(folder / "register.yaml"),), offline=True
        )
        whole_run = _time_per_item(lambda: run_check(options), count)
        return gathering, whole_run, list(cases)


def main() -> int:
    prototypes = _prototypes()
    batches = [
        [_distinct(prototypes[i % len(prototypes)], run * FIGURES + i) for i in range(FIGURES)]
        for run in range(10)
    ]
    fresh = iter(batches)
    checks_us = _time_per_item(lambda: [run_checks(case) for case in next(fresh)], FIGURES)
    suggest_us = _time_per_item(lambda: [suggest(case) for case in next(fresh)], FIGURES)
    total = checks_us + suggest_us
    print(f"run_checks: {checks_us:7.1f} µs per figure ({FIGURES} figures, best of 5)")
    print(f"suggest:    {suggest_us:7.1f} µs per figure")
    print(f"together:   {total:7.1f} µs per figure")
    for originals, textured in ((False, False), (False, True), (True, False)):
        _report_share(originals, textured, total)
    return 0


def _report_share(originals: bool, textured: bool, synthetic_us: float) -> None:
    if originals:
        scenario = "half with originals to compare"
    elif textured:
        scenario = "no originals, photo-like 1200x800 JPEGs"
    else:
        scenario = "no originals, flat-colour JPEGs (worst case)"
    measured = _measure_gathering(originals, textured)
    if measured is None:
        print(f"[{scenario}] stages not installed: against the 1 ms gathering target")
        reference, checks_us, both_us = GATHER_BUDGET_US, synthetic_us, synthetic_us
        whole_run = None
    else:
        reference, whole_run, cases = measured
        count = len(cases)
        checks_us = _time_per_item(lambda: [run_checks(c) for c in cases], count)
        both_us = _time_per_item(lambda: [(run_checks(c), suggest(c)) for c in cases], count)
    print(f"[{scenario}] gathering evidence, real pipeline: {reference:8.1f} µs per figure")
    for what, spent in (("run_checks", checks_us), ("run_checks + suggest", both_us)):
        added = spent / reference
        verdict = "OK" if added < TARGET_SHARE else "OVER TARGET"
        print(
            f"[{scenario}] {what}: {spent:6.1f} µs = {added:.1%} of gathering "
            f"(target < {TARGET_SHARE:.0%}) {verdict}"
        )
    if whole_run is not None:
        print(
            f"[{scenario}] whole offline run: {whole_run:8.1f} µs per figure; checks and "
            f"suggestions are {both_us / whole_run:.1%} of it"
        )


if __name__ == "__main__":
    raise SystemExit(main())
