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
# No listening consoles: Scrapy's telnet console and its remote-control
# server (code execution over HTTP, a token file per run) stay off.
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False

# robots.txt as RFC 9309 reads it (a 5xx or unreachable file disallows
# everything), its Crawl-delay, and Retry-After on 429/503: scraper/politeness.py.
DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "scraper.politeness.Politeness": 560,  # sees 429/503 before RetryMiddleware (550) retries them
}
RETRY_AFTER_MAX = 300  # seconds: a longer Retry-After is honoured this long, then the page is retried
ROBOTS_CRAWL_DELAY_MAX = 60  # seconds: a larger robots.txt Crawl-delay is honoured this long

# Budgets of one run of one site (a registry entry's `budget:` overrides
# them): what a trap can cost at worst. A run that hits one says so, and the
# next run carries on where it stopped.
CRAWL_MAX_PAGES = 20000
CRAWL_MAX_MINUTES = 360
CRAWL_MAX_DEPTH = 500  # links followed from a start page, pagination included
NAV_STALE_PAGES = 5  # listing pages in a row that bring no article link new to this run before a walk stops

ITEM_PIPELINES = {"scraper.pipelines.ArchivePipeline": 300}
EXTENSIONS = {"scraper.progress.Progress": 500}
PROGRESS_INTERVAL = 10.0  # seconds between progress lines when not on a terminal; 0 turns them off
INCREMENTAL_OVERLAP = 1  # "next" listing pages walked past the first page with nothing new
RECHECK_RUNS = 10  # every stored article is rechecked once every this many runs
ARCHIVE_DB = "archive.db"
ARCHIVE_BATCH = 50  # pages written per transaction...
ARCHIVE_BATCH_MB = 32  # ...or fewer, when their pages and text reach this size
ARCHIVE_MAX_MB = 0  # refuse to grow the archive past this size (0: no limit but the disk's)
EXTRACT_WORKERS = -1  # extraction processes beside the crawl: -1 = one per core but one (at least one)
EXTRACT_TIMEOUT = 60  # seconds one page may take to extract before its worker is replaced
EXTRACT_MEMORY_MB = 2048  # address space of one extraction worker
SITES_REGISTRY = None  # None: the bundled scraper/sites/registry.yaml

LOG_LEVEL = "INFO"
FEED_EXPORT_ENCODING = "utf-8"
