"""Every JSON error has one shape: {ok: false, status, error, errors: [{loc, msg}]}."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from service_support import TestClient


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    """The error shape does not depend on the database: SQLite only, to keep this fast."""
    return f"sqlite+pysqlite:///{tmp_path / 'carenote.sqlite3'}"


def assert_error_shape(body: dict[str, Any], status: int) -> None:
    """Pin the error shape of CONTRACTS.md."""
    assert set(body) == {"ok", "status", "error", "errors"}
    assert body["ok"] is False
    assert body["status"] == status
    assert isinstance(body["error"], str) and body["error"]
    assert isinstance(body["errors"], list)
    for item in body["errors"]:
        assert set(item) == {"loc", "msg"}
        assert isinstance(item["loc"], list) and isinstance(item["msg"], str)


@pytest.mark.parametrize(
    ("method", "path", "payload", "status"),
    [
        ("post", "/api/v1/diagnosis", {"sex": "female"}, 422),
        ("post", "/api/v1/diagnosis", {"sex": "other", "age": {"value": 38}}, 422),
        ("post", "/api/v1/triage", {"sex": "male", "age": {"value": -1}}, 422),
        ("post", "/api/v1/check", {"sex": "male", "age": {"value": 30},
                                   "pregnancy_trimester": 2}, 422),
        ("post", "/api/v1/labs/interpret", {"code": "LOINC:6768-6", "value": 18}, 422),
        ("post", "/api/v1/labs/interpret",
         {"code": "LOINC:6768-6", "value": 18, "unit": "mmol/L", "age": 38, "sex": "female"}, 422),
        ("post", "/api/v1/explain",
         {"sex": "male", "age": {"value": 40}, "target": "no_such_condition"}, 422),
        ("get", "/api/v1/search", None, 422),
        ("get", "/api/v1/articles/no-such-article", None, 404),
        ("get", "/api/v1/checks/not-a-token", None, 404),
        ("get", "/api/v1/no-such-route", None, 404),
        ("get", "/no-such-page", None, 404),
        ("delete", "/api/v1/articles", None, 405),
        ("get", "/api/v1/diagnosis", None, 405),
        ("post", "/api/v1/articles/toy-low-enzyme/feedback", {"helpful": "maybe"}, 422),
    ],
)
def test_every_json_error_has_the_one_shape(
    client: TestClient, method: str, path: str, payload: Any, status: int
) -> None:
    response = client.request(method.upper(), path, json=payload)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("application/json")
    assert_error_shape(response.json(), status)


def test_validation_errors_name_the_field_and_do_not_echo_input(client: TestClient) -> None:
    response = client.post("/api/v1/diagnosis", json={"sex": "female", "age": {"value": "old"}})
    body = response.json()
    assert_error_shape(body, 422)
    assert ["body", "age", "value"] in [e["loc"] for e in body["errors"]]
    assert "old" not in response.text


def test_malformed_json_is_a_422_in_the_shape(client: TestClient) -> None:
    response = client.post("/api/v1/diagnosis", content=b"{not json",
                           headers={"content-type": "application/json"})
    assert_error_shape(response.json(), 422)


def test_rate_limit_answers_429_in_the_shape(client: TestClient) -> None:
    # settings fixture: feedback_rate_limit=3 per hour.
    for _ in range(3):
        assert client.post("/api/v1/articles/toy-low-enzyme/feedback",
                           json={"helpful": True}).status_code == 201
    response = client.post("/api/v1/articles/toy-low-enzyme/feedback", json={"helpful": True})
    assert_error_shape(response.json(), 429)


def test_browsers_get_an_html_error_page(client: TestClient) -> None:
    response = client.get("/articles/no-such-article", headers={"accept": "text/html"})
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "Page not found" in response.text
