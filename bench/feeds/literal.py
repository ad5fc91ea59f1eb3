#!/usr/bin/env python3
"""The issue's own measure over every file feedparser reads with at least one entry (with or without a link):
NewsDesk reads the same entries, that is the same entry count ("total") and the same http(s) links (as a
multiset, normalised as agree.py does). agree.py counts only the files where feedparser has a linked entry.

    python3 literal.py AGREE_PY expected.json RESULTS.jsonl [--list]
"""
import collections
import importlib.util
import json
import sys


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 3:
        sys.exit(__doc__)
    spec = importlib.util.spec_from_file_location("agree", args[0])
    agree = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(agree)  # the same normalisation of links as the linked-entries figure
    expected = json.load(open(args[1], encoding="utf-8"))["files"]
    got = {}
    for line in open(args[2], encoding="utf-8"):
        if line.strip():
            r = json.loads(line)
            got[r["path"]] = r
    files = same = 0
    for path, e in sorted(expected.items()):
        if not e["entries"]:
            continue
        files += 1
        r = got.get(path, {"error": "no result"})
        want = collections.Counter(agree.norm(i["link"]) for i in e["items"] if agree.web(i["link"]))
        if "error" in r:
            why = f"refused: {r['error']}"
        else:
            have = collections.Counter(agree.norm(u) for u in r.get("links", []) if agree.web(u))
            if r.get("total") == e["entries"] and have == want:
                same += 1
                continue
            why = f"{r.get('total')} entries, feedparser {e['entries']}; links missing {sorted(want - have)[:3]} extra {sorted(have - want)[:3]}"
        if "--list" in sys.argv:
            print(f"{path}: {why}", file=sys.stderr)
    print(f"same entries (count and links) on {same}/{files} files where feedparser finds entries ({same / max(files, 1):.1%})")


if __name__ == "__main__":
    main()
