import ArgumentParser
import TallyKit

extension Tally {
  struct Loaders: TallyCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write load.R and load.py into a dataset: typed loaders for R and Python.",
      discussion: """
        load.R (readr): source it to get one data frame per table, codes as factors, dates as
        Date. load.py: load(directory) returns pandas DataFrames by table name with dtypes and
        parsed dates; load_polars(directory) the same in polars.

        Example:
          tally loaders dataset/ && Rscript -e 'source("dataset/load.R"); str(observations)'
        """
    )

    @Argument(help: ArgumentHelp("A dataset directory written by tally normalize.", valueName: "dataset"))
    var dataset: String

    @OptionGroup var global: GlobalOptions

    func execute(_ context: CommandContext) async throws {
      let tables = DatasetLoaders.tables(in: dataset)
      guard !tables.isEmpty else { throw StatisticsError.missingTable(directory: dataset, table: "observations") }
      try DatasetLoaders.write(directory: dataset, tables: tables)
      if context.standardErrorIsTerminal { context.note("tally: wrote \(dataset)/load.R and \(dataset)/load.py") }
    }
  }
}
