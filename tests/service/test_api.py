"""The JSON API under /api/v1 (CONTRACTS.md, "HTTP"), driven through the toy engine."""

from __future__ import annotations

from typing import Any

from service_support import TestClient
from sqlalchemy import create_engine, text

from carenote.engine.result import DISCLAIMER
from carenote.service.settings import Settings

CASE: dict[str, Any] = {
    "sex": "female", "age": {"value": 38, "unit": "year"},
    "evidence": [{"id": "HP:0002653", "choice_id": "present", "source": "initial"}],
    "labs": [{"code": "LOINC:6768-6", "value": 18, "unit": "U/L"}],
}


def test_diagnosis_asks_the_next_question_and_ranks(client: TestClient) -> None:
    body = client.post("/api/v1/diagnosis", json=CASE).json()
    assert body["question"]["type"] == "group_multiple"
    assert [i["id"] for i in body["question"]["items"]] == ["HP:0001250", "HP:0000952"]
    assert {c["id"] for c in body["question"]["items"][0]["choices"]} == {
        "present", "absent", "unknown"}
    assert body["conditions"][0]["id"] == "toy_bone"
    assert body["should_stop"] is False and body["has_emergency_evidence"] is False


def test_age_in_months_is_converted_to_years(client: TestClient) -> None:
    months = {**CASE, "age": {"value": 18, "unit": "month"}}
    body = client.post("/api/v1/labs/interpret", json={
        "code": "LOINC:6768-6", "value": 18, "unit": "U/L", "age": {"value": 6, "unit": "month"},
        "sex": "male"})
    assert body.status_code == 200
    assert client.post("/api/v1/diagnosis", json=months).status_code == 200
    too_old = {**CASE, "age": {"value": 131, "unit": "year"}}
    assert client.post("/api/v1/diagnosis", json=too_old).status_code == 422


def test_diagnosis_stops_when_everything_is_answered(client: TestClient) -> None:
    ids = ["HP:0002653", "HP:0001250", "HP:0000952", "HP:0002659", "HP:0012378"]
    case = {**CASE, "evidence": [{"id": i, "choice_id": "absent"} for i in ids]}
    body = client.post("/api/v1/diagnosis", json=case).json()
    assert body["question"] is None and body["should_stop"] is True


def test_check_returns_the_full_result_with_disclaimer(client: TestClient) -> None:
    body = client.post("/api/v1/check", json=CASE).json()
    assert body["disclaimer"] == DISCLAIMER
    assert body["labs"][0]["interpretation"] == "L"
    assert body["labs"][0]["reference_range"]["low"] == 35
    assert 0 <= body["conditions"][0]["probability"] <= 1


def test_triage_lists_serious_conditions(client: TestClient) -> None:
    calm = client.post("/api/v1/triage", json=CASE).json()
    assert calm["triage_level"] == "consultation"
    assert calm["reasons"] and calm["disclaimer"] == DISCLAIMER
    # toy_fit is an emergency_ambulance condition: always listed as serious.
    assert calm["serious"] == [{"id": "toy_fit", "name": "Toy seizure disorder",
                                "urgency": "emergency_ambulance", "is_emergency": True}]
    fit = {**CASE, "evidence": [{"id": "HP:0001250", "choice_id": "present"}]}
    assert client.post("/api/v1/triage", json=fit).json()["triage_level"] == "emergency_ambulance"


def test_explain_splits_the_evidence(client: TestClient) -> None:
    body = client.post("/api/v1/explain", json={**CASE, "target": "toy_bone"}).json()
    assert [e["id"] for e in body["supporting_evidence"]] == ["HP:0002653", "HP:0003282"]
    assert body["conflicting_evidence"] == []
    assert [e["id"] for e in body["unconfirmed_evidence"]] == ["HP:0002659"]


def test_lab_interpretation_plain_and_fhir(client: TestClient) -> None:
    plain = client.post("/api/v1/labs/interpret", json={
        "code": "LOINC:6768-6", "value": 18, "unit": "U/L", "age": 38, "sex": "female"})
    assert plain.status_code == 200
    assert plain.json()["interpretation"] == "L"
    observation = {
        "resourceType": "Observation", "status": "final",
        "code": {"coding": [{"system": "http://loinc.org", "code": "6768-6"}]},
        "valueQuantity": {"value": 150, "unit": "U/L", "system": "http://unitsofmeasure.org",
                          "code": "U/L"},
    }
    fhir = client.post("/api/v1/labs/interpret?age=38&sex=male", json=observation)
    assert fhir.status_code == 200
    assert fhir.json()["interpretation"] == "H"
    missing_age = client.post("/api/v1/labs/interpret", json=observation)
    assert missing_age.status_code == 422
    no_loinc = {**observation, "code": {"coding": [{"system": "urn:other", "code": "x"}]}}
    assert client.post("/api/v1/labs/interpret?age=38&sex=male", json=no_loinc).status_code == 422


