-- The unfiltered default Open311 list (90 days, up to 1,000 requests) with
-- a parameter the server ignores but that makes every request a different
-- query, so that no answer comes from the public list cache.
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", "/open311/v2/requests.json?jurisdiction_id=dortmund.de&n=" .. counter)
end
