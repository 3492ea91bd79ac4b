import ArgumentParser
import TallyKit

extension Tally {
  struct Stats: TallyCommand {
    static let configuration = CommandConfiguration(
      abstract: "Aggregate statistics of a dataset's observations, or its consistency audit.",
      discussion: """
        One row per group (--by, any of indicator, group, kind, month, period_start, outlet,
        source; grouped by outlet or source the rows count figures, not observations): the
        observations, figures and document reports behind them, conflicts, min, quartiles
        (linear interpolation, Hyndman-Fan type 7: R's and numpy's default), median, mean, max,
        the sum of flows, first and last date, and for running totals the daily rate and a
        least-squares trend per day with its 95% confidence interval; for observations that
        several documents report, how far their figures spread (range and range over value).

        --audit lists consistency problems instead: running totals that fall, parts of a
        population above the whole, and facts whose sources cannot all be true.

        Examples:
          tally stats dataset/ --format table
          tally stats dataset/ --by indicator --by month -o monthly.csv
          tally stats dataset/ --audit --format table
        """
    )

    @OptionGroup var input: DatasetInput

    @Option(help: ArgumentHelp("Group by (repeatable): indicator, group, kind, month, period_start, outlet, source.", valueName: "dimension"))
    var by: [StatsDimension] = [.indicator, .group]

    @Flag(help: "Report consistency problems instead of statistics.")
    var audit = false

    @OptionGroup var outputOptions: OutputOptions
    @OptionGroup var global: GlobalOptions

    func execute(_ context: CommandContext) async throws {
      if audit {
        let findings = AuditFinding.audit(try ObservationTable.read(directory: input.dataset))
        try context.writeRows(findings.map(\.cells), columns: AuditFinding.columns, format: input.format, to: outputOptions)
        if context.standardErrorIsTerminal { context.note("tally: \(findings.count) findings") }
        return
      }
      var builder = StatsBuilder(by: by)
      if by.contains(where: \.needsFigures) {
        try builder.addFigures(directory: input.dataset)
      } else {
        try builder.readSpreads(directory: input.dataset)
        try ObservationTable.forEach(directory: input.dataset, ids: builder.needsIDs) { builder.add($0) }
      }
      try context.writeRows(builder.result().map(\.cells), columns: StatsRow.columns(by), format: input.format, to: outputOptions)
    }
  }
}

extension StatsDimension: ExpressibleByArgument {}
