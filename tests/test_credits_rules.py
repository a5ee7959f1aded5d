# ruff: noqa: E501  (a table of captions reads best one row per line)
"""Credit-line conventions, one row each: caption -> first creators, organisations, licence.

Each row is a convention from issue 4 or the credit-line corpus written with other names, so the
rules are tested as rules (not as memorised lines). Organisations are checked as a subset.
"""

from __future__ import annotations

import pytest

from attrcheck.credits import parse

# caption, creators, organisations (subset, in order), first licence id (or "~FAMILY" when
# unversioned, None for none)
CASES: list[tuple[str, tuple[str, ...], tuple[str, ...], str | None]] = [
    # "Picture by X / Org", "Photo: X/Agency"
    ("Picture by Pippa Fowles / No 10 Downing Street.", ("Pippa Fowles",), ("No 10 Downing Street",), None),
    ("Photo: Jens Büttner/dpa", ("Jens Büttner",), ("dpa",), None),
    ("Foto: Jens Büttner/dpa-Zentralbild/dpa", ("Jens Büttner",), ("dpa",), None),
    # stock: "X/iStock via Getty Images", "X, iStock, Getty Images", templates
    ("fizkes/iStock via Getty Images", ("fizkes",), ("iStock", "Getty Images"), None),
    ("SDI Productions, iStock, Getty Images", ("SDI Productions",), ("iStock", "Getty Images"), None),
    ("Photographer Name/iStock via Getty Images", (), ("iStock", "Getty Images"), None),
    ("artist name/Shutterstock", (), ("Shutterstock",), None),
    ("Zapp2Photo / Shutterstock.com", ("Zapp2Photo",), ("Shutterstock",), None),
    # platforms
    ("Photo by Annie Spratt on Unsplash", ("Annie Spratt",), ("Unsplash",), None),
    ("Photo by Lisa Fotios from Pexels", ("Lisa Fotios",), ("Pexels",), None),
    ("Image by Gerd Altmann from Pixabay", ("Gerd Altmann",), ("Pixabay",), None),
    ("Photo via Flickr user jdoe42", ("jdoe42",), ("Flickr",), None),
    ("Photo by bongkarn thanyakij from Pexels", ("bongkarn thanyakij",), ("Pexels",), None),
    ("Photo by Van Tay Media on Unsplash", ("Van Tay Media",), ("Unsplash",), None),
    # Wikimedia Commons: "Author, Licence, via Wikimedia Commons" (the author field taken whole)
    ('<a href="https://commons.wikimedia.org/wiki/File:W.jpg">francois from Strasbourg, france</a>, <a href="https://creativecommons.org/licenses/by/2.0">CC BY 2.0</a>, via Wikimedia Commons',
     ("francois from Strasbourg, france",), ("Wikimedia Commons",), "CC-BY-2.0"),
    ("David A. Wheeler, et al., CC BY-SA 3.0 <https://creativecommons.org/licenses/by-sa/3.0>, via Wikimedia Commons",
     ("David A. Wheeler",), ("Wikimedia Commons",), "CC-BY-SA-3.0"),
    ("Michelangelo, Public domain, via Wikimedia Commons", ("Michelangelo",), ("Wikimedia Commons",), "LicenseRef-Public-Domain"),
    ("Ravi Kant, CC BY-SA 4.0, via Wikimedia Commons", ("Ravi Kant",), ("Wikimedia Commons",), "CC-BY-SA-4.0"),
    ("Unknown author, Public domain, via Wikimedia Commons", (), ("Wikimedia Commons",), "LicenseRef-Public-Domain"),
    ("By Diliff - Own work, CC BY-SA 3.0, https://commons.wikimedia.org/w/index.php?curid=1234",
     ("Diliff",), ("Wikimedia Commons",), "CC-BY-SA-3.0"),
    ("By Jane Doe (Own work) [CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0)], via Wikimedia Commons",
     ("Jane Doe",), ("Wikimedia Commons",), "CC-BY-SA-4.0"),
    # Flickr long form and TASL
    ("Jane Doe, Attribution-NonCommercial-NoDerivs 2.0 Generic (CC BY-NC-ND 2.0)", ("Jane Doe",), (), "CC-BY-NC-ND-2.0"),
    ('"Sunset over the bay" by John Smith is licensed under CC BY 2.0.', ("John Smith",), (), "CC-BY-2.0"),
    ('"Tulips" by Jane Doe, used under CC BY 2.0 / Cropped from original', ("Jane Doe",), (), "CC-BY-2.0"),
    # agencies and institutions
    ("Image: NASA/JPL-Caltech", (), ("NASA", "JPL-Caltech"), None),
    ("Image credit: NASA/JHUAPL/SwRI", (), ("NASA",), None),
    ("© 2019 Reuters/John Smith", ("John Smith",), ("Reuters",), None),
    ("REUTERS/Kevin Lamarque", ("Kevin Lamarque",), ("REUTERS",), None),
    ("AFP PHOTO / JOHN SMITH", ("JOHN SMITH",), ("AFP",), None),
    ("(AP Photo/Evan Vucci, File)", ("Evan Vucci",), ("AP",), None),
    ("Jorge Guerrero/AFP via Getty Images", ("Jorge Guerrero",), ("AFP", "Getty Images"), None),
    ("Photograph: Jane Bown/The Observer", ("Jane Bown",), ("The Observer",), None),
    ("Photo by Jane Doe/The Verge", ("Jane Doe",), ("The Verge",), None),
    ("Jean Dupont/Le Monde", ("Jean Dupont",), ("Le Monde",), None),
    ("Official White House Photo by Pete Souza", ("Pete Souza",), ("White House",), None),
    ("U.S. Navy photo by Mass Communication Specialist 2nd Class John Doe", ("John Doe",), ("U.S. Navy",), None),
    ("Photo credit: U.S. Army photo by Sgt. John Doe", ("John Doe",), ("U.S. Army",), None),
    ("Library of Congress, Prints & Photographs Division", (), ("Library of Congress",), None),
    ("Rijksmuseum, public domain", (), ("Rijksmuseum",), "LicenseRef-Public-Domain"),
    ("Courtesy of the Smithsonian Institution", (), ("Smithsonian Institution",), None),
    ("Illustration by 18F", (), ("18F",), None),
    # "Courtesy of …", "Photos by A and B", "Credit: …"
    ("Courtesy of Jane Doe", ("Jane Doe",), (), None),
    ("Courtesy of the artist", (), (), None),
    ("Photos by Jane Doe and John Roe", ("Jane Doe", "John Roe"), (), None),
    ("Photos: Jane Doe, John Roe", ("Jane Doe", "John Roe"), (), None),
    ("Credit: Jane Doe/The New York Times", ("Jane Doe",), ("The New York Times",), None),
    ("Credit...Jane Doe for The New York Times", ("Jane Doe",), ("The New York Times",), None),
    # other languages
    ("Foto: Max Mustermann", ("Max Mustermann",), (), None),
    ("Bild: Keystone", (), ("Keystone",), None),
    ("Bildquelle: Max Mustermann / pixelio.de", ("Max Mustermann",), ("Pixelio",), None),
    ("Quelle: Wikipedia", (), ("Wikipedia",), None),
    ("Photo : AFP", (), ("AFP",), None),
    ("Crédit : Jean Dupont / AFP", ("Jean Dupont",), ("AFP",), None),
    ("Fotografía: EFE", (), ("EFE",), None),
    ("Imagem: Divulgação", (), (), None),
    ("Foto: Reprodução/Instagram", (), ("Instagram",), None),
    ("Beeld ANP", (), ("ANP",), None),
    ("Beeld: Lauren Hillebrandt", ("Lauren Hillebrandt",), (), None),
    ("Illustrasjon: Kari Nordmann", ("Kari Nordmann",), (), None),
    ("Ilustración de Ana García", ("Ana García",), (), None),
    ("Cortesía de Jane Doe", ("Jane Doe",), (), None),
    ("Kuva: Lehtikuva", (), ("Lehtikuva",), None),
    # "Name, credit: Other Name"; descriptions; credit then description
    ("Jane Smith, credit: John Doe", ("John Doe",), (), None),
    ("Image: a view of the harbour at dusk", (), (), None),
    ("Image: Volunteers clean the beach near the pier", (), (), None),
    ("Photo: John Smith. The new bridge opened on Monday.", ("John Smith",), (), None),
    ("Jane Doe, left, and John Roe at the event.", (), (), None),
    ("The edge of the solar system. NASA", (), ("NASA",), None),
    # bare names and licences
    ("Roie Galitz", ("Roie Galitz",), (), None),
    ("Jane Doe (CC BY-NC 4.0)", ("Jane Doe",), (), "CC-BY-NC-4.0"),
    ("Flickr / jsmith (CC BY 2.0)", ("jsmith",), ("Flickr",), "CC-BY-2.0"),
    ("Photo (c) Jane Doe", ("Jane Doe",), (), None),
    ("© Jane Doe 2020", ("Jane Doe",), (), None),
    ("Copyright: Jane Doe", ("Jane Doe",), (), None),
    ("Photo: Jane Doe, Staff Photographer", ("Jane Doe",), (), None),
    ("Staff photo by Jane Doe", ("Jane Doe",), (), None),
    ("(photo courtesy Joi Ito CC BY)", ("Joi Ito",), (), "~CC-BY"),
    # descriptions before a labelled credit, in several languages
    ("Bundesrat Alain Berset an einer Medienkonferenz in Bern. (Bild: Keystone/Peter Klaunzer)", ("Peter Klaunzer",), ("Keystone",), None),
    ("Le président à l'Élysée, le 3 mai 2021. (Photo : Ludovic Marin / AFP)", ("Ludovic Marin",), ("AFP",), None),
    ("Een demonstratie in Den Haag. Beeld ANP / Remko de Waal", ("Remko de Waal",), ("ANP",), None),
    ("The Milky Way over Arches National Park. NPS/Jacob W. Frank", ("Jacob W. Frank",), ("NPS",), None),
    ("Jane Doe (left) and John Roe. Photo: Max Power/Getty Images", ("Max Power",), ("Getty Images",), None),
    ("U.S. Army photo by Spc. John Doe", ("John Doe",), ("U.S. Army",), None),
    ("Photo: iStock.com/fizkes", ("fizkes",), ("iStock.com",), None),
    ("Image by Free-Photos from Pixabay", ("Free-Photos",), ("Pixabay",), None),
    ("Photo credit: John Smith Photography", ("John Smith Photography",), (), None),
    ("Graphic: The Economist", (), ("The Economist",), None),
    ("Screenshot: Twitter", (), ("Twitter",), None),
    ('"Mountain Lake" by jdoe123 is marked with CC0 1.0.', ("jdoe123",), (), "CC0-1.0"),
    ("Credit: NASA, ESA, CSA, STScI", (), ("NASA", "ESA", "CSA", "STScI"), None),
    ("A view of the harbour at dusk — Jane Doe/Reuters", ("Jane Doe",), ("Reuters",), None),
    ("Students in the library - GSA", (), ("GSA",), None),
    ("Photo provided by Jane Doe", ("Jane Doe",), (), None),
    ("Fotograaf: Jan Jansen", ("Jan Jansen",), (), None),
    ("Photographer Jane Doe", ("Jane Doe",), (), None),
    ("CC BY photo by Jane Doe", ("Jane Doe",), (), "~CC-BY"),
    # two credits in one caption
    ("Photo by Ann Lee, CC BY 2.0. Icon by Bo Chen from the Noun Project, CC BY 3.0",
     ("Ann Lee", "Bo Chen"), ("Noun Project",), "CC-BY-2.0"),
]  # fmt: skip


