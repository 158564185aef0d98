"""Issue 8, finding 14 (client): the API token never travels in clear to a public host.

http:// only for loopback and private-network addresses; https:// with the certificate checked
(a real TLS server on 127.0.0.1 with a self-signed certificate is refused; the same server with
its certificate trusted answers). Refused at pairing, and when a stored address is used."""

from __future__ import annotations

import datetime as dt
import ipaddress
import json
import ssl
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import requests
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select, text

from desktop.core.errors import ValidationError
from desktop.core.urls import is_local_host, platform_url
from desktop.services.base import SYSTEM_ACTOR
from desktop.store.keychain import SecretVault, token_name
from desktop.store.models import AuditRecord, OutboxOp, Setting
from desktop.sync.client import PlatformClient, PlatformRejected
from desktop.sync.pairing import PairingFlow

ACCEPTED = {
    "http://127.0.0.1:8700": "http://127.0.0.1:8700",
    "http://127.8.9.10": "http://127.8.9.10",
    "HTTP://LOCALHOST:8000/": "http://localhost:8000",
    "http://192.168.1.5": "http://192.168.1.5",
    "http://10.0.0.9:80/pinshang": "http://10.0.0.9:80/pinshang",
    "http://172.31.255.1": "http://172.31.255.1",
    "http://[::1]:8700": "http://[::1]:8700",
    "http://[fd12:3456::1]": "http://[fd12:3456::1]",
    "http://[::ffff:192.168.0.2]": "http://[::ffff:c0a8:2]",
    "http://counter-server.local:8700": "http://counter-server.local:8700",
    "https://platform.example.com": "https://platform.example.com",
    "https://8.8.8.8:8443/api/": "https://8.8.8.8:8443/api",
    "https://平台.中国": "https://平台.中国",
}
CLEAR_TEXT = ["http://example.com", "http://platform.example.com:8700", "http://8.8.8.8", "http://172.32.0.1",
              "http://192.169.0.1", "http://11.0.0.1", "http://[2001:db8::1]", "http://[::ffff:8.8.8.8]",
              "http://local", "http://localhost.example.com", "http://127.1",
              "http://2130706433", "http://0x7f000001", "http://10.0.0.1.", "http://counter-server"]
ODD = ["http://127.0.0.1@example.com", "http://user:pw@192.168.1.5", "https://a b.com", "http://127.0.0.1\\@example.com",
       "http://192.168.1.5/?x=1", "http://192.168.1.5/#x", "http://192.168.1.5:99999", "http://192.168.1.5:",
       "http://[zz::1]", "http://.local", "http://under_score.local", "http://平台.local", "http://192.168.1.5/\x00",
       # dot segments: requests removes them, so the address used would not be the one checked
       "http://127.0.0.1/..", "http://127.0.0.1/a/../b", "https://example.com/.", "http://127.0.0.1/%2E%2e", "http://127.0.0.1/%2ehttp:", "http://127.0.0.1/a%20b"]


@pytest.mark.parametrize(("given", "used"), ACCEPTED.items())
def test_loopback_private_networks_and_https_are_accepted(given: str, used: str) -> None:
    assert platform_url(given) == used


@pytest.mark.parametrize("url", CLEAR_TEXT)
def test_plain_http_to_any_other_host_is_refused(url: str) -> None:
    with pytest.raises(ValidationError, match="Use https://"):
        platform_url(url)


@pytest.mark.parametrize("url", [*ODD, "ftp://192.168.1.5", "192.168.1.5", "", "https://"])
def test_addresses_a_parser_could_read_two_ways_are_refused(url: str) -> None:
    with pytest.raises(ValidationError, match="platform address"):
        platform_url(url)


def test_is_local_host_knows_the_private_ranges() -> None:
    assert all(is_local_host(h) for h in ("127.0.0.1", "::1", "10.1.2.3", "172.16.0.1", "192.168.255.255",
                                          "fc00::1", "fdff::1", "localhost", "pos.local"))
    assert not any(is_local_host(h) for h in ("169.254.1.1", "100.64.0.1", "fe80::1", "8.8.8.8", "example.local.com"))


