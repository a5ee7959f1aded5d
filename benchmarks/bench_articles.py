"""Article reading speed: figures per second and MB per second on one core.

Builds a Markdown article (every figure convention: inline, reference, linked, raw HTML, Hugo,
caption paragraphs) and an HTML article of the same size, reads each several times with
`read_article`, and prints the rates. Also times hostile inputs (deep nesting, long runs of
brackets). Target: at least 2,000 figures per second and 0.4 MB/s of figure-dense text on one
core (markdown-it's own parse takes about half of the Markdown time).

    python benchmarks/bench_articles.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from attrcheck.articles import find_articles, read_article

TARGET_FIGURES_PER_SECOND = 2_000
TARGET_MB_PER_SECOND = 0.4  # figure-dense text; markdown-it's own parse is about half of it
BLOCKS = 400

MARKDOWN_BLOCK = """
Body paragraph {n} with *emphasis*, a [link](https://example.org/{n}) and `code`.

![Inline {n}](img/{n}.jpg "Harbour {n}")

Picture by Pippa Fowles / No 10 Downing Street.

[![Linked {n}](img/l{n}.jpg)](https://example.org/l{n})

Attribution-NonCommercial-NoDerivs 2.0 Generic (CC BY-NC-ND 2.0)
Photo by UKTI

<figure><img src="img/f{n}.jpg" alt="F"><figcaption>Photo: Ann {n}</figcaption></figure>

{{{{< figure src="img/h{n}.jpg" caption="Quay {n}" attr="Foto: Jan" >}}}}

![Ref {n}][r{n}]

[r{n}]: img/r{n}.jpg "Reference {n}"
"""

HTML_BLOCK = """
<p>Body paragraph {n} with <em>emphasis</em>.</p>
<figure><img src="img/{n}.jpg" alt="A"><figcaption>Photo: Ann {n}</figcaption></figure>
<div class="photo"><a href="x"><img src="img/d{n}.jpg"></a></div>
<p class="credit">Picture by Sam {n}</p>
<img src="img/c{n}.jpg" data-credit="Reuters/Ola {n}">
"""


def measure(path: Path, rounds: int = 3) -> tuple[float, int]:
    file = find_articles([str(path)])[0]
    best = float("inf")
    figures = 0
    for _ in range(rounds):
        start = time.perf_counter()
        figures = len(read_article(file).figures)
        best = min(best, time.perf_counter() - start)
    return best, figures


def main() -> int:
    folder = Path(tempfile.mkdtemp(prefix="bench-articles-"))
    markdown = folder / "long.md"
    markdown.write_text("".join(MARKDOWN_BLOCK.format(n=n) for n in range(BLOCKS)), "utf-8")
    page = folder / "long.html"
    page.write_text("<html><body>" + "".join(HTML_BLOCK.format(n=n) for n in range(BLOCKS * 2))
                    + "</body></html>", "utf-8")  # fmt: skip
    hostile = folder / "hostile.md"
    hostile.write_text("<div>" * 20000 + "<img src='x.jpg'>" + "</div>" * 20000 + "\n\n"
                       + "[" * 50000 + "\n\n" + "*a " * 50000 + "\n", "utf-8")  # fmt: skip
    ok = True
    for path in (markdown, page):
        seconds, figures = measure(path)
        size_mb = path.stat().st_size / 1e6
        rate, throughput = figures / seconds, size_mb / seconds
        ok &= rate >= TARGET_FIGURES_PER_SECOND and throughput >= TARGET_MB_PER_SECOND
        print(f"{path.name}: {figures} figures, {size_mb:.2f} MB in {seconds * 1000:.0f} ms: "
              f"{rate:,.0f} figures/s (target {TARGET_FIGURES_PER_SECOND:,}), "
              f"{throughput:.1f} MB/s (target {TARGET_MB_PER_SECOND})")  # fmt: skip
    seconds, figures = measure(hostile, rounds=1)
    print(f"hostile.md: {figures} figure(s) in {seconds * 1000:.0f} ms")
    print("targets met" if ok else "targets NOT met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
