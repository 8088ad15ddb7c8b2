// The Lua scripts of the Redis store: each runs atomically on the server, so instances sharing it cannot interleave.
// Keys and windows are computed by the caller (declared keys, all on one user's hash-tag slot); the scripts only
// count. Every number they write is the caller's integer string, or one made with string.format('%d'), so that
// Redis gets an exact integer.

/**
 * Admits a request or names the first limit it hits; when refused, nothing is counted or taken.
 *
 * KEYS: 1 the user's leases (sorted set, lease id scored by its expiry), 2 this minute's request counter, 3 the
 * day's spend (hash). ARGV: 1 now (ms), 2 lease id, 3 the lease's expiry (ms), 4 lease TTL (ms), 5 concurrent
 * streams limit, 6 requests per minute limit, 7 daily tokens limit, 8 daily cost limit (nano-USD) — each `''` when
 * off —, 9 reserved tokens, 10 reserved nano-USD, 11 the minute counter's TTL (ms), 12 the day hash's TTL (ms).
 *
 * Returns `{'admitted'}`, `{'concurrent-streams', open, earliest expiry}`, `{'requests-per-minute', count}`,
 * `{'daily-tokens', spent, reserved}` or `{'daily-cost', spent, reserved}` (counts as strings).
 */
export const ADMIT_SCRIPT = `
local now = tonumber(ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)

local concurrentLimit = tonumber(ARGV[5])
if concurrentLimit then
  local open = redis.call('ZCARD', KEYS[1])
  if open >= concurrentLimit then
    local earliest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
    return {'concurrent-streams', tostring(open), earliest[2] or ''}
  end
end

local requestsLimit = tonumber(ARGV[6])
local requests = redis.call('GET', KEYS[2]) or '0'
if requestsLimit and tonumber(requests) >= requestsLimit then
  return {'requests-per-minute', requests}
end

local day = redis.call('HMGET', KEYS[3], 'spentTokens', 'reservedTokens', 'spentNanoUsd', 'reservedNanoUsd')
local tokensLimit = tonumber(ARGV[7])
if tokensLimit and tonumber(day[1] or '0') + tonumber(day[2] or '0') >= tokensLimit then
  return {'daily-tokens', day[1] or '0', day[2] or '0'}
end
local costLimit = tonumber(ARGV[8])
if costLimit and tonumber(day[3] or '0') + tonumber(day[4] or '0') >= costLimit then
  return {'daily-cost', day[3] or '0', day[4] or '0'}
end

redis.call('ZADD', KEYS[1], ARGV[3], ARGV[2])
if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[4]) then
  redis.call('PEXPIRE', KEYS[1], ARGV[4])
end
redis.call('INCR', KEYS[2])
redis.call('PEXPIRE', KEYS[2], ARGV[11])
redis.call('HINCRBY', KEYS[3], 'reservedTokens', ARGV[9])
redis.call('HINCRBY', KEYS[3], 'reservedNanoUsd', ARGV[10])
redis.call('PEXPIRE', KEYS[3], ARGV[12])
return {'admitted'}
`;

/**
 * Releases a lease and its reservation (never below 0, so an unknown lease or a second settle cannot make it
 * negative) and adds the spend to the day, known lease or not.
 *
 * KEYS: 1 the user's leases, 2 the admitted day's spend. ARGV: 1 lease id, 2 reserved tokens, 3 reserved nano-USD,
 * 4 spent tokens, 5 spent nano-USD, 6 the day hash's TTL (ms).
 */
export const SETTLE_SCRIPT = `
redis.call('ZREM', KEYS[1], ARGV[1])
local function release(field, amount)
  local held = tonumber(redis.call('HGET', KEYS[2], field) or '0')
  local released = math.min(held, tonumber(amount))
  if released > 0 then
    redis.call('HINCRBY', KEYS[2], field, string.format('%d', -released))
  end
end
release('reservedTokens', ARGV[2])
release('reservedNanoUsd', ARGV[3])
redis.call('HINCRBY', KEYS[2], 'spentTokens', ARGV[4])
redis.call('HINCRBY', KEYS[2], 'spentNanoUsd', ARGV[5])
redis.call('PEXPIRE', KEYS[2], ARGV[6])
return 'OK'
`;

/** Reads a day's spend. KEYS: 1 the day's hash. Returns spent tokens, spent nano-USD, reserved tokens, reserved nano-USD. */
export const USAGE_SCRIPT = `
return redis.call('HMGET', KEYS[1], 'spentTokens', 'spentNanoUsd', 'reservedTokens', 'reservedNanoUsd')
`;
