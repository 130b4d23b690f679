-- wrk script for one user type of the load benchmark (run.sh starts one wrk process per type, all at once).
-- USER_TYPE (environment):
--   mobile   GET /api/v1/members?grassrootsUnionId=X (a page of 20) and GET /api/v1/grassroots-unions/X, X random
--   join     POST /api/v1/join-requests, anonymous, a random X-Forwarded-For address per request
--   sync     POST /api/v1/sync/members, SYNC_BATCH new members per request, each with its own Idempotency-Key
--   analyst  GET target progress and membership statistics, in turn (ANALYST_PATHS, separated by |; {gu} in
--            a path becomes a random grassroots union id, {m} a random member id 1..MEMBER_IDS)
-- Other settings: TOKEN (bearer token), GUS (grassroots union ids 1..GUS), TAX_CODES (comma-separated, for
-- joins), SYNC_ULU and SYNC_GUS (upper-level union and its grassroots unions, comma-separated), SYNC_BATCH, RUN
-- (a number that makes national IDs and keys unique per run). done() prints one RESULT line of JSON.

local user_type = os.getenv("USER_TYPE") or "mobile"
local token = os.getenv("TOKEN") or ""
local gus = tonumber(os.getenv("GUS") or "2000")
local members = tonumber(os.getenv("MEMBER_IDS") or "4000")
local run = tonumber(os.getenv("RUN") or "0") % 100
local sync_batch = tonumber(os.getenv("SYNC_BATCH") or "100")
local sync_ulu = os.getenv("SYNC_ULU") or "1001"
local phase = tonumber(os.getenv("PHASE") or "0") % 10

local function split(s, sep)
  local out = {}
  for part in string.gmatch(s or "", "[^" .. sep .. "]+") do out[#out + 1] = part end
  return out
end
local tax_codes = split(os.getenv("TAX_CODES"), ",")
local sync_gus = split(os.getenv("SYNC_GUS"), ",")
local analyst_paths = split(os.getenv("ANALYST_PATHS"), "|")

local threads = {}
local next_id = 0
function setup(thread)
  thread:set("tid", next_id)
  next_id = next_id + 1
  threads[#threads + 1] = thread
end

local auth = { ["Authorization"] = "Bearer " .. token }
local json_auth = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }
local n = 0
s2, s4, s429, s5 = 0, 0, 0, 0

function init(args)
  math.randomseed(os.time() * 1000 + tid)
end

local first = { "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi" }
local last = { "An", "Bình", "Cường", "Dũng", "Hà", "Lan", "Linh", "Mai", "Nam", "Tâm" }
local function name()
  return first[math.random(#first)] .. " Thị " .. last[math.random(#last)]
end

-- 12 digits, unique per run, phase (warm-up, mixed run) and request: RR P NNNNNNNNN (one thread per wrk)
local function national_id(k)
  return string.format("%02d%01d%09d", run, phase, k)
end

function request()
  n = n + 1
  if user_type == "mobile" then
    local gu = math.random(gus)
    if n % 2 == 0 then
      return wrk.format("GET", "/api/v1/members?grassrootsUnionId=" .. gu .. "&size=20", auth)
    end
    return wrk.format("GET", "/api/v1/grassroots-unions/" .. gu, auth)
  elseif user_type == "join" then
    local headers = { ["Content-Type"] = "application/json",
                      ["X-Forwarded-For"] = string.format("10.%d.%d.%d", math.random(0, 255), math.random(0, 255),
                                                          math.random(1, 254)) }
    local body = string.format('{"fullName":"%s","gender":"FEMALE","dateOfBirth":"1999-04-0%d",'
      .. '"nationalId":"%s","phone":"0912345678","employerTaxCode":"%s"}',
      name(), math.random(1, 9), national_id(500000000 + n), tax_codes[math.random(#tax_codes)])
    return wrk.format("POST", "/api/v1/join-requests", headers, body)
  elseif user_type == "sync" then
    local items = {}
    for i = 1, sync_batch do
      local k = n * sync_batch + i
      items[i] = string.format('{"externalId":"L%d-%d-%d","fullName":"%s","gender":"MALE","nationalId":"%s",'
        .. '"grassrootsUnionId":%s,"joinedOn":"2025-0%d-15"}',
        run, phase, k, name(), national_id(k), sync_gus[(k % #sync_gus) + 1], 1 + k % 9)
    end
    local headers = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json",
                      ["Idempotency-Key"] = string.format("load-%d-%d-%d", run, phase, n) }
    return wrk.format("POST", "/api/v1/sync/members", headers,
      '{"upperLevelUnitId":' .. sync_ulu .. ',"members":[' .. table.concat(items, ",") .. "]}")
  else
    local path = string.gsub(analyst_paths[(n % #analyst_paths) + 1], "{gu}", tostring(math.random(gus)))
    path = string.gsub(path, "{m}", tostring(math.random(members)))
    return wrk.format("GET", path, auth)
  end
end

function response(status, headers, body)
  if status < 300 then
    s2 = s2 + 1
  elseif status == 429 then
    s429 = s429 + 1
  elseif status < 500 then
    s4 = s4 + 1
  else
    s5 = s5 + 1
  end
end

function done(summary, latency, requests)
  local t2, t4, t429, t5 = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    t2 = t2 + t:get("s2"); t4 = t4 + t:get("s4"); t429 = t429 + t:get("s429"); t5 = t5 + t:get("s5")
  end
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format('RESULT {"type":"%s","requests":%d,"seconds":%.1f,"rps":%.1f,"p50ms":%.1f,"p90ms":%.1f,'
    .. '"p99ms":%.1f,"maxms":%.1f,"s2xx":%d,"s4xx":%d,"s429":%d,"s5xx":%d,"connectErrors":%d,"readErrors":%d,'
    .. '"timeouts":%d}\n',
    user_type, summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000, t2, t4, t429, t5,
    e.connect, e.read, e.timeout))
end
