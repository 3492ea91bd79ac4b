import Foundation
import Testing

@testable import TallyKit

/// Extracts the figures of one text, published on `published` (nil for none).
func figures(
  _ text: String, published: String? = "2025-02-01", options: ExtractionOptions = ExtractionOptions()
) -> [Figure] {
  extraction(text, published: published, options: options).figures
}

func extraction(
  _ text: String, published: String? = "2025-02-01", options: ExtractionOptions = ExtractionOptions()
) -> DocumentFigures {
  let doc = Document(id: "t", text: text, published: published.flatMap { CivilDate(iso: $0) })
  return Extractor(options: options).extract(doc)
}

/// The figure whose text contains `mention`.
func figure(_ text: String, _ mention: String, published: String? = "2025-02-01") -> Figure? {
  figures(text, published: published).first { $0.text.contains(mention) }
}

/// The package's root folder, found from this file's path.
let packageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent()

/// `../shared` beside the checkout, where the reference articles live, if it is there.
let sharedFolder: URL? = {
  let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
  return FileManager.default.fileExists(atPath: url.appendingPathComponent("corpus/seeds/docs.jsonl").path)
    ? url : nil
}()

/// A temporary folder for each test (each case of a parameterized one) of the suite it marks,
/// removed when the test ends, pass or fail, so test runs leave nothing in the temporary
/// directory. Helpers find it through `ScratchFolder.current`.
struct ScratchFolder: SuiteTrait, TestTrait, TestScoping {
  @TaskLocal static var current: URL?

  var isRecursive: Bool { true }

  func provideScope(
    for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
  ) async throws {
    // A suite's own scope and a parameterized test's outer scope run no test body.
    guard !test.isSuite, testCase != nil || !test.isParameterized else { return try await function() }
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("tally-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: url) }
    try await ScratchFolder.$current.withValue(url, operation: function)
  }

  /// A new path inside the current test's folder.
  static func path(_ name: String) -> URL {
    guard let current else {
      fatalError("mark the suite with .scratchFolder to use ScratchFolder.path")
    }
    return current.appendingPathComponent("\(name)-\(UUID().uuidString)")
  }
}

extension Trait where Self == ScratchFolder {
  /// Gives each test a temporary folder, removed when it ends.
  static var scratchFolder: ScratchFolder { ScratchFolder() }
}
