"""Build the acceptance corpus of tests/acceptance/cases.yaml into case directories.

Each case directory holds an article (Markdown, HTML, Hugo shortcodes or the seed article), a
rules.yaml, optionally a media-register.yaml, the published images and the originals, with the
EXIF (piexif), IPTC (APP13 Photoshop IRB with IIM datasets) and XMP (APP1 packet) that the case
asks for. Pictures are synthetic but photo-like (smooth shading, shapes, grain) so that crops,
overlays and colour changes are detectable against the original.

    python tests/acceptance/build_cases.py OUT_DIR      # writes OUT_DIR/<case id>/...
"""

from __future__ import annotations

import hashlib
import html
import io
import struct
import sys
from pathlib import Path
from typing import Any

import numpy as np
import piexif
import yaml
from PIL import Image, ImageDraw, ImageFont, ImageOps

HERE = Path(__file__).resolve().parent
CASES_FILE = HERE / "cases.yaml"
SIZE = (1200, 800)

BODY = [
    "The council approved the new transport plan on Tuesday after a long public consultation.",
    "Residents had asked for more frequent services and safer crossings near the schools.",
    "Work on the first section is due to start in the spring and last about eighteen months.",
]
SEED_BODY = [
    "Washington has shared with London the names of Chinese officials it blames for abuses in "
    "Xinjiang, MPs who met the US Secretary of State said after a private briefing.",
    "Ministers are under pressure from both sides of the House to use the new sanctions regime "
    "against those responsible.",
    "The first list of sanctions published this year named no Chinese officials, which "
    "campaigners criticised.",
    "The Shadow Foreign Secretary urged the government to move faster.",
]


def load_cases() -> list[dict[str, Any]]:
    data = yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))
    cases: list[dict[str, Any]] = data["cases"]
    return cases


# --------------------------------------------------------------------------- pictures


def picture(seed: int, size: tuple[int, int] = SIZE) -> Image.Image:
    """A photo-like RGB picture: a shaded background, a few soft shapes and film grain."""
    rng = np.random.default_rng(seed)
    w, h = size
    x = np.arange(w, dtype=np.float32)
    y = np.arange(h, dtype=np.float32)
    base = np.zeros((h, w, 3), np.float32)
    for c in range(3):
        a, b, p = rng.uniform(-0.15, 0.15, 3)
        across = np.sin(x / w * (2 + 3 * a) * np.pi + p * 10)  # separable: outer product
        down = np.cos(y / h * (2 + 3 * b) * np.pi)
        base[..., c] = 120 + 60 * np.outer(down, across)
    img = Image.fromarray(np.clip(base, 0, 255).astype(np.uint8))
    draw = ImageDraw.Draw(img)
    for _ in range(14):
        x0, y0 = int(rng.integers(0, w - 100)), int(rng.integers(0, h - 100))
        x1, y1 = x0 + int(rng.integers(60, 400)), y0 + int(rng.integers(60, 300))
        colour = tuple(int(v) for v in rng.integers(0, 255, 3))
        if rng.random() < 0.5:
            draw.ellipse((x0, y0, x1, y1), fill=colour)
        else:
            draw.rectangle((x0, y0, x1, y1), fill=colour)
    grain = rng.standard_normal((h, w, 3), dtype=np.float32) * 6
    arr = np.clip(np.asarray(img, np.float32) + grain, 0, 255).astype(np.uint8)
    return Image.fromarray(arr)


