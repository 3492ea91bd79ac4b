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
