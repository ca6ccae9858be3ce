"""A plain `pip install` of the wheel works without the source tree: the installed kg finds its ontology,
shapes, query packs and assets as package data, and `kg load` + `kg validate` run from anywhere.

The wheel goes into a fresh venv (no pip, no kg). Its dependencies are the ones the running interpreter
already has, linked in entry by entry, minus kg's own editable install, so nothing is downloaded but
the build backend, and the test works the same in CI's .venv as in any other venv."""

from __future__ import annotations

import json
import os
import shutil
import site
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow

SKIP_IN_SOURCE = shutil.ignore_patterns(".git", ".venv", "venv", "build", "dist", "*.egg-info", "__pycache__",
                                        ".kg", ".pytest_cache", "target", "node_modules", "test-artifacts", "out")
# Package data the wheel must carry: (folder in the source tree, installed package, file patterns).
PACKAGE_DATA = [
    ("ontology", "kg.ontology", ["*.ttl", "*.md"]),
    ("queries/sparql", "kg.queries.sparql", ["*.rq"]),
    ("queries/cypher", "kg.queries.cypher", ["*.cypher", "*.grass"]),
    ("visualizations/assets", "kg.visualizations.assets", ["*.js", "*.css"]),
    ("kg/extract", "kg.extract", ["*.json"]),
]
# Python packages of the source tree and what they are called when installed.
PACKAGE_DIRS = {"kg": "kg", "loaders": "kg.loaders", "ontology": "kg.ontology", "queries": "kg.queries",
                "visualizations": "kg.visualizations"}
IMPORTED = ["kg", "kg.cli", "kg.loaders", "kg.ontology", "kg.queries", "kg.extract", "kg.visualizations"]
ARTICLE = """Norvik Motors expands into Germany
OSLO, March 14, 2025 - Norvik Motors, the Norwegian electric-car maker, said on Friday it plans to enter Germany next year.
"Germany is our most important market," said Ingrid Solberg, chief executive of Norvik Motors.
"""

PROBE = r"""
import importlib, importlib.metadata as md, json, sys
from importlib.resources import files
import rdflib
import kg, kg.cli, kg.loaders, kg.ontology, kg.queries
from kg.ontology import ONTOLOGY_FILE, SHAPES_FILE, read

modules = json.loads(sys.argv[1])
data = json.loads(sys.argv[2])
found = {name: importlib.import_module(name).__file__ for name in modules}
resources = {package: sorted(p.name for p in files(package).iterdir() if p.is_file()) for package in data}
triples = {name: len(rdflib.Graph().parse(data=read(name), format="turtle")) for name in (ONTOLOGY_FILE, SHAPES_FILE)}
try:
    from packaging.requirements import Requirement
except ImportError:
    from pip._vendor.packaging.requirements import Requirement
unmet = []
for text in md.requires("kg-news") or []:
    requirement = Requirement(text)
    if requirement.marker and not requirement.marker.evaluate({"extra": ""}):
        continue
    try:
        version = md.version(requirement.name)
    except md.PackageNotFoundError:
        unmet.append(f"{requirement} (not installed)")
        continue
    if not requirement.specifier.contains(version, prereleases=True):
        unmet.append(f"{requirement} (found {version})")
print(json.dumps({"files": found, "resources": resources, "triples": triples, "unmet": unmet,
                  "version": kg.__version__, "dist": md.version("kg-news")}))
"""


def run(*args, **kwargs) -> subprocess.CompletedProcess:
    done = subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=600, **kwargs)
    assert done.returncode == 0, f"{' '.join(map(str, args))} failed:\n{done.stdout}\n{done.stderr}"
    return done


def build_wheel(source: Path, dist: Path) -> Path:
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", dist, source)
    (wheel,) = dist.glob("kg_news-*.whl")
    return wheel


def is_kg_itself(name: str) -> bool:
    """kg's own installation in the running environment (editable or not): the test installs the wheel instead."""
    lowered = name.lower()
    return lowered == "kg" or lowered.startswith("kg_news") or ("__editable__" in lowered and "kg_news" in lowered)