def test_lab_errors_say_what_is_accepted(client: TestClient) -> None:
    body = client.post("/api/v1/labs/interpret", json={
        "code": "LOINC:6768-6", "value": 18, "unit": "mmol/L", "age": 38, "sex": "female"}).json()
    assert "use U/L" in body["error"]


def test_search_and_parse(client: TestClient) -> None:
    hits = client.get("/api/v1/search", params={"phrase": "bone", "max_results": 5}).json()
    assert hits == [{"id": "HP:0002653", "label": "Bone pain"}]
    parsed = client.post("/api/v1/parse", json={"text": "I have jaundice", "age": 40}).json()
    assert parsed["mentions"][0]["id"] == "HP:0000952"
    assert parsed["age"] == {"value": 40, "unit": "year"}


def test_saved_checks_only_on_request(client: TestClient) -> None:
    saved = client.post("/api/v1/checks", json=CASE)
    assert saved.status_code == 201
    token = saved.json()["token"]
    assert saved.json()["url"] == f"/check/saved/{token}"
    again = client.get(f"/api/v1/checks/{token}").json()
    assert again["labs"][0]["value"] == 18
    assert again["disclaimer"] == DISCLAIMER


def test_articles_list_search_topic_and_detail(client: TestClient) -> None:
    listing = client.get("/api/v1/articles").json()
    assert listing["count"] == 2 == len(listing["data"])
    # Without a query the library is sorted by title.
    assert [a["title"] for a in listing["data"]] == [
        "Toy article past its review date", "Toy low enzyme result"]
    found = client.get("/api/v1/articles", params={"q": "fractures"}).json()
    assert [a["slug"] for a in found["data"]] == ["toy-overdue"]
    assert found["data"][0]["review_overdue"] is True
    topic = client.get("/api/v1/articles", params={"topic": "toy labs"}).json()
    assert [a["slug"] for a in topic["data"]] == ["toy-low-enzyme"]
    article = client.get("/api/v1/articles/toy-low-enzyme").json()
    assert article["title"] == "Toy low enzyme result"
    assert "<script" not in article["html"]
    assert article["references"][0]["pmid"] == "12345678"
    assert article["sections"][-1] == {"id": "when-to-seek-care", "title": "When to seek care"}


def test_feedback_is_counted(client: TestClient) -> None:
    url = "/api/v1/articles/toy-low-enzyme/feedback"
    assert client.get(url).json() == {"helpful": 0, "not_helpful": 0}
    created = client.post(url, json={"helpful": True, "comment": "Clear, thanks"})
    assert created.status_code == 201
    assert created.json() == {"helpful": 1, "not_helpful": 0}
    client.post(url, json={"helpful": False})
    assert client.get(url).json() == {"helpful": 1, "not_helpful": 1}
    assert client.post("/api/v1/articles/nope/feedback", json={"helpful": True}).status_code == 404


def test_health_and_openapi(client: TestClient) -> None:
    assert client.get("/healthz").json()["ok"] is True
    assert client.head("/healthz").status_code == 200  # for load balancers
    paths = client.get("/openapi.json").json()["paths"]
    for path in ["/api/v1/diagnosis", "/api/v1/triage", "/api/v1/explain",
                 "/api/v1/labs/interpret", "/api/v1/parse", "/api/v1/search",
                 "/api/v1/articles", "/api/v1/articles/{slug}",
                 "/api/v1/articles/{slug}/feedback"]:
        assert path in paths, path
    assert "/check" not in paths  # HTML pages are not part of the JSON API description


def test_no_client_address_is_stored(client: TestClient, settings: Settings) -> None:
    # TestClient's client address is "testclient"; it must not reach any table in clear.
    client.post("/api/v1/articles/toy-low-enzyme/feedback", json={"helpful": True})
    client.post("/api/v1/checks", json=CASE)
    engine = create_engine(settings.database_url)
    with engine.connect() as connection:
        for table in ("article_feedback", "rate_events", "saved_checks"):
            rows = connection.execute(text(f"SELECT * FROM {table}")).all()
            assert rows, table
            assert "testclient" not in repr(rows), table
    engine.dispose()
