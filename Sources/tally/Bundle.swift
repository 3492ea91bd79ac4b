import ArgumentParser
import Foundation
import TallyKit

extension Tally {
  struct Bundle: TallyCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write a versioned, citable, reproducible archive of a dataset (a BagIt bag).",
      discussion: """
        Writes NAME-X.Y.Z.tar.gz (or .zip, .tar.zst) with one folder NAME-X.Y.Z/ that is a
        BagIt 1.0 bag: the dataset's tables and schemas under data/, with datapackage.json,
        ro-crate-metadata.json, CITATION.cff, .zenodo.json, README.md and CHANGELOG.md written
        from one metadata source: DATASET/metadata.json, overridden by --title, --author and
        --license. The same inputs and SOURCE_DATE_EPOCH give the same bytes.

        Examples:
          SOURCE_DATE_EPOCH=1767225600 tally bundle dataset/ --version 1.0.0
          tally bundle dataset/ --version 1.1.0 --title "Gaza figures" --author "Doe, Jane" --license CC-BY-4.0 -o dist/
        """
    )

    @Argument(help: ArgumentHelp("A dataset directory written by tally normalize.", valueName: "dataset"))
    var dataset: String

    @Option(help: ArgumentHelp("The version, MAJOR.MINOR.PATCH.", valueName: "x.y.z"))
    var version: String

    @Option(help: ArgumentHelp("The archive's name (default: the dataset folder's name).", valueName: "name"))
    var name: String?

    @Option(help: "The title (overrides metadata.json).")
    var title: String?

    @Option(help: ArgumentHelp("An author, \"Family, Given\" (repeatable; overrides metadata.json).", valueName: "name"))
    var author: [String] = []

    @Option(help: ArgumentHelp("The licence, an SPDX id such as CC-BY-4.0 (overrides metadata.json).", valueName: "spdx"))
    var license: String?

    @Option(help: "Archive format: tar.gz, zip or tar.zst.")
    var format: ArchiveFormat = .tarGz

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("The folder to write the archive into.", valueName: "dir"))
    var output: String = "."

    @Flag(help: "Replace an existing archive.")
    var force = false

    @Option(help: ArgumentHelp("The previous version's archive: its changes go into CHANGELOG.md, and the version must be a large enough step.", valueName: "archive"))
    var previous: String?

    @Flag(help: "Accept a version step smaller than the changes since --previous need.")
    var forceVersion = false

    @OptionGroup var global: GlobalOptions

    func execute(_ context: CommandContext) async throws {
      let folder = URL(fileURLWithPath: dataset).standardizedFileURL.lastPathComponent
      var metadata = try DatasetMetadata.read(directory: dataset, name: name ?? folder)
      metadata.version = version
      if let title { metadata.title = title }
      if !author.isEmpty { metadata.authors = author.map { DatasetMetadata.Author(name: $0) } }
      if let license { metadata.license = license }
      try metadata.validate(directory: dataset)
      let target = "\(output)/\(metadata.stem).\(format.rawValue)"
      if fileExists(target) && !force { throw ArchiveError.exists(path: target) }
      let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(Int.init) ?? Int(Date().timeIntervalSince1970)
      // The command line as recorded in the RO-Crate: without where the archive went, which
      // does not change what is in it (and would change its bytes).
      var recorded: [String] = []
      var skip = false
      for arg in CommandLine.arguments.dropFirst() {
        if skip { skip = false; continue }
        if arg == "-o" || arg == "--output" { skip = true; continue }
        if arg == "--force" || arg.hasPrefix("--output=") { continue }
        recorded.append(arg)
      }
      let before = try previous.map { path throws(ArchiveError) in
        try BundleBuilder.PreviousVersion(archive: path, directory: dataset)
      }
      if let before {
        let step = DatasetDiff.bump(from: before.version, to: version)
        if !forceVersion, step == nil || step! < before.diff.bump || step == DatasetDiff.Bump.none {
          let needed = before.diff.bump == .none ? "patch" : ["none", "patch", "minor", "major"][before.diff.bump.rawValue]
          throw ArchiveError.versionTooSmall(version: version, previous: before.version, needed: needed)
        }
      }
      let builder = BundleBuilder(
        directory: dataset, metadata: metadata, epoch: epoch, commandLine: (["tally"] + recorded).joined(separator: " "),
        previous: before)
      try ArchiveWriter(path: target, format: format, mtime: epoch).write(try builder.files())
      context.note("tally: wrote \(target)")
    }
  }

  struct Verify: TallyCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check a dataset archive: checksums, sizes, versions and provenance.",
      discussion: """
        Reads the archive once, without unpacking it: every BagIt manifest checksum, the
        tag manifest, the Payload-Oxum, the sizes and hashes datapackage.json declares, the
        version across the metadata files, and that every figure's document is listed with
        its SHA-256. Prints one line per check; exit status 1 if any fails.

        Example:
          tally verify gaza-figures-1.0.0.tar.gz
        """
    )

    @Argument(help: ArgumentHelp("The archive.", valueName: "archive"))
    var archive: String

    @OptionGroup var global: GlobalOptions

    func execute(_ context: CommandContext) async throws {
      let report = try ArchiveVerifier(path: archive).verify()
      let out = ByteWriter.standardOutput()
      try out.write(report.lines.joined(separator: "\n") + "\n")
      try out.write(report.failed == 0 ? "\(archive): verified\n" : "\(archive): \(report.failed) checks failed\n")
      try out.flush()
      if report.failed > 0 { throw ExitCode(1) }
    }
  }

  struct Diff: TallyCommand {
    static let configuration = CommandConfiguration(
      abstract: "Compare two versions of a dataset: schema changes and rows added, removed and changed.",
      discussion: """
        OLD and NEW are archives (from tally bundle) or dataset directories. Rows are matched by
        their id; a changed row lists each changed cell, old -> new. Ends with the version step
        the changes need: a schema change a new major, new or removed rows a new minor, changed
        cells a new patch.

        Examples:
          tally diff gaza-1.0.0.tar.gz dataset/
          tally diff gaza-1.0.0.tar.gz gaza-1.1.0.tar.gz --format json
        """
    )

    @Argument(help: ArgumentHelp("The earlier version.", valueName: "old"))
    var old: String

    @Argument(help: ArgumentHelp("The later version.", valueName: "new"))
    var new: String

    enum Format: String, ExpressibleByArgument { case text, json }

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @OptionGroup var outputOptions: OutputOptions
    @OptionGroup var global: GlobalOptions

    func execute(_ context: CommandContext) async throws {
      let diff = try DatasetDiff(old: old, new: new)
      let writer = try context.openOutput(outputOptions)
      switch format {
      case .text: try writer.write(diff.text)
      case .json: try writer.write(diff.json.bytes())
      }
    }
  }
}

extension ArchiveFormat: ExpressibleByArgument {}
