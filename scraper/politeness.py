"""Politeness toward each site: robots.txt, its Crawl-delay, and Retry-After.

One downloader middleware, in place of Scrapy's RobotsTxtMiddleware:

- robots.txt is read as RFC 9309 says: rules from a 2xx answer; a 4xx
  (but 429) means no rules; a 5xx, a 429 or no answer at all means
  *everything is disallowed*. Every request waits for its host's rules
  (Scrapy 2.19 hands the parsed file to the first waiting request only and
  lets the others through);
- a page robots.txt disallows fails with ``RobotsBlocked``, which the spider
  reports as a skipped page, not a failure;
- Crawl-delay and Retry-After (on 429 and 503) hold back every later request
  to the host, not just the one retried.

What each host's robots.txt said is kept in the stats under
``govnews/robots_by_host`` for the run's record.
"""

from __future__ import annotations

import logging
import time
from email.utils import parsedate_to_datetime

from protego import Protego
from scrapy import Request
from scrapy.exceptions import IgnoreRequest
from scrapy.http.request import NO_CALLBACK
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred
from twisted.internet.task import deferLater

logger = logging.getLogger(__name__)

BACKOFF_STATUSES = (429, 503)


class RobotsBlocked(IgnoreRequest):
    """robots.txt disallows the page (or, unavailable, disallows everything)."""


class RobotsRules:
    """What one host's robots.txt allows, and how it was obtained."""

    def __init__(self, parser: Protego | None, allow_all: bool, state: str):
        self.parser = parser
        self.allow_all = allow_all
        self.state = state

    def allows(self, url: str, user_agent: str) -> bool:
        if self.parser is None:
            return self.allow_all
        return self.parser.can_fetch(url, user_agent)

    def crawl_delay(self, user_agent: str) -> float:
        delay = self.parser.crawl_delay(user_agent) if self.parser is not None else None
        return float(delay or 0)


def rules_from_answer(url: str, status: int | None, body: bytes, error: str = "") -> RobotsRules:
    """RFC 9309 section 2.3.1: what an answer to robots.txt means."""
    if status is None:
        return RobotsRules(None, False, f"unreachable ({error}): every page disallowed")
    if 200 <= status < 300:
        text = body.decode("utf-8", errors="replace")
        return RobotsRules(Protego.parse(text), True, f"rules from {url}")
    if 400 <= status < 500 and status != 429:
        return RobotsRules(None, True, f"none (http {status}): every page allowed")
    return RobotsRules(None, False, f"unavailable (http {status}): every page disallowed")


class Politeness:
    """Downloader middleware: robots.txt, Crawl-delay and Retry-After per host."""

    def __init__(self, crawler):
        self.crawler = crawler
        settings = crawler.settings
        self.obey_robots = settings.getbool("ROBOTSTXT_OBEY")
        self.user_agent = settings.get("ROBOTSTXT_USER_AGENT") or settings.get("USER_AGENT")
        self.retry_after_max = settings.getfloat("RETRY_AFTER_MAX", 300)
        self.crawl_delay_max = settings.getfloat("ROBOTS_CRAWL_DELAY_MAX", 60)
        self.rules: dict[str, RobotsRules] = {}
        self.waiting: dict[str, list[Deferred]] = {}  # host -> requests waiting for its rules
        self.not_before: dict[str, float] = {}  # host -> monotonic time of its next allowed request

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    async def process_request(self, request: Request, spider=None) -> None:
        parts = urlparse_cached(request)
        if request.meta.get("dont_obey_robotstxt") or parts.scheme not in ("http", "https"):
            return None
        host = parts.netloc
        delay = 0.0
        if self.obey_robots:
            rules = await self._rules_for(parts.scheme, host)
            if not rules.allows(request.url, self.user_agent):
                self.crawler.stats.inc_value("robotstxt/forbidden")
                raise RobotsBlocked(f"robots.txt of {host}: {rules.state if rules.parser is None else 'disallowed'}")
            delay = min(rules.crawl_delay(self.user_agent), self.crawl_delay_max)
        await self._wait_turn(host, delay)
        return None

    def process_response(self, request: Request, response, spider=None):
        if response.status in BACKOFF_STATUSES:
            wait = retry_after_seconds(response.headers.get("Retry-After"))
            if wait is not None:
                wait = min(wait, self.retry_after_max)
                host = urlparse_cached(request).netloc
                self.not_before[host] = max(self.not_before.get(host, 0.0), time.monotonic() + wait)
                self.crawler.stats.inc_value("govnews/retry_after")
                logger.info("%s answered %s with Retry-After: holding back %s for %.0f s",
                            request.url, response.status, host, wait)
        return response

    async def _wait_turn(self, host: str, interval: float) -> None:
        """Wait until ``host`` may be asked again; with an interval (Crawl-delay),
        book the following turn too."""
        now = time.monotonic()
        start = max(now, self.not_before.get(host, 0.0))
        if interval:
            self.not_before[host] = start + interval
        if start > now:
            from twisted.internet import reactor  # the one Scrapy installed

            await maybe_deferred_to_future(deferLater(reactor, start - now, lambda: None))

    async def _rules_for(self, scheme: str, host: str) -> RobotsRules:
        """The host's rules, fetched once; every request asking meanwhile waits for them."""
        if host in self.rules:
            return self.rules[host]
        if host in self.waiting:
            waiter: Deferred = Deferred()
            self.waiting[host].append(waiter)
            return await maybe_deferred_to_future(waiter)
        self.waiting[host] = []
        rules = await self._fetch_rules(f"{scheme}://{host}/robots.txt")
        self.rules[host] = rules
        self.crawler.stats.set_value("govnews/robots_by_host", {name: r.state for name, r in self.rules.items()})
        for waiter in self.waiting.pop(host):
            waiter.callback(rules)
        return rules

    async def _fetch_rules(self, url: str) -> RobotsRules:
        request = Request(url, priority=1000, callback=NO_CALLBACK,
                          meta={"dont_obey_robotstxt": True, "handle_httpstatus_all": True})
        try:
            response = await self.crawler.engine.download_async(request)
        except Exception as error:  # DNS, refused, timeout, TLS: nothing answered
            rules = rules_from_answer(url, None, b"", error.__class__.__name__)
        else:
            rules = rules_from_answer(url, response.status, response.body)
        self.crawler.stats.inc_value("robotstxt/request_count")
        if not rules.allow_all and rules.parser is None:
            logger.warning("robots.txt %s %s", url, rules.state)
        return rules


def retry_after_seconds(value: bytes | None) -> float | None:
    """Seconds asked by a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    text = value.decode("latin-1").strip()
    if text.isdigit():
        return float(text)
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    return max(0.0, moment.timestamp() - time.time())