def fresh_venv(where: Path) -> tuple[Path, Path]:
    """A venv without pip or kg whose site-packages links every entry of the running interpreter's."""
    run(sys.executable, "-m", "venv", "--without-pip", where)
    python = where / "bin" / "python"
    target = Path(run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])").stdout.strip())
    for directory in site.getsitepackages():
        if not os.path.isdir(directory):
            continue
        for entry in sorted(os.listdir(directory)):
            link = target / entry
            if is_kg_itself(entry) or entry == "__pycache__" or link.exists() or link.is_symlink():
                continue
            link.symlink_to(Path(directory) / entry)
    return python, target


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    root = tmp_path_factory.mktemp("packaging")
    source = root / "src"
    shutil.copytree(ROOT, source, ignore=SKIP_IN_SOURCE, symlinks=True)
    wheel = build_wheel(source, root / "dist")
    python, site_packages = fresh_venv(root / "venv")
    # --no-deps: pip must not touch the linked-in packages (they belong to the running environment);
    # the probe checks instead that the wheel's requirements are met by them.
    run(python, "-m", "pip", "install", "--no-deps", "--no-index", "--quiet", wheel)
    return {"root": root, "source": source, "wheel": wheel, "python": python, "site": site_packages,
            "kg": root / "venv" / "bin" / "kg"}


def clean_env(**extra) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "KG_HOME", "KG_CONFIG")}
    return {**env, **extra}


def expected_files(source: Path) -> set[str]:
    """Every module and data file of the source tree's packages, as its path inside the wheel."""
    expected = set()
    for folder, package in PACKAGE_DIRS.items():
        for path in (source / folder).rglob("*.py"):
            expected.add(f"{package.replace('.', '/')}/{path.relative_to(source / folder).as_posix()}")
    for folder, package, patterns in PACKAGE_DATA:
        for pattern in patterns:
            for path in (source / folder).glob(pattern):
                expected.add(f"{package.replace('.', '/')}/{path.name}")
    return expected


def test_the_wheel_holds_every_module_and_data_file(installed):
    with zipfile.ZipFile(installed["wheel"]) as wheel:
        names = set(wheel.namelist())
    assert sorted(expected_files(installed["source"]) - names) == []
    assert not any(name.startswith(("tests/", "scripts/")) for name in names)


def test_the_installed_kg_imports_from_the_wheel_not_the_source(installed, tmp_path):
    data = [package for folder, package, _ in PACKAGE_DATA if (installed["source"] / folder).is_dir()]
    done = run(installed["python"], "-c", PROBE, json.dumps(IMPORTED), json.dumps(data), cwd=tmp_path, env=clean_env())
    probe = json.loads(done.stdout)
    for name, path in probe["files"].items():
        assert Path(path).is_relative_to(installed["site"]), f"{name} imported from {path}, not from the wheel"
        assert not Path(path).resolve().is_relative_to(ROOT), f"{name} imported from the source tree"
    for folder, package, patterns in PACKAGE_DATA:
        shipped = {p.name for pattern in patterns for p in (installed["source"] / folder).glob(pattern)}
        assert shipped <= set(probe["resources"].get(package, [])), f"{package} cannot read its data installed"
    assert probe["triples"]["kg.ttl"] > 100 and probe["triples"]["shapes.ttl"] > 20
    assert probe["unmet"] == [], "the wheel's requirements are not met by the environment"
    assert probe["version"] == probe["dist"]


def test_installed_kg_loads_and_validates_from_anywhere(installed, tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "norvik.txt").write_text(ARTICLE, encoding="utf-8")
    work = tmp_path / "elsewhere"
    work.mkdir()
    env = clean_env(KG_HOME=str(tmp_path / "home"))
    kg = installed["kg"]
    assert kg.is_file() and kg.read_text().startswith(f"#!{installed['python']}")
    loaded = run(kg, "load", docs, "--json", cwd=work, env=env)
    assert json.loads(loaded.stdout)["documents_loaded"] == 1
    validated = run(kg, "validate", cwd=work, env=env)
    assert validated.stdout.strip() == "valid: the store conforms to the shapes"
    stats = json.loads(run(kg, "stats", "--json", cwd=work, env=env).stdout)
    assert stats["documents"] == 1
