#!/usr/bin/env python3
"""Loads the tidy series tally writes into notebooks-data/ and draws the two main charts: the
Gaza death toll as reported (running totals since 7 October 2023) beside the health ministry's
series, and medical evacuations per week.

usage: python notebooks-data/charts.py [OUTPUT_DIR]   (default: the current directory)"""
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

HERE = Path(__file__).resolve().parent
SERIES_TYPES = {"indicator": "string", "group": "string", "kind": "string", "freq": "string", "value": "float64",
                "low": "float64", "high": "float64", "observations": "Int64", "sources": "Int64", "origin": "string"}
SERIES_DATES = ["period_start", "date", "as_of", "from"]


def load(name, **kw):
    return pd.read_csv(HERE / name, keep_default_na=False, na_values=[""], **kw)


def main(out):
    out.mkdir(parents=True, exist_ok=True)
    casualties = load("casualties.csv", dtype=SERIES_TYPES, parse_dates=SERIES_DATES)
    evacuations = load("evacuations.csv", dtype=SERIES_TYPES, parse_dates=SERIES_DATES)
    comparison = load("comparison.csv", parse_dates=["date", "reference_date"])

    toll = casualties[(casualties.indicator == "killed") & (casualties.kind == "cumulative")
                      & (casualties.origin == "reported") & (casualties.period_start == "2023-10-07")]
    toll = toll.sort_values("as_of")
    fig, ax = plt.subplots(figsize=(9, 5.2))
    ax.plot(toll.as_of, toll.value, "o-", color="#1b6ca8", label="news reports (tally)")
    ax.plot(comparison.reference_date, comparison.reference_value, "x", color="#d1495b", markersize=9,
            label="ministry series on that date")
    ax.set_title("Killed in Gaza since 7 October 2023: news reports and the ministry")
    ax.set_ylabel("people")
    ax.set_ylim(bottom=0)
    ax.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: f"{v:,.0f}"))
    ax.legend(frameon=False)
    fig.tight_layout()
    fig.savefig(out / "casualties_py.png", dpi=100)

    patients = evacuations[(evacuations.indicator == "medevac_completed") & (evacuations.kind == "flow")]
    fig, ax = plt.subplots(figsize=(9, 5.2))
    ax.bar(patients.date, patients.value, width=5, color="#2e8b57")  # empty weeks draw nothing
    ax.set_title("Medical evacuations from Gaza reported per week")
    ax.set_ylabel("patients evacuated")
    fig.tight_layout()
    fig.savefig(out / "evacuations_py.png", dpi=100)
    print(f"charts.py: drew {len(toll)} running totals and {patients.value.notna().sum()} weeks of evacuations into {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("."))
