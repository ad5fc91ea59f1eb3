-- wrk script: every request gets its own URL (an extra parameter the app ignores), so no cache can answer it:
-- the figures are the full cost of the query and the rendering. Reports like report.lua.
local counter = 0
request = function()
  counter = counter + 1
  local sep = string.find(wrk.path, "?", 1, true) and "&" or "?"
  return wrk.format(nil, wrk.path .. sep .. "n=" .. counter .. "-" .. math.random(1e9))
end
done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format('{"requests": %d, "errors": %d, "rps": %.1f, "p50": %.2f, "p95": %.2f, "p99": %.2f}\n',
    summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout,
    summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
