#!/usr/bin/env python3
"""Series and stats benchmark for `make bench`.

Generates a dataset of N observations (make_bench_observations.py) and measures, in one run on
the same observations.csv: tally series (21 indicators, monthly) and tally stats (by
indicator and group), beside the same aggregates in DuckDB (one thread and all cores) and
pandas. Appends a Markdown section to WORK/results.md and prints it."""
import argparse, os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from bench import publish, run  # noqa: E402

INDICATORS = ["killed", "injured", "missing", "bodies_recovered", "died_awaiting_evacuation",
              "medevac_needed", "medevac_completed", "medevac_companions", "crossed_out", "crossed_in",
              "crossings", "crossing_denied", "hostages_released", "hostages_held", "remains_returned",
              "prisoners_released", "prisoners_held", "detained", "deported", "displaced", "aid_trucks"]
COLUMNS = ("{'id': 'VARCHAR', 'indicator': 'VARCHAR', 'group': 'VARCHAR', 'modality': 'VARCHAR', 'unit': 'VARCHAR', "
           "'per': 'VARCHAR', 'date': 'DATE', 'period_start': 'VARCHAR', 'value': 'DOUBLE', 'low': 'DOUBLE', "
           "'high': 'DOUBLE', 'figures': 'BIGINT', 'documents': 'BIGINT', 'sources': 'BIGINT', 'conflict': 'BOOLEAN', "
           "'reconcile': 'VARCHAR', 'first_published': 'DATE', 'last_published': 'DATE', 'figure_ids': 'VARCHAR'}")

DUCKDB = r'''
import sys, duckdb
src, out, threads, task = sys.argv[1:5]
con = duckdb.connect()
if threads != "all":
    con.execute(f"SET threads = {threads}")
columns = %r
table = "read_csv('" + src + "', header = true, columns = " + columns + ")"
if task == "series":
    query = f"""SELECT indicator, "group", CASE WHEN period_start IS NULL THEN 'flow' ELSE 'cumulative' END AS kind,
      period_start, date_trunc('month', date) AS month, count(*) AS observations,
      coalesce(sum(value) FILTER (WHERE period_start IS NULL), arg_max(value, date)) AS value,
      coalesce(sum(coalesce(low, 0)) FILTER (WHERE period_start IS NULL), arg_max(low, date)) AS low,
      CASE WHEN count(*) FILTER (WHERE period_start IS NULL AND high IS NULL) > 0 THEN NULL
           ELSE coalesce(sum(high) FILTER (WHERE period_start IS NULL), arg_max(high, date)) END AS high
      FROM {table} WHERE modality = 'actual' AND per IS NULL
      GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5"""
else:
    query = f"""SELECT indicator, "group", count(*) AS observations, sum(figures) AS figures,
      sum(documents) AS document_reports, max(sources) AS max_sources, count(*) FILTER (WHERE conflict) AS conflicts,
      min(value), quantile_cont(value, 0.25), median(value), avg(value), quantile_cont(value, 0.75), max(value),
      sum(value) FILTER (WHERE period_start IS NULL) AS sum_of_flows, min(date), max(date),
      regr_slope(value, epoch(date) / 86400) FILTER (WHERE period_start IS NOT NULL) AS trend_per_day
      FROM {table} GROUP BY ALL ORDER BY ALL"""
con.execute(f"COPY ({query}) TO '{out}' (HEADER)")
''' % COLUMNS

