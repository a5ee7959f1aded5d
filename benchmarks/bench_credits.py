"""Caption credit parsing speed: captions per second on one core (target: at least 10,000).

Parses a mix of real-world credit lines (the shared corpus when present, plus built-in lines of
the same kinds: stock, agency, Wikimedia Commons, Flickr TASL, Markdown and HTML). Each round
makes every caption unique (a different number in a trailing description) so nothing is served
from the cache of whole captions (names inside them do repeat, as on a real site). Times are
CPU time of this process (one core), so other load on the machine does not count. Also
reports the time for hostile inputs (huge, binary, nested markup).

    python benchmarks/bench_credits.py
"""

from __future__ import annotations

import csv
import sys
import time
from pathlib import Path

from attrcheck.credits import parse

TARGET_PER_SECOND = 10_000
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "credit-lines-sample.tsv"
BUILT_IN = [
    "Zapp2Photo/iStock/Thinkstock",
    "drogatnev/iStock via Getty Images",
    "Andrey Suslov, Shutterstock",
    "Photo by Annie Spratt on Unsplash",
    "Geierunited, CC BY-SA 3.0, via Wikimedia Commons",
    "Picture by Pippa Fowles / No 10 Downing Street.",
    "Image: NASA/JPL-Caltech",
    "© 2019 Reuters/John Smith",
    "(Foto: Keystone/Laurent Gillieron)",
    "Jorge Guerrero/AFP via Getty Images",
    "Photo by Stuart Barr, Creative Commons BY-NC-SA 2.0",
    "Courtesy of the Department of Energy",
    "Image: a view of the harbour at dusk",
    "[Jane Doe](https://www.flickr.com/photos/jdoe/123/), "
    "[CC BY 2.0](https://creativecommons.org/licenses/by/2.0/)",
    '<em>Photo by <a href="https://example.org/jd">Jane Doe</a>, licensed CC BY-SA 4.0</em>',
    '"Sunset" by jsmith is licensed under CC BY-NC-ND 2.0.',
]
HOSTILE = {
    "huge": "Photo by Jane Doe / Reuters. " * 100_000,
    "nested html": '<a href="x">' * 5_000 + "Jane" + "</a>" * 5_000,
    "brackets": "[" * 20_000,
    "binary": bytes(range(256)).decode("latin-1") * 100,
    "by by by": "by " * 10_000,
}


def captions() -> list[str]:
    lines = list(BUILT_IN)
    if CORPUS.is_file():
        with CORPUS.open(encoding="utf-8", newline="") as handle:
            lines.extend(row["line"] for row in csv.DictReader(handle, delimiter="\t"))
    return lines


def rate(lines: list[str], rounds: int, tag: str) -> float:
    parse(lines[0])  # load the licence database outside the timing
    count = 0
    started = time.process_time()  # CPU time of this process: one core, whatever else runs
    for number in range(rounds):
        for line in lines:
            parse(f"{line} Scene {tag}{number}.")
            count += 1
    return count / (time.process_time() - started)


def main() -> int:
    lines = captions()
    per_second = rate(lines, rounds=40, tag="A")
    verdict = "ok" if per_second >= TARGET_PER_SECOND else "BELOW TARGET"
    print(
        f"credits.parse: {per_second:,.0f} captions/s over {len(lines)} distinct lines ({verdict})"
    )
    plain = [line for line in lines if not set("[<&*_`\\") & set(line)]
    print(f"  plain-text lines only: {rate(plain, rounds=40, tag='B'):,.0f} captions/s")
    marked = [line for line in lines if set("[<&*_`\\") & set(line)]
    print(f"  Markdown/HTML lines only: {rate(marked, rounds=40, tag='C'):,.0f} captions/s")
    for name, text in HOSTILE.items():
        started = time.process_time()
        parse(text)
        print(f"  hostile {name!r}: {(time.process_time() - started) * 1000:.1f} ms CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main())
