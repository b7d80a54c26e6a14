"""The shared frontier: scrapy-redis' scheduler, with leases on requests taken.

scrapy-redis pops a request off the site's queue and forgets it: a worker
killed while fetching it loses it for good (and the duplicate filter keeps
anyone else from asking for it again). Here a request is taken off the
queue and leased to the worker in one step (a Lua script); the lease ends
once the engine is done with the request (fetched, its callback run, its
items handed on, the requests it yielded queued). Each worker keeps a
heartbeat key alive; any worker gives the leases of a worker whose
heartbeat expired back to the queue, where another one takes them.

A worker's crawl of a site ends when the site's queue is empty and no
worker holds a lease on it: then nothing can bring more work.
"""

from __future__ import annotations

import hashlib
import logging
import warnings

from scrapy.exceptions import ScrapyDeprecationWarning
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.scheduler import Scheduler
from twisted.internet.task import LoopingCall

from . import site_key, worker_key

logger = logging.getLogger(__name__)
# scrapy-redis 0.9.1 still calls Scrapy APIs of before 2.13 (stats with a spider, Spider.log)
warnings.filterwarnings("ignore", category=ScrapyDeprecationWarning, module="scrapy_redis")

# KEYS: queue, this worker's leases, the site's lessees; ARGV: worker id
TAKE = """
local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if #first == 0 then return false end
redis.call('ZREM', KEYS[1], first[1])
redis.call('HSET', KEYS[2], first[1], first[2])
redis.call('SADD', KEYS[3], ARGV[1])
return first[1]
"""

# KEYS: queue, the site's lessees; ARGV: lease key prefix, heartbeat key prefix, a worker to give back
# regardless of its heartbeat ('' for none). Gives the leases of dead workers back to the queue.
GIVE_BACK = """
local given = 0
for _, worker in ipairs(redis.call('SMEMBERS', KEYS[2])) do
  if worker == ARGV[3] or redis.call('EXISTS', ARGV[2] .. worker) == 0 then
    local leases = redis.call('HGETALL', ARGV[1] .. worker)
    for i = 1, #leases, 2 do
      redis.call('ZADD', KEYS[1], leases[i + 1], leases[i])
      given = given + 1
    end
    redis.call('DEL', ARGV[1] .. worker)
    redis.call('SREM', KEYS[2], worker)
  end
end
return given
"""


class CallbackDupeFilter(RFPDupeFilter):
    """scrapy-redis' filter, keyed also by what a request is for: the same
    address asked as a listing and as an article are two requests (the
    portal spider walks a page tried as an article that proves a listing)."""

    def request_fingerprint(self, request):
        role = getattr(request.callback, "__name__", "")
        return hashlib.sha1(f"{role} {super().request_fingerprint(request)}".encode()).hexdigest()


class LeasingScheduler(Scheduler):
    """The worker's scheduler: takes requests on lease, keeps its heartbeat,
    gives back the leases of dead workers."""

    @classmethod
    def from_crawler(cls, crawler):
        scheduler = super().from_crawler(crawler)
        scheduler.crawler = crawler
        scheduler.worker = crawler.settings.get("GOVNEWS_WORKER_ID")
        scheduler.ttl = crawler.settings.getfloat("REDIS_WORKER_TTL", 30)
        return scheduler

    def open(self, spider):
        super().open(spider)
        site = spider.site.key
        self.leases = site_key(site, f"leases:{self.worker}")
        self.lessees = site_key(site, "lessees")
        self.take = self.server.register_script(TAKE)
        self.give_back = self.server.register_script(GIVE_BACK)
        self.leased: dict = {}  # request -> its encoded form, the field of its lease
        self.heartbeat = LoopingCall(self.beat)
        self.heartbeat.start(self.ttl / 3)

    def beat(self) -> None:
        """Stay alive; end the leases of requests the engine is done with; give
        back those of dead workers; wake the engine."""
        self.server.set(worker_key(self.worker), 1, px=int(self.ttl * 1000))
        self._end_leases()
        given = self._give_back("")
        if given:
            logger.info("gave back %d requests of workers that stopped answering", given)
        slot = getattr(self.crawler.engine, "_slot", None)
        if slot is not None:  # take what others queued, or see the crawl is over, without waiting 5 s
            slot.nextcall.schedule()

    def _end_leases(self) -> None:
        """End the leases of the requests the engine is done with."""
        slot = getattr(self.crawler.engine, "_slot", None)  # Scrapy keeps the requests in progress there
        in_progress = slot.inprogress if slot is not None else set()
        done = [request for request in self.leased if request not in in_progress]
        if done:
            self.server.hdel(self.leases, *{self.leased.pop(request) for request in done})
            if not self.leased:  # only this thread takes leases for this worker: no race with TAKE
                self.server.srem(self.lessees, self.worker)

    def _give_back(self, worker: str) -> int:
        return self.give_back(keys=[self.queue.key, self.lessees],
                              args=[site_key(self.spider.site.key, "leases:"), worker_key(""), worker])

    def next_request(self):
        encoded = self.take(keys=[self.queue.key, self.leases, self.lessees], args=[self.worker])
        if encoded is None:
            return None
        request = self.queue._decode_request(encoded)
        self.leased[request] = encoded
        if self.stats:
            self.stats.inc_value("scheduler/dequeued/redis")
        return request

    def has_pending_requests(self):
        """Work is pending while the site's queue holds requests or any worker holds a lease."""
        self._end_leases()
        return len(self.queue) > 0 or self.server.scard(self.lessees) > 0

    def close(self, reason):
        """Stop the heartbeat; give back what this worker still holds (a stop
        before the crawl's end), so that others do it."""
        if self.heartbeat.running:
            self.heartbeat.stop()
        self._give_back(self.worker)
        super().close(reason)


class SeedScheduler(Scheduler):
    """The seeding crawl's scheduler: queues the spider's start requests in
    Redis and hands none out, so the seeding crawl fetches nothing and ends
    once its start requests are queued."""

    def next_request(self):
        return None

    def has_pending_requests(self):
        return False
