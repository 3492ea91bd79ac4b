#!/usr/bin/env python3
"""Large-input check for `make large`: extract and normalize over a generated corpus of
LARGE_MB (2 GB by default) and over its first eighth, and report each run's peak memory, so
that one can see memory stay flat as the corpus grows eightfold.

The corpus comes from make_bench_corpus.py (the sample corpus repeated and varied, fixed
seed). The figures extract writes are normalized as a file, as a make rule would. Peak memory
is each process's maximum resident set size (wait4). Writes WORK/large.md and prints it.

usage: large_run.py --tally BIN [--megabytes 2048] [--work .bench]
"""
import argparse, os, shutil, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from bench import generated_corpus, head, run  # noqa: E402  (run: wall s, CPU s, peak RSS MB of one command)


def lines(path):
    with open(path, 'rb') as f:
        return sum(1 for _ in f)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--tally', required=True)
    ap.add_argument('--megabytes', type=int, default=2048)
    ap.add_argument('--work', default='.bench')
    a = ap.parse_args()
    os.makedirs(a.work, exist_ok=True)
    corpus = generated_corpus(a.work, a.megabytes)
    eighth = os.path.join(a.work, f'corpus-{a.megabytes}-eighth.jsonl')
    if not os.path.exists(eighth):
        head(corpus, eighth, a.megabytes / 8)

    rows = []
    for label, path in [('first eighth', eighth), ('whole corpus', corpus)]:
        size = os.path.getsize(path) / 1e6
        documents = lines(path)
        figures = os.path.join(a.work, 'large-figures.jsonl')
        with open(figures, 'wb') as out:
            secs, cpu, rss = run([a.tally, 'extract', '--jsonl', path, '--jobs', '1', '--quiet'], stdout=out)
        count = lines(figures)
        rows.append((f'tally extract, {label}', size, documents, count, secs, rss))
        dataset = os.path.join(a.work, 'large-dataset')
        shutil.rmtree(dataset, ignore_errors=True)
        secs, cpu, rss = run([a.tally, 'normalize', figures, '-o', dataset, '--quiet'])
        rows.append((f'tally normalize, {label}', os.path.getsize(figures) / 1e6, documents, count, secs, rss))
        os.remove(figures)
        shutil.rmtree(dataset, ignore_errors=True)

    out = [f'## Large inputs ({a.megabytes} MB corpus)', '',
           'Generated corpus (scripts/make_bench_corpus.py), one thread; extract writes figures to a file, '
           'normalize reads it and writes the whole dataset.', '',
           '| run | MB in | documents | figures | wall s | peak RSS (MB) |', '|---|---:|---:|---:|---:|---:|']
    for label, size, documents, count, secs, rss in rows:
        out.append(f'| {label} | {size:,.0f} | {documents:,} | {count:,} | {secs:.1f} | {rss:.0f} |')
    ext = [r[5] for r in rows if 'extract' in r[0]]
    nor = [r[5] for r in rows if 'normalize' in r[0]]
    out += ['', f'Peak memory, whole corpus against its first eighth: extract {ext[1]:.0f} MB vs {ext[0]:.0f} MB '
            f'(x{ext[1] / ext[0]:.2f}), normalize {nor[1]:.0f} MB vs {nor[0]:.0f} MB (x{nor[1] / nor[0]:.2f}).']
    report = '\n'.join(out) + '\n'
    with open(os.path.join(a.work, 'large.md'), 'w') as f:
        f.write(report)
    print(report)


if __name__ == '__main__':
    main()
