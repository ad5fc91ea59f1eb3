-- wrk script: every request gets its own URL (an extra parameter the app ignores), so no cache can answer it:
-- the figures are the full cost of the query and the rendering. Reports through report.lua's done().
-- The URL carries the run's start time, the thread's number and a counter: unseeded math.random gives every
-- thread and every run the same sequence, so a second thread (or the next run) would ask for URLs already cached.
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(here .. "report.lua")

local started = os.time()
local count = 0
setup = function(thread)
  remember(thread)
  count = count + 1
  thread:set("thread_id", count)
  thread:set("run", started)
end

local counter = 0
request = function()
  counter = counter + 1
  local sep = string.find(wrk.path, "?", 1, true) and "&" or "?"
  return wrk.format(nil, wrk.path .. sep .. "n=" .. run .. "-" .. thread_id .. "-" .. counter)
end
