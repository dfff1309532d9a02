"""A strict fake awork on a real socket (127.0.0.1, a free port), for tests of the socket path.

Normal requests are answered by the in-memory `FakeAwork` (tray_app/demo/backend.py), which
applies awork's rules. On top of it: a record of every request, armed faults (errors, broken
JSON, slow, empty, trickled or huge replies), going offline and back on the same port, and
HTTPS with a given certificate.
"""

from __future__ import annotations

import json
import socket
import socketserver
import ssl
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from tray_app.demo.backend import FakeAwork
from tray_app.demo.workspace import Workspace, demo_workspace

from .faults import Fault, error_body, new_trace_id, normalise_path
from .oauth import FakeOAuth
from .recording import RecordedRequest, RequestLog, parse_body

PREFIX = "/api/v1/"


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, like the real thing
    disable_nagle_algorithm = True  # headers and body go out in two writes: no 40 ms stalls
    server: _HTTPServer

    def log_message(self, format, *args) -> None:  # quiet: the request log is the record
        pass

    def _read_body(self) -> bytes:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            chunks = []
            while (size := int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)) > 0:
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
            while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                pass
            return b"".join(chunks)
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length > 0 else b""

    def _serve(self) -> None:
        self.server.owner._serve(self)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = _serve

    def date_time_string(self, timestamp=None) -> str:
        # The in-memory awork's own clock (it may be set apart from ours), not the host's.
        return getattr(self, "_date", None) or super().date_time_string(timestamp)

    def reply(self, status: int, headers: dict[str, str], body: bytes) -> None:
        self._date = next((v for k, v in headers.items() if k.lower() == "date"), None)
        try:
            self.send_response(status)
            for name, value in headers.items():
                if name.lower() != "date":
                    self.send_header(name, value)
            if status not in (204, 304):
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if body and self.command != "HEAD" and status not in (204, 304):
                self.wfile.write(body)
            self.wfile.flush()
        except OSError:  # the client gave up (timeout) or the server went offline
            self.close_connection = True


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address, owner: FakeAworkServer):
        self.owner = owner
        self._open: set[socket.socket] = set()
        self._open_lock = threading.Lock()
        super().__init__(address, _Handler)

    def server_bind(self) -> None:
        socketserver.TCPServer.server_bind(self)  # skip HTTPServer's getfqdn() lookup
        self.server_name, self.server_port = self.server_address[:2]

    def process_request(self, request, client_address) -> None:
        with self._open_lock:
            self._open.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request) -> None:
        with self._open_lock:
            self._open.discard(request)
        super().shutdown_request(request)

    def handle_error(self, request, client_address) -> None:
        # A client refusing our test certificate or hanging up is what those tests are about.
        if not isinstance(sys.exc_info()[1], OSError):  # ssl.SSLError is an OSError
            super().handle_error(request, client_address)

    def drop_connections(self) -> None:
        """Kill kept-alive connections, so "offline" means offline for pooled ones too."""
        with self._open_lock:
            open_now = list(self._open)
        for sock in open_now:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


