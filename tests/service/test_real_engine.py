"""The service over the real engine, the real lab catalogue and the real articles."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from service_support import TestClient, csrf_token

from carenote.compiler.schema import TRIAGE_ORDER
from carenote.engine.result import DISCLAIMER
from carenote.service.app import create_app
from carenote.service.settings import PACKAGED_ARTICLES, Settings

pytestmark = pytest.mark.slow

LOW_ALP: dict[str, object] = {
    "sex": "female", "age": {"value": 38, "unit": "year"},
    "labs": [{"code": "LOINC:6768-6", "value": 18, "unit": "U/L"}],
}


@pytest.fixture(scope="module")
def real_client(tmp_path_factory: pytest.TempPathFactory, real_engine: object) -> Iterator[
        TestClient]:
    """A client of the app on the real engine and the packaged articles (SQLite)."""
    data = tmp_path_factory.mktemp("real")
    settings = Settings(data_dir=data, articles_dir=PACKAGED_ARTICLES)
    with TestClient(create_app(settings, engine=real_engine)) as client:  # type: ignore[arg-type]
        yield client


def test_low_alp_check(real_client: TestClient) -> None:
    body = real_client.post("/api/v1/check", json=LOW_ALP).json()
    lab = body["labs"][0]
    # Adult female ALP interval of the catalogue (Mayo Clinic Laboratories, ALKI), as shown by
    # `carenote lab --code LOINC:6768-6 --value 18 --unit U/L --age 38 --sex female`.
    assert (lab["interpretation"], lab["reference_range"]["low"],
            lab["reference_range"]["high"]) == ("L", 35.0, 104.0)
    ids = [c["id"] for c in body["conditions"]]
    assert any(i.startswith("hypophosphatasia") for i in ids[:5]), ids[:5]
    assert body["triage"]["level"] in TRIAGE_ORDER
    assert body["disclaimer"] == DISCLAIMER


def test_low_alp_interview_triage_and_explain(real_client: TestClient) -> None:
    step = real_client.post("/api/v1/diagnosis", json=LOW_ALP).json()
    assert step["question"] is None or step["question"]["items"]
    assert step["conditions"]
    triage = real_client.post("/api/v1/triage", json=LOW_ALP).json()
    assert triage["triage_level"] in TRIAGE_ORDER
    assert all(s["urgency"] in {"emergency", "emergency_ambulance"} for s in triage["serious"])
    top = step["conditions"][0]["id"]
    explained = real_client.post("/api/v1/explain", json={**LOW_ALP, "target": top}).json()
    assert "HP:0003282" in [e["id"] for e in explained["supporting_evidence"]]


def test_real_lab_interpretation_and_errors(real_client: TestClient) -> None:
    ok = real_client.post("/api/v1/labs/interpret", json={
        "code": "LOINC:6768-6", "value": 18, "unit": "U/L", "age": 38, "sex": "female"}).json()
    assert ok["interpretation"] == "L"
    bad = real_client.post("/api/v1/labs/interpret", json={
        "code": "LOINC:6768-6", "value": 18, "unit": "furlong", "age": 38, "sex": "female"})
    assert bad.status_code == 422
    assert bad.json()["ok"] is False and "furlong" in bad.json()["error"]
    observation = {
        "resourceType": "Observation", "status": "final",
        "code": {"coding": [{"system": "http://loinc.org", "code": "6768-6"}]},
        "valueQuantity": {"value": 18, "unit": "U/L", "system": "http://unitsofmeasure.org",
                          "code": "U/L"},
    }
    fhir = real_client.post("/api/v1/labs/interpret?age=38&sex=female", json=observation)
    assert fhir.status_code == 200 and fhir.json()["interpretation"] == "L"


def test_real_parse_and_search(real_client: TestClient) -> None:
    parsed = real_client.post("/api/v1/parse", json={
        "text": "I have bone pain and no fever", "age": 40, "sex": "female"}).json()
    choices = {m["id"]: m["choice_id"] for m in parsed["mentions"]}
    assert choices.get("HP:0002653") == "present"
    assert parsed["age"] == {"value": 40.0, "unit": "year"}
    hits = real_client.get("/api/v1/search", params={"phrase": "bone pain"}).json()
    assert {"id": "HP:0002653", "label": "Bone pain"} in hits


def test_the_html_check_runs_to_its_result(real_client: TestClient) -> None:
    named = real_client.get("/check", params={"finding": "HP:0002653"}).text
    assert "<li>Bone pain: <strong>yes</strong></li>" in named
    start = real_client.get("/check", params={"lab": "LOINC:6768-6"}).text
    assert '<option value="LOINC:6768-6" selected>' in start
    page = real_client.post("/check", data={
        "csrf_token": csrf_token(start), "action": "start", "age_value": "38", "sex": "female",
        "lab_code": ["LOINC:6768-6"], "lab_value": ["18"], "lab_unit": ["U/L"]}).text
    for _ in range(25):
        if "Your check result" in page:
            break
        fields: dict[str, list[str]] = {}
        for name, value in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">',
                                      page):
            fields.setdefault(name, []).append(value.replace("&amp;", "&"))
        for item in re.findall(r'name="(answer-[^"]+)" value="absent"', page):
            fields[item] = ["absent"]
        fields["action"] = ["answer"]
        page = real_client.post("/check", data=fields).text
    assert "Your check result" in page and "Possible causes" in page
    assert "<svg" in page and DISCLAIMER in page


def test_article_pages_for_every_packaged_article(real_client: TestClient) -> None:
    listing = real_client.get("/api/v1/articles").json()
    assert listing["count"] >= 1
    for article in listing["data"]:
        page = real_client.get(article["url"])
        assert page.status_code == 200, article["url"]
        assert "When to seek care" in page.text


def test_articles_dir_is_packaged() -> None:
    assert (Path(PACKAGED_ARTICLES) / "low-alkaline-phosphatase.md").is_file()
