"""Speed of `compare` on a 2000x1333 pair (target: median <= 50 ms), per kind of edit.

    .venv/bin/python benchmarks/bench_compare.py [--repeat 15] [--photo PATH] [--grainy]

Pairs are generated in a temporary folder from a synthetic scene (and from a real photograph when
--photo names one, e.g. ../shared/corpus/media/C.jpg). Prints the median and 90th percentile per
pair and over all pairs; always exits 0 (the numbers are what matters).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))

from attrcheck.media.compare import compare  # noqa: E402
from test_compare_cases import add_logo, grainy_scene, synthetic_scene  # noqa: E402

SIZE = (2000, 1333)


def pairs(folder: Path, base: Image.Image, label: str) -> list[tuple[str, Path, Path]]:
    rng = np.random.default_rng(3)
    original = folder / f"{label}-original.jpg"
    base.save(original, quality=92)
    w, h = base.size
    edits = {
        "recompressed": base,
        "resized 1/3": base.resize((w // 3, h // 3), Image.Resampling.LANCZOS),
        "cropped": base.crop((150, 80, w - 200, h - 60)),
        "crop+resize": base.crop((300, 100, w - 100, h - 200)).resize((1000, 613)),
        "overlay 1%": add_logo(base, rng, 0.01),
        "mirror": ImageOps.mirror(base),
        "grayscale": base.convert("L"),
    }
    made = []
    for name, image in edits.items():
        path = folder / f"{label}-{name.replace(' ', '_').replace('/', '-')}.jpg"
        image.save(path, quality=80)
        made.append((f"{label} {name}", original, path))
    png = folder / f"{label}-format.png"
    base.save(png, compress_level=1)
    made.append((f"{label} format-change", original, png))
    return made


def measure(original: Path, published: Path, repeat: int) -> tuple[list[float], str]:
    kind = compare(original, published).kind  # warm-up
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        compare(original, published)
        times.append((time.perf_counter() - start) * 1000)
    return times, kind


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--photo", type=Path, default=None)
    parser.add_argument("--grainy", action="store_true", help="also a grainy scene")
    args = parser.parse_args()
    bases = [("synthetic", synthetic_scene(np.random.default_rng(1), *SIZE))]
    if args.grainy:
        bases.append(("grainy", grainy_scene(np.random.default_rng(2), *SIZE)))
    if args.photo and args.photo.is_file():
        with Image.open(args.photo) as photo:
            bases.append(("photo", photo.convert("RGB").resize(SIZE, Image.Resampling.LANCZOS)))
    everything: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        for label, base in bases:
            for name, original, published in pairs(Path(folder), base, label):
                times, kind = measure(original, published, args.repeat)
                everything += times
                p90 = sorted(times)[int(0.9 * (len(times) - 1))]
                print(
                    f"{name:28s} -> {kind:14s} median {statistics.median(times):6.1f} ms"
                    f"  p90 {p90:6.1f} ms"
                )
    print(
        f"{'all pairs (2000x1333)':28s}    {'':14s} median {statistics.median(everything):6.1f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
