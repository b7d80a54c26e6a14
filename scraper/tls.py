"""What a site's TLS certificate is worth, said in words an operator can act on.

The crawl does not verify certificates by default (Scrapy's default, and
public crawlers report provincial portals with self-signed or incomplete
chains); it records what it found instead, in ``crawl_runs.tls``. With
``DOWNLOAD_VERIFY_CERTIFICATES`` on, a site whose certificate does not verify
is not crawled, and the run says why.
"""

from __future__ import annotations

import socket
import ssl
from urllib.parse import urlsplit

# OpenSSL verification errors, in the words of what usually causes them
_CAUSES = {
    10: "expired certificate",
    18: "self-signed certificate",
    19: "self-signed certificate in the chain",
    20: "incomplete chain (the server does not send its intermediate certificate) or an unknown issuer",
    21: "incomplete chain (the server does not send its intermediate certificate)",
    62: "certificate for another host name",
}


def certificate_state(url: str, timeout: float = 10.0) -> str:
    """"verified (TLSv1.3)", "not verified: <cause>", "handshake failed: ...",
    "unreachable: ..." for an https URL; "none (http)" for plain HTTP."""
    parts = urlsplit(url)
    if parts.scheme != "https":
        return "none (http)"
    host, port = parts.hostname, parts.port or 443
    context = ssl.create_default_context()
    try:
        with socket.create_connection((host, port), timeout=timeout) as raw:
            with context.wrap_socket(raw, server_hostname=host) as connection:
                return f"verified ({connection.version()})"
    except ssl.SSLCertVerificationError as error:
        return f"not verified: {_CAUSES.get(error.verify_code, error.verify_message)}"
    except ssl.SSLError as error:
        return f"handshake failed: {error.reason or error}"
    except OSError as error:
        return f"unreachable: {error.strerror or error}"


def is_verified(state: str) -> bool:
    return state.startswith(("verified", "none"))
