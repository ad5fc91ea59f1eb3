#!/usr/bin/env python3
"""Reads run.sh's results and prints each figure against issue 19's targets (all ratios from the same run).

Exits 1, after the table, when any measured response was not 200 or wrk counted a socket error or timeout: a 429 from
a rate limit or a redirect to the login form would otherwise pass for a fast page.
"""
import json, sys

rows, r = [], {}
for line in open(sys.argv[1]):
    row = json.loads(line)
    rows.append(row)
    r[row["name"]] = row

def cpu(row):
    c = row.get("cpu")
    return f"{c['app']:.2f} / {c['db']:.2f} / {c['machine']:.2f}" if c else ""

# CPU milliseconds (the app's plus the database server's) per request: less disturbed than req/s by other work on a
# shared machine, which takes cores from the app for some pages of a run and not others.
def cpu_ms(row, x):
    c = row.get("cpu")
    return f"{(c['app'] + c['db']) / x['rps'] * 1000:.2f}" if c and isinstance(x["rps"], (int, float)) and x["rps"] > 0 else ""

def line(label, x, ratio, target, verdict, row):
    print(f"| {label} | {x['rps']:.0f} | {ratio} | {x['p50']} | {x['p95']} | {x['p99']} | {target} | {verdict} | {cpu(row)} | {cpu_ms(row, x)} | {row.get('load', '')} |")

print("\n| page | req/s | vs trivial | p50 ms | p95 ms | p99 ms | target | verdict | CPU cores: app / db / machine | CPU ms / request | load |")
print("|---|---|---|---|---|---|---|---|---|---|---|")

def ceiling(name, label):
    x = r[name]["wrk"]
    line(label, x, "100%", "ceiling", "", r[name])
    return x["rps"]

def page(name, label, base, share, p99=True):
    x = r[name]["wrk"]
    ratio = x["rps"] / base
    ok = ratio >= share and (not p99 or x["p99"] < 50)
    target = f">= {share:.0%}" + (", p99 < 50" if p99 else "")
    line(label, x, f"{ratio:.0%}", target, "met" if ok else "MISSED", r[name])

trivial = ceiling("trivial", "trivial (/about)")
page("list", "list (`/`, as served)", trivial, 0.5)
page("list-uncached", "list, uncached", trivial, 0.35, p99=False)
page("article200", "article with 200 mentions, as served", trivial, 0.5)
for name, label in (("search", "search, as served, 8 connections"), ("search-uncached", "search, uncached, 8 connections")):
    x = r[name]["wrk"]
    line(label, x, f"{x['rps'] / trivial:.0%}", "(load)", "", r[name])
s, d = r["search-1c"]["wrk"], r["search-direct"]["direct"]
ratio = s["p95"] / d["p95"]
line("search, uncached, 1 connection", s, "", f"p95 <= 2x direct ({d['p95']} ms; p50 {d['p50']}; load {r['search-direct'].get('load', '')})",
     f"{'met' if ratio <= 2 else 'MISSED'} ({ratio:.2f}x)", r["search-1c"])
# CPU time per search, which the machine's load disturbs less than latency: the app's and the database server's
# CPU over the one-connection run divided by its searches, against the driver's and the server's per direct search.
c = r["search-1c"]["cpu"]
app_ms = (c["app"] + c["db"]) / s["rps"] * 1000
direct_ms = d["cpu"] + d.get("db_cpu", 0)
print(f"| search, CPU ms per search (app + db) | | | | | | direct {direct_ms:.1f} ms ({d['cpu']} driver + {d.get('db_cpu', 0)} db) | {app_ms:.1f} ms ({app_ms / direct_ms:.2f}x) | | | |")
# Two instances (PostgreSQL): both ports loaded at once, against one instance measured just before.
for one, two, label in (("list-one", "list-two", "list"), ("list-uncached-one", "list-uncached-two", "list, uncached")):
    if two not in r:
        continue
    a, b1, b2 = r[one]["wrk"], r[two]["wrk"], r[two]["wrk2"]
    line(f"{label}, one instance (second idle)", a, f"{a['rps'] / trivial:.0%}", "", "", r[one])
    both = b1["rps"] + b2["rps"]
    x = {"rps": both, "p50": f"{b1['p50']} / {b2['p50']}", "p95": f"{b1['p95']} / {b2['p95']}", "p99": f"{b1['p99']} / {b2['p99']}"}
    gain = both / a["rps"]
    target = ">= 1.6x one" if label == "list" else "(1.6x on the list)"
    verdict = f"{'met' if gain >= 1.6 else 'MISSED'} ({gain:.2f}x)" if label == "list" else f"{gain:.2f}x"
    line(f"{label}, two instances at once ({b1['rps']:.0f} + {b2['rps']:.0f})", x, f"{both / trivial:.0%}", target, verdict, r[two])
# The cold run restarted the app with its page cache off; its ratio is against the trivial page of that run.
if "trivial-cold" in r:
    cold = ceiling("trivial-cold", "trivial (/about), page cache off")
    page("article200-cold", "article with 200 mentions, cold", cold, 0.35, p99=False)

bad = []
for row in rows:
    for key in ("wrk", "wrk2"):
        x = row.get(key)
        if x and (x["non200"] or x["errors"] or x["requests"] == 0):
            bad.append(f"{row['name']}{' (second instance)' if key == 'wrk2' else ''}: {x['non200']} of {x['requests']} responses not 200, {x['errors']} socket errors or timeouts")
if bad:
    print("\nFAILED: these figures do not measure the pages (fix the cause and run again):", file=sys.stderr)
    for b in bad:
        print("  " + b, file=sys.stderr)
    sys.exit(1)
print("\nEvery measured response was 200.")
