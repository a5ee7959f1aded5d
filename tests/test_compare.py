"""compare(original, published): each verdict kind on generated pairs, errors, and the CLI."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageFont, ImageOps

from attrcheck.cli import main
from attrcheck.errors import MediaError
from attrcheck.media.compare import compare
from test_compare_cases import (
    EDITS,
    REAL_PHOTOS,
    add_logo,
    build_cases,
    crop_error,
    grainy_scene,
    real_bases,
    synthetic_scene,
)


@pytest.fixture(scope="module")
def scene() -> Image.Image:
    return synthetic_scene(np.random.default_rng(7), 600, 400)


@pytest.fixture
def original(tmp_path: Path, scene: Image.Image) -> Path:
    path = tmp_path / "original.jpg"
    scene.save(path, quality=95)
    return path


def publish(
    tmp_path: Path, image: Image.Image, name: str = "published.jpg", **options: object
) -> Path:
    path = tmp_path / name
    image.save(path, **({"quality": 80} if path.suffix == ".jpg" else {}) | options)
    return path


def decoded(path: Path) -> Image.Image:
    with Image.open(path) as image:
        return image.convert("RGB")


def test_same_bytes_are_identical(tmp_path: Path, original: Path) -> None:
    copy = tmp_path / "copy.jpg"
    shutil.copyfile(original, copy)
    verdict = compare(original, copy)
    assert verdict.kind == "identical" and verdict.score == 1.0 and verdict.evidence == "original"


def test_reencoded_at_quality_50_is_recompressed(tmp_path: Path, original: Path) -> None:
    verdict = compare(original, publish(tmp_path, decoded(original), quality=50))
    assert verdict.kind == "recompressed"
    assert verdict.crop is None and verdict.alterations == ()


def test_one_third_size_is_resized(tmp_path: Path, original: Path, scene: Image.Image) -> None:
    small = scene.resize((200, 133), Image.Resampling.LANCZOS)
    verdict = compare(original, publish(tmp_path, small, quality=60))
    assert verdict.kind == "resized"


def test_jpeg_to_png_is_format_change(tmp_path: Path, original: Path) -> None:
    verdict = compare(original, publish(tmp_path, decoded(original), "published.png"))
    assert verdict.kind == "format-change"
    assert verdict.detail["changes"] == ["format-change"]


def test_crop_box_is_in_the_original_coordinates(
    tmp_path: Path, original: Path, scene: Image.Image
) -> None:
    box = (60, 20, 560, 400)
    verdict = compare(original, publish(tmp_path, scene.crop(box)))
    assert verdict.kind == "cropped"
    assert crop_error(box, verdict.crop, scene.size) <= 0.01


def test_crop_and_resize(tmp_path: Path, original: Path, scene: Image.Image) -> None:
    box = (0, 40, 480, 360)
    published = scene.crop(box).resize((240, 160), Image.Resampling.LANCZOS)
    verdict = compare(original, publish(tmp_path, published, quality=70))
    assert verdict.kind == "cropped"
    assert crop_error(box, verdict.crop, scene.size) <= 0.015
    assert "resized" in verdict.detail["changes"]


def test_small_logo_in_a_corner_is_an_overlay(
    tmp_path: Path, original: Path, scene: Image.Image
) -> None:
    logo = add_logo(scene, np.random.default_rng(3), 0.01)
    verdict = compare(original, publish(tmp_path, logo, quality=75))
    assert verdict.kind == "altered"
    assert "overlay" in verdict.alterations


def test_grayscale_and_mirror(tmp_path: Path, original: Path, scene: Image.Image) -> None:
    grey = compare(original, publish(tmp_path, scene.convert("L"), "grey.jpg"))
    assert grey.kind == "altered" and "grayscale" in grey.alterations
    mirrored = compare(original, publish(tmp_path, ImageOps.mirror(scene), "mirror.jpg"))
    assert mirrored.kind == "altered" and "mirror" in mirrored.alterations


def test_tint_is_a_colour_change(tmp_path: Path, original: Path, scene: Image.Image) -> None:
    warm = np.clip(np.asarray(scene, np.float32) + np.array([25, 5, -25]), 0, 255)
    tinted = Image.fromarray(np.uint8(warm), "RGB")
    verdict = compare(original, publish(tmp_path, tinted))
    assert verdict.kind == "altered" and verdict.alterations == ("colour-change",)


def test_crop_plus_overlay_is_altered_and_keeps_the_crop(
    tmp_path: Path, original: Path, scene: Image.Image
) -> None:
    box = (100, 0, 600, 350)
    edited = add_logo(scene.crop(box), np.random.default_rng(4), 0.03)
    verdict = compare(original, publish(tmp_path, edited))
    assert verdict.kind == "altered"
    assert crop_error(box, verdict.crop, scene.size) <= 0.015
    assert "cropped" in verdict.detail["changes"]


def test_exif_orientation_is_applied(tmp_path: Path, scene: Image.Image) -> None:
    exif = Image.Exif()
    exif[0x0112] = 6
    sideways = tmp_path / "sideways.jpg"
    scene.transpose(Image.Transpose.ROTATE_90).save(sideways, quality=95, exif=exif.tobytes())
    verdict = compare(sideways, publish(tmp_path, scene))
    assert verdict.kind == "recompressed"


def test_unrelated_image_is_altered(tmp_path: Path, original: Path) -> None:
    other = synthetic_scene(np.random.default_rng(99), 600, 400)
    verdict = compare(original, publish(tmp_path, other))
    assert verdict.kind == "altered"


@pytest.mark.parametrize("content", [b"", b"not an image", b"\xff\xd8\xff\xe0" + b"\0" * 40])
def test_undecodable_files_raise_media_error(
    tmp_path: Path, original: Path, content: bytes
) -> None:
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(content)
    with pytest.raises(MediaError, match=r"broken\.jpg"):
        compare(original, broken)
    with pytest.raises(MediaError, match=r"broken\.jpg"):
        compare(broken, original)


def test_missing_file_raises_media_error(tmp_path: Path, original: Path) -> None:
    with pytest.raises(MediaError, match="image not found"):
        compare(original, tmp_path / "absent.jpg")


def test_every_generated_kind(tmp_path: Path) -> None:
    """One pair per edit of the evaluation generator, on small synthetic scenes."""
    rng = np.random.default_rng(11)
    bases = [(f"s{i}", synthetic_scene(rng, 480, 320)) for i in range(len(EDITS))]
    cases = build_cases(tmp_path, seed=11, bases=bases)
    wrong = []
    for case in cases:
        verdict = compare(case.original, case.published)
        if verdict.kind != case.kind:
            wrong.append((case.name, case.kind, verdict.kind))
    assert not wrong


def test_real_photographs(tmp_path: Path, media_corpus: Path) -> None:
    bases = real_bases(media_corpus, repeats=1)[:3]
    if not bases:
        pytest.skip(f"none of {REAL_PHOTOS} in {media_corpus}")
    cases = build_cases(
        tmp_path, seed=5, bases=[(n, im.resize((im.width // 2, im.height // 2))) for n, im in bases]
    )
    assert [compare(c.original, c.published).kind for c in cases] == [c.kind for c in cases]


def test_cli_json(
    tmp_path: Path, original: Path, scene: Image.Image, capsys: pytest.CaptureFixture[str]
) -> None:
    published = publish(tmp_path, scene.crop((0, 0, 500, 400)))
    assert main(["compare", str(original), str(published), "--format", "json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["kind"] == "cropped"
    assert len(record["crop"]) == 4 and record["evidence"] == "original"
    assert 0 <= record["score"] <= 1 and isinstance(record["detail"], dict)


def test_cli_text_and_error(
    tmp_path: Path, original: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["compare", str(original), str(original)]) == 0
    assert "identical" in capsys.readouterr().out
    assert main(["compare", str(original), str(tmp_path / "absent.png")]) == 2
    assert "absent.png: image not found" in capsys.readouterr().err


def test_red_text_on_white_reencoded_with_chroma_subsampling(tmp_path: Path) -> None:
    """A graphic (mostly clipped white) re-encoded 4:4:4 -> 4:2:0: no edit, whatever the fit."""
    graphic = Image.new("RGB", (480, 320), "white")
    draw = ImageDraw.Draw(graphic)
    draw.text((20, 40), "Metadata", fill=(210, 30, 30), font=ImageFont.load_default(size=70))
    draw.text((20, 160), "Test Image", fill=(210, 30, 30), font=ImageFont.load_default(size=70))
    original = tmp_path / "graphic.jpg"
    graphic.save(original, quality=95, subsampling=0)
    published = tmp_path / "graphic-web.jpg"
    graphic.save(published, quality=70, subsampling=2, progressive=True)
    assert compare(original, published).kind == "recompressed"


def test_blurred_patch_is_a_retouch(tmp_path: Path, original: Path, scene: Image.Image) -> None:
    edited = scene.copy()
    patch = (380, 60, 480, 160)
    edited.paste(scene.crop(patch).filter(ImageFilter.GaussianBlur(10)), patch[:2])
    verdict = compare(original, publish(tmp_path, edited))
    assert verdict.kind == "altered" and verdict.alterations == ("retouch",)


def test_credit_banner_along_the_bottom_edge(
    tmp_path: Path, original: Path, scene: Image.Image
) -> None:
    edited = scene.copy()
    draw = ImageDraw.Draw(edited)
    draw.rectangle((0, 392, 600, 400), fill=(250, 250, 250))
    draw.text((4, 391), "Photo: Agency", fill=(0, 0, 0), font=ImageFont.load_default(size=9))
    verdict = compare(original, publish(tmp_path, edited))
    assert verdict.kind == "altered" and "overlay" in verdict.alterations


@pytest.fixture(scope="module")
def grainy() -> Image.Image:
    """Sensor-like grain (+-6 levels per pixel) over flat shapes: lossy re-encoding and
    downscaling remove it unevenly, all of it on the flat patches."""
    return grainy_scene(np.random.default_rng(103), 1200, 800)


@pytest.fixture
def grainy_original(tmp_path: Path, grainy: Image.Image) -> Path:
    path = tmp_path / "grainy.jpg"
    grainy.save(path, quality=95)
    return path


@pytest.mark.parametrize(
    ("size", "quality"), [((600, 400), 60), ((900, 600), 50), ((400, 267), 50)]
)
def test_grainy_picture_downscaled_at_low_quality_is_resized(
    tmp_path: Path, grainy_original: Path, grainy: Image.Image, size: tuple[int, int], quality: int
) -> None:
    small = grainy.resize(size, Image.Resampling.LANCZOS)
    verdict = compare(grainy_original, publish(tmp_path, small, quality=quality))
    assert verdict.kind == "resized", verdict.detail


@pytest.mark.parametrize("quality", [35, 40, 50])
def test_grainy_picture_reencoded_hard_is_recompressed(
    tmp_path: Path, grainy_original: Path, quality: int
) -> None:
    verdict = compare(grainy_original, publish(tmp_path, decoded(grainy_original), quality=quality))
    assert verdict.kind == "recompressed", verdict.detail


def test_small_print_credit_is_an_overlay(
    tmp_path: Path, grainy_original: Path, grainy: Image.Image
) -> None:
    edited = grainy.copy()
    font = ImageFont.load_default(size=11)
    ImageDraw.Draw(edited).text((1000, 770), "(c) NEWS SITE", fill=(255, 255, 255), font=font)
    verdict = compare(grainy_original, publish(tmp_path, edited, quality=85))
    assert verdict.kind == "altered" and verdict.alterations == ("overlay",)


def test_gently_blurred_patch_in_a_grainy_picture_is_a_retouch(
    tmp_path: Path, grainy_original: Path, grainy: Image.Image
) -> None:
    edited = grainy.copy()
    patch = (300, 300, 500, 450)
    edited.paste(edited.crop(patch).filter(ImageFilter.GaussianBlur(2)), patch[:2])
    verdict = compare(grainy_original, publish(tmp_path, edited, quality=85))
    assert verdict.kind == "altered" and verdict.alterations == ("retouch",)


@pytest.mark.parametrize("size", [(1, 1), (8, 8), (2, 300), (3000, 60), (17, 400)])
def test_tiny_and_thin_images_never_crash(tmp_path: Path, size: tuple[int, int]) -> None:
    noise = np.random.default_rng(1).integers(0, 255, (size[1], size[0], 3), dtype=np.uint8)
    first = publish(tmp_path, Image.fromarray(noise), "first.png")
    second = publish(
        tmp_path, Image.fromarray(noise).resize((max(1, size[0] // 2), size[1])), "second.jpg"
    )
    for a, b in ((first, second), (second, first), (first, first)):
        verdict = compare(a, b)
        assert verdict.kind in (
            "identical",
            "recompressed",
            "resized",
            "cropped",
            "altered",
            "format-change",
        )