class FakeAworkServer:
    def __init__(self, workspace: Workspace | None = None, token: str | None = "test-token", *, host: str = "127.0.0.1",
                 tls: ssl.SSLContext | None = None):
        self.token = token
        self._tls = tls  # a server context: the fake speaks HTTPS with its certificate
        self.oauth = FakeOAuth()  # registration, authorize, token, revoke (see oauth.py)
        self.backend = FakeAwork(workspace if workspace is not None else demo_workspace(), token=token)
        self.requests = RequestLog()
        self._host, self._port = host, 0
        self._faults: list[Fault] = []
        self._faults_lock = threading.Lock()
        self._offline = threading.Event()
        self._httpd: _HTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- life cycle ------------------------------------------------------------------------------

    @property
    def port(self) -> int:
        return self._port

    @property
    def url(self) -> str:
        return f"{'https' if self._tls else 'http'}://{self._host}:{self._port}/api/v1"

    @property
    def running(self) -> bool:
        return self._httpd is not None

    def start(self) -> FakeAworkServer:
        """Listen (again): the first time on a free port, afterwards on the same one."""
        if self._httpd is None:
            self._offline.clear()
            self._httpd = _HTTPServer((self._host, self._port), self)
            if self._tls is not None:
                # Handshakes happen in each handler's thread, so a failed one harms nobody else.
                self._httpd.socket = self._tls.wrap_socket(self._httpd.socket, server_side=True,
                                                           do_handshake_on_connect=False)
            self._port = self._httpd.server_address[1]
            self._thread = threading.Thread(
                target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, name=f"fake-awork-{self._port}", daemon=True
            )
            self._thread.start()
        return self

    def stop(self) -> None:
        """Go offline: new connections are refused, open ones are cut, slow replies abandoned."""
        httpd, self._httpd = self._httpd, None
        if httpd is None:
            return
        self._offline.set()
        httpd.shutdown()
        httpd.drop_connections()
        httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> FakeAworkServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    # -- faults ----------------------------------------------------------------------------------

    def _arm(self, fault: Fault) -> None:
        fault.path = normalise_path(fault.path)
        with self._faults_lock:
            self._faults.append(fault)

    def fail_next(self, status: int, body=None, headers: dict[str, str] | None = None, path: str | None = None, times: int = 1) -> None:
        """Answer the next `times` requests (to `path`, or any) with `status` and an ErrorResponse.

        A dict `body` is merged over the default ErrorResponse; bytes/str are sent as they are.
        """
        self._arm(Fault("fail", path, times, status=status, body=body, headers=dict(headers or {})))

    def malformed_next(self, path: str | None = None, body: bytes = b'{"id": ', times: int = 1) -> None:
        """200 with a JSON content type and a body that does not parse (nothing is processed)."""
        self._arm(Fault("malformed", path, times, body=body))

    def delay_next(self, seconds: float, path: str | None = None, times: int = 1) -> None:
        """Process normally, then hold the reply `seconds` (past a client's timeout)."""
        self._arm(Fault("delay", path, times, seconds=seconds))

    def empty_next(self, path: str, status: int = 204, times: int = 1) -> None:
        """`status` with no body at all (nothing is processed)."""
        self._arm(Fault("empty", path, times, status=status))

    def trickle_next(self, path: str | None = None, *, part: str = "body", interval: float = 1.0, times: int = 1) -> Fault:
        """A 200 whose headers (`part="headers"`) or body come one byte every `interval` seconds,
        never finishing: only a client's overall deadline ends it."""
        fault = Fault("trickle", path, times, seconds=interval, part=part)
        self._arm(fault)
        return fault

    def huge_next(self, path: str | None = None, *, size: int = 50 * 2**20, declare_length: bool = True,
                  times: int = 1) -> Fault:
        """A 200 with a valid JSON body of `size` bytes (a list padded with blanks), written in
        pieces and never held whole; `fault.sent` tells how much of it went out."""
        fault = Fault("huge", path, times, size=size, declare_length=declare_length)
        self._arm(fault)
        return fault

    def clear_faults(self) -> None:
        with self._faults_lock:
            self._faults.clear()

    @property
    def pending_faults(self) -> int:
        with self._faults_lock:
            return sum(f.times for f in self._faults)

    def _take_fault(self, path: str) -> Fault | None:
        with self._faults_lock:
            for fault in self._faults:
                if fault.matches(path):
                    fault.times -= 1
                    if fault.times <= 0:
                        self._faults.remove(fault)
                    return fault
        return None

    # -- requests --------------------------------------------------------------------------------

    def wait_for_request(self, predicate, timeout: float = 5.0) -> RecordedRequest:
        return self.requests.wait_for(predicate, timeout)

    def _serve(self, handler: _Handler) -> None:
        raw = handler._read_body()
        split = urlsplit(handler.path)
        query = {k: v[0] for k, v in parse_qs(split.query, keep_blank_values=True).items()}
        headers = {k.lower(): v for k, v in handler.headers.items()}
        auth = headers.pop("authorization", None)
        relative = split.path[len(PREFIX):] if split.path.startswith(PREFIX) else None
        record = RecordedRequest(
            method=handler.command,
            path=relative if relative is not None else split.path,
            full_path=split.path,
            query=query,
            headers=headers,
            auth_present=auth is not None,
            auth_valid=auth is not None and auth.startswith("Bearer ") and (
                self.token is None or auth[7:] == self.token or self.oauth.is_valid_access_token(auth[7:])),
            body=parse_body(raw),
            raw=raw,
        )
        fault = self._take_fault(record.path)
        record.fault = fault.kind if fault else None
        self.requests.append(record)
        if fault is not None and fault.kind in ("trickle", "huge"):
            self.requests.replied(record, 200, None)
            self._stream(handler, fault)
            return
        if fault is not None and fault.kind != "delay":
            status, reply_headers, content = fault.canned(new_trace_id())
        else:
            backend_headers = dict(headers, **({"authorization": auth} if auth is not None else {}))
            if relative is not None and self.oauth.handles(handler.command, relative):
                status, reply_headers, content = self.oauth.handle(
                    handler.command, relative, query, headers, raw, auth, split.query)
            else:
                if auth is not None and self.oauth.is_valid_access_token(auth[7:]):
                    # An OAuth access token stands for the workspace's user: the in-memory awork
                    # knows one token, so it is shown that one. Expired or revoked ones pass
                    # unchanged and get its 401.
                    backend_headers["authorization"] = f"Bearer {self.token or auth[7:]}"
                status, reply_headers, content = self._answer(handler.command, relative, query, backend_headers, raw)
        self.requests.replied(record, status, reply_headers.get("Trace-Id"))
        if fault is not None and fault.kind == "delay" and self._offline.wait(fault.seconds):
            handler.close_connection = True  # went offline while holding the reply
            return
        handler.reply(status, reply_headers, content)

    def _stream(self, handler: _Handler, fault: Fault) -> None:
        """Write a trickled or huge reply until it is done, the client hangs up or we go offline."""
        handler.close_connection = True
        out = handler.wfile
        head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\n"
        try:
            if fault.kind == "trickle":
                if fault.part == "headers":
                    out.write(head + b"X-Slow: ")
                    body = None
                else:
                    out.write(head + b"Content-Length: 100000\r\n\r\n[")
                    body = b" "
                out.flush()
                while not self._offline.wait(fault.seconds):
                    out.write(body or b"a")  # a header value or JSON blanks, one byte at a time
                    out.flush()
                    fault.sent += 1
                return
            length = f"Content-Length: {fault.size}\r\n" if fault.declare_length else "Connection: close\r\n"
            out.write(head + length.encode() + b"\r\n[")
            fault.sent = 1
            piece = b" " * 65536
            while fault.sent < fault.size - 1 and not self._offline.is_set():
                chunk = piece[: fault.size - 1 - fault.sent]
                out.write(chunk)
                fault.sent += len(chunk)
            out.write(b"]")
            out.flush()
            fault.sent += 1
        except OSError:  # the client gave up: what a hostile server would see too
            pass

    def _answer(self, method, relative, query, headers, raw) -> tuple[int, dict[str, str], bytes]:
        if relative is None:
            trace_id = new_trace_id()
            body = error_body(404, trace_id, description="Not an awork API path.")
            return 404, {"Trace-Id": trace_id, "Content-Type": "application/json; charset=utf-8"}, json.dumps(body).encode()
        reply = self.backend.handle(method, relative, query, headers, raw)
        out = {("Trace-Id" if k.lower() == "trace-id" else k): v for k, v in reply.headers.items()}
        content = reply.encoded()
        if content:
            out["Content-Type"] = "application/json; charset=utf-8"
        return reply.status, out, content
