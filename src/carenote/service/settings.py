"""The service's one validated settings object (environment prefix ``CARENOTE_``)."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import platformdirs
from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

#: Where the articles ship inside the package.
PACKAGED_ARTICLES = Path(__file__).resolve().parent.parent / "knowledge" / "articles"


def default_data_dir() -> Path:
    """Return the per-user data directory, e.g. ``~/.local/share/carenote``."""
    return Path(platformdirs.user_data_dir("carenote", appauthor=False))


class Settings(BaseSettings):
    """Everything the service can be configured with; see docs/deployment.md."""

    model_config = SettingsConfigDict(env_prefix="CARENOTE_", extra="ignore")

    data_dir: Path = Field(
        default_factory=default_data_dir,
        description="Directory for the default SQLite database and the generated secret key.",
    )
    database_url: str = Field(
        default="",
        description=(
            "SQLAlchemy database URL. Empty means a SQLite file in data_dir; for PostgreSQL "
            "use e.g. postgresql+psycopg://user@host:5432/dbname."
        ),
    )
    secret_key: SecretStr = Field(
        default=SecretStr(""),
        description=(
            "Key that signs CSRF tokens and keys the client hash used for rate limiting. "
            "Empty means: generate one and keep it in data_dir/secret_key. Set it explicitly "
            "when several machines serve the same site."
        ),
    )
    feedback_rate_limit: int = Field(
        default=10,
        ge=1,
        description="How many feedback submissions one client may send per rate window.",
    )
    feedback_rate_window_seconds: int = Field(
        default=3600, ge=1, description="Length of the feedback rate-limit window, in seconds."
    )
    save_rate_limit: int = Field(
        default=30,
        ge=1,
        description="How many check results one client may save per hour.",
    )
    articles_dir: Path = Field(
        default=PACKAGED_ARTICLES,
        description="Directory of Markdown articles with YAML front matter.",
    )
    engine_cache_dir: Path | None = Field(
        default=None,
        description="Where the compiled knowledge base is cached; empty means the engine's "
        "default.",
    )
    max_questions: int = Field(
        default=20, ge=0, le=100, description="Most questions the symptom check asks."
    )
    secure_cookies: bool = Field(
        default=False,
        description="Mark cookies Secure (set this when the site is served over HTTPS).",
    )

    @model_validator(mode="after")
    def _fill_defaults(self) -> Settings:
        """Derive the SQLite URL and the secret key when they were not given."""
        if not self.database_url:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            self.database_url = f"sqlite+pysqlite:///{self.data_dir / 'carenote.sqlite3'}"
        if not self.secret_key.get_secret_value():
            self.secret_key = SecretStr(load_or_create_secret(self.data_dir / "secret_key"))
        return self


def load_or_create_secret(path: Path) -> str:
    """Read the secret at ``path``, creating it (mode 0600) on first use."""
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    secret = secrets.token_urlsafe(48)
    # O_EXCL: if two workers start at once, only one writes; the other reads it back.
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text(encoding="utf-8").strip()
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(secret)
    return secret
