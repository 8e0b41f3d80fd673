"""Run the centre for the demo, the tests and the benchmarks.

In this process: uvicorn on a daemon thread (`start_centre`). In a child process:
`serve_in_subprocess`, the real `cam-ie-central serve` command.


`start_centre(db_path)` opens (or creates) the store, makes sure a centre key exists,
binds (port 0 picks a free port) and returns once the server accepts connections.
`RunningCentre.stop()` shuts uvicorn down, joins the thread and closes the store.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

import requests
import uvicorn

from central.app import create_app
from central.store import CentreStore
from central.validation import RecordValidator
from sync import protocol

_START_TIMEOUT = 20.0


class RunningCentre:
    """A centre serving on a loopback port. Use as a context manager, or call `stop()`."""

    def __init__(self, server: uvicorn.Server, thread: threading.Thread, store: CentreStore, url: str) -> None:
        self._server = server
        self._thread = thread
        self.store = store
        self.url = url

    def stop(self) -> None:
        """Stop serving, wait for the thread, close the store. Safe to call twice."""
        self._server.should_exit = True
        self._thread.join(timeout=_START_TIMEOUT)
        if not self._thread.is_alive():
            self.store.close()

    def __enter__(self) -> RunningCentre:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()


def start_centre(
    db_path: str | Path,
    *,
    host: str = "127.0.0.1",
    port: int = 0,
    validator: RecordValidator | None = None,
    key_kind: str = protocol.KEY_KIND_X25519,
) -> RunningCentre:
    """Start a centre over the database at `db_path` and return when it is listening."""
    store = CentreStore.open(db_path, default_kind=key_kind)
    try:
        store.current_key()
        config = uvicorn.Config(
            create_app(store, validator=validator),
            host=host,
            port=port,
            log_level="warning",
            access_log=False,
            lifespan="off",
        )
        server = uvicorn.Server(config)
        thread = threading.Thread(target=server.run, name="cam-ie-central", daemon=True)
        thread.start()
        started = threading.Event()
        while not server.started and thread.is_alive():
            started.wait(0.01)
        if not server.started:
            raise RuntimeError(f"the centre did not start on {host}:{port}")
    except BaseException:
        store.close()
        raise
    bound = server.servers[0].sockets[0].getsockname()
    url_host = f"[{host}]" if ":" in host else host
    return RunningCentre(server, thread, store, f"http://{url_host}:{bound[1]}")


@contextmanager
def serve_in_subprocess(
    db_path: str | Path, *, tls_cert: str | Path | None = None, tls_key: str | Path | None = None
) -> Iterator[str]:
    """`cam-ie-central serve` in a child process on a free loopback port; yields its URL
    once it answers. For benchmarks (the centre on a core of its own) and HTTPS tests."""
    db_path = Path(db_path)
    CentreStore.open(db_path).close()  # schema and first key before the server starts
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    command = [sys.executable, "-m", "central", "serve", "--db", str(db_path), "--port", str(port)]
    verify: str | bool = False
    if tls_cert is not None and tls_key is not None:
        command += ["--tls-cert", str(tls_cert), "--tls-key", str(tls_key)]
        verify = str(tls_cert)
    url = f"{'https' if tls_cert else 'http'}://{'localhost' if tls_cert else '127.0.0.1'}:{port}"
    with (db_path.parent / "serve.log").open("wb") as log:  # a file: a pipe nobody reads would fill and block
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + _START_TIMEOUT
            while not _answers(url, verify):
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"the centre did not start; see {db_path.parent / 'serve.log'}")
                time.sleep(0.05)
            yield url
        finally:
            process.terminate()
            process.wait(timeout=30)


def _answers(url: str, verify: str | bool) -> bool:
    try:
        return requests.get(url + "/v1/health", timeout=1, verify=verify).status_code == 200
    except requests.RequestException:
        return False
