import ArgumentParser
import TallyKit

extension Tally {
  struct Extract: TallyCommand {
    static let configuration = CommandConfiguration(
      abstract: "Find and code every reported figure in news articles.",
      discussion: """
        Implements the codebook: value and bounds, qualifier, indicator, group, modality, the
        date the figure refers to, the period of a running total, who gave it, and the exact
        span of text (code point offsets). One figure per line, in document order.

        Examples:
          tally extract --manifest corpus/manifest.csv -o figures.jsonl
          tally extract --jsonl docs.jsonl --format csv > figures.csv
          tally extract --manifest corpus/manifest.csv --documents documents.jsonl -o figures.jsonl
          cat docs.jsonl | tally extract --jsonl - | tally normalize -o dataset/
        """
    )

    @Option(help: ArgumentHelp("Read documents from JSON Lines (fields id, text, published, outlet, url); - is standard input.", valueName: "file"))
    var jsonl: String?

    @Option(help: ArgumentHelp("Read the text files a manifest CSV lists (columns id, path, published, outlet, url).", valueName: "file"))
    var manifest: String?

    @Argument(help: ArgumentHelp("Text files to read without a manifest (no publication dates).", valueName: "file"))
    var files: [String] = []

    @OptionGroup var figureOutput: FigureOutputOptions

    @Option(help: ArgumentHelp("Named periods (ceasefires, the war) as CSV; default: the calendar shipped with tally.", valueName: "file"))
    var calendar: String?

    @Option(help: "Threads to extract with (default: all cores). The output is the same for any number.")
    var jobs: Int = TallyKit.processorCount

    @OptionGroup var outputOptions: OutputOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws {
      let inputs = (jsonl == nil ? 0 : 1) + (manifest == nil ? 0 : 1) + (files.isEmpty ? 0 : 1)
      guard inputs == 1 else {
        throw ValidationError(
          inputs == 0
            ? "Give the documents: --jsonl FILE (or - for standard input), --manifest FILE, or text files."
            : "Give the documents one way only: --jsonl, --manifest or text files.")
      }
      guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1.") }
    }

    func execute(_ context: CommandContext) async throws {
      var options = ExtractionOptions(vague: figureOutput.vague)
      if let calendar {
        options.calendar = try EventCalendar.parse(readFileBytes(calendar), file: calendar)
      }
      var run = ExtractionRun(
        extractor: Extractor(options: options), encoder: FigureEncoder(format: figureOutput.format), jobs: jobs)
      // Progress against the JSON Lines input's size (a manifest's texts are not sized up
      // front: no estimate of time left there).
      run.progress = context.progress("tally extract", unit: "documents", inputs: jsonl.map { [$0] } ?? ["-"])
      defer { run.progress?.finish() }
      let writer = try context.openOutput(outputOptions)
      let table = try figureOutput.documentTable(context)
      let summary: ExtractionSummary
      if let jsonl {
        var source = try JSONLinesDocuments(path: jsonl)
        summary = try run.run(&source, to: writer, documents: table, warnings: context.warnings)
      } else if let manifest {
        var source = try ManifestDocuments(manifest: manifest)
        summary = try run.run(&source, to: writer, documents: table, warnings: context.warnings)
      } else {
        var source = TextFileDocuments(paths: files)
        summary = try run.run(&source, to: writer, documents: table, warnings: context.warnings)
      }
      if context.standardErrorIsTerminal {
        context.note("tally: \(summary.figures) figures from \(summary.documents) documents")
      }
    }
  }
}

extension FigureFormat: ExpressibleByArgument {}
extension VagueProfile: ExpressibleByArgument {}
