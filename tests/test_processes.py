"""A worker ends when the process that started it dies, by the kernel's parent-death signal or, where
there is none, by the thread that watches its parent: both are tried here."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc, forks")

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


def _pid_and_square(number: int) -> tuple[int, int]:
    return os.getpid(), number * number


@pytest.mark.parametrize("fork", [True, False], ids=["forked", "started afresh"])
def test_parallel_map_maps_in_order_in_other_processes(monkeypatch, fork):
    from generator import processes

    monkeypatch.setattr(processes, "fork_is_safe", lambda: fork)
    results = list(processes.parallel_map(_pid_and_square, range(20), jobs=2, chunksize=3))
    assert [square for _, square in results] == [n * n for n in range(20)]
    assert os.getpid() not in {pid for pid, _ in results}


def test_parallel_map_of_what_cannot_be_sent_runs_here_where_a_fork_is_not_safe(monkeypatch):
    from generator import processes

    monkeypatch.setattr(processes, "fork_is_safe", lambda: False)
    here = os.getpid()
    results = list(processes.parallel_map(lambda n: (os.getpid(), n), range(5), jobs=2, inherit=True))
    assert results == [(here, n) for n in range(5)]
    assert [pid for pid, _ in processes.parallel_map(_pid_and_square, [1], jobs=2)] == [here]    # one item: here


def test_the_collector_is_paused_only_in_a_process_of_one_thread_and_as_it_was_after():
    import gc
    import threading

    from generator.processes import collector_paused

    assert gc.isenabled()
    with collector_paused() as collector:
        assert collector.paused and not gc.isenabled()
        collector.resume_for_many_short_lived_objects()
        assert gc.isenabled() and gc.get_threshold()[0] == 20_000 and gc.get_freeze_count() > 0
    assert gc.isenabled() and gc.get_freeze_count() == 0 and gc.get_threshold()[0] != 20_000
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        with collector_paused() as collector:      # another thread runs: the collector is left alone
            assert not collector.paused and gc.isenabled()
            collector.resume_for_many_short_lived_objects()
            assert gc.get_freeze_count() == 0
    finally:
        stop.set()
        other.join()
