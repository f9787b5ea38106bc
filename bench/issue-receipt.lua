-- wrk: POST /api/v1/<tenant>/receipts with a bearer token.
-- Set TOKEN and STOPPED_AT in the environment.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
wrk.body = '{"stopped_at":"' .. os.getenv("STOPPED_AT") .. '","district":"Mitte","legal_basis":"polg-nrw-12",' ..
  '"reason":"suspected_offence","measures":["identity_check"],"outcome":"no_action","persons":1,' ..
  '"service_number":"PK-4711"}'

local created, other = 0, 0
response = function(status)
  if status == 201 then created = created + 1 else other = other + 1 end
end

done = function(summary)
  io.write(string.format("  201: %d of %d requests\n", summary.requests - summary.errors.status, summary.requests))
end
