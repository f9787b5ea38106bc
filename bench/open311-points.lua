-- Open311 radius queries around a different point each time (so that no
-- two requests are the same query): one service code, 90 days, 1 km,
-- page_size=50, points spread over Dortmund's centre districts.
math.randomseed(os.time())
request = function()
  local lat = 51.49 + math.random() * 0.05
  local lon = 7.42 + math.random() * 0.09
  return wrk.format("GET", string.format(
    "/open311/v2/requests.json?jurisdiction_id=dortmund.de&service_code=street-lighting&lat=%.6f&long=%.6f&radius=1000&page_size=50",
    lat, lon))
end
