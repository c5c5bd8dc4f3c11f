"""Shared fixtures: the real shipped catalogue, loaded once per test session."""

from __future__ import annotations

import pytest

from carenote.labs import LabCatalogue, default_directory, load_catalogue


@pytest.fixture(scope="session")
def catalogue() -> LabCatalogue:
    """The catalogue in src/carenote/knowledge/labs."""
    return load_catalogue(default_directory())
