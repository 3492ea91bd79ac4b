/// Writes `load.R` and `load.py` for a dataset: typed loaders generated from the tables'
/// layouts (the same source as their Table Schemas), so R and Python read every column with its
/// declared type the first time.
public enum DatasetLoaders {
  /// The tables of `layouts` whose CSV is in the dataset, in layout order.
  public static func write(directory: String, tables: [TableLayout]) throws(NormalizationError) {
    for (name, text) in [("load.R", r(tables)), ("load.py", python(tables))] {
      do {
        let file = try AtomicFile(path: "\(directory)/\(name)")
        try file.writer.write(text)
        try file.commit()
      } catch {
        throw .input(error)
      }
    }
  }

  /// The tables of a dataset directory.
  public static func tables(in directory: String) -> [TableLayout] {
    TableLayout.all.filter { fileExists("\(directory)/\($0.name).csv") }
  }

  static func r(_ tables: [TableLayout]) -> String {
    var s = """
      # Loads this tally dataset into R: source("load.R") from anywhere defines one data frame per
      # table (\(tables.map(\.name).joined(separator: ", "))), each column with the type its Table
      # Schema declares: codes as factors with every code as a level, dates as Date, counts as
      # integers. Written by tally loaders; needs readr.
      suppressPackageStartupMessages(library(readr))
      .tally_here <- tryCatch(dirname(sys.frame(1)$ofile), error = function(e) ".")
      .tally_read <- function(name, types) {
        frame <- read_csv(file.path(.tally_here, paste0(name, ".csv")), col_types = types, na = "", progress = FALSE)
        if (nrow(problems(frame)) > 0) stop(name, ".csv: ", nrow(problems(frame)), " cells do not read as their type; see problems()")
        frame
      }

      """
    for t in tables {
      let columns = t.columns.map { c -> String in
        let type: String
        if let allowed = c.allowed {
          type = "col_factor(levels = c(\(allowed.map { "\"\($0)\"" }.joined(separator: ", "))))"
        } else {
          switch c.type {
          case .string, .partialDate: type = "col_character()"
          case .integer: type = "col_integer()"
          case .number: type = "col_double()"
          case .boolean: type = "col_logical()"
          case .date: type = "col_date(format = \"%Y-%m-%d\")"
          }
        }
        return "  `\(c.name)` = \(type)"
      }
      s += "\(t.name) <- .tally_read(\"\(t.name)\", cols(\n\(columns.joined(separator: ",\n"))\n))\n"
    }
    s += "rm(.tally_here, .tally_read)\n"
    return s
  }

  static func python(_ tables: [TableLayout]) -> String {
    func dict(_ t: TableLayout, _ type: (TableColumn) -> String?) -> String {
      t.columns.compactMap { c in type(c).map { "\"\(c.name)\": \($0)" } }.joined(separator: ", ")
    }
    var s = #"""
      """Loads this tally dataset in Python, each column with the type its Table Schema declares.

      load(directory) returns a dict of pandas DataFrames by table name (codes as categoricals
      with every code, dates parsed, counts as nullable integers); load_polars(directory) the same
      as polars DataFrames. Written by tally loaders.
      """
      from pathlib import Path

      HERE = Path(__file__).resolve().parent

      """#
    s += "\nTABLES = {\n"
    func pandasType(_ c: TableColumn) -> String? {
      if let allowed = c.allowed { return "\"category:\(allowed.joined(separator: ","))\"" }
      switch c.type {
      case .string, .partialDate: return "\"string\""
      case .integer: return "\"Int64\""
      case .number: return "\"float64\""
      case .boolean: return "\"boolean\""
      case .date: return nil
      }
    }
    for t in tables {
      s += "    \"\(t.name)\": {\n"
      s += "        \"dtypes\": {\(dict(t, pandasType))},\n"
      s += "        \"dates\": [\(t.columns.filter { $0.type == .date }.map { "\"\($0.name)\"" }.joined(separator: ", "))],\n"
      s += "    },\n"
    }
    s += "}\n"
    s += #"""


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

      """#
    return s
  }
}
