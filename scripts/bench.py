#!/usr/bin/env python3
"""Extraction benchmark for `make bench`.

Generates a corpus of at least 100 MB of article text from the sample corpus (repeated and
varied, see make_bench_corpus.py), then measures in one run, on the same files:

  - tally extract on one thread and on all cores: MB/s of article text, figures/s, peak memory;
  - tally extract on a quarter of the corpus, to show that memory does not grow with the
    number of documents;
  - what a user would otherwise run: grep for numbers, a Python script with regular
    expressions, and quantulum3 (on a 2 MB slice: it is far slower), as ratios to tally.

Peak memory is each process's maximum resident set size (wait4). Writes a Markdown table to
WORK/results.md and prints it.
"""
import argparse, json, os, re, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def run(cmd, stdin=None, stdout=subprocess.DEVNULL):
    """Runs a command; returns (wall seconds, CPU seconds, peak RSS in MB)."""
    start = time.perf_counter()
    p = subprocess.Popen(cmd, stdin=stdin, stdout=stdout, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(p.pid, 0)
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f'bench: {" ".join(cmd)} failed with status {code}')
    # The kernel's share of the CPU time, for reports that separate it (run.kernel_seconds).
    run.kernel_seconds = usage.ru_stime
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def publish(lines, work, mode):
    """Writes (mode 'w') or appends (mode 'a') a report to WORK/results.md and prints it."""
    report = '\n'.join(lines) + '\n'
    with open(os.path.join(work, 'results.md'), mode) as f:
        f.write(report)
    print(report)


def text_bytes(path):
    total = docs = 0
    with open(path, encoding='utf-8') as f:
        for line in f:
            total += len(json.loads(line)['text'].encode('utf-8'))
            docs += 1
    return total, docs


def generated_corpus(work, megabytes):
    """WORK/corpus-N.jsonl, the sample corpus repeated and varied to N MB of text
    (make_bench_corpus.py; written once, the same bytes every time)."""
    corpus = os.path.join(work, f'corpus-{int(megabytes)}.jsonl')
    if not os.path.exists(corpus):
        subprocess.run([sys.executable, os.path.join(HERE, 'make_bench_corpus.py'),
                        os.path.join(ROOT, 'datasets/corpus/manifest.csv'), corpus, str(megabytes)], check=True)
    return corpus


def head(path, out, megabytes):
    """The first documents of a corpus up to `megabytes` of text."""
    limit = megabytes * 1024 * 1024
    seen = 0
    with open(path, encoding='utf-8') as f, open(out, 'w', encoding='utf-8') as o:
        for line in f:
            if seen >= limit:
                break
            o.write(line)
            seen += len(json.loads(line)['text'].encode('utf-8'))


PYTHON_BASELINE = r'''
import json, re, sys
# What a researcher might write: numbers with a qualifier in front, per document.
pattern = re.compile(r"(?:(?:at least|more than|over|about|around|nearly|as many as|up to)\s+)?\b\d[\d,]*(?:\.\d+)?\b", re.I)
out = sys.stdout
for line in sys.stdin:
    d = json.loads(line)
    for m in pattern.finditer(d["text"]):
        out.write(json.dumps({"doc": d["id"], "start": m.start(), "end": m.end(), "text": m.group(0)}) + "\n")
'''

