"""Licence database speed: loading (target < 100 ms including the recogniser) and identify()
throughput on short captions (target >= 20,000 captions/s on one core). Prints the numbers."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

from attrcheck.licences.db import INDEX_FILE, LicenceDB, read_json

CAPTIONS = [
    "Photo: John Smith/Reuters",
    "Picture by Pippa Fowles / No 10 Downing Street",
    "Image: Jane Doe via Wikimedia Commons (CC BY-SA 4.0)",
    "A protester holds a sign in London on 3 March 2020.",
    "Photo by Nick on Unsplash",
    "Foto: Max Muster, CC BY-SA 3.0 DE",
    "© 2021 Getty Images. All rights reserved.",
    "The minister speaks at the summit in Brussels.",
    "Credit: NASA/JPL-Caltech (public domain)",
    "Photo: AP Photo/Evan Vucci",
    "Attribution-NonCommercial-NoDerivs 2.0 Generic (https://creativecommons.org/licenses/by-nc-nd/2.0/)",
    "Image courtesy of the artist",
    "Photograph: Alamy Stock Photo",
    "Contains public sector information licensed under the Open Government Licence v3.0.",
    "Supporters gather outside the stadium before kick-off",
    "Namensnennung - Weitergabe unter gleichen Bedingungen 4.0 International",
]


def time_cold_start(runs: int = 7) -> list[float]:
    code = (
        "import time; t=time.perf_counter(); from attrcheck import licences; licences.load(); "
        "print(time.perf_counter()-t)"
    )
    times = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        times.append(float(out.stdout))
    return times


def time_build(runs: int = 7) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        LicenceDB(read_json(INDEX_FILE))
        times.append(time.perf_counter() - start)
    return times


def identify_rate(db: LicenceDB, seconds: float = 2.0) -> tuple[float, float]:
    captions = CAPTIONS * 100
    done, found = 0, 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        for caption in captions:
            found += len(db.identify(caption))
        done += len(captions)
    elapsed = time.perf_counter() - start
    return done / elapsed, found / done


def main() -> int:
    cold = time_cold_start()
    build = time_build()
    db = LicenceDB(read_json(INDEX_FILE))
    rate, per_caption = identify_rate(db)
    print(
        "licences: import + load() in a fresh process: "
        f"median {statistics.median(cold) * 1000:.1f} ms "
        f"(min {min(cold) * 1000:.1f}, max {max(cold) * 1000:.1f}; target < 100 ms)"
    )
    print(
        f"licences: read index.json + build LicenceDB and recogniser: median "
        f"{statistics.median(build) * 1000:.1f} ms"
    )
    print(
        f"licences: identify(): {rate:,.0f} short captions/s on one core "
        f"({per_caption:.2f} references per caption; target >= 20,000/s)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
