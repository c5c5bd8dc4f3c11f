-- wrk script for GET pages: prints the 95th-percentile latency (local servers only).
function done(summary, latency, requests)
  io.write(string.format("p95 latency: %.1f ms\n", latency:percentile(95) / 1000))
end
