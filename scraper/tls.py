"""How each site's TLS is taken, and what it was worth, in words an operator can act on.

A registry entry's ``tls`` option (research §3.6: provincial portals with
invalid chains, ministries with TLS that OpenSSL 3 refuses):

- ``default``: the certificate is not verified (Scrapy's default), its state
  is recorded in ``crawl_runs.tls``; with DOWNLOAD_VERIFY_CERTIFICATES on (-s
  or the site's ``settings``) a site whose certificate does not verify is not
  crawled, and the run says why;
- ``verify``: DOWNLOAD_VERIFY_CERTIFICATES on for this site;
- ``unverified``: a chain known to be invalid, accepted knowingly (and so recorded);
- ``legacy``: an old server: TLS 1.0 and 1.1 allowed and OpenSSL's security
  level 0 (1024-bit DH groups, SHA-1 signatures, the ciphers of its day;
  OpenSSL 3 allows TLS 1.0 and 1.1 at level 0 only); not verified, recorded.

Before a crawl, ``probe`` connects with the options the crawl will use; a
site whose handshake fails with them but passes with legacy ones is not
crawled: the run says to set ``tls: legacy``. Command-line ``-s`` settings
win over the registry, as for every setting.
"""

from __future__ import annotations

import socket
import ssl
import warnings
from dataclasses import dataclass
from urllib.parse import urlsplit

from scrapy.core.downloader.contextfactory import _get_creator_context, _ScrapyClientContextFactory
from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler

CRAWL_CIPHERS = "DEFAULT"  # Scrapy's DOWNLOADER_CLIENT_TLS_CIPHERS
LEGACY_CIPHERS = "DEFAULT:@SECLEVEL=0"
OP_LEGACY_SERVER_CONNECT = 0x4  # servers without secure renegotiation: Scrapy's downloader allows them

# OpenSSL verification errors, in the words of what usually causes them
_CAUSES = {
    10: "expired certificate",
    18: "self-signed certificate",
    19: "self-signed certificate in the chain",
    20: "incomplete chain (the server does not send its intermediate certificate) or an unknown issuer",
    21: "incomplete chain (the server does not send its intermediate certificate)",
    62: "certificate for another host name",
}


def crawl_settings(tls: str) -> dict:
    """The Scrapy settings that make a crawl take a site's TLS as its ``tls`` option says."""
    if tls == "verify":
        return {"DOWNLOAD_VERIFY_CERTIFICATES": True}
    if tls == "unverified":
        return {"DOWNLOAD_VERIFY_CERTIFICATES": False}
    if tls == "legacy":
        return {"DOWNLOAD_VERIFY_CERTIFICATES": False, "DOWNLOAD_HANDLERS": {"https": "scraper.tls.LegacyTLSHandler"},
                "DOWNLOAD_TLS_MIN_VERSION": "TLSv1.0"}
    return {}


class LegacyContextFactory(_ScrapyClientContextFactory):
    """Scrapy's TLS context factory with OpenSSL's security level at 0.

    Scrapy expands DOWNLOADER_CLIENT_TLS_CIPHERS into a list of cipher names,
    which drops an ``@SECLEVEL`` in it: the level is set on each
    connection's context instead, verifying or not.
    """

    def creatorForNetloc(self, hostname: bytes, port: int):
        creator = super().creatorForNetloc(hostname, port)
        _get_creator_context(creator).set_cipher_list(LEGACY_CIPHERS.encode("ascii"))
        return creator


class LegacyTLSHandler(HTTP11DownloadHandler):
    """Scrapy's HTTP/1.1 download handler with ``LegacyContextFactory`` (a
    site's ``tls: legacy``; its DOWNLOAD_TLS_MIN_VERSION allows TLS 1.0).
    Scrapy's own hook for this, DOWNLOADER_CLIENTCONTEXTFACTORY, is deprecated."""

    def __init__(self, crawler):
        super().__init__(crawler)
        self._contextFactory = LegacyContextFactory.from_crawler(crawler)


@dataclass(frozen=True)
class TLSState:
    """What ``probe`` found: ``text`` as recorded in ``crawl_runs.tls``."""

    text: str
    verified: bool = False  # the certificate verifies (or the site is not crawled over TLS)
    needs_legacy: bool = False  # the handshake fails with the site's options and passes with legacy ones


def probe(url: str, tls: str = "default", verifying: bool = False, timeout: float = 10.0) -> TLSState:
    """The TLS of ``url``'s server with a site's ``tls`` option: "verified
    (TLSv1.3)", "not verified: <cause>", "legacy TLS (TLSv1) accepted; ...",
    "handshake failed: ...", "unreachable: ..."; "none (http)" for plain HTTP.
    ``verifying``: whether the crawl verifies the certificate (an unverified
    chain is then not said to be accepted)."""
    parts = urlsplit(url)
    if parts.scheme != "https":
        return TLSState("none (http)", verified=True)
    address, legacy = (parts.hostname, parts.port or 443), tls == "legacy"
    try:
        version = _handshake(address, legacy, False, timeout)
    except ssl.SSLError as error:
        failure = f"handshake failed: {_reason(error)}"
        fallback = None if legacy else _version(address, True, timeout)
        if fallback is None:
            return TLSState(failure)
        return TLSState(f"{failure} (the server speaks only legacy TLS: {fallback} with tls: legacy)", needs_legacy=True)
    except OSError as error:
        return TLSState(f"unreachable: {error.strerror or error}")
    accepted = ""
    if legacy:
        accepted = (f"legacy TLS ({version}) accepted; " if _version(address, False, timeout) is None
                    else f"{version} (tls: legacy is not needed); ")
    try:
        _handshake(address, legacy, True, timeout)
    except ssl.SSLCertVerificationError as error:
        knowingly = " (accepted: tls unverified)" if tls == "unverified" and not verifying else ""
        return TLSState(f"{accepted}not verified: {_CAUSES.get(error.verify_code, error.verify_message)}{knowingly}")
    except OSError as error:
        return TLSState(f"{accepted}not verified: {_reason(error)}")
    return TLSState(f"{accepted}verified" if legacy else f"verified ({version})", verified=True)


def _version(address: tuple[str, int], legacy: bool, timeout: float) -> str | None:
    """The protocol version a handshake without verification agrees, or None when it fails."""
    try:
        return _handshake(address, legacy, False, timeout)
    except OSError:
        return None


def _handshake(address: tuple[str, int], legacy: bool, verify: bool, timeout: float) -> str:
    """Connect and shake hands as the crawl would; the protocol version agreed."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.options |= OP_LEGACY_SERVER_CONNECT
    context.set_ciphers(LEGACY_CIPHERS if legacy else CRAWL_CIPHERS)
    if legacy:
        with warnings.catch_warnings():  # TLS 1.0 is deprecated: allowing it is the point
            warnings.simplefilter("ignore", DeprecationWarning)
            context.minimum_version = ssl.TLSVersion.TLSv1
    if verify:
        context.load_default_certs()
    else:
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    with socket.create_connection(address, timeout=timeout) as raw:
        with context.wrap_socket(raw, server_hostname=address[0]) as connection:
            return connection.version()


def _reason(error: OSError) -> str:
    """OpenSSL's reason in words ("DH_KEY_TOO_SMALL" -> "dh key too small")."""
    reason = getattr(error, "reason", None)
    return reason.lower().replace("_", " ") if reason else str(error.strerror or error)
