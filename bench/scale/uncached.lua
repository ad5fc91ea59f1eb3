-- wrk script: every request gets its own URL (an extra parameter the app ignores), so no cache can answer it:
-- the figures are the full cost of the query and the rendering. Reports through report.lua's done().
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(here .. "report.lua")

local counter = 0
request = function()
  counter = counter + 1
  local sep = string.find(wrk.path, "?", 1, true) and "&" or "?"
  return wrk.format(nil, wrk.path .. sep .. "n=" .. counter .. "-" .. math.random(1e9))
end
