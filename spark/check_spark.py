#!/usr/bin/env python3
"""The Spark job's check, for `make test` (CI): on the sample corpus, and on a generated one
of a few MB cut into several partitions, the figures of a `local[2]` Spark run and the
observations normalize makes of them are byte-identical to a single-process run's (both sorted
by document and span). Then a corpus with bad lines, under --on-error skip: the bad documents
are listed, the others give the same figures as before.

usage: check_spark.py --tally STATIC_BINARY --spark-submit PATH [--work DIR]
"""
import argparse, csv, filecmp, glob, json, os, shutil, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from tally_spark import document_key, sort_figure_lines  # noqa: E402


def sample_corpus(out):
    """The sample corpus (datasets/corpus) as JSON Lines."""
    manifest = os.path.join(ROOT, 'datasets/corpus/manifest.csv')
    with open(manifest, newline='', encoding='utf-8') as f, open(out, 'w', encoding='utf-8') as o:
        for row in csv.DictReader(f):
            with open(os.path.join(os.path.dirname(manifest), row['path']), encoding='utf-8') as t:
                text = t.read()
            o.write(json.dumps({'id': row['id'], 'published': row['published'], 'outlet': row['outlet'],
                                'url': row['url'], 'text': text}, ensure_ascii=False) + '\n')


def run(cmd, **kw):
    p = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if p.returncode != 0:
        sys.exit(f'check_spark: {" ".join(cmd)} failed ({p.returncode}):\n{p.stderr[-3000:]}')
    return p


def single_process(tally, corpus, work):
    """tally extract, figures sorted by document and span and documents by id, then tally
    normalize."""
    documents = os.path.join(work, 'single-documents.jsonl')
    lines = run([tally, 'extract', '--jsonl', corpus, '--quiet', '--documents', documents]).stdout.splitlines(keepends=True)
    figures = os.path.join(work, 'single-figures.jsonl')
    with open(figures, 'w', encoding='utf-8') as f:
        f.writelines(sort_figure_lines(lines))
    with open(documents, encoding='utf-8') as f:
        rows = sorted(f.readlines(), key=document_key)
    with open(documents, 'w', encoding='utf-8') as f:
        f.writelines(rows)
    run([tally, 'normalize', figures, '--documents', documents, '-o', os.path.join(work, 'single-dataset'), '--quiet'])
    return figures, documents


def concatenate(folder, out):
    with open(out, 'wb') as f:
        for part in sorted(glob.glob(os.path.join(folder, 'part-*'))):
            with open(part, 'rb') as p:
                shutil.copyfileobj(p, f)
    return out


def submit(spark_submit, tally, corpus, out, *options, cores=2, driver_memory='1g'):
    """Runs the job with spark-submit on `local[cores]` and returns the finished process.
    spark-submit finds PySpark through the Python on PATH: the one running this script."""
    shutil.rmtree(out, ignore_errors=True)
    env = dict(os.environ)
    env['PATH'] = os.path.dirname(os.path.abspath(spark_submit)) + os.pathsep + env.get('PATH', '')
    env['PYSPARK_PYTHON'] = env['PYSPARK_DRIVER_PYTHON'] = sys.executable
    return subprocess.run([spark_submit, '--master', f'local[{cores}]', '--conf', 'spark.ui.enabled=false',
                           '--driver-memory', driver_memory, os.path.join(HERE, 'tally_spark.py'),
                           '--tally', tally, *options, corpus, out], capture_output=True, text=True, env=env)


def spark_run(args, corpus, work, name, extra=()):
    out = os.path.join(work, name)
    p = submit(args.spark_submit, args.tally, corpus, out, *extra)
    if p.returncode != 0:
        sys.exit(f'check_spark: the Spark job failed ({p.returncode}):\n{p.stderr[-3000:]}')
    figures = concatenate(os.path.join(out, 'figures'), os.path.join(work, f'{name}-figures.jsonl'))
    documents = concatenate(os.path.join(out, 'documents'), os.path.join(work, f'{name}-documents.jsonl'))
    return out, figures, documents


