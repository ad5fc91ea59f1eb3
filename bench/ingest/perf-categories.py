#!/usr/bin/env python3
"""Charges each sample of `perf script -F comm,tid,ip,sym,dso` to the nearest frame (from the leaf up) of a known kind
of work, so a sample in SQLite's or the runtime's code called from SaveChanges counts as SaveChanges. Async methods
resume inside the method that completed them, so inclusive times of async frames mislead; the nearest frame does not.
Samples with no known frame are shown by thread and library (SQLite's own frames cannot be unwound past; its samples
land under "sqlite")."""
import collections
import re
import sys

KINDS = [
    ("SimHash", r"SimHash::"),
    ("content hash, text digest", r"ContentHash::|TextDigest::"),
    ("extraction (AngleSharp, sanitizer)", r"NewsDesk\.Extraction\.|\[AngleSharp\]|HtmlSanitizer"),
    ("WARC capture", r"CaptureRecorder|WarcFileWriter|WarcRecord|HttpHead::"),
    ("EF SaveChanges", r"SaveChanges"),
    ("EF add / detach", r"InternalDbSet`1.*::Add|EntityGraphAttacher|set_State|StateManager::StartTracking"),
    ("EF queries", r"EntityFrameworkQueryableExtensions|QueryCompiler|ToListAsync|EntityFinder|SingleQueryingEnumerable"),
    ("near-duplicate window", r"RecentFingerprints"),
    ("watchlists", r"WatchlistMatcher"),
    ("feeds, sitemaps", r"Extraction\.Feeds|SitemapCrawl"),
    ("HTTP (client, Polly, fetcher)", r"System\.Net\.Http|Polly|Resilience|PoliteFetcher|System\.Net\.Sockets"),
    ("start-up (host, DI, migrations check)", r"Program::|Hosting|DatabaseInitializer|Migrat|ServiceProvider|Serilog"),
]
PATTERNS = [(name, re.compile(p)) for name, p in KINDS]


def kind(thread, frames):
    for frame in frames:
        for name, pattern in PATTERNS:
            if pattern.search(frame):
                return name
    leaf = frames[0].rsplit("(", 1)[-1].rstrip(")").rsplit("/", 1)[-1] if frames else "?"
    if "sqlite" in leaf:
        return "sqlite (statements, triggers, FTS)"
    if "clrjit" in leaf:
        return f"JIT ({thread})"
    return f"other: {thread}, {leaf}"


counts = collections.Counter()
for sample in sys.stdin.read().split("\n\n"):
    lines = sample.strip().split("\n")
    if len(lines) < 2:
        continue
    thread = re.sub(r"\s+\d+\s*$", "", lines[0]).strip()
    counts[kind(thread, [l.strip().split(" ", 1)[-1] for l in lines[1:]])] += 1
total = sum(counts.values())
print(f"{total} samples")
for name, n in counts.most_common(30):
    print(f"{n / total:6.1%}  {name}")
