import ArgumentParser
import TallyKit

extension Tally {
  struct Import: TallyCommand {
    static let configuration = CommandConfiguration(
      abstract: "Read a hand-coded spreadsheet (CSV) into figures, with extract's number and date grammar.",
      discussion: """
        One row per figure. Columns: indicator and figure (as written: "more than 180",
        "about 20,000", "dozens") are required, and source or url; date ("Feb 1 2025",
        "1/2/2025", "2025-02-01"), group, modality, attribution, published, period start and
        sentence are optional. A column tally cannot map is an error that names it.

        Examples:
          tally import coded.csv --documents documents.jsonl -o figures.jsonl
          tally import coded.csv --day-first | tally normalize -o dataset/
        """
    )

    @Argument(help: ArgumentHelp("The spreadsheet, as CSV.", valueName: "file"))
    var spreadsheet: String

    @Flag(help: "Read numeric dates as day/month/year (1/2/2025 is 1 February).")
    var dayFirst = false

    @OptionGroup var figureOutput: FigureOutputOptions

    @OptionGroup var outputOptions: OutputOptions
    @OptionGroup var global: GlobalOptions

    func execute(_ context: CommandContext) async throws {
      let (figures, sources) = try SpreadsheetImport(dayFirst: dayFirst, vague: figureOutput.vague)
        .read(path: spreadsheet, warnings: context.warnings)
      let writer = try context.openOutput(outputOptions)
      let encoder = FigureEncoder(format: figureOutput.format)
      var out = encoder.header
      encoder.encode(figures, into: &out)
      try writer.write(out)
      if let table = try figureOutput.documentTable(context) {
        try table.start()
        for d in sources { try table.add(d) }
      }
    }
  }

  struct Review: TallyCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write a curation file for the figures a human should check.",
      discussion: """
        Lists the figures that carry warnings, vague quantities or no date, with empty
        decision columns (decision: accept, reject or correct; field and new_value for a
        correction; note) and the figure's coding beside them. Edit it and pass it to
        normalize --curation. With --curation, decisions already made are kept and their
        figures not listed again.

        Examples:
          tally review figures.jsonl -o curation.csv
          tally review figures.jsonl --curation curation.csv -o curation.csv
        """
    )

    @Argument(help: ArgumentHelp("Figure files (JSON Lines or CSV); - or none reads standard input.", valueName: "file"))
    var inputs: [String] = []

    @Option(help: ArgumentHelp("An earlier curation file whose decisions to keep.", valueName: "file"))
    var curation: String?

    @OptionGroup var outputOptions: OutputOptions
    @OptionGroup var global: GlobalOptions

    func execute(_ context: CommandContext) async throws {
      let writer = try context.openOutput(outputOptions)
      let rows = try ReviewRun.run(inputs: inputs.isEmpty ? ["-"] : inputs, earlier: curation, to: writer)
      if context.standardErrorIsTerminal { context.note("tally: \(rows) figures to review") }
    }
  }
}
