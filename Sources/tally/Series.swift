import ArgumentParser
import TallyKit

extension Tally {
  struct Series: TallyCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write tidy time series from a dataset: flows, running totals and rates.",
      discussion: """
        One row per indicator, group, kind (flow, cumulative, rate) and period at --freq,
        with value, low, high, the observations and sources behind it, and whether it was
        reported, derived (a flow from two running totals whose periods line up, a running
        total from a total and the flows after it, a rate between two totals) or a gap
        (empty, never zero). Sums of flows add their bounds.

        Examples:
          tally series dataset/ --preset evacuations --freq week
          tally series dataset/ --preset casualties --format table
          tally series dataset/ --indicator aid_trucks --freq month -o trucks.csv
        """
    )

    @OptionGroup var input: DatasetInput
    @OptionGroup var selection: SeriesSelection

    @Option(help: ArgumentHelp("Only these groups (repeatable).", valueName: "group"))
    var group: [String] = []

    @Flag(help: "Add the daily rate between consecutive running totals.")
    var rates = false

    @Flag(help: "Leave out the empty rows of periods without a report.")
    var noGaps = false

    @OptionGroup var outputOptions: OutputOptions
    @OptionGroup var global: GlobalOptions

    func execute(_ context: CommandContext) async throws {
      var request = selection.request
      if !group.isEmpty { request.groups = group }
      if rates { request.rates = true }
      request.gaps = !noGaps
      var builder = SeriesBuilder(request: request)
      try ObservationTable.forEach(directory: input.dataset, ids: false) { builder.add($0) }
      let rows = builder.rows()
      try context.writeRows(rows.map(\.cells), columns: SeriesRow.columns, format: input.format, to: outputOptions)
      if rows.isEmpty {
        context.note("tally: no observations of \(request.indicators.map(\.rawValue).joined(separator: ", ")) in \(input.dataset); the series is empty")
      }
      if builder.skipped > 0 {
        context.note("tally: \(builder.skipped) observations left out (planned, rates, or dated less precisely than --freq \(request.frequency.rawValue))")
      }
    }
  }

  struct Compare: TallyCommand {
    static let configuration = CommandConfiguration(
      abstract: "Set a dataset's running totals beside an official series.",
      discussion: """
        For each figure (a fact, actual, dated to the day) of --indicator whose running total
        counts from the reference's first day: the reference value on that date or the last
        one before it, the difference and the relative difference, and whether the figure's
        bounds hold the reference. --summary writes one row per indicator and outlet instead.

        The reference is the daily casualties JSON format (report_date and a field per
        measure; --field, default killed_cum or injured_cum), or a CSV with --date-column and
        --value-column.

        Examples:
          tally compare dataset/ --reference casualties_daily.json --indicator killed
          tally compare dataset/ --reference moh.csv --date-column day --value-column deaths --summary
        """
    )

    @OptionGroup var input: DatasetInput

    @Option(help: ArgumentHelp("The official series: JSON (daily casualties format) or CSV.", valueName: "file"))
    var reference: String

    @Option(help: "The indicator the reference measures.")
    var indicator: Indicator = .killed

    @OptionGroup var referenceOptions: ReferenceOptions

    @Option(help: ArgumentHelp("Groups that count the reference's population (repeatable).", valueName: "group"))
    var group: [String] = ["palestinians", "people"]

    @Flag(help: "Write the summary per indicator and outlet instead of one row per figure.")
    var summary = false

    @OptionGroup var outputOptions: OutputOptions
    @OptionGroup var global: GlobalOptions

    func execute(_ context: CommandContext) async throws {
      let series = try referenceOptions.load(reference, indicator: indicator)
      let rows = try Comparison(indicator: indicator, groups: group).rows(directory: input.dataset, reference: series)
      if summary {
        try context.writeRows(
          ComparisonSummary.of(rows).map(\.cells), columns: ComparisonSummary.columns, format: input.format,
          to: outputOptions)
      } else {
        try context.writeRows(rows.map(\.cells), columns: ComparisonRow.columns, format: input.format, to: outputOptions)
      }
      if rows.isEmpty {
        context.note("tally: no running totals of \(indicator.rawValue) counted from \(series.points[0].date) in \(input.dataset)")
      }
    }
  }
}
