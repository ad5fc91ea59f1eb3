#!/usr/bin/env python3
"""Reads run.sh's results and prints each figure against issue 7's targets (all ratios from the same run)."""
import json, sys

r = {}
for line in open(sys.argv[1]):
    row = json.loads(line)
    r[row["name"]] = row.get("wrk") or row.get("direct")

trivial = r["trivial"]["rps"]
print("\n| page | req/s | vs trivial | p50 ms | p95 ms | p99 ms | target | verdict |")
print("|---|---|---|---|---|---|---|---|")
print(f"| trivial (/about) | {trivial:.0f} | 100% | {r['trivial']['p50']} | {r['trivial']['p95']} | {r['trivial']['p99']} | ceiling | |")
def page(name, ceiling):
    x = r[name]
    ratio = x["rps"] / ceiling
    ok = ratio >= 0.5 and x["p99"] < 50 and x["errors"] == 0 and x["requests"] > 0
    print(f"| {name} | {x['rps']:.0f} | {ratio:.0%} | {x['p50']} | {x['p95']} | {x['p99']} | >= 50%, p99 < 50 | {'met' if ok else 'MISSED'} |")

for name in ("list", "list-uncached", "article200"):
    page(name, trivial)
for name in ("search", "search-uncached"):
    s = r[name]
    print(f"| {name}, 8 connections | {s['rps']:.0f} | {s['rps'] / trivial:.0%} | {s['p50']} | {s['p95']} | {s['p99']} | (load) | |")
s, d = r["search-1c"], r["fts-direct"]
ratio = s["p95"] / d["p95"]
ok = ratio <= 2 and s["errors"] == 0 and s["requests"] > 0
print(f"| search-uncached, 1 connection | {s['rps']:.0f} | {s['rps'] / trivial:.0%} | {s['p50']} | {s['p95']} | {s['p99']} | p95 <= 2x direct ({d['p95']} ms) | {'met' if ok else 'MISSED'} ({ratio:.2f}x) |")
# The cold run restarted the app with its page cache off; its ratio is against the trivial page of that run.
if "trivial-cold" in r:
    cold = r["trivial-cold"]
    print(f"| trivial (/about), page cache off | {cold['rps']:.0f} | 100% | {cold['p50']} | {cold['p95']} | {cold['p99']} | ceiling | |")
    page("article200-cold", cold["rps"])