def same(a, b, what):
    if not filecmp.cmp(a, b, shallow=False):
        sys.exit(f'check_spark: {what} differ: {a} and {b}')
    print(f'ok    {what} are byte-identical')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--tally', required=True)
    ap.add_argument('--spark-submit', required=True)
    ap.add_argument('--work', default='.spark-check')
    args = ap.parse_args()
    args.tally = os.path.abspath(args.tally)
    shutil.rmtree(args.work, ignore_errors=True)
    os.makedirs(args.work)
    corpora = {'sample corpus': os.path.join(args.work, 'sample.jsonl'),
               'generated corpus (4 MB, 6 partitions)': os.path.join(args.work, 'generated.jsonl')}
    sample_corpus(corpora['sample corpus'])
    run([sys.executable, os.path.join(ROOT, 'scripts/make_bench_corpus.py'),
         os.path.join(ROOT, 'datasets/corpus/manifest.csv'), corpora['generated corpus (4 MB, 6 partitions)'], '4'])
    for label, corpus in corpora.items():
        work = os.path.join(args.work, label.split()[0])
        os.makedirs(work)
        single, single_documents = single_process(args.tally, corpus, work)
        out, figures, documents = spark_run(args, corpus, work, 'spark', ['--partitions', '6', '--parquet'])
        with open(single, 'rb') as f:
            count = sum(1 for _ in f)
        if count == 0:
            sys.exit(f'check_spark: no figures from the {label}')
        same(single, figures, f'{label}: {count} figures, Spark and single process,')
        same(single_documents, documents, f'{label}: documents tables')
        run([args.tally, 'normalize', figures, '--documents', documents, '-o', os.path.join(work, 'spark-dataset'), '--quiet'])
        for table in ['observations.csv', 'observations.jsonl', 'figures.csv', 'figures.jsonl', 'documents.csv']:
            same(os.path.join(work, 'single-dataset', table), os.path.join(work, 'spark-dataset', table),
                 f'{label}: normalize {table},')
        if not glob.glob(os.path.join(out, 'figures.parquet', '*.parquet')):
            sys.exit('check_spark: no Parquet files written')
        # --order input (no sort): the figures of a single file read in order are extract's own
        # output, unsorted.
        _, figures, _ = spark_run(args, corpus, work, 'spark-input-order', ['--order', 'input'])
        unsorted = os.path.join(work, 'single-unsorted.jsonl')
        with open(unsorted, 'w', encoding='utf-8') as f:
            f.write(run([args.tally, 'extract', '--jsonl', corpus, '--quiet']).stdout)
        same(unsorted, figures, f'{label}: with --order input, the figures and extract\'s own output')

    # Bad documents: skipped, listed, and the rest as before.
    work = os.path.join(args.work, 'skip')
    os.makedirs(work)
    clean = corpora['sample corpus']
    with open(clean, encoding='utf-8') as f:
        lines = f.readlines()
    bad = os.path.join(work, 'with-bad-lines.jsonl')
    with open(bad, 'w', encoding='utf-8') as f:
        f.writelines(lines[:3] + ['{"id": "broken-1", "text": 7}\n'] + lines[3:] + ['not json at all\n'])
    out, figures, _ = spark_run(args, bad, work, 'spark', ['--partitions', '3', '--on-error', 'skip'])
    same(figures, os.path.join(args.work, 'sample', 'spark-figures.jsonl'),
         'with two bad lines skipped: the figures of the good documents')
    skipped = [json.loads(l) for part in sorted(glob.glob(os.path.join(out, 'skipped', 'part-*')))
               for l in open(part, encoding='utf-8') if l.strip()]
    ids = sorted(str(s['doc']) for s in skipped)
    if ids != ['None', 'broken-1'] or not all(s['error'] for s in skipped):
        sys.exit(f'check_spark: expected the two bad documents listed, got {skipped}')
    print('ok    the two bad documents are listed in skipped/ with their errors')
    # Without --on-error skip, the job fails.
    if submit(args.spark_submit, args.tally, bad, os.path.join(work, 'strict')).returncode == 0:
        sys.exit('check_spark: a bad document did not fail the job under --on-error fail')
    print('ok    under --on-error fail, a bad document fails the job')


if __name__ == '__main__':
    main()
