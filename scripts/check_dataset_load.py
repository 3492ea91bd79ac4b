#!/usr/bin/env python3
"""Loads every table of tally datasets in pandas and DuckDB with the types their Table Schemas
declare, and checks that the types came out right and nothing was lost.

usage: check_dataset_load.py DATASET_DIR...
Exit status 1 with a message naming the table and column on the first problem."""
import json
import sys
from pathlib import Path

import duckdb
import pandas as pd

PANDAS = {"string": "string", "integer": "Int64", "number": "float64", "boolean": "boolean"}
DUCKDB = {"string": "VARCHAR", "integer": "BIGINT", "number": "DOUBLE", "boolean": "BOOLEAN", "date": "DATE"}


def fail(message):
    print(f"check_dataset_load: {message}", file=sys.stderr)
    sys.exit(1)


def check_table(directory: Path, name: str, fields: list):
    csv_path = directory / f"{name}.csv"
    jsonl_path = directory / f"{name}.jsonl"
    lines = sum(1 for _ in csv_path.open(encoding="utf-8"))
    dates = [f["name"] for f in fields if f["type"] == "date"]
    dtype = {f["name"]: PANDAS[f["type"]] for f in fields if f["type"] != "date"}
    frame = pd.read_csv(csv_path, dtype=dtype, parse_dates=dates, keep_default_na=False, na_values=[""])
    if list(frame.columns) != [f["name"] for f in fields]:
        fail(f"{csv_path}: columns {list(frame.columns)} differ from the schema")
    for f in fields:
        kind = str(frame[f["name"]].dtype)
        expected = "datetime64" if f["type"] == "date" else dtype[f["name"]]
        # An all-empty date column has no dates to parse; pandas leaves it as objects.
        if f["type"] == "date" and frame[f["name"]].isna().all():
            continue
        # Dates: any resolution (pandas 2 picks seconds to nanoseconds).
        if kind != expected and not (expected == "datetime64" and kind.startswith("datetime64[")):
            fail(f"{csv_path}: column {f['name']} loaded as {kind}, schema says {f['type']} ({expected})")
        required = f.get("constraints", {}).get("required", False)
        if required and frame[f["name"]].isna().any():
            fail(f"{csv_path}: required column {f['name']} has empty cells")
    # JSON Lines twin: the same rows, the same ids.
    twin = pd.read_json(jsonl_path, lines=True, dtype=False) if jsonl_path.stat().st_size else pd.DataFrame()
    if len(twin) != len(frame):
        fail(f"{jsonl_path}: {len(twin)} rows where the CSV has {len(frame)}")
    if len(frame) and list(twin["id"]) != list(frame["id"]):
        fail(f"{jsonl_path}: ids differ from the CSV's")
    # DuckDB with the declared column types.
    columns = {f["name"]: DUCKDB.get(f["type"], "VARCHAR") for f in fields}
    con = duckdb.connect()
    relation = con.read_csv(str(csv_path), header=True, columns=columns)
    count = relation.aggregate("count(*)").fetchall()[0][0]
    if count != len(frame):
        fail(f"{csv_path}: DuckDB read {count} rows, pandas {len(frame)}")
    described = dict(zip(relation.columns, [str(t) for t in relation.types]))
    for column, kind in columns.items():
        if described[column] != kind:
            fail(f"{csv_path}: DuckDB typed {column} as {described[column]}, schema says {kind}")
    return len(frame)


def main(directories):
    for d in directories:
        directory = Path(d)
        package = json.loads((directory / "datapackage.json").read_text())
        counts = []
        for resource in package["resources"]:
            schema = json.loads((directory / resource["schema"]).read_text())
            try:
                rows = check_table(directory, resource["name"], schema["fields"])
            except (ValueError, duckdb.Error) as error:
                fail(f"{directory / resource['path']}: {error}")
            counts.append(f"{resource['name']} {rows}")
        print(f"{directory}: pandas and DuckDB load {', '.join(counts)} rows with the schema's types")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        fail("usage: check_dataset_load.py DATASET_DIR...")
    main(sys.argv[1:])
