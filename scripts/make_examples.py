"""Generate the two images of the example article (examples/img/) with realistic rights metadata.

    .venv/bin/python scripts/make_examples.py [--out examples/img]

The pictures are drawn with Pillow (a press-conference scene and a trade-mission scene: no real
photographs are shipped) and carry the metadata a newsroom receives with such pictures:

- pompeo-raab.jpg — EXIF Artist "Pippa Fowles", Copyright "Crown copyright"; XMP dc:creator
  Pippa Fowles, dc:rights, photoshop:Credit "No 10 Downing Street"; no licence (as the caption).
- ukti.jpg — EXIF Artist "UKTI", Copyright naming CC BY-NC-ND 2.0; XMP dc:creator UKTI, dc:rights,
  cc:license / xmpRights:WebStatement https://creativecommons.org/licenses/by-nc-nd/2.0/,
  cc:attributionName UKTI.

The output is deterministic: running the script again writes the same bytes.
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

import piexif
from PIL import Image, ImageDraw, ImageFilter

WIDTH, HEIGHT = 1200, 800
CC_BY_NC_ND_20 = "https://creativecommons.org/licenses/by-nc-nd/2.0/"


@dataclass(frozen=True)
class Rights:
    artist: str
    copyright: str
    title: str
    description: str
    credit: str
    date: str  # EXIF form "YYYY:MM:DD HH:MM:SS"
    camera: tuple[str, str]
    licence_url: str | None = None
    source: str | None = None


POMPEO_RAAB = Rights(
    artist="Pippa Fowles",
    copyright="Crown copyright",
    title="US Secretary of State and the Foreign Secretary",
    description="The US Secretary of State and the Foreign Secretary at a press conference "
    "in London.",
    credit="No 10 Downing Street",
    date="2020:07:21 13:42:10",
    camera=("Canon", "Canon EOS 5D Mark IV"),
)
UKTI = Rights(
    artist="UKTI",
    copyright="UKTI. Attribution-NonCommercial-NoDerivs 2.0 Generic (CC BY-NC-ND 2.0)",
    title="UKTI trade mission",
    description="Delegates at a UK Trade & Investment trade mission.",
    credit="UKTI",
    date="2014:06:17 10:05:33",
    camera=("NIKON CORPORATION", "NIKON D800"),
    licence_url=CC_BY_NC_ND_20,
    source="https://www.flickr.com/photos/ukti/",
)


def draw_press_conference(seed: int) -> Image.Image:
    """Two speakers at lecterns before a panelled wall with flags."""
    image = _backdrop((92, 70, 52), (140, 112, 84), seed)
    draw = ImageDraw.Draw(image)
    for x in range(80, WIDTH, 160):  # wall panels
        draw.rectangle([x, 60, x + 120, 520], outline=(70, 52, 38), width=4)
    _flag(draw, 120, 140, ((1, 33, 105), (255, 255, 255), (200, 16, 46)))
    _flag(draw, 1000, 140, ((178, 34, 52), (255, 255, 255), (60, 59, 110)))
    for centre, suit in ((380, (30, 32, 40)), (820, (25, 27, 52))):
        _speaker(draw, centre, suit)
        draw.polygon([(centre - 90, 800), (centre - 70, 560), (centre + 70, 560),
                      (centre + 90, 800)], fill=(48, 40, 36))  # fmt: skip
    return image.filter(ImageFilter.GaussianBlur(1.2))


def draw_trade_mission(seed: int) -> Image.Image:
    """Delegates around a table under a banner."""
    image = _backdrop((205, 214, 226), (160, 172, 190), seed)
    draw = ImageDraw.Draw(image)
    draw.rectangle([150, 70, 1050, 190], fill=(20, 40, 100))  # banner
    draw.rectangle([190, 105, 1010, 155], fill=(200, 16, 46))
    for index, centre in enumerate(range(200, 1100, 150)):
        suit = (40 + 9 * index, 45 + 5 * index, 60 + 7 * index)
        _speaker(draw, centre, suit, scale=0.8, top=300)
    draw.rectangle([100, 560, 1100, 640], fill=(120, 84, 50))  # table
    return image.filter(ImageFilter.GaussianBlur(1.0))


def _backdrop(top: tuple[int, int, int], bottom: tuple[int, int, int], seed: int) -> Image.Image:
    gradient = Image.linear_gradient("L").resize((WIDTH, HEIGHT))
    image = Image.composite(Image.new("RGB", (WIDTH, HEIGHT), bottom),
                            Image.new("RGB", (WIDTH, HEIGHT), top), gradient)  # fmt: skip
    rng = random.Random(seed)
    noise = Image.frombytes("L", (WIDTH, HEIGHT), bytes(rng.randrange(96, 160) for _ in
                                                         range(WIDTH * HEIGHT)))  # fmt: skip
    return Image.blend(image, Image.merge("RGB", (noise, noise, noise)), 0.06)


def _flag(
    draw: ImageDraw.ImageDraw, x: int, y: int, colours: tuple[tuple[int, int, int], ...]
) -> None:
    draw.line([x - 6, y - 20, x - 6, y + 460], fill=(180, 160, 90), width=8)
    for index, colour in enumerate(colours):
        draw.rectangle([x, y + index * 50, x + 110, y + (index + 1) * 50], fill=colour)


def _speaker(draw: ImageDraw.ImageDraw, centre: int, suit: tuple[int, int, int],
             scale: float = 1.0, top: int = 260) -> None:  # fmt: skip
    head = int(48 * scale)
    draw.ellipse([centre - head, top, centre + head, top + 2 * head + 10], fill=(224, 188, 160))
    shoulders = top + 2 * head + 6
    draw.rounded_rectangle([centre - int(120 * scale), shoulders, centre + int(120 * scale),
                            shoulders + int(360 * scale)], radius=40, fill=suit)  # fmt: skip
    draw.polygon([(centre - 14, shoulders), (centre + 14, shoulders), (centre, shoulders + 90)],
                 fill=(235, 235, 240))  # fmt: skip


def exif_bytes(rights: Rights) -> bytes:
    zeroth = {
        piexif.ImageIFD.Artist: rights.artist.encode(),
        piexif.ImageIFD.Copyright: rights.copyright.encode(),
        piexif.ImageIFD.ImageDescription: rights.description.encode(),
        piexif.ImageIFD.Make: rights.camera[0].encode(),
        piexif.ImageIFD.Model: rights.camera[1].encode(),
        piexif.ImageIFD.Software: b"attrcheck scripts/make_examples.py",
        piexif.ImageIFD.DateTime: rights.date.encode(),
        piexif.ImageIFD.Orientation: 1,
    }
    exif = {
        piexif.ExifIFD.DateTimeOriginal: rights.date.encode(),
        piexif.ExifIFD.DateTimeDigitized: rights.date.encode(),
        piexif.ExifIFD.PixelXDimension: WIDTH,
        piexif.ExifIFD.PixelYDimension: HEIGHT,
    }
    return bytes(piexif.dump({"0th": zeroth, "Exif": exif}))


def xmp_packet(rights: Rights) -> bytes:
    iso_date = rights.date.replace(":", "-", 2).replace(" ", "T")
    licence = ""
    if rights.licence_url:
        licence = (
            f'   <cc:license rdf:resource="{rights.licence_url}"/>\n'
            f"   <cc:attributionName>{escape(rights.artist)}</cc:attributionName>\n"
            f"   <xmpRights:WebStatement>{rights.licence_url}</xmpRights:WebStatement>\n"
            "   <xmpRights:Marked>True</xmpRights:Marked>\n"
        )
    source = (
        f"   <photoshop:Source>{escape(rights.source)}</photoshop:Source>\n"
        if rights.source
        else ""
    )
    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:xmpRights="http://ns.adobe.com/xap/1.0/rights/"
    xmlns:cc="http://creativecommons.org/ns#">
   <dc:creator><rdf:Seq><rdf:li>{escape(rights.artist)}</rdf:li></rdf:Seq></dc:creator>
   <dc:rights><rdf:Alt><rdf:li xml:lang="x-default">{escape(rights.copyright)}</rdf:li></rdf:Alt></dc:rights>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(rights.title)}</rdf:li></rdf:Alt></dc:title>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{escape(rights.description)}</rdf:li></rdf:Alt></dc:description>
   <photoshop:Credit>{escape(rights.credit)}</photoshop:Credit>
{source}{licence}   <xmp:CreateDate>{iso_date}</xmp:CreateDate>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>""".encode()  # noqa: E501


def write_example(image: Image.Image, rights: Rights, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "JPEG", quality=82, optimize=True, exif=exif_bytes(rights),
               xmp=xmp_packet(rights))  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = Path(__file__).resolve().parents[1] / "examples" / "img"
    parser.add_argument("--out", type=Path, default=default, help="folder for the two images")
    args = parser.parse_args(argv)
    write_example(draw_press_conference(seed=10), POMPEO_RAAB, args.out / "pompeo-raab.jpg")
    write_example(draw_trade_mission(seed=2014), UKTI, args.out / "ukti.jpg")
    for name in ("pompeo-raab.jpg", "ukti.jpg"):
        print(args.out / name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
