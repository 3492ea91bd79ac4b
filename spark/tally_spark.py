#!/usr/bin/env python3
"""Runs `tally extract` over a corpus on Apache Spark (PySpark 4), for corpora that outgrow
one machine.

The corpus is JSON Lines documents (id, text, published, outlet, url) at any path Spark reads
(a local folder, hdfs://, s3a://; a folder of part files or a glob). The tally binary, built
with the Swift runtime linked in (`make static`), is shipped to the executors with
`SparkContext.addFile`; every partition of documents is piped through `tally extract --jsonl -`
with `RDD.pipe` (the JVM's, so the data never passes through Python). The figures are sorted by document and span (document id, then start, then
end), so the result does not depend on how the corpus was partitioned, and written as JSON
Lines part files whose concatenation in name order is the sorted whole:

    OUTPUT/figures/part-00000 ...   the figures, JSON Lines, sorted
    OUTPUT/documents/part-00000 ... the documents table (id, outlet, url, published, sha256,
                                    bytes, figures), sorted by id
    OUTPUT/skipped/part-00000 ...   with --on-error skip: the documents left out, JSON Lines
                                    (doc, file, line, error), never dropped silently
    OUTPUT/figures.parquet/         with --parquet: the same figures for Spark SQL or DuckDB

Then, on one machine:
    cat OUTPUT/documents/part-* > documents.jsonl
    cat OUTPUT/figures/part-* | tally normalize - --documents documents.jsonl -o dataset/

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
DOCUMENT_PREFIX = '#document '


def figure_key(line):
    """The sort key of a figure line as tally writes it: (document id, start, end), the order
    the job sorts in (Spark compares strings by their UTF-8 bytes, which is code point order,
    as Python's). Reads only the head of the line: `{"id":"<digest>-<start>-<end>","doc":...`."""
    if not line.startswith('{"id":"'):
        raise ValueError(f'not a figure line as tally writes one: {line[:80]!r}')
    close = line.index('"', 7)
    _, start, end = line[7:close].rsplit('-', 2)
    if not line.startswith(',"doc":', close + 1):
        raise ValueError(f'a figure line without "doc" second: {line[:80]!r}')
    doc, _ = json.JSONDecoder().raw_decode(line, close + 8)
    return (doc, int(start), int(end))


def sort_figure_lines(lines):
    """Sorts figure lines by document and span, as the Spark job does (for a single-process run
    to compare with it)."""
    return sorted(lines, key=figure_key)


def extract_script(on_error, jobs):
    """The shell script each partition is piped through (`sh -c SCRIPT BINARY`). tally writes
    the documents table (and, with --on-error skip, the list of bad documents) to temporary
    files, which are then appended to the figures behind prefixes no figure line can have, so
    one pipe carries all three."""
    skip = ' --on-error skip --skipped "$f"' if on_error == 'skip' else ''
    return (
        'f=$(mktemp) && d=$(mktemp) || exit 1; '
        f'"$0" extract --jsonl - --quiet --jobs {jobs} --documents "$d"{skip} '
        f'&& sed "s/^/{DOCUMENT_PREFIX}/" "$d" && sed "s/^/{SKIPPED_PREFIX}/" "$f"; '
        'rc=$?; rm -f "$f" "$d"; exit $rc'
    )


def document_key(line):
    """Documents are sorted by id."""
    return json.loads(line)['id']


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
    ap.add_argument('--order', choices=['document', 'input'], default='document',
                    help='document (default): figures sorted by document and span, documents by id, the '
                    'same bytes for any partitioning; input: the order the partitions were read in, '
                    'without the sort\'s shuffle')
    ap.add_argument('--parquet', action='store_true', help='also write the figures as Parquet')
    a = ap.parse_args()

    from pyspark import SparkFiles
    from pyspark.sql import DataFrame, SparkSession
    from pyspark.sql.functions import col, concat, from_json, get_json_object, lit, regexp_extract, trim, when

    spark = SparkSession.builder.appName('tally extract').getOrCreate()
    sc = spark.sparkContext
    sc.setLogLevel('WARN')
    sc.addFile(a.tally)
    name = os.path.basename(a.tally)
    binary = a.binary or (SparkFiles.get(name) if sc.master.startswith('local') else f'./{name}')
    jvm = sc._jvm
    strings = jvm.org.apache.spark.sql.Encoders.STRING()

    documents = spark.read.text(a.input)
    if a.partitions:
        documents = documents.repartition(a.partitions)
    documents = documents.filter(trim(col('value')) != '')
    # The pipe runs in the executors' JVMs (JavaRDD.pipe), not through a Python worker: the
    # documents and figures never pass through Python, which would cost more than extraction.
    lines = getattr(documents._jdf, 'as')(strings).javaRDD()
    command = jvm.java.util.ArrayList()
    for part in ['/bin/sh', '-c', extract_script(a.on_error, a.jobs), binary]:
        command.add(part)
    env = jvm.java.util.HashMap()
    env.put('LC_ALL', 'C.UTF-8')
    piped = lines.pipe(command, env, False, 1 << 16, 'UTF-8')
    out = DataFrame(spark._jsparkSession.createDataset(piped.rdd(), strings).toDF(), spark)

    # One pass over the pipe's output writes its three kinds of line to their own folders
    # (figures, documents, skipped), each line without its prefix: nothing is kept in memory
    # or read twice. Part files keep the partitions' order.
    value = col('value')
    kind = (when(value.startswith(DOCUMENT_PREFIX), 'documents')
            .when(value.startswith(SKIPPED_PREFIX), 'skipped').otherwise('figures'))
    text = (when(value.startswith(DOCUMENT_PREFIX), value.substr(len(DOCUMENT_PREFIX) + 1, 1 << 30))
            .when(value.startswith(SKIPPED_PREFIX), value.substr(len(SKIPPED_PREFIX) + 1, 1 << 30))
            .otherwise(value))
    raw = os.path.join(a.output, '_lines')
    out.select(text.alias('value'), kind.alias('kind')).write.partitionBy('kind').text(raw)

    hadoop = sc._jsc.hadoopConfiguration()
    fs = jvm.org.apache.hadoop.fs.Path(a.output).getFileSystem(hadoop)

    def folder(name):
        """The lines of one kind (an empty table when there were none)."""
        path = os.path.join(raw, f'kind={name}')
        if fs.exists(jvm.org.apache.hadoop.fs.Path(path)):
            return spark.read.text(path)
        return spark.createDataFrame([], 'value STRING')

    def place(name, frame, *order):
        if order:
            frame = frame.orderBy(*order)
        frame.write.text(os.path.join(a.output, name))

    if a.order == 'document':
        # The key from the head of the line, `{"id":"<digest>-<start>-<end>","doc":<string>`,
        # rather than by parsing each whole figure (which took longer than extracting it).
        head = r'^\{"id":"[0-9a-f]+-([0-9]+)-([0-9]+)","doc":("(?:[^"\\]|\\.)*")'
        doc = from_json(concat(lit('['), regexp_extract(value, head, 3), lit(']')), 'array<string>')[0]
        place('figures', folder('figures'), doc, regexp_extract(value, head, 1).cast('long'),
              regexp_extract(value, head, 2).cast('long'))
        place('documents', folder('documents'), get_json_object(value, '$.id'))
    else:
        # Already in the partitions' order: moved, not copied.
        for name in ['figures', 'documents']:
            source = jvm.org.apache.hadoop.fs.Path(os.path.join(raw, f'kind={name}'))
            if fs.exists(source):
                fs.rename(source, jvm.org.apache.hadoop.fs.Path(os.path.join(a.output, name)))
            else:
                place(name, folder(name))
    skipped = folder('skipped')
    count = skipped.count()
    if a.on_error == 'skip':
        place('skipped', skipped.coalesce(1))
    fs.delete(jvm.org.apache.hadoop.fs.Path(raw), True)

    if a.parquet:
        frame = spark.read.schema(FIGURE_SCHEMA).json(os.path.join(a.output, 'figures'))
        frame.write.parquet(os.path.join(a.output, 'figures.parquet'))

    if count:
        print(f'tally_spark: skipped {count} bad documents, listed in {os.path.join(a.output, "skipped")}',
              file=sys.stderr)
    spark.stop()


if __name__ == '__main__':
    main()
