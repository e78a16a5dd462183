"""An import never empties a directory by accident (issue 16): for every import command and every kind of
input it reads, one that would replace the demo region's services with far fewer (an empty folder, a
.zip a converter cannot open, a package whose files are not where it says, a small sample) exits
non-zero with one clear message and changes nothing, unless `--allow-shrink` says so."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select

from pwa_app.db.extensions import db
from pwa_app.db.models import Service

from .conftest import SHARED_DATA

HSDS3 = SHARED_DATA / "hsds3-examples"
HSDS11 = SHARED_DATA / "hsds1.1-sample"
OHANA = SHARED_DATA / "ohana-smc"


def services(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Service))


def zipped(folder: Path, tmp_path: Path) -> Path:
    return Path(shutil.make_archive(str(tmp_path / folder.name), "zip", folder))


def misplaced(folder: Path, tmp_path: Path) -> Path:
    """A copy whose CSVs sit under data/ while its datapackage.json names them where they were."""
    copy = tmp_path / "misplaced"
    shutil.copytree(folder, copy / "data")
    shutil.move(copy / "data" / "datapackage.json", copy / "datapackage.json")
    return copy


def empty(_folder: Path, tmp_path: Path) -> Path:
    (tmp_path / "empty").mkdir()
    return tmp_path / "empty"


def as_is(folder: Path, _tmp_path: Path) -> Path:
    return folder


def no_services(_folder: Path, tmp_path: Path) -> Path:
    path = tmp_path / "nothing.json"
    path.write_text(json.dumps([]))
    return path


# (command, the input, made from it, options)
CASES = {
    "hsds3 csv folder": (["import-hsds"], HSDS3 / "csv", as_is, ["--lenient"]),
    "hsds3 csv zip": (["import-hsds"], HSDS3 / "csv", zipped, ["--lenient"]),
    "hsds3 json": (["import-hsds"], HSDS3 / "json" / "service_full.json", as_is, ["--lenient"]),
    "hsds3 json, no services": (["import-hsds"], None, no_services, []),
    "hsds3 empty folder": (["import-hsds"], None, empty, []),
    "hsds3 files elsewhere": (["import-hsds"], HSDS3 / "csv", misplaced, ["--lenient"]),
    "hsds-1.1 folder": (["import-legacy", "hsds-1.1"], HSDS11, as_is, []),
    "hsds-1.1 zip": (["import-legacy", "hsds-1.1"], HSDS11, zipped, []),
    "hsds-1.1 empty folder": (["import-legacy", "hsds-1.1"], None, empty, []),
    "hsds-1.1 files elsewhere": (["import-legacy", "hsds-1.1"], HSDS11, misplaced, []),
    "ohana csv folder": (["import-legacy", "ohana-csv"], OHANA / "sample-csv", as_is, []),
    "ohana csv empty folder": (["import-legacy", "ohana-csv"], None, empty, []),
    "ohana mongo empty folder": (["import-legacy", "ohana-mongo"], None, empty, []),
}


@pytest.mark.parametrize("case", CASES)
def test_an_import_never_empties_the_directory_by_accident(app, runner, tmp_path, case):
    command, source, make, options = CASES[case]
    before = services(app)
    assert before > 100
    result = runner.invoke(args=[*command, str(make(source, tmp_path)), *options])
    assert result.exit_code != 0, result.output
    assert isinstance(result.exception, SystemExit), result.exception  # a message, not a traceback
    assert "Nothing was changed" in result.output or "nothing was imported" in result.output, result.output
    assert services(app) == before


def test_a_smaller_directory_replaces_the_whole_only_when_told(app, runner):
    before = services(app)
    sample = ["import-legacy", "ohana-csv", str(OHANA / "sample-csv")]
    refused = runner.invoke(args=sample)
    assert refused.exit_code == 1
    message = refused.output.replace("\n", " ")
    assert f"holds 19 service(s) and the directory {before}: replacing it would remove {before - 19}" in message
    assert "--allow-shrink" in message and "--merge" in message
    merged = runner.invoke(args=[*sample, "--merge"])  # adding never removes anything: no question asked
    assert merged.exit_code == 0, merged.output
    assert services(app) == before + 19
    replaced = runner.invoke(args=[*sample, "--allow-shrink"])
    assert replaced.exit_code == 0, replaced.output
    assert services(app) == 19 and f"{before} removed" in replaced.output


@pytest.mark.parametrize("kind, source, make", [
    ("hsds-1.1", HSDS11, as_is), ("hsds-1.1", HSDS11, zipped), ("hsds-1.1", HSDS11, misplaced),
    ("ohana-csv", OHANA / "sample-csv", as_is), ("ohana-mongo", OHANA / "smc-2014-full-mongo", as_is),
])
def test_import_hsds_names_the_command_for_an_older_format(app, runner, tmp_path, kind, source, make):
    """One front door: given an older format, `import-hsds` says in one line which command reads it."""
    before = services(app)
    path = make(source, tmp_path)
    result = runner.invoke(args=["import-hsds", str(path)])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    lines = [line for line in result.output.splitlines() if line.strip() and not line.startswith(("Importing", "INFO"))]
    assert len(lines) == 1, result.output
    assert lines[0].startswith(f"Error: {path} is ") and lines[0].endswith(
        f"not HSDS 3.0: import it with `flask --app pwa_app import-legacy {kind} {path}`. Nothing was changed."), lines
    assert services(app) == before
