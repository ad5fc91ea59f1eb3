#!/usr/bin/env python3
"""Frames with the most samples in a speedscope file written by dotnet-trace (dotnet-sampled-thread-time).

    top-frames.py FILE.speedscope.json [--all] [--match TEXT]

Thread-time sampling also samples threads that wait; samples whose deepest managed frame is a wait (a lock, a
semaphore, the thread pool's idle loop, a socket or timer wait) are left out unless --all, so what remains is
roughly where the CPU went. Prints inclusive and exclusive shares of the remaining samples; --match keeps only
frames containing TEXT in the inclusive list (to look inside one subsystem)."""
import json
import re
import sys
from collections import Counter

WAIT = re.compile(r"(Wait|Sleep|SpinOnce|LowLevelLifoSemaphore|LowLevelMonitor|PortableThreadPool\.GateThread|"
                  r"WorkerThread\.WorkerThreadStart|Monitor\.Enter|Interop\+Sys\.(WaitForSocketEvents|Poll|Read\b)|"
                  r"SocketAsyncEngine\.EventLoop|TimerQueue|Thread\.Join|ReadConsole|Console)", re.I)


def stacks(profile, frames):
    """(frame names root first, weight) of a "sampled" or an "evented" (open/close) speedscope profile."""
    if profile["type"] == "sampled":
        for stack, weight in zip(profile["samples"], profile["weights"]):
            if stack:
                yield [frames[i] for i in stack], weight
        return
    open_frames, last = [], None
    for event in profile["events"]:
        if open_frames and last is not None and event["at"] > last:
            yield [frames[i] for i in open_frames], event["at"] - last
        last = event["at"]
        if event["type"] == "O":
            open_frames.append(event["frame"])
        elif open_frames:
            open_frames.pop()


def main():
    path = sys.argv[1]
    keep_all = "--all" in sys.argv
    match = sys.argv[sys.argv.index("--match") + 1] if "--match" in sys.argv else None
    data = json.load(open(path))
    frames = [f["name"] for f in data["shared"]["frames"]]
    inclusive, exclusive = Counter(), Counter()
    total = 0
    for profile in data["profiles"]:
        for names, weight in stacks(profile, frames):
            managed = [n for n in names if n not in ("UNMANAGED_CODE_TIME", "CPU_TIME")]
            # The runtime marks a sample CPU_TIME when the thread ran managed code; native time may be a wait.
            if not keep_all and names[-1] != "CPU_TIME" and (not managed or WAIT.search(managed[-1]) or names[-1] != "UNMANAGED_CODE_TIME"):
                continue
            if names[-1] == "CPU_TIME":
                names = names[:-1]
            total += weight
            exclusive[names[-1] if names[-1] != "UNMANAGED_CODE_TIME" else "native in " + (managed[-1] if managed else "?")] += weight
            for name in set(names):
                inclusive[name] += weight
    print(f"{total:.0f} sample weight kept")
    print("== inclusive")
    for name, w in inclusive.most_common(400 if match else 60):
        if match and match not in name:
            continue
        print(f"{w / total:6.1%}  {name[:160]}")
    print("== exclusive")
    for name, w in exclusive.most_common(40):
        print(f"{w / total:6.1%}  {name[:160]}")


main()
