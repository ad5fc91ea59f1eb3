#!/usr/bin/env python3
"""Split a folder of pages + ground truth into a tuning part and an untouched (held-out) part.

Rule (fixed before any tuning, issue 14): a page belongs to the *tuning* part when the first byte of
SHA-256 of its file name without extension (UTF-8) is even, otherwise to the *untouched* part.

    split.py PAGES_DIR TRUTH_DIR OUT_DIR

creates OUT_DIR/{tuning,untouched}/{html,ground-truth}/ holding symbolic links to the originals, so that
run.sh and score.py can take either part like any other folder.
"""
import hashlib
import sys
from pathlib import Path


def part_of(stem: str) -> str:
    return 'tuning' if hashlib.sha256(stem.encode('utf-8')).digest()[0] % 2 == 0 else 'untouched'


def main():
    pages, truth, out = (Path(a) for a in sys.argv[1:4])
    counts = {'tuning': 0, 'untouched': 0}
    for page in sorted(pages.glob('*.html')):
        part = part_of(page.stem)
        for kind, src in (('html', page), ('ground-truth', truth / f'{page.stem}.json')):
            if not src.exists():
                continue
            dest = out / part / kind / src.name
            dest.parent.mkdir(parents=True, exist_ok=True)
            if dest.is_symlink() or dest.exists():
                dest.unlink()
            dest.symlink_to(src.resolve())
        counts[part] += 1
    print(f"{pages}: tuning {counts['tuning']}, untouched {counts['untouched']}")


if __name__ == '__main__':
    main()