@pytest.mark.parametrize(("caption", "creators", "organisations", "licence"), CASES)
def test_convention(
    caption: str, creators: tuple[str, ...], organisations: tuple[str, ...], licence: str | None
) -> None:
    credit = parse(caption)
    assert credit.creators == creators
    found = [name for name in credit.organisations if name in organisations]
    assert found == list(organisations), credit.organisations
    if licence is None:
        assert [ref.id for ref in credit.licences if ref.id] == []
    elif licence.startswith("~"):
        assert (credit.licences[0].id, credit.licences[0].family) == (None, licence[1:])
    else:
        assert credit.licences[0].id == licence


def test_two_credits_keep_both_licences_in_order() -> None:
    credit = parse("Photo by Ann Lee, CC BY 2.0. Icon by Bo Chen from the Noun Project, CC BY 3.0")
    assert [ref.id for ref in credit.licences] == ["CC-BY-2.0", "CC-BY-3.0"]


@pytest.mark.parametrize(
    ("caption", "statement"),
    [
        ("Foto: Hans Muster, gemeinfrei", "gemeinfrei"),
        ("Photo : Jean Dupont, domaine public", "domaine public"),
        ("Imagen: Biblioteca Nacional de España, dominio público", "dominio público"),
        ("Imagem: Arquivo Nacional, domínio público", "domínio público"),
        ("Beeld: Jan Jansen, publiek domein", "publiek domein"),
        ("Foto: Mario Rossi, pubblico dominio", "pubblico dominio"),
    ],
)
def test_public_domain_in_other_languages_is_the_recognisers(caption: str, statement: str) -> None:
    credit = parse(caption)
    assert [(ref.id, ref.text) for ref in credit.licences] == [
        ("LicenseRef-Public-Domain", statement)
    ]
    assert [item.kind for item in credit.statements] == ["public-domain"]