PANDAS = r'''
import sys, pandas as pd
src, out, task = sys.argv[1:4]
frame = pd.read_csv(src, keep_default_na=False, na_values=[""], parse_dates=["date"],
                    usecols=["indicator", "group", "modality", "per", "date", "period_start", "value", "low", "high",
                             "figures", "documents", "sources", "conflict"],
                    dtype={"indicator": "string", "group": "string", "modality": "string", "per": "string",
                           "period_start": "string", "value": "float64", "low": "float64", "high": "float64",
                           "figures": "Int64", "documents": "Int64", "sources": "Int64", "conflict": "boolean"})
if task == "series":
    frame = frame[(frame.modality == "actual") & frame.per.isna()].copy()
    frame["month"] = frame.date.dt.to_period("M")
    flows = frame[frame.period_start.isna()].groupby(["indicator", "group", "month"]).agg(
        observations=("value", "size"), value=("value", "sum"), low=("low", "sum"), high=("high", lambda s: s.sum(min_count=len(s))))
    totals = frame[frame.period_start.notna()].sort_values("date").groupby(["indicator", "group", "period_start", "month"]).agg(
        observations=("value", "size"), value=("value", "last"), low=("low", "last"), high=("high", "last"))
    pd.concat([flows.reset_index(), totals.reset_index()]).to_csv(out, index=False)
else:
    g = frame.groupby(["indicator", "group"])
    result = g.agg(observations=("value", "size"), figures=("figures", "sum"), document_reports=("documents", "sum"),
                   max_sources=("sources", "max"), conflicts=("conflict", "sum"), min=("value", "min"),
                   median=("value", "median"), mean=("value", "mean"), max=("value", "max"),
                   first_date=("date", "min"), last_date=("date", "max"))
    quartiles = g["value"].quantile([0.25, 0.75]).unstack()
    flows = frame[frame.period_start.isna()].groupby(["indicator", "group"])["value"].sum().rename("sum_of_flows")
    result.join(quartiles).join(flows).to_csv(out)
'''


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--tally', required=True)
    ap.add_argument('--work', default='.bench')
    ap.add_argument('--observations', type=int, default=10_000_000)
    a = ap.parse_args()
    n = a.observations
    dataset = os.path.join(a.work, f'observations-{n}')
    path = os.path.join(dataset, 'observations.csv')
    if not os.path.exists(path):
        subprocess.run([sys.executable, os.path.join(HERE, 'make_bench_observations.py'), str(n), dataset], check=True)
    venv_python = os.path.join(ROOT, '.venv', 'bin', 'python')
    out = os.path.join(a.work, 'statistics.out')
    size = os.path.getsize(path) / 1e6
    rows, notes = [], []
    indicators = [arg for i in INDICATORS for arg in ('--indicator', i)]
    tasks = {
        'series': [a.tally, 'series', dataset, '--freq', 'month', '--quiet', '-o', out] + indicators,
        'stats': [a.tally, 'stats', dataset, '--by', 'indicator', '--by', 'group', '--quiet', '-o', out],
    }
    have = lambda module: subprocess.run([venv_python, '-c', f'import {module}'], capture_output=True).returncode == 0
    for task, command in tasks.items():
        best = min((run(command) for _ in range(3)), key=lambda r: r[0])
        rows.append((f'tally {task}', task, *best))
        base = best[0]
        if have('duckdb'):
            for threads in ['1', 'all']:
                label = 'one thread' if threads == '1' else f'{os.cpu_count()} threads'
                secs = min((run([venv_python, '-c', DUCKDB, path, out, threads, task]) for _ in range(3)), key=lambda r: r[0])
                rows.append((f'DuckDB, {label}', task, *secs))
        else:
            notes.append('DuckDB is not installed in .venv, so it was not measured.')
        if have('pandas'):
            rows.append(('pandas', task, *run([venv_python, '-c', PANDAS, path, out, task])))
        else:
            notes.append('pandas is not installed in .venv, so it was not measured.')
    lines = ['', '## Series and stats', '',
             f'{n:,} generated observations ({size:.0f} MB of observations.csv; scripts/make_bench_observations.py): '
             'tally series of 21 indicators by month, and tally stats by indicator and group, beside the same '
             'aggregates in DuckDB and pandas on the same file. Best of three runs for tally and DuckDB, one for pandas. '
             'DuckDB and pandas compute the sums, counts, quantiles and (DuckDB) the trend; tally also marks gaps and '
             'derived rows, and gives the trend\'s confidence interval.', '',
             '| task | run | wall s | observations/s (wall) | CPU s | peak RSS (MB) | tally vs this (wall) |',
             '|---|---|---:|---:|---:|---:|---:|']
    tally_secs = {task: secs for label, task, secs, _, _ in rows if label.startswith('tally')}
    for label, task, secs, cpu, rss in rows:
        lines.append(f'| {task} | {label} | {secs:.2f} | {n / secs:,.0f} | {cpu:.2f} | {rss:.0f} | '
                     f'{secs / tally_secs[task]:.2f}x |')
    lines.append('')
    lines.append('"tally vs this" above 1 means tally is faster (this run took that many times as long as tally).')
    publish(lines + notes, a.work, 'a')


if __name__ == '__main__':
    main()
