"""Settings, the generated secret, and the access-log redaction."""

from __future__ import annotations

import logging
import stat
from pathlib import Path

import pytest

from carenote.service.app import RedactAccessLog, log_config
from carenote.service.settings import Settings


def test_defaults_live_in_the_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CARENOTE_DATABASE_URL", raising=False)
    monkeypatch.delenv("CARENOTE_SECRET_KEY", raising=False)
    settings = Settings(data_dir=tmp_path)
    assert settings.database_url == f"sqlite+pysqlite:///{tmp_path / 'carenote.sqlite3'}"
    secret = (tmp_path / "secret_key").read_text(encoding="utf-8")
    assert settings.secret_key.get_secret_value() == secret and len(secret) >= 40
    assert stat.S_IMODE((tmp_path / "secret_key").stat().st_mode) == 0o600
    # A second start-up reuses the same secret, so CSRF tokens survive a restart.
    assert Settings(data_dir=tmp_path).secret_key.get_secret_value() == secret


def test_environment_overrides(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CARENOTE_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("CARENOTE_DATABASE_URL", "postgresql+psycopg://root@127.0.0.1:5432/x")
    monkeypatch.setenv("CARENOTE_SECRET_KEY", "from-the-environment-" + "y" * 20)
    monkeypatch.setenv("CARENOTE_FEEDBACK_RATE_LIMIT", "5")
    settings = Settings()
    assert settings.database_url.endswith("/x")
    assert settings.secret_key.get_secret_value().startswith("from-the-environment-")
    assert settings.feedback_rate_limit == 5
    assert not (tmp_path / "secret_key").exists()
    assert "from-the-environment" not in repr(settings)


def test_invalid_settings_are_refused(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CARENOTE_FEEDBACK_RATE_LIMIT", "0")
    with pytest.raises(ValueError, match="feedback_rate_limit"):
        Settings(data_dir=tmp_path)


@pytest.mark.parametrize(
    ("path", "logged"),
    [
        ("/check?lab=LOINC:6768-6&value=18&unit=U/L", "/check"),
        ("/check/saved/AbC123secret", "/check/saved/…"),
        ("/api/v1/checks/AbC123secret?x=1", "/api/v1/checks/…"),
        ("/articles/low-alkaline-phosphatase", "/articles/low-alkaline-phosphatase"),
    ],
)
def test_access_log_drops_query_strings_and_tokens(path: str, logged: str) -> None:
    record = logging.LogRecord("uvicorn.access", logging.INFO, __file__, 1,
                               '%s - "%s %s HTTP/%s" %d', ("127.0.0.1:5000", "GET", path, "1.1",
                                                           200), None)
    assert RedactAccessLog().filter(record)
    assert record.getMessage() == f'127.0.0.1:5000 - "GET {logged} HTTP/1.1" 200'


def test_log_config_installs_the_filter() -> None:
    config = log_config()
    assert config["handlers"]["access"]["filters"] == ["redact"]
    assert config["filters"]["redact"]["()"].endswith("RedactAccessLog")