def _counts(services) -> tuple[int, ...]:
    with services.db.read() as s:
        counted = [s.scalar(select(func.count()).select_from(m)) for m in (Setting, AuditRecord, OutboxOp)]
        counted.append(s.execute(text("SELECT count(*) FROM signing_keys")).scalar_one())
        counted.append(s.execute(text("SELECT count(*) FROM sync_state")).scalar_one())
    return tuple(counted)


def test_pairing_with_plain_http_to_a_public_host_is_refused_and_nothing_is_written(demo_services) -> None:
    flow = PairingFlow(demo_services, SecretVault())
    before = _counts(demo_services)
    with pytest.raises(ValidationError, match="Use https:// for the platform at example.com"):
        flow.pair(SYSTEM_ACTOR, "http://example.com", "ABCD-EFGH-JK", "Counter 1")
    assert _counts(demo_services) == before
    assert demo_services.sync.pairing() is None


class Recording(requests.adapters.BaseAdapter):
    """A transport that records what would have been sent (nothing may be)."""

    def __init__(self) -> None:
        super().__init__()
        self.sent: list[str] = []

    def send(self, request, **kwargs):  # type: ignore[no-untyped-def]
        self.sent.append(request.url)
        raise requests.ConnectionError("recorded")

    def close(self) -> None:
        pass


def test_pairing_with_a_private_address_goes_on_to_the_network(demo_services) -> None:
    recording = Recording()
    session = requests.Session()
    session.mount("http://", recording)
    flow = PairingFlow(demo_services, SecretVault(), lambda url: PlatformClient(url, session=session))
    with pytest.raises(ValidationError, match="Cannot reach the platform at http://192.168.1.5"):
        flow.pair(SYSTEM_ACTOR, "http://192.168.1.5", "ABCD-EFGH-JK", "Counter 1")
    assert recording.sent == ["http://192.168.1.5/v1/pair"]


def test_a_stored_plain_http_public_address_is_refused_before_the_token_is_sent(terminal) -> None:
    with terminal.services.db.write() as s:
        s.execute(text("UPDATE sync_state SET platform_url = 'http://platform.example.com:8700'"))
    recording = Recording()
    session = requests.Session()
    session.mount("http://", recording)
    session.mount("https://", recording)
    worker = terminal.worker(terminal.services.sync.pairing().platform_url, session=session)
    worker.run_round()
    assert recording.sent == []
    assert "Use https://" in (worker.state().last_error or "")
    assert "Use https://" in (terminal.services.sync.snapshot().last_error or "")


# --- a real TLS server with a self-signed certificate -------------------------------------------


def _self_signed(folder: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), True)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


class PairAnswer(BaseHTTPRequestHandler):
    calls: list[str] = []

    def do_POST(self) -> None:  # noqa: N802 (http.server's name)
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        PairAnswer.calls.append(self.path)
        body = json.dumps({"terminal_id": "T1", "token": "secret-token", "store": {"id": "S", "name": "店"},
                           "merchant": {"id": "M"}, "platform_public_key": "a2V5"}).encode()
        self.send_response(201)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def tls_server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    cert, key = _self_signed(tmp_path)
    server = ThreadingHTTPServer(("127.0.0.1", 0), PairAnswer)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    PairAnswer.calls = []
    yield f"https://127.0.0.1:{server.server_address[1]}", cert
    server.shutdown()
    server.server_close()


def test_https_with_a_self_signed_certificate_is_refused_at_pairing_and_nothing_is_written(
        demo_services, tls_server) -> None:
    url, _ = tls_server
    vault = SecretVault()
    flow = PairingFlow(demo_services, vault, lambda u: PlatformClient(u, timeout=5))
    with pytest.raises(ValidationError, match="did not show a valid certificate"):
        flow.pair(SYSTEM_ACTOR, url, "ABCD-EFGH-JK", "Counter 1")
    assert PairAnswer.calls == []  # the TLS handshake failed: no request, no code, no key was sent
    assert demo_services.sync.pairing() is None and _counts(demo_services)[-1] == 0
    assert vault.get(token_name("T1")) is None


