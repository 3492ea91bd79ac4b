import ArgumentParser
import TallyKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Options every subcommand shares.
struct GlobalOptions: ParsableArguments {
  @Flag(name: .shortAndLong, help: "Print no warnings or summary on standard error.")
  var quiet = false
}

/// Where a subcommand writes its main output.
struct OutputOptions: ParsableArguments {
  @Option(
    name: [.customShort("o"), .long], help: ArgumentHelp("Write to FILE instead of standard output.", valueName: "file"))
  var output: String?
}

/// How `extract` and `import` write figures: their format, the value given to vague
/// quantities, and the documents table beside them.
struct FigureOutputOptions: ParsableArguments {
  @Option(help: "Output format.")
  var format: FigureFormat = .jsonl

  @Option(help: "Point value of vague quantities: conservative (low end), midpoint, or bounds (no value).")
  var vague: VagueProfile = .conservative

  @Option(help: ArgumentHelp("Also write one row per document or source (id, outlet, url, published, sha256, bytes, figures) to FILE; CSV if it ends in .csv, else JSON Lines. normalize --documents reads it.", valueName: "file"))
  var documents: String?

  /// The documents table's writer, opened beside the main output, if asked for.
  func documentTable(_ context: CommandContext) throws(InputError) -> DocumentTableWriter? {
    try documents.map { path throws(InputError) in
      DocumentTableWriter(writer: try context.openFile(path), format: path.hasSuffix(".csv") ? .csv : .jsonl)
    }
  }
}

/// What a running subcommand is given: its output, and the collector its warnings go to.
final class CommandContext {
  let warnings = WarningCollector()
  let quiet: Bool
  private var atomics: [AtomicFile] = []
  private(set) var writer: ByteWriter?

  init(quiet: Bool) { self.quiet = quiet }

  /// Opens the output: standard output, or a temporary file renamed into place on success.
  func openOutput(_ options: OutputOptions) throws(InputError) -> ByteWriter {
    if let path = options.output, path != "-" {
      let w = try openFile(path)
      writer = w
      return w
    }
    let out = ByteWriter.standardOutput()
    writer = out
    return out
  }

  /// A further output file (a side table), renamed into place with the main output.
  func openFile(_ path: String) throws(InputError) -> ByteWriter {
    let file = try AtomicFile(path: path)
    atomics.append(file)
    return file.writer
  }

  /// Flushes and renames output files into place.
  func commit() throws(InputError) {
    if writer?.path == "-" { try writer?.flush() }
    do {
      for file in atomics { try file.commit() }
    } catch {
      discard()
      throw error
    }
  }

  /// Drops half-written output files.
  func discard() {
    for file in atomics { file.discard() }
  }

  /// A line for standard error, unless `--quiet`.
  func note(_ line: String) {
    if !quiet { FileDescriptorText.standardError.write(line + "\n") }
  }

  func reportWarnings() {
    guard !quiet else { return }
    for line in warnings.report() { FileDescriptorText.standardError.write(line + "\n") }
  }

  var standardErrorIsTerminal: Bool { isatty(2) != 0 }

  /// A progress meter for a long run, on standard error when it is a terminal (and not
  /// `--quiet`); `nil` otherwise, so that logs and pipes get no carriage returns.
  func progress(_ label: String, unit: String, inputs: [String]) -> ProgressMeter? {
    guard !quiet, standardErrorIsTerminal else { return nil }
    var total = 0
    for path in inputs {
      var st = stat()
      guard path != "-", stat(path, &st) == 0 else { return ProgressMeter(label: label, unit: unit, totalBytes: nil, sink: CommandContext.toStandardError) }
      total += Int(st.st_size)
    }
    return ProgressMeter(label: label, unit: unit, totalBytes: total, sink: CommandContext.toStandardError)
  }

  static let toStandardError: @Sendable (String) -> Void = { FileDescriptorText.standardError.write($0) }
}

/// A subcommand whose common work (opening outputs, flushing, printing warnings, turning
/// errors into one line and an exit status) is done here, as SwiftPM's `SwiftCommand` does:
/// a command file only declares its options and calls the library in `execute`.
protocol TallyCommand: AsyncParsableCommand {
  var global: GlobalOptions { get }
  func execute(_ context: CommandContext) async throws
}

extension TallyCommand {
  mutating func run() async throws {
    let context = CommandContext(quiet: global.quiet)
    do {
      try await execute(context)
      try context.commit()
      context.reportWarnings()
    } catch let error as any TallyError {
      context.discard()
      context.reportWarnings()
      FileDescriptorText.standardError.write("tally: error: \(error.localizedDescription)\n")
      throw ExitCode(1)
    }
  }
}

/// Unbuffered text to a file descriptor, for messages on standard error.
struct FileDescriptorText {
  let fd: Int32
  static let standardError = FileDescriptorText(fd: 2)

  func write(_ text: String) {
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let n = bytes.withUnsafeMutableBytes { p in
        #if canImport(Glibc)
          Glibc.write(fd, p.baseAddress! + offset, p.count - offset)
        #else
          Darwin.write(fd, p.baseAddress! + offset, p.count - offset)
        #endif
      }
      if n <= 0 { return }
      offset += n
    }
  }
}
