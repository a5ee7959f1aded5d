"""What the package reads at run time is inside the wheel: a non-editable install works anywhere."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory, repo_root: Path) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(out), str(repo_root)],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    (path,) = out.glob("attrcheck-*.whl")
    return path


def test_wheel_ships_data_schemas_and_templates(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "attrcheck/schemas/report.schema.json" in names
    assert "attrcheck/schemas/rules.schema.json" in names
    assert "attrcheck/schemas/register.schema.json" in names
    assert "attrcheck/_data/rules.yaml" in names
    assert any(name.startswith("attrcheck/_licences/") for name in names)
    assert any(name.startswith("attrcheck/report/templates/") for name in names)


def test_installed_wheel_runs_from_any_directory(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    article = tmp_path / "elsewhere" / "post.md"
    article.parent.mkdir()
    article.write_text("![Harbour](harbour.jpg)\n\n*Photo: Jane Doe, CC BY 4.0*\n")
    result = subprocess.run(
        [sys.executable, "-I", "-c",
         f"import sys; sys.path.insert(0, {str(site)!r}); "
         "from attrcheck.cli import main; sys.exit(main(sys.argv[1:]))",
         str(article), "--format", "json"],
        capture_output=True, text=True, cwd=article.parent, timeout=120, check=False,
    )  # fmt: skip
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode in (0, 1), result.stderr
    assert '"licence_db_version"' in result.stdout
    assert "AC901" in result.stdout  # harbour.jpg does not exist
