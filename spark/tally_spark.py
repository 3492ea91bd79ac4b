#!/usr/bin/env python3
"""Runs `tally extract` over a corpus on Apache Spark (PySpark 4), for corpora that outgrow
one machine.

The corpus is JSON Lines documents (id, text, published, outlet, url) at any path Spark reads
(a local folder, hdfs://, s3a://; a folder of part files or a glob). The tally binary, built
with the Swift runtime linked in (`make static`), is shipped to the executors with
`SparkContext.addFile`; every partition of documents is piped through `tally extract --jsonl -`
with `RDD.pipe`. The figures are sorted by document and span (document id, then start, then
end), so the result does not depend on how the corpus was partitioned, and written as JSON
Lines part files whose concatenation in name order is the sorted whole:

    OUTPUT/figures/part-00000 ...   the figures, JSON Lines, sorted
    OUTPUT/skipped/part-00000 ...   with --on-error skip: the documents left out, JSON Lines
                                    (doc, file, line, error), never dropped silently
    OUTPUT/figures.parquet/         with --parquet: the same figures for Spark SQL or DuckDB

Then, on one machine:  cat OUTPUT/figures/part-* | tally normalize - -o dataset/

usage:
  spark-submit --master local[2] spark/tally_spark.py --tally .build-static/release/tally \\
      corpus.jsonl out/
  spark-submit --master yarn --files tally spark/tally_spark.py --tally tally \\
      --binary ./tally hdfs:///corpora/gaza/*.jsonl hdfs:///tally/run-1/

See docs/spark.md for cluster settings and the scaling measurements.
"""
import argparse
import json
import os
import sys

# The figures table's columns and types (Sources/TallyKit/Normalization/Tables.swift), for the
# Parquet copy: the schema is given, not inferred, so every run writes the same types.
FIGURE_SCHEMA = (
    'id STRING, doc STRING, start BIGINT, `end` BIGINT, text STRING, value DOUBLE, low DOUBLE, '
    'high DOUBLE, qualifier STRING, unit STRING, indicator STRING, `group` STRING, modality STRING, '
    'date STRING, period_start STRING, attribution STRING, sentence STRING, per STRING, '
    'warnings ARRAY<STRING>'
)

SKIPPED_PREFIX = '#skipped '


def figure_key(line):
    """The sort key of a figure line as tally writes it: (document id, start, end). Reads only
    the head of the line: `{"id":"<digest>-<start>-<end>","doc":"<id>",...`."""
    if not line.startswith('{"id":"'):
        raise ValueError(f'not a figure line as tally writes one: {line[:80]!r}')
    close = line.index('"', 7)
    _, start, end = line[7:close].rsplit('-', 2)
    if not line.startswith(',"doc":', close + 1):
        raise ValueError(f'a figure line without "doc" second: {line[:80]!r}')
    doc, _ = json.JSONDecoder().raw_decode(line, close + 8)
    return (doc, int(start), int(end))


def sort_figure_lines(lines):
    """Sorts figure lines by document and span, as the Spark job does (for the single-process
    run it is compared with)."""
    return sorted(lines, key=figure_key)


def extract_command(binary, on_error, jobs):
    """The command each partition is piped through. With --on-error skip, tally lists the bad
    documents in a temporary file, which is then appended to the output with a prefix no
    figure line can have, so one pipe carries both."""
    base = f'"$0" extract --jsonl - --quiet --jobs {jobs}'
    if on_error == 'fail':
        return f"/bin/sh -c 'exec {base}' {binary}"
    script = (
        f'f=$(mktemp) || exit 1; {base} --on-error skip --skipped "$f" '
        f'&& sed "s/^/{SKIPPED_PREFIX}/" "$f"; rc=$?; rm -f "$f"; exit $rc'
    )
    return f"/bin/sh -c '{script}' {binary}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('input', help='JSON Lines documents: a file, folder or glob Spark reads')
    ap.add_argument('output', help='a new folder for figures/, skipped/ and figures.parquet/')
    ap.add_argument('--tally', required=True, help='the tally binary to ship (make static builds it)')
    ap.add_argument('--binary', help='the binary\'s path as the executors see it (default: where '
                    'addFile puts it in local mode, ./NAME on a cluster, as --files leaves it)')
    ap.add_argument('--partitions', type=int, help='documents are read into this many partitions')
    ap.add_argument('--jobs', type=int, default=1, help='threads of each tally process (default 1: '
                    'one task per core is Spark\'s own parallelism)')
    ap.add_argument('--on-error', choices=['fail', 'skip'], default='fail',
                    help='a bad document fails the job (default), or is skipped and listed')
    ap.add_argument('--parquet', action='store_true', help='also write the figures as Parquet')
    a = ap.parse_args()

    from pyspark import SparkFiles, StorageLevel
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName('tally extract').getOrCreate()
    sc = spark.sparkContext
    sc.addFile(a.tally)
    name = os.path.basename(a.tally)
    binary = a.binary or (SparkFiles.get(name) if sc.master.startswith('local') else f'./{name}')

    documents = sc.textFile(a.input, minPartitions=a.partitions or sc.defaultParallelism)
    documents = documents.filter(lambda line: line.strip() != '')
    # The child gets this environment only (RDD.pipe starts it with no other).
    env = {'PATH': '/usr/bin:/bin', 'LC_ALL': 'C.UTF-8'}
    out = documents.pipe(extract_command(binary, a.on_error, a.jobs), env=env, checkCode=True)
    # Read twice (figures and skipped): kept, so that extraction runs once.
    out.persist(StorageLevel.MEMORY_AND_DISK)

    figures = out.filter(lambda line: not line.startswith(SKIPPED_PREFIX))
    figures = figures.sortBy(figure_key, numPartitions=max(1, figures.getNumPartitions()))
    figures.saveAsTextFile(os.path.join(a.output, 'figures'))

    skipped = out.filter(lambda line: line.startswith(SKIPPED_PREFIX)).map(lambda l: l[len(SKIPPED_PREFIX):])
    count = skipped.count()
    if a.on_error == 'skip':
        skipped.coalesce(1).saveAsTextFile(os.path.join(a.output, 'skipped'))

    if a.parquet:
        frame = spark.read.schema(FIGURE_SCHEMA).json(os.path.join(a.output, 'figures'))
        frame.write.parquet(os.path.join(a.output, 'figures.parquet'))

    if count:
        print(f'tally_spark: skipped {count} bad documents, listed in {os.path.join(a.output, "skipped")}',
              file=sys.stderr)
    out.unpersist()
    spark.stop()


if __name__ == '__main__':
    main()
