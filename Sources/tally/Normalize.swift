import ArgumentParser
import TallyKit

extension Tally {
  struct Normalize: TallyCommand {
    static let configuration = CommandConfiguration(
      abstract: "Turn figures into a dataset: figures, observations and documents tables.",
      discussion: """
        Reads figures (JSON Lines or CSV, from extract or import; - or no file is standard
        input) and writes a dataset directory: figures, observations and documents, each as
        CSV and JSON Lines with a Frictionless Table Schema, and datapackage.json. Repeats of a
        fact within a document collapse; the same fact from several documents merges by the
        --reconcile rule, and an observation whose sources cannot all be true says so in
        conflict. The directory appears only when complete.

        Examples:
          tally normalize figures.jsonl --documents documents.jsonl -o dataset/
          tally extract --jsonl docs.jsonl | tally normalize -o dataset/
          tally normalize figures.jsonl --curation curation.csv --reconcile median -o dataset/
        """
    )

    @Argument(help: ArgumentHelp("Figure files (JSON Lines or CSV); - or none reads standard input.", valueName: "file"))
    var inputs: [String] = []

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("The dataset directory to write (replaced if it holds an earlier dataset).", valueName: "dir"))
    var output: String

    @Option(help: ArgumentHelp("The documents table extract --documents wrote (outlets, urls, dates, SHA-256).", valueName: "file"))
    var documents: [String] = []

    @Option(help: ArgumentHelp("A curation CSV (from tally review, edited) that accepts, rejects or corrects figures by id.", valueName: "file"))
    var curation: String?

    @Option(help: "How the documents reporting one fact combine: conservative (lowest value), median, latest, intersect.")
    var reconcile: ReconcileRule = .conservative

    @Option(help: ArgumentHelp("How far either side of an approximate figure another source may be before they conflict (fraction).", valueName: "fraction"))
    var approximateTolerance: Double = 0.1

    @Flag(help: "Also write each table as NAME.hxl.csv with the HXL hashtag row, for HDX.")
    var hxl = false

    @OptionGroup var global: GlobalOptions

    func validate() throws {
      guard approximateTolerance >= 0, approximateTolerance < 1 else {
        throw ValidationError("--approximate-tolerance must be at least 0 and below 1.")
      }
    }

    func execute(_ context: CommandContext) async throws {
      let summary = try Normalizer.run(
        inputs: inputs.isEmpty ? ["-"] : inputs, output: output,
        options: NormalizeOptions(rule: reconcile, approximateTolerance: approximateTolerance, hxl: hxl),
        curation: try curation.map { path throws(NormalizationError) in try Curation(path: path) } ?? Curation(),
        documents: DocumentList(files: documents), warnings: context.warnings,
        progress: context.progress("tally normalize", unit: "figures", inputs: inputs.isEmpty ? ["-"] : inputs))
      if context.standardErrorIsTerminal {
        context.note(
          "tally: \(summary.figures) figures, \(summary.observations) observations (\(summary.conflicts) in conflict), \(summary.documents) documents -> \(output)")
      }
    }
  }
}

extension ReconcileRule: ExpressibleByArgument {}
