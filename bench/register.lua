-- wrk script: each request registers a different person for one event.
-- The event path comes from the environment (wrk passes no arguments to
-- request()); see bench/registration.sh.
local counter = 0
local event_path = os.getenv("VN_EVENT_PATH")
local thread_id = 0

function setup(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
end

function request()
  counter = counter + 1
  local body = string.format(
    '{"name":"Person %d-%d","email":"person%d.%d@example.org","answers":{"organisation":"Verein"}}',
    tid, counter, tid, counter)
  return wrk.format("POST", event_path, { ["Content-Type"] = "application/json" }, body)
end
