"""HTML pages: articles, feedback with CSRF, the stateless symptom check, security headers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from service_support import TestClient, csrf_token

from carenote.engine.result import DISCLAIMER


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    """Pages are about rendering, covered on SQLite; storage runs on both databases."""
    return f"sqlite+pysqlite:///{tmp_path / 'carenote.sqlite3'}"


def hidden_fields(html: str) -> list[tuple[str, str]]:
    """Return the (name, value) pairs of the hidden inputs of a page's check form."""
    return re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', html)


def post_check(client: TestClient, page: str, action: str, **answers: str) -> str:
    """Submit the check form on ``page`` with ``action`` and answers; return the next page."""
    fields = [(n, v.replace("&#34;", '"').replace("&amp;", "&")) for n, v in hidden_fields(page)]
    fields += [("action", action)] + [(k.replace("__", "-"), v) for k, v in answers.items()]
    response = client.post("/check", data=_multi(fields))
    assert response.status_code == 200, response.text
    html: str = response.text
    return html


def _multi(pairs: list[tuple[str, str]]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = {}
    for name, value in pairs:
        grouped.setdefault(name, []).append(value)
    return grouped


def test_security_headers_on_every_page(client: TestClient) -> None:
    for path in ["/", "/articles", "/check", "/healthz", "/api/v1/articles"]:
        headers = client.get(path).headers
        csp = headers["content-security-policy"]
        assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert "unsafe-inline" not in csp
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"
        assert headers["cache-control"] == "no-store"


def test_pages_have_landmarks_and_a_skip_link(client: TestClient) -> None:
    html = client.get("/").text
    assert '<a class="skip-link" href="#main">' in html
    assert '<main id="main"' in html and "<nav" in html and "<footer" in html
    assert DISCLAIMER in html
    assert "style=" not in html and "<script" not in html  # the CSP would block both


def test_library_search_and_topics(client: TestClient) -> None:
    html = client.get("/articles", params={"q": "zinc"}).text
    assert "1 article matching" in html and "Toy low enzyme result" in html
    assert "Toy article past its review date" not in html
    topic = client.get("/articles", params={"topic": "bones"}).text
    assert "2 articles" in topic
    escaped = client.get("/articles", params={"q": "<b>x</b>"}).text
    assert "<b>x</b>" not in escaped and "&lt;b&gt;x&lt;/b&gt;" in escaped


def test_article_page_is_shaped_like_the_seed(client: TestClient) -> None:
    html = client.get("/articles/toy-low-enzyme").text
    for part in ["Toy low enzyme result", "Published", "January 10, 2026", "Last reviewed",
                 "Awaiting clinician review", "When to seek care", "References",
                 "Was this page helpful?", DISCLAIMER, 'href="/check?lab=LOINC%3A6768-6"',
                 "https://pubmed.ncbi.nlm.nih.gov/12345678/"]:
        assert part in html, part
    assert "<script>" not in html and 'href="javascript' not in html
    assert "due for review" not in html
    overdue = client.get("/articles/toy-overdue").text
    assert "due for review" in overdue and "Dr Fixture" in overdue


def test_feedback_form_needs_csrf_and_counts(client: TestClient) -> None:
    page = client.get("/articles/toy-low-enzyme").text
    refused = client.post("/articles/toy-low-enzyme/feedback",
                          data={"helpful": "yes", "csrf_token": "forged"})
    assert refused.status_code == 403
    thanks = client.post("/articles/toy-low-enzyme/feedback",
                         data={"helpful": "yes", "comment": "", "csrf_token": csrf_token(page)})
    assert thanks.status_code == 200
    assert '<span class="helpful-count">1</span>' in thanks.text
    assert "1 found this helpful" in client.get("/articles/toy-low-enzyme").text


def test_csrf_token_from_another_browser_is_refused(
    client: TestClient, settings: object, toy_engine: object
) -> None:
    token = csrf_token(client.get("/articles/toy-low-enzyme").text)
    client.cookies.clear()
    client.get("/")  # a fresh cookie: the old token no longer matches it
    response = client.post("/articles/toy-low-enzyme/feedback",
                           data={"helpful": "yes", "csrf_token": token})
    assert response.status_code == 403


def test_check_prefilled_from_a_lab_link(client: TestClient) -> None:
    html = client.get("/check", params={"lab": "LOINC:6768-6", "value": "18", "unit": "U/L"}).text
    assert 'value="LOINC:6768-6"' in html and 'value="18"' in html and 'value="U/L"' in html
    finding = client.get("/check", params={"finding": "HP:0002653"}).text
    assert 'name="ev" value="HP:0002653|present|0"' in finding
    assert client.get("/check", params={"finding": "<script>"}).status_code == 422


def test_check_details_form_reports_errors(client: TestClient) -> None:
    page = client.get("/check").text
    response = client.post("/check", data={
        "csrf_token": csrf_token(page), "action": "start", "age_value": "abc", "sex": "",
        "lab_code": ["LOINC:6768-6"], "lab_value": ["18"], "lab_unit": ["mmol/L"]})
    assert response.status_code == 422
    assert "Enter the age as a number" in response.text
    assert "Choose the sex" in response.text
    assert 'value="abc"' in response.text  # the typed value is shown back


def test_check_unknown_unit_is_explained_on_the_form(client: TestClient) -> None:
    page = client.get("/check").text
    response = client.post("/check", data={
        "csrf_token": csrf_token(page), "action": "start", "age_value": "38", "sex": "female",
        "lab_code": ["LOINC:6768-6"], "lab_value": ["18"], "lab_unit": ["mmol/L"]})
    assert response.status_code == 422
    assert "use U/L" in response.text


def test_a_whole_check_one_question_at_a_time(client: TestClient) -> None:
    start = client.get("/check", params={"lab": "LOINC:6768-6", "value": "18", "unit": "U/L"})
    page = client.post("/check", data={
        "csrf_token": csrf_token(start.text), "action": "start", "age_value": "38",
        "age_unit": "year", "sex": "female", "lab_code": ["LOINC:6768-6", ""],
        "lab_value": ["18", ""], "lab_unit": ["U/L", ""]}).text
    assert "Question 1" in page and "Do you have bone pain?" in page
    page = post_check(client, page, "answer", **{"answer__HP:0002653": "present"})
    assert "Question 2" in page and "Seizure" in page and "Jaundice" in page
    # Back returns to question 1 and forgets its answer.
    back = post_check(client, page, "back")
    assert "Question 1" in back and "HP:0002653|present|1" not in back
    page = post_check(client, back, "answer", **{"answer__HP:0002653": "present"})
    page = post_check(client, page, "answer", **{"answer__HP:0001250": "absent",
                                                  "answer__HP:0000952": "unknown"})
    assert "Question 3" in page and "Which describes you best?" in page
    result = post_check(client, page, "answer", answer="HP:0002659")
    assert "Your check result" in result
    assert "Make an appointment with a doctor" in result  # triage explained
    assert "Toy bone disease" in result and "<svg" in result  # causes, lab chart
    assert "Fractures after small falls: <strong>yes</strong>" in result
    assert "Fatigue: <strong>no</strong>" in result
    assert DISCLAIMER in result


def test_saving_a_result_is_a_choice_and_gives_a_private_link(client: TestClient) -> None:
    start = client.get("/check").text
    page = client.post("/check", data={
        "csrf_token": csrf_token(start), "action": "finish", "age_value": "38",
        "sex": "male"}).text
    assert "Your check result" in page
    fields = _multi(hidden_fields(page) + [("action", "save")])
    saved = client.post("/check", data=fields, follow_redirects=False)
    assert saved.status_code == 303
    location = saved.headers["location"]
    assert location.startswith("/check/saved/")
    view = client.get(location).text
    assert "This result is saved" in view and "Your check result" in view
    token = location.rsplit("/", 1)[1]
    assert client.get(f"/api/v1/checks/{token}").status_code == 200
    assert client.get("/check/saved/guessed-token", headers={
        "accept": "text/html"}).status_code == 404


def test_emergency_answers_are_flagged_during_the_interview(client: TestClient) -> None:
    start = client.get("/check").text
    page = client.post("/check", data={
        "csrf_token": csrf_token(start), "action": "start", "age_value": "20", "sex": "male",
        "ev": ["HP:0001250|present|0"]}).text
    assert "can be signs of an emergency" in page
    result = post_check(client, page, "finish")
    assert "Call an ambulance now" in result
