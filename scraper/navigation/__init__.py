"""Navigation: how a site leads from its address to its articles (paging, feeds, sitemaps, menus)."""
