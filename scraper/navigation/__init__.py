"""Where a portal's articles are found: its feeds, sitemaps, menu and listing pages."""
