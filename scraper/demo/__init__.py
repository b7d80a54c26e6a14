"""An offline imitation of a Vietnamese government news portal (vnPortal CMS).

Tests, the demo and the benchmarks crawl it on 127.0.0.1 instead of the
internet; see ``DemoPortal``.
"""

from .content import DemoArticle, build_articles
from .server import DemoPortal

__all__ = ["DemoArticle", "DemoPortal", "build_articles"]
