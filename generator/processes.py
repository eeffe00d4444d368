"""The processes a command starts end with it, however it ends: a worker whose parent dies exits, and
`briefing build` passes the signals it is sent on to the site build it runs."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading

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
    env = {**(options.pop("env", None) or os.environ), PARENT_VARIABLE: str(os.getpid())}
    child = subprocess.Popen(command, env=env, **options)
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
