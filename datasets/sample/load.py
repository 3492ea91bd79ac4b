"""Loads this tally dataset in Python, each column with the type its Table Schema declares.

load(directory) returns a dict of pandas DataFrames by table name (codes as categoricals
with every code, dates parsed, counts as nullable integers); load_polars(directory) the same
as polars DataFrames. Written by tally loaders.
"""
from pathlib import Path

HERE = Path(__file__).resolve().parent

TABLES = {
    "figures": {
        "dtypes": {"id": "string", "doc": "string", "start": "Int64", "end": "Int64", "text": "string", "value": "float64", "low": "float64", "high": "float64", "qualifier": "category:exact,at_least,more_than,at_most,fewer_than,approximately,range,vague", "unit": "category:people,ratio,trucks,convoys", "indicator": "category:killed,injured,missing,bodies_recovered,died_awaiting_evacuation,medevac_needed,medevac_completed,medevac_companions,crossed_out,crossed_in,crossings,crossing_denied,hostages_released,hostages_held,remains_returned,prisoners_released,prisoners_held,detained,deported,displaced,aid_trucks,other", "group": "string", "modality": "category:actual,planned", "date": "string", "period_start": "string", "attribution": "string", "sentence": "string", "per": "category:day,week", "warnings": "string", "review": "category:accepted,rejected,corrected", "role": "category:fact,part,uncoded,rejected", "observation": "string"},
        "dates": [],
    },
    "observations": {
        "dtypes": {"id": "string", "indicator": "category:killed,injured,missing,bodies_recovered,died_awaiting_evacuation,medevac_needed,medevac_completed,medevac_companions,crossed_out,crossed_in,crossings,crossing_denied,hostages_released,hostages_held,remains_returned,prisoners_released,prisoners_held,detained,deported,displaced,aid_trucks,other", "group": "string", "modality": "category:actual,planned", "unit": "category:people,ratio,trucks,convoys", "per": "category:day,week", "date": "string", "period_start": "string", "value": "float64", "low": "float64", "high": "float64", "figures": "Int64", "documents": "Int64", "sources": "Int64", "conflict": "boolean", "reconcile": "category:conservative,median,latest,intersect", "figure_ids": "string"},
        "dates": ["first_published", "last_published"],
    },
    "documents": {
        "dtypes": {"id": "string", "outlet": "string", "url": "string", "sha256": "string", "bytes": "Int64", "figures": "Int64"},
        "dates": ["published"],
    },
}


def _pandas_types(spec):
    import pandas as pd
    out = {}
    for name, kind in spec["dtypes"].items():
        if kind.startswith("category:"):
            out[name] = pd.CategoricalDtype(kind[len("category:"):].split(","))
        else:
            out[name] = kind
    return out


def load(directory=HERE):
    """The tables as pandas DataFrames, by name."""
    import pandas as pd
    directory = Path(directory)
    return {name: pd.read_csv(directory / f"{name}.csv", dtype=_pandas_types(spec), parse_dates=spec["dates"],
                              keep_default_na=False, na_values=[""])
            for name, spec in TABLES.items()}


def load_polars(directory=HERE):
    """The tables as polars DataFrames, by name."""
    import polars as pl
    kinds = {"string": pl.String, "Int64": pl.Int64, "float64": pl.Float64, "boolean": pl.Boolean}
    directory = Path(directory)
    frames = {}
    for name, spec in TABLES.items():
        schema = {column: (pl.Enum(kind[len("category:"):].split(",")) if kind.startswith("category:") else kinds[kind])
                  for column, kind in spec["dtypes"].items()}
        schema.update({column: pl.Date for column in spec["dates"]})
        frames[name] = pl.read_csv(directory / f"{name}.csv", schema_overrides=schema, null_values=[""])
    return frames


if __name__ == "__main__":
    for name, frame in load().items():
        print(name, frame.shape)
