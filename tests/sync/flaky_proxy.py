"""A bad branch link on loopback: an HTTP proxy that drops, resets, truncates, fails and lags.

It reads each request whole, then picks a fault from a seeded RNG:

- `pass`: forward, answer as the centre did;
- `drop_before`: close without forwarding (the centre never saw it);
- `drop_after`: forward, then close without answering (the centre stored it; the client
  never learns the answer: the case exactly-once is about);
- `reset`: forward, then reset the connection (TCP RST);
- `truncate`: forward, then send only part of the answer;
- `error_500`, `error_503`: answer itself, without forwarding (503 with `Retry-After: 0`);
- `slow`: forward, and wait before answering.

Bounded: it serves only loopback and stops with `close()`.
"""

from __future__ import annotations

import contextlib
import random
import socket
import struct
import threading
import time
from collections import Counter

FAULTS = ("pass", "drop_before", "drop_after", "reset", "truncate", "error_500", "error_503", "slow")


def _read_message(sock: socket.socket, buffer: bytearray) -> bytes | None:
    """One HTTP/1.1 message (headers + Content-Length body) from `sock`; None at EOF."""
    while b"\r\n\r\n" not in buffer:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        buffer += chunk
    head_end = buffer.index(b"\r\n\r\n") + 4
    length = 0
    for line in bytes(buffer[:head_end]).split(b"\r\n"):
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(buffer) < head_end + length:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        buffer += chunk
    message = bytes(buffer[: head_end + length])
    del buffer[: head_end + length]
    return message


class FlakyProxy:
    """Listens on a loopback port and forwards to `upstream_port` with faults."""

    def __init__(
        self,
        upstream_port: int,
        *,
        seed: int = 0,
        fault_rate: float = 0.5,
        faults: tuple[str, ...] = FAULTS[1:],
        latency_s: float = 0.05,
    ) -> None:
        self._upstream = ("127.0.0.1", upstream_port)
        self._rng = random.Random(seed)
        self._lock = threading.Lock()
        self.fault_rate = fault_rate
        self.faults = faults
        self.latency_s = latency_s
        self.counts: Counter[str] = Counter()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.2)
        self.port = self._listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._stopping = threading.Event()
        self._threads: list[threading.Thread] = []
        self._clients: list[socket.socket] = []
        self._accept_thread = threading.Thread(target=self._accept, daemon=True)
        self._accept_thread.start()

    def _pick(self) -> str:
        with self._lock:
            fault = self._rng.choice(self.faults) if self._rng.random() < self.fault_rate else "pass"
            self.counts[fault] += 1
            return fault

    def _accept(self) -> None:
        while not self._stopping.is_set():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self._clients.append(client)
            thread = threading.Thread(target=self._serve, args=(client,), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _serve(self, client: socket.socket) -> None:
        client.settimeout(30)
        buffer = bytearray()
        try:
            while not self._stopping.is_set():
                request = _read_message(client, buffer)
                if request is None:
                    return
                if not self._answer(client, request):
                    return
        except OSError:
            return
        finally:
            client.close()

    def _answer(self, client: socket.socket, request: bytes) -> bool:
        """Handle one request; False when the connection is to be closed."""
        fault = self._pick()
        if fault == "drop_before":
            return False
        if fault in ("error_500", "error_503"):
            status = b"500 Internal Server Error" if fault == "error_500" else b"503 Service Unavailable"
            extra = b"Retry-After: 0\r\n" if fault == "error_503" else b""
            client.sendall(b"HTTP/1.1 " + status + b"\r\n" + extra + b"Content-Length: 0\r\nConnection: close\r\n\r\n")
            return False
        response = self._forward(request)
        if response is None or fault == "drop_after":
            return False
        if fault == "reset":
            client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            return False
        if fault == "truncate":
            client.sendall(response[: max(1, len(response) // 2)])
            return False
        if fault == "slow":
            time.sleep(self.latency_s)
        client.sendall(response)
        return True

    def _forward(self, request: bytes) -> bytes | None:
        with socket.create_connection(self._upstream, timeout=60) as upstream:
            upstream.sendall(request)
            return _read_message(upstream, bytearray())

    def close(self) -> None:
        """Stop accepting and wait for the connection threads to end."""
        self._stopping.set()
        self._listener.close()
        self._accept_thread.join()
        for client in self._clients:
            with contextlib.suppress(OSError):  # already closed by its thread
                client.shutdown(socket.SHUT_RDWR)
        for thread in self._threads:
            thread.join(timeout=5)
