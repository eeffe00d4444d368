"""The processes a command starts, and how: they end with it, however it ends (a worker whose parent dies
exits, and `briefing build` passes the signals it is sent on to the site build it runs); work is shared out
between them by one map (parallel_map), which forks only where a fork is safe."""

from __future__ import annotations

import gc
import os
import signal
import subprocess
import sys
import threading
from contextlib import contextmanager

# The environment variable through which `briefing build` tells the site build which process it must
# not outlive.
PARENT_VARIABLE = "BRIEFING_PARENT_PID"
FORWARDED_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGINT", "SIGHUP") if hasattr(signal, name))
_PR_SET_PDEATHSIG = 1       # linux/prctl.h
_POLL_SECONDS = 1.0


def end_with_parent(parent: int) -> str:
    """In a process started by `parent`: be sent SIGTERM when `parent` dies, even by SIGKILL, which no
    handler sees. Linux does it itself (prctl's parent-death signal); elsewhere a thread looks every
    second. Returns how ("prctl" or "poll"), for the tests."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)     # a handler inherited from the parent would not end it
    how = "prctl" if _ask_kernel() else "poll"
    if how == "poll":
        threading.Thread(target=_watch_parent, args=(parent,), name="briefing-parent-watch", daemon=True).start()
    if os.getppid() != parent:      # it died before the request above was made: nobody would signal
        os.kill(os.getpid(), signal.SIGTERM)
    return how


def _ask_kernel() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGTERM), 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watch_parent(parent: int) -> None:
    stop = threading.Event()
    while not stop.wait(_POLL_SECONDS):
        if os.getppid() != parent:
            os.kill(os.getpid(), signal.SIGTERM)
            return


def end_with_briefing() -> None:
    """In a command `briefing build` started (its site build): end with it."""
    parent = os.environ.get(PARENT_VARIABLE, "")
    if parent.isdigit():
        end_with_parent(int(parent))


def run_to_the_end(command: list[str], **options) -> int:
    """Run a command and wait for it; SIGTERM, SIGINT and SIGHUP sent to this process are passed on to
    it, and the status is then 128 + the signal, as a shell reports a process a signal ended. The
    command is told this process's id (PARENT_VARIABLE) to end with it if this one is killed."""
    return wait_to_the_end(start_to_the_end(command, **options))


def start_to_the_end(command: list[str], **options) -> subprocess.Popen:
    """Start a command that ends with this process (run_to_the_end without the wait: wait_to_the_end)."""
    env = {**(options.pop("env", None) or os.environ), PARENT_VARIABLE: str(os.getpid())}
    return subprocess.Popen(command, env=env, **options)


def wait_to_the_end(child: subprocess.Popen) -> int:
    """Wait for a command start_to_the_end started, passing it the signals this process is sent."""
    received: list[int] = []

    def forward(number, _frame):
        received.append(number)
        child.send_signal(number)

    previous = {number: signal.signal(number, forward) for number in FORWARDED_SIGNALS}
    try:
        status = child.wait()
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
    return 128 + received[0] if received else status

def fork_is_safe() -> bool:
    """Whether a process forked from this one is a sound copy of it: the system forks, and this process
    runs no other thread (a fork copies only the thread that calls it, with every lock another thread
    held at that moment locked for ever)."""
    return hasattr(os, "fork") and threading.active_count() == 1


def parallel_map(function, items, jobs: int | None = None, *, chunksize: int = 1, inherit: bool = False):
    """function(item) for each item, the results in the items' order (a generator): in `jobs` worker
    processes (default: one a core) when there are several items, else here.

    Where a fork is safe (fork_is_safe), the workers are forked: they inherit `function` and all it reads,
    and only the items and the results are pickled. Elsewhere they are started afresh and `function`
    is pickled once for each of them; with `inherit` (a function that reads what this process holds
    and cannot be sent: MkDocs' pages and templates), the items are then mapped here. The workers end
    with this process (end_with_parent), however it ends."""
    items = list(items)
    jobs = min(jobs or os.cpu_count() or 1, len(items))
    way = None if jobs < 2 else "fork" if fork_is_safe() else None if inherit else "spawn"
    if way is None:
        yield from map(function, items)
        return
    import multiprocessing      # here: most runs map a few items, here

    global _function
    context = multiprocessing.get_context(way)
    if way == "fork":
        _function = function    # before the workers fork: they find it in the memory they share
        pool = context.Pool(jobs, initializer=_start_worker, initargs=(os.getpid(),))
    else:
        pool = context.Pool(jobs, initializer=_start_worker, initargs=(os.getpid(), function))
    try:
        yield from pool.imap(_apply, items, chunksize=chunksize)
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()
        _function = None


_function = None        # what a worker of parallel_map runs


def _start_worker(parent: int, function=None) -> None:
    global _function
    end_with_parent(parent)
    gc.enable()         # forked from a process that may have paused it (collector_paused)
    if function is not None:
        _function = function


def _apply(item):
    return _function(item)


class Collector:
    """The cyclic garbage collector as collector_paused left it: `paused` when it is (else nothing changes)."""

    _DEFAULT_THRESHOLD = gc.get_threshold()

    def __init__(self, paused: bool):
        self.paused = paused
        self.frozen = False

    def resume_for_many_short_lived_objects(self) -> None:
        """Collect again, but only what is made from here on, and seldom: the objects that exist (a site
        build's pages, files and navigation, which every page shares) are frozen, never walked again,
        and the young ones are collected every 20,000 allocations instead of 700. Rendering a page makes
        many short-lived objects (Markdown's element trees): a tenth of a site build's time went to
        collecting them and walking what every page shares. Workers forked afterwards inherit it."""
        if self.paused and not self.frozen:
            gc.freeze()
            gc.set_threshold(20_000, 10, 10)
            gc.enable()
            self.frozen = True


@contextmanager
def collector_paused():
    """The cyclic garbage collector paused while work that holds many long-lived objects runs (a run of
    the generator holds some hundred thousand, a site build as many: each full collection walks them
    all again, and pausing it buys a fifth of a one-change run of the generator and a tenth of a
    one-page site build). The collector is process-wide: it is paused only in a process that runs one
    thread and has it on, and is as it was afterwards; elsewhere nothing changes. Yields a Collector.
    The workers of parallel_map have it on."""
    if not gc.isenabled() or threading.active_count() > 1:
        yield Collector(paused=False)
        return
    gc.disable()
    collector = Collector(paused=True)
    try:
        yield collector
    finally:
        if collector.frozen:
            gc.unfreeze()
            gc.set_threshold(*Collector._DEFAULT_THRESHOLD)
        gc.enable()
