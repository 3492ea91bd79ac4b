import ArgumentParser
import TallyKit

extension Tally {
  struct Plot: TallyCommand {
    static let configuration = CommandConfiguration(
      abstract: "Draw a series as an SVG chart, with its bounds and an official series beside it.",
      discussion: """
        Each series of --kind is a line broken at gaps, its bounds a shaded band, its reported
        points filled and derived points hollow; --reference adds an official series as a
        dashed line. The SVG uses system fonts and opens in browsers and Inkscape; render it
        with rsvg-convert -o chart.png chart.svg for a paper.

        Examples:
          tally plot dataset/ --preset casualties --reference casualties_daily.json -o toll.svg
          tally plot dataset/ --preset evacuations --kind flow --freq week -o evacuations.svg
        """
    )

    @Argument(help: ArgumentHelp("A dataset directory written by tally normalize.", valueName: "dataset"))
    var dataset: String

    @OptionGroup var selection: SeriesSelection

    @Option(help: "Which rows to draw: flow, cumulative or rate (default: cumulative for casualties, flow otherwise).")
    var kind: SeriesKind?

    @Option(help: ArgumentHelp("An official series to draw beside (JSON daily casualties format, or CSV).", valueName: "file"))
    var reference: String?

    @OptionGroup var referenceOptions: ReferenceOptions

    @Option(help: "The chart's title.")
    var title: String?

    @OptionGroup var outputOptions: OutputOptions
    @OptionGroup var global: GlobalOptions

    func execute(_ context: CommandContext) async throws {
      let request = selection.request
      var builder = SeriesBuilder(request: request)
      try ObservationTable.forEach(directory: dataset, ids: false) { builder.add($0) }
      let drawn = kind ?? (selection.preset == .casualties ? .cumulative : .flow)
      var chart = Chart(
        title: title ?? "\(request.indicators.map(\.rawValue).joined(separator: ", ")): \(drawn.rawValue) (\(request.frequency.rawValue))",
        yLabel: drawn == .rate ? "per day" : "people")
      chart.add(builder.rows(), kind: drawn)
      if let reference {
        let series = try referenceOptions.load(reference, indicator: request.indicators.first ?? .killed)
        chart.add(reference: series, name: "reference: \(series.name)")
      }
      if chart.lines.isEmpty { context.note("tally: nothing to draw: no \(drawn.rawValue) rows for these indicators") }
      let writer = try context.openOutput(outputOptions)
      try writer.write(chart.svg())
    }
  }
}

extension SeriesKind: ExpressibleByArgument {}
