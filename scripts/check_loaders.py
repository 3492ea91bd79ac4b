#!/usr/bin/env python3
"""Runs the load.py tally writes into datasets, with pandas and polars, and checks the types.
usage: check_loaders.py DATASET_DIR..."""
import importlib.util
import sys


def check(directory):
    spec = importlib.util.spec_from_file_location("load", f"{directory}/load.py")
    load = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(load)
    tables = load.load(directory)
    obs, docs = tables["observations"], tables["documents"]
    assert str(obs.indicator.dtype) == "category" and "killed" in obs.indicator.cat.categories, obs.indicator.dtype
    assert str(obs.figures.dtype) == "Int64" and str(obs.value.dtype) == "float64"
    assert str(obs.conflict.dtype) == "boolean"
    assert str(docs.published.dtype).startswith("datetime64"), docs.published.dtype
    frames = load.load_polars(directory)
    assert str(frames["observations"].schema["indicator"]).startswith("Enum")
    assert str(frames["documents"].schema["published"]) == "Date"
    print(f"{directory}: load.py gives {', '.join(f'{k} {v.shape[0]}' for k, v in tables.items())} rows "
          "in pandas and polars with the schema's types")


for d in sys.argv[1:]:
    check(d)
