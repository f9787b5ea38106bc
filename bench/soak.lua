-- wrk: the soak's mixed load. Each connection cycles through reads of the
-- public and API pages and two writes (a stop receipt through the API, a
-- report through Open311), pausing DELAY_MS between requests.
-- Environment: POLICE_TOKEN, REPORT_KEY, DISTRICT, DELAY_MS.
local police = os.getenv("POLICE_TOKEN")
local key = os.getenv("REPORT_KEY")
local district = os.getenv("DISTRICT")
local pause = tonumber(os.getenv("DELAY_MS") or "10")

local function receipt()
  local t = os.date("!%Y-%m-%dT%H:%M:%SZ", os.time() - 120)
  return wrk.format("POST", "/api/v1/dortmund/receipts",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. police },
    '{"stopped_at":"' .. t .. '","district":"' .. district .. '","legal_basis":"polg-nrw-12",' ..
    '"reason":"suspected_offence","measures":["identity_check"],"outcome":"no_action","persons":1,' ..
    '"service_number":"PK-4711"}')
end

local function report()
  return wrk.format("POST", "/open311/v2/requests.json",
    { ["Content-Type"] = "application/x-www-form-urlencoded" },
    "jurisdiction_id=dortmund.de&api_key=" .. key ..
    "&service_code=street-lighting&lat=51.5136&long=7.4653&description=Laterne+aus")
end

local reads = {
  "/dortmund",
  "/dortmund/events",
  "/dortmund/reports",
  "/open311/v2/requests.json?jurisdiction_id=dortmund.de",
  "/open311/v2/services.xml?jurisdiction_id=dortmund.de",
  "/api/v1/dortmund/warnings",
  "/dortmund/transparency",
  "/dortmund/receipts/log",
  "/dortmund/alerts",
  "/api/openapi.json",
}

local step = 0
request = function()
  step = step + 1
  if step % 6 == 0 then return receipt() end
  if step % 6 == 3 then return report() end
  return wrk.format("GET", reads[(step % #reads) + 1])
end

delay = function()
  return pause
end

done = function(summary)
  io.write(string.format("requests %d, errors: connect %d read %d write %d timeout %d, status >= 400: %d\n",
    summary.requests, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.timeout, summary.errors.status))
end
