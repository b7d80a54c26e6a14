"""A site's politeness held across all workers: its concurrency and its delay.

Scrapy limits concurrency and spaces requests per process; with several
workers a site would get their sum. This downloader middleware, last before
the download, makes every request to a host first take one of the host's
``CONCURRENT_REQUESTS_PER_DOMAIN`` places in Redis and wait for the host's
next allowed start (``DOWNLOAD_DELAY`` after the previous start, by any
worker), both taken in one Lua script on the Redis server's clock. A place
is held until the answer (or the error) comes back; a place whose worker
stopped beating (killed) or that outlived ``DOWNLOAD_TIMEOUT`` by far is
freed by the next request that asks.

Each worker's own Scrapy politeness (its delay, AutoThrottle, robots.txt
Crawl-delay, Retry-After) still applies on top: it can only slow it further.
"""

from __future__ import annotations

import itertools

from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.task import deferLater

from . import PREFIX, connect, worker_key

WAIT_FOR_PLACE = 0.05  # seconds between two asks when every place is taken
LEASE_MARGIN = 10  # seconds past DOWNLOAD_TIMEOUT after which a place is taken to be abandoned

# KEYS: the host's places (token -> end of lease, ms), its next allowed start (ms)
# ARGV: token, limit, lease ms, delay ms, heartbeat key prefix
# Returns 0 (place taken), -1 (all taken) or the ms to wait for the next allowed start.
TAKE_PLACE = """
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
for _, holder in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
  local worker = string.match(holder, '^(.*)#')
  if redis.call('EXISTS', ARGV[5] .. worker) == 0 then redis.call('ZREM', KEYS[1], holder) end
end
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return -1 end
local allowed = tonumber(redis.call('GET', KEYS[2]) or '0')
if allowed > now then return allowed - now end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[1])
local delay = tonumber(ARGV[4])
if delay > 0 then redis.call('SET', KEYS[2], now + delay, 'PX', delay + 1000) end
return 0
"""


class SharedPoliteness:
    """Downloader middleware: a host's places and delay, shared by every worker."""

    def __init__(self, crawler):
        settings = crawler.settings
        self.server = connect(settings.get("REDIS_URL"))
        self.take_place = self.server.register_script(TAKE_PLACE)
        self.worker = settings.get("GOVNEWS_WORKER_ID")
        self.limit = max(1, settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN"))
        self.delay_ms = int(settings.getfloat("DOWNLOAD_DELAY") * 1000)
        self.lease_ms = int((settings.getfloat("DOWNLOAD_TIMEOUT") + LEASE_MARGIN) * 1000)
        self.tokens = itertools.count()
        self.held: dict = {}  # request -> (places key, token)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    async def process_request(self, request, spider=None):
        host = urlparse_cached(request).netloc
        places, token = f"{PREFIX}:polite:{host}:places", f"{self.worker}#{next(self.tokens)}"
        while True:
            wait = self.take_place(keys=[places, f"{PREFIX}:polite:{host}:next"],
                                   args=[token, self.limit, self.lease_ms, self.delay_ms, worker_key("")])
            if wait == 0:
                break
            from twisted.internet import reactor  # the one Scrapy installed

            await maybe_deferred_to_future(deferLater(reactor, WAIT_FOR_PLACE if wait < 0 else wait / 1000,
                                                      lambda: None))
        self.held[request] = (places, token)
        return None

    def process_response(self, request, response, spider=None):
        self._leave(request)
        return response

    def process_exception(self, request, exception, spider=None):
        self._leave(request)
        return None

    def _leave(self, request) -> None:
        held = self.held.pop(request, None)
        if held:
            self.server.zrem(*held)
