"""Liferay portals: asset publisher and web content (journal) articles."""

from __future__ import annotations

import re

from .base import Layout, Profile


class Liferay(Profile):
    name = "liferay"
    generator = re.compile(r"liferay", re.I)
    markers = (".journal-content-article", "[id^='portlet_com_liferay']", ".portlet-boundary_com_liferay")
    url_pattern = re.compile(r"/-/asset_publisher/|/web/guest/|/-/(?:chi-tiet|tin-tuc)/")
    layouts = (
        Layout(
            version="7",
            title=(".asset-full-content .header-title", ".asset-full-content h1", ".taglib-header .header-title", ".asset-title",
                   ".journal-content-article h1", ".portlet-body h1.title", ".portlet-body h1"),
            content=(".asset-full-content .journal-content-article", ".journal-content-article .content",
                     ".journal-content-article", ".asset-content"),
            lead=(".asset-full-content .sapo", ".journal-content-article .sapo", ".asset-summary", ".portlet-body .sapo",
                  ".portlet-body .summary"),
            date=(".asset-full-content .metadata-publish-date", ".asset-metadata .publish-date", ".portlet-body .date",
                  ".portlet-body .publish-date", ".portlet-body .time"),
            author=(".asset-full-content .author", ".metadata-author"),
            category=(".breadcrumb a", ".breadcrumbs a"),
            drop=(".taglib-social-bookmarks", ".asset-links", ".asset-ratings", ".asset-more", ".taglib-ratings", ".lfr-meta-actions"),
        ),
    )
