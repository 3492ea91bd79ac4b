import ArgumentParser
import TallyKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The `tally` command: composable subcommands from news articles to cited datasets.
@main
struct Tally: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tally",
    abstract: "Turn news reports of the Gaza war into traceable, coded figures and datasets.",
    discussion: """
      Each subcommand reads files or standard input and writes standard output or -o FILE,
      so steps compose in make rules and pipes. Exit status: 0 on success, 1 for bad input
      data, 2 for bad usage.
      """,
    version: TallyKit.version,
    subcommands: [Extract.self, Normalize.self, Import.self, Review.self, Series.self, Stats.self, Compare.self, Plot.self, Bundle.self, Verify.self, Diff.self, Loaders.self]
  )

  /// Like ArgumentParser's own `main()`, but usage errors exit with status 2 (the POSIX
  /// convention for bad usage) rather than 64.
  static func main() async {
    // Ctrl-C or kill: remove the outputs still being written, so none is left half done.
    TemporaryOutputs.removeOnInterrupt()
    do {
      var command = try parseAsRoot()
      if var asyncCommand = command as? AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
    } catch {
      if exitCode(for: error) == .validationFailure {
        let message = fullMessage(for: error)
        FileDescriptorText.standardError.write(message + "\n")
        Self.exit(withError: ExitCode(2))
      }
      exit(withError: error)
    }
  }
}
