"""Reading ahead in a second process, so reading and storing use two cores.

``read_ahead(paths, **options)`` yields exactly what ``read(paths, **options)`` yields, in the
same order, but the reading (decoding, hygiene, language, hashing) runs in a spawned child
process that sends items in chunks through a bounded queue: memory stays flat however far the
reader could run ahead. ``prepare`` (a picklable callable, e.g. ``Store.preparer()``) is applied
to each article in the child too, so the per-article work of the store (MinHash signature,
stemmed index text) moves off the writing process.

The child ends when its parent does (it polls the parent while the queue is full); when the
child dies, the parent raises ``InputError`` instead of waiting for ever.

>>> with Store("signaal.db") as store:  # doctest: +SKIP
...     store.ingest(read_ahead("examples/", prepare=store.preparer()))
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import traceback
from typing import Any, Callable, Iterator, Optional

from ..errors import InputError
from ..records import Article
from .core import read, resolve_options

CHUNK = 64  # items per message: pickling and queue overhead spread over many articles
AHEAD = 4096  # items the reader may run ahead: more than a store batch, so it reads on while
# the store writes one
POLL = 1.0  # seconds between checks that the other process is alive


def read_ahead(paths: Any, *, prepare: Optional[Callable[[Article], Any]] = None,
               chunk: int = CHUNK, ahead: int = AHEAD, **options: Any) -> Iterator[Any]:
    """``read(paths, **options)`` run in a child process; ``prepare(article)`` replaces each
    article when given. Options are checked here first, so a bad ``date`` raises at once."""
    if options.get("client") is not None:
        raise InputError("read_ahead cannot pass an HTTP client to another process; use read()")
    resolve_options(options.get("date"), options.get("lang"), options.get("fields"),
                    options.get("source"), options.get("encoding"), options.get("settings"), None)
    ctx = multiprocessing.get_context("spawn")  # a clean child: no inherited connection or threads
    channel = ctx.Queue(maxsize=max(1, ahead // chunk))
    child = ctx.Process(target=_produce, name="signaal-reader", daemon=True,
                        args=(channel, paths, options, prepare, chunk, os.getpid()))
    child.start()
    try:
        while True:
            try:
                kind, payload = channel.get(timeout=POLL)
            except queue.Empty:
                if not child.is_alive():
                    raise InputError(f"the reading process ended unexpectedly "
                                     f"(exit code {child.exitcode}); nothing after the last "
                                     "stored batch was read") from None
                continue
            if kind == "items":
                yield from payload
            elif kind == "done":
                return
            else:
                raise InputError(f"reading failed in the reading process:\n{payload}")
    finally:
        if child.is_alive():
            child.terminate()
        child.join()
        channel.close()


def _produce(channel: Any, paths: Any, options: dict, prepare: Optional[Callable],
             chunk: int, parent: int) -> None:
    """In the child: read, prepare, send chunks; then ("done", None) or ("error", traceback)."""
    try:
        buffer: list = []
        for item in read(paths, **options):
            buffer.append(prepare(item) if prepare is not None and isinstance(item, Article)
                          else item)
            if len(buffer) >= chunk:
                _send(channel, ("items", buffer), parent)
                buffer = []
        if buffer:
            _send(channel, ("items", buffer), parent)
        _send(channel, ("done", None), parent)
    except _Orphaned:
        channel.cancel_join_thread()  # the unread messages can go: nobody will read them
        return
    except BaseException:  # sent to the parent, which raises it with this traceback
        _send(channel, ("error", traceback.format_exc()), parent)


class _Orphaned(Exception):
    """The parent is gone: stop reading."""


def _send(channel: Any, message: tuple, parent: int) -> None:
    while True:
        try:
            channel.put(message, timeout=POLL)
            return
        except queue.Full:
            if os.getppid() != parent:
                raise _Orphaned from None
