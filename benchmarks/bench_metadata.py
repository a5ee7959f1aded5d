"""Benchmark read_evidence (metadata without decoding pixels): images per second on one core.

Target (issue 5): at least 1,000 JPEGs per second. Two sets are timed:
- the JPEGs of ../shared/corpus/media (real files; a few carry C2PA manifests, whose signature
  validation dominates their cost), when that folder is present;
- a synthetic set of 2000x1333 JPEGs written here with EXIF, XMP and IPTC, typical of a
  newsroom photo.
Also prints the peak Python heap while reading, to show memory is bounded by one file.

Run: .venv/bin/python benchmarks/bench_metadata.py [--synthetic N]
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from PIL import Image

from attrcheck.media import read_evidence

TARGET_PER_SECOND = 1000
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "media"
XMP = (
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF'
    ' xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"'
    ' xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"'
    ' xmlns:xmpRights="http://ns.adobe.com/xap/1.0/rights/"'
    ' photoshop:Credit="Agency" xmpRights:WebStatement="https://example.org/terms/{n}">'
    "<dc:creator><rdf:Seq><rdf:li>Photographer {n}</rdf:li></rdf:Seq></dc:creator>"
    '<dc:rights><rdf:Alt><rdf:li xml:lang="x-default">© 2024 Photographer {n}</rdf:li>'
    "</rdf:Alt></dc:rights>"
    '<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{caption}</rdf:li></rdf:Alt>'
    "</dc:description></rdf:Description></rdf:RDF></x:xmpmeta>"
)


def pin_one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def segment(marker: int, payload: bytes) -> bytes:
    return bytes([0xFF, marker]) + (len(payload) + 2).to_bytes(2, "big") + payload


def metadata_segments(n: int) -> bytes:
    """APP1 EXIF, APP1 XMP and APP13 IPTC for photo number n."""
    exif = Image.Exif()
    exif[0x013B] = f"Photographer {n}"
    exif[0x8298] = f"Copyright 2024 Photographer {n}"
    xmp = XMP.format(n=n, caption="A street scene, photographed for the benchmark. " * 8)
    datasets = [(1, 90, b"\x1b%G"), (2, 80, f"Photographer {n}".encode()), (2, 110, b"Agency")]
    iim = b"".join(b"\x1c" + bytes([r, d]) + len(v).to_bytes(2, "big") + v for r, d, v in datasets)
    pad = b"\x00" if len(iim) % 2 else b""
    irb = b"8BIM\x04\x04\x00\x00" + len(iim).to_bytes(4, "big") + iim + pad
    return (
        segment(0xE1, exif.tobytes())
        + segment(0xE1, b"http://ns.adobe.com/xap/1.0/\x00" + xmp.encode())
        + segment(0xED, b"Photoshop 3.0\x00" + irb)
    )


def write_synthetic(folder: Path, count: int) -> list[Path]:
    """2000x1333 photos (pixels encoded once, like a photo) each with its own metadata."""
    buffer = io.BytesIO()
    gradient = Image.linear_gradient("L").resize((2000, 1333))
    grain = Image.effect_noise((2000, 1333), 12)  # sensor-like grain: photo-sized files
    Image.merge("RGB", (gradient, grain, gradient)).save(buffer, "JPEG", quality=85)
    pixels = buffer.getvalue()
    paths = []
    for n in range(count):
        path = folder / f"photo{n:05d}.jpg"
        path.write_bytes(pixels[:2] + metadata_segments(n) + pixels[2:])
        paths.append(path)
    return paths


def time_set(paths: list[Path], rounds: int) -> tuple[float, float]:
    """(images per second over all rounds, median ms per image)."""
    per_image = []
    started = time.perf_counter()
    for _ in range(rounds):
        for path in paths:
            t0 = time.perf_counter()
            read_evidence(path)
            per_image.append(time.perf_counter() - t0)
    total = time.perf_counter() - started
    return len(per_image) / total, statistics.median(per_image) * 1000


def peak_heap(paths: list[Path]) -> float:
    tracemalloc.start()
    for path in paths:
        read_evidence(path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1024 / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--synthetic", type=int, default=500, help="number of synthetic JPEGs")
    args = parser.parse_args()
    pin_one_core()
    results = []
    if CORPUS.is_dir():
        corpus = sorted(p for p in CORPUS.glob("*.jpg"))
        plain = [p for p in corpus if not read_evidence(p).c2pa]
        for label, paths in (("corpus JPEGs", corpus), ("corpus JPEGs without C2PA", plain)):
            read_evidence(paths[0])  # warm-up (imports, Pillow plugin registry)
            rate, median = time_set(paths, rounds=20)
            results.append((label, len(paths), rate, median))
    with tempfile.TemporaryDirectory() as tmp:
        paths = write_synthetic(Path(tmp), args.synthetic)
        size = statistics.mean(p.stat().st_size for p in paths) / 1024
        rate, median = time_set(paths, rounds=2)
        results.append((f"synthetic 2000x1333 JPEGs (~{size:.0f} KiB)", len(paths), rate, median))
        heap = peak_heap(paths[:50])
    for label, count, rate, median in results:
        verdict = "ok" if rate >= TARGET_PER_SECOND else "below target"
        print(
            f"{label:45} {count:5} files  {rate:8.0f} images/s  median {median:.2f} ms  "
            f"(target {TARGET_PER_SECOND}/s: {verdict})"
        )
    print(f"peak Python heap while reading 50 synthetic files: {heap:.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
