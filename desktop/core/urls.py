"""Which platform addresses a terminal may send its API token to (docs/security.md).

`https://` to any host (requests checks the certificate: nothing in the client turns that off);
`http://` only to this computer or the local network: 127.0.0.0/8, ::1, 10/8, 172.16/12,
192.168/16, fc00::/7, `localhost` and `*.local`. Anything else in clear text would hand the
bearer token to whoever sits on the path.

The address is parsed strictly and rebuilt from its parts, so the host checked here is the host
the HTTP library connects to: no user name or password, no backslash, space or control
character, no query or fragment, only ASCII host names (a non-ASCII name only over https).
"""

from __future__ import annotations

import ipaddress
import re

from desktop.core.errors import ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP

PRIVATE_NETWORKS = tuple(ipaddress.ip_network(n) for n in (
    "127.0.0.0/8", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "::1/128", "fc00::/7"))

_URL = re.compile(r"(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*)://(?P<authority>[^/?#]*)(?P<path>/[^?#]*)?")
_AUTHORITY = re.compile(r"(?:\[(?P<ip6>[0-9A-Fa-f:.]+)\]|(?P<host>[^:\[\]]+))(?::(?P<port>[0-9]{1,5}))?")
_HOST_LABEL = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?")
_PATH = re.compile(r"[A-Za-z0-9._~!$&'()*+,;=:@%/-]*")


def platform_url(url: str) -> str:
    """The address to use, normalised (no trailing slash, lower-case scheme and host), or a
    ValidationError saying what to change. Pure: no lookup, no connection."""
    cleaned = url.strip()
    if cleaned.endswith("/"):
        cleaned = cleaned.rstrip("/")
    whole = _URL.fullmatch(cleaned)
    if whole is None or whole["scheme"].lower() not in ("http", "https") or not whole["authority"]:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "The platform address must start with https:// (or http:// on a local network)"))
    scheme, path = whole["scheme"].lower(), whole["path"] or ""
    authority = _AUTHORITY.fullmatch(whole["authority"])
    if authority is None or not _PATH.fullmatch(path) or any(c.isspace() or ord(c) < 32 for c in cleaned):
        raise _odd()
    if "%" in path or any(segment in (".", "..") for segment in path.split("/")):
        # requests decodes escapes of unreserved characters and removes dot segments: the
        # address it uses would differ from the one checked. A platform address needs neither.
        raise _odd()
    host = _host(authority["ip6"], authority["host"], scheme)
    port = authority["port"]
    if port is not None and not 1 <= int(port) <= 65535:
        raise _odd()
    if scheme == "http" and not is_local_host(host):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "Use https:// for the platform at {host}. Plain http:// is allowed only for this "
            "computer and the local network (10.x, 172.16–31.x, 192.168.x, *.local), so that the "
            "terminal's access token never crosses the internet in clear text."), host=host)
    return f"{scheme}://{host}{':' + str(int(port)) if port else ''}{path}"


def is_local_host(host: str) -> bool:
    """True for a loopback or private-network IP literal, `localhost` and `*.local` names."""
    name = host.strip("[]").lower()
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        name = name.removesuffix(".")
        return name == "localhost" or (name.endswith(".local") and len(name) > len(".local"))
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return any(address in network for network in PRIVATE_NETWORKS)


def _host(ip6: str | None, name: str | None, scheme: str) -> str:
    if ip6 is not None:
        try:
            return f"[{ipaddress.IPv6Address(ip6).compressed}]"
        except ValueError:
            raise _odd() from None
    assert name is not None
    if "@" in name or "\\" in name or "%" in name:
        raise _odd()
    if not name.isascii():
        if scheme == "https":
            return name.lower()  # an international name: the certificate check still applies
        raise _odd()
    labels = name.lower().removesuffix(".").split(".")
    if not all(_HOST_LABEL.fullmatch(label) for label in labels):
        raise _odd()
    return name.lower()


def _odd() -> ValidationError:
    return ValidationError(QT_TRANSLATE_NOOP(
        "errors", "The platform address may hold only https://, a host name or IP address, a port "
        "and a path (no user name, password, spaces, ? or #)."))
