import Foundation
import Testing

@testable import TallyKit

/// A source over documents held in memory.
struct ArrayDocuments: DocumentSource {
  var documents: [Document]
  var position = 0
  mutating func next() throws(InputError) -> Document? {
    guard position < documents.count else { return nil }
    position += 1
    return documents[position - 1]
  }
}

@Suite("Extraction runs")
struct RunTests {
  /// The sample corpus shipped in datasets/corpus, read through its manifest.
  static func sampleCorpus() throws -> [Document] {
    var source = try ManifestDocuments(manifest: packageRoot.appendingPathComponent("datasets/corpus/manifest.csv").path)
    var docs: [Document] = []
    while let d = try source.next() { docs.append(d) }
    return docs
  }

  func output(_ docs: [Document], jobs: Int, format: FigureFormat = .jsonl) throws -> [UInt8] {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("tally-run-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: url) }
    let file = try AtomicFile(path: url.path)
    var source = ArrayDocuments(documents: docs)
    var run = ExtractionRun(extractor: Extractor(), encoder: FigureEncoder(format: format), jobs: jobs)
    run.batchDocuments = 7
    _ = try run.run(&source, to: file.writer, warnings: WarningCollector())
    try file.commit()
    return Array(try Data(contentsOf: url))
  }

  @Test func theSampleCorpusHasTwelveDatedDocuments() throws {
    let docs = try Self.sampleCorpus()
    #expect(docs.count == 12)
    #expect(docs.allSatisfy { $0.published != nil })
  }

  @Test func outputIsTheSameForAnyNumberOfThreads() throws {
    let docs = try Self.sampleCorpus()
    let many = Array(repeating: docs, count: 5).joined().enumerated().map { (i, d) -> Document in
      var d = d
      d.id = "\(d.id)-\(i)"
      return d
    }
    let one = try output(many, jobs: 1)
    #expect(!one.isEmpty)
    #expect(try output(many, jobs: 4) == one)
    #expect(try output(many, jobs: 1) == one, "the same bytes on every run")
  }

  @Test func csvHasTheRecordsColumns() throws {
    let csv = String(decoding: try output(try Self.sampleCorpus(), jobs: 2, format: .csv), as: UTF8.self)
    let header = try #require(csv.split(separator: "\n").first)
    #expect(header == Figure.columns.joined(separator: ","))
  }

  @Test func aDocumentOfOnlyNumbersEnds() {
    let text = (1...20_000).map(String.init).joined(separator: " ")
    let result = extraction(text)
    #expect(result.figures.count > 10_000, "plain numbers count (as other)")
  }

  @Test func aLongSingleLineDocumentEnds() {
    let sentence = "On Saturday, Israeli strikes killed at least 32 people, including several children, and 27 people crossed in either direction "
    let text = String(repeating: sentence, count: 2_000)  // 250 kB on one line, no full stop
    let result = extraction(text, published: "2026-02-02")
    #expect(result.figures.count == 6_000)
  }
}
