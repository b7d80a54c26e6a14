"""The crawl's own Scrapy signals, sent between its parts."""

# Sent by the crawl's process to every crawler when it receives SIGINT or
# SIGTERM, before Scrapy's graceful stop begins (argument: signum), so the
# pipeline stops extracting at once and records the run as interrupted.
crawl_interrupted = object()

# Sent by the pipeline once a fetched page has been extracted (arguments:
# url, is_article, extractor), so the spider learns which kinds of addresses
# hold articles, stops requesting those that never do, and walks the pages
# extraction found to be listings.
page_judged = object()
