#!/usr/bin/env python3
"""Summarises a dotnet-counters CSV (memory.sh COUNTERS=1): working set, GC committed, heap size per generation after
the last GC, fragmentation, GC counts and allocation rate, every STEP seconds.   counters.py FILE.csv [STEP]"""
import csv, sys, collections
rows = collections.defaultdict(dict)
for r in csv.DictReader(open(sys.argv[1])):
    rows[r['Timestamp']][r['Counter Name']] = float(r['Mean/Increment'] or 0)
step = int(sys.argv[2]) if len(sys.argv) > 2 else 5
MB = 1 << 20
def g(d, k): return d.get(k, 0)
print("t  ws  committed  heap(g0 g1 g2 loh poh)  frag(g2 loh)  gc0/1/2 cum  alloc/s")
cum = [0, 0, 0]
for i, (t, d) in enumerate(rows.items()):
    for j, gname in enumerate(["gen0", "gen1", "gen2"]):
        cum[j] += g(d, f"dotnet.gc.collections ({{collection}} / 1 sec)[gc.heap.generation={gname}]")
    if i % step: continue
    h = [g(d, f"dotnet.gc.last_collection.heap.size (By)[gc.heap.generation={x}]") / MB for x in ["gen0", "gen1", "gen2", "loh", "poh"]]
    f = [g(d, f"dotnet.gc.last_collection.heap.fragmentation.size (By)[gc.heap.generation={x}]") / MB for x in ["gen2", "loh"]]
    print(f"{i:3d} {g(d,'dotnet.process.memory.working_set (By)')/MB:5.0f} {g(d,'dotnet.gc.last_collection.memory.committed_size (By)')/MB:5.0f}  "
          + " ".join(f"{x:5.1f}" for x in h) + f"  sum {sum(h):5.1f}  frag " + " ".join(f"{x:5.1f}" for x in f)
          + f"  {cum[0]:.0f}/{cum[1]:.0f}/{cum[2]:.0f}  {g(d,'dotnet.gc.heap.total_allocated (By / 1 sec)')/MB:6.1f}")
