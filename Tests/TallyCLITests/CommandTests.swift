import ArgumentParser
import Foundation
import Testing

@testable import tally

@Suite("Parsing the command line")
struct CommandTests {
  @Test func extractParsesItsOptions() throws {
    let command = try Tally.Extract.parse(["--jsonl", "-", "--format", "csv", "--vague", "midpoint", "--jobs", "2", "-o", "out.csv"])
    #expect(command.jsonl == "-")
    #expect(command.figureOutput.format == .csv)
    #expect(command.figureOutput.vague == .midpoint)
    #expect(command.jobs == 2)
    #expect(command.outputOptions.output == "out.csv")
  }

  @Test(arguments: [
    ["extract"],
    ["extract", "--jsonl", "a.jsonl", "--manifest", "m.csv"],
    ["extract", "--jsonl", "a.jsonl", "--jobs", "0"],
    ["extract", "--jsonl", "a.jsonl", "--format", "xml"],
    ["extract", "--bogus"],
  ])
  func usageErrorsAreValidationFailures(_ arguments: [String]) {
    do {
      _ = try Tally.parseAsRoot(arguments)
      Issue.record("parsed \(arguments)")
    } catch {
      #expect(Tally.exitCode(for: error) == .validationFailure)
    }
  }

  /// A series needs a preset or indicators; the message says which mistake was made.
  @Test(arguments: [
    (["series", "d"], "Give a --preset (evacuations, casualties) or one or more --indicator."),
    (["series", "d", "--preset", "casualties", "--indicator", "killed"], "not both"),
    (["plot", "d", "-o", "c.svg"], "Give a --preset (evacuations, casualties) or one or more --indicator."),
  ])
  func seriesNeedAPresetOrIndicators(_ arguments: [String], _ message: String) {
    do {
      _ = try Tally.parseAsRoot(arguments)
      Issue.record("parsed \(arguments)")
    } catch {
      #expect(Tally.exitCode(for: error) == .validationFailure)
      #expect(Tally.message(for: error).contains(message), "\(Tally.message(for: error))")
    }
  }
}
