#!/usr/bin/env python3
"""Times the search page's FTS5 query run directly in SQLite (no app): the baseline for the search target.

Usage: fts_direct.py DB QUERY [--runs 300]   prints {"p50": ms, "p95": ms} as JSON.
"""
import argparse, json, sqlite3, statistics, time

SQL = """SELECT a.Id, a.Title, m.Rank FROM (
  SELECT rowid AS ArticleId, bm25(ArticleSearch, 10.0, 3.0, 3.0, 1.0) AS Rank FROM ArticleSearch WHERE ArticleSearch MATCH ?
) m JOIN Articles a ON a.Id = m.ArticleId ORDER BY m.Rank, a.Id LIMIT 21"""
SNIPPETS = "SELECT rowid, snippet(ArticleSearch, -1, char(2), char(3), '…', 24) FROM ArticleSearch WHERE ArticleSearch MATCH ? AND rowid IN (SELECT value FROM json_each(?))"

ap = argparse.ArgumentParser()
ap.add_argument("db")
ap.add_argument("query")
ap.add_argument("--runs", type=int, default=300)
a = ap.parse_args()
con = sqlite3.connect(f"file:{a.db}?mode=ro", uri=True)
times = []
for i in range(a.runs + 20):
    t = time.perf_counter()
    ids = [r[0] for r in con.execute(SQL, (a.query,)).fetchall()]
    con.execute(SNIPPETS, (a.query, json.dumps(ids[:20]))).fetchall()
    if i >= 20:
        times.append((time.perf_counter() - t) * 1000)
times.sort()
print(json.dumps({"p50": round(statistics.median(times), 2), "p95": round(times[int(len(times) * 0.95) - 1], 2)}))
