-- wrk reporter: one JSON line with throughput, latency percentiles (milliseconds) and the responses that were not
-- 200 (a 429 from a rate limit, a redirect to the login form or a 5xx would otherwise count as fast pages; wrk's own
-- error count leaves out 3xx). verdict.py fails the run on any of them.
threads = {}
remember = function(thread)
  table.insert(threads, thread)
end
setup = remember

not_ok = 0
response = function(status, headers, body)
  if status ~= 200 then
    not_ok = not_ok + 1
  end
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local others = 0
  for _, thread in ipairs(threads) do
    others = others + thread:get("not_ok")
  end
  io.write(string.format('{"requests": %d, "errors": %d, "non200": %d, "rps": %.1f, "p50": %.2f, "p95": %.2f, "p99": %.2f}\n',
    summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout,
    others,
    summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
