"""Run the centre in this process: uvicorn on a daemon thread, for the demo and the tests.

`start_centre(db_path)` opens (or creates) the store, makes sure a centre key exists,
binds (port 0 picks a free port) and returns once the server accepts connections.
`RunningCentre.stop()` shuts uvicorn down, joins the thread and closes the store.
"""

from __future__ import annotations

import threading
from pathlib import Path
from types import TracebackType

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