QUANTULUM = r'''
import json, sys, warnings
warnings.simplefilter("ignore")
from quantulum3 import parser
out = sys.stdout
for line in sys.stdin:
    d = json.loads(line)
    for q in parser.parse(d["text"]):
        out.write(json.dumps({"doc": d["id"], "text": q.surface, "value": q.value}) + "\n")
'''


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--tally', required=True)
    ap.add_argument('--corpus-mb', type=float, default=100)
    ap.add_argument('--work', default='.bench')
    a = ap.parse_args()
    os.makedirs(a.work, exist_ok=True)
    corpus = generated_corpus(a.work, a.corpus_mb)
    size, docs = text_bytes(corpus)
    mb = size / 1e6
    quarter = os.path.join(a.work, 'corpus-quarter.jsonl')
    if not os.path.exists(quarter):
        head(corpus, quarter, a.corpus_mb / 4)
    quarter_mb = text_bytes(quarter)[0] / 1e6
    cores = os.cpu_count() or 1
    rows = []

    def best_of(times, cmd, stdin_path=None, out_path=os.devnull):
        """The fastest of `times` runs by wall clock and by CPU time (the machine is shared:
        the minimum is the least disturbed), and the largest peak memory seen."""
        best, best_cpu, peak = float('inf'), float('inf'), 0.0
        for _ in range(times):
            with open(out_path, 'wb') as o, open(stdin_path or os.devnull, 'rb') as i:
                secs, cpu, rss = run(cmd, stdin=i, stdout=o)
            best, best_cpu, peak = min(best, secs), min(best_cpu, cpu), max(peak, rss)
        return best, best_cpu, peak

    def tally_run(label, path, jobs, text_mb):
        out = os.path.join(a.work, 'figures.jsonl')
        secs, cpu, rss = best_of(3, [a.tally, 'extract', '--jsonl', path, '--jobs', str(jobs), '--quiet'],
                                 out_path=out)
        with open(out, 'rb') as f:
            figures = sum(1 for _ in f)
        rows.append((label, text_mb, secs, cpu, figures, rss))
        return secs, figures, rss

    one_secs, figures, one_rss = tally_run('tally extract, 1 thread', corpus, 1, mb)
    tally_run(f'tally extract, {cores} threads', corpus, cores, mb)
    _, _, quarter_rss = tally_run('tally extract, 1 thread, first quarter', quarter, 1, quarter_mb)

    # The reference articles (../shared, not in the repository) repeated to the same size:
    # real news text, where figures are sparser than in the short sample reports.
    seeds = os.path.join(ROOT, '..', 'shared', 'corpus', 'seeds', 'docs.jsonl')
    seeds_note = 'The reference articles are not beside this checkout (../shared), so they were not measured.'
    if os.path.exists(seeds):
        seeds_corpus = os.path.join(a.work, f'reference-{int(a.corpus_mb)}.jsonl')
        if not os.path.exists(seeds_corpus):
            docs_in = [json.loads(line) for line in open(seeds, encoding='utf-8')]
            written, n = 0, 0
            with open(seeds_corpus + '.tmp', 'w', encoding='utf-8') as o:
                while written < a.corpus_mb * 1024 * 1024:
                    d = docs_in[n % len(docs_in)]
                    o.write(json.dumps({'id': f"{d['id']}-{n}", 'published': d['published'], 'text': d['text']}) + '\n')
                    written += len(d['text'].encode('utf-8'))
                    n += 1
            os.replace(seeds_corpus + '.tmp', seeds_corpus)
        seeds_mb = text_bytes(seeds_corpus)[0] / 1e6
        _, seed_figures, _ = tally_run('tally extract, 1 thread, reference articles repeated', seeds_corpus, 1, seeds_mb)
        tally_run(f'tally extract, {cores} threads, reference articles repeated', seeds_corpus, cores, seeds_mb)
        seeds_note = (f'Reference articles repeated: {seeds_mb:.1f} MB of text, {seed_figures} figures, '
                      f'one per {seeds_mb * 1e6 / max(1, seed_figures):.0f} bytes.')

    # grep: finds digit runs only (no words, no qualifiers, no coding). Its output goes to a
    # file: GNU grep stops at the first match when it writes to /dev/null.
    scratch = os.path.join(a.work, 'baseline.out')
    secs, cpu, rss = best_of(3, ['grep', '-oE', '[0-9][0-9,.]*'], stdin_path=corpus, out_path=scratch)
    rows.append(('grep -oE (digits only, no coding)', mb, secs, cpu, None, rss))
    # A Python regular-expression script: digits and a few qualifiers, uncoded.
    secs, cpu, rss = best_of(1, [sys.executable, '-c', PYTHON_BASELINE], stdin_path=corpus, out_path=scratch)
    rows.append(('Python re script (digits + qualifiers, no coding)', mb, secs, cpu, None, rss))
    # quantulum3, on a 0.5 MB slice, if installed (make bench installs it into .venv).
    venv_python = os.path.join(ROOT, '.venv', 'bin', 'python')
    slice_path = os.path.join(a.work, 'corpus-slice.jsonl')
    head(corpus, slice_path, 0.5)
    slice_mb = text_bytes(slice_path)[0] / 1e6
    note = ''
    if os.path.exists(venv_python) and subprocess.run([venv_python, '-c', 'import quantulum3'],
                                                      capture_output=True).returncode == 0:
        secs, cpu, rss = best_of(1, [venv_python, '-c', QUANTULUM], stdin_path=slice_path, out_path=scratch)
        rows.append(('quantulum3 0.10 (0.5 MB slice, no coding)', slice_mb, secs, cpu, None, rss))
    else:
        note = 'quantulum3 is not installed in .venv, so it was not measured.'

    lines = [
        f'Corpus: {docs} documents, {mb:.1f} MB of article text ({corpus}); '
        f'{figures} figures, one per {size / max(1, figures):.0f} bytes. Machine: {cores} cores. '
        'Times are the best of three runs for tally and grep, one run for the Python tools; '
        'CPU s is user plus system time, which time the shared machine gives other tenants does '
        'not inflate: MB per CPU s is the throughput of one core.',
        '',
        '| run | MB of text | wall s | MB/s (wall) | CPU s | MB per CPU s | figures/s (wall) | peak RSS (MB) | speed vs tally 1 thread (wall) |',
        '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ]
    base = mb / one_secs
    for label, text_mb, secs, cpu, n, rss in rows:
        rate = text_mb / secs
        per_second = f'{n / secs:,.0f}' if n else '-'
        lines.append(f'| {label} | {text_mb:.1f} | {secs:.2f} | {rate:.3g} | {cpu:.2f} | {text_mb / cpu:.3g} | '
                     f'{per_second} | {rss:.0f} | {rate / base:.3g}x |')
    lines += ['', f'Memory: {one_rss:.0f} MB peak on the whole corpus against {quarter_rss:.0f} MB on its '
                  f'first quarter (ratio {one_rss / quarter_rss:.2f}): memory does not grow with the number '
                  'of documents.']
    lines.append(seeds_note)
    if note:
        lines.append(note)
    publish(lines, a.work, 'w')


if __name__ == '__main__':
    main()
