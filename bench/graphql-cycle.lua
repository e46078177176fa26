-- wrk script: POSTs GraphQL requests in turn, one JSON body per line of the file named by the
-- environment variable QUERY_FILE (so that no two consecutive requests are the same: a database
-- that reuses the result of the last identical query, as H2 does, cannot answer from it). The
-- bearer token is read from TOKEN. Prints one "WRK key=value" line, like bench/graphql.lua.
local bodies = {}
for line in io.lines(os.getenv("QUERY_FILE")) do
  if #line > 0 then bodies[#bodies + 1] = line end
end
assert(#bodies > 0, "no request bodies in " .. os.getenv("QUERY_FILE"))
local next_body = 0
local headers = {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. (os.getenv("TOKEN") or "")}

request = function()
  next_body = next_body % #bodies + 1
  return wrk.format("POST", nil, headers, bodies[next_body])
end

done = function(summary, latency, requests)
  io.write(string.format(
    "WRK rps=%.1f p50_ms=%.3f p99_ms=%.3f max_ms=%.3f requests=%d non2xx=%d socket_errors=%d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.requests, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
