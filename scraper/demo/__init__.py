"""An offline imitation of Vietnamese government news portals.

The default site (registry site demo-vnportal) imitates a vnPortal provincial
portal, sonla.gov.vn, under its own domain; one more site per CMS platform
family (``FAMILIES``: Liferay, SharePoint, WordPress, a legacy table-layout site in windows-1258, the national portal,
and the real markup of vnPortal, the chinhphu.vn family and Tân Dân's
SharePoint as public crawler code shows it) imitates how such sites look. Tests, the demo and the benchmarks crawl them
on 127.0.0.1 instead of the internet; see ``DemoPortal``. ``HostilePortal``
is the vnPortal site with crawler traps switched on by name.
"""

from .content import DemoArticle, build_articles
from .families import FAMILIES, FamilyArticle, build_family_articles, family_site
from .hostile import HostilePortal
from .server import DemoPortal

__all__ = ["FAMILIES", "DemoArticle", "DemoPortal", "FamilyArticle", "HostilePortal", "build_articles",
           "build_family_articles", "family_site"]
