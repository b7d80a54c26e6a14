"""Scrapy settings: polite defaults for real government portals.

A crawl of a loopback address (the offline portal) lifts the politeness
delay in ``PortalSpider.from_crawler``; nothing else differs.
"""

BOT_NAME = "govnews"
SPIDER_MODULES = ["scraper.spiders"]
NEWSPIDER_MODULE = "scraper.spiders"

USER_AGENT = "govnews/0.1 (+https://github.com/govnews/govnews; open archive of Vietnamese government news)"
ROBOTSTXT_OBEY = True

# Politeness: at most two requests at a time per site, at least a second
# apart, slowing further when the server slows (AutoThrottle).
CONCURRENT_REQUESTS = 16
# Items processed in parallel per response. Scrapy starts this many tasks for
# every response; an article page yields one item, so 100 (the default) is waste.
CONCURRENT_ITEMS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.0
DOWNLOAD_DELAY_JITTER = 0.5  # each delay varies by ±50%
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 2.0
AUTOTHROTTLE_MAX_DELAY = 60.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0

DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 20 * 1024 * 1024
DOWNLOAD_WARNSIZE = 5 * 1024 * 1024
RETRY_ENABLED = True
RETRY_TIMES = 3
REDIRECT_MAX_TIMES = 5
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False

ITEM_PIPELINES = {"scraper.pipelines.ArchivePipeline": 300}
EXTENSIONS = {"scraper.progress.Progress": 500}
PROGRESS_INTERVAL = 10.0  # seconds between progress lines when not on a terminal; 0 turns them off
INCREMENTAL_OVERLAP = 1  # "next" listing pages walked past the first page with nothing new
RECHECK_RUNS = 10  # every stored article is rechecked once every this many runs
ARCHIVE_DB = "archive.db"
ARCHIVE_BATCH = 50  # pages written per transaction
EXTRACT_WORKERS = -1  # extraction processes beside the crawl: -1 = one per core but one, 0 = in the crawl itself
SITES_REGISTRY = None  # None: the bundled scraper/sites/registry.yaml

LOG_LEVEL = "INFO"
FEED_EXPORT_ENCODING = "utf-8"
