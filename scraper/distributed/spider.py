"""The portal spider on the shared frontier: navigation unchanged, state in Redis.

The seeding crawl (``seed=True``) reads the run's plan from the archive,
publishes it, and queues the start requests; workers read the plan from
Redis and start nothing themselves: they take what the queue holds. Listing
requests go through the shared duplicate filter here (the single-process
spider keeps its own set of listings asked for), so that a listing reached
by two workers is walked once, and a request given back from a killed
worker is asked again by whoever takes it.
"""

from __future__ import annotations

import pickle

from ..archive.plan import CrawlPlan
from ..spiders.portal import PortalSpider
from . import connect, site_key


class SharedPortalSpider(PortalSpider):
    name = "portal-shared"

    def __init__(self, *args, seed: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.seed = seed

    def load_plan(self, settings) -> CrawlPlan:
        """The seeder's plan comes from the archive and is published; a worker's from Redis."""
        server = connect(settings.get("REDIS_URL"))
        key = site_key(self.site.key, "plan")
        if self.seed:
            plan = super().load_plan(settings)
            server.set(key, pickle.dumps(plan))
            return plan
        data = server.get(key)
        if data is None:
            raise RuntimeError(f"{self.site.key} is not seeded: run govnews crawl {self.site.key} --redis first")
        return pickle.loads(data)

    async def start(self):
        if self.seed:
            async for request in super().start():
                yield request

    def _listing_request(self, *args, **kwargs):
        return super()._listing_request(*args, **kwargs).replace(dont_filter=False)
