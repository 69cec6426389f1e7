-- Signed-in load for tests/faults: every request carries the session cookie (wrk.headers, set from the
-- SESSION_COOKIE environment variable), the paths rotate over URLS (separated by spaces), and each
-- thread counts the status codes it received; done() prints them as one line "STATUSES code=count ...".
local urls = {}
for url in string.gmatch(os.getenv("URLS") or "/", "%S+") do
  table.insert(urls, url)
end
wrk.headers["Cookie"] = os.getenv("SESSION_COOKIE") or ""
wrk.headers["Accept"] = "text/html"

local threads = {}
function setup(thread)
  table.insert(threads, thread)
end

local index = 0
statuses = {}  -- global: done() reads it from each thread
function init(args)
  index = math.random(#urls) - 1
end

function request()
  index = index % #urls + 1
  return wrk.format("GET", urls[index])
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local totals = {}
  for _, thread in ipairs(threads) do
    local counts = thread:get("statuses")
    for status, count in pairs(counts) do
      totals[status] = (totals[status] or 0) + count
    end
  end
  local line = "STATUSES"
  for status, count in pairs(totals) do
    line = line .. " " .. status .. "=" .. count
  end
  io.write(line .. "\n")
end
