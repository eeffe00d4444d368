"""A worker ends when the process that started it dies, by the kernel's parent-death signal or, where
there is none, by the thread that watches its parent: both are tried here."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")

# The middle process forks a worker that calls end_with_parent, prints the worker's pid, then waits
# to be killed; the worker would sleep for a minute.
MIDDLE = textwrap.dedent("""
    import os, sys, time
    from generator import processes
    if sys.argv[1] == "poll":
        processes._ask_kernel = lambda: False
    parent = os.getpid()
    worker = os.fork()
    if worker == 0:
        how = processes.end_with_parent(parent)
        print(how, flush=True)
        time.sleep(60)
        os._exit(0)
    time.sleep(60)
""")


@pytest.mark.parametrize("way", ["prctl", "poll"])
def test_a_worker_ends_when_its_parent_is_killed_outright(way):
    if way == "prctl" and not sys.platform.startswith("linux"):
        pytest.skip("the parent-death signal is Linux's")
    middle = subprocess.Popen([sys.executable, "-c", MIDDLE, way], stdout=subprocess.PIPE, text=True)
    assert middle.stdout.readline().strip() == way
    worker = _children(middle.pid)
    assert len(worker) == 1
    middle.kill()
    middle.wait()
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and _alive(worker[0]):
        time.sleep(0.05)
    assert not _alive(worker[0]), f"the worker outlived its parent ({way})"


def _children(pid: int) -> list[int]:
    with open(f"/proc/{pid}/task/{pid}/children") as stream:
        return [int(p) for p in stream.read().split()]


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stream:
            return stream.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False
