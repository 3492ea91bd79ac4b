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

@Suite("Robustness")
struct RobustnessTests {
  /// A fixed-seed generator, so a failure can be replayed.
  struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  static let pieces = [
    "0", "1", "7", "12", "2,000", "1.5", "16,500", "2026-01-25", "1/2/2025", "10:30", "$", "£", "€",
    "%", "(", ")", "-", "–", "“", "”", "’s", ",", ".", ";", "\n", "\n\n", "at", "least", "more",
    "than", "about", "between", "and", "to", "of", "the", "a", "dozen", "dozens", "tens",
    "thousands", "one", "two", "twenty-three", "hundred", "million", "killed", "wounded",
    "released", "hostages", "prisoners", "patients", "Palestinians", "trucks", "on", "Saturday",
    "October", "Oct", "since", "ceasefire", "war", "began", "in", "2024", "last", "week",
    "yesterday", "said", "according", "remains", "bodies", "each", "accompanied", "by",
    "including", "them", "é", "😀", "\u{00A0}", "per", "cent", "percent", "day", "or", "so",
    "under", "aged", "year-old", "p.m.", "GMT", "Of", "Among", "from", "7th", "F-16", "No.",
  ]

  @Test func randomTextNeitherCrashesNorMisplacesASpan() {
    var rng = SplitMix(state: 20261122)
    let extractor = Extractor()
    var figures = 0
    for n in 0..<4_000 {
      let count = Int.random(in: 0...60, using: &rng)
      let separator = [" ", "", " ", "\n"].randomElement(using: &rng)!
      let text = (0..<count).map { _ in Self.pieces.randomElement(using: &rng)! }.joined(separator: separator)
      let published = ["2025-02-01", "2026-02-02", nil].randomElement(using: &rng)!
      let result = extractor.extract(
        Document(id: "r\(n)", text: text, published: published.flatMap { CivilDate(iso: $0) }))
      let scalars = Array(text.unicodeScalars)
      for f in result.figures {
        figures += 1
        #expect(f.start >= 0 && f.start < f.end && f.end <= scalars.count)
        if f.end <= scalars.count {
          #expect(String(String.UnicodeScalarView(scalars[f.start..<f.end])) == f.text)
        }
      }
    }
    #expect(figures > 1000)
  }
}
