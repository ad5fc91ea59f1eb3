#!/usr/bin/env python3
"""Splits a process's resident memory by kind, from /proc/PID/smaps.

    smaps-split.py PID            one line: total and each kind in MB
    smaps-split.py --header       the column names

Kinds: the JIT's double-mapped code (memfd:doublemapper), managed images (.dll, ReadyToRun code included), native
libraries (.so), anonymous memory (the GC heap's committed regions, malloc's arenas with SQLite's and zlib's memory,
thread stacks) and anything else. The GC heap's share of the anonymous memory is not visible here (its committed
regions are anonymous mappings like any other): dotnet-counters' gc committed size gives it (memory.sh COUNTERS=1).
"""
import sys

KINDS = ["jit_code", "dll", "so", "anon", "other"]


def split(pid):
    sizes = dict.fromkeys(KINDS, 0)
    kind = None
    with open(f"/proc/{pid}/smaps") as smaps:
        for line in smaps:
            head = line.split()
            if "-" in head[0] and not head[0].endswith(":"):
                path = head[5] if len(head) > 5 else ""
                if path.startswith("/memfd:doublemapper"):
                    kind = "jit_code"
                elif path.endswith(".dll"):
                    kind = "dll"
                elif ".so" in path:
                    kind = "so"
                elif path in ("", "[heap]") or path.startswith("[stack"):
                    kind = "anon"
                else:
                    kind = "other"
            elif head[0] == "Rss:" and kind is not None:
                sizes[kind] += int(head[1]) * 1024
    return sizes


def main():
    if sys.argv[1] == "--header":
        print("total " + " ".join(KINDS))
        return
    sizes = split(sys.argv[1])
    mb = 1024 * 1024
    print(f"{sum(sizes.values()) / mb:.0f} " + " ".join(f"{sizes[k] / mb:.0f}" for k in KINDS))


if __name__ == "__main__":
    main()
