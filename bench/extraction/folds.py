#!/usr/bin/env python3
"""k-fold figures for the extractor over both development sets (issue 14).

Fold rule (fixed, stated in bench/README.md): a page is in fold  int.from_bytes(SHA-256(stem)[:4], 'big') % K
(stem = file name without .html, UTF-8), over the pages of every set together; K = 5 unless --k says otherwise.

    folds.py SCORE_PY SET=TRUTH_DIR:PRED_DIR [SET=TRUTH_DIR:PRED_DIR ...] [--k 5] [--base SET=PRED_DIR ...]
             [--per-page CSV] [--json OUT] [--held-out F]

prints F1 P R for each set, each fold (all sets' pages of that fold together), the mean of the fold F1s, the
spread (max - min) and the standard deviation; with --base (an earlier run's predictions for the same sets) also
each fold's change, which is how a rule change is judged: by its effect on every fold, not on the total. With
--held-out F (the fold a session did not tune on) also the mean of the other folds, fold F and the gap.
Scoring is score.py's own (imported), so the figures are the benchmark's metric.
"""
import argparse
import hashlib
import importlib.util
import json
import statistics
import sys
from pathlib import Path


def fold_of(stem: str, k: int) -> int:
    return int.from_bytes(hashlib.sha256(stem.encode('utf-8')).digest()[:4], 'big') % k


def load_scorer(path):
    spec = importlib.util.spec_from_file_location('score', path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def page_rows(score, truth_dir, pred_dir):
    gt = score.load_items(truth_dir)
    pred = score.load_items(pred_dir) if Path(pred_dir).exists() else {}
    rows = {}
    for stem, item in gt.items():
        true = item.get('articleBody', '') or ''
        p = (pred.get(stem) or {}).get('articleBody', '') or ''
        rows[stem] = score.shingle_matching(true, p if isinstance(p, str) else str(p))
    return rows


def parse_sets(specs, with_truth=True):
    sets = {}
    for spec in specs:
        name, _, dirs = spec.partition('=')
        if with_truth:
            truth, _, pred = dirs.partition(':')
            sets[name] = (truth, pred)
        else:
            sets[name] = dirs
    return sets


def figures(score, rows_by_set, k):
    out = {'sets': {}, 'folds': []}
    for name, rows in rows_by_set.items():
        out['sets'][name] = score.metrics_from_tp_fp_fns(list(rows.values()))
        out['sets'][name]['n'] = len(rows)
    for f in range(k):
        rows = [r for rs in rows_by_set.values() for stem, r in rs.items() if fold_of(stem, k) == f]
        m = score.metrics_from_tp_fp_fns(rows)
        m['n'] = len(rows)
        m['by_set'] = {}
        for name, rs in rows_by_set.items():
            sub = [r for stem, r in rs.items() if fold_of(stem, k) == f]
            m['by_set'][name] = score.metrics_from_tp_fp_fns(sub)['f1'] if sub else None
        out['folds'].append(m)
    f1s = [m['f1'] for m in out['folds']]
    out['mean'] = statistics.mean(f1s)
    out['spread'] = max(f1s) - min(f1s)
    out['std'] = statistics.stdev(f1s) if len(f1s) > 1 else 0.0
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('score_py')
    ap.add_argument('sets', nargs='+', help='NAME=TRUTH_DIR:PRED_DIR')
    ap.add_argument('--k', type=int, default=5)
    ap.add_argument('--base', nargs='*', default=[], help='NAME=PRED_DIR of an earlier run, to show each fold\'s change')
    ap.add_argument('--per-page', type=Path, help='write set,id,fold,P,R (and base P,R) as CSV here')
    ap.add_argument('--json', type=Path)
    ap.add_argument('--held-out', type=int, help='the fold not tuned on: also print the mean of the other folds and the gap')
    args = ap.parse_args()

    score = load_scorer(args.score_py)
    sets = parse_sets(args.sets)
    rows = {name: page_rows(score, truth, pred) for name, (truth, pred) in sets.items()}
    now = figures(score, rows, args.k)
    base_sets = parse_sets(args.base, with_truth=False)
    base = None
    base_rows = None
    if base_sets:
        base_rows = {name: page_rows(score, sets[name][0], base_sets.get(name, '')) for name in sets}
        base = figures(score, base_rows, args.k)

    def delta(a, b):
        return f'  ({a - b:+.4f})' if b is not None else ''

    for name, m in now['sets'].items():
        b = base['sets'][name]['f1'] if base else None
        print(f"{name:14s} F1 {m['f1']:.4f}  P {m['precision']:.4f}  R {m['recall']:.4f}  N {m['n']}{delta(m['f1'], b)}")
    for f, m in enumerate(now['folds']):
        b = base['folds'][f]['f1'] if base else None
        parts = '  '.join(f"{n} {v:.4f}" for n, v in m['by_set'].items() if v is not None)
        print(f"fold {f}         F1 {m['f1']:.4f}  P {m['precision']:.4f}  R {m['recall']:.4f}  N {m['n']}{delta(m['f1'], b)}   [{parts}]")
    print(f"folds          mean {now['mean']:.4f}  spread (max-min) {now['spread']:.4f}  std {now['std']:.4f}"
          + (f"   (mean {now['mean'] - base['mean']:+.4f})" if base else ''))
    if args.held_out is not None:
        tuning = [m['f1'] for f, m in enumerate(now['folds']) if f != args.held_out]
        held = now['folds'][args.held_out]['f1']
        print(f"tuning folds   mean {statistics.mean(tuning):.4f}  held-out fold {args.held_out} {held:.4f}"
              f"  gap (tuning - held-out) {statistics.mean(tuning) - held:+.4f}")
    if args.per_page:
        with args.per_page.open('w') as out:
            out.write('set,id,fold,precision,recall' + (',base_precision,base_recall' if base else '') + '\n')
            for name, rs in rows.items():
                for stem, r in sorted(rs.items()):
                    line = f"{name},{stem},{fold_of(stem, args.k)},{score.precision_score(*r):.4f},{score.recall_score(*r):.4f}"
                    if base:
                        br = base_rows[name][stem]
                        line += f",{score.precision_score(*br):.4f},{score.recall_score(*br):.4f}"
                    out.write(line + '\n')
    if args.json:
        args.json.write_text(json.dumps({'now': now, 'base': base}, indent=2))


if __name__ == '__main__':
    main()