def test_the_same_server_answers_once_its_certificate_is_trusted(tls_server, monkeypatch) -> None:
    url, cert = tls_server
    for name in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"):  # requests lets these win over session.verify
        monkeypatch.delenv(name, raising=False)
    session = requests.Session()
    session.verify = str(cert)
    answer = PlatformClient(url, timeout=5, session=session).pair("ABCDEFGHJK", "a2V5", "Counter 1")
    assert answer["terminal_id"] == "T1" and PairAnswer.calls == ["/v1/pair"]


def test_nothing_in_the_client_turns_certificate_checks_off() -> None:
    root = Path(__file__).resolve().parents[2] / "desktop"
    offenders = [str(p) for p in root.rglob("*.py")
                 if "verify=False" in p.read_text(encoding="utf-8").replace(" ", "")
                 or "CERT_NONE" in p.read_text(encoding="utf-8")]
    assert offenders == []


class Redirect(BaseHTTPRequestHandler):
    """Answers every GET with a redirect to `target`, and records the Authorization it got."""

    target = ""
    seen: list[str | None] = []

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        Redirect.seen.append(self.headers.get("Authorization"))
        if Redirect.target and not Redirect.target.endswith(f":{self.server.server_address[1]}"):
            self.send_response(302)
            self.send_header("Location", Redirect.target + self.path)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = b'{"error": "gone", "reason": "test"}'
        self.send_response(404)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def test_a_platform_that_redirects_elsewhere_is_not_followed() -> None:
    """Beyond the list: a LAN platform (or whoever answers in its place) redirecting the
    terminal to another address is never followed: neither the token nor the body goes there."""
    servers = [ThreadingHTTPServer(("127.0.0.1", 0), Redirect) for _ in range(2)]
    for server in servers:
        threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        Redirect.seen = []
        Redirect.target = f"http://localhost:{servers[1].server_address[1]}"  # another host name
        client = PlatformClient(f"http://127.0.0.1:{servers[0].server_address[1]}", token="secret-token")
        with pytest.raises(PlatformRejected, match="redirect") as refused:
            client.pull()
        assert refused.value.status == 302
        assert Redirect.seen == ["Bearer secret-token"]  # the second address got nothing at all
    finally:
        Redirect.target = ""
        for server in servers:
            server.shutdown()
            server.server_close()


PIECES = st.sampled_from(["http://", "https://", "HTTP://", "127.0.0.1", "192.168.1.5", "example.com", "evil.com",
                          "localhost", ".local", "@", ":", "8700", "/", "\\", "[", "]", "::1", "%2e", "#", "?",
                          ".", "a", "0x7f", " ", "\t", "%40", "..", "xn--", "::ffff:", "8.8.8.8", "\u3002", "\uff0e"])


@settings(max_examples=2000)
@given(st.builds(lambda scheme, rest: scheme + "".join(rest), st.sampled_from(["http://", "HTTP://", "https://", ""]),
                 st.lists(PIECES, max_size=8)))
def test_whatever_the_rule_accepts_over_http_requests_also_reads_as_a_local_host(url: str) -> None:
    """Differential check against the parsers requests really uses (urllib3) and urllib."""
    from urllib.parse import urlsplit

    from urllib3.util import parse_url

    try:
        used = platform_url(url)
    except ValidationError:
        return
    if not used.startswith("http://"):
        assert used.startswith("https://")
        return
    request_url = used + "/v1/pull"
    assert is_local_host(parse_url(request_url).host or "")
    assert is_local_host(urlsplit(request_url).hostname or "")
    assert requests.Request("GET", request_url).prepare().url.startswith(used)
