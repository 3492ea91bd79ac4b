#!/usr/bin/env python3
"""Writes a dataset directory whose observations.csv holds N generated observations (the
columns tally normalize writes), for the series and stats benchmark.

usage: make_bench_observations.py N OUT_DIR

21 indicators, 100 groups, flows and running totals (since 2019-01-01), one observation per
day from 2019 on for each, values growing along each running total. Deterministic."""
import sys
from pathlib import Path

INDICATORS = ["killed", "injured", "missing", "bodies_recovered", "died_awaiting_evacuation",
              "medevac_needed", "medevac_completed", "medevac_companions", "crossed_out", "crossed_in",
              "crossings", "crossing_denied", "hostages_released", "hostages_held", "remains_returned",
              "prisoners_released", "prisoners_held", "detained", "deported", "displaced", "aid_trucks"]
HEADER = ("id,indicator,group,modality,unit,per,date,period_start,value,low,high,figures,documents,sources,"
          "conflict,reconcile,first_published,last_published,figure_ids\n")


def main():
    n, out = int(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    import datetime
    start = datetime.date(2019, 1, 1).toordinal()
    days = [datetime.date.fromordinal(start + k).isoformat() for k in range(4000)]
    series = [(i, g, c) for i in INDICATORS for g in range(100) for c in (False, True)]
    per_series = max(1, -(-n // len(series)))
    written = 0
    with open(out / "observations.csv", "w") as f:
        f.write(HEADER)
        for s, (indicator, g, cumulative) in enumerate(series):
            rows = []
            total = 0
            for k in range(per_series):
                if written >= n:
                    break
                step = (s * 7919 + k * 104729) % 97 + 1
                total += step
                value = total if cumulative else step
                day = days[k % len(days)]
                since = "2019-01-01" if cumulative else ""
                exact = k % 4 != 0
                high = value if exact else ""
                rows.append(f"{s:08x}{k:08x},{indicator},g{g},actual,people,,{day},{since},{value},{value},{high},"
                            f"{1 + k % 3},{1 + k % 2},1,{'true' if k % 50 == 0 else 'false'},conservative,{day},{day},"
                            f"{s:08x}{k:08x}-0-3\n")
                written += 1
            f.write("".join(rows))


if __name__ == "__main__":
    main()
