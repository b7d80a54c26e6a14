"""Registry of CMS-family profiles, looked up by name or detected from a page."""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page
from ..locate import Located
from .base import Layout, Profile
from .legacy import Legacy
from .liferay import Liferay
from .national import National
from .sharepoint import SharePoint
from .vnportal import VnPortal
from .wordpress import WordPress

# Detection order: the most specific markers first, the loosest (legacy) last.
PROFILES: dict[str, Profile] = {
    profile.name: profile
    for profile in (VnPortal(), Liferay(), SharePoint(), WordPress(), National(), Legacy())
}


def profiles_for(page: Page, platform: str | None = None) -> Iterator[Profile]:
    """Profiles to try, best first: the registry's ``platform``, those the page
    matches, then the rest (a redesign can drop a family's tell-tale markers
    while keeping its article selectors). Lazy: when the registry's profile
    fits, no other family's markers are looked for."""
    if platform == "generic":  # the registry's way to say "no profile fits this site"
        return
    named = PROFILES.get(platform)
    if named is not None:
        yield named
    others = [profile for profile in PROFILES.values() if profile is not named]
    undetected = []
    for profile in others:
        if profile.detect(page):
            yield profile
        else:
            undetected.append(profile)
    yield from undetected


__all__ = ["Layout", "Located", "Profile", "PROFILES", "profiles_for"]
