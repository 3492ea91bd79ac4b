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
          tally extract --jsonl feed.jsonl --on-error skip --skipped skipped.jsonl -o figures.jsonl
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

    @Option(help: "A document that cannot be read (bad JSON, invalid UTF-8, no text): fail stops the run with its error; skip leaves it out and lists it in --skipped.")
    var onError: ErrorPolicy = .fail

    @Option(help: ArgumentHelp("With --on-error skip: where to list the skipped documents, as JSON Lines (doc, file, line, error).", valueName: "file"))
    var skipped: String?

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
      // Skipped documents are never dropped silently: they go to a file the researcher names.
      if onError == .skip && skipped == nil {
        throw ValidationError("--on-error skip needs --skipped FILE, where the skipped documents are listed.")
      }
      if onError == .fail && skipped != nil {
        throw ValidationError("--skipped lists the documents --on-error skip leaves out; add --on-error skip.")
      }
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
      run.onError = onError
      if let skipped {
        let list = try context.openFile(skipped)
        run.skip = { document throws(InputError) in try list.write(document.jsonLine) }
      }
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
      if summary.skipped > 0, let skipped {
        context.note("tally: skipped \(summary.skipped) bad document\(summary.skipped == 1 ? "" : "s"), listed in \(skipped)")
      }
      if context.standardErrorIsTerminal {
        context.note("tally: \(summary.figures) figures from \(summary.documents) documents")
      }
    }
  }
}

extension FigureFormat: ExpressibleByArgument {}
extension VagueProfile: ExpressibleByArgument {}
extension ErrorPolicy: ExpressibleByArgument {}
