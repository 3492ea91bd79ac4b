#!/usr/bin/env python3
"""Spark benchmark for `make bench`: the Spark job (spark/tally_spark.py, local[CORES]) beside
tally extract in one process, on the same generated corpus of at least 1 GB, in one run.

Measures:
  - tally extract in one process, one thread and all cores;
  - the Spark job on the corpus (extraction, sort by document and span, JSON Lines parts);
  - the Spark job on the 12-document sample corpus: its fixed overhead (JVM and Python start,
    scheduling, writing), which a bigger cluster does not shrink.

From these: the job's per-core rate, rate = MB / ((wall - overhead) * cores), and the time
estimate for N executors of C cores, overhead + MB / (N * C * rate), for 10 and 100
executors. Appends a Markdown section to WORK/results.md and prints it.
"""
import argparse, glob, os, shutil, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(ROOT, 'spark'))
from bench import generated_corpus, publish, run, text_bytes  # noqa: E402
from check_spark import sample_corpus, submit  # noqa: E402


def spark_job(spark_submit, tally, corpus, out, cores, extra=()):
    """Wall seconds of one spark-submit run of the job, and the figures it wrote."""
    start = time.perf_counter()
    p = submit(spark_submit, tally, corpus, out, *extra, cores=cores, driver_memory='2g')
    seconds = time.perf_counter() - start
    if p.returncode != 0:
        sys.exit(f'bench_spark: the Spark job failed:\n{p.stderr[-3000:]}')
    figures = 0
    for part in glob.glob(os.path.join(out, 'figures', 'part-*')):
        with open(part, 'rb') as f:
            figures += sum(1 for _ in f)
    return seconds, figures


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--tally', required=True, help='the statically linked binary (make static)')
    ap.add_argument('--spark-submit', required=True)
    ap.add_argument('--work', default='.bench')
    ap.add_argument('--corpus-mb', type=float, default=1024)
    a = ap.parse_args()
    a.tally = os.path.abspath(a.tally)
    os.makedirs(a.work, exist_ok=True)
    corpus = generated_corpus(a.work, a.corpus_mb)
    size, docs = text_bytes(corpus)
    mb = size / 1e6
    cores = os.cpu_count() or 1
    rows = []
    for jobs in sorted({1, cores}):
        out = os.path.join(a.work, 'spark-single.jsonl')
        with open(out, 'wb') as o:
            secs, cpu, rss = run([a.tally, 'extract', '--jsonl', corpus, '--jobs', str(jobs), '--quiet'], stdout=o)
        with open(out, 'rb') as f:
            figures = sum(1 for _ in f)
        os.remove(out)
        rows.append((f'tally extract, one process, {jobs} thread{"s" if jobs > 1 else ""}', mb, secs, figures))
    sample = os.path.join(a.work, 'spark-sample.jsonl')
    sample_corpus(sample)
    overhead, _ = spark_job(a.spark_submit, a.tally, sample, os.path.join(a.work, 'spark-out'), cores)
    rows.append((f'Spark job, local[{cores}], 12-document sample (fixed overhead)', text_bytes(sample)[0] / 1e6, overhead, None))
    timings = {}
    for order, what in [('input', 'extract, write in partition order'), ('document', 'extract, sort by document and span, write')]:
        secs, figures = spark_job(a.spark_submit, a.tally, corpus, os.path.join(a.work, 'spark-out'), cores,
                                  ['--order', order])
        timings[order] = secs
        rows.append((f'Spark job, local[{cores}], --order {order} ({what})', mb, secs, figures))
    shutil.rmtree(os.path.join(a.work, 'spark-out'), ignore_errors=True)
    single = rows[0][2]
    rate = {order: mb / ((secs - overhead) * cores) for order, secs in timings.items()}
    out = [f'## Spark ({mb:,.0f} MB corpus, {docs:,} documents)', '',
           f'Generated corpus (scripts/make_bench_corpus.py); the Spark job runs spark/tally_spark.py with '
           f'PySpark 4.3 on this machine ({cores} cores), one run each.', '',
           '| run | MB of text | wall s | MB/s | figures | speed vs one process, one thread |',
           '|---|---:|---:|---:|---:|---:|']
    for label, size_mb, s, n in rows:
        if n is None:
            out.append(f'| {label} | {size_mb:,.2f} | {s:.1f} | - | - | - |')
        else:
            out.append(f'| {label} | {size_mb:,.1f} | {s:.1f} | {size_mb / s:.1f} | {n:,} | {single / s:.2f}x |')
    out += ['', 'Per-core rate of the job, MB / ((wall - fixed overhead) x cores): '
            + '; '.join(f'--order {o}: {r:.1f} MB/s per core' for o, r in rate.items())
            + f' (tally alone, one thread: {mb / single:.1f} MB/s).', '',
            'Estimated wall time, overhead + MB / (executors x cores x per-core rate), for executors of 4 cores:', '',
            '| corpus | order | 10 executors (40 cores) | 100 executors (400 cores) |', '|---|---|---:|---:|']
    for corpus_gb in [10, 100, 1000]:
        for order in ['document', 'input']:
            t10 = overhead + corpus_gb * 1000 / (40 * rate[order])
            t100 = overhead + corpus_gb * 1000 / (400 * rate[order])
            out.append(f'| {corpus_gb:,} GB of text | {order} | {t10 / 60:,.1f} min | {t100 / 60:,.1f} min |')
    publish(out, a.work, 'a')


if __name__ == '__main__':
    main()
