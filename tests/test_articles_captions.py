"""The rule that decides whether a paragraph after an image reads as its caption."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from attrcheck.articles.captions import reads_as_caption


@pytest.mark.parametrize(
    "text",
    [
        "Picture by Pippa Fowles / No 10 Downing Street.",
        "Attribution-NonCommercial-NoDerivs 2.0 Generic (CC BY-NC-ND 2.0)\nPhoto by UKTI",
        "Photo: Jane Doe",
        "Photos by the Port Authority",
        "Photo credit: Sam Lee",
        "Image courtesy of the museum",
        "Courtesy of the family",
        "Crédit photo : Marie Dupont",
        "Foto: Jan de Vries",
        "Foto de Luis Gómez",
        "Bild von Anna Berg",
        "Beeld: ANP",
        "Fotografía: Luis Gómez",
        "Illustration by Kim Ode",
        "Source: Wikimedia Commons",
        "Quelle: Stadtarchiv",
        "Photo — Lee Park",
        "Photo Reuters/Ola Berg",
        "Reuters/Ola Berg",
        "AP Photo/Jane Smith",
        "Getty Images",
        "AFP via Getty Images",
        "© 2021 Sara Holm",
        "Sara Holm, CC BY 2.0",
        "Jo Doe (CC-BY-SA 4.0)",
        "Wikimedia Commons, public domain",
        "Licensed under Creative Commons",
        "“Harbour” by Ana Lima is licensed under CC BY 2.0.",
        "Cover photo: Unsplash",
        "Zapp2Photo/iStock/Thinkstock",
        "Andrey Suslov, Shutterstock",
        "Jorge Guerrero/AFP via Getty Images",
        "Kelce and Swift after the game. (Photo by Ezra Shaw/Getty Images)",
        "Mercado de Notícias | Foto: Ramiro Furquim/Sul21",
        "The edge of the solar system. Image Credit: NASA/JPL-Caltech",
        "An oil rig on public land. Courtesy of the Department of Energy",
        "Kirk Hargreaves/Christchurch city council",
        "Giorgio von Arb",
        "Beeld Lauren Hillebrandt",
        "Bildrechte: MITTELDEUTSCHER RUNDFUNK",
    ],
)
def test_reads_as_caption(text: str) -> None:
    assert reads_as_caption(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "The minister arrived late and left early.",
        "Photos of the event were shared widely on social media.",
        "Pictures show the damage to the harbour wall.",
        "Sources say the talks will resume on Monday.",
        "Reuters reported on Monday that the talks had stalled, citing three officials familiar "
        "with the negotiations.",
        "The CCTV footage was released by police." * 8,
        "He took a photo by the lake and left before dawn.",
        "The agency, Reuters, said on Monday that the talks had stalled.",
        "The Prime Minister said the sanctions would follow. Ministers disagreed.",
    ],
)
def test_does_not_read_as_caption(text: str) -> None:
    assert not reads_as_caption(text)


def test_emphasis_makes_any_text_a_caption() -> None:
    assert reads_as_caption("A quiet morning on the quay", emphasised=True)


def test_real_credit_lines_read_as_captions(shared_dir: Path) -> None:
    """The shared sample of real-world credit lines, each written below an image."""
    with (shared_dir / "corpus/credit-lines-sample.tsv").open(encoding="utf-8") as handle:
        lines = [row["line"] for row in csv.DictReader(handle, delimiter="\t")]
    missed = [line for line in lines if not reads_as_caption(line)]
    assert len(missed) <= len(lines) // 20, missed
