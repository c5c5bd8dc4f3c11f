-- wrk script: POST /api/v1/diagnosis with a fixed low-ALP case (used for the numbers in
-- the README; run against a local server only).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = [[{"sex": "female", "age": {"value": 38, "unit": "year"},
  "evidence": [{"id": "HP:0002653", "choice_id": "present", "source": "interview"}],
  "labs": [{"code": "LOINC:6768-6", "value": 22, "unit": "U/L"}]}]]

function done(summary, latency, requests)
  io.write(string.format("p95 latency: %.1f ms\n", latency:percentile(95) / 1000))
end