@pytest.mark.parametrize(
    ("caption", "organisations"),
    [
        ("Foto: Rijksmuseum (public domain)", ("Rijksmuseum",)),
        ("Beeld: Rijksmuseum (publiek domein)", ("Rijksmuseum",)),
        ("Photo: NASA, CC BY 2.0 (Jane Doe)", ("NASA",)),
    ],
)
def test_the_name_before_a_licence_stops_at_a_label(
    caption: str, organisations: tuple[str, ...]
) -> None:
    credit = parse(caption)
    assert credit.organisations == organisations
    assert credit.creators == ()


def test_a_public_domain_statement_with_its_tool_is_one_licence() -> None:
    credit = parse("Bild: gemeinfrei (CC0)")
    assert [(ref.id, ref.text) for ref in credit.licences] == [("CC0-1.0", "gemeinfrei (CC0)")]


def test_a_flickr_long_form_spans_its_closing_bracket() -> None:
    caption = "Jane Doe, Attribution-NonCommercial-NoDerivs 2.0 Generic (CC BY-NC-ND 2.0), Flickr"
    [licence] = parse(caption).licences
    assert licence.text == "Attribution-NonCommercial-NoDerivs 2.0 Generic (CC BY-NC-ND 2.0)"
    assert caption[licence.span[0] : licence.span[1]] == licence.text


def test_repeated_reference_is_one_licence() -> None:
    credit = parse(
        "Attribution-NonCommercial-NoDerivs 2.0 Generic (CC BY-NC-ND 2.0), Jane Doe on Flickr"
    )
    assert [ref.id for ref in credit.licences] == ["CC-BY-NC-ND-2.0"]
