import ArgumentParser
import TallyKit

/// The dataset a statistics command reads, and how it writes its rows.
struct DatasetInput: ParsableArguments {
  @Argument(help: ArgumentHelp("A dataset directory written by tally normalize.", valueName: "dataset"))
  var dataset: String

  @Option(help: "Output format: csv, jsonl, or table (aligned columns for a terminal).")
  var format: TableFormat = .csv
}

extension TableFormat: ExpressibleByArgument {}
extension SeriesFrequency: ExpressibleByArgument {}
extension SeriesRequest.Preset: ExpressibleByArgument {}
extension Indicator: ExpressibleByArgument {}

extension CommandContext {
  /// Writes rows in the chosen format to the output.
  func writeRows(_ rows: [[Cell]], columns: [String], format: TableFormat, to options: OutputOptions) throws {
    let writer = try openOutput(options)
    try writer.write(RowEncoder(columns: columns).encode(rows, as: format))
  }
}

/// Which series a command reads: a preset or indicators.
struct SeriesSelection: ParsableArguments {
  @Option(help: "A named view: evacuations (medevac_completed, companions, crossings) or casualties (killed and injured in Gaza, with daily rates).")
  var preset: SeriesRequest.Preset?

  @Option(help: ArgumentHelp("Indicators to include (repeatable), instead of a preset.", valueName: "code"))
  var indicator: [Indicator] = []

  @Option(help: "Period of the rows: day, week or month.")
  var freq: SeriesFrequency = .day

  func validate() throws {
    if preset == nil && indicator.isEmpty {
      throw ValidationError("Give a --preset (evacuations, casualties) or one or more --indicator.")
    }
    if preset != nil && !indicator.isEmpty {
      throw ValidationError("Give a --preset or one or more --indicator, not both.")
    }
  }

  var request: SeriesRequest {
    preset.map { SeriesRequest.preset($0, frequency: freq) } ?? SeriesRequest(indicators: indicator, frequency: freq)
  }
}

/// An official series: the daily casualties JSON format, or a CSV with named columns.
struct ReferenceOptions: ParsableArguments {
  @Option(help: ArgumentHelp("The JSON field to read (default: killed_cum for killed, injured_cum for injured).", valueName: "name"))
  var field: String?

  @Option(help: ArgumentHelp("A CSV reference's date column.", valueName: "name"))
  var dateColumn: String = "date"

  @Option(help: ArgumentHelp("A CSV reference's value column.", valueName: "name"))
  var valueColumn: String = "value"

  /// Reads `path` (CSV if it ends in .csv); the JSON field defaults to INDICATOR_cum.
  func load(_ path: String, indicator: Indicator) throws -> ReferenceSeries {
    if path.hasSuffix(".csv") {
      return try ReferenceSeries.csv(path: path, dateColumn: dateColumn, valueColumn: valueColumn)
    }
    return try ReferenceSeries.json(path: path, field: field ?? "\(indicator.rawValue)_cum")
  }
}
