#!/usr/bin/env python3
"""Bundle benchmark for `make bench`: tally bundle of a dataset normalized from 1M generated
figures (about 800 MB of tables) beside `tar -czf` of the same files, in the same run. tally
also hashes every file twice (SHA-256 and SHA-512) and writes the metadata files.
Appends a Markdown section to WORK/results.md and prints it."""
import argparse, json, os, shutil, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from bench import publish, run  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--tally', required=True)
    ap.add_argument('--work', default='.bench')
    a = ap.parse_args()
    figures = os.path.join(a.work, 'figures-1000000.jsonl')
    documents = os.path.join(a.work, 'documents-1000000.jsonl')
    if not os.path.exists(figures):
        subprocess.run([sys.executable, os.path.join(HERE, 'make_bench_figures.py'), '1000000', figures,
                        '--documents', documents], check=True)
    dataset = os.path.join(a.work, 'bundle-dataset')
    if not os.path.exists(os.path.join(dataset, 'metadata.json')):
        shutil.rmtree(dataset, ignore_errors=True)
        subprocess.run([a.tally, 'normalize', figures, '--documents', documents, '-o', dataset, '--quiet'], check=True)
        with open(os.path.join(dataset, 'metadata.json'), 'w') as f:
            json.dump({'title': 'Benchmark dataset', 'authors': ['tally bench'], 'license': 'CC0-1.0'}, f)
    size = sum(os.path.getsize(os.path.join(dataset, n)) for n in os.listdir(dataset)) / 1e6
    out = os.path.join(a.work, 'bundle-out')
    os.makedirs(out, exist_ok=True)

    def best(command):
        results = []
        for _ in range(3):
            for n in os.listdir(out):
                os.remove(os.path.join(out, n))
            results.append(run(command))
        return min(results, key=lambda r: r[0])

    os.environ['SOURCE_DATE_EPOCH'] = '1767225600'
    tally = best([a.tally, 'bundle', dataset, '--version', '1.0.0', '-o', out, '--quiet'])
    tar = best(['tar', '-czf', os.path.join(out, 'plain.tar.gz'), '-C', a.work, 'bundle-dataset'])
    lines = ['', '## Bundle', '',
             f'A dataset normalized from 1M generated figures ({size:.0f} MB of tables and schemas). Best of three runs each.', '',
             '| run | wall s | MB/s (wall) | CPU s | peak RSS (MB) | time vs tar -czf |', '|---|---:|---:|---:|---:|---:|']
    for label, (secs, cpu, rss) in [('tally bundle (tar.gz, BagIt, SHA-256 and SHA-512, metadata)', tally),
                                    ('tar -czf (the same files)', tar)]:
        lines.append(f'| {label} | {secs:.2f} | {size / secs:.0f} | {cpu:.2f} | {rss:.0f} | {secs / tar[0]:.2f}x |')
    publish(lines, a.work, 'a')


if __name__ == '__main__':
    main()
