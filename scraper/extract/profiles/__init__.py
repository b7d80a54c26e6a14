"""Registry of CMS-family profiles, looked up by name or detected from a page."""

from __future__ import annotations

from ..page import Page
from .base import Layout, Located, Profile
from .vnportal import VnPortal

PROFILES: dict[str, Profile] = {profile.name: profile for profile in (VnPortal(),)}


def profile_for(page: Page, platform: str | None = None) -> Profile | None:
    """The profile named by the registry's ``platform``, else the one the page matches."""
    if platform and platform in PROFILES:
        return PROFILES[platform]
    for profile in PROFILES.values():
        if profile.detect(page):
            return profile
    return None


__all__ = ["Layout", "Located", "Profile", "PROFILES", "profile_for"]