def derive(original: Image.Image, op: str) -> Image.Image:
    """The published version of `original` after the editorial operation `op`."""
    w, h = original.size
    if op in ("none", "recompress", "recompress35", "png"):
        return original.copy()
    if op == "resize":
        return original.resize((w * 2 // 3, h * 2 // 3), Image.Resampling.LANCZOS)
    if op == "smallcrop":
        return original.crop((w // 25, h // 25, w - w // 25, h - h // 25))
    if op == "cropresize":
        box = (0, h // 8, w, h // 8 + w * 9 // 16)
        return original.crop(box).resize((800, 450), Image.Resampling.LANCZOS)
    if op == "resizelow":
        return original.resize((w // 2, h // 2), Image.Resampling.BICUBIC)
    if op == "watermark":
        out = original.copy()
        draw = ImageDraw.Draw(out)
        font = ImageFont.load_default(size=28)
        draw.text((w - 400, h - 70), "(c) NEWS SITE 2026", fill=(255, 255, 255), font=font)
        return out
    if op == "crop":
        return original.crop((w // 5, h // 6, w - w // 10, h - h // 8))
    if op == "overlay":
        out = original.copy()
        draw = ImageDraw.Draw(out)
        draw.rectangle((w - 380, h - 150, w - 30, h - 30), fill=(250, 250, 250))
        draw.rectangle((40, 40, 300, 110), fill=(200, 20, 20))
        return out
    if op == "greyL":
        return ImageOps.grayscale(original)
    if op == "grey":
        return ImageOps.grayscale(original).convert("RGB")
    if op == "mirror":
        return ImageOps.mirror(original)
    raise ValueError(f"unknown op {op!r}")


# --------------------------------------------------------------------------- metadata


def exif_bytes(meta: dict[str, Any]) -> bytes | None:
    zeroth: dict[int, Any] = {}
    if "exif_artist" in meta:
        zeroth[piexif.ImageIFD.Artist] = meta["exif_artist"].encode("utf-8")
    if "exif_copyright" in meta:
        zeroth[piexif.ImageIFD.Copyright] = meta["exif_copyright"].encode("utf-8")
    if not zeroth:
        return None
    dumped: bytes = piexif.dump({"0th": zeroth, "Exif": {}, "GPS": {}, "1st": {}})
    return dumped


def iptc_segment(byline: str) -> bytes:
    """APP13 "Photoshop 3.0" with one 8BIM 0x0404 resource holding IIM 1:90 (UTF-8) + 2:80."""

    def dataset(record: int, number: int, value: bytes) -> bytes:
        return bytes([0x1C, record, number]) + struct.pack(">H", len(value)) + value

    iim = (
        dataset(1, 90, b"\x1b%G")
        + dataset(2, 0, b"\x00\x04")
        + dataset(2, 80, byline.encode("utf-8"))
    )
    if len(iim) % 2:
        iim += b"\x00"
    resource = b"8BIM" + struct.pack(">H", 0x0404) + b"\x00\x00" + struct.pack(">I", len(iim))
    payload = b"Photoshop 3.0\x00" + resource + iim
    return b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload


def xmp_segment(meta: dict[str, Any]) -> bytes | None:
    attrs, elements = [], []
    if meta.get("xmp_has_crop") == "element":
        elements.append("<crs:HasCrop>True</crs:HasCrop><crs:CropLeft>0.1</crs:CropLeft>")
    elif meta.get("xmp_has_crop") == "false":
        attrs.append('crs:HasCrop="False"')
    elif meta.get("xmp_has_crop"):
        attrs.append(
            'crs:HasCrop="True" crs:CropTop="0.1" crs:CropLeft="0.15" '
            'crs:CropBottom="0.9" crs:CropRight="0.95"'
        )
    if "xmp_creator" in meta:
        name = html.escape(meta["xmp_creator"])
        elements.append(f"<dc:creator><rdf:Seq><rdf:li>{name}</rdf:li></rdf:Seq></dc:creator>")
    if "xmp_licence" in meta:
        url = html.escape(meta["xmp_licence"])
        elements.append(f'<cc:license rdf:resource="{url}"/>')
        elements.append(f"<xmpRights:WebStatement>{url}</xmpRights:WebStatement>")
    if not attrs and not elements:
        return None
    packet = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:cc="http://creativecommons.org/ns#" '
        'xmlns:xmpRights="http://ns.adobe.com/xap/1.0/rights/" '
        'xmlns:crs="http://ns.adobe.com/camera-raw-settings/1.0/" '
        + " ".join(attrs)
        + ">"
        + "".join(elements)
        + "</rdf:Description></rdf:RDF></x:xmpmeta>"
        '<?xpacket end="w"?>'
    ).encode("utf-8")
    payload = b"http://ns.adobe.com/xap/1.0/\x00" + packet
    return b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload


def insert_segments(jpeg: bytes, segments: list[bytes]) -> bytes:
    """Insert APPn segments after SOI and any leading APP0/APP1 (JFIF, Exif)."""
    pos = 2
    while jpeg[pos] == 0xFF and jpeg[pos + 1] in (0xE0, 0xE1):
        pos += 2 + struct.unpack(">H", jpeg[pos + 2 : pos + 4])[0]
    return jpeg[:pos] + b"".join(segments) + jpeg[pos:]


def encode(img: Image.Image, path: Path, meta: dict[str, Any], quality: int = 92) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix.lower() == ".png":
        img.save(path, "PNG")
        return
    buf = io.BytesIO()
    exif = exif_bytes(meta)
    if exif:
        img.save(buf, "JPEG", quality=quality, exif=exif)
    else:
        img.save(buf, "JPEG", quality=quality)
    extra = []
    xmp = xmp_segment(meta)
    if xmp:
        extra.append(xmp)
    if "iptc_byline" in meta:
        extra.append(iptc_segment(meta["iptc_byline"]))
    path.write_bytes(insert_segments(buf.getvalue(), extra) if extra else buf.getvalue())


def write_image(case_dir: Path, figure: dict[str, Any]) -> None:
    spec = figure.get("image") or {}
    target = case_dir / (spec.get("path") or figure["src"])
    if spec.get("missing"):
        return
    if spec.get("broken"):
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(b"\xff\xd8\xff\xe0 this is not really a JPEG file\n" * 8)
        return
    original = picture(int(spec["seed"]))
    if spec.get("original"):
        encode(original, case_dir / spec["original"], spec.get("original_meta") or {}, 95)
    op = spec.get("op", "none")
    quality = {"recompress": 50, "recompress35": 35, "resizelow": 60}.get(op, 90)
    encode(derive(original, op), target, spec.get("meta") or {}, quality)


# --------------------------------------------------------------------------- articles


def markdown_article(case: dict[str, Any]) -> str:
    parts = ["# " + case["id"].replace("-", " ").capitalize(), "", BODY[0], ""]
    for n, figure in enumerate(case["figures"]):
        alt = figure.get("alt") or f"Picture {n + 1} of the story"
        caption = figure.get("caption")
        if case["format"] == "title":
            title = f' "{caption}"' if caption else ""
            parts += [f"![{alt}]({figure['src']}{title})", ""]
        elif case["format"] == "hugo":
            attrs = f'src="{figure["src"]}" alt="{alt}"'
            if caption:
                attrs += ' caption="' + caption.replace('"', '\\"') + '"'
            for key in ("attr", "attrlink"):
                if figure.get(key):
                    attrs += f' {key}="{figure[key]}"'
            parts += ["{{< figure " + attrs + " >}}", ""]
        elif case["format"] == "md-inline":  # caption in the image's own paragraph
            parts += [f"![{alt}]({figure['src']})" + (f"\\\n{caption}" if caption else ""), ""]
        else:
            parts += [f"![{alt}]({figure['src']})", ""]
            if caption:
                parts += [caption, ""]
        parts += [BODY[(n + 1) % len(BODY)], ""]
    return "\n".join(parts)


def seed_article(case: dict[str, Any]) -> str:
    front = '---\ntitle: "US Passes UK Names Of Officials Linked To Xinjiang Abuses"\n---\n\n'
    first, second = case["figures"]
    parts = [
        SEED_BODY[0], "", SEED_BODY[1], "",
        f"![The Secretary of State and the Foreign Secretary]({first['src']})", "",
        first["caption"], "",
        SEED_BODY[2], "",
        f"![Delegates at a trade mission]({second['src']})", "",
        second["caption"], "",
        SEED_BODY[3], "",
    ]  # fmt: skip
    return front + "\n".join(parts)


def html_article(case: dict[str, Any]) -> str:
    body = [f"<h1>{html.escape(case['id'])}</h1>", f"<p>{BODY[0]}</p>"]
    for n, figure in enumerate(case["figures"]):
        alt = html.escape(figure.get("alt") or f"Picture {n + 1} of the story")
        img = f'<img src="{html.escape(figure["src"])}" alt="{alt}">'
        if figure.get("title"):
            body.append(
                f'<p><img src="{html.escape(figure["src"])}" alt="{alt}" '
                f'title="{html.escape(figure["title"])}"></p>'
            )
        elif figure.get("caption"):
            body.append(f"<figure>{img}<figcaption>{figure['caption']}</figcaption></figure>")
        else:
            body.append(f"<p>{img}</p>")
        body.append(f"<p>{BODY[(n + 1) % len(BODY)]}</p>")
    inner = "\n".join(body)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Story</title>'
        f"</head>\n<body><article>\n{inner}\n</article></body></html>\n"
    )


def article_name(case: dict[str, Any]) -> str:
    return "article.html" if case["format"] == "html" else "article.md"


def write_article(case_dir: Path, case: dict[str, Any]) -> None:
    fmt = case["format"]
    if fmt == "html":
        text = html_article(case)
    elif fmt == "seed":
        text = seed_article(case)
    else:
        text = markdown_article(case)
    (case_dir / article_name(case)).write_text(text, encoding="utf-8")


# --------------------------------------------------------------------------- policy, register


def rules_for(case: dict[str, Any]) -> dict[str, Any]:
    overrides = case.get("rules") or {}
    rules: dict[str, Any] = {
        "publication": {"commercial": True, "medium": "web", **overrides.get("publication", {})},
        "licences": {"allow": [], "deny": [], **overrides.get("licences", {})},
        "permissions": overrides.get("permissions", []),
        "modifications": {
            "resize": "allowed", "recompress": "allowed", "format-change": "allowed",
            "crop": "violation", "alteration": "violation", **overrides.get("modifications", {}),
        },
    }  # fmt: skip
    if case.get("register"):
        rules["register"] = "media-register.yaml"
    return rules


def register_for(case: dict[str, Any]) -> dict[str, Any]:
    assets = []
    for entry in case["register"]:
        asset = {key: None for key in ("creator", "title", "source", "licence", "original")}
        asset["permission"] = None
        asset.update(entry)
        assets.append(asset)
    return {"assets": assets}


def build_case(root: Path, case: dict[str, Any]) -> Path:
    case_dir = root / case["id"]
    case_dir.mkdir(parents=True, exist_ok=True)
    for figure in case["figures"]:
        write_image(case_dir, figure)
    for entry, figure in zip(case.get("register") or [], case["figures"], strict=False):
        if entry.get("match") == "sha256:":  # match the figure's file by content
            digest = hashlib.sha256((case_dir / figure["src"]).read_bytes()).hexdigest()
            entry = dict(entry, match=f"sha256:{digest}")
            case["register"] = [entry, *case["register"][1:]]
    write_article(case_dir, case)
    dump = yaml.safe_dump
    (case_dir / "rules.yaml").write_text(dump(rules_for(case), sort_keys=False), "utf-8")
    if case.get("register"):
        register = dump(register_for(case), sort_keys=False, allow_unicode=True)
        (case_dir / "media-register.yaml").write_text(register, "utf-8")
    return case_dir


def build_all(root: Path) -> dict[str, Path]:
    return {case["id"]: build_case(root, case) for case in load_cases()}


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "acceptance-cases")
    for case_id, path in build_all(out).items():
        print(case_id, path)
