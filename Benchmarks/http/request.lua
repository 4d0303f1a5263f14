-- wrk script for Peyvand's HTTP benchmarks.
-- BENCH_TOKEN: bearer token (API), or BENCH_COOKIE: a "name=value" session cookie (web pages,
-- asked for as HTML); BENCH_PATH: the path, where "{id}" is replaced by a random line of the
-- file BENCH_IDS (when set) on every request.
-- Prints one machine-readable line at the end:
--   RESULT <p50 ms> <p95 ms> <p99 ms> <requests/s> <requests> <errors> <non-2xx>
local token = os.getenv("BENCH_TOKEN")
local cookie = os.getenv("BENCH_COOKIE")
local path = os.getenv("BENCH_PATH")
local ids = {}
local file = os.getenv("BENCH_IDS") and io.open(os.getenv("BENCH_IDS"))
if file then
  for line in file:lines() do
    if #line > 0 then ids[#ids + 1] = line end
  end
  file:close()
end
local headers
if cookie and #cookie > 0 then
  headers = { ["Cookie"] = cookie, ["Accept"] = "text/html", ["Accept-Language"] = "fa" }
else
  headers = { ["Authorization"] = "Bearer " .. token, ["Accept"] = "application/json", ["Accept-Language"] = "fa" }
end

local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("seed", counter)
end

function init(args)
  math.randomseed(os.time() * 1000 + (seed or 0))
end

function request()
  local target = path
  if #ids > 0 then
    target = string.gsub(path, "{id}", ids[math.random(#ids)])
  end
  return wrk.format("GET", target, headers)
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format("RESULT %.2f %.2f %.2f %.1f %d %d %d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1e6), summary.requests,
    errors.connect + errors.read + errors.write + errors.timeout, errors.status))
end
