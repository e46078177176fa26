-- wrk script: POSTs one GraphQL request. The JSON body is read from the file named by the
-- environment variable QUERY_FILE, the bearer token from TOKEN. Prints one "WRK key=value" line.
local f = assert(io.open(os.getenv("QUERY_FILE"), "r"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. (os.getenv("TOKEN") or "")

done = function(summary, latency, requests)
  io.write(string.format(
    "WRK rps=%.1f p50_ms=%.3f p99_ms=%.3f max_ms=%.3f requests=%d non2xx=%d socket_errors=%d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.requests, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
